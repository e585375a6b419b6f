//! Ranking: how closely the query's words stand together in a section, and
//! the order of the hits.

use smallvec::{smallvec, SmallVec};

use super::types::Hit;

/// How much a section whose words stand side by side gains over one that
/// has them far apart: a phrase doubles its score.
pub(super) const PROXIMITY_WEIGHT: f32 = 1.0;
/// Positions per clause looked at when measuring closeness (bounded work for
/// a common word).
const CLOSENESS_POSITIONS: usize = 512;

/// How closely the query's words stand together in a section, from the
/// positions of each word (each list ascending, in the order the words were
/// typed): 1 when they occur side by side in that order (`Louisiana
/// Purchase` typed without quotes), else (words − 1) / the smallest span
/// holding one of each, so 0.2 for two words five apart, near 0 for pages.
pub fn closeness(lists: &[&[u32]]) -> f32 {
    let n = lists.len();
    if n < 2 || lists.iter().any(|l| l.is_empty()) {
        return 0.0;
    }
    let lists: SmallVec<[&[u32]; 4]> = lists
        .iter()
        .map(|l| &l[..l.len().min(CLOSENESS_POSITIONS)])
        .collect();
    // In order, each word right after the previous one (a word of several
    // tokens, a place name, runs over consecutive positions).
    let in_order = lists[0].iter().any(|&start| {
        let mut end = start;
        for (k, list) in lists.iter().enumerate() {
            if k > 0 {
                let Some(next) = end.checked_add(1).filter(|p| list.binary_search(p).is_ok()) else {
                    return false;
                };
                end = next;
            }
            while end.checked_add(1).is_some_and(|p| list.binary_search(&p).is_ok()) {
                end += 1;
            }
        }
        true
    });
    if in_order {
        return 1.0;
    }
    // The smallest window holding a position of every word (k-way sweep).
    let mut at: SmallVec<[usize; 4]> = smallvec![0; n];
    let mut best = u32::MAX;
    loop {
        let (mut lo, mut lo_list, mut hi) = (u32::MAX, 0, 0);
        for (k, list) in lists.iter().enumerate() {
            let p = list[at[k]];
            if p < lo {
                lo = p;
                lo_list = k;
            }
            hi = hi.max(p);
        }
        best = best.min(hi - lo);
        at[lo_list] += 1;
        if at[lo_list] == lists[lo_list].len() {
            break;
        }
    }
    ((n - 1) as f32 / best.max(1) as f32).min(0.9)
}

/// Sorts hits best first (ties by section). The (score, section) keys are
/// sorted and each hit then moves along its permutation cycle once, where a
/// sort of the hits themselves would move each about log n times (a few
/// dozen hits sort directly, and so does the app, whose sort works that way
/// already: see [`crate::sort`]).
pub(super) fn rank(hits: &mut [Hit]) {
    let order = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    if hits.len() <= 64 || cfg!(target_arch = "wasm32") {
        crate::sort::sort_by(hits, |a, b| order(&(a.score, a.section), &(b.score, b.section)));
        return;
    }
    let mut keys: Vec<(f32, u32, usize)> = hits.iter().enumerate().map(|(i, h)| (h.score, h.section, i)).collect();
    crate::sort::sort_by(&mut keys, |a, b| order(&(a.0, a.1), &(b.0, b.1)));
    crate::sort::permute(hits, keys.into_iter().map(|k| k.2).collect());
}
