//! Searching as readers do: in Korean and French, with typos, by facet, into
//! one post of a multi-post file. Screenshots of each case.

use serde_json::Value;

use crate::support::{open_app, screenshot_path};

fn texts(v: Value) -> Vec<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| x.as_str().map(str::to_owned))
        .collect()
}

const RESULT_LANGS: &str =
    "return [...document.querySelectorAll('ol[aria-label=Results] > li')].map(li => li.lang)";

#[test]
fn korean_query_finds_every_language_and_says_why() {
    let (server, browser) = open_app();
    browser.goto(&server.url);
    browser.wait_for(
        "the search box",
        "return document.querySelector('input[type=search]')",
    );
    browser.type_into("input[type=search]", "선전");
    browser.wait_for("results", "return location.hash.includes('q=') && document.querySelectorAll('ol[aria-label=Results] > li').length > 3");
    let langs = texts(browser.js(RESULT_LANGS, vec![]));
    assert!(
        langs.contains(&"ko".into()) && langs.contains(&"en".into()),
        "{langs:?}"
    );
    let korean_marks = texts(browser.js("return [...document.querySelectorAll('li[lang=ko] .snippet mark')].map(m => m.textContent)", vec![]));
    assert!(
        korean_marks.iter().any(|m| m.starts_with("선전")),
        "{korean_marks:?}"
    );
    let why = texts(browser.js(
        "return [...document.querySelectorAll('.why')].map(w => w.textContent)",
        vec![],
    ));
    assert!(
        why.iter().any(|w| w.contains("Shenzhen = 선전")),
        "English results say why they matched: {why:?}"
    );
    browser.screenshot(&screenshot_path("korean-query"));
    browser.assert_clean_console();
}

#[test]
fn french_without_accents_finds_french_and_english() {
    let (server, browser) = open_app();
    browser.goto(&format!(
        "{}#/search?q=intelligence%20artificielle",
        server.url
    ));
    browser.wait_for(
        "results",
        "return document.querySelectorAll('ol[aria-label=Results] > li').length > 3",
    );
    let langs = texts(browser.js(RESULT_LANGS, vec![]));
    for l in ["fr", "en", "ko"] {
        assert!(langs.contains(&l.into()), "no {l} result: {langs:?}");
    }
    browser.screenshot(&screenshot_path("french-query"));
    browser.goto(&format!("{}#/search?q=pekin", server.url));
    let first_french = browser.wait_for(
        "Pékin",
        "return document.querySelector('li[lang=fr] .snippet mark')?.textContent",
    );
    assert_eq!(first_french.as_str(), Some("Pékin"));
    // Typed with accents, in capitals or in full-width letters, a query folds
    // in the browser as the texts were folded at build time: same results.
    let ids = "return [...document.querySelectorAll('ol[aria-label=Results] > li')].map(li => li.dataset.doc + '#' + li.querySelector('h2').textContent)";
    let plain = browser.wait_for("pekin's results", &format!("const r = (() => {{ {ids} }})(); return r.length ? r : null"));
    for typed in ["P%C3%89KIN", "%EF%BC%B0%EF%BD%85%EF%BD%8B%EF%BD%89%EF%BD%8E"] {
        browser.goto(&format!("{}#/search?q={typed}", server.url));
        let got = browser.wait_for(
            "the same results",
            &format!("const r = (() => {{ {ids} }})(); return r.length && document.querySelector('li[lang=fr] .snippet mark') ? r : null"),
        );
        assert_eq!(got, plain, "{typed}");
    }
    browser.assert_clean_console();
}

#[test]
fn a_typo_is_corrected_out_loud() {
    let (server, browser) = open_app();
    browser.goto(&format!("{}#/search?q=guangzhuo", server.url));
    let hint = browser.wait_for(
        "the correction",
        "return [...document.querySelectorAll('.hints li')].map(l => l.textContent).join(' ')",
    );
    assert!(
        hint.as_str()
            .unwrap()
            .contains("showing results for “guangzhou”"),
        "{hint}"
    );
    let n = browser.js(
        "return document.querySelectorAll('ol[aria-label=Results] > li').length",
        vec![],
    );
    assert!(n.as_u64().unwrap() >= 3);
    browser.screenshot(&screenshot_path("typo-query"));
    browser.assert_clean_console();
}

#[test]
fn a_language_facet_filters_and_back_undoes_it() {
    let (server, browser) = open_app();
    browser.goto(&format!("{}#/search?q=Hong%20Kong", server.url));
    browser.wait_for("facets", "return document.querySelector('.facets button')");
    // Counted once the list has drawn every result (it draws the first five
    // in one frame and the rest in the next, busy meanwhile).
    const DRAWN: &str = "const ol = document.querySelector('ol[aria-label=Results]'); \
        const n = !ol || ol.hasAttribute('aria-busy') ? null : ol.querySelectorAll(':scope > li').length;";
    let before = browser.wait_for("every result drawn", &format!("{DRAWN} return n")).as_u64().unwrap();
    browser.click(".facets button[aria-pressed=false]:is(:first-child, *)");
    let clicked = browser.js("return location.hash", vec![]);
    let hash = clicked.as_str().unwrap().to_owned();
    assert!(hash.contains("lang%3A"), "the filter is in the URL: {hash}");
    browser.wait_for("the filtered list drawn", &format!("{DRAWN} return n !== null && n !== {before}"));
    let langs = texts(browser.wait_for("filtered results", RESULT_LANGS));
    let first = langs[0].clone();
    assert!(
        langs.iter().all(|l| *l == first),
        "one language only: {langs:?}"
    );
    assert!((langs.len() as u64) < before);
    browser.screenshot(&screenshot_path("facet-filter"));
    browser.back();
    browser.wait_for(
        "unfiltered again",
        &format!("return !location.hash.includes('lang%3A') && document.querySelectorAll('ol[aria-label=Results] > li').length === {before}"),
    );
    browser.assert_clean_console();
}

#[test]
fn a_post_of_the_archive_opens_at_its_section() {
    let (server, browser) = open_app();
    browser.goto(&format!("{}#/search?q=maglev", server.url));
    let title = browser.wait_for(
        "the maglev post",
        "return document.querySelector('ol[aria-label=Results] li h2 a')?.textContent",
    );
    assert!(
        title
            .as_str()
            .unwrap()
            .starts_with("Qingyuan to launch first maglev line"),
        "{title}"
    );
    let within = browser.js(
        "return document.querySelector('ol[aria-label=Results] li .result-within').textContent",
        vec![],
    );
    assert_eq!(within.as_str(), Some("in Tag Archives: technology"));
    browser.click("ol[aria-label=Results] li h2 a");
    let heading = browser.wait_for(
        "the section heading in view",
        "const h = location.hash.includes('&s=') && document.querySelector('h2.section-title[id^=section-] mark') && [...document.querySelectorAll('h2.section-title')].find(h => h.textContent.startsWith('Qingyuan')); if (!h) return null; const r = h.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight ? h.textContent : null",
    );
    assert!(heading.as_str().unwrap().starts_with("Qingyuan"));
    browser.screenshot(&screenshot_path("reader-section"));
    browser.assert_clean_console();
}

#[test]
fn the_reader_shows_what_was_set_aside() {
    let (server, browser) = open_app();
    browser.goto(&format!("{}#/doc/002_e1c73c265930c90c.txt", server.url));
    let aside = texts(browser.wait_for(
        "muted furniture",
        "return [...document.querySelectorAll('.aside-line, .aside')].map(e => e.textContent)",
    ));
    for f in ["Advertisement", "Get more with myNEWS", "Photo: May Tse"] {
        assert!(
            aside.iter().any(|a| a == f),
            "{f} is not shown as set aside: {aside:?}"
        );
    }
    // The start page's openings leave the furniture out too.
    browser.goto(&server.url);
    let opening = browser.wait_for(
        "the start page's openings",
        "return document.querySelector('li[data-doc=\"002_e1c73c265930c90c.txt\"] .snippet')?.textContent",
    );
    let opening = opening.as_str().unwrap();
    assert!(opening.chars().count() > 80, "an opening to read: {opening:?}");
    for f in &aside {
        assert!(!opening.contains(f.as_str()), "the opening shows furniture {f:?}: {opening:?}");
    }
    browser.goto(&format!(
        "{}#/doc/001_9e2afc69ac3b4727.txt?q=%ED%99%8D%EC%BD%A9",
        server.url
    )); // 홍콩
    browser.wait_for(
        "the Korean page",
        "return document.querySelectorAll('.reader-body h2.section-title').length >= 6",
    );
    browser.screenshot(&screenshot_path("reader-korean-sections"));
    browser.assert_clean_console();
}
