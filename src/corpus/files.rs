//! Reading the builder's files: TOML with errors at their line, and texts
//! no larger than a corpus file may be.

use std::fs;
use std::path::Path;

use super::error::CorpusError;

/// The 1-based line of byte `byte` of `text`.
pub(super) fn line_of(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].matches('\n').count() + 1
}

/// Reads an optional TOML file: a missing file is `T::default()`; a bad one
/// is an error at its line. Returns the text too, for pointing at lines later.
pub(super) fn read_toml<T: serde::de::DeserializeOwned + Default>(
    path: &Path,
) -> Result<(T, String), CorpusError> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok((T::default(), String::new()))
        }
        Err(e) => return Err(CorpusError::new(path, None, format!("cannot read: {e}"))),
    };
    let value = toml::from_str(&text).map_err(|e| {
        let line = e.span().map(|s| line_of(&text, s.start));
        CorpusError::new(path, line, e.message().trim().to_owned())
    })?;
    Ok((value, text))
}

/// The largest corpus file read (bytes): a bigger one stops the build
/// instead of filling memory (it is read whole, then copied into the index).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A file's bytes, refusing one larger than [`MAX_FILE_BYTES`] before reading it.
pub(super) fn read_capped(path: &Path) -> Result<Vec<u8>, CorpusError> {
    use std::io::Read as _;
    let cannot = |e: std::io::Error| CorpusError::new(path, None, format!("cannot read: {e}"));
    let file = fs::File::open(path).map_err(cannot)?;
    let too_large = |n: u64| {
        CorpusError::new(
            path,
            None,
            format!(
                "is {} MiB, larger than the {} MiB a corpus file may be: split it into several files",
                n / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        )
    };
    let len = file.metadata().map_err(cannot)?.len();
    if len > MAX_FILE_BYTES {
        return Err(too_large(len));
    }
    // The length may change under us: read at most one byte past the cap.
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}
