//! Shared pieces of the end-to-end tests: a static server for dist/, a small
//! W3C WebDriver client for chromedriver, and screenshot paths.

pub mod server;
pub mod webdriver;

use std::path::PathBuf;

pub use server::Server;
pub use webdriver::Browser;

/// The built app. `make test` builds it with trunk before running the tests.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("DIST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dir.join("index.html").is_file(),
        "{} has no built app: run `make test`, which builds it with trunk first",
        dir.display()
    );
    dir
}

/// The map's basemap that `atlas site` wrote into dist/'s wasm.
pub fn site_basemap() -> &'static str {
    static BASEMAP: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BASEMAP.get_or_init(|| {
        let dist = dist_dir();
        let wasm = std::fs::read_dir(&dist)
            .expect("read dist")
            .flatten()
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().ends_with("_bg.wasm"))
            .expect("dist has the app's wasm");
        let bytes = std::fs::read(&wasm).expect("read the wasm");
        let payload = corpus_atlas::site::wasm::payload_in(&bytes).expect("the wasm carries a corpus");
        corpus_atlas::payload::Payload::parse(payload).expect("its payload reads").basemap.to_owned()
    })
}

/// A site `make test` builds beside `dist/` (`dist-hostile`, `dist-split`,
/// `dist-other`), checked to hold `marker` (a file or folder it must have).
pub fn built_site(name: &str, marker: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(name);
    assert!(
        dir.join(marker).exists(),
        "{} is missing: run `make test`, which builds it",
        dir.display()
    );
    dir
}

/// The test site built from the hostile corpus (`make hostile`, part of `make test`).
pub fn hostile_dist_dir() -> PathBuf {
    built_site("dist-hostile", "index.html")
}

/// A copy of the built site in a fresh temporary folder, each file passed
/// through `transform` (name, bytes) on the way.
pub fn copy_site(name: &str, mut transform: impl FnMut(&std::path::Path, &mut Vec<u8>)) -> PathBuf {
    let site = std::env::temp_dir().join(format!("corpus-atlas-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    std::fs::create_dir_all(&site).expect("create a temporary site");
    for entry in std::fs::read_dir(dist_dir()).expect("read dist").flatten() {
        let path = entry.path();
        if path.is_file() {
            let mut bytes = std::fs::read(&path).expect("read a built file");
            transform(&path, &mut bytes);
            std::fs::write(site.join(entry.file_name()), bytes).expect("write a site file");
        }
    }
    site
}

/// Where screenshots go (target/e2e-screenshots/NAME.png).
pub fn screenshot_path(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
    std::fs::create_dir_all(&dir).expect("create target/e2e-screenshots");
    dir.join(format!("{name}.png"))
}

/// A served app and a browser session on it.
pub fn open_app() -> (Server, Browser) {
    let server = Server::start(dist_dir(), "/");
    let browser = Browser::start();
    (server, browser)
}

/// The strings of a JSON array a script returned (none for anything else).
pub fn strings(value: &serde_json::Value) -> Vec<String> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect()
}
