//! corpus-atlas: a corpus explorer compiled into one WebAssembly bundle.
//!
//! The corpus in `assets/corpus/` (or `$CORPUS_DIR`) is indexed by `build.rs`
//! and embedded in this library as bytes; [`index`] opens them in place.
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
pub mod route;
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
pub mod view;

use std::sync::OnceLock;

use engine::{Index, OpenError};

/// The map's background (see [`basemap`] for how it is made).
pub static BASEMAP: &str = include_str!(concat!(env!("OUT_DIR"), "/basemap.txt"));

/// The index bytes written by `build.rs` for the corpus this binary was built with.
pub static INDEX_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

/// The embedded index, opened once on first use.
pub fn index() -> Result<&'static Index<'static>, &'static OpenError> {
    static INDEX: OnceLock<Result<Index<'static>, OpenError>> = OnceLock::new();
    INDEX.get_or_init(|| Index::open(INDEX_BYTES)).as_ref()
}
