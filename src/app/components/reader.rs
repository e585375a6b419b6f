//! The reader: one whole document with every match of the query highlighted,
//! its sections headed, and the page furniture that was set aside shown muted.

use std::ops::Range;

use yew::prelude::*;

use super::doc_meta::DocMetaProps;
use super::{DocMeta, Highlighted};
use crate::app::hooks::use_open_at_match;
use crate::app::IndexRef;
use crate::engine::search::{doc_highlights, SearchOptions};
use crate::engine::{Doc, Index};
use crate::route::Route;
use crate::view::reader::{blocks, local};

/// The most matches the reader highlights.
const MAX_MARKS: usize = 1000;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub index: IndexRef,
    pub id: AttrValue,
    pub query: AttrValue,
    /// The section to open at (0-based within the document).
    pub section: Option<u32>,
    /// The match to open at (0-based within the document).
    #[prop_or_default]
    pub at: Option<u32>,
}

#[function_component]
pub fn Reader(props: &ReaderProps) -> Html {
    let index = props.index.0;
    crate::app::shards::use_shards(index);
    use_open_at_match(props.id.clone(), props.query.clone(), props.section, props.at, props.index.1);
    let back_href = Route::Search {
        q: props.query.to_string(),
    }
    .to_hash();
    let back_label = if props.query.is_empty() {
        "← All documents".to_owned()
    } else {
        format!("← Results for “{}”", props.query)
    };

    let Some(doc) = index.doc_by_id(&props.id) else {
        return html! {
            <article class="reader">
                <a class="back" href={back_href}>{ back_label }</a>
                <h1>{ "No such document" }</h1>
                <p class="hint">{ format!("This corpus has no document “{}”. It may have been renamed or removed.", props.id) }</p>
            </article>
        };
    };
    if !index.want_text(doc.ord) {
        return html! {
            <article class="reader" aria-busy="true">
                <a class="back" href={back_href}>{ back_label }</a>
                <h1>{ doc.title }</h1>
                <p class="hint">{ "Loading the text…" }</p>
            </article>
        };
    }
    let mut ranges = if props.query.is_empty() {
        Vec::new()
    } else {
        // The query as submitted: whole words. A query read while it was
        // typed (a result opened mid-word, "harb") finds nothing that way,
        // and is read as it was then, its last word a prefix.
        let whole = doc_highlights(index, &props.query, doc.ord, SearchOptions::default());
        match whole.is_empty() {
            true => doc_highlights(index, &props.query, doc.ord, SearchOptions { typing: true }),
            false => whole,
        }
    };
    let count = ranges.len();
    // Thousands of marks make a page no one reads and a slow one: mark the first ones.
    ranges.truncate(MAX_MARKS);
    let aside = index.aside(&doc);
    let set_aside = aside.len();

    html! {
        <article class="reader" lang={doc.lang} aria-labelledby="reader-title">
            <a class="back" href={back_href}>{ back_label }</a>
            <h1 id="reader-title" tabindex="-1">{ doc.title }</h1>
            <DocMeta ..DocMetaProps::of(&doc) />
            <p class="doc-id" lang="en">
                { doc.id }
                if doc.section_count > 1 {
                    { format!(" · {} sections", doc.section_count) }
                }
                if !props.query.is_empty() {
                    <span class="match-count">{
                        if count > MAX_MARKS {
                            format!(" · {count} matches, the first {MAX_MARKS} highlighted")
                        } else {
                            format!(" · {count} {} highlighted", if count == 1 { "match" } else { "matches" })
                        }
                    }</span>
                }
                if set_aside > 0 {
                    <span class="aside-count">{ format!(" · {set_aside} {} of page furniture set aside (muted, not searched)", if set_aside == 1 { "piece" } else { "pieces" }) }</span>
                }
            </p>
            if count > 0 {
                <super::MatchNav id={props.id.clone()} query={props.query.clone()} start={props.at.map(|m| m as usize).filter(|&m| m < ranges.len())} />
            }
            <div class="reader-body">{ for text_blocks(index, &doc, &ranges, &aside) }</div>
        </article>
    }
}

/// The text's blocks (see [`blocks`]): a section's title as a heading, a
/// line set aside whole as muted, else a paragraph with its matches marked.
fn text_blocks(index: &'static Index<'static>, doc: &Doc<'static>, ranges: &[Range<usize>], aside: &[Range<usize>]) -> Vec<Html> {
    // Where each titled section starts, when the file holds several.
    let headings: Vec<(usize, u32)> = (doc.first_section..doc.first_section + doc.section_count)
        .map(|s| index.section(s))
        .filter(|s| doc.section_count > 1 && !s.title.is_empty())
        .map(|s| (s.start, s.ord - doc.first_section))
        .collect();
    blocks(doc.text)
        .into_iter()
        .map(|Range { start, end }| {
            let line: &'static str = &doc.text[start..end];
            let text = AttrValue::Static(line);
            let marks = local(ranges, start, end);
            let muted = local(aside, start, end);
            let whole_line_aside =
                muted.len() == 1 && muted[0].start == 0 && muted[0].end >= line.trim_end().len();
            let heading = headings
                .iter()
                .find(|(s, _)| (start..=end).contains(s))
                .map(|(_, k)| *k);
            match heading {
                Some(k) => html! {
                    <h2 class="section-title" id={format!("section-{k}")}><Highlighted {text} ranges={marks} /></h2>
                },
                None if whole_line_aside => html! {
                    <p class="aside-line" title="Set aside as page furniture: not searched">{ line }</p>
                },
                None => html! { <p><Highlighted {text} ranges={marks} aside={muted} /></p> },
            }
        })
        .collect()
}
