//! Offline and private: the single HTML file opened from disk, the site
//! under a subpath, and no request of any kind after the page's own files.

use std::time::Duration;

use serde_json::Value;

use crate::support::{dist_dir, screenshot_path, Browser, Server};

const RESULTS: &str = "return (document.querySelector('ol[aria-label=Results][aria-busy]') ? 0 : document.querySelectorAll('ol[aria-label=Results] > li').length)";

/// Types a query, opens the first result, goes back: what a reader does.
fn use_the_app(browser: &Browser) {
    browser.wait_for(
        "the search box",
        "return document.querySelector('input[type=search]')",
    );
    browser.type_into("input[type=search]", "선전\n");
    browser.wait_for("results", &format!("{RESULTS} > 3"));
    browser.click("ol[aria-label=Results] li h2 a");
    browser.wait_for(
        "the reader",
        "return document.querySelector('.reader-body mark')",
    );
    browser.back();
    browser.wait_for("results again", &format!("{RESULTS} > 3"));
}

#[test]
fn the_single_file_works_from_disk_with_no_network() {
    let file = dist_dir().join("corpus-atlas.html");
    assert!(file.is_file(), "make test builds dist/corpus-atlas.html");
    let browser = Browser::start();
    browser.goto(&format!("file://{}", file.display()));
    use_the_app(&browser);
    let policy = browser.js(
        "return document.querySelector('meta[http-equiv=Content-Security-Policy]').content",
        vec![],
    );
    assert!(
        policy.as_str().unwrap().starts_with("default-src 'none'"),
        "{policy}"
    );
    let fetched = browser.js(
        "return performance.getEntriesByType('resource').map(e => e.name)",
        vec![],
    );
    assert_eq!(
        fetched,
        Value::Array(vec![]),
        "the single file fetched something"
    );
    // Embed code copied from a file on disk would point at that file: the
    // share panel says so.
    browser.click(".share button:nth-child(2)");
    let warning = browser.wait_for(
        "the file:// warning",
        "return document.querySelector('.share-warning[role=alert]')?.textContent",
    );
    assert!(warning.as_str().unwrap().contains("opened from a file"), "{warning}");
    browser.screenshot(&screenshot_path("single-file"));
    // The research views work from disk as well: the concordance's rows are
    // the engine's, trends draw bars, the documents table lists every text.
    let index = corpus_atlas::index().unwrap();
    let want = corpus_atlas::engine::research::concordance(index, "Hong Kong", Default::default()).len();
    browser.goto(&format!("file://{}#/kwic?q=Hong%20Kong", file.display()));
    let total = browser.wait_for(
        "the concordance from disk",
        "const t = document.querySelector('table.kwic'); \
         return t && t.querySelector('tbody tr:not(.kwic-spacer)') ? Number(t.getAttribute('aria-rowcount')) - 1 : null",
    );
    assert_eq!(total.as_u64(), Some(want as u64), "every match of the engine's concordance");
    browser.goto(&format!("file://{}#/trends?q=Shenzhen", file.display()));
    browser.wait_for("trends from disk", "return document.querySelector('.trends-svg .trend-bar')");
    browser.goto(&format!("file://{}#/docs", file.display()));
    let docs = browser.wait_for(
        "the documents table from disk",
        "const n = document.querySelectorAll('table.doc-table tbody tr').length; return n ? n : null",
    );
    assert_eq!(docs.as_u64(), Some(u64::from(index.doc_count())));
    let fetched = browser.js("return performance.getEntriesByType('resource').length", vec![]);
    assert_eq!(fetched, Value::from(0), "nothing fetched for the research views");
    browser.assert_clean_console();
}

#[test]
fn the_site_works_under_a_subpath() {
    let server = Server::start(dist_dir(), "/some/sub/path/");
    let browser = Browser::start();
    browser.goto(&format!("{}#/search?q=Hong%20Kong", server.url));
    browser.wait_for("results", &format!("{RESULTS} > 3"));
    browser.refresh();
    browser.wait_for("results after reload", &format!("{RESULTS} > 3"));
    for path in server.requests() {
        assert!(
            path.starts_with("/some/sub/path/"),
            "requested {path} outside the subpath"
        );
    }
    browser.assert_clean_console();
}

/// Waits until the service worker controls the page (it has cached the build).
pub fn wait_for_worker(browser: &Browser) {
    browser.wait_for(
        "the service worker",
        "return navigator.serviceWorker && navigator.serviceWorker.controller !== null",
    );
}

#[test]
fn nothing_is_fetched_after_the_page_loads() {
    let server = Server::start(dist_dir(), "/");
    let browser = Browser::start();
    browser.goto(&server.url);
    browser.wait_for(
        "the app",
        "return document.querySelector('ol[aria-label=Documents] li')",
    );
    // The page loads in three requests at most: itself, the wasm and the
    // manifest (the glue, the styles and the icon are inside the page).
    let fetched = browser.js(
        "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)",
        vec![],
    );
    let fetched: Vec<&str> = fetched.as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert!(fetched.len() <= 2, "the page fetched {fetched:?} besides itself");
    assert!(fetched.iter().any(|p| p.ends_with("_bg.wasm")), "{fetched:?}");
    wait_for_worker(&browser);
    std::thread::sleep(Duration::from_millis(200));
    let at_load = server.requests();
    let dist = dist_dir();
    for path in &at_load {
        let file = path.trim_start_matches('/').split('?').next().unwrap_or("");
        assert!(
            file.is_empty() || dist.join(file).is_file(),
            "the page fetched {path}, which is not one of its files"
        );
    }
    use_the_app(&browser);
    browser.goto(&format!("{}#/search?q=shenzen%20lang%3Aen", server.url));
    browser.wait_for("typo results", &format!("{RESULTS} > 0"));
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(server.requests(), at_load, "requests after load");
    let policy = browser.js(
        "return document.querySelector('meta[http-equiv=Content-Security-Policy]')?.content",
        vec![],
    );
    let policy = policy
        .as_str()
        .expect("the page has a Content-Security-Policy");
    assert!(
        policy.contains("default-src 'none'")
            && !policy.contains("'unsafe-inline'")
            && !policy.contains("'unsafe-eval'"),
        "{policy}"
    );
    browser.assert_clean_console();
}

#[test]
fn after_one_visit_it_works_offline() {
    let server = Server::start(dist_dir(), "/");
    let browser = Browser::start();
    browser.goto(&server.url);
    browser.wait_for(
        "the app",
        "return document.querySelector('ol[aria-label=Documents] li')",
    );
    wait_for_worker(&browser);
    server.go_offline();
    browser.goto(&format!("{}#/search?q=Hong%20Kong", server.url));
    browser.refresh();
    browser.wait_for("results with the network gone", &format!("{RESULTS} > 3"));
    browser.screenshot(&screenshot_path("offline-reload"));
}

/// A copy of a built site in `root/name/`.
fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

#[test]
fn two_deployments_on_one_origin_keep_their_own_offline_copies() {
    // Two different builds under two paths of one host: each one's worker
    // must leave the other's cache alone.
    let root = std::env::temp_dir().join(format!("corpus-atlas-two-sites-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    copy_dir(&dist_dir(), &root.join("a"));
    copy_dir(&crate::support::hostile_dist_dir(), &root.join("b"));
    let server = Server::start(root.clone(), "/");
    let browser = Browser::start();
    let keys = "const done = arguments[arguments.length - 1]; caches.keys().then(done, () => done([]));";
    for site in ["a", "b"] {
        browser.goto(&format!("{}{site}/", server.url));
        wait_for_worker(&browser);
        let mut found = false;
        for _ in 0..100 {
            let k = browser.js_async(keys, vec![]);
            if k.as_array().is_some_and(|k| k.iter().any(|k| k.as_str().is_some_and(|k| k.starts_with(&format!("corpus-atlas:/{site}/:"))))) {
                found = true;
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        assert!(found, "no cache for /{site}/");
    }
    let k = browser.js_async(keys, vec![]);
    assert!(
        k.as_array().unwrap().iter().any(|k| k.as_str().is_some_and(|k| k.starts_with("corpus-atlas:/a/:"))),
        "the second deployment deleted the first one's cache: {k}"
    );
    server.go_offline();
    browser.goto(&format!("{}a/#/search?q=Macau", server.url));
    browser.wait_for("the first site, offline", &format!("{RESULTS} > 0"));
    let _ = std::fs::remove_dir_all(&root);
}
