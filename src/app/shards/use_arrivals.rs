//! The explorer's view of the shards that have arrived.

use yew::prelude::*;

use crate::engine::Index;

/// The index's generation ([`Index::arrived`]): the calling component (the
/// explorer) renders again when a batch of shards has arrived or a retry
/// was asked for, and hands the generation down in [`crate::app::IndexRef`]
/// so that every view that read the index reads again.
#[hook]
pub fn use_arrivals(index: &'static Index<'static>) -> u32 {
    let redraw = use_force_update();
    super::on_arrival(Callback::from(move |()| redraw.force_update()));
    index.arrived()
}
