//! Builds index bytes (see [`super::format`]) from documents. Runs at build
//! time in `build.rs`, and natively in the CLI and tests; never in the browser.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use super::analysis::tokenize;
use super::format::{put_varint, DOC_LEN, HEADER_LEN, MAGIC, SECTION_LEN, VERSION};

/// Metadata and text of one document, as handed to the writer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocInput {
    /// Stable id: the corpus file name.
    pub id: String,
    /// Display title.
    pub title: String,
    /// Outlet or publisher; empty when unknown.
    pub source: String,
    /// Publication date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; empty when unknown.
    pub date: String,
    /// ISO 639-1 language code; empty when unknown.
    pub lang: String,
    /// Original address; empty when unknown.
    pub url: String,
    /// The full text shown in the reader.
    pub text: String,
    /// The indexed parts of `text`. Text outside every section (page
    /// furniture) is shown in the reader but never indexed.
    pub sections: Vec<SectionInput>,
}

/// One searchable part of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionInput {
    /// The section's own heading, if the document has several.
    pub title: Option<String>,
    /// Byte range of the section in the document text.
    pub range: Range<usize>,
}

/// Why the writer refused its input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// Two documents share an id.
    DuplicateId(String),
    /// A section range is outside the text or not on a character boundary.
    BadSection {
        /// The document's id.
        doc: String,
        /// The offending range.
        range: Range<usize>,
    },
    /// The index would exceed the format's 4 GiB offsets.
    TooLarge,
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::DuplicateId(id) => write!(f, "two documents have the id {id:?}"),
            WriteError::BadSection { doc, range } => {
                write!(f, "document {doc:?}: section {range:?} is not a valid range of its text")
            }
            WriteError::TooLarge => write!(f, "the corpus is too large for one index (4 GiB)"),
        }
    }
}

impl std::error::Error for WriteError {}

/// Collects documents and writes the index bytes.
#[derive(Debug, Default)]
pub struct IndexWriter {
    docs: Vec<DocInput>,
}

impl IndexWriter {
    /// An empty writer.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a document; its sections are checked against its text.
    pub fn add(&mut self, doc: DocInput) -> Result<(), WriteError> {
        if self.docs.iter().any(|d| d.id == doc.id) {
            return Err(WriteError::DuplicateId(doc.id));
        }
        for s in &doc.sections {
            let ok = s.range.start <= s.range.end
                && doc.text.is_char_boundary(s.range.start)
                && doc.text.is_char_boundary(s.range.end)
                && s.range.end <= doc.text.len();
            if !ok {
                return Err(WriteError::BadSection { doc: doc.id, range: s.range.clone() });
            }
        }
        self.docs.push(doc);
        Ok(())
    }

    /// Analyses every section and writes the index.
    pub fn finish(mut self) -> Result<Vec<u8>, WriteError> {
        self.docs.sort_by(|a, b| a.id.cmp(&b.id));
        let mut strings = StringTable::default();
        let mut terms: BTreeMap<String, Vec<(u32, Vec<u32>)>> = BTreeMap::new();
        let mut sections = Vec::new();
        let mut docs = Vec::new();
        let mut total_tokens: u64 = 0;

        for (doc_no, doc) in self.docs.iter().enumerate() {
            let doc_no = u32::try_from(doc_no).map_err(|_| WriteError::TooLarge)?;
            let first_section = u32::try_from(sections.len() / SECTION_LEN).map_err(|_| WriteError::TooLarge)?;
            for s in &doc.sections {
                let section_no = u32::try_from(sections.len() / SECTION_LEN).map_err(|_| WriteError::TooLarge)?;
                let tokens = tokenize(&doc.text[s.range.clone()]);
                for tok in &tokens {
                    let list = terms.entry(tok.term.clone()).or_default();
                    match list.last_mut() {
                        Some((sec, positions)) if *sec == section_no => positions.push(tok.position),
                        _ => list.push((section_no, vec![tok.position])),
                    }
                }
                total_tokens += tokens.len() as u64;
                let title = strings.add(s.title.as_deref().unwrap_or(""))?;
                for v in [doc_no, to_u32(s.range.start)?, to_u32(s.range.end)?, title.0, title.1, to_u32(tokens.len())?] {
                    sections.extend_from_slice(&v.to_le_bytes());
                }
            }
            let section_count = to_u32(doc.sections.len())?;
            for field in [&doc.id, &doc.title, &doc.source, &doc.date, &doc.lang, &doc.url, &doc.text] {
                let (off, len) = strings.add(field)?;
                docs.extend_from_slice(&off.to_le_bytes());
                docs.extend_from_slice(&len.to_le_bytes());
            }
            docs.extend_from_slice(&first_section.to_le_bytes());
            docs.extend_from_slice(&section_count.to_le_bytes());
        }
        debug_assert_eq!(docs.len(), self.docs.len() * DOC_LEN);

        let mut postings = Vec::new();
        let mut fst_builder = fst::MapBuilder::memory();
        for (term, list) in &terms {
            let offset = postings.len() as u64;
            put_varint(&mut postings, to_u32(list.len())?);
            let mut prev_section = 0;
            for (section, positions) in list {
                put_varint(&mut postings, section - prev_section);
                prev_section = *section;
                put_varint(&mut postings, to_u32(positions.len())?);
                let mut prev = 0;
                for &p in positions {
                    put_varint(&mut postings, p - prev);
                    prev = p;
                }
            }
            // Terms come sorted from the BTreeMap, which is what the FST builder needs.
            fst_builder.insert(term, offset).map_err(|_| WriteError::TooLarge)?;
        }
        let fst_bytes = fst_builder.into_inner().map_err(|_| WriteError::TooLarge)?;

        let section_count = sections.len() / SECTION_LEN;
        let avg_len = if section_count == 0 { 0.0 } else { total_tokens as f32 / section_count as f32 };
        let mut out = Vec::with_capacity(HEADER_LEN + fst_bytes.len() + postings.len() + strings.bytes.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&0u32.to_le_bytes());
        let mut offset = HEADER_LEN;
        let regions: [(&[u8], usize); 5] = [
            (&fst_bytes, fst_bytes.len()),
            (&postings, postings.len()),
            (&sections, section_count),
            (&docs, self.docs.len()),
            (&strings.bytes, strings.bytes.len()),
        ];
        for (bytes, count) in regions {
            out.extend_from_slice(&to_u32(offset)?.to_le_bytes());
            out.extend_from_slice(&to_u32(count)?.to_le_bytes());
            offset += bytes.len();
        }
        out.extend_from_slice(&avg_len.to_le_bytes());
        out.extend_from_slice(&0u32.to_le_bytes());
        debug_assert_eq!(out.len(), HEADER_LEN);
        for (bytes, _) in regions {
            out.extend_from_slice(bytes);
        }
        Ok(out)
    }
}

fn to_u32(v: usize) -> Result<u32, WriteError> {
    u32::try_from(v).map_err(|_| WriteError::TooLarge)
}

/// The string region; identical strings are stored once.
#[derive(Default)]
struct StringTable {
    bytes: Vec<u8>,
    seen: std::collections::HashMap<String, (u32, u32)>,
}

impl StringTable {
    fn add(&mut self, s: &str) -> Result<(u32, u32), WriteError> {
        if let Some(&r) = self.seen.get(s) {
            return Ok(r);
        }
        let r = (to_u32(self.bytes.len())?, to_u32(s.len())?);
        self.bytes.extend_from_slice(s.as_bytes());
        if s.len() < 256 {
            self.seen.insert(s.to_owned(), r);
        }
        Ok(r)
    }
}
