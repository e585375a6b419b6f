//! The timeline: every document dated, events drawn, a brushed span that
//! narrows the results, the map and the URL, and a click into the reader.

use corpus_atlas::engine::time::When;
use corpus_atlas::engine::{search, SearchOptions};
use serde_json::Value;

use crate::map::{current_query, engine_cities, in_view, marks, opening_view, result_ids};
use crate::support::{open_app, screenshot_path, Browser};

fn open(browser: &Browser, url: &str) {
    browser.resize(1280, 1000);
    browser.goto(url);
    browser.wait_for(
        "the timeline",
        "return document.querySelector('section[aria-label=Timeline] svg g.event')",
    );
}

/// Dispatches a pointer drag across the time axis between two days.
fn brush(browser: &Browser, from: When, to: When) {
    let index = corpus_atlas::index().unwrap();
    let (lo, hi) = index.events().fold((i32::MAX, i32::MIN), |(lo, hi), e| {
        (lo.min(e.when.start), hi.max(e.when.end))
    });
    let (y0, y1) = (
        corpus_atlas::engine::time::civil_from_days(lo).0,
        corpus_atlas::engine::time::civil_from_days(hi).0,
    );
    let (lo, hi) = (
        corpus_atlas::engine::time::days_from_civil(y0, 1, 1),
        corpus_atlas::engine::time::days_from_civil(y1 + 1, 1, 1),
    );
    // The axis runs from x = 62 to x = 430 of a 440-unit drawing.
    let frac = |d: i32| 62.0 + f64::from(d - lo) / f64::from(hi - lo) * (440.0 - 62.0 - 10.0);
    browser.js(
        "const svg = document.querySelector('.timeline-svg'); const r = svg.getBoundingClientRect();
         const px = u => r.left + u / 440 * r.width; const y = r.top + r.height * 0.5;
         const ev = (type, u) => svg.dispatchEvent(new PointerEvent(type, {clientX: px(u), clientY: y, button: 0, pointerId: 7, bubbles: true}));
         ev('pointerdown', arguments[0]); ev('pointermove', (arguments[0] + arguments[1]) / 2); ev('pointermove', arguments[1]); ev('pointerup', arguments[1]);",
        vec![Value::from(frac(from.start)), Value::from(frac(to.end))],
    );
}

#[test]
fn every_document_is_dated_and_the_list_holds_every_event() {
    let (server, browser) = open_app();
    open(&browser, &server.url);
    let (name, role) = browser.accessibility("section[aria-label=Timeline]");
    assert_eq!((name.as_str(), role.as_str()), ("Timeline", "region"));
    let index = corpus_atlas::index().unwrap();
    // Every document has a publication date, stated or inferred.
    for doc in index.docs() {
        let dated = (doc.first_section..doc.first_section + doc.section_count)
            .any(|s| index.published(s).is_some());
        assert!(dated, "{} has no publication date", doc.id);
    }
    // The axis spans the corpus: from its earliest year to its latest.
    let labels = browser.js(
        "return [...document.querySelectorAll('.timeline-svg .tick text')].map(t => t.textContent)",
        vec![],
    );
    let labels: Vec<&str> = labels
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        labels.first() == Some(&"2012") && labels.iter().any(|l| l.starts_with("203")),
        "{labels:?}"
    );
    // A range (2026–2030 in Korean) and publication diamonds are drawn.
    assert!(browser.js("return !!document.querySelector('.timeline-svg g.event[data-value=\"2026/2030\"] .range')", vec![]).as_bool().unwrap());
    let pubs = browser
        .js(
            "return document.querySelectorAll('.timeline-svg .pubs g.event').length",
            vec![],
        )
        .as_u64()
        .unwrap();
    assert!(
        pubs >= index.doc_count() as u64,
        "a diamond per document at least: {pubs}"
    );
    browser.screenshot(&screenshot_path("timeline"));

    // The list view: one row per event, the same values as the index.
    browser.click("section[aria-label=Timeline] .panel-head > button[aria-pressed]");
    let rows = browser.wait_for("the event list", "return [...document.querySelectorAll('.event-table tbody tr')].map(r => r.cells[0].textContent)");
    let mut expected: Vec<String> = index.events().map(|e| e.when.to_string()).collect();
    expected.sort();
    let mut shown: Vec<String> = rows
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    shown.sort();
    assert_eq!(shown, expected);
    browser.assert_clean_console();
}

#[test]
fn brushing_a_span_narrows_results_map_and_url() {
    let (server, browser) = open_app();
    open(&browser, &server.url);
    // Where the List button stands: choosing a span must not move it.
    const LIST_AT: &str = "const r = document.querySelector('section[aria-label=Timeline] .panel-head > button[aria-pressed]').getBoundingClientRect(); return [r.left, r.top]";
    let list_at = browser.js(LIST_AT, vec![]);
    brush(
        &browser,
        When::parse("2019-02").unwrap(),
        When::parse("2019-11").unwrap(),
    );
    browser.wait_for(
        "the span in the URL",
        "return location.hash.includes('from%3A') && location.hash.includes('to%3A')",
    );
    let q = current_query(&browser);
    let parsed = corpus_atlas::engine::query::parse(&q, false);
    let value = |k| {
        parsed
            .filters
            .iter()
            .find(|f| f.key == k)
            .map(|f| f.value.clone())
            .unwrap()
    };
    let (from, to) = (
        value(corpus_atlas::engine::query::FilterKey::From),
        value(corpus_atlas::engine::query::FilterKey::To),
    );
    assert!(from.starts_with("2019") && to.starts_with("2019"), "{q}");

    // The results are the engine's for that query, every one dated in the span.
    let index = corpus_atlas::index().unwrap();
    let hits = search(index, &q, SearchOptions::default()).hits;
    assert!(
        !hits.is_empty() && hits.len() < index.section_count() as usize,
        "{q}: {} hits",
        hits.len()
    );
    let span = (
        When::parse(&from).unwrap().start,
        When::parse(&to).unwrap().end,
    );
    for h in &hits {
        assert!(index
            .section_events(h.section)
            .any(|e| e.when.start <= span.1 && span.0 <= e.when.end));
    }
    browser.wait_for(
        "results",
        "return document.querySelectorAll('ol[aria-label=Results] > li').length",
    );
    let engine_ids: Vec<String> = hits
        .iter()
        .map(|h| index.doc(h.doc).id.to_owned())
        .collect();
    let shown = result_ids(&browser);
    assert_eq!(shown, engine_ids[..shown.len()]);
    assert!(
        shown.iter().all(|id| id.starts_with("003")),
        "only the 2019 blog is dated in 2019: {shown:?}"
    );
    // The map counts only those results.
    assert_eq!(marks(&browser), in_view(opening_view(), &engine_cities(&q)));
    assert_ne!(engine_cities(&q), engine_cities(""));
    browser.screenshot(&screenshot_path("timeline-brushed"));
    assert_eq!(browser.js(LIST_AT, vec![]), list_at, "\"Clear span\" appeared without moving the buttons after it");

    // Clearing the span restores everything.
    browser.click("section[aria-label=Timeline] .tab-on");
    browser.wait_for("the span gone", "return !location.hash.includes('from')");
    browser.assert_clean_console();
}

#[test]
fn a_date_opens_the_reader_at_its_sentence_and_the_view_can_be_brushed_by_keyboard() {
    let (server, browser) = open_app();
    open(&browser, &server.url);
    // The Korean range 2026–2030: activating it opens its document.
    browser.js("const g = document.querySelector('.timeline-svg g.event[data-value=\"2026/2030\"]'); g.focus(); \
                g.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}))", vec![]);
    browser.wait_for(
        "the reader",
        "return location.hash.startsWith('#/doc/001_')",
    );
    browser.wait_for("the sentence", "return document.querySelector('.reader-body')?.textContent.includes('2026년부터 2030년까지')");
    browser.back();

    // Zoom in with the keyboard, then "Filter to view" brushes what is visible.
    browser.wait_for(
        "the timeline again",
        "return document.querySelector('.timeline-svg')",
    );
    browser.js("const s = document.querySelector('.timeline-svg'); s.focus(); \
                for (let i = 0; i < 4; i++) s.dispatchEvent(new KeyboardEvent('keydown', {key: '+', bubbles: true}))", vec![]);
    browser.click("section[aria-label=Timeline] .panel-head > button:not([aria-pressed])");
    browser.wait_for("a span", "return location.hash.includes('from%3A')");
    let q = current_query(&browser);
    assert!(
        !q.contains("2012") && !q.contains("2036"),
        "a zoomed view is narrower than the corpus: {q}"
    );
    browser.assert_clean_console();
}

#[test]
fn the_timeline_is_one_tab_stop_with_arrows_between_marks_and_focus_follows_into_the_reader() {
    let (server, browser) = crate::support::open_app();
    browser.goto(&format!("{}#/search?q=the", server.url));
    browser.wait_for("results and the timeline", "return document.querySelector('ol[aria-label=Results] li') && document.querySelectorAll('.timeline-svg .event').length > 5");
    // Tab stops before the first result: the marks count once.
    let stops = browser.js(
        "const first = document.querySelector('ol[aria-label=Results] a');
         const all = [...document.querySelectorAll('a[href], button, input, textarea, select, [tabindex]')]
           .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length);
         return all.indexOf(first);",
        vec![],
    );
    let marks = browser.js("return [...document.querySelectorAll('.timeline-svg .event')].filter(e => e.tabIndex >= 0).length", vec![]);
    assert_eq!(marks, serde_json::json!(1), "one mark in the Tab order");
    assert!(stops.as_i64().unwrap() < 30, "{stops} Tab stops before the first result");
    // A row of chips is one stop too: arrows move along it.
    let moved = browser.js(
        "const row = [...document.querySelectorAll('ul')].find(u => u.querySelectorAll('button.chip').length > 1);
         const [a, b] = row.querySelectorAll('button.chip');
         a.focus(); a.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true, cancelable: true}));
         return [a.tabIndex, b.tabIndex, document.activeElement === b]",
        vec![],
    );
    assert_eq!(moved, serde_json::json!([-1, 0, true]), "arrows along a row of chips");
    // Arrows move between the marks; Enter opens the reader, and focus goes with it.
    let card_height = browser.js("return document.querySelector('.timeline .mark-card').getBoundingClientRect().height", vec![]);
    browser.js("document.querySelector('.timeline-svg .event[tabindex=\"0\"]').focus(); return true", vec![]);
    let first = browser.js("return document.activeElement.getAttribute('aria-label')", vec![]);
    browser.js("document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true, cancelable: true})); return true", vec![]);
    let second = browser.js("return document.activeElement.classList.contains('event') && document.activeElement.getAttribute('aria-label')", vec![]);
    assert!(second.is_string() && second != first, "{first} then {second}");
    // The focused date is shown under the drawing, where touch and keyboard
    // users see it (the SVG tooltip is the mouse's alone), moving nothing.
    let card = browser.js(
        "return [document.querySelector('.timeline .mark-card-date').textContent, document.querySelector('.timeline .mark-card-text').textContent, \
                 document.querySelector('.timeline .mark-card').getBoundingClientRect().height]",
        vec![],
    );
    assert_eq!(card[0], second, "the card names the focused date: {card}");
    let title = browser.js("return document.activeElement.querySelector('title').textContent", vec![]);
    let sentence = title.as_str().unwrap().split_once('\n').map_or("", |(_, s)| s);
    assert_eq!(card[1].as_str(), Some(sentence), "and shows its sentence");
    assert_eq!(card[2], card_height, "the card's place was kept for it: nothing moves");
    browser.js("document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true, cancelable: true})); return true", vec![]);
    browser.wait_for("the reader, focused", "return document.activeElement && document.activeElement.id === 'reader-title'");
    browser.assert_clean_console();
}

#[test]
fn a_tapped_date_shows_its_card_and_the_card_opens_the_reader_there() {
    let (server, browser) = crate::support::open_app();
    browser.resize(390, 844);
    browser.goto(&format!("{}#/search?q=Shenzhen", server.url));
    browser.wait_for("results", "return document.querySelector('ol[aria-label=Results] li')");
    // On a phone the timeline is one tap away.
    browser.js("[...document.querySelectorAll('.phone-tabs button')].find(b => b.textContent === 'Timeline').click(); return true", vec![]);
    browser.wait_for("the timeline's dates", "return document.querySelector('.timeline-svg .lanes .event circle')?.getClientRects().length");
    let card_height = browser.js("return document.querySelector('.timeline .mark-card').getBoundingClientRect().height", vec![]);
    let url = browser.url();
    // Marks are a few pixels wide on a phone: a tap beside one takes it.
    // (Aimed once the list and the timeline are drawn and the mark has
    // stopped moving: on a busy machine the last frames come late.)
    browser.wait_for("the whole list", "return document.querySelector('ol[aria-label=Results]')?.getAttribute('aria-busy') !== 'true'");
    let aim = "const d = document.querySelector('.timeline-svg .pubs .event'); d.scrollIntoView({block: 'center'}); \
               const r = d.getBoundingClientRect(); return [Math.round(r.right + 8), Math.round(r.top + r.height / 2)]";
    let mut near = browser.js(aim, vec![]);
    for _ in 0..50 {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let again = browser.js(aim, vec![]);
        if again == near {
            break;
        }
        near = again;
    }
    let focused = "const a = document.activeElement; if (!a?.classList.contains('event')) return null; \
         const r = a.getBoundingClientRect(); \
         return [Math.hypot(Math.max(r.left - arguments[0], arguments[0] - r.right, 0), Math.max(r.top - arguments[1], arguments[1] - r.bottom, 0)), \
                 document.querySelector('.timeline .mark-card-date').textContent === a.getAttribute('aria-label')]".replace("arguments[0]", &near[0].to_string()).replace("arguments[1]", &near[1].to_string());
    // (Tapped again, at most twice, when the first press is not taken: on a
    // machine busy with the other tests' browsers a press can outlast the
    // long-press delay, and a long press is no tap in Chromium.)
    let mut taken = serde_json::Value::Null;
    for _ in 0..3 {
        browser.tap_at(&near[0], &near[1]);
        for _ in 0..30 {
            taken = browser.js(&focused, vec![]);
            if !taken.is_null() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        if !taken.is_null() {
            break;
        }
    }
    assert!(!taken.is_null(), "a tap beside a mark focused none; console: {:?}", browser.console());
    assert!(taken[0].as_f64().unwrap() <= 24.0 && taken[1] == true, "a mark within reach, its card shown: {taken}");
    assert_eq!(browser.url(), url, "a tap does not leave the results");
    // A finger cannot hover: the tap shows the date's card and stays here.
    browser.tap(".timeline-svg .lanes .event circle");
    let shown = browser.wait_for(
        "the tapped date's card",
        "const a = document.activeElement; \
         return a?.classList.contains('event') && document.querySelector('.timeline .mark-card-date').textContent === a.getAttribute('aria-label') \
           ? [a.getAttribute('aria-label'), document.querySelector('.timeline .mark-card-from').textContent, document.querySelector('.timeline .mark-card').getBoundingClientRect().height] : null",
    );
    assert_eq!(browser.url(), url, "a tap does not leave the results");
    assert_eq!(shown[2], card_height, "the card's place was kept for it: nothing moves");
    browser.screenshot(&crate::support::screenshot_path("phone-timeline-card"));
    // The card names the document (its title), and its button opens it.
    let source = shown[1].as_str().unwrap().to_owned();
    browser.tap(".timeline .mark-card-open");
    let title = browser.wait_for("the reader", "return document.querySelector('#reader-title')?.textContent");
    assert!(source.starts_with(title.as_str().unwrap()), "card {source:?}, reader {title}");
    browser.assert_clean_console();
}
