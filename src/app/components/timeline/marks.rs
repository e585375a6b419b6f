//! A date on the timeline: its mark, its description, and opening the
//! reader at it.

use yew::prelude::*;

use crate::view::svg::{num, Num};

use crate::app::IndexRef;
use crate::engine::Event;
use crate::engine::analysis::text::sentence_at;
use crate::engine::time::Precision;
use crate::view::timeline::{kind_word, Scale};

/// Opens the reader at the date's document and section.
pub fn opener(
    index: IndexRef,
    e: &Event,
    on_open: &Callback<(String, Option<u32>)>,
) -> impl Fn() + Clone + 'static {
    let doc = index.0.doc(index.0.section_doc(e.section));
    let within = (doc.section_count > 1).then(|| e.section - doc.first_section);
    let on_open = on_open.clone();
    let id = doc.id.to_owned();
    move || on_open.emit((id.clone(), within))
}

/// The date described (its label) and the sentence it is in (empty for a
/// publication date).
pub fn describe(index: IndexRef, e: &Event) -> (String, String) {
    let section = index.0.section(e.section);
    let doc = index.0.doc(section.doc);
    let surface = doc.text.get(e.start..e.start + e.len).unwrap_or("");
    let what = if e.published {
        format!("{} published", doc.title)
    } else {
        format!("“{surface}”")
    };
    let label = format!("{} ({}): {what}", e.when, kind_word(e));
    let sentence = if e.published {
        String::new()
    } else {
        sentence_at(doc.text, e.start, e.len).to_owned()
    };
    (label, sentence)
}

/// Shows a date in the card under the drawing: its description, sentence
/// and source, and where its "Open" button leads (as text and attributes
/// written straight into the card: focusing a mark among thousands redraws
/// nothing).
fn show_card(card: &NodeRef, shown: &Shown) {
    let Some(card) = card.cast::<web_sys::Element>() else {
        return;
    };
    let lines = [
        (".mark-card-date", shown.label.as_str()),
        (".mark-card-text", shown.sentence.as_str()),
        (".mark-card-from", shown.source.as_str()),
    ];
    for (css, text) in lines {
        if let Ok(Some(line)) = card.query_selector(css) {
            line.set_text_content(Some(text));
        }
    }
    let _ = card.set_attribute("data-doc", &shown.doc);
    match shown.within {
        Some(s) => card.set_attribute("data-section", &s.to_string()),
        None => card.remove_attribute("data-section"),
    }
    .ok();
    if let Ok(Some(open)) = card.query_selector(".mark-card-open") {
        let _ = open.remove_attribute("hidden");
    }
}

/// What the card shows for a date.
struct Shown {
    label: String,
    sentence: String,
    /// The document's title and date.
    source: String,
    doc: String,
    within: Option<u32>,
}

/// The card under the drawing: the focused (or tapped) date's description,
/// sentence and source, and a button that opens the reader there. Always
/// laid out, so focusing a date moves nothing.
pub fn mark_card(card: &NodeRef, on_open: &Callback<(String, Option<u32>)>) -> Html {
    let open = {
        let (card, on_open) = (card.clone(), on_open.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(card) = card.cast::<web_sys::Element>() else {
                return;
            };
            let Some(doc) = card.get_attribute("data-doc") else {
                return;
            };
            let within = card.get_attribute("data-section").and_then(|s| s.parse().ok());
            on_open.emit((doc, within));
        })
    };
    html! {
        <div class="mark-card" ref={card.clone()}>
            <p class="mark-card-date">{ "Focus or tap a date (Tab, then the arrows) to read its sentence here." }</p>
            <p class="mark-card-text"></p>
            <p class="mark-card-foot">
                <span class="mark-card-from"></span>
                <button class="tab mark-card-open" hidden=true onclick={open}>{ "Open" }</button>
            </p>
        </div>
    }
}

/// A date's mark at height `y`: a link to the reader (a tap shows its card
/// first), with its sentence as a tooltip and in the card under the drawing
/// when it has focus; `first` takes the drawing's one Tab stop.
pub fn event_mark(
    index: IndexRef,
    on_open: &Callback<(String, Option<u32>)>,
    card: &NodeRef,
    scale: Scale,
    e: &Event,
    y: f32,
    first: bool,
) -> Html {
    let (label, sentence) = describe(index, e);
    let tip = if sentence.is_empty() {
        label.clone()
    } else {
        format!("{label}\n{sentence}")
    };
    let open = opener(index, e, on_open);
    let (_, activate) = crate::app::components::activation(open.clone());
    let onclick = Callback::from(move |m: MouseEvent| {
        if crate::app::components::tapped(&m) {
            // A finger cannot hover: the tap focuses the mark, which shows
            // its card, whose button opens it.
            focus_target(&m);
        } else {
            open();
        }
    });
    // One Tab stop for all the marks: arrows move between them.
    let onkeydown = Callback::from(move |k: KeyboardEvent| {
        if !crate::app::components::rove(&k, ".timeline-svg", ".event") {
            activate.emit(k);
        }
    });
    let onfocus = {
        let section = index.0.section(e.section);
        let doc = index.0.doc(section.doc);
        let shown = Shown {
            label: label.clone(),
            sentence,
            source: if doc.date.is_empty() {
                doc.title.to_owned()
            } else {
                format!("{} · {}", doc.title, doc.date)
            },
            doc: doc.id.to_owned(),
            within: (doc.section_count > 1).then(|| e.section - doc.first_section),
        };
        let card = card.clone();
        Callback::from(move |_: FocusEvent| show_card(&card, &shown))
    };
    html! {
        <g class={classes!("event", e.relative.then_some("relative"))} tabindex={if first { "0" } else { "-1" }} role="link" aria-label={label}
           data-value={e.when.to_string()} data-kind={kind_word(e)} {onclick} {onkeydown} {onfocus}>
            <title>{ tip }</title>
            { shape(scale, e, y) }
        </g>
    }
}

/// How far from a mark (CSS pixels) a finger may land and still take it:
/// marks are a few pixels wide on a phone, a fingertip is not.
const REACH: f64 = 24.0;

/// A tap on the drawing near a mark (not on one, which takes it itself):
/// focuses the nearest mark within [`REACH`], showing its card.
pub fn tap_near(m: &MouseEvent) {
    use wasm_bindgen::JsCast;
    if !crate::app::components::tapped(m) {
        return;
    }
    let Some(target) = m.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return;
    };
    if target.closest(".event").ok().flatten().is_some() {
        return;
    }
    let Some(marks) = target
        .closest(".timeline-svg")
        .ok()
        .flatten()
        .and_then(|svg| svg.query_selector_all(".event").ok())
    else {
        return;
    };
    let (x, y) = (m.client_x() as f64, m.client_y() as f64);
    let nearest = (0..marks.length())
        .filter_map(|i| marks.item(i)?.dyn_into::<web_sys::SvgElement>().ok())
        .map(|mark| {
            let r = mark.get_bounding_client_rect();
            let dx = (r.left() - x).max(x - r.right()).max(0.0);
            let dy = (r.top() - y).max(y - r.bottom()).max(0.0);
            (dx.hypot(dy), mark)
        })
        .filter(|(d, _)| *d <= REACH)
        .min_by(|a, b| a.0.total_cmp(&b.0));
    if let Some((_, mark)) = nearest {
        let _ = mark.focus();
    }
}

/// Focuses the mark a click landed in.
fn focus_target(m: &MouseEvent) {
    use wasm_bindgen::JsCast;
    let mark = m
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest(".event").ok().flatten())
        .and_then(|t| t.dyn_into::<web_sys::SvgElement>().ok());
    if let Some(mark) = mark {
        let _ = mark.focus();
    }
}

/// By precision: a day is a dot, a month a short bar, a year a long pale
/// bar, a range of years a line with end caps; a publication a diamond.
fn shape(scale: Scale, e: &Event, y: f32) -> Html {
    let (a, b) = (scale.x(e.when.start), scale.x(e.when.end + 1));
    if e.published {
        let d = format!("M{} {}l5 5-5 5-5-5z", Num(a), Num(y - 5.0));
        return html! { <path class={classes!("pub", e.inferred.then_some("pub-inferred"))} d={d} /> };
    }
    match e.when.precision {
        Precision::Day => html! { <circle cx={num(a)} cy={num(y)} r="4" /> },
        Precision::Month => {
            html! { <rect x={num(a)} y={num(y - 4.5)} width={num((b - a).max(5.0))} height="9" rx="2" /> }
        }
        Precision::Year => {
            html! { <rect class="year" x={num(a)} y={num(y - 4.0)} width={num((b - a).max(5.0))} height="8" rx="1" /> }
        }
        Precision::Range => html! {
            <g class="range">
                <line x1={num(a)} x2={num(b)} y1={num(y)} y2={num(y)} />
                <line x1={num(a)} x2={num(a)} y1={num(y - 5.0)} y2={num(y + 5.0)} />
                <line x1={num(b)} x2={num(b)} y1={num(y - 5.0)} y2={num(y + 5.0)} />
            </g>
        },
    }
}
