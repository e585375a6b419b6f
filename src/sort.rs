//! Stable sorting with one copy of its code for every element type.
//!
//! `slice::sort_by` is generic: each element type and comparator gets its
//! own copy of the standard library's sort (quicksort, driftsort, small
//! sorts, merges), 3–6 KB of wasm each. twiggy counted about 100 KB of them
//! in the app, the eighth of its code, for some twenty call sites whose
//! lists are short (results, places, years, rows on screen). In the app, the
//! functions here sort a list of indices with one merge sort that compares
//! through a `dyn` callback, then move the items into that order: a few
//! hundred bytes per call site. Native builds (the CLI, the benchmarks) use
//! the standard library's stable sort, but for [`sort_by_cached_key`], which
//! is this merge sort everywhere; both are stable, so they give the same
//! order for the same comparator, which the end-to-end tests rely on (the
//! app ranks exactly as the engine).

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp` (see the module's documentation).
pub fn sort_by<T>(v: &mut [T], cmp: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(target_arch = "wasm32")]
    compact_sort_by(v, cmp);
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_by(cmp);
}

/// Sorts `v` stably by the key `key` gives each item.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` stably by a key computed once per item (for keys that cost,
/// such as strings built from the item).
pub fn sort_by_cached_key<T, K: Ord>(v: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = stable_order(keys.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    permute(v, order);
}

/// The app's sort: a permutation found by [`stable_order`], then applied in
/// place. Public so that tests compare it with the standard library's.
pub fn compact_sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = {
        let items: &[T] = v;
        stable_order(items.len(), &mut |a, b| cmp(&items[a], &items[b]))
    };
    permute(v, order);
}

/// The indices `0..n` in the stable order `cmp` gives them: a bottom-up merge
/// sort after insertion sorts of short runs. Not generic, so its code exists
/// once whatever is sorted.
fn stable_order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    const RUN: usize = 8;
    let mut order: Vec<usize> = (0..n).collect();
    for run in order.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 && cmp(run[j - 1], run[j]) == Ordering::Greater {
                run.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    let mut spare = order.clone();
    let mut width = RUN;
    while width < n {
        for (start, out) in (0..n).step_by(2 * width).zip(spare.chunks_mut(2 * width)) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            merge(&order[start..mid], &order[mid..end], out, cmp);
        }
        std::mem::swap(&mut order, &mut spare);
        width *= 2;
    }
    order
}

/// Merges two ordered runs into `out`, the left one first among equals.
fn merge(left: &[usize], right: &[usize], out: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    let (mut l, mut r) = (0, 0);
    for slot in out.iter_mut() {
        let take_left = r == right.len() || (l < left.len() && cmp(left[l], right[r]) != Ordering::Greater);
        if take_left {
            *slot = left[l];
            l += 1;
        } else {
            *slot = right[r];
            r += 1;
        }
    }
}

/// Rearranges `v` so that its item `i` is the one that was at `order[i]`,
/// following each cycle of the permutation with swaps: each item moves once
/// (the engine's ranking sorts small keys, then moves its hits this way).
pub fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..v.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator: the same lists on every run.
    fn lists() -> Vec<Vec<(u8, u32)>> {
        let mut state = 0x2545_f491_u32;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state
        };
        (0..300)
            .map(|n| (0..n).map(|i| ((next() % 7) as u8, i)).collect())
            .collect()
    }

    #[test]
    fn the_compact_sort_orders_as_the_standard_stable_sort_does() {
        for list in lists() {
            let mut ours = list.clone();
            let mut std = list.clone();
            // Keys with many ties: stability decides the order of equals.
            compact_sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by(|a, b| a.0.cmp(&b.0));
            assert_eq!(ours, std, "{} items", list.len());
            let mut ours = list.clone();
            let mut std = list;
            compact_sort_by(&mut ours, |a, b| b.cmp(a));
            std.sort_by(|a, b| b.cmp(a));
            assert_eq!(ours, std);
        }
    }

    #[test]
    fn strings_move_with_their_keys() {
        let mut words = vec!["pear".to_owned(), "fig".into(), "apple".into(), "kiwi".into(), "date".into()];
        compact_sort_by(&mut words, |a, b| a.len().cmp(&b.len()));
        assert_eq!(words, ["fig", "pear", "kiwi", "date", "apple"]);
        let mut one = vec![1];
        compact_sort_by(&mut one, |a: &i32, b| a.cmp(b));
        assert_eq!(one, [1]);
    }
}
