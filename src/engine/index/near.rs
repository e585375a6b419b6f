//! Words within a few edits of a typed one, found by walking the term
//! dictionary with a Levenshtein automaton that keeps its dynamic
//! programming row as its state: nothing is built before the walk (fst's
//! own automaton builds a whole DFA first, most of a typo query's time),
//! and a branch is left as soon as no key under it can be near enough.
//! Distances are in characters, as typed (the walk reads UTF-8 bytes and
//! moves the row once a character is whole).

use fst::Automaton;

/// The most edits asked for (the spelling module asks for one or two).
pub const MAX_EDITS: u8 = 2;
/// Cells of the band of the row kept: the prefixes of the query within
/// [`MAX_EDITS`] characters of the key's length so far (Ukkonen's band).
const BAND: usize = 2 * MAX_EDITS as usize + 1;
/// A cost past any limit.
const FAR: u8 = u8::MAX;

/// Surface keys (not variant or alias keys, which start with a control
/// character) within `max` character edits (insertions, deletions,
/// substitutions) of `query`.
pub struct Near {
    query: Vec<char>,
    /// The first UTF-8 byte of each of the query's characters.
    leads: Vec<u8>,
    max: u8,
}

impl Near {
    /// The automaton for `query` and `max` edits (at most [`MAX_EDITS`]).
    pub fn new(query: &str, max: u8) -> Self {
        let mut leads: Vec<u8> = query.chars().map(|c| c.encode_utf8(&mut [0; 4]).as_bytes()[0]).collect();
        crate::sort::sort(&mut leads);
        leads.dedup();
        Near { query: query.chars().collect(), leads, max: max.min(MAX_EDITS) }
    }

    /// The row after one more character of the key; `None` stands for a
    /// character the query does not hold. `None` back: no key under here
    /// is near enough.
    fn step(&self, prev: &Row, c: Option<char>) -> Option<Row> {
        // Too deep for any key within reach: the query is that much shorter.
        let depth = usize::from(prev.depth) + 1;
        if depth > self.query.len() + usize::from(self.max) || depth >= usize::from(FAR) {
            return None;
        }
        let mut next = Row { depth: depth as u8, band: [FAR; BAND], ..*prev };
        let mut left = FAR;
        // The band is 2 × max + 1 wide; the cells past it stay FAR.
        for k in 0..=2 * usize::from(self.max) {
            let Some(j) = (depth + k).checked_sub(usize::from(self.max)) else {
                continue;
            };
            if j > self.query.len() {
                break;
            }
            let cost = if j == 0 {
                depth.min(usize::from(FAR)) as u8
            } else {
                let substitute = self.cost(prev, j - 1).saturating_add(u8::from(c != Some(self.query[j - 1])));
                substitute.min(self.cost(prev, j).saturating_add(1)).min(left.saturating_add(1))
            };
            next.band[k] = cost;
            left = cost;
        }
        next.band.iter().any(|&c| c <= self.max).then_some(next)
    }

    /// The distance from the key so far (`depth` characters) to the
    /// query's first `j` characters, from the band kept.
    fn cost(&self, row: &Row, j: usize) -> u8 {
        let k = j + usize::from(self.max);
        match k.checked_sub(usize::from(row.depth)) {
            Some(k) if k < BAND && j <= self.query.len() => row.band[k],
            _ => FAR,
        }
    }
}

/// Where the walk is: how many characters of the key are read, the costs
/// of the band of query prefixes near that length, and the bytes of a
/// character not yet whole.
#[derive(Clone, Copy, Debug)]
pub struct Row {
    depth: u8,
    band: [u8; BAND],
    pending: [u8; 4],
    have: u8,
    need: u8,
}

/// The character of a whole UTF-8 sequence.
fn decode(bytes: &[u8]) -> Option<char> {
    let lead = u32::from(*bytes.first()?);
    let value = match bytes.len() {
        1 => lead,
        2 => lead & 0x1f,
        3 => lead & 0x0f,
        _ => lead & 0x07,
    };
    let value = bytes[1..].iter().fold(value, |v, b| (v << 6) | u32::from(b & 0x3f));
    char::from_u32(value)
}

impl Automaton for Near {
    /// `None`: no key under here is near enough.
    type State = Option<Row>;

    fn start(&self) -> Self::State {
        let mut band = [FAR; BAND];
        for j in 0..=usize::from(self.max).min(self.query.len()) {
            band[j + usize::from(self.max)] = j as u8;
        }
        Some(Row { depth: 0, band, pending: [0; 4], have: 0, need: 0 })
    }

    fn is_match(&self, state: &Self::State) -> bool {
        state.as_ref().is_some_and(|r| r.have == 0 && self.cost(r, self.query.len()) <= self.max)
    }

    fn can_match(&self, state: &Self::State) -> bool {
        state.is_some()
    }

    fn accept(&self, state: &Self::State, byte: u8) -> Self::State {
        let mut row = (*state)?;
        // Variant and alias keys start with a control character: only
        // surface terms are words a reader meant (and the walk skips the rest).
        if row.depth == 0 && row.have == 0 && byte < 0x20 {
            return None;
        }
        if row.have == 0 {
            row.need = match byte {
                0x00..=0x7f => 1,
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf7 => 4,
                _ => return None,
            };
            // A character whose first byte starts none of the query's is
            // none of them: if even such a character leaves nothing in
            // reach, its whole subtree is left unread (on a Latin query, a
            // Hangul or CJK character past the first edits is left at its
            // first byte).
            if row.need > 1 && !self.leads.contains(&byte) {
                self.step(&row, None)?;
            }
        }
        row.pending[usize::from(row.have)] = byte;
        row.have += 1;
        if row.have < row.need {
            return Some(row);
        }
        let c = decode(&row.pending[..usize::from(row.have)])?;
        row.have = 0;
        self.step(&row, Some(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fst::{IntoStreamer, Set, Streamer};

    fn near(set: &Set<Vec<u8>>, automaton: impl Automaton) -> Vec<String> {
        let mut out = Vec::new();
        let mut stream = set.search(automaton).into_stream();
        while let Some(k) = stream.next() {
            out.push(String::from_utf8(k.to_vec()).unwrap());
        }
        out
    }

    /// Plain Levenshtein distance in characters, the slow way.
    fn distance(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut row = vec![i + 1];
            for (j, cb) in b.iter().enumerate() {
                row.push((prev[j + 1] + 1).min(row[j] + 1).min(prev[j] + usize::from(ca != cb)));
            }
            prev = row;
        }
        prev[b.len()]
    }

    #[test]
    fn finds_every_key_within_the_distance_and_no_other() {
        let words = [
            "beijing", "beijng", "bejing", "peking", "pékin", "pekin", "pekín", "zhijiang", "zhiji", "zhuji", "shenzhen",
            "shenzen", "guangzhou", "guangzhuo", "iraq", "iran", "irak", "café", "cafe", "caffè", "선전", "선진", "北京",
            "东京", "a", "ab", "abc",
        ];
        let mut sorted: Vec<&str> = words.to_vec();
        crate::sort::sort(&mut sorted);
        sorted.dedup();
        let set = Set::from_iter(&sorted).unwrap();
        for q in ["zhiji", "pekin", "guangzhuo", "irak", "cafe", "선전", "北京", "ab", "shenzen", "pékin"] {
            for d in [1u8, 2] {
                let want: Vec<String> =
                    sorted.iter().filter(|w| distance(q, w) <= usize::from(d)).map(|w| w.to_string()).collect();
                assert_eq!(near(&set, Near::new(q, d)), want, "{q} within {d}");
                // fst's own automaton agrees on ASCII (it misses multi-byte characters).
                if q.is_ascii() {
                    let theirs = near(&set, fst::automaton::Levenshtein::new(q, u32::from(d)).unwrap());
                    assert_eq!(theirs, want, "fst: {q} within {d}");
                }
            }
        }
    }
}
