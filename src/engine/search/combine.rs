//! Combining clauses into hits: a section is a hit when it matches every
//! required clause and no negated one; its score is the sum of the scoring
//! clauses', raised by how closely their words stand (see [`super::rank`]).

use smallvec::SmallVec;

use crate::engine::index::{Index, Positions};

use super::correct::ClauseResult;
use super::evaluate::Matched;
use super::rank::{closeness, PROXIMITY_WEIGHT};
use super::types::{ClauseMatch, Hit};

/// The hits of the clauses; none when no clause is required.
pub(super) fn hits(index: &Index<'_>, mut clauses: Vec<ClauseResult>) -> Vec<Hit> {
    // The scoring clauses, in the order typed: how close their words stand
    // in a section adds to its score (see `closeness`).
    let words: Vec<usize> = clauses
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.negated && !c.filter)
        .map(|(i, _)| i)
        .collect();
    let Some(required) = clauses.iter().position(|c| !c.negated) else {
        return Vec::new();
    };
    // The first required clause's matches become the hits (moved, not
    // copied: at 10,000 documents a common word matches thousands).
    let first = clauses.swap_remove(required);
    // Where each clause typed now sits in `clauses` (None: the first).
    let at: Vec<Option<usize>> = words
        .iter()
        .map(|&w| match w {
            w if w == required => None,
            w if w == clauses.len() => Some(required),
            w => Some(w),
        })
        .collect();
    let mut hits = Vec::with_capacity(first.matches.0.len());
    for (section, matched) in first.matches.0 {
        if let Some(hit) = hit(index, section, matched, first.filter, &clauses, &at) {
            hits.push(hit);
        }
    }
    hits
}

/// Section `section` as a hit, given its match of the first required clause
/// (`filter_only`: that clause only narrows), if the other clauses allow it.
fn hit(
    index: &Index<'_>,
    section: u32,
    first: Matched,
    filter_only: bool,
    clauses: &[ClauseResult],
    at: &[Option<usize>],
) -> Option<Hit> {
    let title = index.section_title_span(section);
    let how = |m: &Matched| ClauseMatch {
        // (Positions ascend: the first at or after the title's start decides.)
        in_title: m
            .positions
            .get(m.positions.partition_point(|&p| p < title.start))
            .is_some_and(|&p| p < title.end),
        exact: m.exact,
    };
    let first_clause = how(&first);
    let mut hit = Hit {
        section,
        doc: index.section_doc(section),
        score: if filter_only { 0.0 } else { first.score },
        positions: Positions::new(),
        entities: first.entities,
        clauses: SmallVec::new(),
    };
    for c in clauses {
        match (c.matches.get(section), c.negated) {
            (Some(_), true) | (None, false) => return None,
            (Some(m), false) => {
                if !c.filter {
                    hit.score += m.score;
                }
                hit.entities.extend(m.entities.iter().cloned());
            }
            (None, true) => {}
        }
    }
    // How each scoring clause matched, in the order typed.
    for a in at {
        let m = match a {
            None => Some(first_clause),
            Some(i) => clauses[*i].matches.get(section).map(how),
        };
        hit.clauses.extend(m);
    }
    if at.len() >= 2 {
        let lists: SmallVec<[&[u32]; 4]> = at
            .iter()
            .map(|a| match a {
                None => first.positions.as_slice(),
                Some(i) => clauses[*i]
                    .matches
                    .get(section)
                    .map_or(&[][..], |m| m.positions.as_slice()),
            })
            .collect();
        hit.score *= 1.0 + PROXIMITY_WEIGHT * closeness(&lists);
    }
    hit.positions = first.positions;
    for c in clauses.iter().filter(|c| !c.negated) {
        if let Some(m) = c.matches.get(section) {
            hit.positions.extend_from_slice(&m.positions);
        }
    }
    // (Already strictly ascending when one posting list matched.)
    if !hit.positions.windows(2).all(|w| w[0] < w[1]) {
        crate::sort::sort(&mut hit.positions);
        hit.positions.dedup();
    }
    Some(hit)
}

/// Every section, for a query of filters only (narrowed by the filters).
pub(super) fn every_section(index: &Index<'_>) -> Vec<Hit> {
    (0..index.section_count())
        .map(|s| Hit {
            section: s,
            doc: index.section_doc(s),
            score: 0.0,
            positions: Positions::new(),
            entities: SmallVec::new(),
            clauses: SmallVec::new(),
        })
        .collect()
}
