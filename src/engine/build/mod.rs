//! The write side, compiled for the host only (build.rs, the CLI, tests):
//! what the writer is handed ([`input`]), where places ([`places`]) and dates
//! ([`dates`]) are named, and the [`writer`] that lays out the byte format
//! with the records of `index::records`. Nothing on the read side depends
//! on this folder.

pub mod dates;
mod dictionary;
mod docs;
mod error;
mod homonyms;
pub mod input;
mod korean;
mod layout;
mod lists;
mod names;
pub mod notes;
mod placing;
pub mod places;
mod postings;
mod regional;
mod scratch;
mod section_places;
mod segments;
mod skeleton;
mod spellings;
mod spelt;
mod step;
mod tables;
pub mod writer;

pub use error::WriteError;
pub use input::{DocInput, EntityInput, SectionInput};
pub use layout::{Shard, SplitHead, SplitIndex, SplitOptions, Summary};
pub use step::Step;
pub use writer::IndexWriter;
