//! Ranking measured on corpora it was not tuned on (tests/data/eval, tune and
//! heldout parts indexed apart), with judgments made from the texts
//! themselves: the documents that contain a multi-word name are the relevant
//! ones for that name typed without quotes; a word with one typo should find
//! that word. `make test` prints the figures and fails below the floors.

use std::collections::BTreeMap;
use std::path::Path;

use corpus_atlas::engine::analysis::normalize;
use corpus_atlas::engine::search::{search, SearchOptions};
use corpus_atlas::engine::build::{DocInput, IndexWriter};
use corpus_atlas::engine::Index;

/// The ranking issue's budgets: the documents that contain an unquoted
/// name fill its top k (precision@k, k = min(10, such documents))…
const FLOOR_PHRASE: f64 = 0.90;
/// … and a one-edit or transposition typo of a corpus word finds it, while
/// no word of the corpus is ever "corrected". (Without the proximity score
/// the names measured 0.73 and 0.57 on 2026-12-02, when a name before a colon
/// or a full stop was not counted as held, which made the figures lower.)
const FLOOR_TYPOS: f64 = 0.90;

fn load(dir: &Path) -> (Vec<DocInput>, Vec<u8>) {
    let docs = corpus_atlas::corpus::load(dir).expect("corpus");
    let mut w = IndexWriter::new();
    w.set_entities(corpus_atlas::corpus::project_entities().expect("entities"));
    for d in docs.clone() {
        w.add(d).expect("add");
    }
    (docs, w.finish().expect("index"))
}

/// Capitalised two-word names inside sentences, with the documents holding each.
fn names(docs: &[DocInput]) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for d in docs {
        let words: Vec<&str> = d.text.split_whitespace().collect();
        for w in words.windows(3) {
            // (A name may end a sentence or a line: "… of the United States:".)
            let (before, a, b) = (w[0], w[1], w[2].trim_end_matches(['.', ',', ';', ':', '!', '?', ')']));
            let clean = |s: &str| s.chars().all(|c| c.is_ascii_alphabetic()) && s.len() >= 4;
            let cap = |s: &str| s.chars().next().is_some_and(|c| c.is_ascii_uppercase());
            if clean(a) && clean(b) && cap(a) && cap(b) && !before.ends_with(['.', '!', '?', ':']) {
                let name = format!("{a} {b}");
                let list = out.entry(name).or_default();
                if !list.contains(&d.id) {
                    list.push(d.id.clone());
                }
            }
        }
    }
    out
}

/// A typo of a word: two neighbouring letters swapped, or one left out.
fn typo(word: &str, n: usize) -> String {
    let mut c: Vec<char> = word.chars().collect();
    let i = 1 + n % (c.len() - 2);
    if n % 2 == 0 {
        c.swap(i, i + 1);
    } else {
        c.remove(i);
    }
    c.into_iter().collect()
}

#[test]
fn phrases_and_typos_on_corpora_never_tuned_on() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/eval/en-sotu");
    let mut failed = Vec::new();
    for split in ["tune", "heldout"] {
        let (docs, bytes) = load(&root.join(split));
        let index = Index::open(&bytes).expect("open");
        // Multi-word names, typed without quotes: the texts that say them first.
        let mut precision = Vec::new();
        for (name, holders) in names(&docs).into_iter().filter(|(_, h)| h.len() >= 1) {
            let words: Vec<&str> = name.split(' ').collect();
            // Only names whose words also stand apart in other texts: there, ranking decides.
            let apart = docs
                .iter()
                .filter(|d| !holders.contains(&d.id))
                .filter(|d| words.iter().all(|w| d.text.contains(w)))
                .count();
            if apart == 0 {
                continue;
            }
            let mut ranked: Vec<&str> = Vec::new();
            for h in search(&index, &name, SearchOptions::default()).hits {
                let id = index.doc(h.doc).id;
                if !ranked.contains(&id) {
                    ranked.push(id);
                }
            }
            let k = holders.len().min(10);
            let hits = ranked.iter().take(k).filter(|id| holders.iter().any(|h| h == *id)).count();
            precision.push(hits as f64 / k as f64);
        }
        let p = precision.iter().sum::<f64>() / precision.len().max(1) as f64;
        // Typos of the texts' own words find them; the words themselves are never corrected.
        let mut vocabulary: Vec<String> = docs
            .iter()
            .flat_map(|d| d.text.split(|c: char| !c.is_alphabetic()).map(str::to_owned).collect::<Vec<_>>())
            .filter(|w| w.len() >= 6 && w.chars().all(|c| c.is_ascii_lowercase()))
            .collect();
        vocabulary.sort();
        vocabulary.dedup();
        let sample: Vec<&String> = vocabulary.iter().step_by((vocabulary.len() / 100).max(1)).take(100).collect();
        let (mut found, mut tried, mut miscorrected) = (0, 0, 0);
        for (n, word) in sample.iter().enumerate() {
            if !search(&index, word, SearchOptions::default()).corrections.is_empty() {
                miscorrected += 1;
            }
            let t = typo(word, n);
            if index.contains(&normalize(&t)) {
                continue;
            }
            tried += 1;
            let r = search(&index, &t, SearchOptions::default());
            if r.corrections.first().is_some_and(|c| c.1 == normalize(word)) {
                found += 1;
            }
        }
        let typos = found as f64 / tried.max(1) as f64;
        println!(
            "en-sotu {split:<8} unquoted names: precision@k {p:.2} over {} names | typos: {found} of {tried} found ({typos:.2}) | real words corrected: {miscorrected} of {}",
            precision.len(),
            sample.len()
        );
        if p < FLOOR_PHRASE || typos < FLOOR_TYPOS || miscorrected > 0 {
            failed.push(split);
        }
    }
    assert!(failed.is_empty(), "below the floors on {failed:?}");
}
