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
            // Damage the index's term dictionary, inside the corpus payload
            // `atlas site` wrote into the wasm: the FST checksum must catch it.
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
    // A build damaged before it was hashed (the page's hashes match the
    // damaged wasm): the index's own checks must still catch it.
    rehash(&site);
    let server = Server::start(site.clone(), "/");
    let browser = Browser::start();
    browser.goto(&server.url);
    let message = fatal_message(&browser);
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

/// Gives `site/index.html` the hashes of the files now beside it.
fn rehash(site: &std::path::Path) {
    let index = site.join("index.html");
    let mut html = fs::read_to_string(&index).unwrap();
    for entry in fs::read_dir(site).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".wasm") {
            let original = fs::read(crate::support::dist_dir().join(&name)).unwrap();
            let now = fs::read(entry.path()).unwrap();
            html = html.replace(&corpus_atlas::site::sri(&original), &corpus_atlas::site::sri(&now));
        }
    }
    // (The hashes sit in inline scripts, whose own hashes the policy lists.)
    let html = corpus_atlas::site::secure_index(&html).unwrap();
    fs::write(index, html).unwrap();
}

#[test]
fn a_tampered_wasm_is_refused_by_its_hash() {
    // The glue, the styles and the icon are inside the page (its policy lists
    // their hashes): the wasm is the one other file the page loads.
    let names: Vec<String> = fs::read_dir(crate::support::dist_dir())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.ends_with(".css") || (n.ends_with(".js") && n != "sw.js")), "{names:?}");
    // A CDN or a cache on the way serves other bytes under the same name.
    let site = copy_site("tampered-wasm", |path, bytes| {
        if path.extension().is_some_and(|e| e == "wasm") {
            let last = bytes.len() - 1;
            bytes[last] ^= 1;
        }
    });
    let server = Server::start(site.clone(), "/");
    let browser = Browser::start();
    browser.goto(&server.url);
    let message = fatal_message(&browser);
    assert!(message.as_str().unwrap().contains("could not be loaded"), "{message}");
    let app = browser.js("return document.getElementById('app').children.length", vec![]);
    assert_eq!(app, serde_json::json!(0), "the app started from a tampered wasm");
    let _ = fs::remove_dir_all(&site);
}

/// The error panel's message, once it shows.
fn fatal_message(browser: &Browser) -> serde_json::Value {
    browser.wait_for(
        "the error panel",
        "return !document.getElementById('fatal').hidden && document.getElementById('fatal-message').textContent",
    )
}
