//! Write → bytes → read gives back what was written, and damaged bytes are
//! errors, never panics.

use corpus_atlas::engine::search::{search, SearchOptions};
use corpus_atlas::engine::build::{IndexWriter, SectionInput, WriteError};
use corpus_atlas::engine::{Index, OpenError};

use crate::{build, doc};

fn fixture() -> Vec<u8> {
    let mut two = doc(
        "b.txt",
        "en",
        "First part about Shenzhen.\n\nSecond part about Macau and Macau.",
    );
    two.sections = vec![
        SectionInput {
            title: Some("First".into()),
            range: 0..26,
            lang: "en".into(),
        },
        SectionInput {
            title: Some("Second".into()),
            range: 28..two.text.len(),
            lang: "en".into(),
        },
    ];
    two.source = "Daily".into();
    two.date = "2023-03-14".into();
    build(vec![
        doc("c.txt", "ko", "홍콩과 선전, 금융 및 AI 협력 강화"),
        two,
        doc(
            "a.txt",
            "fr",
            "Les États-Unis imposent des tarifs de 145% sur la Chine.",
        ),
    ])
}

#[test]
fn documents_and_sections_read_back() {
    let bytes = fixture();
    let index = Index::open(&bytes).expect("open");
    assert_eq!(index.doc_count(), 3);
    assert_eq!(index.section_count(), 4);
    let ids: Vec<&str> = index.docs().map(|d| d.id).collect();
    assert_eq!(
        ids,
        ["a.txt", "b.txt", "c.txt"],
        "documents are stored sorted by id"
    );
    let b = index.doc_by_id("b.txt").expect("b");
    assert_eq!(
        (b.source, b.date, b.lang, b.section_count),
        ("Daily", "2023-03-14", "en", 2)
    );
    let second = index.section(b.first_section + 1);
    assert_eq!(second.title, "Second");
    assert_eq!(second.text, "Second part about Macau and Macau.");
    assert!(index.doc_by_id("zzz").is_none());
}

#[test]
fn postings_keep_sections_and_positions() {
    let bytes = fixture();
    let index = Index::open(&bytes).unwrap();
    let macau = index.postings("macau");
    assert_eq!(macau.len(), 1);
    assert_eq!(
        macau[0].positions[..],
        [3, 5],
        "second(0) part(1) about(2) macau(3) and(4) macau(5)"
    );
    let counted = index.counts("macau");
    assert_eq!(
        (counted[0].section, counted[0].tf, counted[0].positions.len()),
        (macau[0].section, 2, 0),
        "the same section and count, no positions"
    );
    assert_eq!(index.doc_freq("macau"), 1);
    assert_eq!(index.doc_freq("145%"), 1);
    assert_eq!(
        index.doc_freq("etats"),
        1,
        "diacritics are folded in the index"
    );
    assert!(index.postings("absent").is_empty());
    assert_eq!(index.terms_with_prefix("mac", 10), ["macau"]);
}

#[test]
fn search_finds_sections_not_just_documents() {
    let bytes = fixture();
    let index = Index::open(&bytes).unwrap();
    let r = search(&index, "macau", SearchOptions { typing: false });
    assert_eq!(r.hits.len(), 1);
    assert_eq!(index.section(r.hits[0].section).title, "Second");
    let r = search(&index, "\"etats unis\"", SearchOptions { typing: false });
    assert_eq!(r.hits.len(), 1);
    assert_eq!(index.doc(r.hits[0].doc).id, "a.txt");
}

#[test]
fn writer_rejects_duplicate_ids_and_bad_sections() {
    let mut w = IndexWriter::new();
    w.add(doc("x.txt", "en", "one")).unwrap();
    assert_eq!(
        w.add(doc("x.txt", "en", "two")),
        Err(WriteError::DuplicateId("x.txt".into()))
    );
    let mut bad = doc("y.txt", "ko", "홍콩");
    bad.sections[0].range = 0..1; // inside a Hangul syllable
    assert!(matches!(w.add(bad), Err(WriteError::BadSection { .. })));
}

#[test]
fn damaged_bytes_are_errors_not_panics() {
    let bytes = fixture();
    assert_eq!(Index::open(b"").err(), Some(OpenError::BadMagic));
    assert_eq!(Index::open(&[0u8; 64]).err(), Some(OpenError::BadMagic));
    let mut future = bytes.clone();
    let next = corpus_atlas::engine::index::format::VERSION + 1;
    future[8..12].copy_from_slice(&next.to_le_bytes());
    assert_eq!(Index::open(&future).err(), Some(OpenError::UnsupportedVersion(next)));
    // Every truncation fails to open.
    for len in 0..bytes.len() {
        assert!(
            Index::open(&bytes[..len]).is_err(),
            "truncated to {len} bytes still opened"
        );
    }
    // Every single-byte corruption either fails to open or still answers queries.
    for at in 0..bytes.len() {
        let mut broken = bytes.clone();
        broken[at] ^= 0xA5;
        if let Ok(index) = Index::open(&broken) {
            for q in ["macau", "etats-unis", "홍콩과", "mac", "\"second part\""] {
                let r = search(&index, q, SearchOptions::default());
                for hit in &r.hits {
                    let _ = corpus_atlas::engine::search::snippet(&index, hit, 100);
                }
            }
        }
    }
}

/// A misspelt query that search corrects highlights its correction in the
/// reader too (the reader used to plan the query without correcting it, so
/// the results showed a document the reader then highlighted nothing in).
#[test]
fn the_reader_highlights_what_a_corrected_query_found() {
    use corpus_atlas::engine::search::{doc_highlights, search, SearchOptions};
    let text = "The harbour authority met on Tuesday. Later the harbour was closed to ships.";
    let bytes = crate::build(vec![crate::doc("port.txt", "en", text)]);
    let index = Index::open(&bytes).expect("open");
    let results = search(&index, "harbor", SearchOptions::default());
    assert_eq!(results.corrections, [("harbor".to_owned(), "harbour".to_owned())]);
    assert_eq!(results.hits.len(), 1);
    let marked: Vec<&str> = doc_highlights(&index, "harbor", results.hits[0].doc, SearchOptions::default())
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(marked, ["harbour", "harbour"]);
}

/// The builder works on every core, a batch of documents at a time: the
/// index must not depend on which thread finished first. More documents
/// than a batch, in three languages, built twice.
#[test]
fn a_folder_gives_the_same_index_bytes_every_time() {
    let dir = std::env::temp_dir().join(format!("atlas-determinism-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let eval = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/eval");
    let mut n = 0;
    for set in std::fs::read_dir(&eval).unwrap().flatten() {
        for part in ["tune", "heldout"] {
            for text in std::fs::read_dir(set.path().join(part)).into_iter().flatten().flatten() {
                if text.path().extension().is_some_and(|e| e == "txt") {
                    // Each text a few times under new names: past one batch of 256.
                    let body = std::fs::read_to_string(text.path()).unwrap();
                    for copy in 0..6 {
                        n += 1;
                        std::fs::write(dir.join(format!("{n:04}-{copy}.txt")), &body).unwrap();
                    }
                }
            }
        }
    }
    assert!(n > 256, "{n} documents");
    let first = corpus_atlas::corpus::pipeline::build_index(&dir).unwrap();
    let second = corpus_atlas::corpus::pipeline::build_index(&dir).unwrap();
    assert!(first == second, "two builds of one folder differ");
    let _ = std::fs::remove_dir_all(&dir);
}
