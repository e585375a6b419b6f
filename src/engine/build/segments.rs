//! Postings segments: when the writer's term lists outgrow their memory
//! budget, they are written to a temporary file, sorted by term, and the
//! memory is freed; at the end the segments are merged term by term into
//! the postings region (as Lucene and tantivy merge theirs). A corpus whose
//! lists fit the budget never touches the disk, and both ways give the same
//! bytes.
//!
//! A segment file is a run of records, in term order:
//! `term length, term, document frequency, last section, list length, list`
//! (varints, then bytes). A list is encoded as the index encodes postings
//! (see `index::format`), its first section counted from 0.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};

use crate::engine::index::format::{get_varint, put_varint};

use super::error::{to_u32, WriteError};
use super::scratch::ScratchFile;

/// One term's list, as a segment holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SegmentList {
    pub term: String,
    /// Sections in the list.
    pub df: u32,
    /// The last section (the next segment's first is counted from it).
    pub last_section: u32,
    /// The encoded list.
    pub bytes: Vec<u8>,
}

/// A segment file, removed when dropped.
#[derive(Debug)]
pub(super) struct Segment {
    file: ScratchFile,
}

impl Segment {
    /// Writes `lists`, sorted by term, to a new file in the system's
    /// temporary folder.
    pub fn write(lists: impl IntoIterator<Item = SegmentList>) -> Result<Segment, WriteError> {
        let (file, open) = ScratchFile::create("segment")?;
        let segment = Segment { file };
        let mut out = BufWriter::new(open);
        let mut record = Vec::new();
        for list in lists {
            record.clear();
            put_varint(&mut record, to_u32(list.term.len())?);
            record.extend_from_slice(list.term.as_bytes());
            put_varint(&mut record, list.df);
            put_varint(&mut record, list.last_section);
            put_varint(&mut record, to_u32(list.bytes.len())?);
            out.write_all(&record).map_err(|e| segment.file.error(e))?;
            out.write_all(&list.bytes).map_err(|e| segment.file.error(e))?;
        }
        out.flush().map_err(|e| segment.file.error(e))?;
        Ok(segment)
    }

    /// Reads the segment back, a list at a time.
    pub fn reader(&self) -> Result<SegmentReader<'_>, WriteError> {
        Ok(SegmentReader { segment: self, input: BufReader::new(self.file.open()?) })
    }
}

/// Reads a segment's lists in term order.
pub(super) struct SegmentReader<'s> {
    segment: &'s Segment,
    input: BufReader<File>,
}

impl SegmentReader<'_> {
    /// The next list, or `None` at the end of the file.
    pub fn next_list(&mut self) -> Result<Option<SegmentList>, WriteError> {
        let Some(term_len) = self.varint(true)? else {
            return Ok(None);
        };
        let term = String::from_utf8(self.bytes(term_len)?).map_err(|e| self.segment.file.error(e))?;
        let df = self.required()?;
        let last_section = self.required()?;
        let len = self.required()?;
        let bytes = self.bytes(len)?;
        Ok(Some(SegmentList { term, df, last_section, bytes }))
    }

    fn required(&mut self) -> Result<u32, WriteError> {
        self.varint(false)?.ok_or_else(|| self.segment.file.error("a record ends early"))
    }

    fn bytes(&mut self, len: u32) -> Result<Vec<u8>, WriteError> {
        let mut buf = vec![0; len as usize];
        self.input.read_exact(&mut buf).map_err(|e| self.segment.file.error(e))?;
        Ok(buf)
    }

    /// A varint; at the end of the file, `None` if `may_end`.
    fn varint(&mut self, may_end: bool) -> Result<Option<u32>, WriteError> {
        let mut raw = Vec::with_capacity(5);
        loop {
            let mut byte = [0u8];
            match self.input.read(&mut byte) {
                Ok(0) if raw.is_empty() && may_end => return Ok(None),
                Ok(0) => return Err(self.segment.file.error("a record ends early")),
                Ok(_) => raw.push(byte[0]),
                Err(e) => return Err(self.segment.file.error(e)),
            }
            if byte[0] & 0x80 == 0 || raw.len() == 5 {
                let mut at = 0;
                return get_varint(&raw, &mut at).map(Some).ok_or_else(|| self.segment.file.error("a bad number"));
            }
        }
    }
}

/// Appends `next` (a later segment's list of the same term) to `list`: its
/// first section, counted from 0 in its segment, is counted from `list`'s
/// last one.
pub(super) fn append(list: &mut SegmentList, next: SegmentList) -> Result<(), WriteError> {
    let mut at = 0;
    let first = get_varint(&next.bytes, &mut at).ok_or_else(|| WriteError::Disk("a segment holds an empty list".to_owned()))?;
    let gap = first
        .checked_sub(list.last_section)
        .ok_or_else(|| WriteError::Disk("segments out of order".to_owned()))?;
    put_varint(&mut list.bytes, gap);
    list.bytes.extend_from_slice(&next.bytes[at..]);
    list.df += next.df;
    list.last_section = next.last_section;
    Ok(())
}

/// Merges segments (oldest first) into one stream of lists in term order,
/// each term's lists joined in segment order, handed to `emit`.
pub(super) fn merge(
    segments: &[Segment],
    emit: &mut dyn FnMut(SegmentList) -> Result<(), WriteError>,
) -> Result<(), WriteError> {
    let mut readers = segments.iter().map(Segment::reader).collect::<Result<Vec<_>, _>>()?;
    let mut heads = readers.iter_mut().map(SegmentReader::next_list).collect::<Result<Vec<_>, _>>()?;
    // Few segments: the smallest head is found by a scan.
    while let Some(term) = heads.iter().flatten().map(|l| l.term.clone()).min() {
        let mut joined: Option<SegmentList> = None;
        for (head, reader) in heads.iter_mut().zip(readers.iter_mut()) {
            if head.as_ref().is_none_or(|l| l.term != term) {
                continue;
            }
            if let Some(list) = std::mem::replace(head, reader.next_list()?) {
                match joined.as_mut() {
                    None => joined = Some(list),
                    Some(j) => append(j, list)?,
                }
            }
        }
        if let Some(list) = joined {
            emit(list)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(term: &str, sections: &[u32]) -> SegmentList {
        let mut bytes = Vec::new();
        let mut last = 0;
        for &s in sections {
            put_varint(&mut bytes, s - last);
            put_varint(&mut bytes, 1);
            put_varint(&mut bytes, 0);
            last = s;
        }
        SegmentList { term: term.into(), df: sections.len() as u32, last_section: last, bytes }
    }

    #[test]
    fn segments_merge_into_the_lists_one_pass_would_write() {
        let a = Segment::write([list("harbour", &[1, 4]), list("port", &[2])]).unwrap();
        let b = Segment::write([list("cranes", &[7]), list("harbour", &[9, 12]), list("선전", &[8])]).unwrap();
        let mut got = Vec::new();
        merge(&[a, b], &mut |l| {
            got.push(l);
            Ok(())
        })
        .unwrap();
        let want = vec![list("cranes", &[7]), list("harbour", &[1, 4, 9, 12]), list("port", &[2]), list("선전", &[8])];
        assert_eq!(got, want);
    }

    #[test]
    #[cfg(unix)]
    fn a_segment_is_read_back_twice_though_its_file_has_no_name() {
        let s = Segment::write([list("a", &[1]), list("b", &[2])]).unwrap();
        assert!(!s.file.path().exists());
        for _ in 0..2 {
            let mut r = s.reader().unwrap();
            assert_eq!(r.next_list().unwrap(), Some(list("a", &[1])));
            assert_eq!(r.next_list().unwrap(), Some(list("b", &[2])));
            assert_eq!(r.next_list().unwrap(), None);
        }
    }
}
