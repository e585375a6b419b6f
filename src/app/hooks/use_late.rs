//! A value a view may show a frame late, so what the reader is looking at
//! (the result list) is painted first.

use yew::prelude::*;

use super::use_after_paint;

/// `value` at the first render; after that, each new `value` once the frame
/// that asked for it has been painted and `hold()` no longer says to wait
/// (the last one shown meanwhile). A value held is asked for again when
/// `value` changes: put what ends the wait in it (the index's generation).
#[hook]
pub fn use_late<T>(value: T, hold: fn() -> bool) -> T
where
    T: PartialEq + Clone + 'static,
{
    let shown = use_mut_ref(|| value.clone());
    if let Some(late) = use_after_paint(value, hold, |v| v.clone()) {
        *shown.borrow_mut() = (*late).clone();
    }
    let current = shown.borrow().clone();
    current
}
