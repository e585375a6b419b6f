//! The browser tab's title.

use yew::prelude::*;

use crate::route::Route;
use crate::view::results::page_title;

/// Names the query or the document in the tab's title.
#[hook]
pub fn use_page_title(route: &Route) {
    use_effect_with(route.clone(), |route| {
        gloo::utils::document().set_title(&page_title(route));
    });
}
