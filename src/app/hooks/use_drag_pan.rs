//! Dragging the map: the pointer moves the camera.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::geo::View;
use crate::view::map::{Camera, DRAG_SLOP};

/// The pointer handlers of a draggable map, and whether the last press
/// became a drag.
pub struct DragPan {
    /// The last press moved far enough to be a drag: the click it ends is
    /// not a click on a mark.
    pub dragged: Rc<RefCell<bool>>,
    /// Starts following the pointer.
    pub onpointerdown: Callback<PointerEvent>,
    /// Pans the camera with the pointer, once it has moved more than
    /// [`DRAG_SLOP`] pixels.
    pub onpointermove: Callback<PointerEvent>,
    /// Stops following it (also on pointercancel).
    pub onpointerup: Callback<PointerEvent>,
}

/// Drag to pan `camera` over `view` (mouse, pen or touch) on the drawing
/// `svg_ref` refers to.
#[hook]
pub fn use_drag_pan(
    svg_ref: NodeRef,
    camera: UseStateHandle<Camera>,
    view: Option<View>,
) -> DragPan {
    // The pointer's last position while pressed.
    let drag: Rc<RefCell<Option<(f64, f64)>>> = use_mut_ref(|| None);
    let dragged = use_mut_ref(|| false);
    let onpointerdown = {
        let drag = drag.clone();
        let dragged = dragged.clone();
        Callback::from(move |e: PointerEvent| {
            *drag.borrow_mut() = Some((f64::from(e.client_x()), f64::from(e.client_y())));
            *dragged.borrow_mut() = false;
        })
    };
    let onpointermove = {
        let drag = drag.clone();
        let dragged = dragged.clone();
        Callback::from(move |e: PointerEvent| {
            let (Some((x0, y0)), Some(view)) = (*drag.borrow(), view) else {
                return;
            };
            let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
            if !*dragged.borrow() && (x - x0).hypot(y - y0) < DRAG_SLOP {
                return;
            }
            if !*dragged.borrow() {
                // Keep receiving moves outside the map while dragging.
                if let Some(svg) = svg_ref.cast::<web_sys::Element>() {
                    let _ = svg.set_pointer_capture(e.pointer_id());
                }
            }
            *dragged.borrow_mut() = true;
            let width = svg_ref
                .cast::<web_sys::Element>()
                .map_or(480.0, |s| s.get_bounding_client_rect().width());
            *drag.borrow_mut() = Some((x, y));
            camera.set(camera.dragged(&view, (x0, y0), (x, y), width));
        })
    };
    let onpointerup = Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None);
    DragPan {
        dragged,
        onpointerdown,
        onpointermove,
        onpointerup,
    }
}
