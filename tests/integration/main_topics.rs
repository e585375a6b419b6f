//! Main topics first (tests/data/main-topics.toml, judged by reading the
//! texts): for each query, the sections whose main topic it is must rank in
//! its top max(5, n), n the number judged. Measured on the demo texts and on
//! the evaluation corpora, whose tune and heldout folders are indexed apart;
//! `make test` prints each figure and fails below its floor.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use serde::Deserialize;

use corpus_atlas::engine::search::{search, SearchOptions};
use corpus_atlas::engine::Index;

/// Share of judged sections found in their query's top max(5, n), the
/// floor per (corpus, split): the figures measured on 2026-12-04, rounded
/// down (en-sotu tune on 2026-12-05, when "Great Britain" became a name of
/// the United Kingdom and finds "Britain" too: one judged section fell from
/// 5th to 6th). (The budget is every one; what is missing are sections about a
/// topic in another language's common words, "housing" for 주택, which no
/// name or stem links, and "navy" for "naval".)
const FLOORS: &[(&str, &str, f64)] = &[
    ("demo", "tune", 0.84),
    ("en-sotu", "tune", 0.82),
    ("en-sotu", "heldout", 0.80),
    ("fr-candide-debhist", "tune", 1.0),
    ("fr-candide-debhist", "heldout", 0.92),
    ("ko-bills", "tune", 1.0),
    ("ko-bills", "heldout", 0.92),
    // Judged on 2026-12-05 (evening) by a helper that never ran the engine;
    // the floors are the figures at their arrival, but for ko-debhist tune:
    // 8 of 12 then, missing "DebConf" where the text writes "Debconf11",
    // which became two words on 2026-12-05 (see `analysis::scan`).
    ("en-wikipedia-vital", "tune", 1.0),
    ("en-wikipedia-vital", "heldout", 1.0),
    ("fr-wikipedia-vital", "tune", 1.0),
    ("fr-wikipedia-vital", "heldout", 1.0),
    ("ko-debhist", "tune", 1.0),
    ("ko-debhist", "heldout", 1.0),
];

#[derive(Deserialize)]
struct Topic {
    corpus: String,
    split: String,
    q: String,
    sections: Vec<String>,
}

#[derive(Deserialize)]
struct Judged {
    topic: Vec<Topic>,
}

fn judged() -> Vec<Topic> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/main-topics.toml");
    let text = std::fs::read_to_string(path).expect("main-topics.toml");
    toml::from_str::<Judged>(&text).expect("main-topics.toml parses").topic
}

/// The index a judgment is about: the embedded demo, or an evaluation folder.
fn index_of(corpus: &str, split: &str) -> &'static Index<'static> {
    static BUILT: OnceLock<std::sync::Mutex<BTreeMap<String, &'static Index<'static>>>> = OnceLock::new();
    if corpus == "demo" {
        return corpus_atlas::index().expect("the embedded index");
    }
    let built = BUILT.get_or_init(Default::default);
    let mut built = built.lock().expect("not poisoned");
    let key = format!("{corpus}/{split}");
    *built.entry(key).or_insert_with(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/eval")
            .join(corpus)
            .join(split);
        let bytes = corpus_atlas::corpus::pipeline::build_index(&dir).expect("an evaluation folder indexes");
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        Box::leak(Box::new(Index::open(bytes).expect("opens")))
    })
}

/// Whether hit section `section` of `index` is the judged `doc#title prefix`.
fn is(index: &Index<'_>, section: u32, judged: &str) -> bool {
    let (doc, title) = judged.split_once('#').unwrap_or((judged, ""));
    let s = index.section(section);
    index.doc(s.doc).id == doc && s.title.starts_with(title)
}

#[test]
fn main_topic_sections_rank_first() {
    let topics = judged();
    let mut found: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    let mut missed = Vec::new();
    for t in &topics {
        let index = index_of(&t.corpus, &t.split);
        let hits = search(index, &t.q, SearchOptions::default()).hits;
        let k = t.sections.len().max(5);
        let top: Vec<u32> = hits.iter().take(k).map(|h| h.section).collect();
        let tally = found.entry((t.corpus.clone(), t.split.clone())).or_default();
        for judged in &t.sections {
            // A judged section must exist in the corpus (else the judgment is stale).
            assert!(
                (0..index.section_count()).any(|s| is(index, s, judged)),
                "{}/{}: no section {judged}",
                t.corpus,
                t.split
            );
            tally.1 += 1;
            if top.iter().any(|&s| is(index, s, judged)) {
                tally.0 += 1;
            } else if t.split == "tune" {
                // (Only the tuning part's misses are shown: the heldout part is scored, never studied.)
                let at = hits.iter().position(|h| is(index, h.section, judged));
                missed.push(format!("{}/{} {:?}: {judged} at {:?}", t.corpus, t.split, t.q, at.map(|a| a + 1)));
            }
        }
    }
    let mut below = Vec::new();
    for ((corpus, split), (got, of)) in &found {
        let share = *got as f64 / *of as f64;
        crate::figure(&format!("main topics in the top max(5, n): {corpus} {split}: {got} of {of} ({share:.2})"));
        let floor = FLOORS
            .iter()
            .find(|f| f.0 == corpus && f.1 == split)
            .unwrap_or_else(|| panic!("no floor for {corpus} {split}"))
            .2;
        if share + 1e-9 < floor {
            below.push(format!("{corpus} {split}: {share:.2} < {floor}"));
        }
    }
    for m in &missed {
        println!("  not in the top: {m}");
    }
    assert!(below.is_empty(), "below the floor: {below:?}");
}
