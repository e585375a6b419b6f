//! How the reader lays out a text: one block per line, or per paragraph
//! where the text is hard-wrapped (its lines run on into the next), with
//! the highlight and set-aside ranges that fall in each block.

use std::ops::Range;

use crate::engine::analysis::text::run_ons;

/// The byte ranges of the text's blocks, in order: each non-blank line, or
/// for a hard-wrapped text each paragraph (a line and the lines it runs on
/// into, see [`run_ons`]). Blank lines make no block.
pub fn blocks(text: &str) -> Vec<Range<usize>> {
    let lines: Vec<&str> = text.split('\n').collect();
    let run_ons = run_ons(&lines);
    let mut starts = Vec::with_capacity(lines.len());
    let mut offset = 0;
    for line in &lines {
        starts.push(offset);
        offset += line.len() + 1;
    }
    let mut continued = vec![false; lines.len()];
    for j in run_ons.iter().flatten() {
        continued[*j] = true;
    }
    let mut blocks = Vec::new();
    for (i, first) in lines.iter().enumerate() {
        if first.trim().is_empty() || continued[i] {
            continue;
        }
        // The paragraph runs over the lines this one runs on into.
        let mut last = i;
        while let Some(next) = run_ons[last] {
            last = next;
        }
        blocks.push(starts[i]..starts[last] + lines[last].len());
    }
    blocks
}

/// The ranges of `ranges` that fall in `start..end`, moved to start at 0
/// (and cut at its ends).
pub fn local(ranges: &[Range<usize>], start: usize, end: usize) -> Vec<Range<usize>> {
    ranges
        .iter()
        .filter(|r| r.start < end && r.end > start)
        .map(|r| r.start.max(start) - start..r.end.min(end) - start)
        .collect()
}

/// The match to go to from `current` among `n` (Next or Previous), going
/// round at either end; from none, the first (or, backwards, the last).
pub fn step_match(current: Option<usize>, n: usize, forward: bool) -> Option<usize> {
    if n == 0 {
        return None;
    }
    Some(match (current, forward) {
        (None, true) => 0,
        (None, false) => n - 1,
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_with_text_is_a_block_of_its_own() {
        let text = "Title\n\nFirst paragraph.\nSecond one.\n";
        let b: Vec<&str> = blocks(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(b, ["Title", "First paragraph.", "Second one."]);
    }

    #[test]
    fn a_hard_wrapped_paragraph_reads_as_one_block() {
        // Two paragraphs of lines cut at one width, as a text export leaves them.
        let line = "the harbour at macau was busy that year with ships from";
        let para = |n: usize| {
            let mut lines = vec![line; n];
            lines.push("and that was the end of it.");
            lines.join("\n")
        };
        let wrapped = format!("{}\n\n{}", para(4), para(5));
        let b = blocks(&wrapped);
        assert_eq!(
            b.len(),
            2,
            "{:?}",
            b.iter().map(|r| &wrapped[r.clone()]).collect::<Vec<_>>()
        );
        assert_eq!(&wrapped[b[0].clone()], para(4));
        assert_eq!(&wrapped[b[1].clone()], para(5));
    }

    #[test]
    fn ranges_are_cut_to_the_block_and_moved_to_its_start() {
        let ranges = [0..4, 8..14, 18..30];
        assert_eq!(local(&ranges, 10, 20), [0..4, 8..10]);
        assert!(
            local(&ranges, 4, 8).is_empty(),
            "touching is not overlapping"
        );
    }

    #[test]
    fn next_and_previous_go_round_the_matches() {
        assert_eq!(step_match(None, 3, true), Some(0));
        assert_eq!(step_match(None, 3, false), Some(2));
        assert_eq!(step_match(Some(2), 3, true), Some(0), "round after the last");
        assert_eq!(step_match(Some(0), 3, false), Some(2), "round before the first");
        assert_eq!(step_match(Some(1), 3, true), Some(2));
        assert_eq!(step_match(Some(0), 0, true), None, "no match to go to");
    }
}
