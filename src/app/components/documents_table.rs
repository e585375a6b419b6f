//! The documents as a table: title, source, date, language, words,
//! sections, places and dates named; a column's heading is a link that
//! sorts by it (`#/docs?sort=words`).

use yew::prelude::*;

use crate::app::IndexRef;
use crate::engine::research::{documents, sort_documents, DocRow, DocSort};
use crate::route::Route;
use crate::view::summary::thousands;

#[derive(Properties, PartialEq)]
pub struct DocumentsTableProps {
    pub index: IndexRef,
    /// The order (`None`: by id, as indexed).
    pub sort: Option<DocSort>,
}

/// The columns: order, heading, whether it holds numbers.
const COLUMNS: [(DocSort, &str, bool); 8] = [
    (DocSort::Title, "Title", false),
    (DocSort::Source, "Source", false),
    (DocSort::Date, "Date", false),
    (DocSort::Lang, "Language", false),
    (DocSort::Words, "Words", true),
    (DocSort::Sections, "Sections", true),
    (DocSort::Places, "Places", true),
    (DocSort::Dates, "Dates", true),
];

#[function_component]
pub fn DocumentsTable(props: &DocumentsTableProps) -> Html {
    let index = props.index.0;
    let sort = props.sort;
    let rows = crate::app::shards::use_complete(index, sort, props.index.1, move |sort| {
        let mut rows = documents(index);
        if let Some(s) = sort {
            sort_documents(&mut rows, *s);
        }
        rows
    });
    let heads = COLUMNS.iter().map(|&(s, label, number)| {
        let on = sort == Some(s);
        let href = Route::Documents { sort: Some(s) }.to_hash();
        html! {
            <th scope="col" class={classes!(number.then_some("num"))} aria-sort={if on { if number { "descending" } else { "ascending" } } else { "none" }}>
                <a class="sort" {href} aria-current={on.then_some("true")}>{ label }</a>
            </th>
        }
    });
    html! {
        <table class="doc-table">
            <caption class="visually-hidden">{ "The documents, sortable by each column" }</caption>
            <thead><tr>{ for heads }</tr></thead>
            <tbody>{ for rows.iter().map(row) }</tbody>
        </table>
    }
}

fn row(r: &DocRow) -> Html {
    let href = Route::Doc { id: r.id.clone(), q: String::new(), section: None }.to_hash();
    html! {
        <tr key={r.id.clone()} data-doc={r.id.clone()} lang={r.lang.clone()}>
            <th scope="row"><a {href}>{ r.title.clone() }</a></th>
            <td>{ r.source.clone() }</td>
            <td>{ r.date.clone() }</td>
            <td lang="en">{ r.lang.to_ascii_uppercase() }</td>
            <td class="num">{ thousands(r.words) }</td>
            <td class="num">{ r.sections }</td>
            <td class="num">{ r.places }</td>
            <td class="num">{ r.dates }</td>
        </tr>
    }
}
