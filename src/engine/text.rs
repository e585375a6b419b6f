//! Slicing a document's text at offsets that come from the index: every
//! offset is brought onto a character boundary inside the text first, so a
//! damaged or stale offset shows less, never panics.

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
}
