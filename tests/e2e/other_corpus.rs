//! Another corpus than the demo (`make other`: the tune parts of the
//! evaluation sets, US annual messages from 1796 to 2004, French and Korean
//! texts): the explorer must read as a new user would expect, with nothing
//! of the demo left in it.

use std::path::PathBuf;

use serde_json::Value;

use crate::support::{screenshot_path, Browser, Server};

fn other_dist_dir() -> PathBuf {
    crate::support::built_site("dist-other", "index.html")
}

#[test]
fn another_corpus_gets_its_own_examples_map_and_centuries() {
    let server = Server::start(other_dist_dir(), "/");
    let browser = Browser::start();
    browser.resize(1280, 1000);
    browser.goto(&server.url);
    browser.wait_for(
        "the documents",
        "return document.querySelectorAll('ol[aria-label=Documents] > li').length > 25",
    );
    // Examples and the placeholder come from this corpus, not the demo's.
    let page = browser.js(
        "return [document.querySelector('.examples').textContent, document.querySelector('input[type=search]').placeholder]",
        vec![],
    );
    for text in page.as_array().unwrap() {
        let text = text.as_str().unwrap();
        for demo in ["Hong Kong", "Shenzhen", "홍콩", "선전", "Pékin", "supply chain"] {
            assert!(!text.contains(demo), "{demo} in {text}");
        }
    }
    // The timeline runs over the centuries the texts mention.
    let years: Value = browser.wait_for(
        "the timeline's axis",
        "const ys = [...document.querySelectorAll('.timeline-svg .tick text')].map(t => Number(t.textContent)).filter(n => n > 0); return ys.length ? ys : null",
    );
    let years: Vec<i64> = years.as_array().unwrap().iter().filter_map(Value::as_i64).collect();
    assert!(years.iter().any(|&y| y < 1850), "an axis before 1850: {years:?}");
    assert!(years.iter().any(|&y| y > 1950), "an axis after 1950: {years:?}");
    assert!(years.len() <= 12, "labels a readable distance apart: {years:?}");
    assert!(years.iter().any(|&y| y < 1000), "the corpus reaches back to antiquity: {years:?}");
    // The map opens on the view with the most mentions (this corpus's are
    // in Europe and America); the world shows every city.
    browser.wait_for("city marks", "return document.querySelectorAll('g[data-city]').length > 0 || null");
    browser.screenshot(&screenshot_path("other-overview"));
    crate::map::show_view(&browser, "World");
    // Cities of these texts on the map; countries and states beside it, never as cities.
    let cities = browser.wait_for(
        "the world's city marks",
        "return document.querySelector('g[data-city=Casablanca]') && [...document.querySelectorAll('g[data-city]')].map(g => g.dataset.city)",
    );
    let cities: Vec<&str> = cities.as_array().unwrap().iter().filter_map(Value::as_str).collect();
    // Casablanca is named once, in 2004; "The White House" of 1973 must not add to it.
    let casablanca = browser.js("return document.querySelector('g[data-city=Casablanca]')?.dataset.count", vec![]);
    assert_eq!(casablanca.as_str(), Some("1"), "Casablanca's mentions");
    for not_a_city in ["Mexico", "Columbia", "Jackson", "Shenyang", "Jixi", "Aden"] {
        assert!(!cities.contains(&not_a_city), "{not_a_city} drawn as a city: {cities:?}");
    }
    assert!(cities.contains(&"New Orleans") || cities.contains(&"Philadelphia") || cities.contains(&"Paris"), "{cities:?}");
    // A city chosen over another of its name says which and why on its card,
    // in the card's own height.
    let height = "return document.querySelector('.place-card').getBoundingClientRect().height";
    let before = browser.js(height, vec![]);
    browser.js("document.querySelector('g.mark[data-city=\"Alexandria\"]').focus(); return true", vec![]);
    let note = browser.wait_for(
        "Alexandria's note",
        "return document.querySelector('.place-card .place-note')?.textContent || null",
    );
    let note = note.as_str().unwrap_or_default();
    assert!(note.starts_with("Chosen over Alexandria, Egypt"), "{note}");
    assert!(note.contains("the text names") && note.contains("in the United States"), "{note}");
    assert_eq!(browser.js(height, vec![]), before, "the note fits the card: nothing moves");
    browser.screenshot(&screenshot_path("other-place-note"));

    // A search in each language finds its texts; a Korean bill states its date.
    browser.goto(&format!("{}#/search?q=Louisiana", server.url));
    browser.wait_for("English results", "return document.querySelectorAll('ol[aria-label=Results] > li').length > 0");
    // Their dates, all of the 19th century, are drawn over their own years,
    // not in one column of an axis from 500 BC.
    let years = browser.wait_for(
        "the results' axis",
        "const ys = [...document.querySelectorAll('.timeline-svg .tick text')].map(t => Number(t.textContent)); \
         return ys.length && ys.every(n => n > 1700) ? ys : null",
    );
    let years: Vec<i64> = years.as_array().unwrap().iter().filter_map(Value::as_i64).collect();
    assert!(years.iter().all(|&y| y < 1900), "the results' years: {years:?}");
    browser.screenshot(&screenshot_path("other-search"));
    browser.goto(&format!("{}#/doc/1809890.txt", server.url));
    let meta = browser.wait_for(
        "the bill in the reader",
        "return document.querySelector('.reader .meta time')?.getAttribute('datetime')",
    );
    assert_eq!(meta.as_str(), Some("2010-11-12"), "the bill's date from its header line");
    let title = browser.js("return document.getElementById('reader-title').textContent", vec![]);
    assert_eq!(title.as_str(), Some("지방공무원법 일부개정법률안"), "its first line is its title");
    let sections = browser.js("return document.querySelectorAll('.reader-body h2.section-title').length", vec![]);
    assert_eq!(sections, serde_json::json!(0), "a bill is one text, not a heading a line");
    // Its hard-wrapped lines read as paragraphs, not a line a paragraph.
    let joined = browser.js(
        "return [...document.querySelectorAll('.reader-body p')].some(p => p.textContent.includes('저학년의 경우에도') && p.textContent.includes('한 나이이나'))",
        vec![],
    );
    assert_eq!(joined, serde_json::json!(true), "a wrapped sentence is one paragraph");
    browser.screenshot(&screenshot_path("other-korean-bill"));
    browser.assert_clean_console();
}

#[test]
fn a_concordance_of_thousands_of_matches_draws_what_is_on_screen() {
    let server = Server::start(other_dist_dir(), "/");
    let browser = Browser::start();
    browser.resize(1280, 1000);
    browser.goto(&format!("{}#/kwic?q=the%20OR%20of&sort=doc", server.url));
    browser.wait_for("the rows", "return document.querySelectorAll('table.kwic tbody tr[data-row]').length > 10");
    let status = browser.js("return document.querySelector('.concordance .status').textContent", vec![]);
    assert!(status.as_str().unwrap_or_default().starts_with("The first 2000 matches"), "{status}");
    let rows = "return [...document.querySelectorAll('table.kwic tbody tr[data-row]')].map(tr => Number(tr.dataset.row))";
    let drawn: Vec<i64> = browser.js(rows, vec![]).as_array().unwrap().iter().filter_map(Value::as_i64).collect();
    assert!(drawn.len() < 100, "a screenful drawn, not 2,000 rows: {}", drawn.len());
    assert_eq!(drawn.first(), Some(&0));
    assert!(drawn.windows(2).all(|w| w[1] == w[0] + 1), "consecutive rows: {drawn:?}");
    // A word this common has its collocates counted around a sample of its matches, and says so.
    let sample = browser.js("return document.querySelector('.collocates-sample')?.textContent ?? ''", vec![]);
    let numbers: Vec<usize> = sample.as_str().unwrap_or_default().split(' ').filter_map(|w| w.parse().ok()).collect();
    assert!(matches!(numbers[..], [read, of] if (1_000..=2_000).contains(&read) && of > 2_000), "{sample}");
    // The table is as tall as its 2,000 rows, so the scroll bar is true.
    let heights = browser.js(
        "const t = document.querySelector('table.kwic tbody'); const r = t.querySelector('tr[data-row]').getBoundingClientRect().height; \
         return [t.getBoundingClientRect().height, r, document.querySelector('table.kwic').getAttribute('aria-rowcount')]",
        vec![],
    );
    let (body, row) = (heights[0].as_f64().unwrap(), heights[1].as_f64().unwrap());
    assert!((body - 2000.0 * row).abs() < row * 2.0, "body {body} px for 2,000 rows of {row} px");
    assert_eq!(heights[2].as_str(), Some("2001"), "the rows a screen reader is told of");
    // Scrolled to the end, the last rows are drawn, and the first are not.
    browser.js("window.scrollTo(0, document.documentElement.scrollHeight); return true", vec![]);
    let last = browser.wait_for(
        "the last rows",
        "const r = [...document.querySelectorAll('table.kwic tbody tr[data-row]')].map(tr => Number(tr.dataset.row)); return r.includes(1999) ? r : null",
    );
    let last: Vec<i64> = last.as_array().unwrap().iter().filter_map(Value::as_i64).collect();
    assert!(!last.contains(&0) && last.len() < 100, "{last:?}");
    let aria = browser.js("return document.querySelector('table.kwic tbody tr[data-row=\"1999\"]').getAttribute('aria-rowindex')", vec![]);
    assert_eq!(aria.as_str(), Some("2001"));
    browser.screenshot(&screenshot_path("concordance-end-of-2000"));
    browser.assert_clean_console();
}
