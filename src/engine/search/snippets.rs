//! Snippets: text plus highlight ranges, cut around the densest run of
//! matches; never markup (the user interface makes that).

use std::ops::Range;

use crate::engine::analysis::indexed;
use crate::engine::analysis::text::floor_boundary;
use crate::engine::index::Index;

use super::types::Hit;

/// Characters of context in a result snippet (the app and the CLI agree).
pub const SNIPPET_CHARS: usize = 220;

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

/// Byte ranges, in a section's text, of the tokens at `positions`
/// (ascending). `base` is the section's offset in its document and `aside`
/// the document's set-aside spans, whose tokens have no position (as in the
/// writer). Scans only as far as the last position.
pub fn position_ranges(
    section_text: &str,
    base: usize,
    aside: &[Range<usize>],
    positions: &[u32],
) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let Some(&last_wanted) = positions.last() else {
        return out;
    };
    let mut position = 0u32;
    let mut wanted = positions.iter().peekable();
    indexed(section_text, base, aside, |start, end| {
        while wanted.next_if(|&&p| p < position).is_some() {}
        if wanted.peek() == Some(&&position) {
            match out.last_mut() {
                // Overlapping Han bigrams, and words only spaces or a hyphen
                // apart (`Hong Kong`, `États-Unis`), read as one highlight.
                Some(last) if start <= last.end || joins(&section_text[last.end..start]) => {
                    last.end = last.end.max(end)
                }
                _ => out.push(start..end),
            }
        }
        position += 1;
        position <= last_wanted
    });
    out
}

/// Token positions a snippet window spans: about this many words.
const SNIPPET_WORDS: u32 = 32;

/// The positions of the densest run of matches: the window of
/// [`SNIPPET_WORDS`] positions holding the most, the earliest on ties.
/// Linear in the number of positions (two pointers over sorted input).
fn densest(positions: &[u32]) -> &[u32] {
    let (mut best, mut best_len, mut lo) = (0, 0, 0);
    for hi in 0..positions.len() {
        while positions[hi] - positions[lo] >= SNIPPET_WORDS {
            lo += 1;
        }
        if hi + 1 - lo > best_len {
            best_len = hi + 1 - lo;
            best = lo;
        }
    }
    &positions[best..best + best_len]
}

/// An excerpt of about `max_chars` characters from the hit's section, centred
/// on the densest run of matches. Only that run's positions are mapped to
/// text, so a section with thousands of matches costs no more than one with a few.
pub fn snippet(index: &Index<'_>, hit: &Hit, max_chars: usize) -> Snippet {
    let section = index.section(hit.section);
    let aside = index.aside(&index.doc(hit.doc));
    // Every match the excerpt can show: a little before the densest run, and to the window's end.
    let visible = match densest(&hit.positions).first() {
        Some(&first) => {
            let (from, to) = (first.saturating_sub(12), first.saturating_add(2 * SNIPPET_WORDS));
            let lo = hit.positions.partition_point(|&p| p < from);
            let hi = hit.positions.partition_point(|&p| p < to);
            &hit.positions[lo..hi]
        }
        None => &[][..],
    };
    let ranges = position_ranges(section.text, section.start, &aside, visible);
    let (text, ranges) = without_aside(section.text, section.start, &aside, ranges);
    excerpt(&text, &ranges, max_chars)
}

/// A section's text as a reader would quote it: the page furniture set
/// aside inside it left out (the start page's openings, never "Advertisement").
pub fn readable_text(index: &Index<'_>, section: u32) -> String {
    let s = index.section(section);
    let aside = index.aside(&index.doc(s.doc));
    without_aside(s.text, s.start, &aside, Vec::new()).0
}

/// A section's text with the furniture set aside inside it left out (each
/// piece replaced by a line break), and highlight ranges moved to match.
/// Highlights never fall in furniture: its tokens have no positions. A
/// span's ends inside a character (a damaged index) move to its start.
fn without_aside(
    text: &str,
    base: usize,
    aside: &[Range<usize>],
    ranges: Vec<Range<usize>>,
) -> (String, Vec<Range<usize>>) {
    let end = base + text.len();
    let inside: Vec<Range<usize>> = aside
        .iter()
        .filter(|r| r.start < end && r.end > base)
        .map(|r| r.start.max(base) - base..r.end.min(end) - base)
        .map(|r| floor_boundary(text, r.start)..floor_boundary(text, r.end))
        .collect();
    if inside.is_empty() {
        return (text.to_owned(), ranges);
    }
    // Kept pieces: (start in `text`, start in the result, length).
    let mut out = String::with_capacity(text.len());
    let mut pieces = Vec::new();
    let mut at = 0;
    for r in inside
        .iter()
        .chain(std::iter::once(&(text.len()..text.len())))
    {
        if r.start > at {
            pieces.push((at, out.len(), r.start - at));
            out.push_str(&text[at..r.start]);
        }
        out.push('\n');
        at = at.max(r.end);
    }
    let moved = ranges
        .into_iter()
        .filter_map(|r| {
            let &(from, to, _) = pieces
                .iter()
                .find(|&&(from, _, len)| r.start >= from && r.end <= from + len)?;
            Some(r.start - from + to..r.end - from + to)
        })
        .collect();
    (out, moved)
}

/// Cuts `text` to about `max_chars` characters around the best cluster of
/// `ranges`, on word boundaries, keeping the ranges that fall inside.
pub fn excerpt(text: &str, ranges: &[Range<usize>], max_chars: usize) -> Snippet {
    if text.chars().count() <= max_chars {
        return collapse_whitespace(text, ranges);
    }
    // Byte budget from the character budget, measured where the window starts.
    let window_bytes = |start: usize| {
        text[start..]
            .char_indices()
            .nth(max_chars)
            .map_or(text.len(), |(i, _)| start + i)
    };
    // Pick the highlight whose window holds the most highlights (ranges are
    // sorted: count by binary search; at most 64 candidate starts).
    let mut best_start = 0;
    let mut best_count = 0;
    for (i, r) in ranges.iter().enumerate().take(64) {
        let start = back_off(text, r.start, max_chars / 5);
        let end = window_bytes(start);
        let count = ranges[i..].partition_point(|q| q.end <= end);
        if count > best_count {
            best_count = count;
            best_start = start;
        }
    }
    let mut end = window_bytes(best_start);
    if end < text.len() {
        // Do not cut a word in half.
        end = text[..end]
            .rfind(char::is_whitespace)
            .filter(|&e| e > best_start)
            .unwrap_or(end);
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
        snippet
            .highlights
            .iter_mut()
            .for_each(|r| *r = r.start + shift..r.end + shift);
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
    Snippet {
        text: out,
        highlights,
    }
}

/// A start offset up to `chars` characters before `at`, moved forward to the
/// start of a word or sentence.
fn back_off(text: &str, at: usize, chars: usize) -> usize {
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(chars)
        .map_or(0, |(i, _)| i);
    if start == 0 {
        return 0;
    }
    match text[start..at].find(char::is_whitespace) {
        Some(ws) => start + ws + text[start + ws..].chars().next().map_or(0, char::len_utf8),
        None => start,
    }
}

#[cfg(test)]
mod tests {
    use super::without_aside;

    #[test]
    fn furniture_spans_inside_a_character_cut_before_it() {
        // "2026년 1월": a damaged span from inside 년 to inside 월.
        let text = "2026년 1월 15일";
        let (kept, _) = without_aside(text, 0, &[5..9], Vec::new());
        assert_eq!(kept, "2026\n월 15일\n");
        let (kept, _) = without_aside(text, 0, &[0..text.len() + 7], Vec::new());
        assert_eq!(kept, "\n\n");
    }
}
