//! The ways to see a query's answer: ranked results, every match in
//! context (the concordance), or its matches over time (trends). Links, so
//! each is a URL.

use yew::prelude::*;

use crate::engine::research::KwicSort;
use crate::route::Route;

/// Which view of the answer is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerView {
    /// Ranked results.
    Results,
    /// Every match in its context.
    Concordance,
    /// Matches per period.
    Trends,
}

#[derive(Properties, PartialEq)]
pub struct AnswerViewsProps {
    pub query: AttrValue,
    pub current: AnswerView,
}

#[function_component]
pub fn AnswerViews(props: &AnswerViewsProps) -> Html {
    let q = props.query.to_string();
    let results = Route::Search { q: q.clone() }.to_hash();
    let kwic = Route::Concordance { q: q.clone(), sort: KwicSort::Left }.to_hash();
    let trends = Route::Trends { q, vs: Vec::new() }.to_hash();
    let current = |view: AnswerView| (props.current == view).then_some("page");
    html! {
        <nav class="answer-views" aria-label="Show the answer as">
            <a href={results} class="tab" aria-current={current(AnswerView::Results)}>{ "Results" }</a>
            <a href={kwic} class="tab" aria-current={current(AnswerView::Concordance)}>{ "Concordance" }</a>
            <a href={trends} class="tab" aria-current={current(AnswerView::Trends)}>{ "Trends" }</a>
        </nav>
    }
}
