//! The `atlas` program answers from the same engine and index as the app.

use std::process::Command;

use corpus_atlas::engine::search::{search, snippet, SearchOptions, SNIPPET_CHARS};
use serde_json::Value;

fn atlas(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(args)
        .output()
        .expect("run atlas");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
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
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "best first: {scores:?}"
    );
}

#[test]
fn docs_json_lists_derived_metadata() {
    let (ok, stdout, _) = atlas(&["docs", "--json"]);
    assert!(ok);
    let rows: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    assert_eq!(rows.len(), 5);
    let korean = rows
        .iter()
        .find(|r| r["doc"] == "001_9e2afc69ac3b4727.txt")
        .unwrap();
    assert_eq!(korean["language"], "ko");
    assert_eq!(korean["title"], "홍콩과 선전, 금융 및 AI 협력 강화");
    // Its date is not in the metadata file: the text's reporting sentence gives it.
    assert_eq!(korean["date"], "2026-01-15");
    let interview = rows
        .iter()
        .find(|r| r["doc"] == "004_6ec4b9d94bc9957d.txt")
        .unwrap();
    assert_eq!(
        (interview["author"].as_str(), interview["date"].as_str()),
        (Some("Zhang Yu"), Some("2023-03-14"))
    );
}

#[test]
fn human_output_marks_matches_and_bad_usage_is_explained() {
    let (ok, stdout, _) = atlas(&["search", "Pékin"]);
    assert!(ok);
    assert!(stdout.contains("[Pékin]"), "{stdout}");
    let (ok, _, stderr) = atlas(&["search", "x", "--limit", "many"]);
    assert!(!ok && stderr.contains("--limit") && stderr.contains("whole number"), "{stderr}");
    let (ok, _, stderr) = atlas(&["frobnicate"]);
    assert!(!ok && stderr.contains("unrecognized subcommand"), "{stderr}");
}

#[test]
fn check_reports_a_corpus_or_its_first_problem() {
    let (ok, stdout, stderr) = atlas(&[
        "check",
        concat!(env!("CARGO_MANIFEST_DIR"), "/assets/corpus"),
    ]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("5 documents"), "{stdout}");
    let (ok, _, stderr) = atlas(&["check", "/nonexistent/corpus"]);
    assert!(
        !ok && stderr.contains("/nonexistent/corpus")
            && stderr.contains("cannot read the corpus folder"),
        "{stderr}"
    );
}

#[test]
fn places_json_gives_each_section_its_places_with_the_strings_found() {
    let (ok, stdout, stderr) = atlas(&["places", "--json"]);
    assert!(ok, "{stderr}");
    let rows: Vec<Value> = serde_json::from_str(&stdout).expect("a JSON array");
    let find = |doc: &str, name: &str| {
        rows.iter()
            .filter(|r| {
                r["doc"].as_str().unwrap().starts_with(doc)
                    && (r["city"] == name || r["region"] == name)
            })
            .collect::<Vec<_>>()
    };
    // 선전과의, 선전과 … in Korean; Zhijiang and Z Jiang in French are Zhejiang (a province).
    let shenzhen = find("001", "Shenzhen");
    assert!(!shenzhen.is_empty());
    let surfaces: Vec<&str> = shenzhen
        .iter()
        .flat_map(|r| r["surfaces"].as_array().unwrap())
        .filter_map(Value::as_str)
        .collect();
    assert!(surfaces.contains(&"선전과의"), "{surfaces:?}");
    assert!(
        (shenzhen[0]["lat"].as_f64().unwrap() - 22.5).abs() < 0.2
            && (shenzhen[0]["lon"].as_f64().unwrap() - 114.1).abs() < 0.2
    );
    let zhejiang = find("000", "Zhejiang");
    assert_eq!(zhejiang[0]["kind"], "province");
    assert_eq!(
        zhejiang[0]["surfaces"],
        serde_json::json!(["Zhijiang", "Z Jiang"])
    );
    assert!(find("000", "Zhijiang").is_empty());
    for r in &rows {
        assert!(r["count"].as_u64().unwrap() >= 1 && r["section"].is_u64());
        assert!(
            r.get("city").is_some() != r.get("kind").is_some(),
            "a city, or a region with its kind: {r}"
        );
    }
}

#[test]
fn dates_json_dates_every_document_and_resolves_relative_dates() {
    let (ok, stdout, stderr) = atlas(&["dates", "--json"]);
    assert!(ok, "{stderr}");
    let rows: Vec<Value> = serde_json::from_str(&stdout).expect("a JSON array");
    let index = corpus_atlas::index().unwrap();
    for doc in index.docs() {
        assert!(
            rows.iter()
                .any(|r| r["doc"] == doc.id && r["published"].is_string()),
            "{} is undated",
            doc.id
        );
    }
    let all: Vec<(&str, &str, &str)> = rows
        .iter()
        .flat_map(|r| r["expressions"].as_array().unwrap())
        .map(|e| {
            (
                e["surface"].as_str().unwrap(),
                e["value"].as_str().unwrap(),
                e["kind"].as_str().unwrap(),
            )
        })
        .collect();
    for expected in [
        ("25 avril", "2025-04-25", "absolute"),
        ("2026년부터 2030년까지를", "2026/2030", "absolute"),
        ("2035년까지", "2035", "absolute"),
        ("수요일", "2026-01-14", "relative"),
        ("March 2021", "2021-03", "absolute"),
        ("June last year", "2023-06", "relative"),
        ("25/6/2019", "2019-06-25", "absolute"),
        ("October next year", "2020-10", "relative"),
    ] {
        assert!(all.contains(&expected), "{expected:?} missing from {all:?}");
    }
    // The blog post titled "GBA Briefs: 25/6/2019" is published that day; the others in 2019.
    let briefs = rows
        .iter()
        .find(|r| {
            r["expressions"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["surface"] == "25/6/2019")
        })
        .unwrap();
    assert_eq!(briefs["published"], "2019-06-25");
    assert_eq!(briefs["published_inferred"], false);
    for (surface, _, _) in &all {
        for not_a_date in ["5G", "145%", "2,000", "5개년", "May Tse"] {
            assert_ne!(surface, &not_a_date);
        }
    }
}

#[test]
fn corpus_text_never_sends_escape_sequences_to_the_terminal() {
    // The hostile corpus holds ESC[31m, a bell, a backspace and a bidi override.
    let out = std::env::temp_dir().join(format!("atlas-hostile-{}.bin", std::process::id()));
    let hostile = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/hostile");
    let (ok, _, stderr) = atlas(&["build", hostile, "-o", out.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    let index = out.to_str().unwrap();
    for args in [
        vec!["search", "escape red bell", "--index", index],
        vec!["search", "right-to-left override", "--index", index],
        vec!["docs", "--index", index],
        vec!["sections", "--index", index],
    ] {
        let (ok, stdout, stderr) = atlas(&args);
        assert!(ok, "{args:?}: {stderr}");
        assert!(
            !stdout.chars().any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'),
            "{args:?} printed a raw control character: {stdout:?}"
        );
    }
    let (_, stdout, _) = atlas(&["search", "escape red bell", "--index", index]);
    assert!(stdout.contains("\\u{1b}[31m"), "shown escaped: {stdout}");
    let (ok, _, stderr) = atlas(&["docs", "--index", "/nonexistent/index.bin"]);
    assert!(!ok && stderr.contains("/nonexistent/index.bin"), "{stderr}");
}
