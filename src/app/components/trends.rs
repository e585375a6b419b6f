//! Trends: how often the query matches per period of publication (years,
//! or months for a corpus spanning under two years), as matches per 10,000
//! words published then, drawn as bars and listed as a table.

use yew::prelude::*;

use super::answer_views::{AnswerView, AnswerViews};
use super::FilterPills;
use crate::app::IndexRef;
use crate::engine::research::{trends, TrendRow};
use crate::view::svg::{num, Num};
use crate::view::trends::{bars, rate_tenths, H, LABELS, W};

#[derive(Properties, PartialEq)]
pub struct TrendsProps {
    pub index: IndexRef,
    pub query: AttrValue,
    pub on_search: Callback<String>,
}

#[function_component]
pub fn Trends(props: &TrendsProps) -> Html {
    let index = props.index.0;
    crate::app::shards::use_shards(index);
    let found = crate::app::shards::use_complete(index, props.query.to_string(), props.index.1, move |q| trends(index, q));
    let matches: usize = found.periods.iter().map(|r| r.matches).sum::<usize>() + found.undated.matches;
    let status = match (matches, found.periods.len()) {
        (0, _) => "No matches".to_owned(),
        (n, p) => format!("{n} match{} over {p} period{} of publication", if n == 1 { "" } else { "es" }, if p == 1 { "" } else { "s" }),
    };
    html! {
        <section class="results trends" aria-labelledby="results-heading">
            <h1 id="results-heading" class="visually-hidden">{ "Trends" }</h1>
            <AnswerViews query={props.query.clone()} current={AnswerView::Trends} />
            <p class="status" role="status">{ status }</p>
            <FilterPills query={props.query.clone()} on_search={props.on_search.clone()} />
            if matches > 0 {
                { chart(&found.periods) }
                { table(&found.periods, &found.undated) }
            }
        </section>
    }
}

/// Rate per 10,000 words, to a tenth.
fn rate(row: &TrendRow) -> String {
    Num(rate_tenths(row) as f32 / 10.0).to_string()
}

fn describe(row: &TrendRow) -> String {
    format!(
        "{}: {} match{} in {} document{}, {} per 10,000 words",
        row.period,
        row.matches,
        if row.matches == 1 { "" } else { "es" },
        row.documents,
        if row.documents == 1 { "" } else { "s" },
        rate(row)
    )
}

fn chart(rows: &[TrendRow]) -> Html {
    let base = H - LABELS;
    let drawn = rows.iter().zip(bars(rows)).map(|(r, b)| {
        html! {
            <g class="trend-bar">
                <title>{ describe(r) }</title>
                <rect x={num(b.x)} y={num(b.y)} width={num(b.width)} height={num(base - b.y)} />
                if b.labelled {
                    <text x={num(b.x + b.width / 2.0)} y={num(H - 4.0)} text-anchor="middle">{ r.period.clone() }</text>
                }
            </g>
        }
    });
    html! {
        <svg class="trends-svg" viewBox={format!("0 0 {} {}", Num(W), Num(H))} role="img"
             aria-label="Matches per 10,000 words in each period; the table below gives the numbers">
            <line class="baseline" x1="0" x2={num(W)} y1={num(base)} y2={num(base)} />
            { for drawn }
        </svg>
    }
}

fn table(rows: &[TrendRow], undated: &TrendRow) -> Html {
    let line = |r: &TrendRow, period: String| {
        html! {
            <tr>
                <th scope="row">{ period }</th>
                <td class="num">{ r.matches }</td>
                <td class="num">{ r.documents }</td>
                <td class="num">{ r.words }</td>
                <td class="num">{ rate(r) }</td>
            </tr>
        }
    };
    html! {
        <table class="trend-table">
            <caption class="visually-hidden">{ "Matches per period of publication" }</caption>
            <thead><tr><th scope="col">{ "Period" }</th><th scope="col">{ "Matches" }</th><th scope="col">{ "Documents" }</th><th scope="col">{ "Words" }</th><th scope="col">{ "Per 10,000 words" }</th></tr></thead>
            <tbody>
                { for rows.iter().map(|r| line(r, r.period.clone())) }
                if undated.words > 0 { { line(undated, "Undated".to_owned()) } }
            </tbody>
        </table>
    }
}
