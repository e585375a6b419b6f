//! Tampered URLs and a damaged bundle: a sensible default and a message,
//! never a blank page.

use std::fs;

use crate::support::{copy_site, open_app, Browser, Server};

#[test]
fn tampered_urls_get_defaults_and_messages() {
    let (server, browser) = open_app();
    // A place the corpus never names.
    browser.goto(&format!("{}#/search?q=city%3Aatlantis", server.url));
    let hints = browser.wait_for(
        "a hint",
        "return [...document.querySelectorAll('.hints li')].map(l => l.textContent).join(' ')",
    );
    assert!(hints.as_str().unwrap().contains("atlantis"), "{hints}");
    // An oversized query: 10,000 characters.
    let long = "hong%20".repeat(1500) + &"%22%2D%7C".repeat(300);
    browser.goto(&format!("{}#/search?q={long}", server.url));
    browser.wait_for(
        "an answer",
        "return document.querySelector('[role=status]')?.textContent",
    );
    // Malformed escapes and unknown routes fall back to the overview or a search.
    browser.goto(&format!("{}#/search?q=%E0%A4%ZZ%", server.url));
    browser.wait_for(
        "a status line",
        "return document.querySelector('[role=status]')?.textContent",
    );
    browser.goto(&format!("{}#/nowhere/at/all?x=1", server.url));
    browser.wait_for(
        "the overview",
        "return document.querySelector('ol[aria-label=Documents] li')",
    );
    browser.goto(&format!(
        "{}#/doc/003_dc6f4838724390c1.txt?s=999&q=5G",
        server.url
    ));
    browser.wait_for(
        "the reader despite a bad section",
        "return document.querySelector('.reader-body mark')",
    );
    let fatal = browser.js("return !document.getElementById('fatal').hidden", vec![]);
    assert_eq!(fatal.as_bool(), Some(false));
    browser.assert_clean_console();
}

#[test]
fn a_damaged_bundle_shows_the_error_panel() {
    let site = copy_site("damaged", |path, bytes| {
        if path.extension().is_some_and(|e| e == "wasm") {
            // Damage the embedded index's term dictionary. (Its header cannot
            // be damaged this way: the bytes are a compile-time constant, so
            // LLVM folds the header checks; the FST checksum runs for real.)
            let at = bytes
                .windows(8)
                .position(|w| w == b"CATLAS\r\n")
                .expect("the index is embedded in the wasm");
            let word = |o: usize| {
                u32::from_le_bytes(bytes[at + o..at + o + 4].try_into().unwrap()) as usize
            };
            let (fst_offset, fst_len) = (word(16), word(20));
            bytes[at + fst_offset + fst_len / 2] ^= 0xFF;
        }
    });
    let server = Server::start(site.clone(), "/");
    let browser = Browser::start();
    browser.goto(&server.url);
    let message = browser.wait_for(
        "the error panel",
        "return !document.getElementById('fatal').hidden && document.getElementById('fatal-message').textContent",
    );
    assert!(
        message
            .as_str()
            .unwrap()
            .contains("corrupt term dictionary"),
        "{message}"
    );
    let reset = browser.js(
        "return document.querySelector('#fatal a').getAttribute('href')",
        vec![],
    );
    assert_eq!(reset.as_str(), Some("./"), "a way to start again");
    let _ = fs::remove_dir_all(&site);
}
