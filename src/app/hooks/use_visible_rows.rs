//! The rows of a long table on screen, followed as the window scrolls.

use std::ops::Range;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::view::rows::{visible, FIRST_SCREEN};

/// Which of `total` rows of the table `table` refers to to draw (see
/// [`crate::view::rows`]), and the height of one in pixels once measured.
/// Rows must be of one height (one line each); the first drawn row with a
/// `data-row` attribute is measured.
#[hook]
pub fn use_visible_rows(table: NodeRef, total: usize) -> (Range<usize>, f64) {
    let shown = use_state_eq(|| (0..total.min(FIRST_SCREEN), f64::NAN));
    // Measured after every render (a new row height, new rows), and on
    // every scroll and resize of the window.
    let measure = {
        let (table, shown) = (table.clone(), shown.clone());
        move || {
            let Some(el) = table.cast::<web_sys::Element>() else {
                return;
            };
            let row_px = el
                .query_selector("tbody tr[data-row]")
                .ok()
                .flatten()
                .map_or(f64::NAN, |r| r.get_bounding_client_rect().height());
            let body_top = el
                .query_selector("tbody")
                .ok()
                .flatten()
                .map_or(0.0, |b| b.get_bounding_client_rect().top());
            let screen = gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(900.0);
            shown.set((visible(body_top, screen, row_px, total), row_px));
        }
    };
    {
        let measure = measure.clone();
        use_effect(move || measure());
    }
    use_effect_with(total, move |_| {
        let window = gloo::utils::window();
        let on_scroll = {
            let measure = measure.clone();
            EventListener::new(&window, "scroll", move |_| measure())
        };
        let on_resize = EventListener::new(&window, "resize", move |_| measure());
        move || drop((on_scroll, on_resize))
    });
    (shown.0.clone(), shown.1)
}
