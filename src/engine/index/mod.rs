//! The index: its byte [`format`] and [`records`], opening and validating
//! bytes ([`open`]), the tables, postings, term dictionary and shards read
//! in place, and the merging of sorted lists. Read by the app and the CLI;
//! written by `engine::build`, which uses only the format and records.

mod checksum;
pub mod dictionary;
pub mod error;
pub mod format;
mod header;
pub mod merge;
mod near;
pub mod open;
pub mod planes;
pub mod postings;
pub mod records;
pub mod shards;
mod space;
pub mod tables;
pub mod terms;

pub use error::OpenError;
pub use format::{ShardId, ShardKind};
pub use open::Index;
pub use postings::{Posting, Positions};
pub use records::DocField;
pub use shards::Tracked;
pub use tables::{Doc, Entity, Event, Section};
