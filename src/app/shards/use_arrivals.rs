//! The explorer's count of shard batches arrived.

use yew::prelude::*;

/// The number of shard batches arrived so far (and retries asked for):
/// the calling component renders again with each, with a new generation of
/// [`crate::app::IndexRef`]. One component (the explorer) calls this.
#[hook]
pub fn use_arrivals() -> u32 {
    let batches = use_mut_ref(|| 0u32);
    {
        let batches = batches.clone();
        let redraw = use_force_update();
        super::on_arrival(Callback::from(move |()| {
            *batches.borrow_mut() += 1;
            redraw.force_update();
        }));
    }
    let generation = *batches.borrow();
    generation
}
