//! The browser app: yew function components over the embedded index.
//!
//! The URL hash is the single source of truth for what is shown
//! ([`crate::route::Route`]); the index is the `&'static` value from
//! [`crate::index`], read in place and never copied into props or state.

mod components;
mod history;
pub(crate) mod platform;
pub(crate) mod shards;

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::query::{filter_value, with_filter, FilterKey};
use crate::engine::{search, Index, SearchOptions, SearchResults};
use crate::route::Route;
use components::{CityMap, Masthead, Overview, Reader, ResultList, Share, Timeline};
use history::{use_route, Nav};

/// Mounts the app on `#app` and installs the panic panel.
pub fn start() {
    std::panic::set_hook(Box::new(|info| show_fatal(&info.to_string())));
    platform::register_service_worker();
    let root = gloo::utils::document().get_element_by_id("app");
    match root {
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => show_fatal("the page has no #app element"),
    }
}

/// Shows the page's error panel (static markup in index.html) with `message`
/// as text: a crash never leaves a blank page.
fn show_fatal(message: &str) {
    gloo::console::error!(format!("corpus-atlas: {message}"));
    let doc = gloo::utils::document();
    if let Some(msg) = doc.get_element_by_id("fatal-message") {
        msg.set_text_content(Some(message));
    }
    if let Some(panel) = doc.get_element_by_id("fatal") {
        let _ = panel.remove_attribute("hidden");
    }
}

/// A search answer shared with components by reference count; compared by
/// identity so a re-render never compares result lists.
#[derive(Clone)]
pub struct Answer {
    /// The results.
    pub results: Rc<SearchResults>,
    /// Milliseconds the engine took.
    pub millis: f64,
    /// Shards of a split index were missing: the answer is not final, the
    /// search runs again when they arrive.
    pub pending: bool,
}

impl PartialEq for Answer {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.results, &other.results)
    }
}

fn run_search(index: &Index<'static>, q: &str, typing: bool) -> Answer {
    let perf = gloo::utils::window().performance();
    let t0 = perf.as_ref().map_or(0.0, |p| p.now());
    let misses = index.misses();
    let results = search(index, q, SearchOptions { typing });
    let millis = perf.as_ref().map_or(0.0, |p| p.now()) - t0;
    Answer {
        results: Rc::new(results),
        millis,
        pending: index.misses() != misses,
    }
}

/// What an embed shows: one view at a time, so it stays compact in an article.
#[derive(Clone, Copy, PartialEq, Eq)]
enum EmbedView {
    Results,
    Map,
    Timeline,
}

/// Results an embed lists before "Open in corpus-atlas".
const EMBED_RESULTS: usize = 5;

#[function_component]
fn App() -> Html {
    match crate::index() {
        Ok(index) => html! { <Explorer index={IndexRef(index, 0)} /> },
        Err(e) => {
            show_fatal(&format!("the index in this bundle cannot be read: {e}"));
            Html::default()
        }
    }
}

/// The `&'static` index as a prop: a pointer, compared by identity, and for
/// a split index the number of shard batches arrived, so that every view
/// reading it renders again when more of it is here.
#[derive(Clone, Copy)]
pub struct IndexRef(pub &'static Index<'static>, pub u32);

impl PartialEq for IndexRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0) && self.1 == other.1
    }
}

#[derive(Properties, PartialEq)]
struct ExplorerProps {
    index: IndexRef,
}

#[function_component]
fn Explorer(props: &ExplorerProps) -> Html {
    let index = props.index.0;
    // Shard batches arrived (a split index only).
    let batches = use_mut_ref(|| 0u32);
    {
        let batches = batches.clone();
        let redraw = use_force_update();
        shards::on_arrival(Callback::from(move |()| {
            *batches.borrow_mut() += 1;
            redraw.force_update();
        }));
    }
    shards::use_shards(index);
    let generation = *batches.borrow();
    let index_ref = IndexRef(index, generation);
    let (route, navigate) = use_route();
    let embed = *use_memo((), |_| platform::embed_mode());
    // In a frame, tell the host page our height after every render.
    let last_height = use_mut_ref(|| 0);
    use_effect(move || platform::report_height(&mut last_height.borrow_mut()));
    let query = route.query().to_owned();
    // The query the reader is typing, if the route's is it: only then does
    // its last word match as a prefix (never for a link, a reload or Enter).
    let typing_for = use_state(|| None::<String>);
    let typing = typing_for.as_deref() == Some(query.as_str());
    let answer = shards::use_complete(index, (query.clone(), typing), generation, |(q, typing)| {
        run_search(index, q, *typing)
    });

    use_effect_with(route.clone(), |route| {
        let title = match route {
            Route::Search { q } if q.is_empty() => "corpus-atlas".to_owned(),
            Route::Search { q } => format!("{q} — corpus-atlas"),
            Route::Doc { id, .. } => format!("{id} — corpus-atlas"),
        };
        gloo::utils::document().set_title(&title);
    });

    let search_with = |typing: bool| {
        let navigate = navigate.clone();
        let route = route.clone();
        let typing_for = typing_for.clone();
        Callback::from(move |q: String| {
            typing_for.set(typing.then(|| q.clone()));
            let nav = history::nav_for(&route, &q);
            navigate.emit((Route::Search { q }, nav));
        })
    };
    let on_search = search_with(false);
    let on_typing = search_with(true);

    // A filter click is a new step in history: back undoes it.
    let on_filter = {
        let navigate = navigate.clone();
        Callback::from(move |q: String| navigate.emit((Route::Search { q }, Nav::Push)))
    };

    // The map counts what the results show: every section without a query.
    // While a split index's shards are on their way the answer is not final:
    // the map and the timeline keep the last final counts (drawing thousands
    // of sections twice is most of a new query's time at 10,000 documents).
    // (Before any final answer: nothing counted, rather than the whole corpus.)
    let last_counted = use_mut_ref(|| Some(Rc::new(vec![false; index.section_count() as usize])));
    let counted = use_memo(answer.clone(), move |answer| {
        if answer.pending {
            return last_counted.borrow().clone();
        }
        let counted = (!answer.results.query.is_empty()).then(|| {
            let mut on = vec![false; index.section_count() as usize];
            for h in &answer.results.hits {
                on[h.section as usize] = true;
            }
            Rc::new(on)
        });
        *last_counted.borrow_mut() = counted.clone();
        counted
    });
    // The panels' callbacks never change (they read the current query and
    // navigation through a cell): with equal props the map and the timeline
    // skip the renders of an answer still waiting for shards.
    let current = use_mut_ref(|| (String::new(), navigate.clone()));
    *current.borrow_mut() = (query.clone(), navigate.clone());
    let on_place = {
        let current = current.clone();
        use_callback((), move |place: Option<String>, _| {
            let (query, navigate) = current.borrow().clone();
            let q = with_filter(&query, FilterKey::City, place.as_deref());
            navigate.emit((Route::Search { q }, Nav::Push));
        })
    };
    let on_span = {
        let current = current.clone();
        use_callback((), move |span: Option<(String, String)>, _| {
            let (query, navigate) = current.borrow().clone();
            let (from, to) = span.unzip();
            let q = with_filter(
                &with_filter(&query, FilterKey::From, from.as_deref()),
                FilterKey::To,
                to.as_deref(),
            );
            navigate.emit((Route::Search { q }, Nav::Push));
        })
    };
    let on_open = use_callback((), move |(id, section): (String, Option<u32>), _| {
        let (q, navigate) = current.borrow().clone();
        navigate.emit((Route::Doc { id, q, section }, Nav::Push));
    });
    // The map and the timeline join on the render after the first: the
    // results, which a reader waits for, are on screen before them.
    let panels_ready = use_state_eq(|| false);
    {
        let panels_ready = panels_ready.clone();
        use_effect_with((), move |_| panels_ready.set(true));
    }
    // In an embed, one view at a time, by the reader's choice.
    let embed_view = use_state_eq(|| EmbedView::Results);
    let show = |view: EmbedView| !embed || *embed_view == view;
    let panels = (*panels_ready && matches!(route, Route::Search { .. })).then(|| {
        let selected = filter_value(&query, FilterKey::City).map(AttrValue::from);
        let span = crate::engine::search::date_span(&answer.results.query, &mut Vec::new());
        // The timeline reads only the tables, never a shard: it need not
        // render again when shards arrive (at 10,000 documents it draws
        // thousands of dates).
        html! {
            <div class="panels">
                if show(EmbedView::Map) {
                    <CityMap index={index_ref} counted={(*counted).clone()} {selected} {on_place} />
                }
                if show(EmbedView::Timeline) {
                    <Timeline index={IndexRef(index, 0)} counted={(*counted).clone()} {span} {on_span} {on_open} />
                }
            </div>
        }
    });

    let failed = shards::failure().map(|e| {
        let retry = Callback::from(move |_: MouseEvent| shards::retry(index));
        html! {
            <div class="hint shard-error" role="alert">
                <p>{ format!("Part of the index could not be loaded ({e}). Check the connection, then try again.") }</p>
                <button type="button" class="tab" onclick={retry}>{ "Try again" }</button>
            </div>
        }
    });
    let body = match &route {
        Route::Search { q } if q.trim().is_empty() => html! { <Overview index={index_ref} /> },
        Route::Search { .. } if !show(EmbedView::Results) => Html::default(),
        Route::Search { q } => html! {
            <ResultList index={index_ref} query={AttrValue::from(q.clone())} answer={(*answer).clone()} on_search={on_filter}
                        page={if embed { EMBED_RESULTS } else { 20 }} />
        },
        Route::Doc { id, q, section } => html! {
            <Reader index={index_ref} id={AttrValue::from(id.clone())} query={AttrValue::from(q.clone())} section={*section} />
        },
    };
    if embed {
        // A compact layout for an article column: the search box, the one
        // view, and a way out to the full explorer.
        let classes = classes!(
            "embed",
            matches!(route, Route::Search { .. }).then_some("embed-results")
        );
        let tab = |view: EmbedView, label: &'static str| {
            let on = *embed_view == view;
            let embed_view = embed_view.clone();
            let onclick = Callback::from(move |_: MouseEvent| embed_view.set(view));
            html! { <button type="button" class={classes!("tab", on.then_some("tab-on"))} aria-pressed={on.to_string()} {onclick}>{ label }</button> }
        };
        let tabs = matches!(route, Route::Search { .. }).then(|| html! {
            <div class="tabs embed-tabs" role="group" aria-label="Show">
                { tab(EmbedView::Results, "Results") }{ tab(EmbedView::Map, "Map") }{ tab(EmbedView::Timeline, "Timeline") }
            </div>
        });
        return html! {
            <div class={classes}>
                <Masthead index={index_ref} query={AttrValue::from(query)} {on_search} {on_typing} sticky=false />
                { for tabs }
                <main id="main" class="main" tabindex="-1">{ for failed.clone() }{ for panels }{ body }</main>
                <p class="embed-out"><a href={platform::full_url()} target="_blank" rel="noopener">{ "Open in corpus-atlas ↗" }</a></p>
            </div>
        };
    }
    html! {
        <>
            <Masthead index={index_ref} query={AttrValue::from(query)} {on_search} {on_typing} sticky={!matches!(route, Route::Doc { .. })} />
            <main id="main" class="main" tabindex="-1">{ for failed.clone() }{ for panels }{ body }</main>
            <footer class="footer">
                <Share />
                <p>{ if index.is_split() {
                    "corpus-atlas searches in your browser: your words are never sent anywhere. This site's index comes in parts, fetched from this site as you search, so the site can tell from which parts you fetch roughly which words you searched and which texts you opened."
                } else {
                    "corpus-atlas runs entirely in your browser: the texts and their index are inside this page, and nothing is fetched from any network."
                } }</p>
            </footer>
        </>
    }
}
