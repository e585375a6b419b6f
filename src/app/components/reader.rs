//! The reader: one whole document with every match of the query highlighted.

use yew::prelude::*;

use super::doc_meta::DocMetaProps;
use super::{DocMeta, Highlighted};
use crate::app::IndexRef;
use crate::engine::search::doc_highlights;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub index: IndexRef,
    pub id: AttrValue,
    pub query: AttrValue,
}

#[function_component]
pub fn Reader(props: &ReaderProps) -> Html {
    let index = props.index.0;
    let back_href = Route::Search { q: props.query.to_string() }.to_hash();
    let back_label = if props.query.is_empty() { "← All documents".to_owned() } else { format!("← Results for “{}”", props.query) };

    // Open at the top; if the first match is below the fold, centre it instead.
    use_effect_with((props.id.clone(), props.query.clone()), |_| {
        let window = gloo::utils::window();
        window.scroll_to_with_x_and_y(0.0, 0.0);
        let fold = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0) * 0.75;
        let first = gloo::utils::document().query_selector(".reader-body mark").ok().flatten();
        if let Some(mark) = first.filter(|m| m.get_bounding_client_rect().top() > fold) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            mark.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });

    let Some(doc) = index.doc_by_id(&props.id) else {
        return html! {
            <article class="reader">
                <a class="back" href={back_href}>{ back_label }</a>
                <h1>{ "No such document" }</h1>
                <p class="hint">{ format!("This corpus has no document “{}”. It may have been renamed or removed.", props.id) }</p>
            </article>
        };
    };
    let ranges = if props.query.is_empty() { Vec::new() } else { doc_highlights(index, &props.query, doc.ord) };
    let count = ranges.len();

    // One paragraph per line of the text; each gets the ranges that fall in it.
    let mut paragraphs = Vec::new();
    let mut offset = 0;
    let mut next_range = 0;
    for line in doc.text.split('\n') {
        let (start, end) = (offset, offset + line.len());
        offset = end + 1;
        if line.trim().is_empty() {
            continue;
        }
        let mut local = Vec::new();
        while next_range < ranges.len() && ranges[next_range].start < end {
            let r = &ranges[next_range];
            if r.start >= start && r.end <= end {
                local.push(r.start - start..r.end - start);
            }
            next_range += 1;
        }
        paragraphs.push(html! { <p><Highlighted text={AttrValue::Static(line)} ranges={local} /></p> });
    }

    html! {
        <article class="reader" lang={doc.lang} aria-labelledby="reader-title">
            <a class="back" href={back_href}>{ back_label }</a>
            <h1 id="reader-title">{ doc.title }</h1>
            <DocMeta ..DocMetaProps::of(&doc) />
            <p class="doc-id">
                { doc.id }
                if !props.query.is_empty() {
                    <span class="match-count">{ format!(" · {count} {} highlighted", if count == 1 { "match" } else { "matches" }) }</span>
                }
            </p>
            <div class="reader-body">{ for paragraphs }</div>
        </article>
    }
}
