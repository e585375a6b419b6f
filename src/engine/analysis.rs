//! Text analysis: the one pipeline that turns text into index terms, used for
//! documents at build time and for queries in the browser, so both always agree.
//!
//! Segmentation runs over the *original* text so every token keeps the byte
//! range it came from (highlights are exact). Each token is then normalised on
//! its own: NFKC, case folding, and diacritic folding for alphabetic scripts
//! (`États` → `etats`). Hangul is never decomposed (NFD would split syllables
//! into jamo) and Han characters are indexed as overlapping bigrams, so a
//! two-character query finds them without a dictionary.
//!
//! Scripts and shapes handled:
//! - Latin and other alphabetic runs: one token per run of letters and digits;
//!   apostrophes and hyphens split words (`cross-border` → `cross` `border`,
//!   matched as a phrase at query time), and French elided articles (`l’`, `d’`)
//!   are dropped.
//! - Numbers keep their inner `.`/`,` and a trailing `%`: `3.2%`, `145%`, `2,000`.
//!   Letters and digits together stay one token: `5G`, `H20`.
//! - Hangul: one token per run of syllables.
//! - Han (CJK ideographs): overlapping bigrams, or the single character when
//!   the run has only one.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

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

fn class(c: char) -> Class {
    match c as u32 {
        0xAC00..=0xD7A3 | 0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xD7B0..=0xD7FF => {
            Class::Hangul
        }
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => Class::Han,
        _ if c.is_alphanumeric() => Class::Word,
        _ => Class::Other,
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

/// French elided forms that carry no meaning of their own (`l’État`, `qu’il`).
const ELISIONS: &[&str] = &["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"];

/// Normalises one token: NFKC, lower case, diacritics removed from alphabetic
/// scripts. Hangul and Han pass through NFKC only.
pub fn normalize(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.nfkc() {
        for lower in c.to_lowercase() {
            match class(lower) {
                Class::Hangul | Class::Han => out.push(lower),
                _ => out.extend(lower.nfd().filter(|m| !is_combining_mark(*m))),
            }
        }
    }
    out
}

/// Splits `text` into tokens. See the module documentation for the rules.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut position = 0u32;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        match class(c) {
            Class::Other => i += 1,
            Class::Word => {
                let mut j = i + 1;
                let numeric = c.is_numeric();
                while j < chars.len() {
                    let cj = chars[j].1;
                    if class(cj) == Class::Word {
                        j += 1;
                    } else if numeric
                        && matches!(cj, '.' | ',')
                        && chars.get(j + 1).is_some_and(|&(_, n)| n.is_ascii_digit())
                        && chars[j - 1].1.is_ascii_digit()
                    {
                        j += 2;
                    } else {
                        break;
                    }
                }
                if numeric && chars.get(j).is_some_and(|&(_, p)| p == '%') {
                    j += 1;
                }
                let end = byte_at(j);
                let term = normalize(&text[start..end]);
                let elided = chars.get(j).is_some_and(|&(_, a)| is_apostrophe(a))
                    && chars.get(j + 1).is_some_and(|&(_, n)| class(n) == Class::Word)
                    && ELISIONS.contains(&term.as_str());
                // The English possessive `’s` is not a word of its own either.
                let possessive = term == "s" && i > 0 && is_apostrophe(chars[i - 1].1);
                if !elided && !possessive {
                    tokens.push(Token { term, position, start, end });
                    position += 1;
                }
                i = j;
            }
            Class::Hangul => {
                let mut j = i + 1;
                while j < chars.len() && class(chars[j].1) == Class::Hangul {
                    j += 1;
                }
                let end = byte_at(j);
                tokens.push(Token { term: normalize(&text[start..end]), position, start, end });
                position += 1;
                i = j;
            }
            Class::Han => {
                let mut j = i + 1;
                while j < chars.len() && class(chars[j].1) == Class::Han {
                    j += 1;
                }
                if j - i == 1 {
                    let end = byte_at(j);
                    tokens.push(Token { term: normalize(&text[start..end]), position, start, end });
                    position += 1;
                } else {
                    for k in i..j - 1 {
                        let (s, e) = (byte_at(k), byte_at(k + 2));
                        tokens.push(Token { term: normalize(&text[s..e]), position, start: s, end: e });
                        position += 1;
                    }
                }
                i = j;
            }
        }
    }
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
        assert_eq!(t("145% 3.2% 5G 2,000 H20."), ["145%", "3.2%", "5g", "2,000", "h20"]);
    }

    #[test]
    fn drops_french_elision_and_english_possessive() {
        assert_eq!(t("l’économie d'approvisionnement Kong’s"), ["economie", "approvisionnement", "kong"]);
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
    fn nfkc_folds_compatibility_forms() {
        assert_eq!(t("ＡＩ ﬁntech"), ["ai", "fintech"]);
    }
}
