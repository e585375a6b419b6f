//! The reader: open a result, see every match highlighted, go back, reload a
//! deep link and land on the same view.

use corpus_atlas::engine::search::doc_highlights;

use crate::support::{open_app, screenshot_path};

fn expected_marks(id: &str, query: &str) -> usize {
    let index = corpus_atlas::index().unwrap();
    let doc = index.doc_by_id(id).expect("doc in corpus");
    doc_highlights(index, query, doc.ord, Default::default()).len()
}

#[test]
fn opening_a_result_shows_the_reader_and_back_returns() {
    let (server, browser) = open_app();
    browser.goto(&format!("{}#/search?q=Hong%20Kong", server.url));
    let first = browser.wait_for(
        "results",
        "return document.querySelector('ol[aria-label=Results] li')?.dataset.doc",
    );
    let id = first.as_str().unwrap().to_owned();
    browser.click("ol[aria-label=Results] li h2 a");
    browser.wait_for(
        "the reader",
        "return document.querySelector('article.reader .reader-body mark')",
    );
    assert!(
        browser.url().contains(&format!("#/doc/{id}?q=Hong%20Kong")),
        "{}",
        browser.url()
    );
    let marks = browser.js(
        "return document.querySelectorAll('.reader-body mark').length",
        vec![],
    );
    assert_eq!(
        marks.as_u64(),
        Some(expected_marks(&id, "Hong Kong") as u64),
        "every match in the document is highlighted"
    );
    let texts = browser.js("return [...document.querySelectorAll('.reader-body mark')].map(m => m.textContent.toLowerCase())", vec![]);
    assert!(
        texts
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t.as_str().unwrap().contains("hong kong")),
        "{texts}"
    );
    let title_top = browser.js(
        "return document.querySelector('#reader-title').getBoundingClientRect().top",
        vec![],
    );
    assert!(
        title_top.as_f64().unwrap() >= 0.0,
        "the first match is near the top: the title stays in view"
    );
    // Page furniture set aside is shown quieter, not struck through as if deleted.
    let furniture = browser.js(
        "return [...document.querySelectorAll('.reader-body .aside, .reader-body .aside-line')].map(e => getComputedStyle(e).textDecorationLine)",
        vec![],
    );
    let furniture = furniture.as_array().unwrap();
    assert!(!furniture.is_empty(), "this text has furniture set aside");
    assert!(furniture.iter().all(|d| d == "none"), "{furniture:?}");
    browser.screenshot(&screenshot_path("reader-hong-kong"));

    // The page's own link back, then the browser's back button.
    browser.click("article.reader a.back");
    browser.wait_for("results again", "return location.hash.startsWith('#/search') && document.querySelector('ol[aria-label=Results] li')");
    browser.back();
    browser.wait_for(
        "the reader again",
        "return location.hash.startsWith('#/doc/') && document.querySelector('.reader-body mark')",
    );
    browser.back();
    browser.wait_for("results after back", "return location.hash.startsWith('#/search') && document.querySelector('ol[aria-label=Results] li')");
    browser.assert_clean_console();
}

#[test]
fn a_korean_deep_link_survives_reload() {
    let (server, browser) = open_app();
    let id = "001_9e2afc69ac3b4727.txt";
    browser.goto(&format!("{}#/doc/{id}?q=%EC%84%A0%EC%A0%84", server.url)); // 선전
    let title = browser.wait_for(
        "the Korean reader",
        "return document.querySelector('#reader-title')?.textContent",
    );
    assert_eq!(title.as_str(), Some("홍콩과 선전, 금융 및 AI 협력 강화"));
    let count = || {
        browser
            .js(
                "return document.querySelectorAll('.reader-body mark').length",
                vec![],
            )
            .as_u64()
    };
    assert_eq!(count(), Some(expected_marks(id, "선전") as u64));
    assert!(count().unwrap() > 0);
    browser.refresh();
    browser.wait_for("the reader after reload", "return document.querySelector('#reader-title')?.textContent === '홍콩과 선전, 금융 및 AI 협력 강화'");
    assert_eq!(count(), Some(expected_marks(id, "선전") as u64));
    let box_value = browser.js(
        "return document.querySelector('input[type=search]').value",
        vec![],
    );
    assert_eq!(box_value.as_str(), Some("선전"));
    browser.screenshot(&screenshot_path("reader-korean"));
    browser.assert_clean_console();
}

#[test]
fn an_unknown_document_id_explains_itself() {
    let (server, browser) = open_app();
    browser.goto(&format!("{}#/doc/no-such-file.txt?q=x", server.url));
    let heading = browser.wait_for(
        "a message",
        "return document.querySelector('article.reader h1')?.textContent",
    );
    assert_eq!(heading.as_str(), Some("No such document"));
    browser.assert_clean_console();
}

#[test]
fn the_phone_layout_keeps_french_readable() {
    let (server, browser) = open_app();
    browser.resize(390, 844);
    browser.goto(&format!("{}#/search?q=%C3%89tats-Unis", server.url)); // États-Unis
    browser.wait_for(
        "results",
        "return document.querySelector('ol[aria-label=Results] li mark')",
    );
    let overflow = browser.js(
        "return document.documentElement.scrollWidth > window.innerWidth",
        vec![],
    );
    assert_eq!(
        overflow.as_bool(),
        Some(false),
        "the page scrolls sideways on a phone"
    );
    let marked = browser.js(
        "return document.querySelector('ol[aria-label=Results] li mark').textContent",
        vec![],
    );
    assert_eq!(marked.as_str(), Some("États-Unis"));
    browser.screenshot(&screenshot_path("phone-etats-unis"));
    browser.assert_clean_console();
}

#[test]
fn a_match_deep_in_a_long_text_is_scrolled_into_view() {
    let (server, browser) = open_app();
    browser.goto(&format!(
        "{}#/doc/003_dc6f4838724390c1.txt?q=maglev",
        server.url
    ));
    browser.wait_for(
        "the reader",
        "return document.querySelector('.reader-body mark')",
    );
    let visible = browser.wait_for(
        "the first match in view",
        "const r = document.querySelector('.reader-body mark').getBoundingClientRect(); return r.top > 0 && r.bottom < innerHeight",
    );
    assert_eq!(visible.as_bool(), Some(true));
    browser.screenshot(&screenshot_path("reader-deep-match"));
    browser.assert_clean_console();
}

#[test]
fn on_a_phone_the_map_and_the_timeline_are_one_tap_away() {
    let (server, browser) = open_app();
    browser.resize(390, 844);
    browser.goto(&format!("{}#/search?q=fintech", server.url));
    browser.wait_for("results", "return document.querySelector('ol[aria-label=Results] li')");
    let visible = "return Object.fromEntries(['ol[aria-label=Results]', 'section[aria-label=\"City map\"]', 'section[aria-label=Timeline]']\
        .map(s => { const e = document.querySelector(s); return [s, !!e && e.getClientRects().length > 0 && e.getBoundingClientRect().top < window.innerHeight]; }))";
    // A script that waits for one of the views to be on screen.
    let on_screen = |which: &str| format!("{}; return v[{which:?}]", visible.replacen("return ", "const v = ", 1));
    let tab = |label: &str| {
        browser.js(
            "[...document.querySelectorAll('.phone-tabs button')].find(b => b.textContent.startsWith(arguments[0])).click()",
            vec![serde_json::json!(label)],
        );
    };
    browser.wait_for("the tabs", "return document.querySelector('.phone-tabs button')");
    let results_tab = browser.js("return document.querySelector('.phone-tabs button').textContent", vec![]);
    let n = corpus_atlas::engine::search(corpus_atlas::index().unwrap(), "fintech", corpus_atlas::engine::SearchOptions::default()).hits.len();
    assert_eq!(results_tab, serde_json::json!(format!("Results ({n})")), "the results' tab counts them");
    let shown = browser.js(visible, vec![]);
    assert_eq!(shown["ol[aria-label=Results]"], true, "results first: {shown}");
    assert_eq!(shown["section[aria-label=\"City map\"]"], false, "{shown}");
    // One tap: the map, on the first screen.
    tab("Map");
    browser.wait_for("the map on screen", &on_screen("section[aria-label=\"City map\"]"));
    let shown = browser.js(visible, vec![]);
    assert_eq!(shown["ol[aria-label=Results]"], false, "{shown}");
    browser.screenshot(&screenshot_path("phone-map"));
    // The timeline, and back to the results.
    tab("Timeline");
    browser.wait_for("the timeline on screen", &on_screen("section[aria-label=Timeline]"));
    tab("Results");
    browser.wait_for("the results again", &on_screen("ol[aria-label=Results]"));
    // On a laptop every view shows and the tabs do not.
    browser.resize(1280, 1000);
    browser.wait_for("no tabs", "return getComputedStyle(document.querySelector('.phone-tabs')).display === 'none'");
    let shown = browser.js(visible, vec![]);
    assert_eq!(shown["section[aria-label=\"City map\"]"], true, "{shown}");
    browser.assert_clean_console();
}

#[test]
fn next_and_previous_step_through_the_matches_by_button_and_key() {
    let (server, browser) = open_app();
    browser.goto(&format!("{}#/search?q=Hong%20Kong", server.url));
    let id = browser.wait_for("results", "return document.querySelector('ol[aria-label=Results] li')?.dataset.doc");
    let id = id.as_str().unwrap().to_owned();
    let n = expected_marks(&id, "Hong Kong");
    assert!(n >= 3, "{id} has {n} matches");
    browser.goto(&format!("{}#/doc/{id}?q=Hong%20Kong", server.url));
    browser.wait_for("the reader's marks", "return document.querySelector('.reader-body mark')");
    // Which mark is current (and focused, and on screen), and what the status says.
    let state = "const m = [...document.querySelectorAll('.reader-body mark')]; \
                 const on = m.map((x, i) => x.getAttribute('aria-current') ? i : -1).filter(i => i >= 0); \
                 const r = on.length ? m[on[0]].getBoundingClientRect() : null; \
                 return [on, document.activeElement === m[on[0]], !!r && r.top >= 0 && r.bottom <= innerHeight, \
                         document.querySelector('.match-status').textContent]";
    let at = |i: usize| serde_json::json!([[i], true, true, format!("Match {} of {n}", i + 1)]);
    browser.click(".match-nav button[title^=Next]");
    assert_eq!(browser.js(state, vec![]), at(0));
    let key = |k: &str| {
        browser.js(&format!("document.dispatchEvent(new KeyboardEvent('keydown', {{key: '{k}', bubbles: true}})); return true"), vec![]);
    };
    key("n");
    assert_eq!(browser.js(state, vec![]), at(1));
    key("p");
    key("p");
    assert_eq!(browser.js(state, vec![]), at(n - 1), "round to the last");
    browser.click(".match-nav button[title^=Next]");
    assert_eq!(browser.js(state, vec![]), at(0), "and round to the first");
    browser.screenshot(&screenshot_path("reader-match-nav"));
    browser.assert_clean_console();
}
