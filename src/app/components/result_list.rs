//! The ranked results of a query, with the engine's hints.

use yew::prelude::*;

use super::{FacetPanel, FilterPills, ResultItem};
use crate::app::{Answer, IndexRef};


#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    pub index: IndexRef,
    pub query: AttrValue,
    pub answer: Answer,
    pub on_search: Callback<String>,
    /// How many results are shown at first (rendering, not searching, is the
    /// slow part of a first result; an embed shows a few).
    #[prop_or(20)]
    pub page: usize,
}

#[function_component]
pub fn ResultList(props: &ResultListProps) -> Html {
    let results = &props.answer.results;
    let n = results.hits.len();
    let pending = props.answer.pending;
    let status = match n {
        _ if pending && crate::app::shards::failure().is_some() => "Results unavailable".to_owned(),
        _ if pending => "Searching…".to_owned(),
        0 => "No results".to_owned(),
        1 => "1 result".to_owned(),
        n => format!("{n} results"),
    };
    let hints = results
        .hints
        .iter()
        .map(|h| html! { <li>{ h.to_string() }</li> });
    let page = props.page;
    let shown = use_state_eq(|| page);
    {
        let shown = shown.clone();
        use_effect_with(props.answer.clone(), move |_| shown.set(page));
    }
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + 50))
    };
    let rest = n.saturating_sub(*shown);
    // After the results are painted: a performance mark for the benchmark.
    // (Not while a split index's shards are on their way: the answer is not final.)
    use_effect_with(props.answer.clone(), move |_| {
        if !pending {
            crate::app::platform::mark_results()
        }
    });
    html! {
        <section class="results" aria-labelledby="results-heading">
            <h1 id="results-heading" class="visually-hidden">{ "Results" }</h1>
            <super::answer_views::AnswerViews query={props.query.clone()} current={super::answer_views::AnswerView::Results} />
            <p class="status" role="status">{ status }</p>
            <FilterPills query={props.query.clone()} on_search={props.on_search.clone()} />
            if !results.hints.is_empty() && !pending {
                <ul class="hints">{ for hints }</ul>
            }
            <div class="results-body">
                <FacetPanel facets={results.facets.clone()} query={props.query.clone()} on_search={props.on_search.clone()} />
                <ol class="result-list" aria-label="Results">
                    { for results.hits.iter().take(if pending { 0 } else { *shown }).map(|hit| html! {
                        <ResultItem key={hit.section} index={props.index} hit={hit.clone()} query={props.query.clone()} />
                    }) }
                </ol>
                if rest > 0 {
                    <p class="more"><button class="share-button" onclick={more}>{ format!("Show {} more of {rest}", rest.min(50)) }</button></p>
                }
            </div>
        </section>
    }
}
