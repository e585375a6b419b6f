//! The `atlas` program answers from the same engine and index as the app.

use std::process::Command;

use corpus_atlas::engine::search::{search, snippet, SearchOptions, SNIPPET_CHARS};
use serde_json::Value;

fn atlas(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_atlas")).args(args).output().expect("run atlas");
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn search_json_is_the_engine_ranking() {
    let (ok, stdout, stderr) = atlas(&["search", "Hong Kong", "--json", "--limit", "3"]);
    assert!(ok, "{stderr}");
    let rows: Vec<Value> = serde_json::from_str(&stdout).expect("a JSON array");
    let index = corpus_atlas::index().unwrap();
    let hits = search(index, "Hong Kong", SearchOptions::default()).hits;
    assert_eq!(rows.len(), 3);
    for (row, hit) in rows.iter().zip(&hits) {
        assert_eq!(row["doc"], index.doc(hit.doc).id);
        assert!(row["section"].is_null());
        assert!(row["score"].as_f64().unwrap() > 0.0);
        assert_eq!(row["snippet"], snippet(index, hit, SNIPPET_CHARS).text);
    }
    let scores: Vec<f64> = rows.iter().map(|r| r["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first: {scores:?}");
}

#[test]
fn docs_json_lists_derived_metadata() {
    let (ok, stdout, _) = atlas(&["docs", "--json"]);
    assert!(ok);
    let rows: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    assert_eq!(rows.len(), 5);
    let korean = rows.iter().find(|r| r["doc"] == "001_9e2afc69ac3b4727.txt").unwrap();
    assert_eq!(korean["language"], "ko");
    assert_eq!(korean["title"], "홍콩과 선전, 금융 및 AI 협력 강화");
}

#[test]
fn human_output_marks_matches_and_bad_usage_is_explained() {
    let (ok, stdout, _) = atlas(&["search", "Pékin"]);
    assert!(ok);
    assert!(stdout.contains("[Pékin]"), "{stdout}");
    let (ok, _, stderr) = atlas(&["search", "x", "--limit", "many"]);
    assert!(!ok && stderr.contains("--limit needs a number"), "{stderr}");
    let (ok, _, stderr) = atlas(&["frobnicate"]);
    assert!(!ok && stderr.contains("unknown command"), "{stderr}");
}

#[test]
fn check_reports_a_corpus_or_its_first_problem() {
    let (ok, stdout, stderr) = atlas(&["check", concat!(env!("CARGO_MANIFEST_DIR"), "/assets/corpus")]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("5 documents"), "{stdout}");
    let (ok, _, stderr) = atlas(&["check", "/nonexistent/corpus"]);
    assert!(!ok && stderr.contains("/nonexistent/corpus") && stderr.contains("cannot read the corpus folder"), "{stderr}");
}
