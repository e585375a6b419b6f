//! Query execution: a query becomes a [`plan`] of weighted options per
//! clause, each clause is [`evaluate`]d with BM25 over sections (and
//! [`correct`]ed when a word is found nowhere), the clauses are [`combine`]d
//! into hits, narrowed by [`filters`] and [`rank`]ed. [`snippets`] and
//! [`highlights`] turn hits into text plus highlight ranges.

mod combine;
mod correct;
mod evaluate;
pub mod filters;
pub mod highlights;
mod plan;
pub mod rank;
pub mod rerank;
pub mod snippets;
pub mod spelling;
pub mod types;

pub use correct::MAX_FUZZY_WORDS;
pub use filters::{date_span, facets};
pub use highlights::{doc_highlights, explain, Highlighter};
pub use rank::closeness;
pub use snippets::{excerpt, position_ranges, readable_text, snippet, Snippet, SNIPPET_CHARS};
pub use types::{EntityMatch, EntityMatches, Facets, Hit, NamedBy, SearchOptions, SearchResults};

use crate::engine::hint::Hint;
use crate::engine::index::Index;
use crate::engine::query::parse;

/// Runs `input` against the index.
pub fn search(index: &Index<'_>, input: &str, options: SearchOptions) -> SearchResults {
    let query = parse(input, options.typing);
    let mut hints = query.warnings.clone();
    let planned = plan::plan(index, &query, &mut hints);
    let mut corrections = correct::Corrections::default();
    let clauses = correct::evaluate_all(index, &planned, &mut corrections);
    hints.append(&mut corrections.hints);
    let mut no_match = Vec::new();
    for (c, p) in clauses.iter().zip(&planned) {
        // (A name already said to be found nowhere is not said twice.)
        let named = hints.iter().any(|h| matches!(h, Hint::NameNotFound { typed, .. } if *typed == p.text));
        if !c.negated && c.matches.is_empty() && !p.filter && !named {
            no_match.push(Hint::NoSection { text: p.text.clone() });
        }
    }
    let mut hits = if clauses.iter().any(|c| !c.negated) {
        combine::hits(index, clauses)
    } else if !query.filters.is_empty() && query.clauses.is_empty() {
        // Only filters: every section, narrowed below.
        combine::every_section(index)
    } else {
        Vec::new()
    };
    filters::apply(index, &query, &mut hits, &mut hints);
    rank::rank(&mut hits);
    rerank::rerank(&mut hits);

    hints.append(&mut no_match);
    if hits.is_empty() && hints.is_empty() && !query.is_empty() {
        hints.push(Hint::NoSectionHasAll);
    }
    let facets = facets(index, &hits);
    SearchResults {
        hits,
        query,
        hints,
        corrections: corrections.applied,
        facets,
    }
}
