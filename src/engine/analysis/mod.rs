//! Text analysis: the one pipeline that turns text into index terms, used for
//! documents at build time and for queries in the browser, so both always agree.
//!
//! Segmentation runs over the *original* text so every token keeps the byte
//! range it came from (highlights are exact). Each token is then normalised on
//! its own, character by character ([`fold_char`]): compatibility
//! decomposition, case folding, and diacritic removal (`États` → `etats`). Hangul is never decomposed (NFD would split syllables
//! into jamo) and Han characters are indexed as overlapping bigrams, so a
//! two-character query finds them without a dictionary.
//!
//! Scripts and shapes handled:
//! - Latin and other alphabetic runs: one token per run of letters and digits;
//!   apostrophes and hyphens split words (`cross-border` → `cross` `border`,
//!   matched as a phrase at query time), and French elided articles (`l’`, `d’`)
//!   are dropped.
//! - Numbers keep their inner `.`/`,` and a trailing `%`: `3.2%`, `145%`, `2,000`.
//!   Letters and digits together stay one token (`5G`, `H20`, `mp3`), except
//!   a name of four letters or more and the number after it, which are two
//!   words as when a hyphen joins them: `DebConf11` as `DebConf 11`,
//!   `Covid19` as `COVID-19`.
//! - Hangul: one token per run of syllables.
//! - Han (CJK ideographs): overlapping bigrams, or the single character when
//!   the run has only one.

pub mod fold;
pub mod lang;
pub mod text;

use std::ops::Range;

/// One analysed token: the normalised term, its position in the token stream
/// (consecutive tokens have consecutive positions) and its byte range in the
/// analysed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The index term: normalised, case- and diacritic-folded.
    pub term: String,
    /// Ordinal of the token in its text, used for phrase matching.
    pub position: u32,
    /// Byte offset of the token's first byte in the analysed text.
    pub start: usize,
    /// Byte offset one past the token's last byte.
    pub end: usize,
}

/// The script class of a character, which decides how a run is segmented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Letters and digits of alphabetic scripts.
    Word,
    /// Hangul syllables and jamo.
    Hangul,
    /// CJK ideographs.
    Han,
    /// Everything else: spaces, punctuation, symbols.
    Other,
}

/// Whether `c` is a precomposed Hangul syllable (가–힣).
#[inline]
pub fn is_hangul_syllable(c: char) -> bool {
    matches!(c as u32, 0xAC00..=0xD7A3)
}

#[inline]
fn class(c: char) -> Class {
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() {
            Class::Word
        } else {
            Class::Other
        };
    }
    match c as u32 {
        0xAC00..=0xD7A3 | 0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xD7B0..=0xD7FF => {
            Class::Hangul
        }
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => Class::Han,
        _ if c.is_alphanumeric() => Class::Word,
        _ => Class::Other,
    }
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

/// French elided forms that carry no meaning of their own (`l’État`, `qu’il`).
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu",
];

/// Appends the folded form of one character: compatibility decomposition
/// (NFKD: full-width forms, ligatures, compatibility ideographs), lower case,
/// and combining marks removed. Hangul syllables and Han ideographs are kept
/// whole. Per-character folding gives the same terms as NFKC followed by
/// diacritic removal for every script the analyser splits into words, and
/// needs no composition tables in the wasm.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if matches!(class(c), Class::Hangul | Class::Han) && !is_compatibility_ideograph(c) {
        out.push(c);
        return;
    }
    fold_other(c, out);
}

/// The fold of a character that is neither ASCII nor kept whole: computed
/// on the host, read from the table written at build time in the app (see
/// [`fold`]), which holds every character the corpus's folds can meet; one
/// it does not hold is kept as it is.
#[cfg(not(target_arch = "wasm32"))]
fn fold_other(c: char, out: &mut String) {
    fold::host_fold(c, out);
}

#[cfg(target_arch = "wasm32")]
fn fold_other(c: char, out: &mut String) {
    match app_table().and_then(|t| t.get(c)) {
        Some(folded) => out.push_str(folded),
        None => out.push(c),
    }
}

#[cfg(target_arch = "wasm32")]
static APP_TABLE: std::sync::OnceLock<fold::FoldTable<'static>> = std::sync::OnceLock::new();

/// Gives the app its fold table, written by `atlas site` beside the index
/// (see `crate::payload`); until then, and for a damaged table, characters
/// outside ASCII are kept as they are. The first table installed stays.
#[cfg(target_arch = "wasm32")]
pub fn install_fold_table(bytes: &'static [u8]) {
    if let Some(table) = fold::FoldTable::new(bytes) {
        let _ = APP_TABLE.set(table);
    }
}

/// The app's fold table, once installed.
#[cfg(target_arch = "wasm32")]
fn app_table() -> Option<fold::FoldTable<'static>> {
    APP_TABLE.get().copied()
}

/// CJK compatibility ideographs (U+F900–FAFF, U+2F800–2FA1F) fold to their
/// unified form.
fn is_compatibility_ideograph(c: char) -> bool {
    matches!(c as u32, 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

/// Whether a character disappears when folded: every part of its
/// compatibility decomposition is a combining mark (U+0301, and letters such
/// as U+FF9E whose NFKD is a mark). It belongs to the token before it, and
/// starts none of its own.
#[inline]
fn folds_to_nothing(c: char) -> bool {
    !c.is_ascii()
        && !matches!(class(c), Class::Hangul | Class::Han)
        && vanishes(c)
}

#[cfg(not(target_arch = "wasm32"))]
fn vanishes(c: char) -> bool {
    fold::host_vanishes(c)
}

#[cfg(target_arch = "wasm32")]
fn vanishes(c: char) -> bool {
    app_table().and_then(|t| t.get(c)) == Some("")
}

/// Normalises one token, character by character with [`fold_char`].
pub fn normalize(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Byte spans of the tokens of `text`, in order, before folding. `emit`
/// receives each span (a Han run yields its bigrams) and returns `false` to
/// stop early. [`tokenize`] and the highlighter share this one scanner, so
/// positions always agree.
pub fn scan(text: &str, mut emit: impl FnMut(usize, usize) -> bool) {
    let bytes = text.as_bytes();
    // ASCII needs no decoding; `i` is always on a character boundary.
    let at = |i: usize| match bytes.get(i) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => text.get(i..).and_then(|rest| rest.chars().next()),
        None => None,
    };
    let mut i = 0;
    while let Some(c) = at(i) {
        let start = i;
        i += c.len_utf8();
        // A mark with nothing before it (U+11127 is alphanumeric and a mark)
        // would fold to an empty term: it starts no token.
        let kind = if folds_to_nothing(c) {
            Class::Other
        } else {
            class(c)
        };
        match kind {
            Class::Other => {}
            Class::Word => {
                let numeric = c.is_numeric();
                let mut last = c;
                while let Some(cj) = at(i) {
                    if class(cj) == Class::Word || folds_to_nothing(cj) {
                        i += cj.len_utf8();
                        last = cj;
                    } else if numeric
                        && matches!(cj, '.' | ',')
                        && last.is_ascii_digit()
                        && at(i + 1).is_some_and(|n| n.is_ascii_digit())
                    {
                        i += 1;
                    } else {
                        break;
                    }
                }
                if numeric && at(i) == Some('%') {
                    i += 1;
                }
                let raw = &text[start..i];
                let elided = at(i).is_some_and(is_apostrophe)
                    && at(i + at(i).map_or(0, char::len_utf8))
                        .is_some_and(|n| class(n) == Class::Word)
                    && ELISIONS.iter().any(|e| raw.eq_ignore_ascii_case(e));
                // The English possessive `’s` is not a word of its own either.
                let possessive = raw.eq_ignore_ascii_case("s")
                    && text[..start].chars().next_back().is_some_and(is_apostrophe);
                if elided || possessive {
                    continue;
                }
                let emitted = match number_after_name(raw) {
                    Some(at) => emit(start, start + at) && emit(start + at, i),
                    None => emit(start, i),
                };
                if !emitted {
                    return;
                }
            }
            Class::Hangul => {
                while let Some(cj) =
                    at(i).filter(|&cj| class(cj) == Class::Hangul || folds_to_nothing(cj))
                {
                    i += cj.len_utf8();
                }
                if !emit(start, i) {
                    return;
                }
            }
            Class::Han => {
                let second = at(i).filter(|&n| class(n) == Class::Han);
                let Some(second) = second else {
                    if !emit(start, i) {
                        return;
                    }
                    continue;
                };
                // Overlapping bigrams: emit this pair, then continue from the second character.
                if !emit(start, i + second.len_utf8()) {
                    return;
                }
                if at(i + second.len_utf8()).is_none_or(|n| class(n) != Class::Han) {
                    i += second.len_utf8();
                }
            }
        }
    }
}

/// Where the number glued to a name starts ("DebConf11": 7): a word of four
/// letters or more, then one to four ASCII digits to its end.
fn number_after_name(word: &str) -> Option<usize> {
    let at = word.find(|c: char| c.is_ascii_digit())?;
    let (name, number) = word.split_at(at);
    (name.chars().count() >= 4
        && name.chars().all(char::is_alphabetic)
        && (1..=4).contains(&number.len())
        && number.bytes().all(|b| b.is_ascii_digit()))
    .then_some(at)
}

/// Whether byte `at` of a document lies in one of its (sorted, disjoint)
/// aside spans: tokens starting there are neither indexed nor counted.
pub fn in_aside(aside: &[Range<usize>], at: usize) -> bool {
    let i = aside.partition_point(|r| r.end <= at);
    aside.get(i).is_some_and(|r| r.start <= at)
}

/// The one walk that gives a section's tokens their positions: the spans of
/// the tokens of `text` that do not start in an aside span (`base` is the
/// section's offset in its document), in order, so the n-th span `emit`
/// receives is position n. The writer indexes them, the place finder counts
/// them and the highlighter maps positions back to text with them.
/// `emit` returns `false` to stop.
pub fn indexed(
    text: &str,
    base: usize,
    aside: &[Range<usize>],
    mut emit: impl FnMut(usize, usize) -> bool,
) {
    scan(text, |start, end| in_aside(aside, base + start) || emit(start, end));
}

/// Splits `text` into tokens. See the module documentation for the rules.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    scan(text, |start, end| {
        let position = tokens.len() as u32;
        tokens.push(Token {
            term: normalize(&text[start..end]),
            position,
            start,
            end,
        });
        true
    });
    tokens
}

/// The terms of `text` without positions or offsets, for callers that only
/// need the vocabulary (query analysis).
pub fn terms(text: &str) -> Vec<String> {
    tokenize(text).into_iter().map(|t| t.term).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> Vec<String> {
        terms(text)
    }

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(t("États-Unis Pékin"), ["etats", "unis", "pekin"]);
    }

    #[test]
    fn keeps_numbers_and_codes_whole() {
        assert_eq!(
            t("145% 3.2% 5G 2,000 H20."),
            ["145%", "3.2%", "5g", "2,000", "h20"]
        );
    }

    #[test]
    fn a_name_and_its_number_are_two_words() {
        assert_eq!(
            t("DebConf11 Covid19 COVID-19 Windows10 mp3 H264 x86 ipv6 2nd 1980s Debconf12345"),
            ["debconf", "11", "covid", "19", "covid", "19", "windows", "10", "mp3", "h264", "x86", "ipv6", "2nd", "1980s", "debconf12345"]
        );
    }

    #[test]
    fn drops_french_elision_and_english_possessive() {
        assert_eq!(
            t("l’économie d'approvisionnement Kong’s"),
            ["economie", "approvisionnement", "kong"]
        );
    }

    #[test]
    fn hangul_runs_are_not_decomposed() {
        assert_eq!(t("홍콩과 선전"), ["홍콩과", "선전"]);
    }

    #[test]
    fn han_runs_become_bigrams() {
        assert_eq!(t("孫東 深圳市"), ["孫東", "深圳", "圳市"]);
        let toks = tokenize("深圳市");
        assert_eq!((toks[1].start, toks[1].end), (3, 9));
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "Zhijiang le 25 avril, « Hong Kong »";
        for tok in tokenize(text) {
            assert_eq!(normalize(&text[tok.start..tok.end]), tok.term);
        }
    }

    #[test]
    fn compatibility_forms_fold() {
        assert_eq!(
            t("ＡＩ ﬁntech ２０２５ 北京"),
            ["ai", "fintech", "2025", "北京"]
        );
        assert_eq!(
            normalize("\u{F900}"),
            "豈",
            "a compatibility ideograph folds to the unified one"
        );
    }

    #[test]
    fn a_lone_mark_is_not_a_token() {
        assert!(t("\u{11127}: \u{301} \u{ff9e}").is_empty());
        assert_eq!(t("a\u{11127}b"), ["ab"]);
    }

    #[test]
    fn decomposed_accents_stay_in_their_word() {
        assert_eq!(t("Pe\u{301}kin E\u{301}tats"), ["pekin", "etats"]);
        assert_eq!(t("Pékin États"), ["pekin", "etats"]);
    }
}
