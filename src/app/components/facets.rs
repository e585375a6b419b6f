//! Counts of the results by language, source and year; each is a filter the
//! reader can click on and off (it edits the query, so the URL says it).

use yew::prelude::*;

use super::doc_meta::language_name;
use crate::engine::analysis::normalize;
use crate::engine::search::Facets;

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    /// Counts of the current results.
    pub facets: Facets,
    /// The query as typed.
    pub query: AttrValue,
    /// Called with the new query when a filter is toggled.
    pub on_search: Callback<String>,
}

/// The query with `filter` (folded) added, or removed if it is there, as
/// typed or folded.
fn toggled(query: &str, filter: &str) -> String {
    let words: Vec<&str> = query.split_whitespace().collect();
    if words.iter().any(|w| normalize(w) == filter) {
        words
            .into_iter()
            .filter(|w| normalize(w) != filter)
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        format!("{} {filter}", query.trim_end())
    }
}

#[function_component]
pub fn FacetPanel(props: &FacetPanelProps) -> Html {
    let group = |heading: &'static str,
                 key: &'static str,
                 values: &[(String, usize)],
                 label: fn(&str) -> String| {
        if values.is_empty() {
            return Html::default();
        }
        let chips = values.iter().enumerate().map(|(k, (value, n))| {
            // One Tab stop a row; arrows move along it.
            let tabindex = if k == 0 { "0" } else { "-1" };
            // Filters are single words: a source with spaces is matched by its first word.
            let word = normalize(value.split_whitespace().next().unwrap_or(value));
            let filter = format!("{key}:{word}");
            let active = props.query.split_whitespace().any(|w| normalize(w) == filter);
            let next = toggled(&props.query, &filter);
            let on_search = props.on_search.clone();
            let onclick = Callback::from(move |_| on_search.emit(next.clone()));
            html! {
                <li>
                    <button type="button" class={classes!("chip", active.then_some("chip-on"))} aria-pressed={active.to_string()} {onclick} {tabindex} onkeydown={super::chip_keys()}>
                        { label(value) }<span class="count">{ n }</span>
                    </button>
                </li>
            }
        });
        html! {
            <div class="facet">
                <h2>{ heading }</h2>
                <ul>{ for chips }</ul>
            </div>
        }
    };
    html! {
        <aside class="facets" aria-label="Filter the results">
            { group("Language", "lang", &props.facets.lang, |v| language_name(v).to_owned()) }
            { group("Year", "year", &props.facets.year, str::to_owned) }
            { group("Source", "source", &props.facets.source, str::to_owned) }
        </aside>
    }
}
