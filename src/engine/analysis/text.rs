//! A document's text as a reader sees it: slicing at offsets that come from
//! the index (every offset is brought onto a character boundary inside the
//! text first, so a damaged or stale offset shows less, never panics), and
//! the paragraphs of a hard-wrapped text (shared by the layout at build time
//! and the reader in the browser).

/// `at` moved back onto a character boundary of `text`, within its length.
pub fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The sentence around the `len` bytes at `at` of `text`, at most 220
/// characters: what the timeline shows beside a date.
pub fn sentence_at(text: &str, at: usize, len: usize) -> &str {
    const ENDS: [char; 5] = ['.', '!', '?', '\n', '。'];
    let at = floor_boundary(text, at);
    let end_at = floor_boundary(text, at.saturating_add(len));
    let start = text[..at].rfind(ENDS).map_or(0, |i| i + 1);
    let end = text[end_at..]
        .find(ENDS)
        .map_or(text.len(), |i| end_at + i + 1);
    let s = text.get(start..end).unwrap_or("").trim();
    match s.char_indices().nth(220) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The width a text is hard-wrapped at, if it is: a third or more of its
/// lines stop within a few characters of one width of 30 to 110 characters
/// (plain-text exports, e-mail, PDFs turned into text), where a text of
/// written paragraphs ends its lines anywhere.
pub fn wrap_width(lines: &[&str]) -> Option<usize> {
    let lens: Vec<usize> = lines
        .iter()
        .map(|l| l.trim_end().chars().count())
        .filter(|&n| n > 0)
        .collect();
    if lens.len() < 8 {
        return None;
    }
    let mut sorted = lens.clone();
    crate::sort::sort(&mut sorted);
    let width = sorted[sorted.len() * 9 / 10];
    if !(30..=110).contains(&width) {
        return None;
    }
    let near = lens
        .iter()
        .filter(|&&n| n * 10 >= width * 7 && n <= width + 3)
        .count();
    (near * 3 >= lens.len()).then_some(width)
}

/// For each line of a hard-wrapped text, the line it runs on into: a line
/// that fills the wrap width without ending a sentence continues on the
/// next line with text (across one blank line, as PDF exports leave them).
/// All `None` for a text that is not hard-wrapped.
pub fn run_ons(lines: &[&str]) -> Vec<Option<usize>> {
    let mut out = vec![None; lines.len()];
    let Some(width) = wrap_width(lines) else {
        return out;
    };
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_end();
        let full = t.chars().count() * 10 >= width * 7;
        let ends = t.ends_with(['.', '!', '?', '。', ':', ';', '"', '”', '»']);
        if full && !ends {
            out[i] = (i + 1..lines.len().min(i + 3)).find(|&j| !lines[j].trim().is_empty());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_around_a_date() {
        let text = "First one. The treaty was signed on April 30, 1803 in Paris. Then more.";
        let at = text.find("April").unwrap();
        assert_eq!(
            sentence_at(text, at, "April 30, 1803".len()),
            "The treaty was signed on April 30, 1803 in Paris."
        );
    }

    #[test]
    fn offsets_off_a_boundary_or_out_of_the_text_never_panic() {
        let text = "홍콩은 2026년 1월에. 선전과.";
        for at in 0..text.len() + 3 {
            for len in [0, 1, 2, 5, usize::MAX] {
                let s = sentence_at(text, at, len);
                assert!(text.contains(s));
            }
        }
        assert_eq!(sentence_at("", 7, 3), "");
        assert_eq!(floor_boundary("é", 1), 0);
    }

    #[test]
    fn a_hard_wrapped_text_runs_on_and_a_written_one_does_not() {
        let wrapped = "The Project Gutenberg text of a letter, wrapped at seventy columns as\nplain-text files are, with sentences that run from one line into the\nnext one without a break between them, and short lines only where a\nparagraph ends.\n\nA second paragraph follows it here, wrapped the same way, with words\nenough to fill each line to about the same width as the lines above\nand the line after it; it ends on a shorter line of its own like this.\n\nThird paragraph of the letter, wrapped at the same width, seventy or\nso columns, and again without a heading anywhere in the whole text.";
        let lines: Vec<&str> = wrapped.split('\n').collect();
        let on = run_ons(&lines);
        assert_eq!(on[0], Some(1));
        assert_eq!(on[3], None, "a paragraph's last line ends it");
        let written = ["A whole paragraph on one line, as a word processor writes it, however long it runs on the screen and beyond.", "", "Short."];
        assert!(run_ons(&written).iter().all(Option::is_none));
    }
}
