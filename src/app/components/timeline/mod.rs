//! The timeline: when the corpus's events happen and when each text was
//! published, on one axis spanning every date in the corpus, or the results'
//! dates where they are bunched in a part of it.
//!
//! Mentioned dates are drawn by precision (a day is a dot, a month a short
//! bar, a year a long pale bar, a range of years a line with end caps) in up
//! to [`crate::view::timeline::LANES`] lanes; publication dates are diamonds on their own lane
//! (hollow when inferred); a density histogram underneath counts every
//! event, including those that did not fit the lanes. Dragging across the
//! axis brushes a span, which becomes `from:`/`to:` in the query (so in the
//! URL), narrowing the results and the map; hovering a mark shows its
//! sentence, activating it opens the reader there. Keyboard: + and − zoom,
//! arrows pan, and "Filter to view" brushes what is visible. The list
//! view holds the same events as a table.
//!
//! The geometry (scale, ticks, lanes, brush, zoom) is [`crate::view::timeline`].

mod chart;
mod marks;
mod table;

use std::rc::Rc;

use yew::prelude::*;

use crate::app::hooks::{use_counted_events, use_wheel_zoom};
use crate::app::IndexRef;
use crate::engine::time::span_label;
use crate::view::timeline::{brushed, domain, lanes, publications, wheel_view, zoom, Scale};
use crate::view::timeline_fit::fitted;
use chart::TimelineChart;
use table::EventTable;

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

#[function_component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let index = props.index;
    // The whole corpus's span, padded to whole years: a stable axis.
    let domain = *use_memo((), move |_| {
        domain(index.0.events().map(|e| (e.when.start, e.when.end)))
    });
    let events = use_counted_events(index, props.counted.clone());
    let view = use_state(|| domain.unwrap_or((0, 1)));
    // A new result set is shown where its dates are (the events are one
    // memo per result set, so their address tells a new one).
    {
        let view = view.clone();
        let shown = events.clone();
        use_effect_with(Rc::as_ptr(&events) as usize, move |_| {
            if let Some(full) = domain {
                let fit = fitted(shown.iter().map(|e| (e.when.start, e.when.end)), full);
                if *view != fit {
                    view.set(fit);
                }
            }
        });
    }
    let list = use_state(|| false);
    let svg_ref = use_node_ref();
    // Wheel zoom, around the middle of the view.
    // (The list toggles the drawing away and back: a new element to listen on.)
    use_wheel_zoom(svg_ref.clone(), view.clone(), (*view, *list), move |v, up| {
        wheel_view(*v, domain, up)
    });

    let Some(full) = domain else {
        return no_dates();
    };
    let scale = Scale::new(*view);
    // Lanes: greedy packing by first day; what does not fit is only in the histogram.
    let (placed, overflow) = lanes(events.iter(), scale);
    // Publication dates: one diamond per document and day.
    let pubs = publications(events.iter(), scale, |s| index.0.section_doc(s));
    let mentions = events.iter().filter(|e| !e.published).count();

    html! {
        <section class="panel timeline" role="region" aria-label="Timeline">
            { head(&view, domain, props.span.is_some(), &props.on_span, &list) }
            <p class="panel-note">
                { note(props.counted.is_some(), props.span) }
                { format!("{mentions} date{} mentioned, {} publication date{}", if mentions == 1 { "" } else { "s" }, pubs.len(), if pubs.len() == 1 { "" } else { "s" }) }
                { if overflow > 0 { format!("; {overflow} more in the histogram.") } else { ".".to_owned() } }
                { " Drag across the axis to narrow the results." }
            </p>
            if *list {
                <EventTable {index} events={events.clone()} on_open={props.on_open.clone()} />
            } else {
                <TimelineChart {index} {svg_ref} view={view.clone()} {full} events={events.clone()}
                               placed={Rc::new(placed)} pubs={Rc::new(pubs)} span={props.span}
                               on_span={props.on_span.clone()} on_open={props.on_open.clone()} />
            }
        </section>
    }
}

/// The panel when the corpus has no dates at all.
fn no_dates() -> Html {
    html! {
        <section class="panel timeline" role="region" aria-label="Timeline">
            <div class="panel-head"><h2>{ "Timeline" }</h2></div>
            <p class="panel-note">{ "No dates were found in this corpus." }</p>
        </section>
    }
}

/// The heading and its buttons: zoom, filter to the view, clear the span,
/// the list.
fn head(
    view: &UseStateHandle<(i32, i32)>,
    domain: Option<(i32, i32)>,
    narrowed: bool,
    on_span: &Callback<Option<(String, String)>>,
    list: &UseStateHandle<bool>,
) -> Html {
    let zoom_by = |f: f32| {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| view.set(zoom(*view, domain, f)))
    };
    let filter_view = {
        let on_span = on_span.clone();
        let (lo, hi) = **view;
        Callback::from(move |_: MouseEvent| on_span.emit(Some(brushed(lo, hi - 1))))
    };
    let clear = {
        let on_span = on_span.clone();
        Callback::from(move |_: MouseEvent| on_span.emit(None))
    };
    let toggle_list = {
        let list = list.clone();
        Callback::from(move |_: MouseEvent| list.set(!*list))
    };
    html! {
        <div class="panel-head">
            <h2>{ "Timeline" }</h2>
            <div class="tabs" role="group" aria-label="Zoom the timeline">
                <button class="tab" aria-label="Zoom in on time" onclick={zoom_by(0.66)}>{ "+" }</button>
                <button class="tab" aria-label="Zoom out on time" onclick={zoom_by(1.5)}>{ "−" }</button>
            </div>
            <button class="tab" onclick={filter_view}>{ "Filter to view" }</button>
            // Always laid out, invisible until a span is chosen: the buttons
            // after it do not move (or wrap) when it appears.
            <button class={classes!("tab", if narrowed { "tab-on" } else { "invisible" })} onclick={clear}
                disabled={!narrowed} aria-hidden={(!narrowed).then_some("true")} tabindex={(!narrowed).then_some("-1")}>{ "Clear span" }</button>
            <button class="tab" aria-pressed={list.to_string()} onclick={toggle_list}>{ "List" }</button>
        </div>
    }
}

/// What the dates shown are.
fn note(counted: bool, span: Option<(i32, i32)>) -> String {
    match (counted, span) {
        (_, Some((a, b))) => format!("Narrowed to {}. ", span_label(a, b)),
        (false, None) => "Dates in the whole corpus. ".to_owned(),
        (true, None) => "Dates in the results. ".to_owned(),
    }
}
