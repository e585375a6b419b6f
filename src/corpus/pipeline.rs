//! The one build pipeline, shared by `build.rs`, the CLI, the benchmarks and
//! the tests: a corpus folder is loaded, the project's places and
//! organisations are set, and every document is handed to the writer, which
//! the caller finishes whole or split.

use std::fmt;
use std::path::Path;

use super::entities::project_entities;
use super::error::CorpusError;
use super::load::load_reporting;
use super::progress::{steps, Progress};
use crate::engine::build::{IndexWriter, SplitIndex, SplitOptions, WriteError};

/// Why a folder could not be indexed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuildError {
    /// A file of the corpus (or of the project) is at fault.
    Corpus(CorpusError),
    /// The writer refused a document.
    Write(WriteError),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Corpus(e) => e.fmt(f),
            BuildError::Write(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for BuildError {}

impl From<CorpusError> for BuildError {
    fn from(e: CorpusError) -> Self {
        BuildError::Corpus(e)
    }
}

impl From<WriteError> for BuildError {
    fn from(e: WriteError) -> Self {
        BuildError::Write(e)
    }
}

/// A corpus folder ready to be written.
#[derive(Debug)]
pub struct Indexing {
    /// Every document added, the project's entities set.
    pub writer: IndexWriter,
    /// Number of documents.
    pub docs: usize,
    /// Bytes of text.
    pub text_bytes: usize,
}

/// Loads the folder `dir` into a writer with the project's entities.
pub fn index_folder(dir: &Path) -> Result<Indexing, BuildError> {
    index_folder_reporting(dir, &mut ())
}

/// [`index_folder`], telling `progress` the files read.
pub fn index_folder_reporting(dir: &Path, progress: &mut dyn Progress) -> Result<Indexing, BuildError> {
    let docs = load_reporting(dir, progress)?;
    let text_bytes = docs.iter().map(|d| d.text.len()).sum();
    let count = docs.len();
    let mut writer = IndexWriter::new();
    writer.set_entities(project_entities()?);
    for doc in docs {
        writer.add(doc)?;
    }
    Ok(Indexing {
        writer,
        docs: count,
        text_bytes,
    })
}

/// The whole index of the folder `dir`, as the app embeds it.
pub fn build_index(dir: &Path) -> Result<Vec<u8>, BuildError> {
    Ok(index_folder(dir)?.writer.finish()?)
}

impl Indexing {
    /// The whole index, telling `progress` the stages "places", "indexing"
    /// and "writing".
    pub fn finish(self, progress: &mut dyn Progress) -> Result<Vec<u8>, BuildError> {
        Ok(self.writer.finish_with(&mut steps(progress))?)
    }

    /// A split index (see [`IndexWriter::finish_split`]), telling `progress` its stages.
    pub fn finish_split(
        self,
        options: SplitOptions,
        progress: &mut dyn Progress,
    ) -> Result<SplitIndex, BuildError> {
        Ok(self.writer.finish_split_with(options, &mut steps(progress))?)
    }
}
