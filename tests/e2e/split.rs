//! The split site (`make split`, part of `make test`): the wasm holds the
//! dictionary and tables, and the postings and texts come from shards/ as
//! queries need them. It must answer as the whole site does, fetch only a
//! few shards per query, and say so plainly when the host lacks them.

use std::path::PathBuf;

use crate::map::result_ids;
use crate::support::{dist_dir, screenshot_path, Browser, Server};

const RESULTS: &str = "document.querySelectorAll('ol[aria-label=Results] > li').length";

fn split_dist_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist-split");
    assert!(
        dir.join("shards").is_dir(),
        "{} is missing: run `make test`, which builds it",
        dir.display()
    );
    dir
}

/// Result ids and whether every shown snippet has text, once the answer is final.
fn answer(browser: &Browser, url: &str) -> (Vec<String>, bool) {
    browser.goto(url);
    browser.wait_for(
        "final results",
        &format!("return ({RESULTS}) > 0 && !document.querySelector('.snippet.loading')"),
    );
    let filled = browser.js(
        "return [...document.querySelectorAll('ol[aria-label=Results] > li .snippet')].every(p => p.textContent.trim().length > 20)",
        vec![],
    );
    (result_ids(browser), filled == serde_json::Value::Bool(true))
}

#[test]
fn the_split_site_answers_as_the_whole_one_fetching_a_few_shards() {
    let whole = Server::start(dist_dir(), "/");
    let split = Server::start(split_dist_dir(), "/news/atlas/");
    let browser = Browser::start();
    browser.resize(1280, 1000);
    let shard_files = std::fs::read_dir(split_dist_dir().join("shards"))
        .unwrap()
        .count();
    for q in ["%EC%84%A0%EC%A0%84", "guangzhuo", "hong%20kong%20port"] {
        let (expected, _) = answer(&browser, &format!("{}#/search?q={q}", whole.url));
        let before = split.requests().len();
        let (got, filled) = answer(&browser, &format!("{}#/search?q={q}", split.url));
        assert_eq!(got, expected, "query {q}");
        assert!(filled, "every snippet has its text ({q})");
        let shards: Vec<String> = split.requests()[before..]
            .iter()
            .filter(|r| r.contains("/shards/"))
            .cloned()
            .collect();
        assert!(
            shards.iter().all(|r| r.starts_with("/news/atlas/shards/")),
            "{shards:?}"
        );
        assert!(
            shards.len() < shard_files,
            "{q}: fetched {} of {shard_files} shards",
            shards.len()
        );
    }
    browser.screenshot(&screenshot_path("split-results"));
    // The reader gets its text, with the query marked.
    browser.click("ol[aria-label=Results] li h2 a");
    browser.wait_for(
        "the reader's marks",
        "return document.querySelector('.reader-body mark')",
    );
    browser.screenshot(&screenshot_path("split-reader"));
    // The map counts the places once their lists arrive.
    browser.goto(&format!("{}#/search?q=", split.url));
    browser.wait_for(
        "counted cities",
        "return document.querySelector('g[data-city][data-count]:not([data-count=\"0\"])')",
    );
    browser.assert_clean_console();
}

#[test]
fn a_host_without_the_shards_gets_a_clear_message() {
    let site = std::env::temp_dir().join(format!("corpus-atlas-no-shards-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    std::fs::create_dir_all(&site).unwrap();
    for entry in std::fs::read_dir(split_dist_dir()).unwrap().flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), site.join(entry.file_name())).unwrap();
        }
    }
    let server = Server::start(site, "/");
    let browser = Browser::start();
    browser.goto(&format!("{}#/search?q=Shenzhen", server.url));
    let message = browser.wait_for(
        "the message",
        "return document.querySelector('[role=alert].shard-error')?.textContent",
    );
    let message = message.as_str().unwrap_or_default().to_owned();
    assert!(
        message.contains("shards/") && message.contains("404"),
        "{message}"
    );
    let status = browser.js(
        "return document.querySelector('.status').textContent",
        vec![],
    );
    assert!(
        status
            .as_str()
            .unwrap_or_default()
            .starts_with("Results unavailable"),
        "a missing shard is not an empty answer: {status}"
    );
    browser.screenshot(&screenshot_path("split-missing-shards"));
}
