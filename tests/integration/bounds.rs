//! Queries arrive from anyone's shared URL: a huge one is cut, answered and
//! explained, never a hang, a panic or an allocation abort.

use std::time::Instant;

use corpus_atlas::engine::query::{parse, MAX_CLAUSES, MAX_QUERY_CHARS};
use corpus_atlas::engine::search::{search, SearchOptions};

#[test]
fn a_hundred_kilobyte_word_is_answered_with_a_hint() {
    let index = corpus_atlas::index().unwrap();
    let word: String = "shenzhenx".repeat(100_000 / 9);
    let started = Instant::now();
    let r = search(index, &word, SearchOptions { typing: false });
    crate::figure(&format!("bounds: a {} byte unknown word answered in {:?}", word.len(), started.elapsed()));
    assert!(r.hits.is_empty());
    assert!(
        r.hints.iter().any(|h| h.to_string().contains("longer than 1000 characters")),
        "{:?}",
        r.hints
    );
    assert!(r.hints.iter().any(|h| h.to_string().contains("too long to look up")), "{:?}", r.hints);
}

#[test]
fn a_query_of_thousands_of_words_searches_the_first_ones() {
    let index = corpus_atlas::index().unwrap();
    let many = "Hong Kong unknownword ".repeat(5_000);
    let started = Instant::now();
    let r = search(index, &many, SearchOptions { typing: false });
    crate::figure(&format!("bounds: {} bytes of words answered in {:?}", many.len(), started.elapsed()));
    assert!(r.hints.iter().any(|h| h.to_string().contains("more than 32 words")), "{:?}", r.hints);
    // Only a few unknown words are looked up at other spellings.
    assert!(r.hints.iter().any(|h| h.to_string().contains("only 4 unknown words")), "{:?}", r.hints);
    let q = parse(&many, false);
    assert!(q.clauses.len() <= MAX_CLAUSES);
    assert!(MAX_QUERY_CHARS >= 200, "a long ordinary question still fits");
}

#[test]
fn long_han_hangul_and_operator_runs_are_answered() {
    let index = corpus_atlas::index().unwrap();
    // Just under the cut, where the most bigrams and jamo are worked on.
    let han: String = "深圳".repeat(499);
    let r = search(index, &han, SearchOptions::default());
    assert!(!r.hints.iter().any(|h| h.to_string().contains("longer than")), "{:?}", r.hints);
    assert!(r.hits.is_empty() && r.hints.iter().any(|h| h.to_string().contains("No section contains")), "{:?}", r.hints);
    let hangul: String = "선전과의".repeat(249);
    let r = search(index, &hangul, SearchOptions::default());
    assert!(r.hints.iter().any(|h| h.to_string().contains("too long to look up")), "{:?}", r.hints);
    for q in ["-".repeat(999), "\"".repeat(999), "OR ".repeat(333)] {
        let r = search(index, &q, SearchOptions::default());
        assert!(
            r.hints.iter().any(|h| h.to_string().contains("Nothing to search for") || h.to_string().contains("OR needs a word")),
            "{:?} for {} bytes",
            r.hints,
            q.len()
        );
    }
    // The spelling budget goes to words worth looking up, and says which were left.
    let r = search(index, "ab cd ef gh guangzhuo", SearchOptions::default());
    assert!(r.corrections.iter().any(|c| c.1 == "guangzhou"), "{:?}", r.hints);
    let r = search(index, "qqqqqa qqqqqb qqqqqc qqqqqd qqqqqe qqqqqf", SearchOptions::default());
    assert_eq!(
        r.hints.iter().filter(|h| h.to_string().contains("not looked up")).count(),
        1,
        "one hint names the words left: {:?}",
        r.hints
    );
}
