//! The reader: one whole document with every match of the query highlighted,
//! its sections headed, and the page furniture that was set aside shown muted.

use std::ops::Range;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::doc_meta::DocMetaProps;
use super::{DocMeta, Highlighted};
use crate::app::IndexRef;
use crate::engine::search::doc_highlights;
use crate::route::Route;

/// The most matches the reader highlights.
const MAX_MARKS: usize = 1000;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub index: IndexRef,
    pub id: AttrValue,
    pub query: AttrValue,
    /// The section to open at (0-based within the document).
    pub section: Option<u32>,
}

/// The ranges of `ranges` that fall in `start..end`, moved to start at 0.
fn local(ranges: &[Range<usize>], start: usize, end: usize) -> Vec<Range<usize>> {
    ranges
        .iter()
        .filter(|r| r.start < end && r.end > start)
        .map(|r| r.start.max(start) - start..r.end.min(end) - start)
        .collect()
}

#[function_component]
pub fn Reader(props: &ReaderProps) -> Html {
    let index = props.index.0;
    crate::app::shards::use_shards(index);
    let back_href = Route::Search {
        q: props.query.to_string(),
    }
    .to_hash();
    let back_label = if props.query.is_empty() {
        "← All documents".to_owned()
    } else {
        format!("← Results for “{}”", props.query)
    };

    // Open at the top, or at the requested section; then, if the first match
    // there is below the fold, centre it.
    // (Again when a split index's text arrives: the marks are there only then.)
    use_effect_with(
        (
            props.id.clone(),
            props.query.clone(),
            props.section,
            props.index.1,
        ),
        |(_, _, section, _)| {
            let window = gloo::utils::window();
            let doc = gloo::utils::document();
            window.scroll_to_with_x_and_y(0.0, 0.0);
            // Focus follows the reader into the text it opened (a keyboard
            // user who opened a date or a result is not left on the page's body).
            if let Some(title) = doc
                .get_element_by_id("reader-title")
                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = title.focus();
            }
            let scope = section.map_or(".reader-body".to_owned(), |s| format!("#section-{s}"));
            if let (Some(s), Some(heading)) = (section, doc.query_selector(&scope).ok().flatten()) {
                if *s > 0 {
                    heading.scroll_into_view_with_bool(true);
                }
            }
            let fold = window
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(800.0)
                * 0.75;
            let first = doc
                .query_selector(&format!("{scope} mark, {scope} ~ * mark"))
                .ok()
                .flatten();
            if let Some(mark) = first.filter(|m| m.get_bounding_client_rect().top() > fold) {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                mark.scroll_into_view_with_scroll_into_view_options(&options);
            }
        },
    );

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
        doc_highlights(index, &props.query, doc.ord)
    };
    let count = ranges.len();
    // Thousands of marks make a page no one reads and a slow one: mark the first ones.
    ranges.truncate(MAX_MARKS);
    let aside = index.aside(&doc);
    let set_aside = aside.len();
    // Where each titled section starts, when the file holds several.
    let headings: Vec<(usize, u32)> = (doc.first_section..doc.first_section + doc.section_count)
        .map(|s| index.section(s))
        .filter(|s| doc.section_count > 1 && !s.title.is_empty())
        .map(|s| (s.start, s.ord - doc.first_section))
        .collect();

    // One block per line of the text, or per paragraph where the text is
    // hard-wrapped (its lines run on into the next).
    let lines: Vec<&'static str> = doc.text.split('\n').collect();
    let run_ons = crate::engine::text::run_ons(&lines);
    let mut starts = Vec::with_capacity(lines.len());
    let mut offset = 0;
    for line in &lines {
        starts.push(offset);
        offset += line.len() + 1;
    }
    let continued: Vec<bool> = {
        let mut c = vec![false; lines.len()];
        for j in run_ons.iter().flatten() {
            c[*j] = true;
        }
        c
    };
    let mut blocks = Vec::new();
    for (i, first) in lines.iter().enumerate() {
        if first.trim().is_empty() || continued[i] {
            continue;
        }
        // The paragraph runs over the lines this one runs on into.
        let mut last = i;
        while let Some(next) = run_ons[last] {
            last = next;
        }
        let (start, end) = (starts[i], starts[last] + lines[last].len());
        let line: &'static str = &doc.text[start..end];
        let text = AttrValue::Static(line);
        let marks = local(&ranges, start, end);
        let muted = local(&aside, start, end);
        let whole_line_aside =
            muted.len() == 1 && muted[0].start == 0 && muted[0].end >= line.trim_end().len();
        let heading = headings
            .iter()
            .find(|(s, _)| (start..=end).contains(s))
            .map(|(_, k)| *k);
        blocks.push(match heading {
            Some(k) => html! {
                <h2 class="section-title" id={format!("section-{k}")}><Highlighted {text} ranges={marks} /></h2>
            },
            None if whole_line_aside => html! {
                <p class="aside-line" title="Set aside as page furniture: not searched">{ line }</p>
            },
            None => html! { <p><Highlighted {text} ranges={marks} aside={muted} /></p> },
        });
    }

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
            <div class="reader-body">{ for blocks }</div>
        </article>
    }
}
