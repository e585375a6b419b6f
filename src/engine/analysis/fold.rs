//! How one character folds ([`super::fold_char`]): compatibility
//! decomposition (NFKD), lower case, combining marks removed.
//!
//! On the host (the builder, the CLI, the tests) the fold is computed with
//! `unicode-normalization`. Its tables were 61 KB of the app's gzipped wasm,
//! so the app carries instead a [`FoldTable`] written at build time: the
//! fold of every character of the corpus's texts and of the scripts readers
//! type in (Latin, Greek, Cyrillic with their accents, ligatures, full-width
//! and mathematical letters …), and of the capitals of the corpus's letters,
//! whose fold is not themselves; the app keeps any other character as it is
//! (so it carries no Unicode case tables either). The two
//! agree on every character the table holds (a test checks it), which is
//! every character the index was built from, so a query folds in the browser
//! exactly as the texts were folded at build time.

/// The fold of characters whose fold is not themselves, looked up by
/// binary search. Layout (little-endian): `n: u32`, `n` keys (`u32` code
/// points, ascending), `n` ends (`u32`, end of each fold in the text), then
/// the folds' UTF-8 text.
#[derive(Debug, Clone, Copy)]
pub struct FoldTable<'a> {
    bytes: &'a [u8],
    n: usize,
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

impl<'a> FoldTable<'a> {
    /// Reads a table; `None` when `bytes` is not one.
    pub fn new(bytes: &'a [u8]) -> Option<Self> {
        let n = u32_at(bytes, 0)? as usize;
        let text_at = n.checked_mul(8)?.checked_add(4)?;
        let table = FoldTable { bytes, n };
        let last_end = if n == 0 { 0 } else { u32_at(bytes, 4 + 4 * n + 4 * (n - 1))? as usize };
        (bytes.len() >= text_at.checked_add(last_end)?).then_some(table)
    }

    /// The fold of `c`, if the table holds it (`""` for a character that
    /// folds to nothing, such as a combining accent).
    pub fn get(&self, c: char) -> Option<&'a str> {
        let key = |i: usize| u32_at(self.bytes, 4 + 4 * i).unwrap_or(u32::MAX);
        let (mut lo, mut hi) = (0, self.n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match key(mid).cmp(&(c as u32)) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return self.fold_at(mid),
            }
        }
        None
    }

    fn fold_at(&self, i: usize) -> Option<&'a str> {
        let end_of = |i: usize| u32_at(self.bytes, 4 + 4 * self.n + 4 * i).map(|e| e as usize);
        let start = if i == 0 { 0 } else { end_of(i - 1)? };
        let text = 4 + 8 * self.n;
        std::str::from_utf8(self.bytes.get(text + start..text + end_of(i)?)?).ok()
    }

    /// Number of characters held.
    pub fn len(&self) -> usize {
        self.n
    }

    /// Whether the table holds no character.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }
}

/// Writes the table of `folds`: (character, its fold), in any order.
pub fn encode_table(folds: &[(char, String)]) -> Vec<u8> {
    let mut sorted: Vec<&(char, String)> = folds.iter().collect();
    crate::sort::sort_by_key(&mut sorted, |(c, _)| *c);
    sorted.dedup_by_key(|(c, _)| *c);
    let mut keys = Vec::new();
    let mut ends = Vec::new();
    let mut text = String::new();
    for (c, fold) in sorted {
        keys.extend_from_slice(&(*c as u32).to_le_bytes());
        text.push_str(fold);
        ends.extend_from_slice(&(text.len() as u32).to_le_bytes());
    }
    let mut out = ((keys.len() / 4) as u32).to_le_bytes().to_vec();
    out.extend(keys);
    out.extend(ends);
    out.extend(text.into_bytes());
    out
}

/// Ranges of code points readers type in beyond ASCII, folded whether or not
/// the corpus has them: Latin (with accents and Vietnamese), IPA and spacing
/// modifiers, combining accents, Greek, Cyrillic, general punctuation and
/// letter-like symbols, number forms, enclosed alphanumerics, CJK and
/// full-width punctuation and compatibility forms, ligatures, and the
/// mathematical alphanumerics of styled social-media text.
pub const TYPED: &[std::ops::RangeInclusive<u32>] = &[
    0x0080..=0x052F,
    0x1E00..=0x1FFF,
    0x2000..=0x24FF,
    0x3000..=0x303F,
    0x3200..=0x33FF,
    0xFB00..=0xFB4F,
    0xFE30..=0xFE6F,
    0xFF00..=0xFFEF,
    0x1D400..=0x1D7FF,
];

/// The host's fold of one character (NFKD, lower case, combining marks
/// removed), the reference the app's table is made from.
#[cfg(not(target_arch = "wasm32"))]
pub fn host_fold(c: char, out: &mut String) {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization as _;
    for d in std::iter::once(c).nfkd().filter(|d| !is_combining_mark(*d)) {
        out.extend(d.to_lowercase());
    }
}

/// Whether every part of `c`'s compatibility decomposition is a combining
/// mark: its fold is empty.
#[cfg(not(target_arch = "wasm32"))]
pub fn host_vanishes(c: char) -> bool {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization as _;
    std::iter::once(c).nfkd().all(is_combining_mark)
}

/// The table for `chars`, every character of [`TYPED`], and the capitals
/// of both and of what they fold to (a reader may type `Ω` for the corpus's
/// `ω`, or `Ɑ` for the `ɑ` that `ᵅ` folds to): each whose fold by
/// [`super::fold_char`] is not itself.
#[cfg(not(target_arch = "wasm32"))]
pub fn table_for(chars: impl IntoIterator<Item = char>) -> Vec<u8> {
    let typed = TYPED.iter().flat_map(|r| r.clone()).filter_map(char::from_u32);
    let mut seen: Vec<char> = chars.into_iter().chain(typed).filter(|c| !c.is_ascii()).collect();
    let folded: Vec<char> = seen
        .iter()
        .flat_map(|&c| {
            let mut out = String::new();
            super::fold_char(c, &mut out);
            out.chars().collect::<Vec<_>>()
        })
        .collect();
    let capitals: Vec<char> = seen.iter().chain(&folded).flat_map(|c| c.to_uppercase()).filter(|c| !c.is_ascii()).collect();
    seen.extend(capitals);
    crate::sort::sort(&mut seen);
    seen.dedup();
    let folds: Vec<(char, String)> = seen
        .into_iter()
        .filter_map(|c| {
            let mut folded = String::new();
            super::fold_char(c, &mut folded);
            (folded.chars().ne([c])).then_some((c, folded))
        })
        .collect();
    encode_table(&folds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_folds_what_it_holds_as_the_host_does_and_nothing_else() {
        let corpus = "Ǆemal visited Zürich, ﬁnance ＴＯＫＹＯ 𝐁𝐨𝐥𝐝 Ⅻ e\u{301} ひらがな ա";
        let bytes = table_for(corpus.chars());
        let table = FoldTable::new(&bytes).expect("a table");
        assert!(table.len() > 500, "the typed scripts are in: {}", table.len());
        for c in corpus.chars().chain(TYPED.iter().flat_map(|r| r.clone()).filter_map(char::from_u32)) {
            if c.is_ascii() {
                continue;
            }
            let mut host = String::new();
            super::super::fold_char(c, &mut host);
            let from_table = table.get(c).map_or_else(|| c.to_string(), str::to_owned);
            assert_eq!(from_table, host, "{c:?} U+{:04X}", c as u32);
        }
        assert_eq!(table.get('Ա'), Some("ա"), "the capital of a letter of the corpus");
        assert_eq!(table.get('Ж'), Some("ж"), "a capital of a typed script");
        let modifier = table_for("ᵅ".chars());
        let modifier = FoldTable::new(&modifier).expect("a table");
        assert_eq!(modifier.get('ᵅ'), Some("ɑ"));
        assert_eq!(modifier.get('Ɑ'), Some("ɑ"), "the capital of what a character folds to");
        assert_eq!(table.get('ü'), Some("u"));
        assert_eq!(table.get('\u{301}'), Some(""), "an accent folds to nothing");
        assert_eq!(table.get('ﬁ'), Some("fi"));
        assert_eq!(table.get('가'), None, "Hangul is kept whole");
        assert_eq!(table.get('a'), None);
    }

    #[test]
    fn a_damaged_table_is_refused_not_misread() {
        let bytes = table_for("é".chars());
        assert!(FoldTable::new(&bytes[..bytes.len() - 1]).is_none());
        assert!(FoldTable::new(&[1, 0]).is_none());
        let empty = encode_table(&[]);
        assert!(FoldTable::new(&empty).is_some_and(|t| t.is_empty()));
    }
}
