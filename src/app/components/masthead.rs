//! The top bar: the name, what the corpus holds, and the search box.

use std::collections::BTreeSet;

use yew::prelude::*;

use super::SearchBox;
use crate::app::IndexRef;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct MastheadProps {
    pub index: IndexRef,
    pub query: AttrValue,
    pub on_search: Callback<String>,
    /// The query as the reader is typing it (see `SearchBox`).
    pub on_typing: Callback<String>,
    /// Stay at the top while scrolling (lists); the reader lets it scroll away
    /// so the article's own heading and back link are never covered.
    pub sticky: bool,
}

#[function_component]
pub fn Masthead(props: &MastheadProps) -> Html {
    let index = props.index.0;
    // Inserted one by one: a set's `collect` sorts every document's
    // language first, with a sort's code of its own in the wasm.
    let mut languages = BTreeSet::new();
    for doc in index.docs().filter(|d| !d.lang.is_empty()) {
        languages.insert(doc.lang);
    }
    let summary = crate::view::summary::masthead_line(index.doc_count() as usize, languages.len());
    let placeholder = AttrValue::from(crate::examples().placeholder.clone());
    html! {
        <header class={classes!("masthead", props.sticky.then_some("masthead-sticky"))}>
            <div class="masthead-inner">
                <a class="brand" href={Route::Search { q: String::new() }.to_hash()}>
                    <span class="brand-mark" aria-hidden="true">{ "◎" }</span>
                    <span class="brand-name">{ "corpus-atlas" }</span>
                </a>
                <p class="masthead-summary">{ summary }</p>
                <SearchBox value={props.query.clone()} on_search={props.on_search.clone()} on_typing={props.on_typing.clone()} placeholder={placeholder} />
            </div>
        </header>
    }
}
