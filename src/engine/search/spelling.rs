//! Other spellings of a word found nowhere in the corpus: the likeliest
//! correction and the others as close, so the reader sees what was chosen
//! and what else it could have been. A word that exists is never corrected
//! (the caller only asks for words with no match).
//!
//! - Latin and other alphabets: one edit (Levenshtein automaton over the
//!   dictionary) or one swap of neighbouring letters (Damerau: "Britian");
//!   two edits for words of six letters or more when one finds nothing
//!   ("Vietman").
//! - Hangul: an edit is measured on jamo, the letters inside a syllable, so
//!   a one-jamo slip (대통녕 for 대통령, 육아휴진 for 육아휴직) is one edit and a
//!   whole other syllable is three.
//! - Candidates rank by distance, then by how many sections hold them.

use crate::engine::analysis::is_hangul_syllable;
use crate::engine::analysis::lang::korean_stem;
use crate::engine::index::Index;

use super::snippets::position_ranges;

/// The longest word looked up at other spellings: a Levenshtein automaton's
/// work grows with the word, and a word this long is no typo of a real one.
pub const MAX_FUZZY_CHARS: usize = 32;

/// The most Korean nouns of the right length measured against a Hangul
/// typo (bounded work).
const MAX_NOUNS_WALKED: usize = 60_000;

/// One other spelling found in the dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The term as indexed.
    pub term: String,
    /// Edits from the typed word (letters, or jamo for Hangul).
    pub distance: u32,
    /// Sections that hold it.
    pub sections: u32,
}

/// A syllable's jamo: initial, vowel and final consonant indexes (the final
/// one left out when the syllable has none).
fn jamo(word: &str) -> Vec<u32> {
    let mut out = Vec::with_capacity(word.len());
    for c in word.chars() {
        if is_hangul_syllable(c) {
            let code = c as u32 - 0xAC00;
            out.push(code / 588);
            out.push(100 + (code % 588) / 28);
            if code % 28 != 0 {
                out.push(200 + code % 28);
            }
        } else {
            out.push(1000 + c as u32);
        }
    }
    out
}

/// Levenshtein distance with transpositions (optimal string alignment).
pub fn edit_distance<T: PartialEq>(a: &[T], b: &[T]) -> u32 {
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0u32; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i as u32;
    }
    for j in 0..=m {
        d[0][j] = j as u32;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = u32::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

/// Whether `word` is long enough to guess other spellings of (and short
/// enough to be a typo of a real word): the words the query's budget is spent on.
pub fn worth_trying(word: &str) -> bool {
    let len = word.chars().count();
    if word.chars().all(is_hangul_syllable) {
        (2..=MAX_FUZZY_CHARS).contains(&len)
    } else {
        (4..=MAX_FUZZY_CHARS).contains(&len)
    }
}

/// Other spellings of `word` in the index, best first; empty for a word too
/// short or too long to guess at.
pub fn candidates(index: &Index<'_>, word: &str) -> Vec<Candidate> {
    let len = word.chars().count();
    let hangul = word.chars().all(is_hangul_syllable);
    let mut found: Vec<Candidate> = Vec::new();
    let add = |found: &mut Vec<Candidate>, term: String, distance: u32, sections: u32| {
        if term != word && !found.iter().any(|c| c.term == term) {
            found.push(Candidate { term, distance, sections });
        }
    };
    if hangul {
        if !(2..=MAX_FUZZY_CHARS).contains(&len) {
            return Vec::new();
        }
        // One syllable off, then kept only if one jamo off (or two, in a long word).
        let allowed = if len >= 4 { 2 } else { 1 };
        // Nouns without their particles: 대통령이 and 대통령은 both count for 대통령.
        let stem = korean_stem(word);
        let typed = jamo(stem);
        for (noun, forms) in index.nouns_of_length(stem.chars().count(), MAX_NOUNS_WALKED) {
            let d = edit_distance(&typed, &jamo(&noun));
            if d <= allowed && noun != stem && !found.iter().any(|c| c.term == noun) {
                found.push(Candidate { term: noun, distance: d, sections: forms });
            }
        }
    } else {
        if !(4..=MAX_FUZZY_CHARS).contains(&len) {
            return Vec::new();
        }
        for (term, sections) in index.terms_near(word, 1, 32) {
            add(&mut found, term, 1, sections);
        }
        // Neighbouring letters swapped: one slip, two Levenshtein edits.
        let chars: Vec<char> = word.chars().collect();
        for i in 0..chars.len().saturating_sub(1) {
            let mut swapped = chars.clone();
            swapped.swap(i, i + 1);
            let term: String = swapped.into_iter().collect();
            if let Some(sections) = index.spelled(&term) {
                add(&mut found, term, 1, sections);
            }
        }
        if found.is_empty() && len >= 6 {
            for (term, sections) in index.terms_near(word, 2, 32) {
                let d = edit_distance(&chars, &term.chars().collect::<Vec<_>>());
                add(&mut found, term, d, sections);
            }
        }
    }
    found.retain(|c| c.sections > 0);
    crate::sort::sort_by(&mut found, |a, b| {
        a.distance
            .cmp(&b.distance)
            .then(b.sections.cmp(&a.sections))
            .then(a.term.cmp(&b.term))
    });
    found
}

/// Occurrences of a word read to tell whether the corpus writes it as a name.
const CASE_SAMPLE: usize = 24;

/// Whether the corpus writes `term` with a capital most times it is read
/// here (a name: "Iraq", not "being"); `None` when no occurrence could be
/// read (a split site whose shards have not arrived).
pub fn written_capitalised(index: &Index<'_>, term: &str) -> Option<bool> {
    let (mut upper, mut seen) = (0usize, 0usize);
    for p in index.postings(term) {
        if seen >= CASE_SAMPLE {
            break;
        }
        let s = index.section(p.section);
        if s.text.is_empty() {
            continue;
        }
        let aside = index.aside(&index.doc(s.doc));
        let positions: Vec<u32> = p.positions.iter().take(CASE_SAMPLE - seen).copied().collect();
        for r in position_ranges(s.text, s.start, &aside, &positions) {
            if let Some(c) = s.text.get(r).and_then(|w| w.chars().next()) {
                seen += 1;
                upper += usize::from(c.is_uppercase());
            }
        }
    }
    (seen > 0).then_some(upper * 2 > seen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_swap_is_one_edit_and_a_jamo_slip_is_one_edit() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(edit_distance(&chars("britian"), &chars("britain")), 1);
        assert_eq!(edit_distance(&chars("vietman"), &chars("vietnam")), 2);
        assert_eq!(edit_distance(&jamo("대통녕"), &jamo("대통령")), 1);
        assert_eq!(edit_distance(&jamo("육아휴진"), &jamo("육아휴직")), 1);
        assert!(edit_distance(&jamo("대통가"), &jamo("대통령")) >= 3, "another syllable is not a slip");
    }
}
