//! The card under the map: the focused (or tapped) city, how often it is
//! named, the documents that name it most, a button that opens the first
//! of them — what a mouse sees in a tooltip, for touch and keyboard — and,
//! when the city was chosen over another of its name, which and why.

use yew::prelude::*;

use crate::app::IndexRef;
use crate::engine::overview::places::PlaceCount;
use crate::view::map::{place_summary, top_documents};

/// Documents listed on the card.
const LISTED: usize = 3;

/// The card for `focused`, or how to fill it. Always laid out at one
/// height, so focusing a city moves nothing.
pub fn place_card(
    index: IndexRef,
    focused: Option<&PlaceCount>,
    on_open: &Callback<(String, Option<u32>)>,
) -> Html {
    let Some(c) = focused else {
        return html! {
            <div class="mark-card place-card">
                <p class="mark-card-date">{ "Focus or tap a city (Tab, then the arrows) to see where it is named." }</p>
            </div>
        };
    };
    let entity = index.0.entity(c.entity);
    let top = top_documents(&c.docs, LISTED);
    let titles: Vec<String> = top
        .iter()
        .map(|&(d, n)| format!("{} ({n})", index.0.doc(d).title))
        .collect();
    let more = c.docs.len().saturating_sub(LISTED);
    let open = top.first().map(|&(d, _)| {
        let (on_open, id) = (on_open.clone(), index.0.doc(d).id.to_owned());
        Callback::from(move |_: MouseEvent| on_open.emit((id.clone(), None)))
    });
    html! {
        <div class="mark-card place-card">
            <p class="mark-card-date">{ place_summary(entity.name, c.mentions, c.docs.len()) }</p>
            <p class="mark-card-text">
                { titles.join(" · ") }
                if more > 0 { { format!(" · and {more} more") } }
            </p>
            <p class="mark-card-foot">
                if let Some(onclick) = open {
                    <button class="tab mark-card-open" {onclick}>{ "Open the first" }</button>
                }
            </p>
            <p class="mark-card-text place-note">{ entity.note }</p>
        </div>
    }
}
