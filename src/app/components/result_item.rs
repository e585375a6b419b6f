//! One result: a title linking to the reader (the section's own heading when
//! the file holds several pieces), metadata, why it matched, and a snippet.

use yew::prelude::*;

use super::doc_meta::DocMetaProps;
use super::{DocMeta, Highlighted};
use crate::app::hooks::use_near_screen;
use crate::app::IndexRef;
use crate::engine::search::{explain, snippet, SNIPPET_CHARS};
use crate::engine::Hit;
use crate::route::Route;

/// Results whose texts a split site fetches with the answer, for their
/// snippets; each further one fetches its own as the reader scrolls near it.
const EAGER_SNIPPETS: usize = 5;

#[derive(Properties, PartialEq)]
pub struct ResultItemProps {
    pub index: IndexRef,
    pub hit: Hit,
    pub query: AttrValue,
    /// Its place in the list, from 0.
    pub rank: usize,
}

#[function_component]
pub fn ResultItem(props: &ResultItemProps) -> Html {
    let index = props.index.0;
    let item = use_node_ref();
    // A split index fetches the text for the snippet: at once for the first
    // results, for the others when they come near the screen.
    let lazy = index.is_split() && props.rank >= EAGER_SNIPPETS;
    let near = use_near_screen(item.clone(), lazy);
    let asked = !lazy || near;
    let text_here = asked && index.want_text(props.hit.doc);
    crate::app::shards::use_shards(index);
    let doc = index.doc(props.hit.doc);
    let section = index.section(props.hit.section);
    let snip = snippet(index, &props.hit, SNIPPET_CHARS);
    let why = explain(index, &props.hit);
    let within = (doc.section_count > 1).then(|| section.ord - doc.first_section);
    let href = Route::Doc {
        id: doc.id.to_owned(),
        q: props.query.to_string(),
        section: within,
        at: None,
    }
    .to_hash();
    let lang = if section.lang.is_empty() {
        doc.lang
    } else {
        section.lang
    };
    let title = if section.title.is_empty() {
        doc.title
    } else {
        section.title
    };
    html! {
        <li class="result" lang={lang} data-doc={doc.id} ref={item}>
            <h2 class="result-title"><a href={href}>{ title }</a></h2>
            if !section.title.is_empty() && section.title != doc.title {
                <p class="result-within">{ "in " }{ doc.title }</p>
            }
            <DocMeta lang={AttrValue::Static(lang)} ..DocMetaProps::of(&doc) />
            if !why.is_empty() {
                <p class="why" lang="und">{ "Matched as " }{ for why.iter().enumerate().map(|(i, w)| html! {
                    <>{ if i > 0 { ", " } else { "" } }<span class="why-term">{ w.clone() }</span></>
                }) }</p>
            }
            if text_here {
                <p class="snippet"><Highlighted text={snip.text} ranges={snip.highlights} /></p>
            } else if asked {
                <p class="snippet loading" aria-busy="true">{ "…" }</p>
            } else {
                // Not asked for until the reader scrolls near it.
                <p class="snippet deferred">{ "…" }</p>
            }
        </li>
    }
}
