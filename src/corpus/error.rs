//! A problem with the corpus or a project file, naming the file (and line)
//! to fix.

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem with the corpus, naming the file (and line) to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusError {
    /// The file (or folder) at fault.
    pub file: PathBuf,
    /// 1-based line, where the problem has one.
    pub line: Option<usize>,
    /// What is wrong, in words a builder can act on.
    pub message: String,
}

impl CorpusError {
    pub(super) fn new(file: &Path, line: Option<usize>, message: impl Into<String>) -> Self {
        CorpusError {
            file: file.to_owned(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file.display(), line, self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

impl std::error::Error for CorpusError {}
