//! A split index's shards, fetched from the host when a view needs them.
//!
//! The protocol, in order:
//! 1. A component reads the index during its render. A read that needs a
//!    shard not yet here returns nothing and the index notes the shard as
//!    wanted ([`Index::wanted`]); a read run through [`Index::tracked`]
//!    learns that it missed something and is not final.
//! 2. During the render, [`use_shards`] asks the [`Loader`] to fetch what
//!    is wanted: in a microtask, once the render pass is over, every wanted
//!    shard not already on its way, together.
//! 3. Each shard that arrives is checked ([`Index::check_shard`]) and handed
//!    to the index ([`Index::provide`]).
//! 4. When the last of a batch is in, the explorer is told
//!    ([`use_arrivals`]): it renders again with the index's new generation
//!    ([`Index::arrived`]) in [`super::IndexRef`], and every view that read
//!    the index reads again.
//!    [`use_complete`] keeps a result that missed nothing, so a search is
//!    not run again for every text that arrives.
//! 5. A failed fetch stops further fetching until [`retry`].
//!
//! A whole index never wants anything, so none of this runs.

mod use_arrivals;
mod use_complete;
mod use_shards;

use std::cell::RefCell;
use std::collections::BTreeSet;

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::engine::{Index, ShardId};
pub use use_arrivals::use_arrivals;
pub use use_complete::use_complete;
pub use use_shards::use_shards;

/// The page's one loader of shards (the index is one per page too).
#[derive(Default)]
struct Loader {
    /// Shards asked for and not yet in.
    in_flight: BTreeSet<ShardId>,
    /// Why the last shard that failed did; nothing is fetched while set.
    failed: Option<String>,
    /// Who to tell when a batch has arrived (the explorer).
    arrived: Option<Callback<()>>,
    /// A fetch of what is wanted is due at the end of this render pass.
    scheduled: bool,
    /// Batches finished, whether their shards arrived or failed.
    settled: u32,
}

thread_local! {
    static LOADER: RefCell<Loader> = RefCell::new(Loader::default());
}

fn with_loader<T>(f: impl FnOnce(&mut Loader) -> T) -> T {
    LOADER.with(|l| f(&mut l.borrow_mut()))
}

/// Tells whoever asked ([`use_arrivals`]) that shards have arrived.
fn announce() {
    if let Some(cb) = with_loader(|l| l.arrived.clone()) {
        cb.emit(());
    }
}

/// Who to tell when a batch of shards has arrived (the explorer).
pub fn on_arrival(callback: Callback<()>) {
    with_loader(|l| l.arrived = Some(callback));
}

/// Whether shards are on their way or about to be asked for.
pub fn busy() -> bool {
    with_loader(|l| l.scheduled || !l.in_flight.is_empty())
}

/// How many batches of shards have finished, arrived or failed: what a
/// view that waits while [`busy`] asks again on.
pub fn settled() -> u32 {
    with_loader(|l| l.settled)
}

/// Why a shard could not be loaded, if one could not.
pub fn failure() -> Option<String> {
    with_loader(|l| l.failed.clone())
}

/// Forgets the last failure and fetches what is still wanted: a shard that
/// failed (the network dropped, the host sent an error page) can be asked
/// for again without reloading the page.
pub fn retry(index: &'static Index<'static>) {
    with_loader(|l| l.failed = None);
    request(index);
    announce();
}

/// Fetches every wanted shard not already on its way, once the current
/// render pass is over (a microtask), so that one pass's wants go together.
/// After a failure nothing is fetched until [`retry`].
pub fn request(index: &'static Index<'static>) {
    let due = with_loader(|l| {
        let due = index.is_split() && !l.scheduled && l.failed.is_none();
        l.scheduled |= due;
        due
    });
    if !due {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        with_loader(|l| l.scheduled = false);
        // One batch: what one render pass wanted goes together.
        for id in index.wanted() {
            if with_loader(|l| l.in_flight.insert(id)) {
                wasm_bindgen_futures::spawn_local(fetch(index, id));
            }
        }
    });
}

async fn fetch(index: &'static Index<'static>, id: ShardId) {
    let file = index.shard_file(id);
    let outcome = match get(&file, index.shard_len(id).unwrap_or(0)).await {
        // Kept for the session, like the bytes of the page itself: a shard is
        // read in place by every later query, so it must outlive them all.
        // Checked first: only bytes that are the shard are kept for good.
        Ok(bytes) => index
            .check_shard(id, &bytes)
            .and_then(|()| index.provide(id, Box::leak(bytes.into_boxed_slice())))
            .map_err(|e| e.to_string()),
        Err(e) => Err(format!("{file}: {e}")),
    };
    if let Err(e) = outcome {
        gloo::console::error!(format!("corpus-atlas: {e}"));
        with_loader(|l| l.failed = Some(e));
    }
    let done = with_loader(|l| {
        l.in_flight.remove(&id);
        l.settled += u32::from(l.in_flight.is_empty());
        l.in_flight.is_empty()
    });
    if done {
        if let Some(perf) = gloo::utils::window().performance() {
            let _ = perf.mark("corpus-atlas:shards");
        }
        announce();
    }
}

/// The bytes of a file beside the page, which the index lists as `expected`
/// bytes long: a response that says it is another length (an error page, a
/// huge body) is refused before its body is read into memory.
async fn get(file: &str, expected: usize) -> Result<Vec<u8>, String> {
    let js = |e: wasm_bindgen::JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let response = JsFuture::from(gloo::utils::window().fetch_with_str(file))
        .await
        .map_err(js)?;
    let response: web_sys::Response = response.dyn_into().map_err(js)?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let header = |name: &str| response.headers().get(name).ok().flatten();
    // (A body compressed on the way has another length on the wire.)
    if header("content-encoding").is_none() {
        if let Some(length) = header("content-length").and_then(|l| l.trim().parse::<usize>().ok())
        {
            if length != expected {
                return Err(format!(
                    "the host sent {length} bytes where the index lists {expected} (stale or damaged)"
                ));
            }
        }
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(js)?)
        .await
        .map_err(js)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
