//! The timeline's drawing: axis, histogram, publication and mentioned
//! dates, the span the results are narrowed to, and the brush.

use std::rc::Rc;

use yew::prelude::*;

use crate::view::svg::{num, Num};

use super::marks::{event_mark, mark_card, tap_near};
use crate::app::hooks::use_brush;
use crate::app::IndexRef;
use crate::engine::Event;
use crate::view::timeline::{
    histogram, key_view, ticks, Scale, AXIS_Y, BINS, H, HIST_H, HIST_Y, LANE_H, LANE_Y, LEFT,
    PUB_Y, RIGHT, W,
};

#[derive(Properties, PartialEq)]
pub struct TimelineChartProps {
    pub index: IndexRef,
    /// The drawing (the timeline's wheel zoom listens on it).
    pub svg_ref: NodeRef,
    /// The days in view, which the keyboard zooms and pans.
    pub view: UseStateHandle<(i32, i32)>,
    /// The corpus's whole span.
    pub full: (i32, i32),
    /// The dates counted.
    pub events: Rc<Vec<Event>>,
    /// Mentioned dates in view, each with its lane.
    pub placed: Rc<Vec<(Event, usize)>>,
    /// Publication dates in view.
    pub pubs: Rc<Vec<Event>>,
    /// The span the results are narrowed to, in days.
    pub span: Option<(i32, i32)>,
    pub on_span: Callback<Option<(String, String)>>,
    pub on_open: Callback<(String, Option<u32>)>,
}

#[function_component]
pub fn TimelineChart(props: &TimelineChartProps) -> Html {
    let index = props.index;
    let scale = Scale::new(*props.view);
    let brush = use_brush(props.svg_ref.clone(), scale, props.on_span.clone());
    let onkeydown = {
        let view = props.view.clone();
        let full = props.full;
        Callback::from(move |e: KeyboardEvent| {
            let Some(next) = key_view(&e.key(), *view, full) else {
                return;
            };
            e.prevent_default();
            view.set(next);
        })
    };
    // The card under the drawing that shows the focused date's sentence.
    let card = use_node_ref();
    // One Tab stop for all the marks: the first drawn (a publication, if
    // any) takes it.
    let pub_marks = props
        .pubs
        .iter()
        .enumerate()
        .map(|(k, e)| event_mark(index, &props.on_open, &card, scale, e, PUB_Y, k == 0));
    let lane_marks = props.placed.iter().enumerate().map(|(k, (e, l))| {
        let first = props.pubs.is_empty() && k == 0;
        event_mark(
            index,
            &props.on_open,
            &card,
            scale,
            e,
            LANE_Y + *l as f32 * LANE_H,
            first,
        )
    });
    let span_rect = props.span.map(|(a, b)| {
        let (a, b) = (scale.x(a.max(scale.lo)).max(LEFT), scale.x(b.min(scale.hi) + 1).min(RIGHT));
        html! { <rect class="span" x={num(a)} y="4" width={num((b - a).max(2.0))} height={num(AXIS_Y - 4.0)} /> }
    });
    let brush_rect = brush.rect.map(|(a, b)| {
        html! { <rect class="brush" x={num(a.min(b))} y="4" width={num((a - b).abs())} height={num(AXIS_Y - 4.0)} /> }
    });
    let onpointerup = brush.onpointerup;
    html! {
        <div>
            <svg ref={props.svg_ref.clone()} class="timeline-svg" viewBox={format!("0 0 {} {}", Num(W), Num(H))} tabindex="0"
                 aria-label="Time axis: drag to narrow the results to a span; plus and minus zoom, arrows pan, 0 resets"
                 {onkeydown} onclick={Callback::from(|m: MouseEvent| tap_near(&m))} onpointerdown={brush.onpointerdown} onpointermove={brush.onpointermove} onpointerup={onpointerup.clone()} onpointercancel={onpointerup}>
                <text class="lane-label" x="4" y={num(PUB_Y + 4.0)}>{ "Published" }</text>
                <text class="lane-label" x="4" y={num(LANE_Y + 4.0)}>{ "Mentioned" }</text>
                <text class="lane-label" x="4" y={num(HIST_Y + HIST_H - 2.0)}>{ "Density" }</text>
                { span_rect }
                <g class="axis">{ axis(scale) }</g>
                <line class="baseline" x1={num(LEFT)} x2={num(RIGHT)} y1={num(AXIS_Y)} y2={num(AXIS_Y)} />
                <g class="hist">{ bars(&props.events, scale) }</g>
                <g class="pubs">{ for pub_marks }</g>
                <g class="lanes">{ for lane_marks }</g>
                { brush_rect }
            </svg>
            { mark_card(&card, &props.on_open) }
            { legend() }
        </div>
    }
}

/// Axis ticks: years, every 1, 2 or 5 of them; months when zoomed close.
fn axis(scale: Scale) -> Html {
    ticks(scale)
        .into_iter()
        .map(|t| {
            let tx = scale.x(t.day);
            // A label near the right edge ends at its tick instead of
            // leaving the drawing ("2000" on an axis from 476 to 2026).
            let anchor = if tx < W - 18.0 { "middle" } else { "end" };
            html! {
                <g class={classes!("tick", t.major.then_some("tick-major"))}>
                    <line x1={num(tx)} x2={num(tx)} y1={num(LANE_Y - 8.0)} y2={num(AXIS_Y)} />
                    if !t.label.is_empty() {
                        <text x={num(tx)} y={num(AXIS_Y + 13.0)} text-anchor={anchor}>{ t.label.clone() }</text>
                    }
                </g>
            }
        })
        .collect()
}

/// Histogram of every event (mentioned dates by their middle day).
fn bars(events: &[Event], scale: Scale) -> Html {
    let hist = histogram(events, scale);
    let peak = hist.iter().copied().max().unwrap_or(0).max(1) as f32;
    let bin_w = (RIGHT - LEFT) / BINS as f32;
    hist.iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(b, n)| {
            let h = *n as f32 / peak * HIST_H;
            html! { <rect class="bin" x={num(LEFT + b as f32 * bin_w)} y={num(HIST_Y + HIST_H - h)} width={num((bin_w - 1.0).max(1.0))} height={num(h)}><title>{ format!("{n} date{}", if *n == 1 { "" } else { "s" }) }</title></rect> }
        })
        .collect()
}

fn legend() -> Html {
    html! {
        <p class="legend" aria-hidden="true">
            <span class="k-day">{ "●" }</span>{ " day " }<span class="k-month">{ "▬" }</span>{ " month " }
            <span class="k-year">{ "▬" }</span>{ " year " }<span class="k-range">{ "├─┤" }</span>{ " years " }
            <span class="k-rel">{ "●" }</span>{ " relative " }<span class="k-pub">{ "◆" }</span>{ " published " }
            <span class="k-pub">{ "◇" }</span>{ " inferred" }
        </p>
    }
}
