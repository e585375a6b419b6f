//! Evaluation: the postings of a clause's options, scored with BM25 and
//! merged by section.

use std::ops::Range;

use smallvec::{smallvec, SmallVec};

use crate::engine::analysis::lang::VARIANT_MARK;
use crate::engine::index::{merge, Index, Positions, Posting};

use super::plan::Opt;
use super::types::{EntityMatch, EntityMatches};

/// BM25 term-frequency saturation.
const K1: f32 = 1.2;
/// BM25 length normalisation.
const B: f32 = 0.75;

/// How one section matched a clause: its score, the matched positions (not
/// yet sorted when several options matched) and the entities named.
#[derive(Debug, Clone, Default)]
pub(super) struct Matched {
    /// BM25 score, weighted by the option.
    pub score: f32,
    /// Token positions matched (empty for an option read for its counts).
    pub positions: Positions,
    /// The entities named.
    pub entities: EntityMatches,
    /// An option with the words as typed matched.
    pub exact: bool,
}

/// A clause's matches, ascending by section (postings lists are, so options
/// merge in one pass, without a tree node per section).
#[derive(Default)]
pub(super) struct ClauseMatches(pub(super) Vec<(u32, Matched)>);

impl ClauseMatches {
    pub(super) fn get(&self, section: u32) -> Option<&Matched> {
        self.0
            .binary_search_by_key(&section, |e| e.0)
            .ok()
            .map(|i| &self.0[i].1)
    }

    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The matches of the sections in `sections`.
    pub(super) fn range(&self, sections: Range<u32>) -> &[(u32, Matched)] {
        let lo = self.0.partition_point(|e| e.0 < sections.start);
        let hi = self.0.partition_point(|e| e.0 < sections.end);
        &self.0[lo..hi]
    }

    /// Merges the options' matches (each ascending by section): a section
    /// matched by several options keeps its best score and all their
    /// positions (still ascending, so the hit needs no sort).
    fn merged(lists: Vec<Vec<(u32, Matched)>>) -> Self {
        ClauseMatches(merge::all(
            lists,
            |m| m.0,
            |(section, mut m), (_, n)| {
                m.score = m.score.max(n.score);
                // (An option read for its counts brings no positions.)
                m.positions = match (m.positions.is_empty(), n.positions.is_empty()) {
                    (true, _) => n.positions,
                    (_, true) => m.positions,
                    _ => Positions::from_vec(merge::union(&m.positions, &n.positions)),
                };
                m.entities.extend(n.entities);
                m.exact |= n.exact;
                (section, m)
            },
        ))
    }
}

fn idf(n: f32, df: f32) -> f32 {
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

fn bm25(index: &Index<'_>, tf: f32, section: u32, idf: f32) -> f32 {
    let len = index.section_len(section) as f32;
    let avg = index.avg_len().max(1.0);
    idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg))
}

/// Sections where `keys` occur at consecutive positions; the positions of
/// every token of each occurrence.
pub(super) fn phrase_postings(index: &Index<'_>, keys: &[String]) -> Vec<Posting> {
    let lists: Vec<Vec<Posting>> = keys.iter().map(|t| index.key_postings(t)).collect();
    let Some((first, rest)) = lists.split_first() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    'sections: for p in first {
        let mut others: SmallVec<[&Positions; 4]> = SmallVec::new();
        for list in rest {
            match list.binary_search_by_key(&p.section, |q| q.section) {
                Ok(i) => others.push(&list[i].positions),
                Err(_) => continue 'sections,
            }
        }
        let mut positions = Positions::new();
        for &start in &p.positions {
            let all = others
                .iter()
                .enumerate()
                .all(|(k, ps)| start
                        .checked_add(k as u32 + 1)
                        .is_some_and(|at| ps.binary_search(&at).is_ok()));
            if all {
                positions.extend(start..start.saturating_add(keys.len() as u32));
            }
        }
        if !positions.is_empty() {
            out.push(Posting {
                section: p.section,
                tf: positions.len() as u32,
                positions,
            });
        }
    }
    out
}

pub(super) fn evaluate(index: &Index<'_>, opts: &[Opt]) -> ClauseMatches {
    let n = index.section_count() as f32;
    let mut lists = Vec::with_capacity(opts.len());
    // The terms a variant option unites (a word and its stem's other forms):
    // a word among them gets its positions from that option, so its own
    // list is read for the counts only (`de` has 112,000 positions at 10k).
    let united: Vec<u32> = opts
        .iter()
        .filter(|o| o.entity.is_none() && o.keys.len() == 1 && o.keys[0].starts_with(VARIANT_MARK))
        .filter_map(|o| index.variant_targets(&o.keys[0]))
        .flatten()
        .collect();
    let united = |key: &str| {
        !key.starts_with(VARIANT_MARK) && index.term_offset(key).is_some_and(|t| united.contains(&t))
    };
    for opt in opts {
        let postings = match &opt.entity {
            Some((ord, _)) => index.entity_postings(&index.entity(*ord)),
            None if opt.keys.len() == 1 && united(&opt.keys[0]) => index.counts(&opt.keys[0]),
            None if opt.keys.len() == 1 => index.key_postings(&opt.keys[0]),
            None => phrase_postings(index, &opt.keys),
        };
        let idf = idf(n, postings.len() as f32);
        let width = opt.keys.len().max(1);
        let matched = postings.into_iter().map(|p| {
            let tf = if opt.entity.is_some() {
                p.tf as f32 / 1.5
            } else {
                (p.tf as usize / width) as f32
            };
            let score = opt.weight * bm25(index, tf.max(1.0), p.section, idf);
            let entity = match (&opt.entity, p.positions.first()) {
                (Some((entity, named)), Some(&first)) => {
                    let mut end = first.saturating_add(1);
                    while end < u32::MAX && p.positions.binary_search(&end).is_ok() {
                        end += 1;
                    }
                    smallvec![EntityMatch {
                        entity: *entity,
                        positions: first..end,
                        named: named.clone(),
                    }]
                }
                _ => SmallVec::new(),
            };
            (
                p.section,
                Matched {
                    score,
                    positions: p.positions,
                    entities: entity,
                    exact: opt.exact,
                },
            )
        });
        lists.push(matched.collect());
    }
    ClauseMatches::merged(lists)
}
