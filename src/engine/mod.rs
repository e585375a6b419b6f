//! The search engine: pure Rust, no web types. Compiled twice: on the host by
//! `build.rs` (which runs the [`writer`] over the corpus) and into the library,
//! where the [`reader`] opens the embedded bytes in place.
//!
//! Pipeline: [`analysis`] turns text into terms with byte offsets; the
//! [`writer`] stores them in the byte [`format`]; [`query`] parses what the
//! reader types; [`search`] ranks sections with BM25 and cuts snippets as
//! text plus highlight ranges.

pub mod analysis;
pub mod examples;
pub mod format;
pub mod lang;
#[cfg(not(target_arch = "wasm32"))]
pub mod mentions;
pub mod merge;
pub mod places;
pub mod query;
pub mod reader;
pub mod search;
pub mod spelling;
pub mod text;
#[cfg(not(target_arch = "wasm32"))]
pub mod temporal;
pub mod time;
#[cfg(not(target_arch = "wasm32"))]
pub mod writer;

pub use reader::{Doc, DocField, Index, OpenError, Section, ShardId, ShardKind};
pub use search::{search, Hit, SearchOptions, SearchResults, Snippet};
