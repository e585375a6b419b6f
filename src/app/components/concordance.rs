//! The concordance: every match of the query in its context (keyword in
//! context), one row each, aligned on the match; sorted by the words to its
//! left or right, the matched form, the document or the date, each order a
//! link (so in the URL); a match opens the reader at its section.

use yew::prelude::*;

use super::answer_views::AnswerViews;
use super::FilterPills;
use crate::app::IndexRef;
use crate::engine::research::{
    collocates_in, concordance_in, matching_docs, sample, DocMatches, sort_rows, Collocate, KwicOptions, KwicRow, KwicSort, Sample, Why,
    WINDOW,
};
use crate::route::Route;
use crate::view::export::Format;

/// Rows computed at most: a concordance is read, not scrolled for ever
/// (the downloads hold every row). Only those on screen are drawn.
const MAX_ROWS: usize = 2_000;
/// Characters of context on each side.
const WIDTH: usize = 50;
/// Collocates listed above the rows.
const COLLOCATES: usize = 12;

#[derive(Properties, PartialEq)]
pub struct ConcordanceProps {
    pub index: IndexRef,
    pub query: AttrValue,
    pub sort: KwicSort,
    pub on_search: Callback<String>,
}

#[function_component]
pub fn Concordance(props: &ConcordanceProps) -> Html {
    let index = props.index.0;
    crate::app::shards::use_shards(index);
    // Where the query matches, found once for the rows and the collocates.
    let matches = crate::app::shards::use_complete(index, props.query.to_string(), props.index.1, move |q| {
        matching_docs(index, q)
    });
    let deps = (matches.clone(), props.sort);
    let rows = use_memo(deps, move |(matches, sort)| {
        let mut rows = concordance_in(index, matches, KwicOptions { width: WIDTH, limit: Some(MAX_ROWS + 1) });
        sort_rows(&mut rows, *sort);
        rows
    });
    let why = use_memo((props.query.to_string(), matches.clone()), move |(q, _)| Why::of(index, q));
    // The words near the matches come a frame after the rows.
    let near = crate::app::hooks::use_after_paint((props.query.to_string(), matches.clone()), || false, move |(q, matches)| {
        collocates_in(index, q, matches, WINDOW, COLLOCATES)
    });
    let total = rows.len().min(MAX_ROWS);
    let table = use_node_ref();
    let (drawn, row_px) = crate::app::hooks::use_visible_rows(table.clone(), total);
    let mut docs: Vec<&str> = rows.iter().take(MAX_ROWS).map(|r| r.doc.as_str()).collect();
    // Sorted with the app's one sort (a set's `collect` brings a sort of its own).
    crate::sort::sort(&mut docs);
    docs.dedup();
    let docs = docs.len();
    let status = match total {
        0 => "No matches".to_owned(),
        _ if rows.len() > MAX_ROWS => format!("The first {MAX_ROWS} matches, in {docs} documents"),
        1 => "1 match".to_owned(),
        n => format!("{n} matches in {docs} document{}", if docs == 1 { "" } else { "s" }),
    };
    let q = props.query.to_string();
    // Spacers stand for the rows not drawn, so the scroll bar is the whole
    // table's (their heights set through the CSSOM: the CSP allows no inline style).
    let (above, below) = (use_node_ref(), use_node_ref());
    {
        let (above, below) = (above.clone(), below.clone());
        let heights = (drawn.start as f64 * row_px, total.saturating_sub(drawn.end) as f64 * row_px);
        use_effect_with((heights.0.to_bits(), heights.1.to_bits()), move |_| {
            for (spacer, px) in [(above, heights.0), (below, heights.1)] {
                if let Some(el) = spacer.cast::<web_sys::HtmlElement>() {
                    let px = if px.is_finite() { px } else { 0.0 };
                    let _ = el.style().set_property("height", &format!("{}px", px.round() as i64));
                }
            }
        });
    }
    // Every row, shown or not (past the 2,000 the table shows), in the table's order.
    let export = |format: Format| {
        let (matches, sort) = (matches.clone(), props.sort);
        Callback::from(move |_: MouseEvent| {
            let mut all = concordance_in(index, &matches, KwicOptions { width: WIDTH, limit: None });
            sort_rows(&mut all, sort);
            let text = format.write(&crate::view::export::concordance_table(&all));
            crate::app::platform::download(&format!("concordance.{}", format.extension()), format.mime(), &text);
        })
    };
    html! {
        <section class="results concordance" aria-labelledby="results-heading">
            <h1 id="results-heading" class="visually-hidden">{ "Concordance" }</h1>
            <AnswerViews query={props.query.clone()} current={super::answer_views::AnswerView::Concordance} />
            <p class="status" role="status">{ status }</p>
            <FilterPills query={props.query.clone()} on_search={props.on_search.clone()} />
            if total > 0 {
                { match near {
                    Some(near) => collocate_chips(&q, props.sort, &near, sample(&matches)),
                    // Their heading and a line kept, so the rows move little
                    // when they come (more if they wrap, or none are found).
                    None => html! { <div class="facet collocates" aria-busy="true"><h2>{ "Often near it" }</h2><ul class="chips"></ul></div> },
                } }
                <p class="export">{ "Download " }<button type="button" class="tab" data-format="csv" onclick={export(Format::Csv)}>{ "CSV" }</button>{ " " }
                    <button type="button" class="tab" data-format="json" onclick={export(Format::Json)}>{ "JSON" }</button>
                    <span class="export-note">{ " every row shown or not, with byte offsets into each text; made in your browser" }</span></p>
                <table class="kwic" ref={table} aria-rowcount={(total + 1).to_string()}>
                    <caption class="visually-hidden">{ format!("Every match of {q} in its context") }</caption>
                    <thead><tr>{ for [(KwicSort::Left, "Before"), (KwicSort::Match, "Match"), (KwicSort::Right, "After"), (KwicSort::Doc, "Document"), (KwicSort::Date, "Date")].into_iter().map(|(s, label)| head(&q, props.sort, s, label)) }
                        <th scope="col" class="kwic-h-why" title="How the match meets the query">{ "Matched as" }</th></tr></thead>
                    <tbody>
                        <tr class="kwic-spacer" aria-hidden="true" ref={above}><td colspan="6"></td></tr>
                        { for rows.iter().enumerate().take(total).skip(drawn.start).take(drawn.len()).map(|(i, r)| row(props.index, &q, i, r, &matches, &why)) }
                        <tr class="kwic-spacer" aria-hidden="true" ref={below}><td colspan="6"></td></tr>
                    </tbody>
                </table>
            }
        </section>
    }
}

/// A column's heading: a link that sorts by it, marked when it does.
fn head(q: &str, current: KwicSort, sort: KwicSort, label: &'static str) -> Html {
    let href = Route::Concordance { q: q.to_owned(), sort }.to_hash();
    let on = current == sort;
    html! {
        <th scope="col" class={format!("kwic-h-{}", sort.name())} aria-sort={if on { "ascending" } else { "none" }}>
            <a {href} aria-current={on.then_some("true")}>{ label }</a>
        </th>
    }
}

/// One match, the `i`-th row: its left context (cut at the left when long),
/// the match (a link to the reader at that match), its right context, the
/// document.
fn row(index: IndexRef, q: &str, i: usize, r: &KwicRow, matches: &[DocMatches], why: &Why) -> Html {
    let doc = index.0.doc_by_id(&r.doc);
    let (title, lang) = doc.as_ref().map_or(("", ""), |d| (d.title, d.lang));
    // Which of its document's matches it is: the reader marks the same ones.
    let at = doc
        .and_then(|d| matches.iter().find(|m| m.doc == d.ord))
        .map(|m| m.ranges.partition_point(|x| x.start < r.start) as u32);
    let href = Route::Doc { id: r.doc.clone(), q: q.to_owned(), section: r.section, at }.to_hash();
    html! {
        <tr {lang} data-row={i.to_string()} aria-rowindex={(i + 2).to_string()} data-doc={r.doc.clone()} data-start={r.start.to_string()}>
            <td class="kwic-left" dir="rtl"><span dir="ltr">{ r.left.clone() }</span></td>
            <td class="kwic-match"><a {href}>{ r.matched.clone() }</a></td>
            <td class="kwic-right">{ r.right.clone() }</td>
            <td class="kwic-doc">{ title }</td>
            <td class="kwic-date">{ r.date.clone() }</td>
            <td class="kwic-why">{ why.row_kind(index.0, r).name() }</td>
        </tr>
    }
}

/// The words found most often near the matches (by log-likelihood against
/// the rest of the corpus), each a link to the concordance of the query
/// with it; for a common word, counted around a sample of the matches.
fn collocate_chips(q: &str, sort: KwicSort, near: &[Collocate], sample: Option<Sample>) -> Html {
    if near.is_empty() {
        return Html::default();
    }
    let chips = near.iter().map(|c| {
        let href = Route::Concordance { q: format!("{q} {}", c.term), sort }.to_hash();
        let title = format!(
            "{}: {} of its {} occurrences within {WINDOW} words of a match (log-likelihood {})",
            c.term,
            c.together,
            c.total,
            crate::view::svg::Num(c.score as f32)
        );
        html! { <li><a class="chip" {href} {title}>{ c.term.clone() }<span class="count">{ c.together }</span></a></li> }
    });
    let sampled = sample.map(|s| format!("counted around {} of the {} matches, spread over the corpus", s.read, s.of));
    html! {
        <div class="facet collocates">
            <h2>{ "Often near it" }</h2>
            if let Some(sampled) = sampled { <p class="collocates-sample">{ sampled }</p> }
            <ul class="chips">{ for chips }</ul>
        </div>
    }
}
