//! The two ways to see a query's answer: ranked results, or every match in
//! context (the concordance). Links, so each is a URL.

use yew::prelude::*;

use crate::engine::research::KwicSort;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct AnswerViewsProps {
    pub query: AttrValue,
    /// Whether the concordance is the view shown.
    pub concordance: bool,
}

#[function_component]
pub fn AnswerViews(props: &AnswerViewsProps) -> Html {
    let q = props.query.to_string();
    let results = Route::Search { q: q.clone() }.to_hash();
    let kwic = Route::Concordance { q, sort: KwicSort::Left }.to_hash();
    let current = |on: bool| on.then_some("page");
    html! {
        <nav class="answer-views" aria-label="Show the answer as">
            <a href={results} class="tab" aria-current={current(!props.concordance)}>{ "Results" }</a>
            <a href={kwic} class="tab" aria-current={current(props.concordance)}>{ "Concordance" }</a>
        </nav>
    }
}
