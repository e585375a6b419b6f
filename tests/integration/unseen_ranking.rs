//! Ranking measured on corpora it was not tuned on (tests/data/eval, tune and
//! heldout parts indexed apart), with judgments made from the texts
//! themselves: the documents that contain a multi-word name are the relevant
//! ones for that name typed without quotes; a word with one typo should find
//! that word. `make test` prints the figures and fails below the floors;
//! `SHOW_MISSES=1` lists every miss on stderr.

use std::collections::BTreeMap;
use std::path::Path;

use corpus_atlas::engine::analysis::lang::korean_stem;
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

/// Capitalised two-word names inside sentences, with the documents where
/// they stand capitalised (the judgment counts every text holding them).
fn names(docs: &[DocInput]) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for d in docs {
        let words: Vec<&str> = d.text.split_whitespace().collect();
        for w in words.windows(3) {
            // (A name may end a sentence or a line: "… of the United States:".)
            let (before, a, b) = (w[0], w[1], w[2].trim_end_matches(['.', ',', ';', ':', '!', '?', ')']));
            let clean = |s: &str| s.chars().all(char::is_alphabetic) && s.chars().count() >= 4;
            let cap = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
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

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// The words of a corpus a reader might mistype: lower-case words of six
/// letters or more, and Hangul words of three syllables or more.
fn vocabulary(docs: &[DocInput]) -> Vec<String> {
    let mut out: Vec<String> = docs
        .iter()
        .flat_map(|d| d.text.split(|c: char| !c.is_alphabetic()).map(str::to_owned).collect::<Vec<_>>())
        .filter(|w| {
            let n = w.chars().count();
            (n >= 6 && w.chars().all(char::is_lowercase)) || (n >= 3 && w.chars().all(is_hangul))
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A typo of a word: two neighbouring letters swapped, or one left out; in
/// Hangul, one jamo slipped (a syllable's final consonant changed, added or
/// dropped: 대통령 → 댄통령), as Korean keyboards mistype.
fn typo(word: &str, n: usize) -> String {
    let mut c: Vec<char> = word.chars().collect();
    if c.iter().all(|&ch| is_hangul(ch)) {
        // (In the first syllable, inside the noun: a slip in a particle is
        // often another particle, 으로 → 으론, a word that exists.)
        let code = c[0] as u32 - 0xAC00;
        let (base, jong) = (code - code % 28, code % 28);
        let slipped = if jong == 0 { 4 } else if n % 2 == 0 { 0 } else { jong % 27 + 1 };
        c[0] = char::from_u32(0xAC00 + base + slipped).unwrap_or(c[0]);
        return c.into_iter().collect();
    }
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
    let eval = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/eval");
    let mut failed = Vec::new();
    for corpus in ["en-sotu", "en-wikipedia-vital", "fr-candide-debhist", "fr-wikipedia-vital", "ko-bills", "ko-debhist"] {
        for split in ["tune", "heldout"] {
            let (docs, bytes) = load(&eval.join(corpus).join(split));
            let index = Index::open(&bytes).expect("open");
            let phrase = phrase_precision(&docs, &index);
            let typos = typo_score(&docs, &index, &corpus[..2]);
            let names = match phrase {
                Some((p, n)) => format!("unquoted names: precision@k {p:.2} over {n} names"),
                None => "unquoted names: none stand apart elsewhere".to_owned(),
            };
            crate::figure(&format!(
                "unseen ranking {corpus} {split:<8} {names} | typos: {} of {} found ({:.2}) | real words corrected: {} of {}",
                typos.found, typos.tried, typos.share(), typos.miscorrected, typos.sampled
            ));
            if phrase.is_some_and(|(p, _)| p < FLOOR_PHRASE) || typos.share() < FLOOR_TYPOS || typos.miscorrected > 0 {
                failed.push(format!("{corpus} {split}"));
            }
        }
    }
    assert!(failed.is_empty(), "below the floors on {failed:?}");
}

/// Multi-word names, typed without quotes: the texts that say them first.
/// Mean precision@k over the names whose words also stand apart in other
/// texts (there, ranking decides), and how many; none if no name does.
fn phrase_precision(docs: &[DocInput], index: &Index) -> Option<(f64, usize)> {
    let mut precision = Vec::new();
    // The texts that hold a name, in any case and across a line break: the
    // search folds case, and "projet Debian" is the phrase too.
    let flat: Vec<String> = docs
        .iter()
        .map(|d| format!(" {} ", d.text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ").to_lowercase()))
        .collect();
    for name in names(docs).into_keys() {
        let phrase = format!(" {} ", name.to_lowercase());
        let holders: Vec<String> = docs.iter().zip(&flat).filter(|(_, f)| f.contains(&phrase)).map(|(d, _)| d.id.clone()).collect();
        let words: Vec<&str> = name.split(' ').collect();
        let apart = docs
            .iter()
            .filter(|d| !holders.contains(&d.id))
            .filter(|d| words.iter().all(|w| d.text.contains(w)))
            .count();
        if apart == 0 {
            continue;
        }
        let mut ranked: Vec<&str> = Vec::new();
        for h in search(index, &name, SearchOptions::default()).hits {
            let id = index.doc(h.doc).id;
            if !ranked.contains(&id) {
                ranked.push(id);
            }
        }
        let k = holders.len().min(10);
        let hits = ranked.iter().take(k).filter(|id| holders.iter().any(|h| h == *id)).count();
        if hits < k && std::env::var_os("SHOW_MISSES").is_some() {
            eprintln!("NAME {name}: {hits} of {k} ({holders:?}; ranked {ranked:?})");
        }
        precision.push(hits as f64 / k as f64);
    }
    (!precision.is_empty()).then(|| (precision.iter().sum::<f64>() / precision.len() as f64, precision.len()))
}

/// Typos of a corpus's own words, and the words themselves.
struct Typos {
    found: usize,
    tried: usize,
    miscorrected: usize,
    sampled: usize,
}

impl Typos {
    fn share(&self) -> f64 {
        self.found as f64 / self.tried.max(1) as f64
    }
}

/// Whether a correction gives back `word`: the word itself, or a form the
/// search meets it by (the same stem; for Korean the same noun, its
/// particles aside: 갂급법원으로 → 각급법원 finds 각급법원으로).
fn gives_back(correction: &str, word: &str, lang: &str) -> bool {
    let word = normalize(word);
    let stem = |w: &str| -> String {
        match lang {
            "ko" => korean_stem(w).to_owned(),
            "fr" => rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::French).stem(w).into_owned(),
            _ => rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English).stem(w).into_owned(),
        }
    };
    correction == word || stem(correction) == stem(&word)
}

/// Typos of the texts' own words find them; the words themselves are never corrected.
fn typo_score(docs: &[DocInput], index: &Index, lang: &str) -> Typos {
    let vocabulary = vocabulary(docs);
    let sample: Vec<&String> = vocabulary.iter().step_by((vocabulary.len() / 100).max(1)).take(100).collect();
    let mut t = Typos { found: 0, tried: 0, miscorrected: 0, sampled: sample.len() };
    for (n, word) in sample.iter().enumerate() {
        if !search(index, word, SearchOptions::default()).corrections.is_empty() {
            t.miscorrected += 1;
        }
        let typo = typo(word, n);
        if index.contains(&normalize(&typo)) {
            continue;
        }
        t.tried += 1;
        let r = search(index, &typo, SearchOptions::default());
        if r.corrections.first().is_some_and(|c| gives_back(&c.1, word, lang)) {
            t.found += 1;
        } else if std::env::var_os("SHOW_MISSES").is_some() {
            eprintln!("MISS {word} -> {typo}: {:?}", r.corrections.first());
        }
    }
    t
}
