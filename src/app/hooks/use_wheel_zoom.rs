//! Wheel zoom on a drawing.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Zooms `state` with the wheel over the element `node` refers to:
/// `next(current, up)` is the state after a turn (`up`: away from the
/// reader). The listener may cancel scrolling (yew's own are passive), and
/// does so only when the state changes: at a zoom limit the wheel scrolls
/// the page, as anywhere else. The listener is made again when `deps`
/// change (it reads the state as it was then).
#[hook]
pub fn use_wheel_zoom<T, D, F>(node: NodeRef, state: UseStateHandle<T>, deps: D, next: F)
where
    T: PartialEq + 'static,
    D: PartialEq + 'static,
    F: Fn(&T, bool) -> T + 'static,
{
    use_effect_with(deps, move |_| {
        let listener = node.cast::<web_sys::Element>().map(|el| {
            EventListener::new_with_options(
                &el,
                "wheel",
                EventListenerOptions::enable_prevent_default(),
                move |e| {
                    if let Some(w) = e.dyn_ref::<web_sys::WheelEvent>() {
                        let next = next(&state, w.delta_y() < 0.0);
                        // At a zoom limit the wheel scrolls the page, as anywhere else.
                        if next == *state {
                            return;
                        }
                        e.prevent_default();
                        state.set(next);
                    }
                },
            )
        });
        move || drop(listener)
    });
}
