//! The writer's scratch files: what it cannot keep in memory at 100,000
//! documents (postings segments, documents waiting for their turn, the
//! texts and postings regions) goes to files in the system's temporary
//! folder. On Unix a scratch file loses its name as soon as it is made (it
//! lives on through its open handles), so a build stopped by Ctrl-C or a
//! crash leaves nothing behind; elsewhere it is removed when dropped.
//!
//! [`Spool`] is a region that grows in memory up to a budget and on disk
//! beyond it; both give the same bytes.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::error::WriteError;

/// A file in the temporary folder, nameless while used (Unix), removed
/// when dropped.
#[derive(Debug)]
pub(super) struct ScratchFile {
    path: PathBuf,
    /// Open for reading and writing; handles are cloned from it.
    file: File,
}

/// Scratch files made by this process, for unique names.
static MADE: AtomicU64 = AtomicU64::new(0);

impl ScratchFile {
    /// A new empty file named for what it holds (`segment`, `documents` …),
    /// and a handle to write it with.
    pub fn create(what: &str) -> Result<(ScratchFile, File), WriteError> {
        let n = MADE.fetch_add(1, Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("corpus-atlas-{}-{n}.{what}", std::process::id()));
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| disk_error(&path, e))?;
        #[cfg(unix)]
        let _ = std::fs::remove_file(&path);
        let writer = file.try_clone().map_err(|e| disk_error(&path, e))?;
        Ok((ScratchFile { path, file }, writer))
    }

    /// A handle to read the file from its start, once it is written.
    pub fn open(&self) -> Result<File, WriteError> {
        let mut file = self.file.try_clone().map_err(|e| self.error(e))?;
        file.seek(SeekFrom::Start(0)).map_err(|e| self.error(e))?;
        Ok(file)
    }

    /// Where it is.
    #[cfg(test)]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The error of a read or write of this file.
    pub fn error(&self, e: impl std::fmt::Display) -> WriteError {
        disk_error(&self.path, e)
    }
}

impl Drop for ScratchFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

fn disk_error(path: &Path, e: impl std::fmt::Display) -> WriteError {
    WriteError::Disk(format!("{}: {e}", path.display()))
}

/// Bytes appended in order: in memory up to a budget, then in a scratch
/// file (the memory is freed when the file takes over).
#[derive(Debug)]
pub(super) struct Spool {
    what: &'static str,
    memory: Vec<u8>,
    file: Option<(ScratchFile, BufWriter<File>)>,
    len: usize,
    budget: usize,
}

impl Spool {
    /// An empty spool of `what`, kept in memory up to `budget` bytes.
    pub fn new(what: &'static str, budget: usize) -> Spool {
        Spool {
            what,
            memory: Vec::new(),
            file: None,
            len: 0,
            budget,
        }
    }

    /// Bytes appended so far.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Appends `bytes`.
    pub fn extend(&mut self, bytes: &[u8]) -> Result<(), WriteError> {
        self.len += bytes.len();
        if self.file.is_none() && self.memory.len() + bytes.len() > self.budget {
            let (scratch, file) = ScratchFile::create(self.what)?;
            let mut out = BufWriter::new(file);
            out.write_all(&std::mem::take(&mut self.memory))
                .map_err(|e| scratch.error(e))?;
            self.file = Some((scratch, out));
        }
        match &mut self.file {
            Some((scratch, out)) => out.write_all(bytes).map_err(|e| scratch.error(e)),
            None => {
                self.memory.extend_from_slice(bytes);
                Ok(())
            }
        }
    }

    /// The bytes appended, to be read.
    pub fn finish(self) -> Result<Spooled, WriteError> {
        match self.file {
            None => Ok(Spooled::Memory(self.memory)),
            Some((scratch, out)) => {
                out.into_inner().map_err(|e| scratch.error(e.error()))?;
                let file = scratch.open()?;
                Ok(Spooled::Disk {
                    scratch,
                    file,
                    len: self.len,
                })
            }
        }
    }
}

/// A finished [`Spool`].
#[derive(Debug)]
pub(super) enum Spooled {
    /// It stayed within its budget.
    Memory(Vec<u8>),
    /// It went to disk.
    Disk {
        /// The file, removed with this.
        scratch: ScratchFile,
        /// The file open for reading.
        file: File,
        /// Its length.
        len: usize,
    },
}

impl Default for Spooled {
    fn default() -> Self {
        Spooled::Memory(Vec::new())
    }
}

impl From<Vec<u8>> for Spooled {
    fn from(bytes: Vec<u8>) -> Self {
        Spooled::Memory(bytes)
    }
}

impl Spooled {
    /// Its length in bytes.
    pub fn len(&self) -> usize {
        match self {
            Spooled::Memory(bytes) => bytes.len(),
            Spooled::Disk { len, .. } => *len,
        }
    }

    /// The bytes of `range`.
    pub fn read(&mut self, range: Range<usize>) -> Result<Vec<u8>, WriteError> {
        match self {
            Spooled::Memory(bytes) => Ok(bytes[range].to_vec()),
            Spooled::Disk { scratch, file, .. } => {
                let mut out = vec![0; range.len()];
                file.seek(SeekFrom::Start(range.start as u64))
                    .and_then(|_| file.read_exact(&mut out))
                    .map_err(|e| scratch.error(e))?;
                Ok(out)
            }
        }
    }

    /// Writes every byte to `out`.
    pub fn copy_to(&mut self, out: &mut dyn Write) -> Result<(), WriteError> {
        match self {
            Spooled::Memory(bytes) => out.write_all(bytes).map_err(output_error),
            Spooled::Disk { scratch, file, .. } => {
                file.seek(SeekFrom::Start(0))
                    .map_err(|e| scratch.error(e))?;
                io::copy(file, out).map(|_| ()).map_err(output_error)
            }
        }
    }
}

/// An error writing the index itself (to the caller's file).
pub(super) fn output_error(e: io::Error) -> WriteError {
    WriteError::Output(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled(budget: usize) -> Spool {
        let mut spool = Spool::new("test", budget);
        for n in 0..100u8 {
            spool.extend(&[n; 7]).unwrap();
        }
        spool
    }

    #[test]
    fn a_spool_over_its_budget_gives_the_bytes_one_in_memory_gives() {
        let mut small = filled(100).finish().unwrap();
        let mut large = filled(1 << 20).finish().unwrap();
        assert!(
            matches!(small, Spooled::Disk { .. }),
            "over the budget: on disk"
        );
        assert!(matches!(large, Spooled::Memory(_)));
        assert_eq!(small.len(), 700);
        assert_eq!(small.read(63..77).unwrap(), large.read(63..77).unwrap());
        assert_eq!(
            small.read(63..77).unwrap(),
            [&[9u8; 7][..], &[10u8; 7][..]].concat()
        );
        let (mut a, mut b) = (Vec::new(), Vec::new());
        small.copy_to(&mut a).unwrap();
        large.copy_to(&mut b).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.len(), 700);
    }

    #[test]
    #[cfg(unix)]
    fn a_scratch_file_has_no_name_in_the_temporary_folder_while_it_is_read() {
        let mut spooled = filled(10).finish().unwrap();
        let Spooled::Disk { scratch, .. } = &spooled else { panic!("on disk") };
        assert!(!scratch.path().exists(), "a build stopped now leaves nothing behind");
        assert_eq!(spooled.read(0..7).unwrap(), [0u8; 7]);
    }
}
