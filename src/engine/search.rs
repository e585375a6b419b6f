//! Query execution: BM25 over sections, phrases on positions, prefix
//! expansion through the FST, snippets as text plus highlight ranges.

use std::collections::BTreeMap;
use std::ops::Range;

use super::analysis::scan;
use super::query::{parse, Alternative, Query};
use super::reader::{Index, Posting};

/// BM25 term-frequency saturation.
const K1: f32 = 1.2;
/// BM25 length normalisation.
const B: f32 = 0.75;
/// How many dictionary terms a prefix may expand to.
const PREFIX_EXPANSIONS: usize = 24;
/// Weight of a prefix expansion against the exact term.
const PREFIX_WEIGHT: f32 = 0.8;
/// Characters of context in a result snippet (the app and the CLI agree).
pub const SNIPPET_CHARS: usize = 220;

/// Options of one search.
#[derive(Debug, Clone, Copy)]
pub struct SearchOptions {
    /// Treat the query as being typed: its last word also matches as a prefix.
    pub typing: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions { typing: true }
    }
}

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
    pub positions: Vec<u32>,
}

/// The answer to a query: every matching section, best first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchResults {
    /// Matching sections, best first (ties by section order).
    pub hits: Vec<Hit>,
    /// The parsed query.
    pub query: Query,
    /// Notes for the reader: parser warnings, words found nowhere.
    pub hints: Vec<String>,
}

/// Per section: score and matched positions of one clause.
type ClauseMatches = BTreeMap<u32, (f32, Vec<u32>)>;

fn idf(n: f32, df: f32) -> f32 {
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

fn bm25(index: &Index<'_>, tf: f32, section: u32, idf: f32) -> f32 {
    let len = index.section_len(section) as f32;
    let avg = index.avg_len().max(1.0);
    idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg))
}

/// Sections where `terms` occur consecutively; the positions of every token
/// of each occurrence.
fn phrase_postings(index: &Index<'_>, terms: &[String]) -> Vec<Posting> {
    let lists: Vec<Vec<Posting>> = terms.iter().map(|t| index.postings(t)).collect();
    let Some((first, rest)) = lists.split_first() else { return Vec::new() };
    let mut out = Vec::new();
    'sections: for p in first {
        let mut others = Vec::with_capacity(rest.len());
        for list in rest {
            match list.binary_search_by_key(&p.section, |q| q.section) {
                Ok(i) => others.push(&list[i].positions),
                Err(_) => continue 'sections,
            }
        }
        let mut positions = Vec::new();
        for &start in &p.positions {
            let all = others
                .iter()
                .enumerate()
                .all(|(k, ps)| ps.binary_search(&(start + k as u32 + 1)).is_ok());
            if all {
                positions.extend(start..start + terms.len() as u32);
            }
        }
        if !positions.is_empty() {
            out.push(Posting { section: p.section, positions });
        }
    }
    out
}

/// The (term list, weight) pairs an alternative stands for: the exact terms,
/// and for a prefix the dictionary terms it starts.
fn candidates(index: &Index<'_>, alt: &Alternative) -> Vec<(Vec<String>, f32)> {
    let mut out = vec![(alt.terms.clone(), 1.0)];
    if alt.prefix {
        if let Some((last, head)) = alt.terms.split_last() {
            for term in index.terms_with_prefix(last, PREFIX_EXPANSIONS + 1) {
                if &term != last {
                    let mut terms = head.to_vec();
                    terms.push(term);
                    out.push((terms, PREFIX_WEIGHT));
                }
            }
        }
    }
    out
}

fn match_alternative(index: &Index<'_>, alt: &Alternative, into: &mut ClauseMatches) {
    let n = index.section_count() as f32;
    let mut best: ClauseMatches = BTreeMap::new();
    for (terms, weight) in candidates(index, alt) {
        let postings = if terms.len() == 1 { index.postings(&terms[0]) } else { phrase_postings(index, &terms) };
        let idf = idf(n, postings.len() as f32);
        for p in postings {
            let tf = (p.positions.len() / terms.len()) as f32;
            let score = weight * bm25(index, tf, p.section, idf);
            let entry = best.entry(p.section).or_insert((0.0, Vec::new()));
            // A section matching several expansions of a prefix counts its best one.
            entry.0 = entry.0.max(score);
            entry.1.extend(p.positions);
        }
    }
    for (section, (score, positions)) in best {
        let entry = into.entry(section).or_insert((0.0, Vec::new()));
        // Alternatives of an OR add up: a section with both is a better answer.
        entry.0 += score;
        entry.1.extend(positions);
    }
}

fn clause_matches(index: &Index<'_>, query: &Query) -> Vec<(bool, ClauseMatches)> {
    query
        .clauses
        .iter()
        .map(|clause| {
            let mut m = ClauseMatches::new();
            for alt in &clause.alternatives {
                match_alternative(index, alt, &mut m);
            }
            (clause.negated, m)
        })
        .collect()
}

/// Runs `input` against the index.
pub fn search(index: &Index<'_>, input: &str, options: SearchOptions) -> SearchResults {
    let query = parse(input, options.typing);
    let mut hints = query.warnings.clone();
    let clauses = clause_matches(index, &query);

    let mut hits: Vec<Hit> = Vec::new();
    if let Some(required) = clauses.iter().position(|(neg, _)| !neg) {
        'sections: for (&section, (score, positions)) in &clauses[required].1 {
            let mut hit = Hit { section, doc: index.section(section).doc, score: *score, positions: positions.clone() };
            for (k, (negated, m)) in clauses.iter().enumerate() {
                if k == required {
                    continue;
                }
                match (m.get(&section), negated) {
                    (Some(_), true) | (None, false) => continue 'sections,
                    (Some((s, p)), false) => {
                        hit.score += s;
                        hit.positions.extend(p);
                    }
                    (None, true) => {}
                }
            }
            hit.positions.sort_unstable();
            hit.positions.dedup();
            hits.push(hit);
        }
    }
    hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.section.cmp(&b.section)));

    for ((negated, m), clause) in clauses.iter().zip(&query.clauses) {
        if !negated && m.is_empty() {
            let words: Vec<&str> = clause.alternatives.iter().map(|a| a.text.as_str()).collect();
            hints.push(format!("No section contains “{}”.", words.join("” or “")));
        }
    }
    SearchResults { hits, query, hints }
}

/// Text with the byte ranges to highlight in it; turned into markup only by
/// the user interface.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The excerpt, possibly with `…` at either end.
    pub text: String,
    /// Byte ranges of `text` to highlight, ascending and disjoint.
    pub highlights: Vec<Range<usize>>,
}

/// Whether the text between two highlighted words joins them into one
/// highlight: white space or a single hyphen (`Hong Kong`, `États-Unis`).
fn joins(gap: &str) -> bool {
    gap.trim().is_empty() || gap == "-"
}

/// Byte ranges, in the section's text, of the tokens at `positions`
/// (ascending). Scans only as far as the last position.
pub fn position_ranges(section_text: &str, positions: &[u32]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let Some(&last_wanted) = positions.last() else { return out };
    let mut position = 0u32;
    let mut wanted = positions.iter().peekable();
    scan(section_text, |start, end| {
        while wanted.next_if(|&&p| p < position).is_some() {}
        if wanted.peek() == Some(&&position) {
            match out.last_mut() {
                // Overlapping Han bigrams, and words only spaces or a hyphen
                // apart (`Hong Kong`, `États-Unis`), read as one highlight.
                Some(last) if start <= last.end || joins(&section_text[last.end..start]) => last.end = last.end.max(end),
                _ => out.push(start..end),
            }
        }
        position += 1;
        position <= last_wanted
    });
    out
}

/// An excerpt of about `max_chars` characters from the hit's section, centred
/// on the densest run of matches.
pub fn snippet(index: &Index<'_>, hit: &Hit, max_chars: usize) -> Snippet {
    let text = index.section(hit.section).text;
    excerpt(text, &position_ranges(text, &hit.positions), max_chars)
}

/// Cuts `text` to about `max_chars` characters around the best cluster of
/// `ranges`, on word boundaries, keeping the ranges that fall inside.
pub fn excerpt(text: &str, ranges: &[Range<usize>], max_chars: usize) -> Snippet {
    if text.chars().count() <= max_chars {
        return collapse_whitespace(text, ranges);
    }
    // Byte budget from the character budget, measured where the window starts.
    let window_bytes = |start: usize| {
        text[start..].char_indices().nth(max_chars).map_or(text.len(), |(i, _)| start + i)
    };
    // Pick the highlight whose window holds the most highlights.
    let mut best_start = 0;
    let mut best_count = 0;
    for r in ranges {
        let start = back_off(text, r.start, max_chars / 5);
        let end = window_bytes(start);
        let count = ranges.iter().filter(|q| q.start >= start && q.end <= end).count();
        if count > best_count {
            best_count = count;
            best_start = start;
        }
    }
    let mut end = window_bytes(best_start);
    if end < text.len() {
        // Do not cut a word in half.
        end = text[..end].rfind(char::is_whitespace).filter(|&e| e > best_start).unwrap_or(end);
    }
    let body = text[best_start..end].trim();
    let lead = body.as_ptr() as usize - text.as_ptr() as usize;
    let inside: Vec<Range<usize>> = ranges
        .iter()
        .filter(|r| r.start >= lead && r.end <= lead + body.len())
        .map(|r| r.start - lead..r.end - lead)
        .collect();
    let mut snippet = collapse_whitespace(body, &inside);
    if lead > 0 {
        snippet.text.insert_str(0, "… ");
        let shift = "… ".len();
        snippet.highlights.iter_mut().for_each(|r| *r = r.start + shift..r.end + shift);
    }
    if lead + body.len() < text.len() {
        snippet.text.push_str(" …");
    }
    snippet
}

/// `text` with every run of white space (line breaks included) made one
/// space, and `ranges` moved to match.
fn collapse_whitespace(text: &str, ranges: &[Range<usize>]) -> Snippet {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1); // byte of `text` -> byte of `out`
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        while map.len() < i {
            map.push(out.len());
        }
        map.push(out.len());
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    while map.len() <= text.len() {
        map.push(out.len());
    }
    let highlights = ranges.iter().map(|r| map[r.start]..map[r.end]).collect();
    Snippet { text: out, highlights }
}

/// A start offset up to `chars` characters before `at`, moved forward to the
/// start of a word or sentence.
fn back_off(text: &str, at: usize, chars: usize) -> usize {
    let start = text[..at].char_indices().rev().nth(chars).map_or(0, |(i, _)| i);
    if start == 0 {
        return 0;
    }
    match text[start..at].find(char::is_whitespace) {
        Some(ws) => start + ws + text[start + ws..].chars().next().map_or(0, char::len_utf8),
        None => start,
    }
}

/// Highlight ranges over a whole document's text: every match of the query's
/// positive clauses in any of its sections (a reader shows them all, even
/// where a section did not satisfy the whole query).
pub fn doc_highlights(index: &Index<'_>, input: &str, doc: u32) -> Vec<Range<usize>> {
    let query = parse(input, true);
    let d = index.doc(doc);
    let sections = d.first_section..d.first_section + d.section_count;
    let mut positions: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for (negated, m) in clause_matches(index, &query) {
        if negated {
            continue;
        }
        for (section, (_, p)) in m.range(sections.clone()) {
            positions.entry(*section).or_default().extend(p);
        }
    }
    let mut out = Vec::new();
    for (section, mut p) in positions {
        p.sort_unstable();
        p.dedup();
        let s = index.section(section);
        out.extend(position_ranges(s.text, &p).into_iter().map(|r| r.start + s.start..r.end + s.start));
    }
    out
}
