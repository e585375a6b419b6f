//! A corpus of hostile text (tests/data/hostile plus a 1 MB line and a 10 MB
//! file) built into its own site: every piece renders as inert text, no script
//! runs, no dialog opens, and search still works.

use serde_json::Value;

use crate::support::{hostile_dist_dir, screenshot_path, Browser, Server};

/// Checks that nothing from the corpus became markup or ran.
const INERT: &str = "
    const app = document.getElementById('app');
    return {
        pwned: window.__pwned === undefined ? null : window.__pwned,
        scripts: app.querySelectorAll('script, iframe, img, style, a[href^=javascript], details, [onerror], [onload]').length
            // The map and the timeline are the app's own two drawings; any other svg came from text.
            + [...app.querySelectorAll('svg')].filter(s => !s.matches('.panels > section > div > svg.map-svg, .panels > section > div > svg.timeline-svg')).length,
        fatal: !document.getElementById('fatal').hidden,
        visible: getComputedStyle(document.body).display !== 'none',
    };";

fn assert_inert(browser: &Browser) {
    let v = browser.js(INERT, vec![]);
    assert_eq!(v["pwned"], Value::Null, "a script from the corpus ran");
    assert_eq!(v["scripts"], 0, "corpus text became elements");
    assert_eq!(v["fatal"], false, "the error panel is showing");
    assert_eq!(v["visible"], true);
    assert!(!browser.dialog_open(), "a dialog opened");
}

fn open() -> (Server, Browser) {
    (Server::start(hostile_dist_dir(), "/"), Browser::start())
}

#[test]
fn hostile_markup_is_shown_as_text_and_never_runs() {
    let (server, browser) = open();
    browser.goto(&server.url);
    browser.wait_for(
        "the document list",
        "return document.querySelectorAll('ol[aria-label=Documents] > li').length === 6",
    );
    assert_inert(&browser);
    // Hostile metadata (tests/data/hostile.toml) and a file name that is markup: text.
    let list = browser.js(
        "return document.querySelector('ol[aria-label=Documents]').textContent",
        vec![],
    );
    for literal in [
        "<script>window.__pwned = 10</script> A title",
        "\"><img src=x onerror=\"window.__pwned=11\">",
        // (the file name, without its extension, stands for the missing source)
        "<img src=x onerror=window.__pwned=9>",
    ] {
        assert!(
            list.as_str().unwrap().contains(literal),
            "{literal} is not shown literally in {list}"
        );
    }
    let ids = browser.js("return [...document.querySelectorAll('ol[aria-label=Documents] > li')].map(li => li.dataset.doc)", vec![]);
    assert!(
        ids.as_array().unwrap().iter().any(|id| id == "<img src=x onerror=window.__pwned=9>.txt"),
        "the markup file's id, as data: {ids}"
    );
    // Hostile entity names (tests/data/hostile-entities.toml) on the map and beside it.
    let named = browser.wait_for(
        "the hostile place on the map",
        "const m = [...document.querySelectorAll('g[data-city]')].map(g => g.dataset.city); const chips = document.querySelector('section[aria-label=\"City map\"]')?.textContent ?? ''; return m.length ? [m, chips.includes('<svg onload=window.__pwned=15>')] : null",
    );
    assert!(
        named[0].as_array().unwrap().iter().any(|c| c.as_str() == Some("<img src=x onerror=\"window.__pwned=14\">")),
        "{named}"
    );
    assert_eq!(named[1], true, "the hostile region's name is shown as text: {named}");
    assert_inert(&browser);
    browser.goto(&format!(
        "{}#/search?q=macau",
        server.url
    ));
    browser.wait_for(
        "the file named like markup, found and linked",
        "return [...document.querySelectorAll('ol[aria-label=Results] a')].some(a => decodeURIComponent(a.getAttribute('href')).includes('<img src=x onerror=window.__pwned=9>.txt'))",
    );
    assert_inert(&browser);
    browser.goto(&format!("{}#/doc/script-tags.txt", server.url));
    browser.wait_for(
        "the hostile author in the reader's metadata",
        "return document.querySelector('.reader .meta')?.textContent.includes('<svg onload=window.__pwned=12>')",
    );
    assert_inert(&browser);
    browser.goto(&server.url);

    browser.goto(&format!("{}#/search?q=script", server.url));
    let snippet = browser.wait_for(
        "results for script",
        "return document.querySelector('ol[aria-label=Results] li .snippet')?.textContent",
    );
    assert!(
        snippet.as_str().unwrap().contains("<script>"),
        "markup shows as text: {snippet}"
    );
    assert_inert(&browser);
    browser.screenshot(&screenshot_path("hostile-search"));

    browser.goto(&format!("{}#/doc/script-tags.txt?q=alert", server.url));
    let body = browser.wait_for(
        "the reader",
        "return document.querySelector('.reader-body')?.textContent",
    );
    for literal in [
        "<img src=x onerror=",
        "javascript:window.__pwned=5",
        "&lt;script&gt;",
        "<style>body { display: none }</style>",
    ] {
        assert!(
            body.as_str().unwrap().contains(literal),
            "{literal} is not shown literally"
        );
    }
    assert_inert(&browser);
    browser.screenshot(&screenshot_path("hostile-reader"));

    // A Markdown file is read as its text: a link's words stay, its target
    // goes, and no element comes of it; raw HTML in it is shown as text.
    browser.goto(&format!("{}#/doc/entities-and-links.md", server.url));
    browser.wait_for(
        "the markdown file",
        "const t = document.querySelector('.reader-body')?.textContent; \
         return t && t.includes('a link and an image in Shenzhen') && t.includes('<details open ontoggle=')",
    );
    let anchors = browser.js("return document.querySelectorAll('.reader-body a, .reader-body img, .reader-body details').length", vec![]);
    assert_eq!(anchors.as_u64(), Some(0), "markup in a Markdown file made elements");
    assert_inert(&browser);
    browser.assert_clean_console();
}

#[test]
fn unicode_tricks_and_huge_texts_still_search() {
    let (server, browser) = open();
    // Zero-width characters split words as any separator would; the rest stays searchable.
    browser.goto(&format!("{}#/search?q=Hong%20Kong", server.url));
    let ids = browser.wait_for(
        "results from every file",
        "const ids = [...document.querySelectorAll('ol[aria-label=Results] li')].map(e => e.dataset.doc); return ids.length >= 3 ? ids : null",
    );
    let ids: Vec<&str> = ids
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for id in [
        "one-megabyte-line.txt",
        "script-tags.txt",
        "unicode-tricks.txt",
    ] {
        assert!(ids.contains(&id), "{id} not found: {ids:?}");
    }
    assert_inert(&browser);
    browser.goto(&format!("{}#/search?q=fintech%20reports", server.url));
    browser.wait_for("the 10 MB file", "return [...document.querySelectorAll('ol[aria-label=Results] li')].some(e => e.dataset.doc === 'ten-megabytes.txt')");
    browser.goto(&format!("{}#/doc/one-megabyte-line.txt?q=hub", server.url));
    let len = browser.wait_for(
        "the 1 MB line",
        "return document.querySelector('.reader-body')?.textContent.length",
    );
    assert!(len.as_u64().unwrap() >= 1_000_000, "{len}");
    assert_inert(&browser);
    browser.screenshot(&screenshot_path("hostile-unicode"));
    browser.assert_clean_console();
}
