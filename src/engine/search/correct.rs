//! Evaluating every planned clause, with spelling correction: a word found
//! nowhere is retried at its likeliest other spelling (see [`super::spelling`]),
//! ranked below exact matches, and the reader is told what was searched.

use crate::engine::hint::Hint;
use crate::engine::index::Index;
use crate::engine::query::Alternative;

use super::evaluate::{evaluate, ClauseMatches};
use super::plan::{alternative_options, Fuzzy, Planned};
use super::spelling::{candidates, worth_trying, written_capitalised, MAX_FUZZY_CHARS};

/// Weight of a nearby spelling of a word found nowhere.
const FUZZY_WEIGHT: f32 = 0.5;
/// How many unknown words of one query are looked up at other spellings.
pub const MAX_FUZZY_WORDS: usize = 4;

/// One clause's matches, and how they count.
pub(super) struct ClauseResult {
    /// Sections must not match it.
    pub negated: bool,
    /// It narrows, and adds nothing to the score.
    pub filter: bool,
    /// The sections it matched.
    pub matches: ClauseMatches,
}

/// What correction found: hints for the reader and the corrections applied.
#[derive(Default)]
pub(super) struct Corrections {
    /// Notes for the reader.
    pub hints: Vec<Hint>,
    /// (typed, searched instead).
    pub applied: Vec<(String, String)>,
    fuzzy_tried: usize,
    skipped: Vec<String>,
}

/// Evaluates every clause; a clause that matches nothing (and lost no read
/// to a shard not yet here) has its unknown words corrected.
pub(super) fn evaluate_all(index: &Index<'_>, planned: &[Planned], out: &mut Corrections) -> Vec<ClauseResult> {
    let mut clauses = Vec::with_capacity(planned.len());
    // A split index that lacks a shard finds nothing yet: no spelling
    // suggestions (and no shards fetched for them) until it has arrived.
    let misses = index.misses();
    for p in planned {
        let mut matches = evaluate(index, &p.options);
        if matches.is_empty() && !p.negated && index.misses() == misses {
            for word in &p.fuzzy {
                if let Some(m) = correct(index, word, out) {
                    matches = m;
                }
            }
        }
        clauses.push(ClauseResult {
            negated: p.negated,
            filter: p.filter,
            matches,
        });
    }
    if !out.skipped.is_empty() {
        out.hints.push(Hint::NotLookedUp {
            words: std::mem::take(&mut out.skipped),
            limit: MAX_FUZZY_WORDS,
        });
    }
    clauses
}

/// The matches of `word`'s likeliest other spelling, if it has one. A name
/// (typed with a capital) is corrected only to a word the corpus writes
/// with one: "Paris" in a corpus without it is not searched as "pris".
fn correct(index: &Index<'_>, fuzzy: &Fuzzy, out: &mut Corrections) -> Option<ClauseMatches> {
    let word = fuzzy.term.as_str();
    let len = word.chars().count();
    if len > MAX_FUZZY_CHARS {
        out.hints.push(Hint::WordTooLong { chars: len });
        return None;
    }
    if !worth_trying(word) {
        return None;
    }
    if out.fuzzy_tried == MAX_FUZZY_WORDS {
        out.skipped.push(word.to_owned());
        return None;
    }
    out.fuzzy_tried += 1;
    let mut near = candidates(index, word);
    if fuzzy.name {
        let nearest = near.first()?.term.clone();
        near.retain(|c| written_capitalised(index, &c.term) != Some(false));
        if near.is_empty() {
            out.hints.push(Hint::NameNotFound { typed: fuzzy.typed.clone(), nearest });
            return None;
        }
    }
    let best = near.first()?.term.clone();
    // The corrected word gets every option a typed one would (its stems,
    // the entity it names), weighted below exact matches.
    let corrected = Alternative {
        terms: vec![best.clone()],
        text: best.clone(),
        prefix: false,
        quoted: false,
    };
    let mut opts = alternative_options(index, &corrected, true);
    opts.iter_mut().for_each(|o| {
        o.weight *= FUZZY_WEIGHT;
        o.exact = false;
    });
    let matches = evaluate(index, &opts);
    out.applied.push((word.to_owned(), best.clone()));
    // As close and as common (within a factor of four): say so.
    let also: Vec<String> = near[1..]
        .iter()
        .filter(|c| c.distance == near[0].distance && c.sections * 4 >= near[0].sections)
        .take(2)
        .map(|c| c.term.clone())
        .collect();
    out.hints.push(Hint::Corrected {
        typed: word.to_owned(),
        searched: best,
        also,
    });
    Some(matches)
}
