//! The route hook: reads the location hash, follows back/forward, and
//! navigates by pushing or replacing history entries.

use gloo::events::EventListener;
use wasm_bindgen::JsValue;
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

fn current_route() -> Route {
    Route::from_hash(&gloo::utils::window().location().hash().unwrap_or_default())
}

/// The current route and a callback that navigates to another.
#[hook]
pub fn use_route() -> (Route, Callback<(Route, Nav)>) {
    let route = use_state(current_route);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let on_pop = {
                let route = route.clone();
                EventListener::new(&window, "popstate", move |_| route.set(current_route()))
            };
            // Edits of the address bar's hash arrive as hashchange.
            let on_hash =
                EventListener::new(&window, "hashchange", move |_| route.set(current_route()));
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
