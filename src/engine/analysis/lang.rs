//! Language-specific term variants, so that a reader's bare word finds its
//! inflected forms. A variant key points at the surface terms it stands for
//! (see the `variants` region in format.rs), so its matches are exactly their
//! positions, without storing them twice.
//!
//! Each variant lives in its own key space (a control byte no typed word can
//! contain, then the language), so variants never collide with surface terms:
//!
//! ```text
//! economie          surface term (every token)
//! \u{1}fr:econom    French Snowball stem (tokens of French sections)
//! \u{1}en:economi   English Snowball stem (tokens of English sections)
//! \u{1}ko:선전      Korean noun with its particles stripped (every Hangul token)
//! ```
//!
//! A query's language is unknown, so the query side looks up every variant of
//! each word (see [`query_variants`]).
//!
//! **Korean.** Nouns carry particles (홍콩과, 홍콩은, 선전과의, 첸하이와도). No
//! Korean morphological dictionary can be fetched here, so [`korean_stem`]
//! strips known particles from the end of a Hangul run, longest first, at most
//! twice (첸하이와도 → 첸하이), never below two syllables, and only where the
//! particle fits the syllable before it: particles alternate on a final
//! consonant (홍콩이 but 첸하이 keeps its 이, which follows an open syllable).
//! The same function runs on documents and on queries, so an over-eager strip
//! can only widen a match, never lose one.

use rust_stemmers::{Algorithm, Stemmer};

/// First character of every variant key.
pub const VARIANT_MARK: char = '\u{1}';

/// Languages with a Snowball stemmer here.
pub const STEMMED: &[&str] = &["en", "fr"];

/// What a particle needs from the syllable before it: Korean particles come
/// in pairs chosen by whether that syllable ends in a consonant (batchim):
/// 이/가, 은/는, 을/를, 과/와, 으로/로.
#[derive(Clone, Copy, PartialEq, Eq)]
enum After {
    /// After a final consonant (홍콩이, 선전과).
    Consonant,
    /// After a vowel, or for 로-forms a final ㄹ (첸하이와, 서울로).
    Vowel,
    /// After anything (의, 에, 도, 에서 …).
    Any,
}

/// Korean particles and endings that follow nouns, longest first.
const PARTICLES: &[(&str, After)] = &[
    ("에서부터", After::Any),
    ("으로부터", After::Consonant),
    ("으로서", After::Consonant),
    ("으로써", After::Consonant),
    ("으로는", After::Consonant),
    ("이라는", After::Consonant),
    ("에서는", After::Any),
    ("에서도", After::Any),
    ("에서의", After::Any),
    ("에게서", After::Any),
    ("까지는", After::Any),
    ("부터는", After::Any),
    ("에서", After::Any),
    ("에게", After::Any),
    ("께서", After::Any),
    ("으로", After::Consonant),
    ("부터", After::Any),
    ("까지", After::Any),
    ("처럼", After::Any),
    ("보다", After::Any),
    ("와도", After::Vowel),
    ("과도", After::Consonant),
    ("과의", After::Consonant),
    ("와의", After::Vowel),
    ("에는", After::Any),
    ("에도", After::Any),
    ("에의", After::Any),
    ("이나", After::Consonant),
    ("이며", After::Consonant),
    ("이다", After::Consonant),
    ("라는", After::Vowel),
    ("로서", After::Vowel),
    ("로써", After::Vowel),
    ("로는", After::Vowel),
    ("로의", After::Vowel),
    ("만의", After::Any),
    ("은", After::Consonant),
    ("는", After::Vowel),
    ("이", After::Consonant),
    ("가", After::Vowel),
    ("을", After::Consonant),
    ("를", After::Vowel),
    ("과", After::Consonant),
    ("와", After::Vowel),
    ("로", After::Vowel),
    ("의", After::Any),
    ("에", After::Any),
    ("도", After::Any),
    ("만", After::Any),
    ("께", After::Any),
];

/// The final consonant (jong) index of a Hangul syllable: 0 for none, 8 for ㄹ.
fn final_consonant(c: char) -> Option<u32> {
    let code = c as u32;
    (0xAC00..=0xD7A3)
        .contains(&code)
        .then(|| (code - 0xAC00) % 28)
}

fn fits(before: char, after: After, particle: &str) -> bool {
    let Some(jong) = final_consonant(before) else {
        return false;
    };
    match after {
        After::Any => true,
        After::Consonant => jong != 0,
        // 로-forms also follow ㄹ (서울로); the others want an open syllable.
        After::Vowel => jong == 0 || (jong == 8 && particle.starts_with('로')),
    }
}

fn stemmer(lang: &str) -> Option<Stemmer> {
    match lang {
        "en" => Some(Stemmer::create(Algorithm::English)),
        "fr" => Some(Stemmer::create(Algorithm::French)),
        _ => None,
    }
}

/// `term` without its trailing Korean particles (see the module docs).
pub fn korean_stem(term: &str) -> &str {
    // Every particle ends in a Hangul syllable: other words (most words of
    // most corpora, since places are matched on every token) end here.
    if !term.chars().next_back().is_some_and(super::is_hangul_syllable) {
        return term;
    }
    let mut stem = term;
    for _ in 0..2 {
        let rest = PARTICLES.iter().find_map(|&(p, after)| {
            let rest = stem.strip_suffix(p)?;
            let before = rest.chars().next_back()?;
            (fits(before, after, p) && rest.chars().count() >= 2).then_some(rest)
        });
        match rest {
            Some(rest) => stem = rest,
            None => break,
        }
    }
    stem
}

fn is_hangul(term: &str) -> bool {
    term.chars()
        .next()
        .is_some_and(super::is_hangul_syllable)
}

/// The word a token contributes to matching names of places and
/// organisations: Korean nouns without their particles, so 선전과 meets the
/// alias 선전. Documents (build time) and queries (browser) both use it.
pub fn alias_word(term: &str) -> &str {
    korean_stem(term)
}

/// The normalised form of a sequence of analysed words, as aliases are keyed:
/// each word's [`alias_word`], joined by single spaces.
pub fn alias_form(terms: &[String]) -> String {
    terms
        .iter()
        .map(|t| alias_word(t))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The key of a variant.
pub fn variant_key(lang: &str, form: &str) -> String {
    format!("{VARIANT_MARK}{lang}:{form}")
}

/// Produces index variants for the tokens of one section.
pub struct Variants {
    stemmer: Option<(&'static str, Stemmer)>,
}

impl Variants {
    /// Variants for text in `lang` (ISO 639-1; stemming only where supported).
    pub fn for_language(lang: &str) -> Self {
        let stemmer = STEMMED
            .iter()
            .find(|l| **l == lang)
            .and_then(|l| stemmer(l).map(|s| (*l, s)));
        Variants { stemmer }
    }

    /// The variant keys to index for a folded `term`, beside the term itself.
    pub fn of(&self, term: &str) -> Option<String> {
        if is_hangul(term) {
            return Some(variant_key("ko", korean_stem(term)));
        }
        let (lang, stemmer) = self.stemmer.as_ref()?;
        if term.chars().next().is_some_and(char::is_alphabetic) {
            Some(variant_key(lang, &stemmer.stem(term)))
        } else {
            None
        }
    }
}

/// Every variant key a query word may meet in the index: its Korean stem, or
/// its stem in each stemmed language (the query's language is unknown).
pub fn query_variants(term: &str) -> Vec<String> {
    if is_hangul(term) {
        return vec![variant_key("ko", korean_stem(term))];
    }
    if !term.chars().next().is_some_and(char::is_alphabetic) {
        return Vec::new();
    }
    let mut out: Vec<String> = STEMMED
        .iter()
        .filter_map(|l| stemmer(l).map(|s| variant_key(l, &s.stem(term))))
        .collect();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_particles_are_stripped() {
        for (form, stem) in [
            ("홍콩과", "홍콩"),
            ("홍콩은", "홍콩"),
            ("홍콩이", "홍콩"),
            ("선전과의", "선전"),
            ("첸하이와도", "첸하이"),
            ("기업의", "기업"),
            ("홍콩", "홍콩"),
            ("에어리어에서", "에어리어"),
            ("나이", "나이"),
            ("첸하이", "첸하이"),
            ("하이난을", "하이난"),
            ("서울로", "서울"),
            ("이", "이"),
        ] {
            assert_eq!(korean_stem(form), stem, "{form}");
        }
    }

    #[test]
    fn french_and_english_stems_meet_the_query() {
        let fr = Variants::for_language("fr");
        let en = Variants::for_language("en");
        // A French document's "économique" (folded) and the query "economie".
        let doc = fr.of("economique").unwrap();
        assert!(query_variants("economie").contains(&doc), "{doc}");
        let doc = en.of("chains").unwrap();
        assert!(query_variants("chain").contains(&doc));
        assert_eq!(fr.of("2026"), None, "numbers are not stemmed");
        assert_eq!(Variants::for_language("de").of("wirtschaft"), None);
    }
}
