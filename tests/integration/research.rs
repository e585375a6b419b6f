//! The research commands on the demo corpus, checked against the text
//! itself: offsets that point at the matched words, counts that add up to
//! the highlights, word totals that are the sections' token counts.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use corpus_atlas::engine::analysis::{indexed, normalize};
use corpus_atlas::engine::research::stopwords::is_stop_word;
use corpus_atlas::engine::research::words::word_form;
use corpus_atlas::engine::search::{doc_highlights, search, SearchOptions};
use corpus_atlas::engine::Index;
use serde_json::Value;

/// Runs atlas; its exit code and stdout parsed as JSON (Null if not JSON).
fn atlas(args: &[&str]) -> (Option<i32>, Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_atlas")).args(args).output().expect("run atlas");
    let stdout = String::from_utf8_lossy(&out.stdout);
    (
        out.status.code(),
        serde_json::from_str(&stdout).unwrap_or(Value::Null),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn rows(args: &[&str]) -> Vec<Value> {
    let (code, value, stderr) = atlas(args);
    assert_eq!(code, Some(0), "{args:?}: {stderr}");
    value.as_array().cloned().unwrap_or_else(|| panic!("{args:?} prints no JSON array"))
}

fn index() -> &'static Index<'static> {
    corpus_atlas::index().unwrap()
}

/// Highlight ranges outside furniture over the documents the search finds.
fn highlights_in_matching_docs(query: &str) -> usize {
    let index = index();
    let docs: BTreeSet<u32> = search(index, query, SearchOptions::default()).hits.iter().map(|h| h.doc).collect();
    docs.into_iter()
        .map(|d| {
            let aside = index.aside(&index.doc(d));
            doc_highlights(index, query, d, SearchOptions::default())
                .into_iter()
                .filter(|r| !aside.iter().any(|a| a.contains(&r.start)))
                .count()
        })
        .sum()
}

fn check_concordance(query: &str) -> Vec<Value> {
    let index = index();
    let rows = rows(&["concordance", query, "--json"]);
    assert!(!rows.is_empty(), "{query}");
    assert_eq!(rows.len(), highlights_in_matching_docs(query), "{query}");
    for row in &rows {
        let doc = index.doc_by_id(row["doc"].as_str().unwrap()).expect("a document id");
        let (start, end) = (row["start"].as_u64().unwrap() as usize, row["end"].as_u64().unwrap() as usize);
        assert_eq!(doc.text.get(start..end), row["match"].as_str(), "{row}");
        let before: Vec<&str> = doc.text[..start].split_whitespace().collect();
        let left = row["left"].as_str().unwrap().trim();
        assert!(before.join(" ").ends_with(left), "left context is not the text before the match: {row}");
        let after: Vec<&str> = doc.text[end..].split_whitespace().collect();
        assert!(after.join(" ").starts_with(row["right"].as_str().unwrap().trim()), "{row}");
        let sections: Vec<usize> = (0..doc.section_count).map(|s| index.section(doc.first_section + s).start).collect();
        let expected = (sections.len() > 1).then(|| sections.iter().rposition(|&s| s <= start).unwrap());
        assert_eq!(row["section"].as_u64().map(|s| s as usize), expected, "{row}");
    }
    rows
}

#[test]
fn concordance_offsets_point_at_the_matched_text_and_count_every_highlight() {
    let rows = check_concordance("Hong Kong");
    let limited = self::rows(&["concordance", "Hong Kong", "--json", "--limit", "3"]);
    assert_eq!(limited, rows[..3]);
    let sorted = self::rows(&["concordance", "Hong Kong", "--json", "--sort", "right"]);
    assert_eq!(sorted.len(), rows.len());
}

#[test]
fn a_korean_query_finds_its_forms_with_particles() {
    let rows = check_concordance("홍콩");
    assert!(rows.iter().any(|r| r["match"].as_str().unwrap().starts_with("홍콩")), "{rows:?}");
    let found = self::rows(&["collocates", "홍콩", "--json"]);
    assert!(!found.is_empty());
    assert!(found.iter().all(|c| !c["term"].as_str().unwrap().starts_with("홍콩")), "{found:?}");
    let trends = self::rows(&["trends", "홍콩", "--json"]);
    let total: u64 = trends.iter().map(|r| r["matches"].as_u64().unwrap()).sum();
    assert_eq!(total as usize, rows.len());
}

#[test]
fn trends_add_up_to_the_concordance_and_count_the_words_of_each_period() {
    let index = index();
    let concordance = rows(&["concordance", "Hong Kong", "--json"]);
    let trends = rows(&["trends", "Hong Kong", "--json"]);
    let matches: u64 = trends.iter().map(|r| r["matches"].as_u64().unwrap()).sum();
    assert_eq!(matches as usize, concordance.len(), "every document of the demo corpus has a date");
    let mut words: BTreeMap<String, u64> = BTreeMap::new();
    let mut docs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for period in trends.iter().map(|r| r["period"].as_str().unwrap()) {
        for d in index.docs().filter(|d| d.date.starts_with(period)) {
            let tokens: u64 = (0..d.section_count).map(|s| u64::from(index.section(d.first_section + s).len)).sum();
            *words.entry(period.to_owned()).or_default() += tokens;
            docs.entry(period.to_owned()).or_default().insert(d.id.to_owned());
        }
    }
    for r in &trends {
        let period = r["period"].as_str().unwrap();
        assert_eq!(r["words"].as_u64(), words.get(period).copied(), "{r}");
        let matching: BTreeSet<&str> = concordance
            .iter()
            .filter(|c| docs[period].contains(c["doc"].as_str().unwrap()))
            .map(|c| c["doc"].as_str().unwrap())
            .collect();
        assert_eq!(r["documents"].as_u64(), Some(matching.len() as u64), "{r}");
    }
    let periods: Vec<&str> = trends.iter().map(|r| r["period"].as_str().unwrap()).collect();
    assert!(periods.windows(2).all(|w| w[0] < w[1]), "{periods:?}");
}

/// Occurrences of a word (as the tools fold it) in the indexed text.
fn in_texts(word: &str) -> u64 {
    let index = index();
    let mut n = 0;
    for d in index.docs() {
        let aside = index.aside(&d);
        for s in d.first_section..d.first_section + d.section_count {
            let s = index.section(s);
            indexed(s.text, s.start, &aside, |a, b| {
                n += u64::from(word_form(&normalize(&s.text[a..b])) == word);
                true
            });
        }
    }
    n
}

#[test]
fn collocates_leave_out_the_query_and_stop_words_and_stay_within_their_totals() {
    let found = rows(&["collocates", "Hong Kong", "--json", "--limit", "30"]);
    assert!(!found.is_empty());
    for c in &found {
        let term = c["term"].as_str().unwrap();
        assert!(!["hong", "kong"].contains(&term) && !is_stop_word(term), "{c}");
        let (together, total) = (c["together"].as_u64().unwrap(), c["total"].as_u64().unwrap());
        assert!(together >= 1 && together <= total, "{c}");
        assert_eq!(total, in_texts(term), "{c}");
    }
    let scores: Vec<f64> = found.iter().map(|c| c["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn terms_and_summary_count_what_the_texts_hold() {
    let index = index();
    let terms = rows(&["terms", "--json", "--limit", "10"]);
    assert_eq!(terms.len(), 10);
    for t in &terms {
        let term = t["term"].as_str().unwrap();
        assert!(!is_stop_word(term), "{t}");
        assert_eq!(t["count"].as_u64(), Some(in_texts(term)), "{t}");
    }
    let korean = rows(&["terms", "--json", "--lang", "ko"]);
    assert!(korean.iter().any(|t| t["term"] == "홍콩"), "{korean:?}");
    let (code, summary, stderr) = atlas(&["summary", "--json"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(summary["documents"].as_u64(), Some(u64::from(index.doc_count())));
    let words: u64 = (0..index.section_count()).map(|s| u64::from(index.section(s).len)).sum();
    assert_eq!(summary["words"].as_u64(), Some(words));
    let langs: u64 = summary["languages"].as_array().unwrap().iter().map(|l| l["documents"].as_u64().unwrap()).sum();
    assert_eq!(langs, u64::from(index.doc_count()));
    let first = index.docs().map(|d| d.date).filter(|d| !d.is_empty()).min();
    assert_eq!(summary["first_date"].as_str(), first);
}

#[test]
fn a_query_that_matches_nothing_exits_1_and_people_get_lines() {
    for command in ["concordance", "trends", "collocates"] {
        let (code, _, stderr) = atlas(&[command, "zeppelinxq"]);
        assert_eq!(code, Some(1), "{command}: {stderr}");
        assert!(stderr.contains("nothing matches"), "{command}: {stderr}");
        let (code, _, stderr) = atlas(&[command, "Shenzhen"]);
        assert_eq!(code, Some(0), "{command}: {stderr}");
    }
    for command in ["terms", "summary"] {
        let (code, _, stderr) = atlas(&[command]);
        assert_eq!(code, Some(0), "{command}: {stderr}");
    }
}

/// A submitted word is a whole word in the research tools, as in the
/// search: `war` meets "war" and "wars", never "warm" or "Warrington" (its
/// last word was read as a prefix, as if still being typed, until
/// 2026-12-04). Checked on the English evaluation texts, against the
/// English stemmer itself.
#[test]
fn a_submitted_word_is_not_a_prefix_in_the_concordance() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/eval/en-sotu/tune");
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    for word in ["war", "the", "trade"] {
        let found = rows(&["concordance", word, "--corpus", &dir.to_string_lossy(), "--json", "--limit", "100000"]);
        assert!(!found.is_empty(), "{word}");
        let forms: BTreeSet<String> = found.iter().map(|r| normalize(r["match"].as_str().unwrap())).collect();
        let strays: Vec<&String> = forms.iter().filter(|f| stemmer.stem(f) != stemmer.stem(word)).collect();
        assert!(strays.is_empty(), "{word} matched {strays:?}");
    }
}

/// Each concordance row says how it met the query: the name as typed, or
/// another name of the place it stands for (another language, an alias).
#[test]
fn a_concordance_row_says_how_it_matched() {
    let found = rows(&["concordance", "Pékin", "--json"]);
    let kind = |m: &str| found.iter().find(|r| r["match"] == m).map(|r| r["kind"].clone());
    assert_eq!(kind("Pékin"), Some(Value::from("typed")), "{found:?}");
    assert_eq!(kind("Beijing"), Some(Value::from("other name")), "{found:?}");
    let forms = rows(&["concordance", "port", "--json"]);
    assert!(forms.iter().all(|r| r["kind"] == "typed" || r["kind"] == "form"), "{forms:?}");
}
