//! Embedding in an article: a sandboxed iframe on a host page, the height
//! reported by postMessage, a deep link, and the share panel's snippets.

use std::fs;

use crate::support::{copy_site, open_app, screenshot_path, Browser, Server};

/// An article with the embed code pasted in as the app copies it and the
/// README shows it (`corpus_atlas::embed::snippet`).
fn host_page(src: &str) -> String {
    format!(
        r#"<!doctype html><meta charset="utf-8"><title>An article</title><link rel="icon" href="data:,">
<body style="font-family: sans-serif; max-width: 42rem; margin: 1rem auto">
<h1>An article about a corpus</h1><p>Some reporting above the explorer.</p>
{}
<p>Some reporting below.</p>
"#,
        corpus_atlas::embed::snippet(src)
    )
}

#[test]
fn a_sandboxed_embed_reports_its_height_and_keeps_its_deep_link() {
    let site = copy_site("host", |_, _| {});
    let src = "corpus-atlas.html?embed#/search?q=Shenzhen";
    fs::write(site.join("article.html"), host_page(src)).unwrap();
    let frame = format!("#{}", corpus_atlas::embed::frame_id(src));
    let server = Server::start(site.clone(), "/");
    let browser = Browser::start();
    browser.goto(&format!("{}article.html", server.url));
    // The frame reports again as the map and timeline arrive after the results:
    // the host follows, and the frame ends as tall as its document.
    let height_js = format!("return document.querySelector('{frame}').getBoundingClientRect().height");
    browser.frame(Some(&frame));
    let marks = browser.wait_for(
        "Shenzhen results in the frame",
        "return document.querySelectorAll('ol[aria-label=Results] li mark').length",
    );
    assert!(marks.as_u64().unwrap() > 3);
    let layout = browser.js(
        "const f = document.querySelector('.facets'); return [!!document.querySelector('.embed'), !!f && getComputedStyle(f).display !== 'none', document.querySelector('.embed-out a').href]",
        vec![],
    );
    assert_eq!(layout[0], true, "compact layout");
    assert_eq!(layout[1], false, "no facet panel in an embed");
    let out = layout[2].as_str().unwrap();
    assert!(
        out.ends_with("corpus-atlas.html#/search?q=Shenzhen"),
        "the link out keeps the view, without embed: {out}"
    );
    // Compact: a few results, one view at a time, chosen by the reader.
    let shown = browser.js("return document.querySelectorAll('ol[aria-label=Results] > li').length", vec![]);
    assert!(shown.as_u64().unwrap() <= 5, "{shown} results in an embed");
    assert_eq!(browser.js("return document.querySelectorAll('.panels > section').length", vec![]), serde_json::json!(0));
    let app_height = "return Math.ceil(document.getElementById('app').getBoundingClientRect().bottom + scrollY) + 8";
    let inner = browser.js(app_height, vec![]).as_f64().unwrap();
    browser.frame(None);
    let tall = browser.wait_for(
        "the host to size the frame to the app's height",
        &format!("const h = (() => {{ {height_js} }})(); return Math.abs(h - Math.min(4000, {inner})) < 3 && h"),
    );
    assert!(tall.as_f64().unwrap() < 1800.0, "an embed stays compact on a laptop: {tall} px");
    browser.screenshot(&screenshot_path("embed-host"));
    browser.frame(Some(&frame));
    browser.click(".embed-tabs button:nth-child(2)");
    browser.wait_for("the map alone", "return document.querySelector('.map-svg') && !document.querySelector('ol[aria-label=Results]')");
    browser.click(".embed-tabs button:nth-child(1)");
    // A query with no results: the frame shrinks back, leaving no hole in the article.
    browser.type_into("input[type=search]", "zzqqxxvv\n");
    browser.wait_for("no results", "return document.querySelector('.status')?.textContent.startsWith('No results')");
    let small = browser.js(app_height, vec![]).as_f64().unwrap();
    browser.frame(None);
    browser.wait_for(
        "the frame to shrink",
        &format!("const h = (() => {{ {height_js} }})(); return h < {} && Math.abs(h - Math.max(120, {small})) < 3 && h", tall.as_f64().unwrap() - 100.0),
    );
    browser.screenshot(&screenshot_path("embed-host-shrunk"));
    browser.frame(Some(&frame));
    // The host takes only a finite height within bounds from its own frame.
    for (sent, expected) in [("1e9", Some(4000.0)), ("'NaN'", None), ("'500px;background:red'", None), ("7", Some(120.0))] {
        browser.frame(None);
        let before = browser.js(&height_js, vec![]).as_f64().unwrap();
        browser.frame(Some(&frame));
        browser.js(&format!("parent.postMessage({{type: 'corpus-atlas:height', height: {sent}}}, '*'); return true"), vec![]);
        browser.frame(None);
        let want = expected.unwrap_or(before);
        browser.wait_for(
            &format!("the host's answer to a height of {sent}"),
            &format!("const h = (() => {{ {height_js} }})(); return Math.abs(h - {want}) < 2 && h"),
        );
        browser.frame(Some(&frame));
    }
    browser.frame(None);
    browser.assert_clean_console();
    let _ = fs::remove_dir_all(&site);
}

#[test]
fn the_share_panel_gives_a_link_and_an_embed_snippet() {
    let (server, browser) = open_app();
    browser.goto(&format!("{}#/search?q=Hong%20Kong%20lang%3Aen", server.url));
    browser.wait_for(
        "results",
        "return document.querySelector('ol[aria-label=Results] li')",
    );
    browser.click(".share button:nth-child(2)");
    let code = browser.wait_for(
        "the embed code",
        "return document.querySelector('textarea[aria-label=\"Embed code\"]')?.value",
    );
    let code = code.as_str().unwrap();
    assert!(
        code.starts_with("<iframe id=\"corpus-atlas-")
            && code.contains("corpus-atlas.html?embed#/search?q=Hong%20Kong%20lang%3Aen"),
        "{code}"
    );
    assert!(code.contains("sandbox=\"allow-scripts"));
    assert!(code.contains("addEventListener(\"message\""), "the sizing script comes with it: {code}");
    // The panel says what the clipboard did, never "copied" when it refused.
    let status = || {
        browser.wait_for(
            "the copy's outcome",
            "const s = document.querySelector('.share-out [role=status]')?.textContent; return s && !s.startsWith('Copying') && s",
        )
    };
    browser.js(
        "window.__copied = null; navigator.clipboard.writeText = (t) => { window.__copied = t; return Promise.resolve(); }; return true",
        vec![],
    );
    browser.click(".share button:nth-child(2)");
    assert!(status().as_str().unwrap().starts_with("Embed code copied"), "a clipboard that took it");
    assert_eq!(browser.js("return window.__copied", vec![]).as_str(), Some(code));
    browser.js(
        "navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError')); return true",
        vec![],
    );
    browser.click(".share button:nth-child(1)");
    browser.click(".share button:nth-child(2)");
    let refused = status();
    assert!(
        refused.as_str().unwrap().starts_with("Embed code not copied"),
        "a clipboard that refused: {refused}"
    );
    browser.click(".share button:nth-child(1)");
    let link = browser.wait_for(
        "the link",
        "return document.querySelector('textarea[aria-label=Link]')?.value",
    );
    assert_eq!(
        link.as_str().unwrap(),
        format!("{}#/search?q=Hong%20Kong%20lang%3Aen", server.url)
    );
    // A line citing the corpus: its documents, languages and dates, this
    // view's URL and the day.
    browser.click(".share button:nth-child(3)");
    let cited = browser.wait_for(
        "the citation",
        "return document.querySelector('textarea[aria-label=Citation]')?.value",
    );
    let index = corpus_atlas::index().unwrap();
    let today = browser.js("return new Date().toISOString().slice(0, 10)", vec![]);
    let want = corpus_atlas::view::summary::citation(
        &corpus_atlas::engine::research::summary(index),
        &format!("{}#/search?q=Hong%20Kong%20lang%3Aen", server.url),
        today.as_str().unwrap(),
    );
    assert_eq!(cited.as_str(), Some(want.as_str()));
    // The embed URL really opens the same view.
    let embed_src = code.split("src=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let viewer = Browser::start();
    viewer.goto(&embed_src);
    viewer.wait_for(
        "the embedded view",
        "return document.querySelector('.embed ol[aria-label=Results] li[lang=en]')",
    );
    viewer.assert_clean_console();
    browser.assert_clean_console();
}

#[test]
fn opening_a_lower_result_in_an_embed_keeps_its_title_in_sight() {
    let site = copy_site("host-open", |_, _| {});
    let src = "corpus-atlas.html?embed#/search?q=Hong%20Kong";
    fs::write(site.join("article.html"), host_page(src)).unwrap();
    let frame = format!("#{}", corpus_atlas::embed::frame_id(src));
    let server = Server::start(site.clone(), "/");
    let browser = Browser::start();
    browser.resize(1280, 800);
    browser.goto(&format!("{}article.html", server.url));
    browser.frame(Some(&frame));
    browser.wait_for("results in the frame", "return document.querySelectorAll('ol[aria-label=Results] > li').length > 2");
    browser.click("ol[aria-label=Results] > li:last-child h2 a");
    browser.wait_for("the reader", "return document.getElementById('reader-title') && document.querySelector('.reader-body mark')");
    let title_top = browser.js("return document.getElementById('reader-title').getBoundingClientRect().top", vec![]);
    browser.frame(None);
    // The frame grows to the whole text; the host page must show the title,
    // not land on a match halfway down it.
    browser.wait_for("the frame to settle", "return new Promise(r => setTimeout(() => r(true), 300))");
    let at = browser.js(&format!("return [document.querySelector('{frame}').getBoundingClientRect().top, innerHeight]"), vec![]);
    let top = at[0].as_f64().unwrap() + title_top.as_f64().unwrap();
    assert!(top >= 0.0 && top < at[1].as_f64().unwrap(), "the title is at {top} px in a {} px window", at[1]);
    browser.screenshot(&screenshot_path("embed-opened"));
}
