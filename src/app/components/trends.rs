//! Trends: how often the query matches per period of publication (years,
//! or months for a corpus spanning under two years), as matches per 10,000
//! words published then, drawn as bars and listed as a table, beside up to
//! four other queries (in the URL: `&vs=…`).

use yew::prelude::*;

use super::answer_views::{AnswerView, AnswerViews};
use super::FilterPills;
use crate::app::IndexRef;
use crate::engine::research::{trends, TrendRow, Trends as Found};
use crate::route::{Route, MAX_COMPARED};
use crate::view::svg::{num, Num};
use crate::view::trends::{grouped, rate_tenths, H, LABELS, W};

#[derive(Properties, PartialEq)]
pub struct TrendsProps {
    pub index: IndexRef,
    pub query: AttrValue,
    /// Other queries drawn beside it.
    pub vs: Vec<String>,
    pub on_search: Callback<String>,
}

#[function_component]
pub fn Trends(props: &TrendsProps) -> Html {
    let index = props.index.0;
    crate::app::shards::use_shards(index);
    let deps = (props.query.to_string(), props.vs.clone());
    let all = crate::app::shards::use_complete(index, deps, props.index.1, move |(q, vs)| {
        std::iter::once(q).chain(vs.iter()).map(|q| trends(index, q)).collect::<Vec<Found>>()
    });
    let Some(found) = all.first() else {
        return Html::default();
    };
    let matches: usize = found.periods.iter().map(|r| r.matches).sum::<usize>() + found.undated.matches;
    let status = match (matches, found.periods.len()) {
        (0, _) => "No matches".to_owned(),
        (n, p) => format!("{n} match{} over {p} period{} of publication", if n == 1 { "" } else { "es" }, if p == 1 { "" } else { "s" }),
    };
    let q = props.query.to_string();
    let names: Vec<String> = std::iter::once(q.clone()).chain(props.vs.iter().cloned()).collect();
    html! {
        <section class="results trends" aria-labelledby="results-heading">
            <h1 id="results-heading" class="visually-hidden">{ "Trends" }</h1>
            <AnswerViews query={props.query.clone()} current={AnswerView::Trends} />
            <p class="status" role="status">{ status }</p>
            <FilterPills query={props.query.clone()} on_search={props.on_search.clone()} />
            { compare(&q, &props.vs) }
            if matches > 0 || all.len() > 1 {
                { chart(&all, &names) }
                { table(&all, &names) }
            }
        </section>
    }
}

/// The other queries drawn (each a link that removes it) and a box to add
/// one.
fn compare(q: &str, vs: &[String]) -> Html {
    let chips = vs.iter().enumerate().map(|(i, t)| {
        let rest: Vec<String> = vs.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, t)| t.clone()).collect();
        let href = Route::Trends { q: q.to_owned(), vs: rest }.to_hash();
        html! { <li><a class={classes!("pill", format!("s{}", i + 1))} {href} aria-label={format!("Stop comparing with {t}")}>{ t.clone() }{ " ×" }</a></li> }
    });
    let onsubmit = {
        let (q, vs) = (q.to_owned(), vs.to_vec());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            use wasm_bindgen::JsCast;
            let Some(input) = e
                .target()
                .and_then(|f| f.dyn_into::<web_sys::Element>().ok())
                .and_then(|f| f.query_selector("input").ok().flatten())
                .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let term = input.value();
            if term.trim().is_empty() || vs.len() >= MAX_COMPARED {
                return;
            }
            input.set_value("");
            let mut vs = vs.clone();
            vs.push(term.trim().to_owned());
            let _ = gloo::utils::window().location().set_hash(&Route::Trends { q: q.clone(), vs }.to_hash());
        })
    };
    html! {
        <form class="compare" {onsubmit}>
            <label>{ "Compare with " }<input type="text" name="vs" placeholder="another word or name" disabled={vs.len() >= MAX_COMPARED} /></label>
            <button type="submit" class="tab" disabled={vs.len() >= MAX_COMPARED}>{ "Add" }</button>
            if !vs.is_empty() {
                <ul class="pills compared" aria-label="Compared with">{ for chips }</ul>
            }
        </form>
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

/// `q` narrowed to a period (`2019`, `2019-06`): its `from:` and `to:`.
fn in_period(q: &str, period: &str) -> String {
    use crate::engine::query::FilterKey;
    use crate::engine::query::with_filter;
    with_filter(&with_filter(q, FilterKey::From, Some(period)), FilterKey::To, Some(period))
}

fn chart(all: &[Found], names: &[String]) -> Html {
    let base = H - LABELS;
    let series: Vec<&[TrendRow]> = all.iter().map(|t| t.periods.as_slice()).collect();
    let periods = series.first().copied().unwrap_or(&[]);
    let groups = grouped(&series);
    // The first query's bars start each period's slot: the labels go under it.
    let first: Vec<crate::view::trends::Bar> = groups.first().cloned().unwrap_or_default();
    let drawn = groups.into_iter().enumerate().flat_map(|(j, bars)| {
        let rows = series[j];
        let name = names.get(j).cloned().unwrap_or_default();
        bars.into_iter().zip(rows).map(move |(b, r)| {
            // A bar is a link to the results of its query in its period.
            let href = Route::Search { q: in_period(&name, &r.period) }.to_hash();
            html! {
                <a class={classes!("trend-bar", format!("s{j}"))} {href}>
                    <title>{ format!("{name}, {}", describe(r)) }</title>
                    <rect x={num(b.x)} y={num(b.y)} width={num(b.width)} height={num(base - b.y)} />
                </a>
            }
        }).collect::<Vec<_>>()
    });
    let labels = first.into_iter().zip(periods).filter(|(b, _)| b.labelled).map(|(b, r)| {
        let slot_mid = b.x - W / periods.len().max(1) as f32 * 0.1 + W / periods.len().max(1) as f32 / 2.0;
        html! { <text x={num(slot_mid)} y={num(H - 4.0)} text-anchor="middle">{ r.period.clone() }</text> }
    });
    let legend = (names.len() > 1).then(|| html! {
        <p class="trend-legend">{ for names.iter().enumerate().map(|(j, n)| html! { <span class={format!("s{j}")}><i aria-hidden="true">{ "■" }</i>{ format!(" {n} ") }</span> }) }</p>
    });
    html! {
        <>
            <svg class="trends-svg" viewBox={format!("0 0 {} {}", Num(W), Num(H))}
                 aria-label="Matches per 10,000 words in each period, each bar a link to that period's results; the table below gives the numbers">
                <line class="baseline" x1="0" x2={num(W)} y1={num(base)} y2={num(base)} />
                { for drawn }
                { for labels }
            </svg>
            { for legend }
        </>
    }
}

fn table(all: &[Found], names: &[String]) -> Html {
    let Some(first) = all.first() else {
        return Html::default();
    };
    let others = &all[1..];
    let line = |i: Option<usize>, r: &TrendRow, period: String| {
        let more = others.iter().map(|t| {
            let o = i.map_or(&t.undated, |i| t.periods.get(i).unwrap_or(&t.undated));
            html! { <><td class="num">{ o.matches }</td><td class="num">{ rate(o) }</td></> }
        });
        html! {
            <tr>
                <th scope="row">{ period }</th>
                <td class="num">{ r.matches }</td>
                <td class="num">{ r.documents }</td>
                <td class="num">{ r.words }</td>
                <td class="num">{ rate(r) }</td>
                { for more }
            </tr>
        }
    };
    let more_heads = names.iter().skip(1).map(|n| html! {
        <><th scope="col">{ format!("{n}: matches") }</th><th scope="col">{ format!("{n}: per 10,000") }</th></>
    });
    html! {
        <table class="trend-table">
            <caption class="visually-hidden">{ "Matches per period of publication" }</caption>
            <thead><tr><th scope="col">{ "Period" }</th><th scope="col">{ "Matches" }</th><th scope="col">{ "Documents" }</th><th scope="col">{ "Words" }</th><th scope="col">{ "Per 10,000 words" }</th>{ for more_heads }</tr></thead>
            <tbody>
                { for first.periods.iter().enumerate().map(|(i, r)| line(Some(i), r, r.period.clone())) }
                if first.undated.words > 0 { { line(None, &first.undated, "Undated".to_owned()) } }
            </tbody>
        </table>
    }
}
