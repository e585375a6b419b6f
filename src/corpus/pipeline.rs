//! The one build pipeline, shared by `build.rs`, the CLI, the benchmarks and
//! the tests: a corpus folder is loaded, the project's places and
//! organisations are set, and every document is handed to the writer, which
//! the caller finishes whole or split.

use std::fmt;
use std::io::Write;
use std::path::Path;

use super::entities::project_entities;
use super::error::CorpusError;
use super::load::read_each;
use super::progress::{steps, Progress};
use crate::engine::build::{IndexWriter, Shard, SplitHead, SplitIndex, SplitOptions, Summary, WriteError};

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
    let mut writer = IndexWriter::new();
    writer.set_entities(project_entities()?);
    let (mut docs, mut text_bytes) = (0, 0);
    read_each(dir, progress, &mut |doc| {
        docs += 1;
        text_bytes += doc.text.len();
        writer.add(doc).map_err(BuildError::from)
    })?;
    Ok(Indexing { writer, docs, text_bytes })
}

/// The whole index of the folder `dir`, as the app embeds it.
pub fn build_index(dir: &Path) -> Result<Vec<u8>, BuildError> {
    Ok(index_folder(dir)?.writer.finish()?)
}

impl Indexing {
    /// The whole index, telling `progress` the stages "indexing", "writing"
    /// and "assembling".
    pub fn finish(self, progress: &mut dyn Progress) -> Result<Vec<u8>, BuildError> {
        Ok(self.writer.finish_with(&mut steps(progress))?)
    }

    /// [`Self::finish`] written to `out` as it is laid out (see
    /// [`IndexWriter::finish_to`]); what the index holds.
    pub fn finish_to(self, out: &mut dyn Write, progress: &mut dyn Progress) -> Result<Summary, BuildError> {
        Ok(self.writer.finish_to(out, &mut steps(progress))?)
    }

    /// A split index (see [`IndexWriter::finish_split`]), telling `progress` its stages.
    pub fn finish_split(
        self,
        options: SplitOptions,
        progress: &mut dyn Progress,
    ) -> Result<SplitIndex, BuildError> {
        Ok(self.writer.finish_split_with(options, &mut steps(progress))?)
    }

    /// A split index whose shards are handed to `shard` as they are cut
    /// (see [`IndexWriter::finish_split_to`]).
    pub fn finish_split_to(
        self,
        options: SplitOptions,
        progress: &mut dyn Progress,
        shard: &mut dyn FnMut(Shard) -> Result<(), WriteError>,
    ) -> Result<SplitHead, BuildError> {
        Ok(self.writer.finish_split_to(options, &mut steps(progress), shard)?)
    }
}
