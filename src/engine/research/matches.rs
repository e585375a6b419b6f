//! Where a query matches, as the research tools read it: the documents the
//! search finds, in its ranking order, and in each the byte ranges the
//! reader highlights, outside the page furniture.

use std::ops::Range;

use crate::engine::analysis::in_aside;
use crate::engine::index::Index;
use crate::engine::search::{search, Highlighter, SearchOptions};

/// One document that matches, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocMatches {
    /// Ordinal of the document.
    pub doc: u32,
    /// Byte ranges of its text that match, ascending and disjoint.
    pub ranges: Vec<Range<usize>>,
}

/// Every document the search finds for `query` (a submitted query, as the
/// CLI and a shared link run it), best first, with its match ranges.
/// Documents whose only matches are in furniture are left out, and so are,
/// on a split site, those whose text has not arrived (asked for here).
pub fn matching_docs(index: &Index<'_>, query: &str) -> Vec<DocMatches> {
    let results = search(index, query, SearchOptions::default());
    let mut docs: Vec<u32> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for hit in &results.hits {
        if seen.insert(hit.doc) {
            docs.push(hit.doc);
        }
    }
    let highlighter = Highlighter::new(index, query, SearchOptions::default());
    // On a split site a text not yet here is asked for, and the read is
    // then not final (see `Index::tracked`): it runs again when it arrives.
    let here: Vec<bool> = docs.iter().map(|&d| index.want_text(d)).collect();
    docs.into_iter()
        .zip(here)
        .filter_map(|(doc, here)| here.then_some(doc))
        .map(|doc| DocMatches {
            doc,
            ranges: outside_furniture(index, doc, highlighter.doc(index, doc)),
        })
        .filter(|m| !m.ranges.is_empty())
        .collect()
}

/// `ranges` of document `doc` without those that start in its furniture.
/// (Furniture has no token positions, so the highlighter never lands there;
/// this keeps the promise whatever it is handed.)
fn outside_furniture(index: &Index<'_>, doc: u32, mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let aside = index.aside(&index.doc(doc));
    ranges.retain(|r| !in_aside(&aside, r.start));
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::research::fixture;

    #[test]
    fn documents_come_in_ranking_order_with_their_matches_in_text_order() {
        let index = fixture::index();
        let found = matching_docs(&index, "harbour");
        let ranked: Vec<u32> = search(&index, "harbour", SearchOptions::default())
            .hits
            .iter()
            .map(|h| h.doc)
            .collect();
        assert!(!found.is_empty());
        assert_eq!(found[0].doc, ranked[0]);
        for m in &found {
            let text = index.doc(m.doc).text;
            assert!(m.ranges.windows(2).all(|w| w[0].end <= w[1].start));
            for r in &m.ranges {
                assert!(text[r.clone()].eq_ignore_ascii_case("harbour"), "{:?}", &text[r.clone()]);
            }
        }
    }

    #[test]
    fn a_word_only_in_furniture_matches_nothing() {
        let index = fixture::index();
        assert!(matching_docs(&index, "advertisement").is_empty());
    }
}
