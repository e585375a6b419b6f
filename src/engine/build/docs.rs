//! The documents handed to the writer, kept until the build reads them back
//! in id order. Past a memory budget they wait in a scratch file (as the
//! term lists wait in segments), so the writer holds a bounded part of a
//! corpus of any size; a corpus within the budget never touches the disk.
//!
//! A document in the file is a run of varints and strings (a string is its
//! length, then its bytes): id, title, source, author, date, language, url,
//! text; the number of sections, each a title flag (and title), start,
//! end, language; the number of aside spans, each a start and an end.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::ops::Range;

use crate::engine::index::format::{get_varint, put_varint};

use super::error::{to_u32, WriteError};
use super::input::{DocInput, SectionInput};
use super::scratch::ScratchFile;

/// Text the store holds in memory before it writes the documents out.
pub(super) const DOCS_BUDGET: usize = 64 << 20;

/// Where a document waits.
#[derive(Debug)]
enum Stored {
    Held(DocInput),
    /// In the scratch file at these bytes.
    Written {
        id: String,
        at: Range<u64>,
    },
}

impl Stored {
    fn id(&self) -> &str {
        match self {
            Stored::Held(doc) => &doc.id,
            Stored::Written { id, .. } => id,
        }
    }
}

/// Documents in the order they were added, each held or written out.
#[derive(Debug)]
pub(super) struct DocStore {
    docs: Vec<Stored>,
    ids: HashSet<String>,
    /// Text bytes of the documents held.
    held: usize,
    budget: usize,
    file: Option<(ScratchFile, BufWriter<File>)>,
    written: u64,
}

impl Default for DocStore {
    fn default() -> Self {
        DocStore {
            docs: Vec::new(),
            ids: HashSet::new(),
            held: 0,
            budget: DOCS_BUDGET,
            file: None,
            written: 0,
        }
    }
}

impl DocStore {
    /// Sets the text the store may hold in memory.
    pub fn set_budget(&mut self, bytes: usize) {
        self.budget = bytes;
    }

    /// Documents added.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether a document of this id was added.
    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// Keeps `doc`, writing the documents held to the scratch file when
    /// their text passes the budget.
    pub fn add(&mut self, doc: DocInput) -> Result<(), WriteError> {
        if !self.ids.insert(doc.id.clone()) {
            return Err(WriteError::DuplicateId(doc.id));
        }
        self.held += doc.text.len();
        self.docs.push(Stored::Held(doc));
        if self.held > self.budget {
            self.write_held()?;
        }
        Ok(())
    }

    fn write_held(&mut self) -> Result<(), WriteError> {
        let (scratch, mut out) = match self.file.take() {
            Some(open) => open,
            None => {
                let (scratch, file) = ScratchFile::create("documents")?;
                (scratch, BufWriter::new(file))
            }
        };
        let mut record = Vec::new();
        for stored in &mut self.docs {
            let Stored::Held(doc) = stored else { continue };
            record.clear();
            encode(doc, &mut record)?;
            out.write_all(&record).map_err(|e| scratch.error(e))?;
            let at = self.written..self.written + record.len() as u64;
            self.written = at.end;
            *stored = Stored::Written {
                id: std::mem::take(&mut doc.id),
                at,
            };
        }
        self.file = Some((scratch, out));
        self.held = 0;
        Ok(())
    }

    /// The documents in id order, read back a batch at a time.
    pub fn sorted(mut self) -> Result<SortedDocs, WriteError> {
        self.docs.sort_by(|a, b| a.id().cmp(b.id()));
        let file = match self.file {
            Some((scratch, out)) => {
                out.into_inner().map_err(|e| scratch.error(e.error()))?;
                let file = scratch.open()?;
                Some((scratch, file))
            }
            None => None,
        };
        Ok(SortedDocs {
            docs: self.docs.into_iter(),
            file,
        })
    }
}

/// The store's documents in id order.
pub(super) struct SortedDocs {
    docs: std::vec::IntoIter<Stored>,
    file: Option<(ScratchFile, File)>,
}

impl SortedDocs {
    /// The next `n` documents (fewer at the end).
    pub fn batch(&mut self, n: usize) -> Result<Vec<DocInput>, WriteError> {
        let mut out = Vec::with_capacity(n);
        for stored in self.docs.by_ref().take(n) {
            out.push(match stored {
                Stored::Held(doc) => doc,
                Stored::Written { id, at } => read(&mut self.file, &id, at)?,
            });
        }
        Ok(out)
    }
}

/// The document `id`, written to `file` at `at`.
fn read(
    file: &mut Option<(ScratchFile, File)>,
    id: &str,
    at: Range<u64>,
) -> Result<DocInput, WriteError> {
    let Some((scratch, file)) = file.as_mut() else {
        return Err(WriteError::Disk(format!("document {id:?} was written to no file")));
    };
    let mut record = vec![0; (at.end - at.start) as usize];
    file.seek(SeekFrom::Start(at.start))
        .and_then(|_| file.read_exact(&mut record))
        .map_err(|e| scratch.error(e))?;
    decode(&record).ok_or_else(|| scratch.error(format!("document {id:?} reads back damaged")))
}

fn put_str(out: &mut Vec<u8>, s: &str) -> Result<(), WriteError> {
    put_varint(out, to_u32(s.len())?);
    out.extend_from_slice(s.as_bytes());
    Ok(())
}

fn put_range(out: &mut Vec<u8>, r: &Range<usize>) -> Result<(), WriteError> {
    put_varint(out, to_u32(r.start)?);
    put_varint(out, to_u32(r.end)?);
    Ok(())
}

fn encode(doc: &DocInput, out: &mut Vec<u8>) -> Result<(), WriteError> {
    for field in [
        &doc.id,
        &doc.title,
        &doc.source,
        &doc.author,
        &doc.date,
        &doc.lang,
        &doc.url,
        &doc.text,
    ] {
        put_str(out, field)?;
    }
    put_varint(out, to_u32(doc.sections.len())?);
    for s in &doc.sections {
        match &s.title {
            Some(title) => {
                out.push(1);
                put_str(out, title)?;
            }
            None => out.push(0),
        }
        put_range(out, &s.range)?;
        put_str(out, &s.lang)?;
    }
    put_varint(out, to_u32(doc.aside.len())?);
    doc.aside.iter().try_for_each(|r| put_range(out, r))
}

/// Reads what [`encode`] wrote; `None` if the bytes are not such a record.
fn decode(bytes: &[u8]) -> Option<DocInput> {
    let mut at = 0;
    let mut doc = DocInput::default();
    for field in [
        &mut doc.id,
        &mut doc.title,
        &mut doc.source,
        &mut doc.author,
        &mut doc.date,
        &mut doc.lang,
        &mut doc.url,
        &mut doc.text,
    ] {
        *field = get_str(bytes, &mut at)?;
    }
    for _ in 0..get_varint(bytes, &mut at)? {
        let flag = *bytes.get(at)?;
        at += 1;
        let title = match flag {
            1 => Some(get_str(bytes, &mut at)?),
            _ => None,
        };
        let range = get_range(bytes, &mut at)?;
        let lang = get_str(bytes, &mut at)?;
        doc.sections.push(SectionInput { title, range, lang });
    }
    for _ in 0..get_varint(bytes, &mut at)? {
        doc.aside.push(get_range(bytes, &mut at)?);
    }
    (at == bytes.len()).then_some(doc)
}

fn get_str(bytes: &[u8], at: &mut usize) -> Option<String> {
    let len = get_varint(bytes, at)? as usize;
    let s = std::str::from_utf8(bytes.get(*at..*at + len)?).ok()?;
    *at += len;
    Some(s.to_owned())
}

fn get_range(bytes: &[u8], at: &mut usize) -> Option<Range<usize>> {
    let start = get_varint(bytes, at)? as usize;
    let end = get_varint(bytes, at)? as usize;
    Some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, text: &str) -> DocInput {
        DocInput {
            id: id.into(),
            title: format!("Title of {id}"),
            source: "Wire".into(),
            author: "서울 기자".into(),
            date: "1803-04-30".into(),
            lang: "fr".into(),
            url: "https://example.org/a".into(),
            text: text.into(),
            sections: vec![
                SectionInput {
                    title: None,
                    range: 0..3,
                    lang: "fr".into(),
                },
                SectionInput {
                    title: Some("Deux".into()),
                    range: 3..text.len(),
                    lang: "ko".into(),
                },
            ],
            aside: vec![1..2, 4..5],
        }
    }

    #[test]
    fn a_document_reads_back_as_it_was_written() {
        let d = doc("b.txt", "Été à 선전, 1803.");
        let mut bytes = Vec::new();
        encode(&d, &mut bytes).unwrap();
        assert_eq!(decode(&bytes), Some(d));
        assert_eq!(
            decode(&bytes[..bytes.len() - 1]),
            None,
            "a record cut short is refused"
        );
    }

    #[test]
    fn documents_over_the_budget_come_back_in_id_order_as_held_ones_do() {
        let read_back = |budget: usize| {
            let mut store = DocStore::default();
            store.set_budget(budget);
            for n in [5, 1, 4, 2, 3] {
                store
                    .add(doc(
                        &format!("{n}.txt"),
                        &format!("Text number {n} of the store."),
                    ))
                    .unwrap();
            }
            let written = store.docs.iter().filter(|d| matches!(d, Stored::Written { .. })).count();
            let mut sorted = store.sorted().unwrap();
            let mut all = sorted.batch(4).unwrap();
            all.extend(sorted.batch(4).unwrap());
            assert!(sorted.batch(4).unwrap().is_empty());
            (written, all)
        };
        // 27 bytes of text each: the first three go out together, the
        // last two are still held, and the two kinds come back interleaved.
        let (written, mixed) = read_back(60);
        let (kept, in_memory) = read_back(1 << 20);
        assert_eq!((written, kept), (3, 0), "a small budget writes documents out; a large one keeps them");
        assert_eq!(mixed, in_memory);
        let ids: Vec<&str> = mixed.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["1.txt", "2.txt", "3.txt", "4.txt", "5.txt"]);
        assert_eq!(mixed[2].text, "Text number 3 of the store.");
    }

    #[test]
    fn a_second_document_of_an_id_is_refused() {
        let mut store = DocStore::default();
        store.add(doc("a.txt", "Une.")).unwrap();
        assert_eq!(
            store.add(doc("a.txt", "Deux.")),
            Err(WriteError::DuplicateId("a.txt".into()))
        );
        assert_eq!(store.len(), 1);
    }
}
