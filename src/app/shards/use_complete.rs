//! A value computed from the index, kept until it is stale.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::Index;

/// `f(deps)`, computed again only when `deps` change, or when the last
/// result found shards missing and more have arrived since (`generation`).
/// Unlike `use_memo` on the generation, a result that was complete is kept
/// when unrelated shards (a snippet's text) arrive: a search over 10,000
/// documents is not run again for every text that comes in.
///
/// Whether `f` found anything missing, the index says ([`Index::tracked`]).
#[hook]
pub fn use_complete<D, T, F>(
    index: &'static Index<'static>,
    deps: D,
    generation: u32,
    f: F,
) -> Rc<T>
where
    D: PartialEq + 'static,
    T: 'static,
    F: FnOnce(&D) -> T,
{
    struct Kept<D, T> {
        deps: D,
        generation: u32,
        missed: bool,
        value: Rc<T>,
    }
    let kept = use_mut_ref(|| None::<Kept<D, T>>);
    let mut kept = kept.borrow_mut();
    if let Some(k) = kept
        .as_ref()
        .filter(|k| k.deps == deps && (!k.missed || k.generation == generation))
    {
        return k.value.clone();
    }
    let read = index.tracked(|_| f(&deps));
    let value = Rc::new(read.value);
    *kept = Some(Kept {
        deps,
        generation,
        missed: read.missed,
        value: value.clone(),
    });
    value
}
