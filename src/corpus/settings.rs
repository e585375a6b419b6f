//! The metadata file beside a corpus folder (`<folder>.toml`): per-document
//! titles, sources, authors, dates, languages and addresses, checked with
//! errors at their line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::error::CorpusError;
use super::files::{line_of, read_toml};
use crate::engine::build::DocInput;

/// Languages the analysis knows; a `language` in the metadata file must be one.
pub const LANGUAGES: &[&str] = &[
    "en", "fr", "ko", "zh", "ja", "de", "es", "it", "pt", "nl", "ru",
];

/// Per-document settings in the metadata file; every field is optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocSettings {
    /// Display title.
    pub title: Option<String>,
    /// Outlet or publisher.
    pub source: Option<String>,
    /// Who wrote it.
    pub author: Option<String>,
    /// Publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<String>,
    /// ISO 639-1 code, one of [`LANGUAGES`].
    pub language: Option<String>,
    /// Original address.
    pub url: Option<String>,
}

/// The metadata file: `[documents."<file name>"]` tables.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Settings {
    #[serde(default)]
    pub documents: BTreeMap<String, DocSettings>,
}

/// Where the metadata file of a corpus folder lives: beside it, named after
/// it (`assets/corpus/` → `assets/corpus.toml`).
pub fn settings_path(dir: &Path) -> PathBuf {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "corpus".into());
    dir.with_file_name(format!("{name}.toml"))
}

fn valid_date(d: &str) -> bool {
    let parts: Vec<&str> = d.split('-').collect();
    let num = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    let ok_shape = match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && num(m, 2),
        [y, m, dd] => num(y, 4) && num(m, 2) && num(dd, 2),
        _ => false,
    };
    let month = parts
        .get(1)
        .and_then(|m| m.parse::<u32>().ok())
        .unwrap_or(1);
    let day = parts
        .get(2)
        .and_then(|m| m.parse::<u32>().ok())
        .unwrap_or(1);
    ok_shape && (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// Whether `url` is an http(s) address: it is published with the document
/// (`atlas docs`, and any page that links it), so a `javascript:` or
/// `data:` address in the metadata is refused at build time.
fn web_address(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !url.chars().any(|c| c.is_control() || c.is_whitespace()))
}

pub(super) fn load_settings(path: &Path) -> Result<Settings, CorpusError> {
    let (settings, text): (Settings, String) = read_toml(path)?;
    // Point value errors at the line of their document's table.
    let table_line = |id: &str| {
        text.find(&format!("\"{id}\""))
            .or_else(|| text.find(id))
            .map(|b| line_of(&text, b))
    };
    for (id, doc) in &settings.documents {
        if let Some(date) = &doc.date {
            if !valid_date(date) {
                return Err(CorpusError::new(
                    path,
                    table_line(id),
                    format!("document {id:?}: date {date:?} is not YYYY, YYYY-MM or YYYY-MM-DD"),
                ));
            }
        }
        if let Some(url) = &doc.url {
            if !web_address(url) {
                return Err(CorpusError::new(
                    path,
                    table_line(id),
                    format!(
                        "document {id:?}: url {url:?} is not a web address: write one that starts with https:// or http://"
                    ),
                ));
            }
        }
        if let Some(lang) = &doc.language {
            if !LANGUAGES.contains(&lang.as_str()) {
                return Err(CorpusError::new(
                    path,
                    table_line(id),
                    format!(
                        "document {id:?}: unknown language {lang:?} (known: {})",
                        LANGUAGES.join(", ")
                    ),
                ));
            }
        }
    }
    Ok(settings)
}

/// Sets the fields the metadata file gives.
pub(super) fn apply(doc: &mut DocInput, s: DocSettings) {
    let fields = [
        (&mut doc.title, s.title),
        (&mut doc.source, s.source),
        (&mut doc.author, s.author),
        (&mut doc.date, s.date),
        (&mut doc.lang, s.language),
        (&mut doc.url, s.url),
    ];
    for (field, value) in fields {
        if let Some(v) = value {
            *field = v;
        }
    }
}
