//! One component per file.

mod answer_views;
mod city_map;
mod concordance;
mod doc_meta;
mod documents_table;
mod frequent_words;
mod match_nav;
mod facets;
mod filter_pills;
mod highlighted;
mod masthead;
mod overview;
mod reader;
mod result_item;
mod result_list;
mod search_box;
mod share;
mod timeline;
mod trends;

pub use city_map::CityMap;
pub use concordance::Concordance;
pub use doc_meta::DocMeta;
pub use documents_table::TableView;
pub use facets::FacetPanel;
pub use filter_pills::FilterPills;
pub use highlighted::Highlighted;
pub use masthead::Masthead;
pub use match_nav::{make_current, MatchNav};
pub use overview::Overview;
pub use reader::Reader;
pub use result_item::ResultItem;
pub use result_list::ResultList;
pub use search_box::SearchBox;
pub use share::Share;
pub use timeline::Timeline;
pub use trends::Trends;

/// Click and keyboard handlers for an SVG element acting as a button or link
/// (a map mark, a date on the timeline): a click, Enter or Space runs `act`.
pub fn activation(
    act: impl Fn() + Clone + 'static,
) -> (
    yew::Callback<yew::MouseEvent>,
    yew::Callback<yew::KeyboardEvent>,
) {
    let on_click = act.clone();
    let onclick = yew::Callback::from(move |_: yew::MouseEvent| on_click());
    let onkeydown = yew::Callback::from(move |e: yew::KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            e.prevent_default();
            e.stop_propagation();
            act();
        }
    });
    (onclick, onkeydown)
}

/// Whether a click came from a finger (a tap): Chromium and Firefox send
/// clicks as pointer events, whose `pointerType` says so. A tap cannot
/// hover, so it shows what a mouse would see in a tooltip first.
pub fn tapped(e: &yew::MouseEvent) -> bool {
    js_sys::Reflect::get(e, &"pointerType".into())
        .ok()
        .and_then(|t| t.as_string())
        .is_some_and(|t| t == "touch")
}

/// Arrow keys on one of a group's items (`item` inside the nearest
/// `group`: a drawing's marks, a row of chips): focus the previous or next
/// one, so the group is one Tab stop (roving focus). Whether the key was an
/// arrow.
pub fn rove(k: &yew::KeyboardEvent, group: &str, item: &str) -> bool {
    use wasm_bindgen::JsCast;
    let step: i32 = match k.key().as_str() {
        "ArrowRight" | "ArrowDown" => 1,
        "ArrowLeft" | "ArrowUp" => -1,
        _ => return false,
    };
    k.prevent_default();
    k.stop_propagation();
    // (yew delegates events: the target, not the current target, is the item.)
    let Some(here) = k
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest(item).ok().flatten())
    else {
        return true;
    };
    let Some(items) = here
        .closest(group)
        .ok()
        .flatten()
        .and_then(|g| g.query_selector_all(item).ok())
    else {
        return true;
    };
    let items: Vec<web_sys::Element> = (0..items.length())
        .filter_map(|i| items.item(i).and_then(|n| n.dyn_into().ok()))
        .collect();
    let Some(at) = items.iter().position(|m| m == &here) else {
        return true;
    };
    let next = (at as i32 + step).clamp(0, items.len() as i32 - 1) as usize;
    if let Some(target) = items.get(next) {
        let _ = here.set_attribute("tabindex", "-1");
        let _ = target.set_attribute("tabindex", "0");
        if let Some(svg) = target.dyn_ref::<web_sys::SvgElement>() {
            let _ = svg.focus();
        } else if let Some(html) = target.dyn_ref::<web_sys::HtmlElement>() {
            let _ = html.focus();
        }
    }
    true
}

/// Keyboard for a chip in a row of chips: arrows move along the row (one
/// Tab stop for the row), and the chip's own keys work as a button's.
pub fn chip_keys() -> yew::Callback<yew::KeyboardEvent> {
    yew::Callback::from(|k: yew::KeyboardEvent| {
        rove(&k, "ul", "button");
    })
}
