//! During a render: fetch what the index wants once the render is over.

use yew::prelude::*;

use crate::engine::Index;

/// Fetch what this component's reads found missing (see the protocol in
/// [`super`]). Asked for during the render: the fetch itself starts in a
/// microtask, once every component of this render pass has read what it
/// needs. (An effect ran only after the browser had painted: on a split
/// site's first visit the postings were asked for 90 ms after the search
/// knew it needed them.)
#[hook]
pub fn use_shards(index: &'static Index<'static>) {
    super::request(index);
}
