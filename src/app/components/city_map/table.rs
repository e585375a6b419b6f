//! The map's table view: every place counted, with its mentions.

use yew::prelude::*;

use crate::app::IndexRef;
use crate::engine::overview::places::PlaceCount;
use crate::view::map::doc_label;

/// The places and their mentions per document, as a table.
pub fn place_table(index: IndexRef, counts: &[PlaceCount]) -> Html {
    let rows = counts.iter().map(|c| {
        let e = index.0.entity(c.entity);
        let docs: Vec<String> = c.docs.iter().map(|(d, n)| format!("{} ({n})", doc_label(index.0.doc(*d).title))).collect();
        html! {
            <tr>
                <th scope="row">{ e.name }</th><td>{ e.kind }</td><td class="num">{ c.mentions }</td>
                <td>{ docs.join(", ") }</td><td>{ e.note }</td>
            </tr>
        }
    });
    html! {
        <table class="place-table">
            <caption class="visually-hidden">{ "Places and their mentions" }</caption>
            <thead><tr><th scope="col">{ "Place" }</th><th scope="col">{ "Kind" }</th><th scope="col">{ "Mentions" }</th><th scope="col">{ "Documents" }</th><th scope="col">{ "Why this place" }</th></tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
