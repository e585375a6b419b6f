//! Collocates: the words that travel with a query, those found within a
//! few tokens of its matches more often than the rest of the corpus would
//! have them, ranked by log-likelihood (see [`super::association`]).

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::engine::analysis::{indexed, normalize};
use crate::engine::index::{Index, Section};

use super::association::{log_likelihood, Contingency};
use super::matches::{matching_docs, DocMatches};
use super::words::{corpus_frequency, corpus_tokens, is_content_word, query_words, word_form};

/// Tokens on each side of a match, by default.
pub const WINDOW: usize = 5;

/// A word found near a query's matches.
#[derive(Debug, Clone, PartialEq)]
pub struct Collocate {
    /// The word, folded (a Korean noun without its particles).
    pub term: String,
    /// Its occurrences within the window of a match (each token once,
    /// however many matches it is near).
    pub together: u64,
    /// Its occurrences in the whole corpus.
    pub total: u64,
    /// Log-likelihood (G²) of finding it that often near the query.
    pub score: f64,
}

/// What the windows around a query's matches hold.
#[derive(Default)]
struct Windows {
    /// Content words and their occurrences in the windows.
    near: HashMap<String, u64>,
    /// Every token in the windows (stop words too: the table's margin).
    tokens: u64,
    /// Words of the windows not counted (stop words, numbers, the query's own).
    passed: HashSet<String>,
}

/// The `limit` words most attracted to `query` within `window` tokens of
/// its matches; never the query's own words, stop words, numbers or single
/// characters. Best first (ties by frequency, then alphabetically).
pub fn collocates(index: &Index<'_>, query: &str, window: usize, limit: usize) -> Vec<Collocate> {
    collocates_in(index, query, &matching_docs(index, query), window, limit)
}

/// [`collocates`] around matches already found (see [`matching_docs`]):
/// a view that shows the concordance too finds them once.
pub fn collocates_in(
    index: &Index<'_>,
    query: &str,
    matches: &[DocMatches],
    window: usize,
    limit: usize,
) -> Vec<Collocate> {
    let own = query_words(query);
    let mut windows = Windows::default();
    let mut match_tokens = 0;
    for found in matches {
        let doc = index.doc(found.doc);
        let aside = index.aside(&doc);
        for s in doc.first_section..doc.first_section + doc.section_count {
            let section = index.section(s);
            let end = section.start + section.text.len();
            let lo = found.ranges.partition_point(|r| r.end <= section.start);
            let hi = found.ranges.partition_point(|r| r.start < end);
            if lo < hi {
                match_tokens += count_near(&section, &aside, &found.ranges[lo..hi], window, &own, &mut windows);
            }
        }
    }
    let corpus = corpus_tokens(index).saturating_sub(match_tokens);
    let mut out: Vec<Collocate> = windows
        .near
        .into_iter()
        .map(|(term, together)| {
            let total = corpus_frequency(index, &term).max(together);
            let score = log_likelihood(Contingency {
                near: together,
                window_tokens: windows.tokens,
                word_total: total,
                corpus_tokens: corpus,
            });
            Collocate { term, together, total, score }
        })
        .filter(|c| c.score > 0.0)
        .collect();
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.together.cmp(&a.together))
            .then_with(|| a.term.cmp(&b.term))
    });
    out.truncate(limit);
    out
}

/// Counts the tokens of `section` within `window` of a match (`ranges`,
/// in document bytes) into `windows`; returns how many tokens matched.
fn count_near(
    section: &Section<'_>,
    aside: &[Range<usize>],
    ranges: &[Range<usize>],
    window: usize,
    own: &[String],
    windows: &mut Windows,
) -> u64 {
    let mut spans: Vec<Range<usize>> = Vec::new();
    indexed(section.text, section.start, aside, |s, e| {
        spans.push(s..e);
        true
    });
    let base = section.start;
    let matched: Vec<bool> = spans
        .iter()
        .map(|t| {
            let at = base + t.start;
            let i = ranges.partition_point(|r| r.end <= at);
            ranges.get(i).is_some_and(|r| r.start <= at)
        })
        .collect();
    let mut near = vec![false; spans.len()];
    for (i, _) in matched.iter().enumerate().filter(|(_, m)| **m) {
        let to = (i + window).min(spans.len().saturating_sub(1));
        for n in &mut near[i.saturating_sub(window)..=to] {
            *n = true;
        }
    }
    for (i, span) in spans.iter().enumerate() {
        if !near[i] || matched[i] {
            continue;
        }
        windows.tokens += 1;
        let term = normalize(&section.text[span.clone()]);
        let form = word_form(&term);
        // A word seen before is decided: counted, or passed over (a stop
        // word, most of the tokens near a common word, is asked once).
        if let Some(n) = windows.near.get_mut(form) {
            *n += 1;
        } else if !windows.passed.contains(form) {
            if is_content_word(form) && !own.iter().any(|w| w == form || *w == term) {
                windows.near.insert(form.to_owned(), 1);
            } else {
                windows.passed.insert(form.to_owned());
            }
        }
    }
    matched.iter().filter(|m| **m).count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::research::fixture;
    use crate::engine::research::stopwords::is_stop_word;

    #[test]
    fn words_near_the_matches_are_counted_against_the_corpus() {
        let index = fixture::index();
        let found = collocates(&index, "harbour", 3, 20);
        assert!(!found.is_empty());
        for c in &found {
            assert!(c.together <= c.total, "{c:?}");
            assert!(c.term != "harbour" && !is_stop_word(&c.term), "{c:?}");
            assert!(c.term.chars().count() > 1 && c.term.chars().any(char::is_alphabetic), "{c:?}");
            assert!(c.score > 0.0);
        }
        // "busy" is five tokens after the first "harbour" and four before the second: outside a window of 3.
        assert!(!found.iter().any(|c| c.term == "busy"), "{found:?}");
        let city = found.iter().find(|c| c.term == "city").expect("city is three tokens after harbour");
        assert_eq!((city.together, city.total), (1, 1));
        assert!(found.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn korean_collocates_are_nouns_without_particles() {
        let index = fixture::index();
        let found = collocates(&index, "부산", 2, 10);
        let terms: Vec<&str> = found.iter().map(|c| c.term.as_str()).collect();
        assert!(terms.contains(&"인천"), "{terms:?}");
        assert!(!terms.iter().any(|t| t.starts_with("부산")), "{terms:?}");
        let harbour = found.iter().find(|c| c.term == "항만").expect("항만");
        assert_eq!(harbour.total, 2);
    }

    #[test]
    fn a_query_that_matches_nothing_has_no_collocates() {
        let index = fixture::index();
        assert!(collocates(&index, "zeppelin", 5, 10).is_empty());
    }
}
