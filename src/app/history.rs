//! The browser history: reads the location hash, writes entries, and
//! follows back/forward. What is shown is the explorer's state (see
//! [`crate::view::state`]); this is where it meets the address bar.

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::route::Route;
pub use crate::view::state::Nav;

/// The route the address bar holds.
pub fn current_route() -> Route {
    Route::from_hash(&gloo::utils::window().location().hash().unwrap_or_default())
}

/// Writes `route` to the history: a new entry or over the current one.
pub fn write(route: &Route, nav: Nav) {
    let hash = route.to_hash();
    if let Ok(history) = gloo::utils::window().history() {
        let _ = match nav {
            Nav::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&hash)),
            Nav::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&hash)),
        };
    }
}

/// The element an in-page anchor (`#main`, the skip link's) names, if the
/// hash is one rather than a route (routes start with `#/`).
fn anchor(hash: &str) -> Option<&str> {
    let id = hash.strip_prefix('#')?;
    (!id.is_empty() && !id.starts_with('/')).then_some(id)
}

/// Follows the browser's own moves (back, forward, an edited address):
/// `on_route` gets the route arrived at. An in-page anchor (the skip link)
/// is not a route: its target takes focus, and the address goes back to
/// `shown`, the route on screen.
#[hook]
pub fn use_follow_history(shown: &Route, on_route: Callback<Route>) {
    // The route on screen, for listeners made once.
    let on_screen = use_mut_ref(|| shown.clone());
    *on_screen.borrow_mut() = shown.clone();
    use_effect_with((), move |_| {
        let window = gloo::utils::window();
        let follow = move || {
            let hash = gloo::utils::window().location().hash().unwrap_or_default();
            if let Some(id) = anchor(&hash) {
                // "Skip to results": focus the target, keep the view and its URL.
                let keep = on_screen.borrow().to_hash();
                if let Ok(history) = gloo::utils::window().history() {
                    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&keep));
                }
                if let Some(target) = gloo::utils::document().get_element_by_id(id) {
                    if let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() {
                        let _ = target.focus();
                    }
                }
                return;
            }
            on_route.emit(current_route());
        };
        let on_pop = {
            let follow = follow.clone();
            EventListener::new(&window, "popstate", move |_| follow())
        };
        // Edits of the address bar's hash arrive as hashchange.
        let on_hash = EventListener::new(&window, "hashchange", move |_| follow());
        move || drop((on_pop, on_hash))
    });
}
