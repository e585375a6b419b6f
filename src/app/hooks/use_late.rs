//! A value a view may show a frame late, so what the reader is looking at
//! (the result list) is painted first.

use yew::prelude::*;

use super::use_after_paint;

/// `value` at the first render; after that, each new `value` once the frame
/// that asked for it has been painted (the last one shown meanwhile).
#[hook]
pub fn use_late<T>(value: T) -> T
where
    T: PartialEq + Clone + 'static,
{
    let shown = use_mut_ref(|| value.clone());
    if let Some(late) = use_after_paint(value, |v| v.clone()) {
        *shown.borrow_mut() = (*late).clone();
    }
    let current = shown.borrow().clone();
    current
}
