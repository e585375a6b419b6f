//! Typing a query: ranked results with highlighted snippets, matching the
//! engine (and so `atlas search`) result for result.

use corpus_atlas::engine::{search, SearchOptions};
use serde_json::Value;

use crate::support::{open_app, screenshot_path};

const SEARCH_BOX: &str = "input[type=search]";

/// Document ids of the results shown, in order.
const RESULT_IDS: &str = "return [...document.querySelectorAll('ol[aria-label=Results] > li')].map(e => e.dataset.doc)";

fn engine_ids(query: &str) -> Vec<String> {
    let index = corpus_atlas::index().expect("embedded index");
    // Typed in the box: the last word is still a prefix.
    let results = search(index, query, SearchOptions { typing: true });
    results
        .hits
        .iter()
        .take(50)
        .map(|h| index.doc(h.doc).id.to_owned())
        .collect()
}

fn shown_ids(value: Value) -> Vec<String> {
    crate::support::strings(&value)
}

#[test]
fn search_box_is_a_named_searchbox() {
    let (server, browser) = open_app();
    browser.goto(&server.url);
    browser.wait_for(
        "the search box",
        "return document.querySelector('input[type=search]')",
    );
    let (name, role) = browser.accessibility(SEARCH_BOX);
    assert_eq!(
        (name.as_str(), role.as_str()),
        ("Search the corpus", "searchbox")
    );
    // Before a query, the overview lists every document.
    let docs = browser.wait_for(
        "the document list",
        "return document.querySelectorAll('ol[aria-label=Documents] > li').length",
    );
    assert_eq!(
        docs.as_u64(),
        Some(u64::from(corpus_atlas::index().unwrap().doc_count()))
    );
    browser.screenshot(&screenshot_path("overview"));
    browser.assert_clean_console();

    // Everything the page loaded came from its own folder on this server.
    let dist = crate::support::dist_dir();
    for path in server.requests() {
        let file = path.trim_start_matches('/').split('?').next().unwrap_or("");
        let file = if file.is_empty() { "index.html" } else { file };
        assert!(
            dist.join(file).is_file(),
            "the page requested {path}, which is not in dist/"
        );
    }
    let foreign = browser.js(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin))",
        vec![],
    );
    assert_eq!(
        foreign,
        serde_json::json!([]),
        "the page fetched from another origin"
    );
}

#[test]
fn typing_hong_kong_ranks_like_the_engine_with_marked_snippets() {
    let (server, browser) = open_app();
    browser.goto(&server.url);
    browser.wait_for(
        "the search box",
        "return document.querySelector('input[type=search]')",
    );
    browser.type_into(SEARCH_BOX, "Hong Kong");
    let expected = engine_ids("Hong Kong");
    assert!(
        expected.len() >= 3,
        "the corpus should have several Hong Kong results: {expected:?}"
    );
    let shown = browser.wait_for(
        "results for Hong Kong",
        &format!("const ids = (() => {{ {RESULT_IDS} }})(); return ids.length === {} && location.hash.includes('Hong') ? ids : null", expected.len()),
    );
    assert_eq!(
        shown_ids(shown),
        expected,
        "the app ranks differently from the engine"
    );

    // French and English documents are both found.
    let langs = browser.js(
        "return [...document.querySelectorAll('ol[aria-label=Results] > li')].map(li => li.lang)",
        vec![],
    );
    let langs: Vec<String> = shown_ids(langs);
    assert!(
        langs.contains(&"fr".to_owned()) && langs.contains(&"en".to_owned()),
        "{langs:?}"
    );

    // Every snippet highlights the query, as <mark> elements.
    let marks = browser.js(
        "return [...document.querySelectorAll('ol[aria-label=Results] > li')].map(li => [...li.querySelectorAll('.snippet mark')].map(m => m.textContent.toLowerCase()))",
        vec![],
    );
    for (i, item) in marks.as_array().unwrap().iter().enumerate() {
        let texts: Vec<&str> = item
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        // Hong Kong, or its Korean name 홍콩 with a particle (홍콩과).
        assert!(
            texts
                .iter()
                .any(|t| t.contains("hong kong") || t.starts_with("홍콩")),
            "result {i} has no highlighted Hong Kong: {texts:?}"
        );
    }
    let status = browser.js(
        "return document.querySelector('[role=status]').textContent",
        vec![],
    );
    assert!(
        status
            .as_str()
            .unwrap()
            .starts_with(&format!("{} results", expected.len())),
        "{status}"
    );
    // Readers see a count, not a developer's timing.
    assert!(!status.as_str().unwrap().contains(" ms"), "{status}");
    assert!(
        browser.url().contains("#/search?q=Hong%20Kong"),
        "{}",
        browser.url()
    );
    browser.screenshot(&screenshot_path("search-hong-kong"));
    browser.assert_clean_console();
}

#[test]
fn a_query_with_no_match_says_so_instead_of_going_blank() {
    let (server, browser) = open_app();
    browser.goto(&format!("{}#/search?q=zzyzx%20\"unclosed", server.url));
    let status = browser.wait_for(
        "a status line",
        "return document.querySelector('[role=status]')?.textContent",
    );
    assert!(
        status.as_str().unwrap().starts_with("No results"),
        "{status}"
    );
    let hints = browser.js(
        "return [...document.querySelectorAll('.hints li')].map(l => l.textContent)",
        vec![],
    );
    let hints = shown_ids(hints);
    assert!(hints.iter().any(|h| h.contains("zzyzx")), "{hints:?}");
    assert!(hints.iter().any(|h| h.contains("quote")), "{hints:?}");
    browser.assert_clean_console();
}

#[test]
fn back_and_forward_step_through_searches() {
    let (server, browser) = open_app();
    browser.goto(&server.url);
    browser.wait_for(
        "the search box",
        "return document.querySelector('input[type=search]')",
    );
    browser.type_into(SEARCH_BOX, "Shenzhen\n");
    browser.wait_for("Shenzhen results", "return location.hash.includes('Shenzhen') && document.querySelector('ol[aria-label=Results] li')");
    browser.clear(SEARCH_BOX);
    browser.type_into(SEARCH_BOX, "Zhijiang\n");
    browser.wait_for("Zhijiang results", "return location.hash.includes('Zhijiang') && document.querySelector('ol[aria-label=Results] li mark')");
    browser.back();
    let value = browser.wait_for(
        "the Shenzhen search again",
        "const v = document.querySelector('input[type=search]').value; return location.hash.includes('Shenzhen') && v",
    );
    assert_eq!(
        value.as_str(),
        Some("Shenzhen"),
        "the search box should show the query of the route"
    );
    browser.forward();
    browser.wait_for("the Zhijiang search again", "return location.hash.includes('Zhijiang') && document.querySelector('input[type=search]').value === 'Zhijiang'");
    browser.assert_clean_console();
}

#[test]
fn the_skip_link_slash_and_escape_keep_the_reader_where_they_were() {
    let (server, browser) = open_app();
    browser.goto(&format!("{}#/search?q=Macau", server.url));
    browser.wait_for("Macau results", "return document.querySelector('ol[aria-label=Results] li')");
    // "Skip to results" moves focus to the results; the search and its URL stay.
    browser.js("document.querySelector('a.skip').click(); return true", vec![]);
    let after = browser.wait_for(
        "focus on the results",
        "return document.activeElement && document.activeElement.id === 'main' && [location.hash, document.querySelectorAll('ol[aria-label=Results] li').length]",
    );
    assert_eq!(after[0], "#/search?q=Macau", "{after}");
    assert!(after[1].as_u64().unwrap() > 0, "{after}");
    // "/" puts the cursor in the search box from anywhere on the page.
    browser.js("document.dispatchEvent(new KeyboardEvent('keydown', {key: '/', bubbles: true})); return true", vec![]);
    browser.wait_for("focus in the search box", "return document.activeElement && document.activeElement.type === 'search'");
    browser.assert_clean_console();
}

#[test]
fn clearing_the_box_keeps_the_search_before_it_one_back_away() {
    let (server, browser) = open_app();
    browser.goto(&server.url);
    browser.wait_for("the search box", "return document.querySelector('input[type=search]')");
    browser.type_into(SEARCH_BOX, "Hong Kong\n");
    browser.wait_for("Hong Kong results", "return location.hash.includes('Hong') && document.querySelector('ol[aria-label=Results] li')");
    // Escape clears the box: a step of its own, not a rewrite of Hong Kong's.
    browser.type_into(SEARCH_BOX, "\u{E00C}");
    browser.wait_for("the start page", "return location.hash === '#/' || location.hash === ''");
    browser.type_into(SEARCH_BOX, "Macau\n");
    browser.wait_for("Macau results", "return location.hash.includes('Macau') && document.querySelector('ol[aria-label=Results] li')");
    browser.back();
    browser.wait_for("the cleared page", "return location.hash === '#/' || location.hash === ''");
    browser.back();
    browser.wait_for(
        "Hong Kong again, one more Back away",
        "return location.hash.includes('Hong') && document.querySelector('input[type=search]').value === 'Hong Kong'",
    );
    browser.assert_clean_console();
}

#[test]
fn active_filters_are_pills_that_lift_one_or_all() {
    let (server, browser) = open_app();
    browser.goto(&format!("{}#/search?q=fintech%20city%3AShenzhen%20lang%3Aen", server.url));
    let pills = browser.wait_for(
        "the filter pills",
        "const p = [...document.querySelectorAll('ul[aria-label=\"Active filters\"] button')]; return p.length ? p.map(b => b.textContent) : null",
    );
    assert_eq!(
        pills,
        serde_json::json!(["city: Shenzhen×", "lang: en×", "Clear filters"]),
        "each filter is shown, and a way to lift them all"
    );
    let (name, role) = browser.accessibility("ul[aria-label=\"Active filters\"] li:first-child button");
    assert_eq!((name.as_str(), role.as_str()), ("Remove the filter city: Shenzhen", "button"));
    browser.screenshot(&screenshot_path("filter-pills"));
    // One pill lifts its filter only, as a step of its own in history.
    browser.click("ul[aria-label=\"Active filters\"] li:first-child button");
    browser.wait_for("the city filter lifted", "return !decodeURIComponent(location.hash).includes('city:')");
    assert_eq!(crate::map::current_query(&browser), "fintech lang:en");
    let shown = shown_ids(browser.wait_for("results", RESULT_IDS));
    let index = corpus_atlas::index().unwrap();
    let engine: Vec<String> = search(index, "fintech lang:en", SearchOptions::default())
        .hits
        .iter()
        .map(|h| index.doc(h.doc).id.to_owned())
        .take(shown.len())
        .collect();
    assert_eq!(shown, engine);
    // "Clear filters" shows only with two or more; the one left is lifted by its own pill.
    browser.click("ul[aria-label=\"Active filters\"] li:first-child button");
    browser.wait_for("no filter left", "return !document.querySelector('ul[aria-label=\"Active filters\"]')");
    assert_eq!(crate::map::current_query(&browser), "fintech");
    browser.back();
    browser.wait_for("back to one filter", "return decodeURIComponent(location.hash).includes('lang:en')");
    assert_eq!(crate::map::current_query(&browser), "fintech lang:en");
    browser.assert_clean_console();
}
