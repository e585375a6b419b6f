//! The concordance (keyword in context): one row per match of a query, its
//! left context, the matched words and its right context, with the byte
//! offsets of the match in its document's text.

use std::ops::Range;

use crate::engine::analysis::in_aside;
use crate::engine::index::{Doc, Index};

use super::matches::{matching_docs, DocMatches};

/// Characters of context on each side of a match, by default.
pub const CONTEXT_CHARS: usize = 60;

/// How a concordance is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KwicOptions {
    /// Characters of context on each side (white space runs count as one).
    pub width: usize,
    /// At most this many rows (in ranking order); `None` for all.
    pub limit: Option<usize>,
}

impl Default for KwicOptions {
    fn default() -> Self {
        KwicOptions { width: CONTEXT_CHARS, limit: None }
    }
}

/// One match in its context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KwicRow {
    /// The document's id.
    pub doc: String,
    /// Ordinal of the section within its document; `None` when the
    /// document has a single section.
    pub section: Option<u32>,
    /// The document's publication date (`YYYY[-MM[-DD]]`), empty when unknown.
    pub date: String,
    /// The text before the match, white space collapsed.
    pub left: String,
    /// The matched text, exactly as in the document.
    pub matched: String,
    /// The text after the match, white space collapsed.
    pub right: String,
    /// Byte offset of the match in the document's text.
    pub start: usize,
    /// One past its last byte: `&doc.text[start..end] == matched`.
    pub end: usize,
}

/// Every match of `query`, documents in the search's ranking order and
/// matches in text order within each; never in page furniture.
pub fn concordance(index: &Index<'_>, query: &str, opts: KwicOptions) -> Vec<KwicRow> {
    concordance_in(index, &matching_docs(index, query), opts)
}

/// [`concordance`] of matches already found (see [`matching_docs`]).
pub fn concordance_in(index: &Index<'_>, matches: &[DocMatches], opts: KwicOptions) -> Vec<KwicRow> {
    let limit = opts.limit.unwrap_or(usize::MAX);
    let mut rows = Vec::new();
    for found in matches {
        let doc = index.doc(found.doc);
        let aside = index.aside(&doc);
        for r in found.ranges.iter().cloned() {
            if rows.len() >= limit {
                return rows;
            }
            rows.push(row(index, &doc, &aside, r, opts.width));
        }
    }
    rows
}

fn row(index: &Index<'_>, doc: &Doc<'_>, aside: &[Range<usize>], r: Range<usize>, width: usize) -> KwicRow {
    let text = doc.text;
    KwicRow {
        doc: doc.id.to_owned(),
        section: section_in_doc(index, doc, r.start),
        date: doc.date.to_owned(),
        left: collapse(&text[left_from(text, aside, r.start, width)..r.start]).trim_start().to_owned(),
        matched: text[r.clone()].to_owned(),
        right: collapse(&text[r.end..right_to(text, aside, r.end, width)]).trim_end().to_owned(),
        start: r.start,
        end: r.end,
    }
}

/// Which section of `doc` holds byte `at`; `None` for a single section.
fn section_in_doc(index: &Index<'_>, doc: &Doc<'_>, at: usize) -> Option<u32> {
    if doc.section_count <= 1 {
        return None;
    }
    (0..doc.section_count).rev().find(|&s| index.section(doc.first_section + s).start <= at)
}

/// `s` with every run of white space as one space.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    if space {
        out.push(' ');
    }
    out
}

/// Counts characters as [`collapse`] keeps them: a run of white space is one.
struct Counter {
    chars: usize,
    in_space: bool,
}

impl Counter {
    /// Counts `c`; whether the context is full.
    fn full_after(&mut self, c: char, width: usize) -> bool {
        let space = c.is_whitespace();
        if !(space && self.in_space) {
            self.chars += 1;
        }
        self.in_space = space;
        self.chars > width
    }
}

/// Where a left context of `width` characters starts: on a character
/// boundary, never inside page furniture.
fn left_from(text: &str, aside: &[Range<usize>], start: usize, width: usize) -> usize {
    let mut count = Counter { chars: 0, in_space: false };
    let mut from = start;
    for (i, c) in text[..start].char_indices().rev() {
        if in_aside(aside, i) || count.full_after(c, width) {
            break;
        }
        from = i;
    }
    from
}

/// Where a right context of `width` characters ends.
fn right_to(text: &str, aside: &[Range<usize>], end: usize, width: usize) -> usize {
    let mut count = Counter { chars: 0, in_space: false };
    let mut to = end;
    for (i, c) in text[end..].char_indices() {
        if in_aside(aside, end + i) || count.full_after(c, width) {
            break;
        }
        to = end + i + c.len_utf8();
    }
    to
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::research::fixture;
    use crate::engine::search::doc_highlights;

    #[test]
    fn every_row_points_at_its_match_and_its_context_is_the_text_around_it() {
        let index = fixture::index();
        let rows = concordance(&index, "harbour", KwicOptions { width: 20, limit: None });
        let mut expected = 0;
        for d in index.docs() {
            let aside = index.aside(&d);
            expected += doc_highlights(&index, "harbour", d.ord, Default::default())
                .iter()
                .filter(|r| !in_aside(&aside, r.start))
                .count();
        }
        assert_eq!(rows.len(), expected);
        for r in &rows {
            let text = index.doc_by_id(&r.doc).unwrap().text;
            assert_eq!(&text[r.start..r.end], r.matched);
            assert!(collapse(&text[..r.start]).ends_with(&r.left), "{r:?}");
            assert!(collapse(&text[r.end..]).starts_with(&r.right), "{r:?}");
            assert!(r.left.chars().count() <= 20 && r.right.chars().count() <= 20, "{r:?}");
            assert!(!r.left.contains("Advertisement") && !r.right.contains("Advertisement"), "{r:?}");
            assert!(!r.left.contains("  ") && !r.left.contains('\n'), "{r:?}");
        }
    }

    #[test]
    fn sections_are_named_only_in_documents_that_have_several() {
        let index = fixture::index();
        let rows = concordance(&index, "port", KwicOptions::default());
        let b: Vec<_> = rows.iter().filter(|r| r.doc == "b.txt").collect();
        assert!(!b.is_empty());
        assert!(b.iter().all(|r| r.section == Some(1)), "{b:?}");
        assert!(rows.iter().filter(|r| r.doc != "b.txt").all(|r| r.section.is_none()));
        let harbour = concordance(&index, "harbour", KwicOptions::default());
        assert!(harbour.iter().any(|r| r.doc == "b.txt" && r.section == Some(0)));
    }

    #[test]
    fn a_limit_keeps_the_first_rows_in_order() {
        let index = fixture::index();
        let all = concordance(&index, "harbour", KwicOptions::default());
        let two = concordance(&index, "harbour", KwicOptions { limit: Some(2), ..KwicOptions::default() });
        assert_eq!(two, all[..2]);
    }

    #[test]
    fn korean_matches_carry_their_particles_and_cut_on_characters() {
        let index = fixture::index();
        let rows = concordance(&index, "부산", KwicOptions { width: 3, limit: None });
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert!(rows.iter().all(|r| r.matched.starts_with("부산")));
        assert_eq!(rows[0].right.chars().count(), 3);
    }
}
