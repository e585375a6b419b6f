//! A date on the timeline: its mark, its description, and opening the
//! reader at it.

use yew::prelude::*;

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
    let doc = index.0.doc(index.0.section(e.section).doc);
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

/// Shows a date's description and sentence in the card under the drawing
/// (as text, written straight into its two lines: focusing a mark among
/// thousands redraws nothing).
fn show_card(card: &NodeRef, label: &str, sentence: &str) {
    let Some(card) = card.cast::<web_sys::Element>() else {
        return;
    };
    for (css, text) in [(".mark-card-date", label), (".mark-card-text", sentence)] {
        if let Ok(Some(line)) = card.query_selector(css) {
            line.set_text_content(Some(text));
        }
    }
}

/// A date's mark at height `y`: a link to the reader, with its sentence as
/// a tooltip, and in the card under the drawing when it has focus; `first`
/// takes the drawing's one Tab stop.
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
    let (onclick, activate) = crate::app::components::activation(opener(index, e, on_open));
    // One Tab stop for all the marks: arrows move between them.
    let onkeydown = Callback::from(move |k: KeyboardEvent| {
        if !crate::app::components::rove(&k, ".timeline-svg", ".event") {
            activate.emit(k);
        }
    });
    let onfocus = {
        let (card, label, sentence) = (card.clone(), label.clone(), sentence.clone());
        Callback::from(move |_: FocusEvent| show_card(&card, &label, &sentence))
    };
    html! {
        <g class={classes!("event", e.relative.then_some("relative"))} tabindex={if first { "0" } else { "-1" }} role="link" aria-label={label}
           data-value={e.when.to_string()} data-kind={kind_word(e)} {onclick} {onkeydown} {onfocus}>
            <title>{ tip }</title>
            { shape(scale, e, y) }
        </g>
    }
}

/// By precision: a day is a dot, a month a short bar, a year a long pale
/// bar, a range of years a line with end caps; a publication a diamond.
fn shape(scale: Scale, e: &Event, y: f32) -> Html {
    let (a, b) = (scale.x(e.when.start), scale.x(e.when.end + 1));
    if e.published {
        let d = format!("M{a} {}l5 5-5 5-5-5z", y - 5.0);
        return html! { <path class={classes!("pub", e.inferred.then_some("pub-inferred"))} d={d} /> };
    }
    match e.when.precision {
        Precision::Day => html! { <circle cx={a.to_string()} cy={y.to_string()} r="4" /> },
        Precision::Month => {
            html! { <rect x={a.to_string()} y={(y - 4.5).to_string()} width={(b - a).max(5.0).to_string()} height="9" rx="2" /> }
        }
        Precision::Year => {
            html! { <rect class="year" x={a.to_string()} y={(y - 4.0).to_string()} width={(b - a).max(5.0).to_string()} height="8" rx="1" /> }
        }
        Precision::Range => html! {
            <g class="range">
                <line x1={a.to_string()} x2={b.to_string()} y1={y.to_string()} y2={y.to_string()} />
                <line x1={a.to_string()} x2={a.to_string()} y1={(y - 5.0).to_string()} y2={(y + 5.0).to_string()} />
                <line x1={b.to_string()} x2={b.to_string()} y1={(y - 5.0).to_string()} y2={(y + 5.0).to_string()} />
            </g>
        },
    }
}
