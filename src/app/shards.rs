//! A split index's shards, fetched from the host when a view needs them.
//!
//! Any component that reads the index may find a shard missing: the read
//! returns nothing and the index notes the shard as wanted. Components call
//! [`use_shards`]; after their render it fetches every wanted shard (once,
//! together), hands each to [`Index::provide`], and when the last arrives
//! tells the explorer, which re-renders with a new [`super::IndexRef`]
//! generation. A whole index never wants anything, so none of this runs.

use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::engine::{Index, ShardId};

thread_local! {
    static IN_FLIGHT: RefCell<BTreeSet<ShardId>> = const { RefCell::new(BTreeSet::new()) };
    static FAILED: RefCell<Option<String>> = const { RefCell::new(None) };
    static ARRIVED: RefCell<Option<Callback<()>>> = const { RefCell::new(None) };
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
}

/// Who to tell when a batch of shards has arrived (the explorer).
pub fn on_arrival(callback: Callback<()>) {
    ARRIVED.with(|a| *a.borrow_mut() = Some(callback));
}

/// Why a shard could not be loaded, if one could not.
pub fn failure() -> Option<String> {
    FAILED.with(|f| f.borrow().clone())
}

/// `f(deps)`, computed again only when `deps` change, or when the last
/// result found shards missing and more have arrived since (`generation`).
/// Unlike `use_memo` on the generation, a result that was complete is kept
/// when unrelated shards (a snippet's text) arrive: a search over 10,000
/// documents is not run again for every text that comes in.
#[hook]
pub fn use_complete<D, T, F>(
    index: &'static Index<'static>,
    deps: D,
    generation: u32,
    f: F,
) -> std::rc::Rc<T>
where
    D: PartialEq + 'static,
    T: 'static,
    F: FnOnce(&D) -> T,
{
    struct Kept<D, T> {
        deps: D,
        generation: u32,
        missed: bool,
        value: std::rc::Rc<T>,
    }
    let kept = use_mut_ref(|| None::<Kept<D, T>>);
    let mut kept = kept.borrow_mut();
    let fresh = kept
        .as_ref()
        .is_some_and(|k| k.deps == deps && (!k.missed || k.generation == generation));
    if !fresh {
        let misses = index.misses();
        let value = std::rc::Rc::new(f(&deps));
        *kept = Some(Kept {
            deps,
            generation,
            missed: index.misses() != misses,
            value,
        });
    }
    kept.as_ref().map(|k| k.value.clone()).expect("kept above")
}

/// After this render: fetch what the index wants.
#[hook]
pub fn use_shards(index: &'static Index<'static>) {
    use_effect(move || request(index));
}

/// Forgets the last failure and fetches what is still wanted: a shard that
/// failed (the network dropped, the host sent an error page) can be asked
/// for again without reloading the page.
pub fn retry(index: &'static Index<'static>) {
    FAILED.with(|f| *f.borrow_mut() = None);
    request(index);
    if let Some(cb) = ARRIVED.with(|a| a.borrow().clone()) {
        cb.emit(());
    }
}

/// Fetches every wanted shard not already on its way, once the current
/// render pass is over (a microtask), so that one pass's wants go together.
/// After a failure nothing is fetched until [`retry`].
pub fn request(index: &'static Index<'static>) {
    if !index.is_split() || SCHEDULED.get() || failure().is_some() {
        return;
    }
    SCHEDULED.set(true);
    wasm_bindgen_futures::spawn_local(async move {
        SCHEDULED.set(false);
        // One batch, each postings shard padded with its neighbours (see
        // `Index::padded`): fewer clues to the host about the words searched.
        for id in index.padded(&index.wanted()) {
            if IN_FLIGHT.with(|f| f.borrow_mut().insert(id)) {
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
        FAILED.with(|f| *f.borrow_mut() = Some(e));
    }
    let done = IN_FLIGHT.with(|f| {
        let mut f = f.borrow_mut();
        f.remove(&id);
        f.is_empty()
    });
    if done {
        if let Some(perf) = gloo::utils::window().performance() {
            let _ = perf.mark("corpus-atlas:shards");
        }
        if let Some(cb) = ARRIVED.with(|a| a.borrow().clone()) {
            cb.emit(());
        }
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
        if let Some(length) = header("content-length").and_then(|l| l.trim().parse::<usize>().ok()) {
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
