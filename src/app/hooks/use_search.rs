//! The search the route asks for, run against the index.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::shards::use_complete;
use crate::app::Answer;
use crate::engine::{search, Index, SearchOptions};

fn run_search(index: &Index<'static>, q: &str, typing: bool) -> Answer {
    let perf = gloo::utils::window().performance();
    let t0 = perf.as_ref().map_or(0.0, |p| p.now());
    let read = index.tracked(|index| search(index, q, SearchOptions { typing }));
    let millis = perf.as_ref().map_or(0.0, |p| p.now()) - t0;
    Answer {
        results: Rc::new(read.value),
        millis,
        pending: read.missed,
    }
}

/// The answer to `query` (`typing`: its last word also matches as a
/// prefix), run again when the query changes, or when shards it missed
/// have arrived (`generation`).
#[hook]
pub fn use_search(
    index: &'static Index<'static>,
    query: String,
    typing: bool,
    generation: u32,
) -> Rc<Answer> {
    use_complete(index, (query, typing), generation, |(q, typing)| {
        run_search(index, q, *typing)
    })
}
