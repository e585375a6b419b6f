//! The browser app: yew function components over the embedded index.
//!
//! The URL hash is the single source of truth for what is shown
//! ([`crate::route::Route`]); the index is the `&'static` value from
//! [`crate::index`], read in place and never copied into props or state.
//!
//! Components are under `components/` (one a file), custom hooks under
//! `hooks/`, the explorer's state in [`crate::view::state`], and the pure
//! geometry of the map and the timeline in [`crate::view`] (tested natively).

mod components;
mod explorer;
mod history;
mod hooks;
pub(crate) mod platform;
pub(crate) mod shards;

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::{Index, SearchResults};
use explorer::Explorer;

/// Mounts the app on `#app` and installs the panic panel.
pub fn start() {
    std::panic::set_hook(Box::new(|info| show_fatal(&info.to_string())));
    platform::register_service_worker();
    let root = gloo::utils::document().get_element_by_id("app");
    match root {
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => show_fatal("the page has no #app element"),
    }
}

/// Shows the page's error panel (static markup in index.html) with `message`
/// as text: a crash never leaves a blank page.
fn show_fatal(message: &str) {
    gloo::console::error!(format!("corpus-atlas: {message}"));
    let doc = gloo::utils::document();
    if let Some(msg) = doc.get_element_by_id("fatal-message") {
        msg.set_text_content(Some(message));
    }
    if let Some(panel) = doc.get_element_by_id("fatal") {
        let _ = panel.remove_attribute("hidden");
    }
}

/// A search answer shared with components by reference count; compared by
/// identity so a re-render never compares result lists.
#[derive(Clone)]
pub struct Answer {
    /// The results.
    pub results: Rc<SearchResults>,
    /// Milliseconds the engine took.
    pub millis: f64,
    /// Shards of a split index were missing: the answer is not final, the
    /// search runs again when they arrive.
    pub pending: bool,
}

impl PartialEq for Answer {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.results, &other.results)
    }
}

#[function_component]
fn App() -> Html {
    match crate::index() {
        Ok(index) => html! { <Explorer index={IndexRef::at(index, 0)} /> },
        Err(e) => {
            show_fatal(&e.to_string());
            Html::default()
        }
    }
}

/// The `&'static` index as a prop: a pointer, compared by identity, and for
/// a split index the number of shards arrived, so that every view
/// reading it renders again when more of it is here.
#[derive(Clone, Copy)]
pub struct IndexRef(pub &'static Index<'static>, pub u32);

impl IndexRef {
    /// The index after `generation` shards have arrived ([`Index::arrived`]).
    pub fn at(index: &'static Index<'static>, generation: u32) -> Self {
        IndexRef(index, generation)
    }

    /// The index for a view that reads only its tables, never a shard (the
    /// timeline): it need not render again when shards arrive.
    pub fn tables(index: &'static Index<'static>) -> Self {
        IndexRef(index, 0)
    }
}

impl PartialEq for IndexRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0) && self.1 == other.1
    }
}
