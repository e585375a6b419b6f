//! axe-core (npm, installed by `make tools`) over the app as readers meet it:
//! the start page, results with their filters, the reader, and the compact
//! embed. WCAG 2 A and AA rules; any violation fails with its rule and nodes.

use std::path::PathBuf;

use crate::support::{open_app, Browser};

/// axe-core's script: `$AXE_CORE` (the Makefile sets it), else where `make
/// tools` puts it.
fn axe_script() -> String {
    let path = std::env::var_os("AXE_CORE").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(std::env::var("HOME").unwrap_or_default())
            .join(".cache/corpus-atlas/tools/node_modules/axe-core/axe.min.js")
    });
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run `make tools` to install axe-core)", path.display()))
}

/// The WCAG 2 A and AA violations on the page as it is now: "rule: n nodes (first target)".
fn violations(browser: &Browser) -> Vec<String> {
    browser.js(&format!("{}\n;window.axe = axe;", axe_script()), vec![]);
    let found = browser.js_async(
        "const done = arguments[arguments.length - 1]; \
         axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }) \
            .then(r => done(r.violations.map(v => `${v.id}: ${v.nodes.length} (${v.nodes[0].target.join(' ')})`))) \
            .catch(e => done([`axe failed: ${e}`]));",
        vec![],
    );
    crate::support::strings(&found)
}

#[test]
fn the_app_and_the_embed_have_no_wcag_violations() {
    let (server, browser) = open_app();
    let pages = [
        ("the start page", String::new(), "return document.querySelector('ol[aria-label=Documents] > li')"),
        (
            "results with filters",
            "#/search?q=fintech%20city%3AShenzhen%20lang%3Aen".to_owned(),
            "return document.querySelector('ol[aria-label=Results] > li')",
        ),
        ("the concordance", "#/kwic?q=Hong%20Kong&sort=right".to_owned(), "return document.querySelector('table.kwic tbody tr')"),
        ("the trends", "#/trends?q=Shenzhen".to_owned(), "return document.querySelector('table.trend-table tbody tr')"),
        ("the reader", "#/doc/001_9e2afc69ac3b4727.txt?q=%ED%99%8D%EC%BD%A9".to_owned(), "return document.querySelector('.reader-body mark')"),
        ("the embed", "?embed#/search?q=Shenzhen".to_owned(), "return document.querySelector('ol[aria-label=Results] > li')"),
    ];
    let mut failed = Vec::new();
    for (what, path, ready) in pages {
        browser.goto(&format!("{}{path}", server.url));
        browser.wait_for(what, ready);
        for v in violations(&browser) {
            failed.push(format!("{what}: {v}"));
        }
    }
    assert!(failed.is_empty(), "axe-core found:\n{}", failed.join("\n"));
    browser.assert_clean_console();
}
