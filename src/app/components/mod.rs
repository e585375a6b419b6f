//! One component per file.

mod city_map;
mod doc_meta;
mod facets;
mod highlighted;
mod masthead;
mod overview;
mod reader;
mod result_item;
mod result_list;
mod search_box;
mod share;
mod timeline;

pub use city_map::CityMap;
pub use doc_meta::DocMeta;
pub use facets::FacetPanel;
pub use highlighted::Highlighted;
pub use masthead::Masthead;
pub use overview::Overview;
pub use reader::Reader;
pub use result_item::ResultItem;
pub use result_list::ResultList;
pub use search_box::SearchBox;
pub use share::Share;
pub use timeline::Timeline;

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
