//! The query's active filters as removable pills, with "Clear filters":
//! what narrows the results is in sight and one click lifts it.

use yew::prelude::*;

use crate::view::filters::{pills, without_filters};

#[derive(Properties, PartialEq)]
pub struct FilterPillsProps {
    pub query: AttrValue,
    /// A new query: the same without a filter (a step of its own in history).
    pub on_search: Callback<String>,
}

#[function_component]
pub fn FilterPills(props: &FilterPillsProps) -> Html {
    let active = pills(&props.query);
    if active.is_empty() {
        return Html::default();
    }
    let lift = |q: String| {
        let on_search = props.on_search.clone();
        Callback::from(move |_: MouseEvent| on_search.emit(q.clone()))
    };
    let items = active.iter().map(|p| {
        html! {
            <li><button class="pill" onclick={lift(p.without.clone())} aria-label={format!("Remove the filter {}", p.label)}>
                { p.label.clone() }<span class="pill-x" aria-hidden="true">{ "×" }</span>
            </button></li>
        }
    });
    html! {
        <ul class="pills" aria-label="Active filters">
            { for items }
            if active.len() > 1 {
                <li><button class="pill pill-clear" onclick={lift(without_filters(&props.query))}>{ "Clear filters" }</button></li>
            }
        </ul>
    }
}
