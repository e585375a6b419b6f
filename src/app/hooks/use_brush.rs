//! The timeline's brush: dragging across the axis selects a span of days.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::view::timeline::{brush_days, brushed, Scale, W};

/// A brush in progress and the pointer handlers that draw it.
pub struct Brush {
    /// The brushed stretch (SVG units, in the order dragged) while dragging.
    pub rect: Option<(f32, f32)>,
    /// Starts brushing (not on a date's mark, which is a link).
    pub onpointerdown: Callback<PointerEvent>,
    /// Extends the brush.
    pub onpointermove: Callback<PointerEvent>,
    /// Ends it: a span wide enough is sent to `on_span`.
    pub onpointerup: Callback<PointerEvent>,
}

/// Pointer position in the drawing's SVG units.
fn svg_x(svg_ref: &NodeRef, client_x: i32) -> f32 {
    let Some(svg) = svg_ref.cast::<web_sys::Element>() else {
        return 0.0;
    };
    let r = svg.get_bounding_client_rect();
    ((f64::from(client_x) - r.left()) / r.width().max(1.0) * f64::from(W)) as f32
}

/// A brush over the drawing `svg_ref` refers to, on the axis of `scale`;
/// the span brushed goes to `on_span` as written in the query.
#[hook]
pub fn use_brush(
    svg_ref: NodeRef,
    scale: Scale,
    on_span: Callback<Option<(String, String)>>,
) -> Brush {
    let brush = use_state(|| None::<(f32, f32)>);
    let onpointerdown = {
        let brush = brush.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: PointerEvent| {
            // (yew delegates events: the target, not the current target, is the mark.)
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
            let at = svg_x(&svg_ref, e.client_x());
            brush.set(Some((at, at)));
        })
    };
    let onpointermove = {
        let brush = brush.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some((a, _)) = *brush {
                brush.set(Some((a, svg_x(&svg_ref, e.client_x()))));
            }
        })
    };
    let onpointerup = {
        let brush = brush.clone();
        Callback::from(move |_: PointerEvent| {
            if let Some((a, b)) = *brush {
                if let Some((lo, hi)) = brush_days(scale, a, b) {
                    on_span.emit(Some(brushed(lo, hi)));
                }
            }
            brush.set(None);
        })
    };
    Brush {
        rect: *brush,
        onpointerdown,
        onpointermove,
        onpointerup,
    }
}
