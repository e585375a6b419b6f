//! The "/" shortcut to the search box.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// "/" anywhere outside a text field puts the cursor in the input `input_ref`
/// refers to.
#[hook]
pub fn use_slash_focus(input_ref: NodeRef) {
    use_effect_with((), move |_| {
        let listener = gloo::events::EventListener::new_with_options(
            &gloo::utils::document(),
            "keydown",
            gloo::events::EventListenerOptions::enable_prevent_default(),
            move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                let typing_elsewhere = gloo::utils::document().active_element().is_some_and(|a| {
                    matches!(a.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                });
                if e.key() == "/"
                    && !typing_elsewhere
                    && !e.ctrl_key()
                    && !e.meta_key()
                    && !e.alt_key()
                {
                    if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                        e.prevent_default();
                        let _ = input.focus();
                    }
                }
            },
        );
        move || drop(listener)
    });
}
