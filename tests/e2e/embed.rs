//! Embedding in an article: a sandboxed iframe on a host page, the height
//! reported by postMessage, a deep link, and the share panel's snippets.

use std::fs;

use crate::support::{copy_site, open_app, screenshot_path, Browser, Server};

/// The host-side snippet from the README, on a page of its own.
const HOST_PAGE: &str = r#"<!doctype html><meta charset="utf-8"><title>An article</title><link rel="icon" href="data:,">
<body style="font-family: sans-serif; max-width: 42rem; margin: 1rem auto">
<h1>An article about the Greater Bay Area</h1><p>Some reporting above the explorer.</p>
<iframe id="atlas" src="corpus-atlas.html?embed#/search?q=Shenzhen" title="corpus-atlas"
        sandbox="allow-scripts" style="width:100%;height:200px;border:1px solid #ccc"></iframe>
<script>
addEventListener("message", (e) => {
  const frame = document.getElementById("atlas");
  if (e.source === frame.contentWindow && e.data && e.data.type === "corpus-atlas:height") {
    frame.style.height = e.data.height + "px";
    window.__reported = e.data.height;
  }
});
</script>
<p>Some reporting below.</p>
"#;

#[test]
fn a_sandboxed_embed_reports_its_height_and_keeps_its_deep_link() {
    let site = copy_site("host", |_, _| {});
    fs::write(site.join("article.html"), HOST_PAGE).unwrap();
    let server = Server::start(site.clone(), "/");
    let browser = Browser::start();
    browser.goto(&format!("{}article.html", server.url));
    // The frame reports again as the map and timeline arrive after the results:
    // the host follows, and the frame ends as tall as it last said.
    browser.wait_for(
        "a height from the frame",
        "return window.__reported > 300 && window.__reported",
    );
    browser.wait_for(
        "the host to resize the frame to the last height reported",
        "const h = document.getElementById('atlas').getBoundingClientRect().height; return Math.abs(h - window.__reported) < 3 && h > 300",
    );
    browser.screenshot(&screenshot_path("embed-host"));

    browser.frame(Some("#atlas"));
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
        code.starts_with("<iframe src=\"")
            && code.contains("corpus-atlas.html?embed#/search?q=Hong%20Kong%20lang%3Aen"),
        "{code}"
    );
    assert!(code.contains("sandbox=\"allow-scripts"));
    browser.click(".share button:nth-child(1)");
    let link = browser.wait_for(
        "the link",
        "return document.querySelector('textarea[aria-label=Link]')?.value",
    );
    assert_eq!(
        link.as_str().unwrap(),
        format!("{}#/search?q=Hong%20Kong%20lang%3Aen", server.url)
    );
    // The embed URL really opens the same view.
    let embed_src = code.split('"').nth(1).unwrap().to_owned();
    let viewer = Browser::start();
    viewer.goto(&embed_src);
    viewer.wait_for(
        "the embedded view",
        "return document.querySelector('.embed ol[aria-label=Results] li[lang=en]')",
    );
    viewer.assert_clean_console();
    browser.assert_clean_console();
}
