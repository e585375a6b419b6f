//! The ranked results of a query, with the engine's hints.

use yew::prelude::*;

use super::{FacetPanel, FilterPills, ResultItem};
use crate::app::hooks::use_after_paint;
use crate::app::{Answer, IndexRef};

/// Results drawn in the answer's first frame (more than a screenful: the
/// list starts below the map and the timeline on a desktop).
const FIRST_RESULTS: usize = 5;


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
    // The first results are rendered with the answer; the rest once that
    // frame is painted (each result's snippet and reasons are worked out in
    // the wasm, a quarter of a millisecond each).
    let rest_ready = use_after_paint(props.answer.clone(), || false, |_| ()).is_some();
    let drawn = if rest_ready { *shown } else { (*shown).min(FIRST_RESULTS) };
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
            if n > 0 && !pending {
                { downloads(props.index, &props.answer) }
            }
            <div class="results-body">
                <FacetPanel facets={results.facets.clone()} query={props.query.clone()} on_search={props.on_search.clone()} />
                <ol class="result-list" aria-label="Results" aria-busy={(drawn < (*shown).min(n)).then_some("true")}>
                    { for results.hits.iter().take(if pending { 0 } else { drawn }).enumerate().map(|(rank, hit)| html! {
                        <ResultItem key={hit.section} index={props.index} hit={hit.clone()} query={props.query.clone()} {rank} />
                    }) }
                </ol>
                if rest > 0 {
                    <p class="more"><button class="share-button" onclick={more}>{ format!("Show {} more of {rest}", rest.min(50)) }</button></p>
                }
            </div>
        </section>
    }
}

/// The answer to take away as CSV or JSON, made in the page: the results,
/// and the places and dates the matching sections name (what the map and
/// the timeline show).
fn downloads(index: IndexRef, answer: &Answer) -> Html {
    use crate::view::export::{dates_table, places_table, results_table, Format};
    type Make = std::rc::Rc<dyn Fn(Format) -> String>;
    let index = index.0;
    let hits = answer.results.hits.clone();
    let counted = move || {
        crate::view::results::counted_sections(true, index.section_count() as usize, hits.iter().map(|h| h.section))
            .unwrap_or_default()
    };
    let results: Make = {
        let hits = answer.results.hits.clone();
        std::rc::Rc::new(move |f| f.write(&results_table(index, &hits)))
    };
    let places: Make = {
        let counted = counted.clone();
        std::rc::Rc::new(move |f| {
            let on = counted();
            f.write(&places_table(index, &crate::engine::overview::places::place_counts(index, Some(&on))))
        })
    };
    let dates: Make = std::rc::Rc::new(move |f| {
        let on = counted();
        let events: Vec<_> = index.events().filter(|e| on.get(e.section as usize).copied().unwrap_or(false)).collect();
        f.write(&dates_table(index, &events))
    });
    let button = |make: &Make, name: &'static str, label: &'static str, format: Format| {
        let make = make.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            crate::app::platform::download(&format!("{name}.{}", format.extension()), format.mime(), &make(format));
        });
        html! { <button type="button" class="tab" data-format={format.extension()} {onclick}>{ label }</button> }
    };
    let set = |format: Format| {
        html! {
            <>
                { button(&results, "results", "Results", format) }{ " " }
                { button(&places, "places", "Places", format) }{ " " }
                { button(&dates, "dates", "Dates", format) }
            </>
        }
    };
    html! {
        <p class="export">{ "Download CSV: " }{ set(Format::Csv) }{ " · JSON: " }{ set(Format::Json) }</p>
    }
}
