//! Stepping through the reader's matches: "Previous" and "Next" buttons and
//! the keys n and p (outside a text field). The match gone to is centred,
//! marked as the current one (`aria-current`) and focused, and the status says which it is.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::view::reader::step_match;

#[derive(Properties, PartialEq)]
pub struct MatchNavProps {
    /// The document and query shown: a new one starts again from the top.
    pub id: AttrValue,
    pub query: AttrValue,
    /// The match the reader opened at, if one (a concordance row's).
    #[prop_or_default]
    pub start: Option<usize>,
}

/// The reader's marks, in reading order.
fn marks() -> Vec<web_sys::HtmlElement> {
    let Ok(list) = gloo::utils::document().query_selector_all(".reader-body mark") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Goes to the match after (or before) `current`; the one now current.
fn go(current: Option<usize>, forward: bool) -> Option<usize> {
    let marks = marks();
    let next = step_match(current.filter(|&i| i < marks.len()), marks.len(), forward)?;
    for m in &marks {
        let _ = m.remove_attribute("aria-current");
    }
    make_current(&marks[next]);
    Some(next)
}

/// Makes `mark` the current match: marked `aria-current`, centred, focused.
pub fn make_current(mark: &web_sys::HtmlElement) {
    let _ = mark.set_attribute("aria-current", "true");
    mark.set_tab_index(-1);
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    mark.scroll_into_view_with_scroll_into_view_options(&options);
    let _ = mark.focus();
}

#[function_component]
pub fn MatchNav(props: &MatchNavProps) -> Html {
    let current = use_state_eq(|| props.start);
    {
        let current = current.clone();
        use_effect_with((props.id.clone(), props.query.clone(), props.start), move |(_, _, start)| current.set(*start));
    }
    let step = {
        let current = current.clone();
        move |forward: bool| {
            let current = current.clone();
            Callback::from(move |_: MouseEvent| current.set(go(*current, forward)))
        }
    };
    // n and p, as a reader of long texts expects, outside any text field.
    {
        let current = current.clone();
        use_effect_with(current.clone(), move |current| {
            let current = current.clone();
            let listener = gloo::events::EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                let typing = gloo::utils::document()
                    .active_element()
                    .is_some_and(|a| matches!(a.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
                if typing || e.ctrl_key() || e.meta_key() || e.alt_key() {
                    return;
                }
                match e.key().as_str() {
                    "n" => current.set(go(*current, true)),
                    "p" => current.set(go(*current, false)),
                    _ => {}
                }
            });
            move || drop(listener)
        });
    }
    let status = match *current {
        Some(i) => format!("Match {} of {}", i + 1, marks().len().max(i + 1)),
        None => String::new(),
    };
    html! {
        <span class="match-nav">
            <button type="button" class="share-button" onclick={step(false)} title="Previous match (p)">{ "‹ Previous" }</button>
            <button type="button" class="share-button" onclick={step(true)} title="Next match (n)">{ "Next ›" }</button>
            <span class="match-status" role="status">{ status }</span>
        </span>
    }
}
