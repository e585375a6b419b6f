//! Reranking the best hits by what a reader means beyond the score: a
//! section that names the query in its title (its main topic) comes before
//! one that mentions it in passing, and then the words as typed come before
//! other names of them (`Pékin` finds the text that says Pékin before those
//! that say Beijing or 베이징). Within each tier the score decides.
//!
//! Only the first [`RERANKED`] hits are reordered, so a common word over a
//! large corpus costs no more than a rare one. Where the title stands in a
//! section is found at build time (the section record's title span).

use super::types::Hit;

/// How many of the best hits are reranked.
pub const RERANKED: usize = 100;

/// Reorders the best hits (already ranked by score) by their tier.
pub(super) fn rerank(hits: &mut [Hit]) {
    let n = hits.len().min(RERANKED);
    // Stable: the score's order stays within a tier. (Moves, never clones.)
    crate::sort::sort_by_key(&mut hits[..n], |h| std::cmp::Reverse(tier(h)));
}

/// (the section's title names every word of the query, clauses matched as
/// typed). Every word, not some: "Soviet Union" is not the main topic of
/// every text titled "State of the Union".
pub fn tier(hit: &Hit) -> (bool, usize) {
    let titled = !hit.clauses.is_empty() && hit.clauses.iter().all(|c| c.in_title);
    let exact = hit.clauses.iter().filter(|c| c.exact).count();
    (titled, exact)
}
