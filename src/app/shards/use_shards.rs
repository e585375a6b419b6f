//! After a render: fetch what the index wants.

use yew::prelude::*;

use crate::engine::Index;

/// After this render: fetch what the index wants (what this component's
/// reads found missing; see the protocol in [`super`]).
#[hook]
pub fn use_shards(index: &'static Index<'static>) {
    use_effect(move || super::request(index));
}
