//! The dates the timeline shows.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::IndexRef;
use crate::engine::Event;

/// The counted sections' dates (every date when nothing is counted).
#[hook]
pub fn use_counted_events(index: IndexRef, counted: Option<Rc<Vec<bool>>>) -> Rc<Vec<Event>> {
    use_memo(counted, move |counted| {
        index
            .0
            .events()
            .filter(|e| {
                counted
                    .as_ref()
                    .is_none_or(|c| c.get(e.section as usize).copied().unwrap_or(false))
            })
            .collect::<Vec<_>>()
    })
}
