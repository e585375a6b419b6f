//! The browser app's entry point; trunk builds it for wasm32 from www/index.html.

#[cfg(target_arch = "wasm32")]
fn main() {
    corpus_atlas::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("`app` is the browser build: run `make serve`, or `atlas` for the command line.");
    std::process::exit(2);
}
