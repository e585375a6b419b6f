//! The timeline's list view: every date counted, earliest first.

use std::rc::Rc;

use yew::prelude::*;

use super::marks::{describe, opener};
use crate::app::IndexRef;
use crate::engine::Event;
use crate::view::timeline::kind_word;

#[derive(Properties, PartialEq)]
pub struct EventTableProps {
    pub index: IndexRef,
    /// The dates counted.
    pub events: Rc<Vec<Event>>,
    /// Open the reader at (document id, section within the document).
    pub on_open: Callback<(String, Option<u32>)>,
}

#[function_component]
pub fn EventTable(props: &EventTableProps) -> Html {
    let index = props.index;
    let mut all: Vec<Event> = props.events.iter().copied().collect();
    crate::sort::sort_by_key(&mut all, |e| (e.when.start, e.section));
    let rows = all.into_iter().map(|e| {
        let section = index.0.section(e.section);
        let doc = index.0.doc(section.doc);
        let (_, sentence) = describe(index, &e);
        let surface = if e.published {
            String::new()
        } else {
            doc.text
                .get(e.start..e.start + e.len)
                .unwrap_or("")
                .to_owned()
        };
        let activate = opener(index, &e, &props.on_open);
        let onclick = Callback::from(move |ev: MouseEvent| {
            ev.prevent_default();
            activate();
        });
        html! {
            <tr>
                <td class="num">{ e.when.to_string() }</td>
                <td>{ kind_word(&e) }{ if e.relative { " · relative" } else { "" } }</td>
                <td lang={doc.lang}>{ surface }</td>
                <td><a href="#" {onclick} title={doc.id}>{ doc.title }</a></td>
                <td lang={doc.lang} class="sentence">{ sentence }</td>
            </tr>
        }
    });
    html! {
        <table class="place-table event-table">
            <caption class="visually-hidden">{ "Dates, earliest first" }</caption>
            <thead><tr><th scope="col">{ "Date" }</th><th scope="col">{ "Kind" }</th><th scope="col">{ "Words" }</th><th scope="col">{ "Document" }</th><th scope="col">{ "Sentence" }</th></tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
