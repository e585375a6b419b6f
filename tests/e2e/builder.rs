//! The builder's loop, as a newsroom developer lives it: the app compiled
//! once (`make app`, into target/app), then `atlas site` makes a site from
//! a folder of texts with no compiler, and makes it again after a text is
//! edited. Both sites are opened in Chromium and searched.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{screenshot_path, Browser, Server};

fn app_dir() -> PathBuf {
    let app = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/app");
    assert!(app.join("index.html").is_file(), "{} is missing: run `make test`, which compiles the app", app.display());
    app
}

fn make_site(texts: &Path, site: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(["site", &site.to_string_lossy(), "--corpus", &texts.to_string_lossy(), "--app"])
        .arg(app_dir())
        .env_remove("ATLAS_ENTITIES")
        .output()
        .expect("run atlas site");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "atlas site failed: {}{stdout}", String::from_utf8_lossy(&out.stderr));
    stdout
}

/// Searches the site for `query`; the documents found.
fn found(browser: &Browser, server: &Server, query: &str) -> Vec<String> {
    browser.goto(&format!("{}#/search?q={query}", server.url));
    let docs = browser.wait_for(
        "the results or their absence",
        &format!(
            "const status = document.querySelector('.results .status')?.textContent || ''; \
             if (document.querySelector('input[type=search]')?.value !== '{query}' || !/result/i.test(status)) return null; \
             return {{ docs: [...document.querySelectorAll('ol[aria-label=Results] > li')].map(li => li.dataset.doc) }}"
        ),
    );
    docs["docs"].as_array().unwrap().iter().filter_map(|v| v.as_str().map(str::to_owned)).collect()
}

#[test]
fn a_folder_of_texts_becomes_a_site_and_an_edit_a_new_one_without_compiling() {
    let work = std::env::temp_dir().join(format!("corpus-atlas-builder-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    let (texts, site) = (work.join("texts"), work.join("site"));
    std::fs::create_dir_all(&texts).unwrap();
    std::fs::write(
        texts.join("harbour.txt"),
        "The harbour board meets\n\nThe harbour board of Lisbon met on 3 March 2019 to discuss the quays.\n",
    )
    .unwrap();
    std::fs::write(
        texts.join("orchard.txt"),
        "Orchards in spring\n\nIn Valencia the orchards flowered early in April 2021, and the growers rejoiced.\n",
    )
    .unwrap();
    let report = make_site(&texts, &site);
    assert!(report.contains("2 documents"), "{report}");
    assert!(site.join("corpus-atlas.html").is_file(), "the one-file app too: {report}");

    let server = Server::start(site.clone(), "/");
    let browser = Browser::start();
    browser.resize(1280, 900);
    assert_eq!(found(&browser, &server, "quays"), ["harbour.txt"]);
    let cities = browser.wait_for(
        "the corpus's cities on the map",
        "const c = [...document.querySelectorAll('g[data-city]')].map(g => g.dataset.city); return c.length ? c : null",
    );
    assert!(cities.as_array().unwrap().iter().any(|c| c == "Lisbon"), "{cities}");

    assert_eq!(found(&browser, &server, "quinces"), Vec::<String>::new(), "not written yet");
    // An edit, and the site again: no compiler, the new word is found.
    std::fs::write(
        texts.join("orchard.txt"),
        "Orchards in spring\n\nIn Valencia the orchards flowered early in April 2021; the quinces came last.\n",
    )
    .unwrap();
    make_site(&texts, &site);
    browser.goto("about:blank");
    let server = Server::start(site.clone(), "/");
    assert_eq!(found(&browser, &server, "quinces"), ["orchard.txt"]);
    assert_eq!(found(&browser, &server, "rejoiced"), Vec::<String>::new(), "the old text is gone");
    browser.screenshot(&screenshot_path("builder-remade-site"));
    browser.assert_clean_console();
    let _ = std::fs::remove_dir_all(&work);
}

/// A server process, stopped when the test ends, passed or failed.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A fresh working folder for one test (`name`) with `texts/` inside,
/// holding one text: (the folder, its texts).
fn folder_of_one_text(name: &str, file: &str, text: &str) -> (PathBuf, PathBuf) {
    let work = std::env::temp_dir().join(format!("corpus-atlas-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    let texts = work.join("texts");
    std::fs::create_dir_all(&texts).unwrap();
    std::fs::write(texts.join(file), text).unwrap();
    (work, texts)
}

/// The wasm `index.html` at `url` loads, once the server answers.
fn served_wasm(url: &str) -> Option<String> {
    let page = ureq::get(url).call().ok()?.into_body().read_to_string().ok()?;
    let at = page.find("app-")?;
    let end = at + page[at..].find("_bg.wasm")?;
    Some(page[at..end].to_owned())
}

#[test]
fn atlas_serve_watch_makes_the_site_again_when_a_text_changes() {
    let (work, texts) = folder_of_one_text("watch", "mill.txt", "The mill\n\nThe old mill in Ghent ground wheat in 1890.\n");
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let _server = Running(Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(["serve", &work.join("site").to_string_lossy(), "--corpus", &texts.to_string_lossy(), "--watch"])
        .args(["--port", &port.to_string(), "--app"])
        .arg(app_dir())
        .env_remove("ATLAS_ENTITIES")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start atlas serve"));
    let url = format!("http://127.0.0.1:{port}/");
    let wait = |what: &str, ok: &dyn Fn(Option<String>) -> bool| {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while !ok(served_wasm(&url)) {
            assert!(std::time::Instant::now() < deadline, "timed out waiting for {what}");
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        served_wasm(&url)
    };
    let first = wait("the first site", &|w| w.is_some());
    std::fs::write(texts.join("mill.txt"), "The mill\n\nThe old mill in Ghent ground rye in 1890.\n").unwrap();
    let second = wait("the site made again", &|w| w.is_some() && w != first);

    let browser = Browser::start();
    browser.goto(&format!("{url}#/search?q=rye"));
    let status = browser.wait_for(
        "the search for the new word",
        "const s = document.querySelector('.results .status')?.textContent; return /result/i.test(s || '') && s",
    );
    assert_eq!(status.as_str(), Some("1 result"), "the edited text, served after the rebuild ({second:?})");
    browser.assert_clean_console();
    let _ = std::fs::remove_dir_all(&work);
}

/// The app as trunk compiled it, served without `atlas site` (someone used
/// to `trunk serve`): the page says what to run, never a blank page.
#[test]
fn the_app_without_a_corpus_says_how_to_make_a_site() {
    let server = Server::start(app_dir(), "/");
    let browser = Browser::start();
    browser.goto(&server.url);
    let message = browser.wait_for(
        "the error panel",
        "const f = document.getElementById('fatal'); return f && !f.hidden && document.getElementById('fatal-message').textContent",
    );
    let message = message.as_str().unwrap();
    assert!(message.contains("carries no corpus") && message.contains("atlas site"), "{message}");
}

/// A split index written by `atlas build --split`, made into a site with
/// `atlas site --index`: its shards come along, and a search finds the text.
#[test]
fn a_split_index_becomes_a_site_with_its_shards() {
    let (work, texts) = folder_of_one_text("split-index", "ferry.txt", "The ferry\n\nThe ferry to Piraeus sailed at dawn in May 2018.\n");
    let atlas = |args: &[&std::ffi::OsStr]| {
        let out = Command::new(env!("CARGO_BIN_EXE_atlas")).args(args).env_remove("ATLAS_ENTITIES").output().expect("run atlas");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    };
    let head = work.join("index/head.bin");
    std::fs::create_dir_all(head.parent().unwrap()).unwrap();
    atlas(&["build".as_ref(), texts.as_os_str(), "-o".as_ref(), head.as_os_str(), "--split".as_ref()]);
    let site = work.join("site");
    atlas(&["site".as_ref(), site.as_os_str(), "--index".as_ref(), head.as_os_str(), "--app".as_ref(), app_dir().as_os_str()]);
    assert!(site.join("shards").read_dir().unwrap().count() > 0, "the shards came along");
    assert!(!site.join("corpus-atlas.html").exists(), "no single file for a split site");
    // Split from the folder directly: the shards, written beside the site
    // while indexing, are moved in, and are the same files.
    let direct = work.join("direct");
    atlas(&["site".as_ref(), direct.as_os_str(), "--corpus".as_ref(), texts.as_os_str(), "--split".as_ref(), "--app".as_ref(), app_dir().as_os_str()]);
    let names = |dir: &std::path::Path| {
        let mut n: Vec<_> = dir.read_dir().unwrap().map(|e| e.unwrap().file_name()).collect();
        n.sort();
        n
    };
    assert_eq!(names(&direct.join("shards")), names(&head.parent().unwrap().join("shards")));
    assert!(!work.join("direct.shards").exists(), "nothing is left beside the site");
    let server = Server::start(site, "/");
    let browser = Browser::start();
    assert_eq!(found(&browser, &server, "ferry"), ["ferry.txt"]);
    browser.assert_clean_console();
    let _ = std::fs::remove_dir_all(&work);
}

/// A corpus over `--split-above` megabytes of text makes a split site
/// unasked, and says so; `--whole` makes one bundle with its single file.
#[test]
fn a_large_corpus_makes_a_split_site_unasked() {
    let (work, texts) = folder_of_one_text("auto-split", "harbour.txt", "The harbour\n\nCranes at the harbour of Busan in June 2021.\n");
    let site = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_atlas"))
            // (The folder named with a trailing slash, as a shell completes it.)
            .args(["site", &format!("{}/", work.join("site").display()), "--corpus", &texts.to_string_lossy(), "--app", &app_dir().to_string_lossy()])
            .args(args)
            .env_remove("ATLAS_ENTITIES")
            .output()
            .expect("run atlas");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    // 60 bytes of text, over a limit of 0.00001 MB (10 bytes).
    let said = site(&["--split-above", "0.00001"]);
    assert!(said.contains("making a split site") && said.contains("--whole"), "{said}");
    assert!(work.join("site/shards").read_dir().unwrap().count() > 0);
    assert!(!work.join("site/corpus-atlas.html").exists(), "no single file for a split site");
    assert!(!work.join("site.shards").exists() && !work.join("site/.shards").exists(), "nothing left where the shards waited");
    let said = site(&["--split-above", "0.00001", "--whole"]);
    assert!(!said.contains("split site"), "{said}");
    assert!(!work.join("site/shards").exists() && work.join("site/corpus-atlas.html").is_file());
    // Under the limit (the default 4 MB): one bundle, nothing said.
    let said = site(&[]);
    assert!(!said.contains("split site") && work.join("site/corpus-atlas.html").is_file(), "{said}");
    let _ = std::fs::remove_dir_all(&work);
}
