//! A split index (head + shards) answers exactly as the whole index does,
//! fetching only the shards a query needs, and refuses a damaged shard.

use std::collections::HashMap;
use std::sync::OnceLock;

use corpus_atlas::engine::search::{search, snippet, SearchOptions, SearchResults, SNIPPET_CHARS};
use corpus_atlas::engine::build::SplitOptions;
use corpus_atlas::engine::{Index, ShardId};

/// A split index: the head, and the shard files by name.
type Split = (Vec<u8>, HashMap<String, Vec<u8>>);

/// The default corpus split into small shards (so that it has many).
fn split() -> &'static Split {
    static SPLIT: OnceLock<Split> = OnceLock::new();
    SPLIT.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let indexing = corpus_atlas::corpus::pipeline::index_folder(&root.join("assets/corpus")).expect("corpus");
        let split = indexing
            .writer
            .finish_split(SplitOptions {
                // Three ranges to a shard: shards of about 1 KiB of postings.
                postings_bytes: 350,
                text_bytes: 2048,
                max_text_shards: 4_000,
            })
            .expect("split");
        (
            split.head,
            split
                .shards
                .into_iter()
                .map(|s| (s.file(), s.bytes))
                .collect(),
        )
    })
}

/// Hands the index every shard it asks for, as the app does, until a run of
/// `f` asks for none; returns the answer and the shards fetched.
fn settle<T>(
    index: &Index<'static>,
    files: &'static HashMap<String, Vec<u8>>,
    f: impl Fn() -> T,
) -> (T, Vec<ShardId>) {
    let mut fetched = Vec::new();
    loop {
        let read = index.tracked(|_| f());
        let wanted = index.wanted();
        if !read.missed && wanted.is_empty() {
            return (read.value, fetched);
        }
        assert!(!wanted.is_empty(), "a miss leaves its shard wanted");
        let generation = index.arrived();
        let batch = wanted.len() as u32;
        for id in wanted {
            let bytes = files
                .get(&index.shard_file(id))
                .unwrap_or_else(|| panic!("no file {}", index.shard_file(id)));
            index.provide(id, bytes).expect("a good shard is accepted");
            fetched.push(id);
        }
        assert_eq!(index.arrived(), generation + batch, "each shard provided raises the generation");
        assert!(fetched.len() <= files.len(), "never asks twice");
    }
}

fn summary(index: &Index<'_>, r: &SearchResults) -> Vec<(u32, String, String)> {
    r.hits
        .iter()
        .map(|h| {
            (
                h.section,
                format!("{:.4}", h.score),
                snippet(index, h, SNIPPET_CHARS).text,
            )
        })
        .collect()
}

fn open_split() -> &'static Index<'static> {
    let (head, _) = split();
    Box::leak(Box::new(Index::open(head).expect("the head opens")))
}

#[test]
fn a_split_index_answers_as_the_whole_one() {
    let whole = corpus_atlas::index().unwrap();
    let (head, files) = split();
    let index = open_split();
    assert!(index.is_split() && !whole.is_split());
    let (p, t) = index.shard_counts();
    assert!(
        p > 3 && t > 3,
        "the default corpus makes several shards of each kind: {p} and {t}"
    );
    // The head holds no texts: with them it would be the whole index's size.
    let texts: usize = (0..whole.doc_count()).map(|d| whole.doc(d).text.len()).sum();
    assert!(
        head.len() + texts <= corpus_atlas::INDEX_BYTES.len(),
        "the head holds no texts: {} + {texts} text bytes > {}",
        head.len(),
        corpus_atlas::INDEX_BYTES.len()
    );
    for q in [
        "Shenzhen",
        "선전",
        "guangzhuo",
        "hong kong port",
        "city:Macau",
        "deplacement",
        "from:2019 to:2020",
        "\"greater bay area\"",
        "tech OR 기술",
        "-shenzhen china",
        "ports",
        "Britian",
        "Pekin",
        "선젼",
    ] {
        for typing in [false, true] {
            let options = SearchOptions { typing, ..SearchOptions::default() };
            let expected = summary(whole, &search(whole, q, options));
            let (got, _) = settle(index, files, || {
                let r = search(index, q, options);
                for h in r.hits.iter() {
                    index.want_text(h.doc);
                }
                summary(index, &r)
            });
            assert_eq!(got, expected, "query {q:?}, typing {typing}");
        }
    }
}

#[test]
fn a_cap_on_text_shards_makes_them_larger_not_more_and_loses_nothing() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let indexing = corpus_atlas::corpus::pipeline::index_folder(&root.join("assets/corpus")).expect("corpus");
    let split = indexing
        .writer
        .finish_split(SplitOptions { postings_bytes: 350, text_bytes: 2048, max_text_shards: 3 })
        .expect("split");
    let head: &'static [u8] = Box::leak(split.head.into_boxed_slice());
    let files: &'static HashMap<String, Vec<u8>> =
        Box::leak(Box::new(split.shards.into_iter().map(|s| (s.file(), s.bytes)).collect()));
    let index: &'static Index<'static> = Box::leak(Box::new(Index::open(head).expect("the head opens")));
    let (_, texts) = index.shard_counts();
    let (_, uncapped) = open_split().shard_counts();
    assert!(texts <= 3 && uncapped > 3, "{texts} text shards with the cap, {uncapped} without");
    let whole = corpus_atlas::index().unwrap();
    for q in ["Shenzhen", "선전", "hong kong port"] {
        let expected = summary(whole, &search(whole, q, SearchOptions::default()));
        let (got, _) = settle(index, files, || {
            let r = search(index, q, SearchOptions::default());
            for h in r.hits.iter() {
                index.want_text(h.doc);
            }
            summary(index, &r)
        });
        assert_eq!(got, expected, "query {q:?}");
    }
}

#[test]
fn a_words_entry_in_the_dictionary_arrives_with_its_postings() {
    use corpus_atlas::engine::ShardKind;
    let whole = corpus_atlas::index().unwrap();
    let (head, files) = split();
    let index = Index::open(head).unwrap();
    // The head knows nothing of the word: its list's part of the dictionary,
    // and the spelling list of words of its length, come when asked for.
    assert_eq!(index.doc_freq("shenzhen"), 0);
    let wanted = index.wanted();
    assert_eq!(wanted.len(), 1, "{wanted:?}");
    assert_eq!(wanted[0].kind, ShardKind::Postings);
    let bytes: &'static [u8] = files[&index.shard_file(wanted[0])].as_slice();
    index.provide(wanted[0], bytes).unwrap();
    assert_eq!(index.doc_freq("shenzhen"), whole.doc_freq("shenzhen"));
    assert!(index.wanted().is_empty());
    assert!(!index.contains("shenzhen"), "not before its spelling list is here");
    assert_eq!(index.wanted(), [ShardId { kind: ShardKind::Spelling, ord: 7 }], "the list of eight-letter words");
    let bytes: &'static [u8] = files[&index.shard_file(index.wanted()[0])].as_slice();
    index.provide(ShardId { kind: ShardKind::Spelling, ord: 7 }, bytes).unwrap();
    assert_eq!(index.spelled("shenzhen"), whole.spelled("shenzhen"));
    assert!(index.spelled("shenzhen").is_some_and(|n| n > 0));
    // A variant key travels with the terms of its form.
    let stem = corpus_atlas::engine::analysis::lang::variant_key("en", "port");
    let (targets, fetched) = settle(&index, files, || index.variant_targets(&stem));
    assert!(whole.variant_targets(&stem).is_some_and(|t| t.len() > 1), "ports and port");
    assert_eq!(targets, whole.variant_targets(&stem));
    assert_eq!(fetched.len(), 1, "one part: {fetched:?}");
}

#[test]
fn a_query_fetches_a_few_shards_not_all() {
    let (_, files) = split();
    let index = open_split();
    let (r, fetched) = settle(index, files, || {
        search(index, "macau", SearchOptions::default())
    });
    assert!(!r.hits.is_empty());
    let postings = fetched
        .iter()
        .filter(|s| s.kind == corpus_atlas::engine::ShardKind::Postings)
        .count();
    let (all, _) = index.shard_counts();
    assert!(
        postings >= 1 && postings * 4 <= all,
        "one word fetched {postings} of {all} postings shards"
    );
    // Asking again costs nothing.
    let (_, again) = settle(index, files, || {
        search(index, "macau", SearchOptions::default())
    });
    assert!(again.is_empty(), "{again:?}");
}

#[test]
fn a_damaged_or_stale_shard_is_refused() {
    let (_, files) = split();
    let index = open_split();
    let _ = search(index, "shenzhen", SearchOptions::default());
    let id = index.wanted()[0];
    let good = &files[&index.shard_file(id)];
    let mut bad = good.clone();
    bad[good.len() / 2] ^= 0x20;
    let bad: &'static [u8] = Box::leak(bad.into_boxed_slice());
    let err = index.provide(id, bad).expect_err("a flipped byte");
    assert!(err.to_string().contains(&index.shard_file(id)), "{err}");
    assert!(index.provide(id, &good[1..]).is_err(), "a short file");
    // Still wanted, still answering (with nothing) rather than panicking.
    assert!(index.wanted().contains(&id));
    assert!(search(index, "shenzhen", SearchOptions::default())
        .hits
        .is_empty());
    index.provide(id, good).expect("the right file");
}

#[test]
fn a_word_fetches_one_postings_shard_and_a_forged_shard_is_refused() {
    use corpus_atlas::engine::ShardKind;
    let (_, files) = split();
    let index = open_split();
    let (postings, texts) = index.shard_counts();
    assert!(postings >= 4 && texts >= 2, "{postings} {texts}");
    let (results, fetched) = settle(index, files, || search(index, "policy", SearchOptions::default()).hits.len());
    assert!(results > 0);
    let postings_fetched = fetched.iter().filter(|s| s.kind == ShardKind::Postings).count();
    assert_eq!(postings_fetched, 1, "one request for the word's list and its part of the dictionary: {fetched:?}");
    // A shard of the right length but other bytes is refused.
    let second = ShardId { kind: ShardKind::Postings, ord: 1 };
    let mut forged = files[&index.shard_file(second)].clone();
    forged[0] ^= 1;
    let forged: &'static [u8] = Box::leak(forged.into_boxed_slice());
    assert!(index.provide(second, forged).is_err());
}

#[test]
fn the_map_counts_places_from_the_head_without_fetching_their_postings() {
    use corpus_atlas::engine::overview::places::place_counts;
    let whole = corpus_atlas::index().unwrap();
    let (head, _) = split();
    let index = Index::open(head).unwrap();
    let all = place_counts(whole, None);
    assert!(all.len() > 3, "the demo names places");
    assert_eq!(place_counts(&index, None), all);
    // Every other section, as a result set would count them.
    let some: Vec<bool> = (0..whole.section_count()).map(|s| s % 2 == 0).collect();
    assert_eq!(place_counts(&index, Some(&some)), place_counts(whole, Some(&some)));
    assert!(index.wanted().is_empty(), "no shard asked for: {:?}", index.wanted());
    assert!(whole.section_places().is_none(), "a whole index reads the places' own postings");
}

#[test]
fn a_split_sites_examples_are_the_whole_ones_worked_out_by_the_builder() {
    use corpus_atlas::engine::overview::examples::{examples, Examples};
    let (head, files) = split();
    let dir = std::env::temp_dir().join(format!("atlas-split-examples-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in files.iter() {
        std::fs::write(dir.join(name.trim_start_matches("shards/")), bytes).unwrap();
    }
    let payload = corpus_atlas::site::corpus::payload_for(head, None, Some(&dir)).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let carried = Examples::from_text(corpus_atlas::payload::Payload::parse(&payload).unwrap().examples);
    let whole = examples(corpus_atlas::index().unwrap());
    assert!(whole.queries.len() >= 3, "{whole:?}");
    assert_eq!(carried, whole, "the app shows the examples the builder worked out with the shards");
}
