//! The explorer: the search box, the results or the reader, and the map and
//! the timeline beside them; in an embed, one view at a time.
//!
//! Its state is a reducer ([`use_explorer`]) over
//! [`crate::view::state::ExplorerState`]: the route on screen, the query
//! being typed, the embed's view. Components change it through callbacks
//! that dispatch [`Action`]s.

use std::rc::Rc;

use yew::prelude::*;

use super::components::{CityMap, Concordance, Masthead, Overview, Reader, ResultList, Share, TableView, Timeline, Trends};
use super::hooks::{use_counted, use_explorer, use_handlers, use_late, use_page_title, use_search, Handlers};
use super::{platform, shards, Answer, IndexRef};
use crate::engine::query::{filter_value, FilterKey};
use crate::route::Route;
use crate::view::state::{Action, EmbedView, ExplorerState};

/// Results an embed lists before "Open in corpus-atlas".
const EMBED_RESULTS: usize = 5;

#[derive(Properties, PartialEq)]
pub struct ExplorerProps {
    pub index: IndexRef,
}

#[function_component]
pub fn Explorer(props: &ExplorerProps) -> Html {
    let index = props.index.0;
    // Shards arrived (a split index only).
    let generation = shards::use_arrivals(index);
    shards::use_shards(index);
    let index_ref = IndexRef::at(index, generation);
    let state = use_explorer();
    let embed = *use_memo((), |_| platform::embed_mode());
    // In a frame, tell the host page our height after every render.
    let last_height = use_mut_ref(|| 0);
    use_effect(move || platform::report_height(&mut last_height.borrow_mut()));
    let query = state.query().to_owned();
    let answer = use_search(index, query.clone(), state.typing(), generation);
    use_page_title(&state.route);
    let handlers = use_handlers(&state);
    // The map and the timeline follow a frame after the results: the list
    // is what a reader typing looks at, and redrawing them took most of a
    // keystroke's time. With a split index they also wait for the shards
    // on their way (the snippets' texts): at 10,000 documents drawing them
    // held back the texts' arrival by 40 ms. (Asked again when a batch has
    // settled, arrived or failed.)
    let now = use_counted(index, answer.clone());
    let (counted, _) = use_late((now, shards::settled()), shards::busy);
    // The map and the timeline join on the render after the first: the
    // results, which a reader waits for, are on screen before them.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| dispatcher.dispatch(Action::PanelsReady));
    }
    // In an embed, one view at a time, by the reader's choice.
    let show = |view: EmbedView| !embed || state.embed_view == view;
    let route = &state.route;
    let panels = (state.panels_ready && matches!(route, Route::Search { .. } | Route::Concordance { .. } | Route::Trends { .. } | Route::Documents { .. })).then(|| {
        let selected = filter_value(&query, FilterKey::City).map(AttrValue::from);
        let span = crate::engine::search::date_span(&answer.results.query, &mut Vec::new());
        // The timeline reads only the tables, never a shard: it need not
        // render again when shards arrive (at 10,000 documents it draws
        // thousands of dates).
        html! {
            <div class="panels">
                if show(EmbedView::Map) {
                    <CityMap index={index_ref} counted={counted.clone()} {selected} on_place={handlers.on_place.clone()} on_open={handlers.on_open.clone()} />
                }
                if show(EmbedView::Timeline) {
                    <Timeline index={IndexRef::tables(index)} counted={counted.clone()} {span} on_span={handlers.on_span.clone()} on_open={handlers.on_open.clone()} />
                }
            </div>
        }
    });
    let body = body(
        route,
        index_ref,
        &answer,
        &handlers.on_filter,
        embed,
        show(EmbedView::Results),
    );
    // On a phone (a narrow screen, by CSS) the results, the map and the
    // timeline are one tap apart: tabs choose which fills the screen.
    let view_class = match state.embed_view {
        EmbedView::Results => "show-results",
        EmbedView::Map => "show-map",
        EmbedView::Timeline => "show-timeline",
    };
    let main = html! {
        <main id="main" class={classes!("main", (!embed).then_some(view_class))} tabindex="-1">{ for shard_failure(index) }{ for panels }{ body }</main>
    };
    if embed {
        return embed_layout(&state, index_ref, &handlers, main);
    }
    let searching = matches!(route, Route::Search { q } | Route::Concordance { q, .. } | Route::Trends { q, .. } if !q.trim().is_empty());
    let phone_tabs = searching.then(|| view_tabs(&state, "phone-tabs", answer.results.hits.len()));
    html! {
        <>
            <Masthead index={index_ref} query={AttrValue::from(query)} on_search={handlers.on_search} on_typing={handlers.on_typing} sticky={!matches!(route, Route::Doc { .. })} />
            { for phone_tabs }
            { main }
            <footer class="footer">
                <Share index={index_ref} />
                <p>{ if index.is_split() {
                    "corpus-atlas searches in your browser: your words are never sent anywhere. This site's index comes in parts, fetched from this site as you search, so the site can tell from which parts you fetch roughly which words you searched and which texts you opened."
                } else {
                    "corpus-atlas runs entirely in your browser: the texts and their index are inside this page, and nothing is fetched from any network."
                } }</p>
            </footer>
        </>
    }
}

/// The overview, the results or the reader, as the route says.
fn body(
    route: &Route,
    index: IndexRef,
    answer: &Rc<Answer>,
    on_filter: &Callback<String>,
    embed: bool,
    show_results: bool,
) -> Html {
    match route {
        Route::Search { q } if q.trim().is_empty() => html! { <Overview {index} /> },
        Route::Documents { sort, filter } => html! { <Overview {index} table={Some(TableView { sort: *sort, filter: filter.clone() })} /> },
        Route::Search { .. } if !show_results => Html::default(),
        Route::Search { q } => html! {
            <ResultList {index} query={AttrValue::from(q.clone())} answer={(**answer).clone()} on_search={on_filter.clone()}
                        page={if embed { EMBED_RESULTS } else { 20 }} />
        },
        Route::Concordance { .. } if !show_results => Html::default(),
        Route::Concordance { q, sort } => html! {
            <Concordance {index} query={AttrValue::from(q.clone())} sort={*sort} on_search={on_filter.clone()} />
        },
        Route::Trends { .. } if !show_results => Html::default(),
        Route::Trends { q, vs } => html! {
            <Trends {index} query={AttrValue::from(q.clone())} vs={vs.clone()} on_search={on_filter.clone()} />
        },
        Route::Doc { id, q, section, at } => html! {
            <Reader {index} id={AttrValue::from(id.clone())} query={AttrValue::from(q.clone())} section={*section} at={*at} />
        },
    }
}

/// A shard that could not be loaded, and a way to try again.
fn shard_failure(index: &'static crate::engine::Index<'static>) -> Option<Html> {
    shards::failure().map(|e| {
        let retry = Callback::from(move |_: MouseEvent| shards::retry(index));
        html! {
            <div class="hint shard-error" role="alert">
                <p>{ format!("Part of the index could not be loaded ({e}). Check the connection, then try again.") }</p>
                <button type="button" class="tab" onclick={retry}>{ "Try again" }</button>
            </div>
        }
    })
}

/// A compact layout for an article column: the search box, the one view
/// (with tabs to choose it), and a way out to the full explorer.
fn embed_layout(
    state: &UseReducerHandle<ExplorerState>,
    index: IndexRef,
    handlers: &Handlers,
    main: Html,
) -> Html {
    let searching = matches!(state.route, Route::Search { .. } | Route::Concordance { .. } | Route::Trends { .. });
    let classes = classes!("embed", searching.then_some("embed-results"));
    let tabs = searching.then(|| view_tabs(state, "embed-tabs", 0));
    html! {
        <div class={classes}>
            <Masthead {index} query={AttrValue::from(state.query().to_owned())} on_search={handlers.on_search.clone()} on_typing={handlers.on_typing.clone()} sticky=false />
            { for tabs }
            { main }
            <p class="embed-out"><a href={platform::full_url()} target="_blank" rel="noopener">{ "Open in corpus-atlas ↗" }</a></p>
        </div>
    }
}

/// The tabs that choose one view (results, map, timeline): always in an
/// embed, on a phone's narrow screen in the full app. `results`, when not
/// zero, is shown on the results' tab, so filtering from the map or the
/// timeline shows its effect without leaving them.
fn view_tabs(state: &UseReducerHandle<ExplorerState>, class: &'static str, results: usize) -> Html {
    let tab = |view: EmbedView, label: String| {
        let on = state.embed_view == view;
        let dispatcher = state.dispatcher();
        let onclick = Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::ShowInEmbed(view)));
        html! { <button type="button" class={classes!("tab", on.then_some("tab-on"))} aria-pressed={on.to_string()} {onclick}>{ label }</button> }
    };
    let results_label = if results > 0 { format!("Results ({results})") } else { "Results".to_owned() };
    html! {
        <div class={classes!("tabs", "view-tabs", class)} role="group" aria-label="Show">
            { tab(EmbedView::Results, results_label) }{ tab(EmbedView::Map, "Map".to_owned()) }{ tab(EmbedView::Timeline, "Timeline".to_owned()) }
        </div>
    }
}
