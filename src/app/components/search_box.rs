//! The search box: debounced as-you-type, Enter searches at once, Escape clears.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::hooks::use_slash_focus;

/// Milliseconds of quiet typing before a search runs.
const DEBOUNCE_MS: u32 = 120;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The query of the current route.
    pub value: AttrValue,
    /// Called with the query to search for (Enter, Escape).
    pub on_search: Callback<String>,
    /// Called with the query while the reader is still typing it: its last
    /// word also matches as a prefix.
    pub on_typing: Callback<String>,
    /// Names from this corpus to suggest what to type.
    pub placeholder: AttrValue,
}

#[function_component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let text = use_state(|| props.value.to_string());
    // The last query this box asked for: a route change that differs from it
    // came from elsewhere (back, a link) and replaces what is typed.
    let emitted: Rc<RefCell<String>> = use_mut_ref(|| props.value.to_string());
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    {
        let text = text.clone();
        let emitted = emitted.clone();
        use_effect_with(props.value.clone(), move |value| {
            if emitted.borrow().as_str() != value.as_str() {
                *emitted.borrow_mut() = value.to_string();
                text.set(value.to_string());
            }
        });
    }
    let emit = {
        let emitted = emitted.clone();
        let on_search = props.on_search.clone();
        move |q: String| {
            *emitted.borrow_mut() = q.clone();
            on_search.emit(q);
        }
    };
    let oninput = {
        let text = text.clone();
        let timer = timer.clone();
        let emitted = emitted.clone();
        let on_typing = props.on_typing.clone();
        Callback::from(move |e: InputEvent| {
            let q = e.target_unchecked_into::<HtmlInputElement>().value();
            text.set(q.clone());
            let (emitted, on_typing) = (emitted.clone(), on_typing.clone());
            // Replacing the pending timeout drops, and so cancels, the old one.
            *timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                *emitted.borrow_mut() = q.clone();
                on_typing.emit(q);
            }));
        })
    };
    let onkeydown = {
        let text = text.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                timer.borrow_mut().take();
                emit(e.target_unchecked_into::<HtmlInputElement>().value());
            }
            "Escape" => {
                timer.borrow_mut().take();
                text.set(String::new());
                emit(String::new());
            }
            _ => {}
        })
    };
    // "/" anywhere outside a text field puts the cursor in the search box.
    let input_ref = use_node_ref();
    use_slash_focus(input_ref.clone());
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    html! {
        <form class="searchbar" role="search" {onsubmit}>
            <input
                ref={input_ref}
                type="search"
                class="searchbar-input"
                aria-label="Search the corpus"
                aria-keyshortcuts="/"
                placeholder={props.placeholder.clone()}
                autocomplete="off"
                spellcheck="false"
                enterkeyhint="search"
                value={(*text).clone()}
                {oninput}
                {onkeydown}
            />
        </form>
    }
}
