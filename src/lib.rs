//! corpus-atlas: a corpus explorer compiled into one WebAssembly bundle.
//!
//! The app is compiled once, without a corpus: `atlas site` indexes a folder
//! of texts and writes the index into the compiled wasm as a [`payload`],
//! which [`index`] opens in place.
//! The browser app lives in `app` (wasm32 only), the command-line program
//! in `src/bin/atlas/`, and both answer from the same [`engine`].

#![warn(missing_docs)]

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(not(target_arch = "wasm32"))]
pub mod basemap;
#[cfg(not(target_arch = "wasm32"))]
pub mod corpus;
pub mod embed;
pub mod engine;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
#[cfg(not(target_arch = "wasm32"))]
pub mod generate;
pub mod geo;
pub mod payload;
pub mod route;
pub mod sort;
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
pub mod view;

use std::sync::OnceLock;

use engine::Index;

/// The demo corpus (`assets/corpus/`) indexed by `build.rs` for the host:
/// the command line's default corpus and the tests' fixture. The app
/// carries no corpus of its own: it reads the [`payload`] `atlas site`
/// wrote into its wasm.
#[cfg(not(target_arch = "wasm32"))]
pub static INDEX_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

/// Why the corpus this program carries cannot be opened.
#[derive(Debug)]
pub enum LoadError {
    /// No corpus, or a damaged one, in the app's wasm.
    Payload(payload::PayloadError),
    /// The index in it does not open.
    Index(engine::OpenError),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Payload(e) => e.fmt(f),
            LoadError::Index(e) => write!(f, "the index in this bundle cannot be read: {e}"),
        }
    }
}

/// The corpus's index, opened once on first use. In the app, this also
/// installs the payload's fold table for the analyser.
pub fn index() -> Result<&'static Index<'static>, &'static LoadError> {
    static INDEX: OnceLock<Result<Index<'static>, LoadError>> = OnceLock::new();
    INDEX.get_or_init(open).as_ref()
}

#[cfg(not(target_arch = "wasm32"))]
fn open() -> Result<Index<'static>, LoadError> {
    Index::open(INDEX_BYTES).map_err(LoadError::Index)
}

#[cfg(target_arch = "wasm32")]
fn open() -> Result<Index<'static>, LoadError> {
    let payload = payload::embedded().map_err(LoadError::Payload)?;
    engine::analysis::install_fold_table(payload.fold);
    Index::open(payload.index).map_err(LoadError::Index)
}

/// The start page's examples and the search box's placeholder: worked out
/// by the builder and carried in the payload (in the app), or from the
/// index (natively).
pub fn examples() -> &'static engine::overview::examples::Examples {
    use engine::overview::examples::Examples;
    static EXAMPLES: OnceLock<Examples> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        #[cfg(target_arch = "wasm32")]
        let found = payload::embedded().map(|p| Examples::from_text(p.examples)).unwrap_or_default();
        #[cfg(not(target_arch = "wasm32"))]
        let found = index().map(engine::overview::examples::examples).unwrap_or_default();
        found
    })
}

/// The map's background for the corpus the app carries (see `basemap` for
/// how it is made); empty when it carries none.
#[cfg(target_arch = "wasm32")]
pub fn basemap() -> &'static str {
    payload::embedded().map(|p| p.basemap).unwrap_or("")
}
