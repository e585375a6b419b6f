//! Why the writer refused its input.

use std::fmt;
use std::ops::Range;

/// Why the writer refused its input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// Two documents share an id.
    DuplicateId(String),
    /// A section or aside range is outside the text or not on a character boundary.
    BadSection {
        /// The document's id.
        doc: String,
        /// The offending range.
        range: Range<usize>,
    },
    /// The index would exceed the format's 4 GiB offsets.
    TooLarge,
    /// The term dictionary could not be built (a bug: keys are sorted and unique).
    Dictionary(String),
    /// A scratch file (lists, documents or regions that did not fit in
    /// memory) could not be written to or read from the temporary folder.
    Disk(String),
    /// The index could not be written where the caller asked.
    Output(String),
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::DuplicateId(id) => write!(f, "two documents have the id {id:?}"),
            WriteError::BadSection { doc, range } => {
                write!(
                    f,
                    "document {doc:?}: range {range:?} is not a valid range of its text"
                )
            }
            WriteError::TooLarge => write!(
                f,
                "the corpus is too large for one index (4 GiB): index it as several smaller corpora"
            ),
            WriteError::Dictionary(e) => write!(f, "cannot build the term dictionary: {e}"),
            WriteError::Disk(e) => write!(
                f,
                "cannot keep the index's working files on disk while writing ({e}): free space in the temporary folder or set TMPDIR"
            ),
            WriteError::Output(e) => write!(f, "cannot write the index: {e}"),
        }
    }
}

impl std::error::Error for WriteError {}

/// `v` as a u32 offset or count of the format.
pub(super) fn to_u32(v: usize) -> Result<u32, WriteError> {
    u32::try_from(v).map_err(|_| WriteError::TooLarge)
}
