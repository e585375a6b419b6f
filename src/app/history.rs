//! The route hook: reads the location hash, follows back/forward, and
//! navigates by pushing or replacing history entries.

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::route::Route;

/// How a navigation enters the browser history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    /// A new entry (back returns to the current one).
    Push,
    /// Overwrite the current entry (refining the same search).
    Replace,
}

/// How a search typed in the box enters the history: refining the same
/// search replaces the entry, a new one pushes its own, so back and forward
/// step through searches. Clearing the box is a step of its own: the search
/// before it stays one Back away.
pub fn nav_for(route: &Route, q: &str) -> Nav {
    crate::route::refines(route, q).then_some(Nav::Replace).unwrap_or(Nav::Push)
}

fn current_route() -> Route {
    Route::from_hash(&gloo::utils::window().location().hash().unwrap_or_default())
}

/// The element an in-page anchor (`#main`, the skip link's) names, if the
/// hash is one rather than a route (routes start with `#/`).
fn anchor(hash: &str) -> Option<&str> {
    let id = hash.strip_prefix('#')?;
    (!id.is_empty() && !id.starts_with('/')).then_some(id)
}

/// The current route and a callback that navigates to another.
#[hook]
pub fn use_route() -> (Route, Callback<(Route, Nav)>) {
    let route = use_state(current_route);
    // The route on screen, for listeners made once.
    let shown = use_mut_ref(|| (*route).clone());
    *shown.borrow_mut() = (*route).clone();
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let follow = move || {
                let hash = gloo::utils::window().location().hash().unwrap_or_default();
                if let Some(id) = anchor(&hash) {
                    // "Skip to results": focus the target, keep the view and its URL.
                    let keep = shown.borrow().to_hash();
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
                route.set(current_route());
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
    let navigate = {
        let route = route.clone();
        Callback::from(move |(next, nav): (Route, Nav)| {
            if *route == next {
                return;
            }
            let hash = next.to_hash();
            if let Ok(history) = gloo::utils::window().history() {
                let _ = match nav {
                    Nav::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&hash)),
                    Nav::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&hash)),
                };
            }
            route.set(next);
        })
    };
    ((*route).clone(), navigate)
}
