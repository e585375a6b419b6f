//! The search engine: pure Rust, no web types. The app and the CLI read an
//! index with it; the writer side ([`build`], host only) makes one.
//!
//! Folders in the order data flows:
//! - [`analysis`]: text into terms with byte offsets and positions (the one
//!   pipeline documents and queries share), languages, stems, layout helpers.
//! - `build` (host only): the writer's inputs, place and date finding, and
//!   the writer that lays out the byte format.
//! - [`index`]: the byte format and its records, and the reader that opens
//!   the bytes in place (tables, postings, term dictionary, shards).
//! - [`query`]: what the reader typed, parsed.
//! - [`search`]: plan, evaluate, correct, combine, filter and rank; snippets
//!   and highlights.
//! - [`overview`]: what a corpus or a result set holds at a glance (place
//!   counts, example queries).
//! - [`research`]: concordance, trends, collocates, frequent terms and a
//!   corpus summary, for researchers.
//! - [`time`]: the calendar that dates and the timeline share.

pub mod analysis;
#[cfg(not(target_arch = "wasm32"))]
pub mod build;
pub mod hint;
pub mod index;
pub mod overview;
pub mod query;
pub mod research;
pub mod search;
pub mod time;

pub use index::{Doc, DocField, Event, Index, OpenError, Section, ShardId, ShardKind, Tracked};
pub use search::{search, Hit, SearchOptions, SearchResults, Snippet};
