//! Which words the research tools count, and in what form: index terms
//! (folded by the analysis pipeline), Korean nouns without their particles
//! (부산과, 부산은 and 부산 are one word), and never stop words, numbers or
//! single characters.

use crate::engine::analysis::lang::{korean_stem, variant_key};
use crate::engine::analysis::{is_hangul_syllable, terms};
use crate::engine::index::{Index, Posting};

use super::stopwords::is_stop_word;

/// The form a folded index term is counted under: a Korean noun without
/// its particles, any other term as it is.
pub fn word_form(term: &str) -> &str {
    if term.starts_with(is_hangul_syllable) {
        korean_stem(term)
    } else {
        term
    }
}

/// Whether a word (in [`word_form`]) is worth listing: not a stop word,
/// not a number (a term without a letter), longer than one character.
pub fn is_content_word(word: &str) -> bool {
    let mut chars = word.chars();
    let long = chars.next().is_some() && chars.next().is_some();
    long && word.chars().any(char::is_alphabetic) && !is_stop_word(word)
}

/// The words of a query, in [`word_form`]: what its own collocates leave out.
pub fn query_words(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for term in terms(query) {
        for form in [word_form(&term).to_owned(), term] {
            if !out.contains(&form) {
                out.push(form);
            }
        }
    }
    out
}

/// The postings of a word (in [`word_form`]) without positions: a Korean
/// noun's are those of every surface form it stands for.
pub fn word_postings(index: &Index<'_>, word: &str) -> Vec<Posting> {
    if word.starts_with(is_hangul_syllable) {
        index.key_postings(&variant_key("ko", word))
    } else {
        index.counts(word)
    }
}

/// How many times a word (in [`word_form`]) occurs in the corpus (page
/// furniture, which is not indexed, left out).
pub fn corpus_frequency(index: &Index<'_>, word: &str) -> u64 {
    word_postings(index, word)
        .iter()
        .map(|p| u64::from(p.tf))
        .sum()
}

/// Indexed tokens in the whole corpus: the sum of the sections' counts.
pub fn corpus_tokens(index: &Index<'_>) -> u64 {
    (0..index.section_count()).map(|s| u64::from(index.section_len(s))).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_nouns_are_counted_without_particles() {
        assert_eq!(word_form("부산과"), "부산");
        assert_eq!(word_form("economy"), "economy");
    }

    #[test]
    fn stop_words_numbers_and_single_characters_are_not_content() {
        for word in ["the", "2019", "3.2%", "x", "les", ""] {
            assert!(!is_content_word(word), "{word}");
        }
        for word in ["economy", "5g", "인천", "经济"] {
            assert!(is_content_word(word), "{word}");
        }
    }

    #[test]
    fn a_query_names_its_words_and_their_forms() {
        assert_eq!(query_words("Hong Kong"), ["hong", "kong"]);
        assert_eq!(query_words("부산과"), ["부산", "부산과"]);
    }
}
