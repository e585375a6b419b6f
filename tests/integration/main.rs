//! Native integration tests: one binary, topic modules.

mod cli;
mod cli_usage;
mod architecture;
mod bounds;
mod corpus_errors;
mod eval;
mod multilingual;
mod places;
mod properties;
mod main_topics;
mod ranking;
mod relevance;
mod research;
mod roundtrip;
mod split;
mod unseen_ranking;

use corpus_atlas::engine::build::{DocInput, IndexWriter, SectionInput};

/// Prints a measured figure and keeps it in `target/test-figures.txt`, which
/// `make test` shows once every test has run (cargo hides a passing test's
/// output): the quality figures are read, not only gated.
pub fn figure(line: &str) {
    use std::io::Write as _;
    println!("{line}");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-figures.txt");
    if let Ok(mut file) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
        let _ = writeln!(file, "{line}");
    }
}

/// A document whose single section is its whole text.
pub fn doc(id: &str, lang: &str, text: &str) -> DocInput {
    DocInput {
        id: id.into(),
        title: format!("Title of {id}"),
        lang: lang.into(),
        text: text.into(),
        sections: vec![SectionInput {
            title: None,
            range: 0..text.len(),
            lang: lang.into(),
        }],
        ..DocInput::default()
    }
}

/// Index bytes for `docs`.
pub fn build(docs: Vec<DocInput>) -> Vec<u8> {
    let mut w = IndexWriter::new();
    for d in docs {
        w.add(d).expect("add");
    }
    w.finish().expect("finish")
}
