//! The timeline: when the corpus's events happen and when each text was
//! published, on one axis spanning every date in the corpus.
//!
//! Mentioned dates are drawn by precision (a day is a dot, a month a short
//! bar, a year a long pale bar, a range of years a line with end caps) in up
//! to [`LANES`] lanes; publication dates are diamonds on their own lane
//! (hollow when inferred); a density histogram underneath counts every
//! event, including those that did not fit the lanes. Dragging across the
//! axis brushes a span, which becomes `from:`/`to:` in the query (so in the
//! URL), narrowing the results and the map; hovering a mark shows its
//! sentence, activating it opens the reader there. Keyboard: + and − zoom,
//! arrows pan, and "Filter to this view" brushes what is visible. The list
//! view holds the same events as a table.

use std::collections::BTreeMap;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::IndexRef;
use crate::engine::reader::Event;
use crate::engine::text::sentence_at;
use crate::engine::time::{civil_from_days, days_from_civil, span_label, year_step, Precision};

/// Width of the drawing in SVG units: about its width in pixels beside the
/// map, so text and marks keep their size.
const W: f32 = 440.0;
/// Lanes of mentioned dates before the rest only count in the histogram.
const LANES: usize = 8;
const LEFT: f32 = 62.0;
const PUB_Y: f32 = 16.0;
const LANE_Y: f32 = 38.0;
const LANE_H: f32 = 12.0;
const HIST_Y: f32 = LANE_Y + LANES as f32 * LANE_H;
const HIST_H: f32 = 30.0;
const AXIS_Y: f32 = HIST_Y + HIST_H + 2.0;
const H: f32 = AXIS_Y + 18.0;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub index: IndexRef,
    /// Which sections to show (`None`: the whole corpus), by section ordinal.
    pub counted: Option<Rc<Vec<bool>>>,
    /// The span the results are narrowed to (`from:`/`to:`), in days.
    pub span: Option<(i32, i32)>,
    /// A span was brushed (from, to as typed in the query), or cleared.
    pub on_span: Callback<Option<(String, String)>>,
    /// Open the reader at (document id, section within the document).
    pub on_open: Callback<(String, Option<u32>)>,
}

/// How a brushed span is written in the query: whole years when it is
/// years wide, months when months wide, else days.
fn brushed(lo: i32, hi: i32) -> (String, String) {
    let (a, b) = (civil_from_days(lo), civil_from_days(hi));
    if hi - lo >= 2 * 365 {
        (format!("{:04}", a.0), format!("{:04}", b.0))
    } else if hi - lo >= 60 {
        (
            format!("{:04}-{:02}", a.0, a.1),
            format!("{:04}-{:02}", b.0, b.1),
        )
    } else {
        (
            format!("{:04}-{:02}-{:02}", a.0, a.1, a.2),
            format!("{:04}-{:02}-{:02}", b.0, b.1, b.2),
        )
    }
}

fn kind_word(e: &Event) -> &'static str {
    match (e.published, e.inferred, e.when.precision) {
        (true, true, _) => "published (inferred)",
        (true, false, _) => "published",
        (false, _, Precision::Day) => "day",
        (false, _, Precision::Month) => "month",
        (false, _, Precision::Year) => "year",
        (false, _, Precision::Range) => "range",
    }
}

#[function_component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let index = props.index;
    // The whole corpus's span, padded to whole years: a stable axis.
    let domain = *use_memo((), move |_| {
        let (lo, hi) = index.0.events().fold((i32::MAX, i32::MIN), |(lo, hi), e| {
            (lo.min(e.when.start), hi.max(e.when.end))
        });
        if lo > hi {
            None
        } else {
            let (y0, y1) = (civil_from_days(lo).0, civil_from_days(hi).0);
            Some((days_from_civil(y0, 1, 1), days_from_civil(y1 + 1, 1, 1)))
        }
    });
    let events = use_memo(props.counted.clone(), move |counted| {
        index
            .0
            .events()
            .filter(|e| {
                counted
                    .as_ref()
                    .is_none_or(|c| c.get(e.section as usize).copied().unwrap_or(false))
            })
            .collect::<Vec<_>>()
    });
    let view = use_state(|| domain.unwrap_or((0, 1)));
    let list = use_state(|| false);
    let brush = use_state(|| None::<(f32, f32)>);
    let svg_ref = use_node_ref();

    // Wheel zoom, around the middle of the view (yew's wheel listener is passive).
    {
        let svg_ref = svg_ref.clone();
        let view = view.clone();
        use_effect_with(*view, move |_| {
            let listener = svg_ref.cast::<web_sys::Element>().map(|svg| {
                EventListener::new_with_options(
                    &svg,
                    "wheel",
                    EventListenerOptions::enable_prevent_default(),
                    move |e| {
                        if let Some(w) = e.dyn_ref::<web_sys::WheelEvent>() {
                            let next = zoom(*view, domain, if w.delta_y() < 0.0 { 0.8 } else { 1.25 });
                            // At a zoom limit the wheel scrolls the page, as anywhere else.
                            if next == *view {
                                return;
                            }
                            e.prevent_default();
                            view.set(next);
                        }
                    },
                )
            });
            move || drop(listener)
        });
    }

    let Some(full) = domain else {
        return html! {
            <section class="panel timeline" role="region" aria-label="Timeline">
                <div class="panel-head"><h2>{ "Timeline" }</h2></div>
                <p class="panel-note">{ "No dates were found in this corpus." }</p>
            </section>
        };
    };
    let (lo, hi) = *view;
    let x = move |day: i32| LEFT + (day - lo) as f32 / (hi - lo).max(1) as f32 * (W - LEFT - 10.0);
    let day_at =
        move |px: f32| lo + ((px - LEFT) / (W - LEFT - 10.0) * (hi - lo) as f32).round() as i32;

    // Pointer position in SVG units.
    let svg_x = {
        let svg_ref = svg_ref.clone();
        move |client_x: i32| -> f32 {
            let Some(svg) = svg_ref.cast::<web_sys::Element>() else {
                return 0.0;
            };
            let r = svg.get_bounding_client_rect();
            ((f64::from(client_x) - r.left()) / r.width().max(1.0) * f64::from(W)) as f32
        }
    };
    let onpointerdown = {
        let brush = brush.clone();
        let svg_x = svg_x.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: PointerEvent| {
            let target_is_mark = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.closest(".event").ok().flatten().is_some());
            if target_is_mark || e.button() != 0 {
                return;
            }
            if let Some(svg) = svg_ref.cast::<web_sys::Element>() {
                let _ = svg.set_pointer_capture(e.pointer_id());
            }
            let at = svg_x(e.client_x());
            brush.set(Some((at, at)));
        })
    };
    let onpointermove = {
        let brush = brush.clone();
        let svg_x = svg_x.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some((a, _)) = *brush {
                brush.set(Some((a, svg_x(e.client_x()))));
            }
        })
    };
    let onpointerup = {
        let brush = brush.clone();
        let on_span = props.on_span.clone();
        Callback::from(move |_: PointerEvent| {
            if let Some((a, b)) = *brush {
                let (a, b) = (a.min(b).max(LEFT), a.max(b).min(W - 10.0));
                if b - a >= 6.0 {
                    on_span.emit(Some(brushed(day_at(a), day_at(b))));
                }
            }
            brush.set(None);
        })
    };
    let onkeydown = {
        let view = view.clone();
        Callback::from(move |e: KeyboardEvent| {
            let step = ((hi - lo) / 8).max(1);
            let next = match e.key().as_str() {
                "+" | "=" => zoom(*view, domain, 0.8),
                "-" | "_" => zoom(*view, domain, 1.25),
                "ArrowLeft" => pan(*view, full, -step),
                "ArrowRight" => pan(*view, full, step),
                "0" => full,
                _ => return,
            };
            e.prevent_default();
            view.set(next);
        })
    };
    let zoom_by = |f: f32| {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| view.set(zoom(*view, domain, f)))
    };
    let filter_view = {
        let on_span = props.on_span.clone();
        Callback::from(move |_: MouseEvent| on_span.emit(Some(brushed(lo, hi - 1))))
    };
    let clear = {
        let on_span = props.on_span.clone();
        Callback::from(move |_: MouseEvent| on_span.emit(None))
    };
    let toggle_list = {
        let list = list.clone();
        Callback::from(move |_: MouseEvent| list.set(!*list))
    };

    // Axis ticks: years, every 1, 2 or 5 of them; months when zoomed close.
    let years = (hi - lo) as f32 / 365.25;
    let mut ticks = Vec::new();
    let (y0, _, _) = civil_from_days(lo);
    let (y1, _, _) = civil_from_days(hi);
    if years <= 2.5 {
        for y in y0..=y1 {
            for m in 1..=12 {
                let d = days_from_civil(y, m, 1);
                if (lo..=hi).contains(&d) {
                    let label = if m == 1 {
                        format!("{y}")
                    } else if years <= 1.2 || m % 3 == 1 {
                        format!("{m:02}")
                    } else {
                        String::new()
                    };
                    ticks.push((d, label, m == 1));
                }
            }
        }
    } else {
        // Labels a readable distance apart at any span, decades to centuries;
        // a tick a year only while there are few enough to see.
        let every = year_step(years);
        let minor = if years <= 60.0 { 1 } else { every };
        // The first year in view is always labelled (where the axis starts);
        // round years after it, once they are far enough from it.
        let mut first: Option<i32> = None;
        for y in y0..=y1 {
            let d = days_from_civil(y, 1, 1);
            if (lo..=hi).contains(&d) && (y % minor == 0 || first.is_none()) {
                let labelled = match first {
                    None => true,
                    Some(f) => y % every == 0 && (y - f) * 2 >= every,
                };
                first.get_or_insert(y);
                ticks.push((d, if labelled { y.to_string() } else { String::new() }, true));
            }
        }
    }
    let axis = ticks.iter().map(|(d, label, major)| {
        let tx = x(*d);
        html! {
            <g class={classes!("tick", major.then_some("tick-major"))}>
                <line x1={tx.to_string()} x2={tx.to_string()} y1={(LANE_Y - 8.0).to_string()} y2={AXIS_Y.to_string()} />
                if !label.is_empty() && tx < W - 18.0 {
                    <text x={tx.to_string()} y={(AXIS_Y + 13.0).to_string()} text-anchor="middle">{ label.clone() }</text>
                }
            </g>
        }
    });

    // Histogram of every event (mentioned dates by their middle day).
    let bins = 60usize;
    let mut hist = vec![0u32; bins];
    for e in events.iter().filter(|e| !e.published) {
        let mid = e.when.start + (e.when.end - e.when.start) / 2;
        if (lo..hi).contains(&mid) {
            let b = ((mid - lo) as f32 / (hi - lo) as f32 * bins as f32) as usize;
            hist[b.min(bins - 1)] += 1;
        }
    }
    let peak = hist.iter().copied().max().unwrap_or(0).max(1) as f32;
    let bin_w = (W - LEFT - 10.0) / bins as f32;
    let histogram = hist.iter().enumerate().filter(|(_, n)| **n > 0).map(|(b, n)| {
        let h = *n as f32 / peak * HIST_H;
        html! { <rect class="bin" x={(LEFT + b as f32 * bin_w).to_string()} y={(HIST_Y + HIST_H - h).to_string()} width={(bin_w - 1.0).max(1.0).to_string()} height={h.to_string()}><title>{ format!("{n} date{}", if *n == 1 { "" } else { "s" }) }</title></rect> }
    });

    // Lanes: greedy packing by first day; what does not fit is only in the histogram.
    let mut lane_end = [f32::MIN; LANES];
    let mut placed: Vec<(Event, usize)> = Vec::new();
    let mut overflow = 0;
    let mut mentioned: Vec<Event> = events
        .iter()
        .copied()
        .filter(|e| !e.published && e.when.end >= lo && e.when.start <= hi)
        .collect();
    mentioned.sort_by_key(|e| (e.when.start, e.when.end));
    for e in mentioned {
        let (a, b) = (
            x(e.when.start) - 4.0,
            x(e.when.end + 1).max(x(e.when.start) + 5.0),
        );
        match lane_end.iter().position(|end| *end + 2.0 < a) {
            Some(l) => {
                lane_end[l] = b;
                placed.push((e, l));
            }
            None => overflow += 1,
        }
    }
    let open = |e: &Event| {
        let doc = index.0.doc(index.0.section(e.section).doc);
        let within = (doc.section_count > 1).then(|| e.section - doc.first_section);
        let on_open = props.on_open.clone();
        let id = doc.id.to_owned();
        move || on_open.emit((id.clone(), within))
    };
    let describe = |e: &Event| -> (String, String) {
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
    };
    let first_mark = std::cell::RefCell::new(false);
    let mark = |e: &Event, y: f32| -> Html {
        let (label, sentence) = describe(e);
        let tip = if sentence.is_empty() {
            label.clone()
        } else {
            format!("{label}\n{sentence}")
        };
        let (onclick, activate) = super::activation(open(e));
        // One Tab stop for all the marks: arrows move between them.
        let onkeydown = Callback::from(move |k: KeyboardEvent| {
            if !super::rove(&k, ".timeline-svg", ".event") {
                activate.emit(k);
            }
        });
        let (a, b) = (x(e.when.start), x(e.when.end + 1));
        let shape = if e.published {
            let d = format!("M{a} {}l5 5-5 5-5-5z", y - 5.0);
            html! { <path class={classes!("pub", e.inferred.then_some("pub-inferred"))} d={d} /> }
        } else {
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
        };
        html! {
            <g class={classes!("event", e.relative.then_some("relative"))} tabindex={if *first_mark.borrow() { "-1" } else { first_mark.replace(true); "0" }} role="link" aria-label={label}
               data-value={e.when.to_string()} data-kind={kind_word(e)} {onclick} {onkeydown}>
                <title>{ tip }</title>
                { shape }
            </g>
        }
    };
    // Publication dates: one diamond per document and day.
    let mut pubs: BTreeMap<(u32, i32), Event> = BTreeMap::new();
    for e in events
        .iter()
        .filter(|e| e.published && e.when.end >= lo && e.when.start <= hi)
    {
        pubs.entry((index.0.section(e.section).doc, e.when.start))
            .or_insert(*e);
    }
    let pub_marks = pubs.values().map(|e| mark(e, PUB_Y));
    let lane_marks = placed
        .iter()
        .map(|(e, l)| mark(e, LANE_Y + *l as f32 * LANE_H));

    let span_rect = props.span.map(|(a, b)| {
        let (a, b) = (x(a.max(lo)).max(LEFT), x(b.min(hi) + 1).min(W - 10.0));
        html! { <rect class="span" x={a.to_string()} y="4" width={(b - a).max(2.0).to_string()} height={(AXIS_Y - 4.0).to_string()} /> }
    });
    let brush_rect = brush.map(|(a, b)| {
        html! { <rect class="brush" x={a.min(b).to_string()} y="4" width={(a - b).abs().to_string()} height={(AXIS_Y - 4.0).to_string()} /> }
    });

    // The list is built only when shown.
    let rows = if !*list {
        Html::default()
    } else {
        let mut all: Vec<Event> = events.iter().copied().collect();
        all.sort_by_key(|e| (e.when.start, e.section));
        all.into_iter()
            .map(|e| {
                let section = index.0.section(e.section);
                let doc = index.0.doc(section.doc);
                let (_, sentence) = describe(&e);
                let surface = if e.published {
                    String::new()
                } else {
                    doc.text
                        .get(e.start..e.start + e.len)
                        .unwrap_or("")
                        .to_owned()
                };
                let activate = open(&e);
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
            })
            .collect::<Html>()
    };
    let note = match (&props.counted, props.span) {
        (_, Some((a, b))) => format!("Narrowed to {}. ", span_label(a, b)),
        (None, None) => "Dates in the whole corpus. ".to_owned(),
        (Some(_), None) => "Dates in the results. ".to_owned(),
    };
    let mentions = events.iter().filter(|e| !e.published).count();

    html! {
        <section class="panel timeline" role="region" aria-label="Timeline">
            <div class="panel-head">
                <h2>{ "Timeline" }</h2>
                <div class="tabs" role="group" aria-label="Zoom the timeline">
                    <button class="tab" aria-label="Zoom in on time" onclick={zoom_by(0.66)}>{ "+" }</button>
                    <button class="tab" aria-label="Zoom out on time" onclick={zoom_by(1.5)}>{ "−" }</button>
                </div>
                <button class="tab" onclick={filter_view}>{ "Filter to this view" }</button>
                if props.span.is_some() {
                    <button class="tab tab-on" onclick={clear}>{ "Clear span" }</button>
                }
                <button class="tab" aria-pressed={list.to_string()} onclick={toggle_list}>{ "List" }</button>
            </div>
            <p class="panel-note">
                { note }
                { format!("{mentions} date{} mentioned, {} publication date{}", if mentions == 1 { "" } else { "s" }, pubs.len(), if pubs.len() == 1 { "" } else { "s" }) }
                { if overflow > 0 { format!("; {overflow} more in the histogram.") } else { ".".to_owned() } }
                { " Drag across the axis to narrow the results." }
            </p>
            if *list {
                <table class="place-table event-table">
                    <caption class="visually-hidden">{ "Dates, earliest first" }</caption>
                    <thead><tr><th scope="col">{ "Date" }</th><th scope="col">{ "Kind" }</th><th scope="col">{ "Words" }</th><th scope="col">{ "Document" }</th><th scope="col">{ "Sentence" }</th></tr></thead>
                    <tbody>{ rows }</tbody>
                </table>
            } else {
                <div>
                    <svg ref={svg_ref} class="timeline-svg" viewBox={format!("0 0 {W} {H}")} tabindex="0"
                         aria-label="Time axis: drag to narrow the results to a span; plus and minus zoom, arrows pan, 0 resets"
                         {onkeydown} {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()} onpointercancel={onpointerup}>
                        <text class="lane-label" x="4" y={(PUB_Y + 4.0).to_string()}>{ "Published" }</text>
                        <text class="lane-label" x="4" y={(LANE_Y + 4.0).to_string()}>{ "Mentioned" }</text>
                        <text class="lane-label" x="4" y={(HIST_Y + HIST_H - 2.0).to_string()}>{ "Density" }</text>
                        { span_rect }
                        <g class="axis">{ for axis }</g>
                        <line class="baseline" x1={LEFT.to_string()} x2={(W - 10.0).to_string()} y1={AXIS_Y.to_string()} y2={AXIS_Y.to_string()} />
                        <g class="hist">{ for histogram }</g>
                        <g class="pubs">{ for pub_marks }</g>
                        <g class="lanes">{ for lane_marks }</g>
                        { brush_rect }
                    </svg>
                    <p class="legend" aria-hidden="true">
                        <span class="k-day">{ "●" }</span>{ " day " }<span class="k-month">{ "▬" }</span>{ " month " }
                        <span class="k-year">{ "▬" }</span>{ " year " }<span class="k-range">{ "├─┤" }</span>{ " years " }
                        <span class="k-rel">{ "●" }</span>{ " relative " }<span class="k-pub">{ "◆" }</span>{ " published " }
                        <span class="k-pub">{ "◇" }</span>{ " inferred" }
                    </p>
                </div>
            }
        </section>
    }
}

/// The view scaled by `f` around its middle, kept within the corpus's span
/// and at least two months wide.
fn zoom(view: (i32, i32), domain: Option<(i32, i32)>, f: f32) -> (i32, i32) {
    let Some(full) = domain else { return view };
    let mid = (view.0 + view.1) / 2;
    let half = (((view.1 - view.0) as f32 * f) / 2.0).round() as i32;
    if 2 * half >= full.1 - full.0 {
        // Out as far as it goes: the whole span, exactly.
        return full;
    }
    let half = half.max(31);
    pan((mid - half, mid + half), full, 0)
}

/// The view moved by `by` days, kept within `full`.
fn pan(view: (i32, i32), full: (i32, i32), by: i32) -> (i32, i32) {
    let w = view.1 - view.0;
    let lo = (view.0 + by).clamp(full.0, (full.1 - w).max(full.0));
    (lo, lo + w)
}
