//! The explorer's state and its transitions, as a reducer: every change
//! (a search typed, a filter clicked, a document opened, the back button) is
//! an [`Action`], and [`ExplorerState::transition`] says what state follows
//! and which history entry, if any, to write.
//!
//! The route is the single source of truth for what is shown (see
//! [`crate::route`]); the app writes the entry this returns and follows
//! back and forward with [`Action::Followed`].

use crate::engine::query::{with_filter, FilterKey};
use crate::route::{refines, Route};

/// How a navigation enters the browser history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    /// A new entry (back returns to the current one).
    Push,
    /// Overwrite the current entry (refining the same search).
    Replace,
}

/// How a search typed in the box enters the history: refining the same
/// search replaces the entry, a new one pushes its own, so back and forward
/// step through searches. Clearing the box is a step of its own: the search
/// before it stays one Back away.
pub fn nav_for(route: &Route, q: &str) -> Nav {
    if refines(route, q) {
        Nav::Replace
    } else {
        Nav::Push
    }
}

/// What an embed shows: one view at a time, so it stays compact in an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedView {
    /// The result list.
    Results,
    /// The city map.
    Map,
    /// The timeline.
    Timeline,
}

/// What the explorer shows and how it got there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExplorerState {
    /// What is shown (the URL's hash).
    pub route: Route,
    /// The query the reader is typing, if the route's is it: only then does
    /// its last word match as a prefix (never for a link, a reload or Enter).
    pub typing_for: Option<String>,
    /// In an embed, the one view shown.
    pub embed_view: EmbedView,
    /// The map and the timeline join on the render after the first: the
    /// results, which a reader waits for, are on screen before them.
    pub panels_ready: bool,
}

/// A change to the explorer's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A search from the box: `typing` while the reader is still typing it,
    /// else submitted (Enter, Escape).
    Search {
        /// The query.
        q: String,
        /// Still being typed.
        typing: bool,
    },
    /// A new query from a facet or a hint: a step of its own in history.
    Filter(String),
    /// A place was activated on the map (`None`: lift the `city:` filter).
    Place(Option<String>),
    /// A span was brushed on the timeline (from, to as written in the
    /// query), or cleared.
    Span(Option<(String, String)>),
    /// Open the reader at a document (and a section within it), keeping
    /// the current query.
    Open {
        /// Document id.
        id: String,
        /// Section within the document.
        section: Option<u32>,
    },
    /// The browser moved to `route` (back, forward, an edited address).
    Followed(Route),
    /// The embed's tabs: show one view.
    ShowInEmbed(EmbedView),
    /// The first render is on screen: the panels may join.
    PanelsReady,
}

/// What follows an action: the next state, and the history entry to write
/// for it (`None`: the address stays as it is).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    /// The next state.
    pub state: ExplorerState,
    /// The route to write to the history, and how.
    pub write: Option<(Route, Nav)>,
}

impl ExplorerState {
    /// The state on arrival at `route`.
    pub fn new(route: Route) -> Self {
        ExplorerState {
            route,
            typing_for: None,
            embed_view: EmbedView::Results,
            panels_ready: false,
        }
    }

    /// The query of the current route.
    pub fn query(&self) -> &str {
        self.route.query()
    }

    /// Whether the route's query is the one being typed (its last word then
    /// also matches as a prefix).
    pub fn typing(&self) -> bool {
        self.typing_for.as_deref() == Some(self.query())
    }

    /// Where a new or refined query `q` goes: the concordance (in its order)
    /// and the trends stay what they are, anything else shows the results.
    fn answer_to(&self, q: String) -> Route {
        match &self.route {
            Route::Concordance { sort, .. } if !q.trim().is_empty() => Route::Concordance { q, sort: *sort },
            Route::Trends { vs, .. } if !q.trim().is_empty() => Route::Trends { q, vs: vs.clone() },
            _ => Route::Search { q },
        }
    }

    /// The state and history entry that follow `action`.
    pub fn transition(&self, action: Action) -> Transition {
        let mut state = self.clone();
        let next = match action {
            Action::Search { q, typing } => {
                state.typing_for = typing.then(|| q.clone());
                let nav = nav_for(&self.route, &q);
                Some((self.answer_to(q), nav))
            }
            Action::Filter(q) => Some((self.answer_to(q), Nav::Push)),
            Action::Place(place) => {
                let q = with_filter(self.query(), FilterKey::City, place.as_deref());
                Some((self.answer_to(q), Nav::Push))
            }
            Action::Span(span) => {
                let (from, to) = span.unzip();
                let q = with_filter(
                    &with_filter(self.query(), FilterKey::From, from.as_deref()),
                    FilterKey::To,
                    to.as_deref(),
                );
                Some((self.answer_to(q), Nav::Push))
            }
            Action::Open { id, section } => Some((
                Route::Doc {
                    id,
                    q: self.query().to_owned(),
                    section,
                    at: None,
                },
                Nav::Push,
            )),
            Action::Followed(route) => {
                state.route = route;
                None
            }
            Action::ShowInEmbed(view) => {
                state.embed_view = view;
                None
            }
            Action::PanelsReady => {
                state.panels_ready = true;
                None
            }
        };
        // Going where it already is writes nothing.
        let write = next.filter(|(route, _)| *route != self.route);
        if let Some((route, _)) = &write {
            state.route = route.clone();
        }
        Transition { state, write }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(q: &str) -> ExplorerState {
        ExplorerState::new(Route::Search { q: q.into() })
    }

    fn search(q: &str, typing: bool) -> Action {
        Action::Search {
            q: q.into(),
            typing,
        }
    }

    #[test]
    fn typing_refines_the_entry_and_a_new_search_pushes_one() {
        let t = at("").transition(search("Hong", true));
        assert_eq!(
            t.write,
            Some((Route::Search { q: "Hong".into() }, Nav::Push))
        );
        assert!(
            t.state.typing(),
            "its last word matches as a prefix while typed"
        );
        let t = t.state.transition(search("Hong Kong", true));
        assert_eq!(
            t.write,
            Some((
                Route::Search {
                    q: "Hong Kong".into()
                },
                Nav::Replace
            ))
        );
        let t = t.state.transition(search("Macau", false));
        assert_eq!(
            t.write,
            Some((Route::Search { q: "Macau".into() }, Nav::Push))
        );
        assert!(!t.state.typing());
        assert_eq!(t.state.query(), "Macau");
    }

    #[test]
    fn enter_on_the_query_being_typed_stops_prefix_matching_without_a_history_entry() {
        let typed = at("").transition(search("Hong", true)).state;
        let t = typed.transition(search("Hong", false));
        assert_eq!(t.write, None, "same route: the address stays");
        assert_eq!(t.state.route, typed.route);
        assert!(!t.state.typing(), "the whole word now");
    }

    #[test]
    fn a_concordance_stays_one_through_new_queries_and_filters_until_the_box_is_cleared() {
        use crate::engine::research::KwicSort;
        let kwic = |q: &str| Route::Concordance { q: q.into(), sort: KwicSort::Left };
        let t = ExplorerState::new(kwic("port")).transition(search("port city", true));
        assert_eq!(t.write, Some((kwic("port city"), Nav::Replace)));
        let t = t.state.transition(Action::Place(Some("Macau".into())));
        assert_eq!(t.write, Some((kwic("port city city:Macau"), Nav::Push)));
        let t = t.state.transition(search("", false));
        assert_eq!(t.write, Some((Route::Search { q: String::new() }, Nav::Push)));
    }

    #[test]
    fn clearing_the_box_is_a_step_of_its_own() {
        let t = at("Hong Kong").transition(search("", false));
        assert_eq!(
            t.write,
            Some((Route::Search { q: String::new() }, Nav::Push))
        );
    }

    #[test]
    fn a_place_filters_the_current_query_and_activating_it_again_lifts_the_filter() {
        let t = at("port").transition(Action::Place(Some("Macau".into())));
        let (route, nav) = t.write.clone().expect("a new entry");
        assert_eq!(nav, Nav::Push);
        assert!(route.query().contains("port"), "{}", route.query());
        assert_eq!(
            crate::engine::query::filter_value(route.query(), FilterKey::City),
            Some("Macau".to_owned())
        );
        let t = t.state.transition(Action::Place(None));
        let (route, _) = t.write.expect("a new entry");
        assert_eq!(
            crate::engine::query::filter_value(route.query(), FilterKey::City),
            None
        );
        assert!(route.query().contains("port"));
    }

    #[test]
    fn a_brushed_span_becomes_from_and_to() {
        let t = at("trade").transition(Action::Span(Some(("2019".into(), "2020-06".into()))));
        let q = t.state.query().to_owned();
        assert_eq!(
            crate::engine::query::filter_value(&q, FilterKey::From),
            Some("2019".to_owned())
        );
        assert_eq!(
            crate::engine::query::filter_value(&q, FilterKey::To),
            Some("2020-06".to_owned())
        );
        let cleared = t.state.transition(Action::Span(None)).state;
        assert_eq!(
            crate::engine::query::filter_value(cleared.query(), FilterKey::From),
            None
        );
        assert_eq!(
            crate::engine::query::filter_value(cleared.query(), FilterKey::To),
            None
        );
    }

    #[test]
    fn opening_a_document_keeps_the_query_and_back_returns() {
        let t = at("harbour").transition(Action::Open {
            id: "a.txt".into(),
            section: Some(2),
        });
        assert_eq!(
            t.write,
            Some((
                Route::Doc {
                    id: "a.txt".into(),
                    q: "harbour".into(),
                    section: Some(2),
                    at: None,
                },
                Nav::Push
            ))
        );
        // Back: the browser says where it is now; nothing is written.
        let back = t.state.transition(Action::Followed(Route::Search {
            q: "harbour".into(),
        }));
        assert_eq!(back.write, None);
        assert_eq!(
            back.state.route,
            Route::Search {
                q: "harbour".into()
            }
        );
    }

    #[test]
    fn a_filter_click_is_a_new_step_even_when_it_extends_the_query() {
        let t = at("port").transition(Action::Filter("port lang:en".into()));
        assert_eq!(t.write.map(|w| w.1), Some(Nav::Push));
    }

    #[test]
    fn panels_and_embed_tabs_change_no_route() {
        let s = at("x");
        let t = s.transition(Action::PanelsReady);
        assert!(t.state.panels_ready && t.write.is_none());
        let t = t.state.transition(Action::ShowInEmbed(EmbedView::Map));
        assert_eq!(t.state.embed_view, EmbedView::Map);
        assert_eq!(t.state.route, s.route);
    }
}
