//! Why bytes could not be opened as an index, or a shard not accepted.

use std::fmt;

use super::format::VERSION;
use super::records::HeaderError;

/// Why bytes could not be opened as an index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// The bytes do not start with the index magic.
    BadMagic,
    /// The index was written by another format version.
    UnsupportedVersion(u32),
    /// A table lies outside the bytes, or a record points outside its table.
    Corrupt(&'static str),
    /// The term dictionary is not a valid FST.
    Fst(String),
    /// A shard file is not the one the index lists (stale or damaged).
    BadShard(String),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::BadMagic => write!(f, "not a corpus-atlas index (bad magic)"),
            OpenError::UnsupportedVersion(v) => {
                write!(f, "index format version {v} is not supported (this build reads version {VERSION})")
            }
            OpenError::Corrupt(what) => write!(f, "corrupt index: {what}"),
            OpenError::Fst(e) => write!(f, "corrupt term dictionary: {e}"),
            OpenError::BadShard(file) => write!(
                f,
                "{file} is not the shard this index lists (stale or damaged)"
            ),
        }
    }
}

impl std::error::Error for OpenError {}

impl From<HeaderError> for OpenError {
    fn from(e: HeaderError) -> Self {
        match e {
            HeaderError::BadMagic => OpenError::BadMagic,
            HeaderError::Version(v) => OpenError::UnsupportedVersion(v),
        }
    }
}
