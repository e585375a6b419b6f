//! The browser app's entry point; trunk builds it for wasm32 from www/index.html.

/// Talc instead of the default dlmalloc: fewer bytes of code to download,
/// and faster in wasm (its authors' benchmarks).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    corpus_atlas::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("`app` is the browser build: run `make serve`, or `atlas` for the command line.");
    std::process::exit(2);
}
