//! One result: title linking to the reader, metadata, and a snippet.

use yew::prelude::*;

use super::doc_meta::DocMetaProps;
use super::{DocMeta, Highlighted};
use crate::app::IndexRef;
use crate::engine::search::{snippet, SNIPPET_CHARS};
use crate::engine::Hit;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct ResultItemProps {
    pub index: IndexRef,
    pub hit: Hit,
    pub query: AttrValue,
}

#[function_component]
pub fn ResultItem(props: &ResultItemProps) -> Html {
    let index = props.index.0;
    let doc = index.doc(props.hit.doc);
    let section = index.section(props.hit.section);
    let snip = snippet(index, &props.hit, SNIPPET_CHARS);
    let href = Route::Doc { id: doc.id.to_owned(), q: props.query.to_string() }.to_hash();
    html! {
        <li class="result" lang={doc.lang}>
            <h2 class="result-title">
                <a href={href}>{ doc.title }</a>
                if !section.title.is_empty() {
                    <span class="result-section">{ " › " }{ section.title }</span>
                }
            </h2>
            <DocMeta ..DocMetaProps::of(&doc) />
            <p class="snippet"><Highlighted text={snip.text} ranges={snip.highlights} /></p>
            <p class="doc-id">{ doc.id }</p>
        </li>
    }
}
