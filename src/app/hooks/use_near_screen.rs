//! Whether an element is on screen or within a screen below it, followed as
//! the window scrolls and resizes. Once it is, it stays so: what it fetched
//! is kept.

use gloo::events::EventListener;
use yew::prelude::*;

/// Whether the element `node` refers to has come near the screen; `watch`
/// false answers false and listens to nothing (a whole index needs no
/// fetching, and an eager result no waiting).
#[hook]
pub fn use_near_screen(node: NodeRef, watch: bool) -> bool {
    let near = use_state_eq(|| false);
    let check = {
        let (node, near) = (node.clone(), near.clone());
        move || {
            let Some(el) = node.cast::<web_sys::Element>() else {
                return;
            };
            let screen = gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(900.0);
            let rect = el.get_bounding_client_rect();
            if rect.top() < 2.0 * screen && rect.bottom() > -screen {
                near.set(true);
            }
        }
    };
    {
        let check = check.clone();
        let looking = watch && !*near;
        use_effect(move || {
            if looking {
                check();
            }
        });
    }
    use_effect_with((watch, *near), move |&(watch, near)| {
        let listeners = (watch && !near).then(|| {
            let window = gloo::utils::window();
            let on_scroll = {
                let check = check.clone();
                EventListener::new(&window, "scroll", move |_| check())
            };
            (on_scroll, EventListener::new(&window, "resize", move |_| check()))
        });
        move || drop(listeners)
    });
    watch && *near
}
