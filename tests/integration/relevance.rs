//! The relevance set (tests/data/relevance.toml): hand-judged queries over the
//! default corpus. Prints nDCG@10 and recall@10 and fails below the thresholds.

use serde::Deserialize;

use corpus_atlas::engine::search::{search, SearchOptions};

/// Mean nDCG@10 the engine must reach.
const MIN_NDCG: f64 = 0.95;
/// Mean recall@10 the engine must reach.
const MIN_RECALL: f64 = 0.95;

#[derive(Deserialize)]
struct Judgment {
    q: String,
    case: String,
    docs: Vec<String>,
    section: Option<String>,
}

#[derive(Deserialize)]
struct Nothing {
    q: String,
}

#[derive(Deserialize)]
struct Set {
    query: Vec<Judgment>,
    nothing: Vec<Nothing>,
}

fn load() -> Set {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/relevance.toml"
    ))
    .expect("relevance set");
    toml::from_str(&text).expect("relevance.toml parses")
}

/// Ranked distinct documents of a query, with the section titles seen for each.
fn ranked(q: &str) -> (Vec<&'static str>, Vec<&'static str>) {
    let index = corpus_atlas::index().unwrap();
    let hits = search(index, q, SearchOptions { typing: false }).hits;
    let mut docs: Vec<&str> = Vec::new();
    let mut sections: Vec<&str> = Vec::new();
    for h in hits.iter() {
        let id = index.doc(h.doc).id;
        if !docs.contains(&id) {
            docs.push(id);
        }
        if sections.len() < 10 {
            sections.push(index.section(h.section).title);
        }
    }
    (docs, sections)
}

fn ndcg_at_10(ranked: &[&str], relevant: &[String]) -> f64 {
    let dcg: f64 = ranked
        .iter()
        .take(10)
        .enumerate()
        .filter(|(_, d)| relevant.iter().any(|r| r == *d))
        .map(|(i, _)| 1.0 / ((i + 2) as f64).log2())
        .sum();
    let ideal: f64 = (0..relevant.len().min(10))
        .map(|i| 1.0 / ((i + 2) as f64).log2())
        .sum();
    dcg / ideal
}

#[test]
fn relevance_set_scores_above_threshold() {
    let set = load();
    assert!(set.query.len() >= 30, "the set needs at least 30 queries");
    let (mut ndcg_sum, mut recall_sum) = (0.0, 0.0);
    let mut failures = Vec::new();
    for j in &set.query {
        let (docs, sections) = ranked(&j.q);
        let ndcg = ndcg_at_10(&docs, &j.docs);
        let found = j
            .docs
            .iter()
            .filter(|d| docs.iter().take(10).any(|r| r == d))
            .count();
        let mut recall = found as f64 / j.docs.len() as f64;
        if let Some(want) = &j.section {
            if !sections
                .iter()
                .take(3)
                .any(|s| s.starts_with(want.as_str()))
            {
                recall = 0.0;
                failures.push(format!(
                    "{:?} ({}): section {want:?} not in the top 3 sections {sections:?}",
                    j.q, j.case
                ));
            }
        }
        if ndcg < 1.0 || recall < 1.0 {
            failures.push(format!(
                "{:?} ({}): nDCG {ndcg:.2}, recall {recall:.2}, got {docs:?}",
                j.q, j.case
            ));
        }
        ndcg_sum += ndcg;
        recall_sum += recall;
    }
    let n = set.query.len() as f64;
    let (ndcg, recall) = (ndcg_sum / n, recall_sum / n);
    crate::figure(&format!(
        "relevance (demo): {} queries, mean nDCG@10 {ndcg:.3}, mean recall@10 {recall:.3}",
        set.query.len()
    ));
    for f in &failures {
        println!("  below perfect: {f}");
    }
    for nothing in &set.nothing {
        let (docs, _) = ranked(&nothing.q);
        assert!(
            docs.is_empty(),
            "{:?} is page furniture but found {docs:?}",
            nothing.q
        );
    }
    assert!(ndcg >= MIN_NDCG, "mean nDCG@10 {ndcg:.3} < {MIN_NDCG}");
    assert!(
        recall >= MIN_RECALL,
        "mean recall@10 {recall:.3} < {MIN_RECALL}"
    );
}
