//! The city map: marks with the engine's counts, a click that filters the
//! results (and the URL) to a city, the three views, the table, keyboard use.

use std::collections::BTreeMap;

use corpus_atlas::engine::overview::places::place_counts;
use corpus_atlas::engine::{search, SearchOptions};
use corpus_atlas::route::Route;
use serde_json::Value;

use crate::support::{open_app, screenshot_path, Browser};

/// city -> count, as the marks on the map say.
const MARKS: &str = "return Object.fromEntries([...document.querySelectorAll('section[aria-label=\"City map\"] g.mark')]\
    .map(g => [g.dataset.city, Number(g.dataset.count)]))";

/// Cities and mention counts the engine gives for `query` (all sections when empty).
pub fn engine_cities(query: &str) -> BTreeMap<String, u64> {
    let index = corpus_atlas::index().unwrap();
    let counted = (!query.is_empty()).then(|| {
        let mut on = vec![false; index.section_count() as usize];
        for h in search(index, query, SearchOptions::default()).hits {
            on[h.section as usize] = true;
        }
        on
    });
    place_counts(index, counted.as_deref())
        .into_iter()
        .filter(|c| index.entity(c.entity).kind == "city")
        .map(|c| {
            (
                index.entity(c.entity).name.to_owned(),
                u64::from(c.mentions),
            )
        })
        .collect()
}

/// The part of `cities` inside basemap view `view` (0: Greater Bay Area, 1: China, 2: world).
pub fn in_view(view: usize, cities: &BTreeMap<String, u64>) -> BTreeMap<String, u64> {
    let index = corpus_atlas::index().unwrap();
    let v = corpus_atlas::geo::parse_basemap(corpus_atlas::BASEMAP)[view].view;
    cities
        .iter()
        .filter(|(name, _)| {
            let e = (0..index.entity_count())
                .map(|e| index.entity(e))
                .find(|e| e.name == name.as_str())
                .unwrap();
            e.at.is_some_and(|(lat, lon)| v.contains(lon, lat))
        })
        .map(|(k, n)| (k.clone(), *n))
        .collect()
}

pub fn marks(browser: &Browser) -> BTreeMap<String, u64> {
    let v = browser.wait_for("marks on the map", MARKS);
    v.as_object()
        .into_iter()
        .flatten()
        .map(|(k, n)| (k.clone(), n.as_u64().unwrap_or(0)))
        .collect()
}

pub fn current_query(browser: &Browser) -> String {
    let url = browser.url();
    let hash = url.split_once('#').map_or("", |(_, h)| h);
    Route::from_hash(&format!("#{hash}")).query().to_owned()
}

pub fn result_ids(browser: &Browser) -> Vec<String> {
    let v = browser.js("return [...document.querySelectorAll('ol[aria-label=Results] > li .doc-id')].map(e => e.textContent)", vec![]);
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| x.as_str().map(str::to_owned))
        .collect()
}

#[test]
fn the_map_marks_the_corpus_cities_and_a_click_filters_to_one() {
    let (server, browser) = open_app();
    browser.resize(1280, 1000);
    browser.goto(&server.url);
    let (name, role) = {
        browser.wait_for(
            "the map",
            "return document.querySelector('section[aria-label=\"City map\"]')",
        );
        browser.accessibility("section[aria-label=\"City map\"]")
    };
    assert_eq!((name.as_str(), role.as_str()), ("City map", "region"));

    // The Greater Bay Area view: its cities, each with the engine's count.
    let shown = marks(&browser);
    let expected = engine_cities("");
    assert_eq!(shown, in_view(0, &expected));
    for city in [
        "Hong Kong",
        "Shenzhen",
        "Guangzhou",
        "Macau",
        "Dongguan",
        "Foshan",
    ] {
        assert_eq!(
            shown.get(city),
            expected.get(city),
            "{city}: shown {shown:?}, engine {expected:?}"
        );
        assert!(shown[city] > 0);
    }
    assert!(
        !shown.contains_key("Beijing"),
        "Beijing is not in the Greater Bay Area view"
    );
    // Every mark says its count to a screen reader.
    let (label, role) = browser.accessibility("g.mark[data-city=\"Shenzhen\"]");
    assert_eq!(role, "button");
    assert!(
        label.starts_with(&format!("Shenzhen: {} mentions", expected["Shenzhen"])),
        "{label}"
    );
    browser.screenshot(&screenshot_path("map-gba"));

    // A click filters the results to the passages naming Shenzhen, in any language.
    browser.click("g.mark[data-city=\"Shenzhen\"] circle");
    browser.wait_for(
        "the city filter in the URL",
        "return location.hash.includes('city%3AShenzhen')",
    );
    assert_eq!(current_query(&browser), "city:Shenzhen");
    let index = corpus_atlas::index().unwrap();
    let engine: Vec<String> = search(index, "city:Shenzhen", SearchOptions::default())
        .hits
        .iter()
        .map(|h| index.doc(h.doc).id.to_owned())
        .collect();
    browser.wait_for(
        "filtered results",
        "return document.querySelectorAll('ol[aria-label=Results] > li').length",
    );
    assert_eq!(
        result_ids(&browser),
        engine
            .iter()
            .take(result_ids(&browser).len())
            .cloned()
            .collect::<Vec<_>>()
    );
    assert!(
        engine.iter().any(|id| id.starts_with("001")),
        "the Korean text names 선전"
    );
    // The names are highlighted in the snippets, whatever the language.
    let marked = browser.js("return [...document.querySelectorAll('ol[aria-label=Results] mark')].map(m => m.textContent)", vec![]);
    let marked: Vec<&str> = marked
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    assert!(marked.iter().any(|m| m.starts_with("선전")), "{marked:?}");
    assert!(marked.contains(&"Shenzhen"), "{marked:?}");
    assert_eq!(browser.js("return document.querySelector('g.mark[data-city=\"Shenzhen\"]').getAttribute('aria-pressed')", vec![]), "true");
    // The map now counts the filtered results.
    assert_eq!(marks(&browser), in_view(0, &engine_cities("city:Shenzhen")));
    browser.screenshot(&screenshot_path("map-filtered-shenzhen"));

    // Back to the whole corpus, then the keyboard: Enter on Hong Kong.
    browser.back();
    browser.wait_for(
        "the overview again",
        "return !location.hash.includes('city')",
    );
    browser.js(
        "const g = document.querySelector('g.mark[data-city=\"Hong Kong\"]'); g.focus(); \
                g.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}))",
        vec![],
    );
    browser.wait_for(
        "Hong Kong in the URL",
        "return location.hash.includes('Hong%20Kong')",
    );
    assert_eq!(current_query(&browser), "city:\"Hong Kong\"");
    browser.assert_clean_console();
}

#[test]
fn the_china_and_world_views_the_table_and_zoom() {
    let (server, browser) = open_app();
    browser.resize(1280, 1000);
    browser.goto(&server.url);
    marks(&browser);
    let expected = engine_cities("");

    browser.click("section[aria-label=\"City map\"] .tabs button:nth-child(2)");
    browser.wait_for(
        "the China view",
        "return document.querySelector('g.mark[data-city=\"Beijing\"]')",
    );
    let shown = marks(&browser);
    assert_eq!(shown, in_view(1, &expected));
    for city in ["Beijing", "Hangzhou", "Shanghai", "Hong Kong", "Shenzhen"] {
        assert_eq!(
            shown.get(city),
            expected.get(city),
            "{city} in the China view"
        );
    }
    browser.screenshot(&screenshot_path("map-china"));

    browser.click("section[aria-label=\"City map\"] .tabs button:nth-child(3)");
    browser.wait_for(
        "the world view",
        "return document.querySelector('g.mark[data-city=\"New York\"]')",
    );
    let shown = marks(&browser);
    for city in ["New York", "Tokyo", "Vienna", "San Francisco", "Urumqi"] {
        assert_eq!(
            shown.get(city),
            expected.get(city),
            "{city} in the world view"
        );
    }
    // Every city the corpus names is on the world map.
    assert_eq!(
        shown.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    browser.screenshot(&screenshot_path("map-world"));

    // Zoom in with the button: the view box narrows.
    let width = |b: &Browser| {
        b.js(
            "return document.querySelector('.map-svg').viewBox.baseVal.width",
            vec![],
        )
        .as_f64()
        .unwrap()
    };
    let before = width(&browser);
    browser.click("button[aria-label=\"Zoom in\"]");
    browser.wait_for(
        "zoomed in",
        &format!("return document.querySelector('.map-svg').viewBox.baseVal.width < {before}"),
    );
    // And with the keyboard on the focused map.
    let zoomed = width(&browser);
    browser.js("const s = document.querySelector('.map-svg'); s.focus(); s.dispatchEvent(new KeyboardEvent('keydown', {key: '+', bubbles: true}))", vec![]);
    browser.wait_for(
        "zoomed in again",
        &format!("return document.querySelector('.map-svg').viewBox.baseVal.width < {zoomed}"),
    );

    // The table holds the same numbers.
    browser.click("section[aria-label=\"City map\"] .panel-head > button");
    let rows = browser.wait_for(
        "the place table",
        "return Object.fromEntries([...document.querySelectorAll('.place-table tbody tr')].map(r => [r.cells[0].textContent, Number(r.cells[2].textContent)]))",
    );
    for (city, n) in &expected {
        assert_eq!(rows[city].as_u64(), Some(*n), "{city} in the table");
    }
    assert!(
        rows.get("Guangdong").is_some_and(|v| v.as_u64() > Some(0)),
        "regions are in the table too: {rows}"
    );
    browser.assert_clean_console();
}

#[test]
fn a_query_narrows_the_map_to_its_results() {
    let (server, browser) = open_app();
    browser.resize(1280, 1000);
    browser.goto(&format!("{}#/search?q=fintech", server.url));
    browser.wait_for(
        "results",
        "return document.querySelectorAll('ol[aria-label=Results] > li').length",
    );
    browser.wait_for(
        "the note",
        "return document.querySelector('.map .panel-note').textContent.includes('results')",
    );
    let expected = engine_cities("fintech");
    let all = engine_cities("");
    assert_ne!(expected, all, "a query must change the counts");
    // Cities outside the view are listed beside it; marks are only those in view.
    assert_eq!(marks(&browser), in_view(0, &expected));
    browser.assert_clean_console();
}

#[test]
fn the_wheel_scrolls_the_page_where_the_map_and_timeline_cannot_zoom_further() {
    let (server, browser) = crate::support::open_app();
    browser.goto(&server.url);
    browser.wait_for("the panels", "return document.querySelector('.map-svg') && document.querySelector('.timeline-svg')");
    let wheel = |css: &str, delta: i32| {
        browser.js(
            &format!("const e = new WheelEvent('wheel', {{deltaY: {delta}, bubbles: true, cancelable: true}}); document.querySelector('{css}').dispatchEvent(e); return e.defaultPrevented"),
            vec![],
        )
    };
    for css in [".map-svg", ".timeline-svg"] {
        // Fully zoomed out: turning the wheel further scrolls the page.
        assert_eq!(wheel(css, 120), serde_json::json!(false), "{css} swallowed the page's scroll");
        // Zooming in is the map's own.
        assert_eq!(wheel(css, -120), serde_json::json!(true), "{css} did not zoom in");
    }
    let touch = browser.js("return getComputedStyle(document.querySelector('.map-svg')).touchAction", vec![]);
    assert!(touch.as_str().unwrap().contains("pan-y"), "a vertical swipe scrolls the page: {touch}");
    browser.assert_clean_console();
}
