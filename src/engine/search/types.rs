//! What a search is asked and what it answers: options, hits, facets.

use std::ops::Range;
use std::sync::Arc;

use smallvec::SmallVec;

use crate::engine::hint::Hint;
use crate::engine::index::Positions;
use crate::engine::query::Query;

/// Options of one search.
#[derive(Debug, Clone, Copy)]
pub struct SearchOptions {
    /// Treat the query as being typed: its last word also matches as a prefix.
    pub typing: bool,
}

impl Default for SearchOptions {
    /// A submitted query: every word is whole (a link, a reload, Enter, the CLI).
    fn default() -> Self {
        SearchOptions { typing: false }
    }
}

/// A match through another name of a place or organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMatch {
    /// Entity ordinal.
    pub entity: u32,
    /// First and one-past-last token position of the first mention in the section.
    pub positions: Range<u32>,
    /// The words of the query that named it.
    pub named: Arc<NamedBy>,
}

/// The query words that named an entity (shared by every section it matched).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedBy {
    /// Normalised, space-joined.
    pub query: String,
    /// As the reader typed them.
    pub typed: String,
}

/// A hit's entity matches: usually none or one, kept inline.
pub type EntityMatches = SmallVec<[EntityMatch; 1]>;

/// One matching section.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Section ordinal.
    pub section: u32,
    /// Document ordinal.
    pub doc: u32,
    /// BM25 score summed over the query's clauses.
    pub score: f32,
    /// Token positions (in the section) of every matched term, ascending.
    pub positions: Positions,
    /// Matches through another name of an entity (why a result matched).
    pub entities: EntityMatches,
    /// How each of the query's scoring clauses matched, in the order typed
    /// (what ranking reads after the score: see `search::rerank`).
    pub clauses: ClauseMatches,
}

/// How one clause of the query matched a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClauseMatch {
    /// It matched in the section's title (its heading, or its document's
    /// title): the section is about it.
    pub in_title: bool,
    /// Matched by the words as typed (not only by a stem, a prefix, another
    /// name of the entity or a corrected spelling).
    pub exact: bool,
}

/// A hit's clause matches: usually a few, kept inline.
pub type ClauseMatches = SmallVec<[ClauseMatch; 4]>;

/// Counts of the hits by language, source and year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// (language code, sections), most first.
    pub lang: Vec<(String, usize)>,
    /// (source, sections), most first.
    pub source: Vec<(String, usize)>,
    /// (year, sections), newest first.
    pub year: Vec<(String, usize)>,
}

/// The answer to a query: every matching section, best first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchResults {
    /// Matching sections, best first (ties by section order).
    pub hits: Vec<Hit>,
    /// The parsed query.
    pub query: Query,
    /// Notes for the reader: parser warnings, corrections, words found nowhere.
    pub hints: Vec<Hint>,
    /// Spelling corrections applied: (typed, searched instead).
    pub corrections: Vec<(String, String)>,
    /// Counts of the hits by language, source and year.
    pub facets: Facets,
}
