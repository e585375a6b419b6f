//! The city map: marks with the engine's counts, a click that filters the
//! results (and the URL) to a city, the views the corpus's places call for
//! (opened zoomed to them), the table, keyboard use.

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

/// Where each city the corpus names is, (lat, lon), with its mentions.
fn positions(cities: &BTreeMap<String, u64>) -> Vec<(Option<(f32, f32)>, u32)> {
    let index = corpus_atlas::index().unwrap();
    cities
        .iter()
        .map(|(name, n)| {
            let e = (0..index.entity_count()).map(|e| index.entity(e)).find(|e| e.name == name.as_str());
            (e.and_then(|e| e.at), *n as u32)
        })
        .collect()
}

fn base_views() -> Vec<corpus_atlas::geo::View> {
    corpus_atlas::geo::parse_basemap(crate::support::site_basemap()).iter().map(|b| b.view).collect()
}

/// The basemap view the map opens on: the smallest that holds most of the
/// corpus's mentions of cities (general regions, none chosen for a corpus).
pub fn opening_view() -> usize {
    corpus_atlas::view::map::best_view(&base_views(), &positions(&engine_cities("")))
}

/// The titles of the views the map offers for the whole corpus.
fn offered_titles() -> Vec<&'static str> {
    let views = corpus_atlas::geo::parse_basemap(crate::support::site_basemap());
    corpus_atlas::view::map::offered_views(&base_views(), &positions(&engine_cities("")), opening_view())
        .into_iter()
        .map(|i| views[i].title)
        .collect()
}

/// Chooses the map's view titled `title`, as a reader does.
pub(crate) fn show_view(browser: &Browser, title: &str) {
    browser.js(
        "const s = document.querySelector('select[aria-label=\"Map view\"]'); \
         s.value = [...s.options].find(o => o.textContent === arguments[0]).value; \
         s.dispatchEvent(new Event('change', {bubbles: true}))",
        vec![serde_json::json!(title)],
    );
}

/// The part of `cities` inside basemap view `view`.
pub fn in_view(view: usize, cities: &BTreeMap<String, u64>) -> BTreeMap<String, u64> {
    let index = corpus_atlas::index().unwrap();
    let v = corpus_atlas::geo::parse_basemap(crate::support::site_basemap())[view].view;
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
    // (The list is drawn in two frames: the first results, then the rest.)
    let v = browser.wait_for(
        "the whole result list",
        "return document.querySelector('ol[aria-label=Results][aria-busy]') ? null \
         : JSON.stringify([...document.querySelectorAll('ol[aria-label=Results] > li')].map(e => e.dataset.doc))",
    );
    crate::support::strings(&serde_json::from_str(v.as_str().unwrap_or("[]")).unwrap_or_default())
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

    // The view that holds most of the corpus's places, zoomed to them: its
    // cities, each with the engine's count.
    let shown = marks(&browser);
    let expected = engine_cities("");
    let opening = opening_view();
    assert_eq!(shown, in_view(opening, &expected));
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
    // Opened close to where the places are: a close-up cut around the most
    // named cities (the Pearl River Delta for this corpus), all of them in sight.
    let view = &corpus_atlas::geo::parse_basemap(crate::support::site_basemap())[opening];
    assert!(view.view.east - view.view.west <= 16.0, "a close-up, not a continent: {}", view.title);
    let inside = browser.js(
        "const b = document.querySelector('.map-svg').viewBox.baseVal; \
         return ['Hong Kong', 'Shenzhen', 'Guangzhou', 'Macau'].every(n => { \
             const c = document.querySelector(`g.mark[data-city=\"${n}\"] circle`); \
             const x = c.cx.baseVal.value, y = c.cy.baseVal.value; \
             return x > b.x && x < b.x + b.width && y > b.y && y < b.y + b.height; })",
        vec![],
    );
    assert_eq!(inside, serde_json::json!(true), "the delta's cities are in sight");
    // The views offered are those that hold some of the corpus's places, and
    // the world, on one line with the table's toggle.
    let tabs = browser.js("return [...document.querySelectorAll('select[aria-label=\"Map view\"] option')].map(o => o.textContent)", vec![]);
    let rows = browser.js(
        "const h = document.querySelector('section[aria-label=\"City map\"] .panel-head'); \
         const mids = [...h.children].map(c => c.getBoundingClientRect()).map(r => r.top + r.height / 2); \
         return Math.max(...mids) - Math.min(...mids)",
        vec![],
    );
    assert!(rows.as_f64().unwrap() < 8.0, "the map's heading is one line: centres {rows} px apart");
    assert_eq!(tabs, serde_json::json!(offered_titles()));
    assert!(!offered_titles().contains(&"South America"), "no view without places: {:?}", offered_titles());
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
    assert_eq!(marks(&browser), in_view(opening, &engine_cities("city:Shenzhen")));
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
fn the_other_views_the_table_and_zoom() {
    let (server, browser) = open_app();
    browser.resize(1280, 1000);
    browser.goto(&server.url);
    marks(&browser);
    let expected = engine_cities("");

    // Europe, which holds a city the corpus names, opens on it.
    show_view(&browser, "Europe");
    browser.wait_for(
        "the Europe view",
        "return document.querySelector('g.mark[data-city=\"Vienna\"]')",
    );
    let europe = corpus_atlas::geo::parse_basemap(crate::support::site_basemap())
        .iter()
        .position(|b| b.title == "Europe")
        .unwrap();
    let shown = marks(&browser);
    assert_eq!(shown, in_view(europe, &expected));
    assert_eq!(shown.get("Vienna"), expected.get("Vienna"));
    // A region narrower than the panel is drawn with the land beside it,
    // filling the panel, not as a narrow picture with cut edges.
    let fill = browser.js(
        "const f = document.querySelector('.map-frame').getBoundingClientRect(); \
         const s = document.querySelector('.map-svg'); const r = s.getBoundingClientRect(); const b = s.viewBox.baseVal; \
         return [r.width / f.width, (b.width / b.height) / (r.width / r.height)]",
        vec![],
    );
    assert!(fill[0].as_f64().unwrap() > 0.98, "the map fills its panel: {fill}");
    assert!((fill[1].as_f64().unwrap() - 1.0).abs() < 0.02, "the drawing is not letterboxed: {fill}");
    browser.screenshot(&screenshot_path("map-europe"));
    let below_map = "return document.querySelector('main .overview, main .results')?.getBoundingClientRect().top";
    let before = browser.js(below_map, vec![]);

    show_view(&browser, "World");
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
    // Switching views moved nothing under the map (the "Elsewhere" row,
    // empty here, keeps its place).
    let after = browser.js(below_map, vec![]);
    assert!((after.as_f64().unwrap() - before.as_f64().unwrap()).abs() < 2.0, "what is under the map stays put: {before} then {after}");
    // No label hides a city: none covers another mark's centre, and all
    // are drawn above every mark.
    let covered = browser.js(
        "const labels = [...document.querySelectorAll('.map-svg .labels text')]; \
         const marks = [...document.querySelectorAll('.map-svg g.mark')]; \
         const bad = []; \
         for (const t of labels) { const b = t.getBoundingClientRect(); \
           for (const g of marks) { if (g.dataset.city === t.textContent) continue; \
             const c = g.querySelector('circle').getBoundingClientRect(); \
             const x = c.left + c.width / 2, y = c.top + c.height / 2; \
             if (x > b.left && x < b.right && y > b.top && y < b.bottom) bad.push(t.textContent + ' over ' + g.dataset.city); } } \
         return [labels.length, bad]",
        vec![],
    );
    assert!(covered[0].as_u64().unwrap() >= 4, "the world view labels its cities: {covered}");
    assert_eq!(covered[1], serde_json::json!([]), "labels over other cities");
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
fn a_focused_city_shows_its_card_which_opens_the_text_naming_it_most() {
    let (server, browser) = open_app();
    browser.goto(&server.url);
    marks(&browser);
    let card = "return [document.querySelector('.place-card .mark-card-date')?.textContent, \
                        document.querySelector('.place-card .mark-card-text')?.textContent ?? '', \
                        document.querySelector('.place-card').getBoundingClientRect().height]";
    let before = browser.js(card, vec![]);
    browser.js("document.querySelector('g.mark[data-city=\"Macau\"]').focus(); return true", vec![]);
    let after = browser.wait_for("Macau's card", &format!("const c = (() => {{ {card} }})(); return c[0].startsWith('Macau') ? c : null"));
    let (label, _) = browser.accessibility("g.mark[data-city=\"Macau\"]");
    assert_eq!(after[0].as_str(), Some(label.as_str()), "the card says what the mark says");
    assert_eq!(after[2], before[2], "the card's place was kept for it: nothing moves");
    // The documents that name Macau most, by title, most first.
    let index = corpus_atlas::index().unwrap();
    let macau = place_counts(index, None)
        .into_iter()
        .find(|c| index.entity(c.entity).name == "Macau")
        .expect("the corpus names Macau");
    let top = corpus_atlas::view::map::top_documents(&macau.docs, 3);
    let first = index.doc(top[0].0);
    let listed = after[1].as_str().unwrap();
    assert!(listed.starts_with(&format!("{} ({})", first.title, top[0].1)), "{listed}");
    browser.click(".place-card .mark-card-open");
    let opened = browser.wait_for("the reader", "return document.querySelector('#reader-title')?.textContent");
    assert_eq!(opened.as_str(), Some(first.title));
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
        "return document.querySelector('.map .panel-note')?.textContent.includes('results')",
    );
    let expected = engine_cities("fintech");
    let all = engine_cities("");
    assert_ne!(expected, all, "a query must change the counts");
    // Cities outside the view are listed beside it; marks are only those in view.
    assert_eq!(marks(&browser), in_view(opening_view(), &expected));
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
    // The map opens zoomed to the corpus's places: 0 shows its whole view.
    browser.js("const s = document.querySelector('.map-svg'); s.focus(); s.dispatchEvent(new KeyboardEvent('keydown', {key: '0', bubbles: true}))", vec![]);
    browser.wait_for("the whole view", "return document.querySelector('.map-svg').viewBox.baseVal.x === 0");
    for css in [".map-svg", ".timeline-svg"] {
        // Fully zoomed out: turning the wheel further scrolls the page.
        assert_eq!(wheel(css, 120), serde_json::json!(false), "{css} swallowed the page's scroll");
        // Zooming in is the map's own.
        assert_eq!(wheel(css, -120), serde_json::json!(true), "{css} did not zoom in");
    }
    // After the table (or the list) is shown and hidden, the new drawing zooms too.
    for (css, toggle) in [
        (".map-svg", "section[aria-label=\"City map\"] .panel-head > button"),
        (".timeline-svg", "section[aria-label=Timeline] .panel-head > button[aria-pressed]"),
    ] {
        browser.click(toggle);
        browser.wait_for("the drawing hidden", &format!("return !document.querySelector('{css}')"));
        browser.click(toggle);
        browser.wait_for("the drawing back", &format!("return document.querySelector('{css}')"));
        assert_eq!(wheel(css, -120), serde_json::json!(true), "{css} did not zoom after the table");
    }
    let touch = browser.js("return getComputedStyle(document.querySelector('.map-svg')).touchAction", vec![]);
    assert!(touch.as_str().unwrap().contains("pan-y"), "a vertical swipe scrolls the page: {touch}");
    browser.assert_clean_console();
}
