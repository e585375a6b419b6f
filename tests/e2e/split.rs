//! The split site (`make split`, part of `make test`): the wasm holds the
//! tables, and the dictionary with the postings, the texts and the spelling
//! lists come from shards/ as queries need them. It must answer as the whole site does, fetch only a
//! few shards per query, and say so plainly when the host lacks them.

use std::path::PathBuf;

use crate::map::result_ids;
use crate::support::{dist_dir, screenshot_path, Browser, Server};

const RESULTS: &str = "(document.querySelector('ol[aria-label=Results][aria-busy]') ? 0 : document.querySelectorAll('ol[aria-label=Results] > li').length)";

fn split_dist_dir() -> PathBuf {
    crate::support::built_site("dist-split", "shards")
}

/// Result ids, how many snippets waited for the reader to scroll near them,
/// and whether every snippet has text once the reader has scrolled down the
/// whole list.
fn answer(browser: &Browser, url: &str) -> (Vec<String>, u64, bool) {
    browser.goto(url);
    browser.wait_for(
        "final results",
        &format!("return ({RESULTS}) > 0 && !document.querySelector('.snippet.loading')"),
    );
    let deferred = browser.js("return document.querySelectorAll('.snippet.deferred').length", vec![]);
    browser.js("window.scrollTo(0, document.body.scrollHeight); return true", vec![]);
    browser.wait_for(
        "every snippet, scrolled to",
        "return !document.querySelector('.snippet.loading, .snippet.deferred')",
    );
    let filled = browser.js(
        "return [...document.querySelectorAll('ol[aria-label=Results] > li .snippet')].every(p => p.textContent.trim().length > 20)",
        vec![],
    );
    browser.js("window.scrollTo(0, 0); return true", vec![]);
    (result_ids(browser), deferred.as_u64().unwrap_or(0), filled == serde_json::Value::Bool(true))
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
    let mut deferred = 0;
    for q in ["%EC%84%A0%EC%A0%84", "guangzhuo", "hong%20kong%20port"] {
        let (expected, none_deferred, _) = answer(&browser, &format!("{}#/search?q={q}", whole.url));
        assert_eq!(none_deferred, 0, "a whole index has every text: nothing waits ({q})");
        let before = split.requests().len();
        let (got, waited, filled) = answer(&browser, &format!("{}#/search?q={q}", split.url));
        deferred += waited;
        assert_eq!(got, expected, "query {q}");
        assert!(filled, "every snippet has its text once scrolled to ({q})");
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
        // Only a word found nowhere fetches spelling lists, those of its length give or take two.
        let spelling = shards.iter().filter(|r| r.contains("/shards/s-")).count();
        let typo = q == "guangzhuo";
        assert!(if typo { (1..=5).contains(&spelling) } else { spelling == 0 }, "{q}: {shards:?}");
    }
    assert!(deferred > 0, "results far below the screen fetch their texts only when scrolled near");
    browser.screenshot(&screenshot_path("split-results"));
    // The footer says what this mode tells the host.
    let footer = browser.js("return document.querySelector('footer').textContent", vec![]);
    assert!(
        footer.as_str().unwrap().contains("the site can tell"),
        "the split mode's footer names what the host learns: {footer}"
    );
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

#[test]
fn a_poisoned_shard_is_never_cached_and_a_failure_can_be_retried() {
    // A host (or a cache on the way) answers 200 with an error page where
    // the shards should be; later it is fixed.
    let site = std::env::temp_dir().join(format!("corpus-atlas-poisoned-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    std::fs::create_dir_all(site.join("shards")).unwrap();
    for entry in std::fs::read_dir(split_dist_dir()).unwrap().flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), site.join(entry.file_name())).unwrap();
        }
    }
    let shards: Vec<_> = std::fs::read_dir(split_dist_dir().join("shards"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    let poison = |on: bool| {
        for name in &shards {
            let to = site.join("shards").join(name);
            if on {
                std::fs::write(&to, "<html><body>502 Bad Gateway</body></html>").unwrap();
            } else {
                std::fs::copy(split_dist_dir().join("shards").join(name), &to).unwrap();
            }
        }
    };
    poison(true);
    let server = Server::start(site.clone(), "/");
    let browser = Browser::start();
    browser.goto(&server.url);
    crate::offline::wait_for_worker(&browser);
    browser.goto(&format!("{}#/search?q=Shenzhen", server.url));
    let message = browser.wait_for(
        "the message about the damaged shard",
        "return document.querySelector('[role=alert].shard-error')?.textContent",
    );
    assert!(message.as_str().unwrap().contains("where the index lists"), "{message}");
    // Fixed on the host: "Try again" loads it, and no poisoned copy was kept.
    poison(false);
    browser.click("[role=alert].shard-error button");
    browser.wait_for(
        "results once the shards are right",
        &format!("return ({RESULTS}) > 0 && !document.querySelector('.shard-error')"),
    );
    let cached = browser.js_async(
        "const done = arguments[arguments.length - 1];
         caches.keys().then(async (keys) => {
           const bodies = [];
           for (const k of keys) { const c = await caches.open(k); for (const r of await c.keys()) if (r.url.includes('/shards/')) bodies.push(await (await c.match(r)).text()); }
           done(bodies.filter((b) => b.includes('Bad Gateway')).length);
         });",
        vec![],
    );
    assert_eq!(cached, serde_json::json!(0), "an error page was cached as a shard");
    let _ = std::fs::remove_dir_all(&site);
}

#[test]
fn the_research_views_answer_on_the_split_site_as_on_the_whole_one() {
    let whole = Server::start(dist_dir(), "/");
    let split = Server::start(split_dist_dir(), "/news/atlas/");
    let browser = Browser::start();
    // The concordance: the same rows (document and offset), once the texts
    // arrive; the first ten, which both draw however short the screen.
    const ROWS: &str = "return [...document.querySelectorAll('table.kwic tbody tr[data-row]')].slice(0, 10).map(tr => tr.dataset.doc + '@' + tr.dataset.start + ':' + tr.querySelector('.kwic-left').textContent)";
    let rows = |url: &str, expected: Option<&serde_json::Value>| {
        browser.goto(url);
        let wait = match expected {
            None => format!("const r = (() => {{ {ROWS} }})(); return r.length === 10 ? r : null"),
            Some(e) => format!("const r = (() => {{ {ROWS} }})(); return JSON.stringify(r) === {:?} ? r : null", e.to_string()),
        };
        browser.wait_for("the concordance", &wait)
    };
    let expected = rows(&format!("{}#/kwic?q=Hong%20Kong&sort=right", whole.url), None);
    let got = rows(&format!("{}#/kwic?q=Hong%20Kong&sort=right", split.url), Some(&expected));
    assert_eq!(got, expected);
    // The trends: the same table.
    const TABLE: &str = "return document.querySelector('table.trend-table')?.textContent";
    browser.goto(&format!("{}#/trends?q=Shenzhen", whole.url));
    let expected = browser.wait_for("the trends", TABLE);
    browser.goto(&format!("{}#/trends?q=Shenzhen", split.url));
    browser.wait_for("the same trends", &format!("return document.querySelector('table.trend-table')?.textContent === {expected}"));
    browser.screenshot(&screenshot_path("split-trends"));
    browser.assert_clean_console();
}
