//! The research views: the concordance (every match of a query in its
//! context, as the engine finds them, sorted by a column's link, each match
//! opening the reader) and the trends (matches per period of publication).

use corpus_atlas::engine::research::{collocates, concordance, sort_rows, trends, KwicOptions, KwicRow, KwicSort, WINDOW};
use serde_json::Value;

use crate::support::{open_app, screenshot_path};

const ROWS: &str = "return [...document.querySelectorAll('table.kwic tbody tr[data-row]')].map(tr => \
    [tr.dataset.doc, Number(tr.dataset.start), tr.querySelector('.kwic-match').textContent])";

#[test]
fn every_match_in_context_sorted_by_a_column_and_opened_in_the_reader() {
    let (server, browser) = open_app();
    browser.goto(&format!("{}#/search?q=Hong%20Kong", server.url));
    browser.wait_for("results", "return document.querySelector('ol[aria-label=Results] li')");
    // From the results, one link away, in the URL.
    browser.click("nav.answer-views a:not([aria-current])");
    browser.wait_for("the concordance", "return document.querySelectorAll('table.kwic tbody tr').length > 10");
    assert!(browser.url().contains("#/kwic?q=Hong%20Kong&sort=left"), "{}", browser.url());
    // The rows are the engine's, in its order: each match is the text's own bytes.
    let index = corpus_atlas::index().unwrap();
    let mut expected = concordance(index, "Hong Kong", KwicOptions { width: 50, limit: None });
    sort_rows(&mut expected, KwicSort::Left);
    let shown = browser.js(ROWS, vec![]);
    let shown = shown.as_array().unwrap();
    // Only a screenful and a little more is drawn: the first rows, in order.
    assert!(!shown.is_empty() && shown.len() < expected.len(), "{} of {} rows drawn", shown.len(), expected.len());
    for (row, want) in shown.iter().zip(&expected) {
        assert_eq!(row[0].as_str(), Some(want.doc.as_str()));
        assert_eq!(row[1].as_u64(), Some(want.start as u64));
        let text = index.doc_by_id(&want.doc).unwrap().text;
        assert_eq!(row[2].as_str(), Some(&text[want.start..want.end]), "the match is the text itself");
    }
    let status = browser.js("return document.querySelector('.concordance .status').textContent", vec![]);
    assert!(status.as_str().unwrap().starts_with(&format!("{} matches", expected.len())), "{status}");
    // Each row says how it matched, as the engine tells it.
    let why = corpus_atlas::engine::research::Why::of(index, "Hong Kong");
    let kinds = browser.js("return [...document.querySelectorAll('table.kwic tbody tr .kwic-why')].map(td => td.textContent)", vec![]);
    let want: Vec<&str> = expected.iter().take(kinds.as_array().unwrap().len()).map(|r| why.row_kind(index, r).name()).collect();
    assert_eq!(kinds, serde_json::json!(want));
    assert!(want.contains(&"typed"), "{want:?}");
    // The matches stand in one column: their centres line up.
    let centres = browser.js(
        "return [...document.querySelectorAll('table.kwic tbody tr .kwic-match')].slice(0, 20) \
           .map(td => { const r = td.getBoundingClientRect(); return Math.round(r.left + r.width / 2); })",
        vec![],
    );
    let centres: Vec<i64> = centres.as_array().unwrap().iter().filter_map(Value::as_i64).collect();
    assert!(centres.windows(2).all(|w| w[0] == w[1]), "{centres:?}");
    browser.js("document.querySelector('nav.answer-views').scrollIntoView(); return true", vec![]);
    browser.screenshot(&screenshot_path("concordance"));
    // The CSV download: made in the page (a blob), every row, opening in a
    // spreadsheet as it is.
    browser.js(
        "window.__csv = null; const made = URL.createObjectURL; \
         URL.createObjectURL = b => { b.arrayBuffer().then(a => window.__csv = new TextDecoder('utf-8', {ignoreBOM: true}).decode(a)); return made.call(URL, b); }; return true",
        vec![],
    );
    browser.click(".export button[data-format=csv]");
    let csv = browser.wait_for("the CSV", "return window.__csv");
    let csv = csv.as_str().unwrap();
    // (Compared whole, not printed whole when it differs.)
    assert!(csv == corpus_atlas::view::export::concordance_csv(&expected), "the engine's rows, as CSV: {}…", &csv[..200.min(csv.len())]);
    assert!(csv.starts_with("\u{feff}doc,section,date,left,match,right,start,end\r\n"), "{}", &csv[..80]);
    assert_eq!(csv.matches("\r\n").count(), expected.len() + 1, "a line a match");
    // The same rows as JSON, for a program.
    browser.js("window.__csv = null; return true", vec![]);
    browser.click(".export button[data-format=json]");
    let json = browser.wait_for("the JSON", "return window.__csv");
    assert_eq!(json.as_str(), Some(corpus_atlas::view::export::concordance_table(&expected).json().as_str()));

    // The words most often near the matches, the engine's, none of the query's own.
    let near: Vec<String> = collocates(index, "Hong Kong", WINDOW, 12).into_iter().map(|c| c.term).collect();
    assert!(!near.is_empty() && !near.iter().any(|t| t == "hong" || t == "kong"), "{near:?}");
    let chips = browser.js("return [...document.querySelectorAll('.collocates a.chip')].map(a => a.firstChild.textContent)", vec![]);
    assert_eq!(chips, serde_json::json!(near));

    // Sorted by the document instead: a link, so the URL says it.
    browser.click("th.kwic-h-doc a");
    browser.wait_for("sorted by document", "return location.hash.includes('sort=doc')");
    let mut by_doc = expected.clone();
    sort_rows(&mut by_doc, KwicSort::Doc);
    let first = browser.wait_for(
        "the rows in the new order",
        &format!("const r = (() => {{ {ROWS} }})(); return r[0][0] === {:?} && r[0][1] === {} ? r[0] : null", by_doc[0].doc, by_doc[0].start),
    );
    assert_eq!(first[0].as_str(), Some(by_doc[0].doc.as_str()));

    // A match opens the reader at that very match: the first document's
    // last row here, its k-th match, is the reader's current mark.
    let of_first: Vec<&KwicRow> = by_doc.iter().filter(|r| r.doc == by_doc[0].doc).collect();
    let k = of_first.len() - 1;
    // (Row k may lie below the rows drawn: scrolled to, it is drawn.)
    browser.js(
        &format!(
            "const b = document.querySelector('table.kwic tbody'); const h = b.querySelector('tr[data-row]').getBoundingClientRect().height; \
             window.scrollTo(0, b.getBoundingClientRect().top + window.scrollY + {k} * h - 200); return true"
        ),
        vec![],
    );
    browser.wait_for("row k drawn", &format!("return document.querySelector('table.kwic tbody tr[data-row=\"{k}\"] .kwic-match a')"));
    browser.js(&format!("document.querySelector('table.kwic tbody tr[data-row=\"{k}\"] .kwic-match a').click(); return true"), vec![]);
    browser.wait_for("the reader", "return document.querySelector('.reader mark')");
    assert!(browser.url().contains(&format!("&m={k}")), "{}", browser.url());
    let title = browser.js("return document.querySelector('#reader-title').textContent", vec![]);
    assert_eq!(title.as_str(), Some(index.doc_by_id(&by_doc[0].doc).unwrap().title));
    let current = browser.wait_for(
        "the row's match, current",
        "const m = [...document.querySelectorAll('.reader-body mark')]; const i = m.findIndex(x => x.getAttribute('aria-current')); \
         return i < 0 ? null : [i, m[i].textContent, document.activeElement === m[i], document.querySelector('.match-status').textContent]",
    );
    let n = of_first.len();
    assert_eq!(current, serde_json::json!([k, of_first[k].matched, true, format!("Match {} of {n}", k + 1)]));
    browser.screenshot(&screenshot_path("reader-at-concordance-match"));
    browser.back();
    browser.wait_for("the concordance again", "return document.querySelector('table.kwic tbody tr')");
    // A collocate narrows the concordance to the matches with it.
    browser.js("window.scrollTo(0, 0); return true", vec![]);
    browser.click(".collocates a.chip");
    browser.wait_for("the narrowed concordance", &format!("return decodeURIComponent(location.hash).includes('q=Hong Kong {}')", near[0]));
    browser.wait_for("its rows", "return document.querySelector('table.kwic tbody tr')");
    browser.assert_clean_console();
}

#[test]
fn trends_count_the_matches_per_period_as_the_engine_and_the_concordance_do() {
    let (server, browser) = open_app();
    browser.goto(&format!("{}#/kwic?q=Shenzhen&sort=left", server.url));
    browser.wait_for("the concordance", "return document.querySelector('table.kwic tbody tr')");
    browser.click("nav.answer-views a[href^='#/trends']");
    browser.wait_for("the trends", "return document.querySelector('table.trend-table tbody tr')");
    assert!(browser.url().contains("#/trends?q=Shenzhen"), "{}", browser.url());
    let index = corpus_atlas::index().unwrap();
    let expected = trends(index, "Shenzhen");
    let shown = browser.js(
        "return [...document.querySelectorAll('table.trend-table tbody tr')].map(tr => [...tr.children].map(c => c.textContent))",
        vec![],
    );
    let shown = shown.as_array().unwrap();
    let mut want: Vec<Vec<String>> = expected
        .periods
        .iter()
        .map(|r| vec![r.period.clone(), r.matches.to_string(), r.documents.to_string(), r.words.to_string()])
        .collect();
    if expected.undated.words > 0 {
        let u = &expected.undated;
        want.push(vec!["Undated".into(), u.matches.to_string(), u.documents.to_string(), u.words.to_string()]);
    }
    let got: Vec<Vec<String>> = shown
        .iter()
        .map(|r| r.as_array().unwrap()[..4].iter().map(|c| c.as_str().unwrap().to_owned()).collect())
        .collect();
    assert_eq!(got, want, "period, matches, documents, words");
    // The matches over the periods are the concordance's rows.
    let rows = concordance(index, "Shenzhen", KwicOptions::default()).len();
    let total: usize = expected.periods.iter().map(|r| r.matches).sum::<usize>() + expected.undated.matches;
    assert_eq!(total, rows);
    let status = browser.js("return document.querySelector('.trends .status').textContent", vec![]);
    assert!(status.as_str().unwrap().starts_with(&format!("{rows} matches")), "{status}");
    // One bar per period, the highest rate the tallest.
    let bars = browser.js("return [...document.querySelectorAll('.trends-svg .trend-bar rect')].map(r => r.height.baseVal.value)", vec![]);
    let bars: Vec<f64> = bars.as_array().unwrap().iter().filter_map(Value::as_f64).collect();
    assert_eq!(bars.len(), expected.periods.len());
    let rate = |r: &corpus_atlas::engine::research::TrendRow| r.per_10k_words();
    let top = expected.periods.iter().enumerate().max_by(|a, b| rate(a.1).total_cmp(&rate(b.1))).unwrap().0;
    assert!(bars.iter().all(|&h| h <= bars[top]), "{bars:?}");
    // Compared with another query: its matches per period beside, one scale.
    browser.type_into(".compare input", "Hong Kong");
    browser.js("document.querySelector('.compare').requestSubmit(); return true", vec![]);
    browser.wait_for("the comparison", "return location.hash.includes('&vs=Hong%20Kong') && document.querySelectorAll('.trends-svg .trend-bar.s1').length");
    let other = trends(index, "Hong Kong");
    let cells = browser.js(
        "return [...document.querySelectorAll('table.trend-table tbody tr')].map(tr => tr.children[5]?.textContent)",
        vec![],
    );
    let mut want: Vec<String> = other.periods.iter().map(|r| r.matches.to_string()).collect();
    if expected.undated.words > 0 {
        want.push(other.undated.matches.to_string());
    }
    assert_eq!(cells, serde_json::json!(want), "Hong Kong's matches per period");
    let bars = browser.js("return document.querySelectorAll('.trends-svg .trend-bar').length", vec![]);
    assert_eq!(bars.as_u64(), Some(2 * expected.periods.len() as u64));
    browser.js("document.querySelector('nav.answer-views').scrollIntoView(); return true", vec![]);
    browser.screenshot(&screenshot_path("trends"));
    // Its pill lifts it.
    browser.click(".compared a");
    browser.wait_for("one query again", "return !location.hash.includes('vs=') && !document.querySelector('.trends-svg .trend-bar.s1')");
    // A bar opens the results of its period.
    let first = &expected.periods[0].period;
    browser.js("document.querySelector('.trends-svg a.trend-bar').dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true})); return true", vec![]);
    browser.wait_for("the period's results", "return document.querySelector('ol[aria-label=Results] li')");
    assert!(browser.url().contains(&format!("#/search?q=Shenzhen%20from%3A{first}%20to%3A{first}")), "{}", browser.url());
    browser.assert_clean_console();
}

#[test]
fn the_start_page_sums_the_corpus_up_and_tables_its_documents() {
    use corpus_atlas::engine::research::{documents, sort_documents, summary, DocSort};
    let (server, browser) = open_app();
    browser.goto(&server.url);
    let line = browser.wait_for("the corpus in a line", "return document.querySelector('.corpus-summary')?.textContent");
    let index = corpus_atlas::index().unwrap();
    assert_eq!(line.as_str(), Some(corpus_atlas::view::summary::summary_line(&summary(index)).as_str()));
    // The most frequent words per language, counted when asked, as the engine counts them.
    browser.click(".frequent button");
    let shown = browser.wait_for(
        "the most frequent words",
        "const l = [...document.querySelectorAll('.frequent-lang')].map(d => [d.lang, [...d.querySelectorAll('a.chip')].map(a => a.firstChild.textContent)]); return l.length ? l : null",
    );
    let want: Vec<(String, Vec<String>)> = summary(index)
        .languages
        .iter()
        .map(|l| (l.lang.clone(), corpus_atlas::engine::research::terms(index, Some(&l.lang), 10).into_iter().map(|t| t.term).collect()))
        .collect();
    assert_eq!(shown, serde_json::json!(want));
    browser.js("document.querySelector('.docs-head').scrollIntoView(); return true", vec![]);
    browser.screenshot(&screenshot_path("frequent-words"));
    browser.click(".docs-head a");
    browser.wait_for("the table's address", "return location.hash === '#/docs'");
    const IDS: &str = "return [...document.querySelectorAll('table.doc-table tbody tr')].map(tr => tr.dataset.doc)";
    let ids = browser.wait_for("the table", &format!("const r = (() => {{ {IDS} }})(); return r.length ? r : null"));
    let rows = documents(index);
    assert_eq!(ids, serde_json::json!(rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>()));
    // Each row's numbers are the engine's.
    let cells = browser.js("return [...document.querySelectorAll('table.doc-table tbody tr')].map(tr => [...tr.querySelectorAll('td.num')].map(td => td.textContent.replace(/,/g, '')))", vec![]);
    for (shown, r) in cells.as_array().unwrap().iter().zip(&rows) {
        assert_eq!(shown, &serde_json::json!([r.words.to_string(), r.sections.to_string(), r.places.to_string(), r.dates.to_string()]), "{}", r.id);
    }
    // Longest first, by its heading.
    browser.js("[...document.querySelectorAll('table.doc-table thead a')].find(b => b.textContent === 'Words').click(); return true", vec![]);
    let mut by_words = rows.clone();
    sort_documents(&mut by_words, DocSort::Words);
    let want = serde_json::json!(by_words.iter().map(|r| r.id.clone()).collect::<Vec<_>>());
    let sorted = format!("return JSON.stringify((() => {{ {IDS} }})()) === {:?}", want.to_string());
    browser.wait_for("sorted by words", &sorted);
    // The order is in the URL: a reload (or a shared link) keeps it.
    assert!(browser.url().ends_with("#/docs?sort=words"), "{}", browser.url());
    browser.refresh();
    browser.wait_for("still sorted by words", &sorted);
    // Filtered as the reader types: by the language fewest documents are in.
    let mut langs: Vec<&str> = rows.iter().map(|r| r.lang.as_str()).collect();
    langs.sort_unstable();
    let rare = *langs.iter().min_by_key(|l| langs.iter().filter(|m| m == l).count()).unwrap();
    let mut filtered = by_words.clone();
    corpus_atlas::engine::research::filter_documents(&mut filtered, rare);
    assert!(!filtered.is_empty() && filtered.len() < rows.len(), "{rare}: {}", filtered.len());
    browser.type_into(".doc-filter input", rare);
    let want = serde_json::json!(filtered.iter().map(|r| r.id.clone()).collect::<Vec<_>>());
    let kept = format!("return JSON.stringify((() => {{ {IDS} }})()) === {:?}", want.to_string());
    browser.wait_for("the filtered rows", &kept);
    let status = browser.js("return document.getElementById('doc-filter-status').textContent", vec![]);
    assert_eq!(status.as_str(), Some(format!("{} of {} documents", filtered.len(), rows.len()).as_str()));
    assert!(browser.url().ends_with(&format!("#/docs?sort=words&filter={rare}")), "{}", browser.url());
    browser.refresh();
    browser.wait_for("still filtered after a reload", &kept);
    let typed = browser.js("return document.querySelector('.doc-filter input').value", vec![]);
    assert_eq!(typed.as_str(), Some(rare));
    browser.js("document.querySelector('.docs-head').scrollIntoView(); return true", vec![]);
    browser.screenshot(&screenshot_path("documents-table"));
    browser.click("table.doc-table tbody tr th a");
    let title = browser.wait_for("the reader", "return document.querySelector('#reader-title')?.textContent");
    assert_eq!(title.as_str(), Some(filtered[0].title.as_str()));
    browser.assert_clean_console();
}

#[test]
fn results_places_and_dates_download_as_the_engine_gives_them() {
    use corpus_atlas::engine::overview::places::place_counts;
    use corpus_atlas::engine::{search, SearchOptions};
    use corpus_atlas::view::export::{dates_table, places_table, results_table};
    let (server, browser) = open_app();
    browser.goto(&format!("{}#/search?q=Shenzhen", server.url));
    browser.wait_for("results", "return document.querySelector('ol[aria-label=Results] li')");
    browser.js(
        "window.__files = []; const made = URL.createObjectURL; \
         URL.createObjectURL = b => { b.arrayBuffer().then(a => window.__files.push(new TextDecoder('utf-8', {ignoreBOM: true}).decode(a))); return made.call(URL, b); }; return true",
        vec![],
    );
    let buttons = ["csv", "json"].iter().flat_map(|f| ["Results", "Places", "Dates"].map(move |n| (*f, n)));
    for (i, (format, name)) in buttons.enumerate() {
        browser.js(
            "[...document.querySelectorAll(`.results > .export button[data-format=${arguments[0]}]`)].find(b => b.textContent === arguments[1]).click(); return true",
            vec![serde_json::json!(format), serde_json::json!(name)],
        );
        browser.wait_for(name, &format!("return window.__files.length > {i}"));
    }
    let files = browser.js("return window.__files", vec![]);
    let index = corpus_atlas::index().unwrap();
    let hits = search(index, "Shenzhen", SearchOptions::default()).hits;
    let mut on = vec![false; index.section_count() as usize];
    for h in &hits {
        on[h.section as usize] = true;
    }
    let events: Vec<_> = index.events().filter(|e| on[e.section as usize]).collect();
    let tables = (results_table(index, &hits), places_table(index, &place_counts(index, Some(&on))), dates_table(index, &events));
    let want = [
        tables.0.csv(),
        tables.1.csv(),
        tables.2.csv(),
        tables.0.json(),
        tables.1.json(),
        tables.2.json(),
    ];
    for (got, want) in files.as_array().unwrap().iter().zip(&want) {
        let got = got.as_str().unwrap();
        assert!(got == want, "{}… / {}…", &got[..120.min(got.len())], &want[..120.min(want.len())]);
        assert!(got.lines().count() > 2, "a header and rows: {got}");
    }
    assert_eq!(files.as_array().map(Vec::len), Some(want.len()), "a file a button");
    assert!(want[1].contains("Shenzhen,city,22.5"), "coordinates to four decimals: {}", &want[1][..200.min(want[1].len())]);
    let places: Value = serde_json::from_str(&want[4]).expect("the places as JSON");
    let city = places.as_array().unwrap().iter().find(|p| p["place"] == "Shenzhen").expect("Shenzhen in the JSON");
    assert!(city["lat"].as_f64().is_some_and(|lat| (22.0..23.0).contains(&lat)), "{city}");
    browser.assert_clean_console();
}

#[test]
fn an_embed_shows_a_concordance_or_trends_from_its_link() {
    let (server, browser) = open_app();
    browser.goto(&format!("{}?embed#/kwic?q=Hong%20Kong&sort=left", server.url));
    browser.wait_for("the embedded concordance", "return document.querySelector('.embed table.kwic tbody tr')");
    browser.goto(&format!("{}?embed#/trends?q=Shenzhen&vs=Macau", server.url));
    browser.wait_for("the embedded trends", "return document.querySelector('.embed .trends-svg .trend-bar.s1')");
    browser.assert_clean_console();
}
