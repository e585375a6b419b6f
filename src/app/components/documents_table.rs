//! The documents as a table: title, source, date, language, words,
//! sections, places and dates named; a column's heading is a link that
//! sorts by it (`#/docs?sort=words`), and a filter keeps the rows holding
//! its words (`#/docs?filter=2019`), as the reader types.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::history::{self, Nav};
use crate::app::IndexRef;
use crate::engine::research::{documents, filter_documents, sort_documents, DocRow, DocSort};
use crate::route::Route;
use crate::view::summary::thousands;

/// What the table shows: its order and its filter, as in the address.
#[derive(Clone, PartialEq, Default)]
pub struct TableView {
    /// The order (`None`: by id, as indexed).
    pub sort: Option<DocSort>,
    /// Words each row shown holds.
    pub filter: String,
}

#[derive(Properties, PartialEq)]
pub struct DocumentsTableProps {
    pub index: IndexRef,
    pub view: TableView,
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
    let sort = props.view.sort;
    // The filter as typed: the address follows it (replaced, not a history
    // entry a keystroke), so a filtered table can be shared and reloaded.
    let filter = use_state_eq(|| props.view.filter.clone());
    {
        let filter = filter.clone();
        use_effect_with(props.view.filter.clone(), move |given| filter.set(given.clone()));
    }
    let all = crate::app::shards::use_complete(index, sort, props.index.1, move |sort| {
        let mut rows = documents(index);
        if let Some(s) = sort {
            sort_documents(&mut rows, *s);
        }
        rows
    });
    let rows = {
        let all = all.clone();
        // (the rows by identity: a new order or more shards make new rows)
        use_memo(((*filter).clone(), std::rc::Rc::as_ptr(&all) as usize), move |(filter, _)| {
            let mut rows = (*all).clone();
            filter_documents(&mut rows, filter);
            rows
        })
    };
    let oninput = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
                return;
            };
            let value = input.value();
            history::write(&Route::Documents { sort, filter: value.clone() }, Nav::Replace);
            filter.set(value);
        })
    };
    let heads = COLUMNS.iter().map(|&(s, label, number)| {
        let on = sort == Some(s);
        let href = Route::Documents { sort: Some(s), filter: (*filter).clone() }.to_hash();
        html! {
            <th scope="col" class={classes!(number.then_some("num"))} aria-sort={if on { if number { "descending" } else { "ascending" } } else { "none" }}>
                <a class="sort" {href} aria-current={on.then_some("true")}>{ label }</a>
            </th>
        }
    });
    let status = match (rows.len(), all.len()) {
        (shown, total) if shown == total => format!("{} documents", thousands(total as u64)),
        (shown, total) => format!("{} of {} documents", thousands(shown as u64), thousands(total as u64)),
    };
    html! {
        <>
            <div class="doc-filter">
                <label>{ "Filter " }<input type="search" name="filter" value={(*filter).clone()} {oninput}
                    placeholder="title, source, date, language" aria-describedby="doc-filter-status" /></label>
                <span id="doc-filter-status" class="status" role="status">{ status }</span>
            </div>
            <table class="doc-table">
                <caption class="visually-hidden">{ "The documents, sortable by each column" }</caption>
                <thead><tr>{ for heads }</tr></thead>
                <tbody>{ for rows.iter().map(row) }</tbody>
            </table>
        </>
    }
}

fn row(r: &DocRow) -> Html {
    let href = Route::Doc { id: r.id.clone(), q: String::new(), section: None, at: None }.to_hash();
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
