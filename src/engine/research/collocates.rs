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

/// Matches whose windows are read at most. Past this, every k-th match is
/// read, spread evenly over the corpus: a common word's collocates come
/// from a sample (and say so), as quick at 10,000 documents as at five.
pub const SAMPLE: usize = 2_000;

/// Bytes of text read on each side of a match for each token of the
/// window: words are rarely longer, so the window's tokens are all read.
const BYTES_PER_TOKEN: usize = 48;

/// The matches the collocates were counted around, when not all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample {
    /// Matches whose windows were read.
    pub read: usize,
    /// Matches there are.
    pub of: usize,
}

/// Every `stride`-th match is read.
fn stride(matches: usize) -> usize {
    matches.div_ceil(SAMPLE).max(1)
}

/// Whether [`collocates_in`] reads a sample of `matches`, and how large.
pub fn sample(matches: &[DocMatches]) -> Option<Sample> {
    let of: usize = matches.iter().map(|m| m.ranges.len()).sum();
    let stride = stride(of);
    (stride > 1).then(|| Sample { read: of.div_ceil(stride), of })
}

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
    let stride = stride(matches.iter().map(|m| m.ranges.len()).sum());
    let mut seen = 0;
    for found in matches {
        // Every match is read (borrowed as found) until there are too many.
        let read: std::borrow::Cow<'_, [Range<usize>]> = if stride == 1 {
            std::borrow::Cow::Borrowed(&found.ranges)
        } else {
            let sampled = found.ranges.iter().enumerate().filter(|(i, _)| (seen + i) % stride == 0);
            std::borrow::Cow::Owned(sampled.map(|(_, r)| r.clone()).collect())
        };
        seen += found.ranges.len();
        if read.is_empty() {
            continue;
        }
        let doc = index.doc(found.doc);
        let aside = index.aside(&doc);
        for s in doc.first_section..doc.first_section + doc.section_count {
            let section = index.section(s);
            let end = section.start + section.text.len();
            let lo = read.partition_point(|r| r.end <= section.start);
            let hi = read.partition_point(|r| r.start < end);
            if lo < hi {
                match_tokens += count_near(&section, &aside, &read[lo..hi], window, &own, &mut windows);
            }
        }
    }
    // A sample's matched tokens stand for all of them.
    let match_tokens = match_tokens * stride as u64;
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
    crate::sort::sort_by(&mut out, |a, b| {
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
/// Only the text around the matches is read, in pieces (see [`pieces`]).
fn count_near(
    section: &Section<'_>,
    aside: &[Range<usize>],
    ranges: &[Range<usize>],
    window: usize,
    own: &[String],
    windows: &mut Windows,
) -> u64 {
    let mut matched_tokens = 0;
    for piece in pieces(section, ranges, window) {
        let mut spans: Vec<Range<usize>> = Vec::new();
        let base = section.start + piece.bytes.start;
        indexed(&section.text[piece.bytes.clone()], base, aside, |s, e| {
            spans.push(base + s..base + e);
            true
        });
        // A piece cut inside the section may cut a word at its edges.
        let from = usize::from(piece.cut_before && !spans.is_empty());
        let to = spans.len().saturating_sub(usize::from(piece.cut_after)).max(from);
        matched_tokens += count_tokens(section, &spans[from..to], ranges, window, own, windows);
    }
    matched_tokens
}

/// A stretch of a section read for the windows of the matches in it.
struct Piece {
    /// Bytes in the section's text.
    bytes: Range<usize>,
    /// Starts after the section's start (its first word may be cut).
    cut_before: bool,
    /// Ends before the section's end (its last word may be cut).
    cut_after: bool,
}

/// The stretches of `section` around `ranges` (document bytes) that hold
/// their windows: each match with `window` tokens' worth of bytes (and one
/// more, for a cut word) on each side, overlapping stretches as one.
fn pieces(section: &Section<'_>, ranges: &[Range<usize>], window: usize) -> Vec<Piece> {
    let text = section.text;
    let margin = (window + 1) * BYTES_PER_TOKEN;
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let ceil = |mut i: usize| {
        while i < text.len() && !text.is_char_boundary(i) {
            i += 1;
        }
        i
    };
    let mut out: Vec<Piece> = Vec::new();
    for r in ranges {
        let start = floor(r.start.saturating_sub(section.start).saturating_sub(margin));
        let end = ceil((r.end.saturating_sub(section.start) + margin).min(text.len()));
        match out.last_mut() {
            Some(last) if start <= last.bytes.end => {
                last.bytes.end = last.bytes.end.max(end);
                last.cut_after = last.bytes.end < text.len();
            }
            _ => out.push(Piece { bytes: start..end, cut_before: start > 0, cut_after: end < text.len() }),
        }
    }
    out
}

/// Counts the tokens `spans` (document bytes, in order) within `window` of
/// a match into `windows`; returns how many tokens matched.
fn count_tokens(
    section: &Section<'_>,
    spans: &[Range<usize>],
    ranges: &[Range<usize>],
    window: usize,
    own: &[String],
    windows: &mut Windows,
) -> u64 {
    let matched: Vec<bool> = spans
        .iter()
        .map(|t| {
            let i = ranges.partition_point(|r| r.end <= t.start);
            ranges.get(i).is_some_and(|r| r.start <= t.start)
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
        let term = normalize(&section.text[span.start - section.start..span.end - section.start]);
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
    fn a_common_word_is_read_around_an_even_sample_of_its_matches() {
        let docs = |counts: &[usize]| -> Vec<DocMatches> {
            counts
                .iter()
                .enumerate()
                .map(|(d, &n)| DocMatches { doc: d as u32, ranges: (0..n).map(|i| i * 10..i * 10 + 3).collect() })
                .collect()
        };
        assert_eq!(sample(&docs(&[1_000, 1_000])), None, "2,000 matches are all read");
        assert_eq!(sample(&docs(&[1_000, 1_001])), Some(Sample { read: 1_001, of: 2_001 }));
        assert_eq!(sample(&docs(&[5_000, 5_000, 5_000])), Some(Sample { read: 1_875, of: 15_000 }));
        // The sampled collocates of the fixture's words equal the whole when nothing is sampled.
        let index = fixture::index();
        let found = matching_docs(&index, "harbour");
        assert_eq!(sample(&found), None);
    }

    #[test]
    fn a_query_that_matches_nothing_has_no_collocates() {
        let index = fixture::index();
        assert!(collocates(&index, "zeppelin", 5, 10).is_empty());
    }
}
