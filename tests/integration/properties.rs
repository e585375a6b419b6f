//! Property tests standing in for fuzzing (cargo-fuzz needs a nightly
//! toolchain, which cannot be installed here): any query string, any text,
//! any damage to index bytes (searched, drawn on the map and the timeline)
//! and any damage to a split index's shards gives an answer or an error,
//! never a panic or an out-of-bounds read. `make test` runs a short pass; `make fuzz` runs a
//! million cases of each (PROPTEST_CASES).

use proptest::prelude::*;

use corpus_atlas::engine::analysis::{normalize, tokenize};
use corpus_atlas::engine::query::parse;
use corpus_atlas::engine::search::rerank::{tier, RERANKED};
use corpus_atlas::engine::search::{doc_highlights, explain, search, snippet, SearchOptions};
use corpus_atlas::engine::Index;

use crate::{build, doc};

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(2_000);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Strings that mix what readers and hostile pages throw at the engine.
fn messy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\"",
        "-",
        "OR",
        "|",
        " ",
        "  ",
        "lang:",
        "city:",
        "year:20",
        "doc:",
        ":",
        "홍콩과",
        "선전",
        "深圳市",
        "Pékin",
        "États-Unis",
        "l’",
        "d'",
        "145%",
        "3.2",
        "5G",
        "e\u{301}",
        "\u{202e}",
        "\u{200b}",
        "\u{0}",
        "\u{7}",
        "😀",
        "🇰🇷",
        "<script>",
        "&amp;",
        "\n",
        "\t",
        "Hong",
        "Kong",
        "zz",
        "ﬁ",
        "Ａ",
    ]);
    prop_oneof![
        ".{0,64}",
        prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat()),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_query_gets_an_answer_or_a_hint(q in messy()) {
        let index = corpus_atlas::index().unwrap();
        let r = search(index, &q, SearchOptions::default());
        prop_assert!(!r.hits.is_empty() || !r.hints.is_empty() || parse(&q, true).is_empty());
        // Best first: among the reranked, by tier (main topic, words as
        // typed) then score; then by score; ties in reading order.
        for (i, w) in r.hits.windows(2).enumerate() {
            let tiers = if i + 1 < RERANKED { (tier(&w[0]), tier(&w[1])) } else { Default::default() };
            prop_assert!(
                tiers.0 > tiers.1
                    || tiers.0 == tiers.1
                        && (w[0].score > w[1].score || (w[0].score == w[1].score && w[0].section < w[1].section)),
                "best first, ties in reading order: {:?} {} {} then {:?} {} {}",
                tiers.0, w[0].score, w[0].section, tiers.1, w[1].score, w[1].section
            );
        }
        for hit in r.hits.iter().take(5) {
            let s = snippet(index, hit, 220);
            for h in &s.highlights {
                prop_assert!(s.text.get(h.clone()).is_some(), "highlight off a character boundary");
            }
            let _ = explain(index, hit);
        }
        if let Some(hit) = r.hits.first() {
            let doc = index.doc(hit.doc);
            for r in doc_highlights(index, &q, hit.doc, SearchOptions::default()) {
                prop_assert!(doc.text.get(r).is_some());
            }
        }
    }

    #[test]
    fn tokens_point_at_their_own_text(text in messy()) {
        let mut last_end = 0;
        for tok in tokenize(&text) {
            let raw = text.get(tok.start..tok.end);
            prop_assert!(raw.is_some(), "token offsets off a character boundary");
            prop_assert_eq!(normalize(raw.unwrap()), tok.term.clone());
            prop_assert!(!tok.term.is_empty());
            prop_assert!(tok.start >= last_end || text[tok.start..].chars().next().is_some_and(|c| (c as u32) >= 0x3400));
            last_end = tok.end;
        }
    }

    #[test]
    fn damaged_indexes_fail_cleanly(flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8), cut in any::<prop::sample::Index>(), q in messy()) {
        let mut bytes = small_index().clone();
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        let keep = if bytes.len() > 200 && cut.index(4) == 0 { cut.index(bytes.len()) } else { bytes.len() };
        bytes.truncate(keep);
        if let Ok(index) = Index::open(&bytes) {
            let r = search(&index, &q, SearchOptions::default());
            for hit in r.hits.iter().take(3) {
                let _ = snippet(&index, hit, 120);
                let _ = explain(&index, hit);
            }
            for d in index.docs() {
                let _ = index.aside(&d);
            }
        }
    }
}

proptest! {
    #![proptest_config(config())]

    /// The timeline's and the map's paths over a damaged index: every event
    /// and its sentence, every section's publication date, the places and
    /// their counts, the start page's examples.
    #[test]
    fn damaged_indexes_draw_maps_and_timelines_without_panics(flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = small_index().clone();
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        if let Ok(index) = Index::open(&bytes) {
            for e in index.events() {
                let section = index.section(e.section);
                let doc = index.doc(section.doc);
                let words = doc.text.get(e.start..e.start.saturating_add(e.len));
                prop_assert!(words.is_some(), "an event's words are checked at open");
                let _ = corpus_atlas::engine::analysis::text::sentence_at(doc.text, e.start, e.len);
                let _ = index.published(e.section);
                let _ = e.when.to_string();
            }
            let _ = corpus_atlas::engine::overview::places::place_counts(&index, None);
            let _ = corpus_atlas::engine::overview::examples::examples(&index);
            for d in index.docs() {
                let _ = corpus_atlas::engine::search::readable_text(&index, d.first_section.min(index.section_count().saturating_sub(1)));
            }
        }
    }

    /// A split index takes only the shards it lists: any other bytes (damaged,
    /// truncated, another shard's) are refused, and it answers as before.
    #[test]
    fn damaged_shards_are_refused(which in any::<prop::sample::Index>(), flip in any::<prop::sample::Index>(), cut in any::<bool>(), q in messy()) {
        let (head, shards) = split_index();
        let index = Index::open(head).unwrap();
        let (postings, texts) = index.shard_counts();
        let n = postings + texts;
        let k = which.index(n);
        let id = if k < postings {
            corpus_atlas::engine::ShardId { kind: corpus_atlas::engine::ShardKind::Postings, ord: k as u32 }
        } else {
            corpus_atlas::engine::ShardId { kind: corpus_atlas::engine::ShardKind::Texts, ord: (k - postings) as u32 }
        };
        let mut bytes = shards[&index.shard_file(id)].clone();
        if cut && bytes.len() > 1 {
            bytes.truncate(flip.index(bytes.len()));
        } else {
            let i = flip.index(bytes.len());
            bytes[i] ^= 0x5a;
        }
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        prop_assert!(index.check_shard(id, bytes).is_err());
        prop_assert!(index.provide(id, bytes).is_err());
        let r = search(&index, &q, SearchOptions::default());
        for hit in r.hits.iter().take(3) {
            let _ = snippet(&index, hit, 120);
        }
    }
}

type Shards = std::collections::HashMap<String, Vec<u8>>;

/// The small index, split into shards of a few bytes each.
fn split_index() -> &'static (Vec<u8>, Shards) {
    static SPLIT: std::sync::OnceLock<(Vec<u8>, Shards)> = std::sync::OnceLock::new();
    SPLIT.get_or_init(|| {
        let mut w = corpus_atlas::engine::build::IndexWriter::new();
        for d in small_docs() {
            w.add(d).unwrap();
        }
        let split = w
            .finish_split(corpus_atlas::engine::build::SplitOptions { postings_bytes: 64, text_bytes: 32, max_text_shards: 4_000 })
            .unwrap();
        (split.head, split.shards.into_iter().map(|s| (s.file(), s.bytes)).collect())
    })
}

fn small_index() -> &'static Vec<u8> {
    static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BYTES.get_or_init(|| build(small_docs()))
}

/// Three short documents in three languages, with furniture and dates.
fn small_docs() -> Vec<corpus_atlas::engine::build::DocInput> {
    let mut d = doc(
        "b.txt",
        "en",
        "Advertisement\nShenzhen and Hong Kong on 3 May 2021\n\nSecond part about Macau in 1999.",
    );
    d.aside = std::iter::once(0..13).collect(); // "Advertisement"
    d.date = "2021-05-04".into();
    vec![
        d,
        doc("a.txt", "ko", "홍콩과 선전의 협력 深圳市 2026년 1월 15일"),
        doc("c.txt", "fr", "Les États-Unis et Pékin, le 25 avril 2025."),
    ]
}
