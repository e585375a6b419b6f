//! The index's fixed-size records (laid out in [`super::format`]), each
//! with its encoder and decoder side by side: the writer encodes them, the
//! reader decodes them, and a field's offset is named once, here. The
//! header and its regions are in [`super::header`].

use std::ops::Range;

use super::format::{get_u32, put_u32, ShardHash, SHARD_HASH_LEN};
pub use super::header::{Header, HeaderError, Region, RegionRef, REGIONS};


/// A string of the index: a byte range of the strings region (or, for a
/// document's text, of the texts region).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StrRef {
    /// Byte offset in its region.
    pub offset: u32,
    /// Length in bytes.
    pub len: u32,
}

impl StrRef {
    /// Size of a reference in a record.
    pub const LEN: usize = 8;

    fn put(self, out: &mut Vec<u8>) {
        put_u32(out, self.offset);
        put_u32(out, self.len);
    }

    /// The reference at byte `at` of a record.
    pub fn get(rec: &[u8], at: usize) -> Option<Self> {
        Some(StrRef {
            offset: get_u32(rec, at)?,
            len: get_u32(rec, at + 4)?,
        })
    }

    /// The byte range it names, if it does not overflow.
    pub fn range(self) -> Option<Range<usize>> {
        let start = self.offset as usize;
        Some(start..start.checked_add(self.len as usize)?)
    }
}

impl Region {
    /// Bytes per record; 1 for a region measured in bytes.
    pub fn record_len(self) -> usize {
        match self {
            Region::Sections => SectionRecord::LEN,
            Region::Documents => DocRecord::LEN,
            Region::Entities => EntityRecord::LEN,
            Region::Aside => AsideRecord::LEN,
            Region::Events => EventRecord::LEN,
            Region::PostingsShards | Region::TextShards | Region::SpellingShards => ShardRecord::LEN,
            _ => 1,
        }
    }
}

/// A metadata field of a document (see `Index::doc_field`); the value is
/// the field's slot in the document record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocField {
    /// The document id (its file name).
    Id = 0,
    /// The title.
    Title = 1,
    /// The publisher.
    Source = 2,
    /// The publication date, ISO 8601.
    Date = 3,
    /// The language code.
    Lang = 4,
    /// The original address.
    Url = 5,
    /// The author.
    Author = 7,
}

/// A document: its metadata strings, its text, its sections and aside spans.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DocRecord {
    /// Strings by slot: the [`DocField`]s, and at [`DocRecord::TEXT`] the text
    /// (a range of the texts region).
    pub strings: [StrRef; 8],
    /// Ordinal of the first section.
    pub first_section: u32,
    /// Number of sections.
    pub section_count: u32,
    /// Ordinal of the first aside span.
    pub first_aside: u32,
    /// Number of aside spans.
    pub aside_count: u32,
}

impl DocRecord {
    /// Size of a record.
    pub const LEN: usize = 80;
    /// The slot of the text among the strings.
    pub const TEXT: usize = 6;

    /// Where field `slot`'s reference sits in the record.
    pub fn field_at(slot: usize) -> usize {
        slot * StrRef::LEN
    }

    /// Appends the record.
    pub fn encode(&self, out: &mut Vec<u8>) {
        for s in self.strings {
            s.put(out);
        }
        for v in [self.first_section, self.section_count, self.first_aside, self.aside_count] {
            put_u32(out, v);
        }
    }

    /// Reads a record (`rec` starts at it).
    pub fn decode(rec: &[u8]) -> Option<Self> {
        let mut strings = [StrRef::default(); 8];
        for (slot, s) in strings.iter_mut().enumerate() {
            *s = StrRef::get(rec, Self::field_at(slot))?;
        }
        let at = 8 * StrRef::LEN;
        Some(DocRecord {
            strings,
            first_section: get_u32(rec, at)?,
            section_count: get_u32(rec, at + 4)?,
            first_aside: get_u32(rec, at + 8)?,
            aside_count: get_u32(rec, at + 12)?,
        })
    }

    /// The text's range in the texts region.
    pub fn text(&self) -> StrRef {
        self.strings[Self::TEXT]
    }
}

/// A section: its document, its byte range in the document's text, its
/// heading, token count and language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SectionRecord {
    /// Ordinal of the document.
    pub doc: u32,
    /// Byte range in the document text: start.
    pub start: u32,
    /// Byte range in the document text: end.
    pub end: u32,
    /// The heading.
    pub title: StrRef,
    /// Number of indexed tokens.
    pub tokens: u32,
    /// The language code.
    pub lang: StrRef,
    /// Token positions of the title in the section (its heading, or the
    /// document's title): empty when the text does not contain it.
    pub title_span: (u16, u16),
}

impl SectionRecord {
    /// Size of a record.
    pub const LEN: usize = 36;
    /// Where the title's token span sits.
    pub const TITLE_SPAN_AT: usize = 32;
    /// Where the document ordinal sits.
    pub const DOC_AT: usize = 0;
    /// Where the token count sits.
    pub const TOKENS_AT: usize = 20;
    /// Where the language sits.
    pub const LANG_AT: usize = 24;

    /// Appends the record.
    pub fn encode(&self, out: &mut Vec<u8>) {
        for v in [self.doc, self.start, self.end] {
            put_u32(out, v);
        }
        self.title.put(out);
        put_u32(out, self.tokens);
        self.lang.put(out);
        out.extend_from_slice(&self.title_span.0.to_le_bytes());
        out.extend_from_slice(&self.title_span.1.to_le_bytes());
    }

    /// Reads a record (`rec` starts at it).
    pub fn decode(rec: &[u8]) -> Option<Self> {
        Some(SectionRecord {
            doc: get_u32(rec, Self::DOC_AT)?,
            start: get_u32(rec, 4)?,
            end: get_u32(rec, 8)?,
            title: StrRef::get(rec, 12)?,
            tokens: get_u32(rec, Self::TOKENS_AT)?,
            lang: StrRef::get(rec, Self::LANG_AT)?,
            title_span: Self::title_span_of(rec)?,
        })
    }

    /// The title span of the record `rec` starts at.
    pub fn title_span_of(rec: &[u8]) -> Option<(u16, u16)> {
        let at = Self::TITLE_SPAN_AT;
        let b = rec.get(at..at + 4)?;
        Some((u16::from_le_bytes([b[0], b[1]]), u16::from_le_bytes([b[2], b[3]])))
    }
}

/// A place or organisation: its name, kind, postings and position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EntityRecord {
    /// The name shown.
    pub name: StrRef,
    /// City, region, organisation …
    pub kind: StrRef,
    /// Offset of its postings list.
    pub postings: u32,
    /// Latitude and longitude in degrees; NaN for what is not on the map.
    pub at: (f32, f32),
    /// What the reader is told about the choice of this place over another
    /// of its name; empty when there was none.
    pub note: StrRef,
}

impl EntityRecord {
    /// Size of a record.
    pub const LEN: usize = 36;

    /// Appends the record.
    pub fn encode(&self, out: &mut Vec<u8>) {
        self.name.put(out);
        self.kind.put(out);
        put_u32(out, self.postings);
        put_u32(out, self.at.0.to_bits());
        put_u32(out, self.at.1.to_bits());
        self.note.put(out);
    }

    /// Reads a record (`rec` starts at it).
    pub fn decode(rec: &[u8]) -> Option<Self> {
        Some(EntityRecord {
            name: StrRef::get(rec, 0)?,
            kind: StrRef::get(rec, 8)?,
            postings: get_u32(rec, 16)?,
            at: (
                f32::from_bits(get_u32(rec, 20)?),
                f32::from_bits(get_u32(rec, 24)?),
            ),
            note: StrRef::get(rec, 28)?,
        })
    }
}

/// A byte range of a document's text set aside as page furniture.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AsideRecord {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl AsideRecord {
    /// Size of a record.
    pub const LEN: usize = 8;

    /// Appends the record.
    pub fn encode(&self, out: &mut Vec<u8>) {
        put_u32(out, self.start);
        put_u32(out, self.end);
    }

    /// Reads a record (`rec` starts at it).
    pub fn decode(rec: &[u8]) -> Option<Self> {
        Some(AsideRecord {
            start: get_u32(rec, 0)?,
            end: get_u32(rec, 4)?,
        })
    }
}

/// A date attached to a section: its publication date or one it mentions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EventRecord {
    /// Ordinal of the section.
    pub section: u32,
    /// First day (days since 1970-01-01).
    pub first_day: i32,
    /// Last day.
    pub last_day: i32,
    /// Byte offset of the words in the document text.
    pub offset: u32,
    /// Byte length of the words (0 for a publication date).
    pub len: u16,
    /// `time::Precision` as a byte.
    pub precision: u8,
    /// [`EventRecord::RELATIVE`], [`EventRecord::PUBLISHED`], [`EventRecord::INFERRED`].
    pub flags: u8,
}

impl EventRecord {
    /// Size of a record.
    pub const LEN: usize = 20;
    /// Flag: resolved against the publication date.
    pub const RELATIVE: u8 = 1;
    /// Flag: the section's publication date, not a date it mentions.
    pub const PUBLISHED: u8 = 2;
    /// Flag: a publication date inferred from the dates mentioned.
    pub const INFERRED: u8 = 4;

    /// Appends the record.
    pub fn encode(&self, out: &mut Vec<u8>) {
        put_u32(out, self.section);
        out.extend_from_slice(&self.first_day.to_le_bytes());
        out.extend_from_slice(&self.last_day.to_le_bytes());
        put_u32(out, self.offset);
        out.extend_from_slice(&self.len.to_le_bytes());
        out.push(self.precision);
        out.push(self.flags);
    }

    /// Reads a record (`rec` starts at it).
    pub fn decode(rec: &[u8]) -> Option<Self> {
        let rec = rec.get(..Self::LEN)?;
        Some(EventRecord {
            section: get_u32(rec, 0)?,
            first_day: get_u32(rec, 4)? as i32,
            last_day: get_u32(rec, 8)? as i32,
            offset: get_u32(rec, 12)?,
            len: u16::from_le_bytes([rec[16], rec[17]]),
            precision: rec[18],
            flags: rec[19],
        })
    }
}

/// A shard of a split index: a byte range of its region, the dictionary
/// bytes its file holds before them, and the hash that names the file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ShardRecord {
    /// First byte in the region.
    pub start: u32,
    /// Length in bytes, in the region.
    pub len: u32,
    /// Bytes of the file before those (a postings shard's dictionary part).
    pub lead: u32,
    /// Truncated SHA-256 of the file's bytes.
    pub hash: ShardHash,
}

impl ShardRecord {
    /// Size of a record.
    pub const LEN: usize = 12 + SHARD_HASH_LEN;

    /// Appends the record.
    pub fn encode(&self, out: &mut Vec<u8>) {
        for v in [self.start, self.len, self.lead] {
            put_u32(out, v);
        }
        out.extend_from_slice(&self.hash);
    }

    /// Reads a record (`rec` starts at it).
    pub fn decode(rec: &[u8]) -> Option<Self> {
        let hash = rec.get(12..Self::LEN)?.try_into().ok()?;
        let (start, len, lead) = (get_u32(rec, 0)?, get_u32(rec, 4)?, get_u32(rec, 8)?);
        Some(ShardRecord { start, len, lead, hash })
    }

    /// Length of the shard's file.
    pub fn file_len(&self) -> usize {
        self.lead as usize + self.len as usize
    }
}

/// Record `i` of a table of `LEN`-byte records, if in bounds.
pub fn nth(table: &[u8], len: usize, i: usize) -> Option<&[u8]> {
    table.get(i.checked_mul(len)?..i.checked_add(1)?.checked_mul(len)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_record_decodes_what_it_encoded_in_its_stated_size() {
        let s = |offset, len| StrRef { offset, len };
        let doc = DocRecord {
            strings: [s(1, 2), s(3, 4), s(5, 6), s(7, 8), s(9, 10), s(11, 12), s(13, 14), s(15, 16)],
            first_section: 17,
            section_count: 18,
            first_aside: 19,
            aside_count: 20,
        };
        let mut out = Vec::new();
        doc.encode(&mut out);
        assert_eq!(out.len(), DocRecord::LEN);
        assert_eq!(DocRecord::decode(&out), Some(doc));

        let section = SectionRecord { doc: 1, start: 2, end: 3, title: s(4, 5), tokens: 6, lang: s(7, 8), title_span: (9, 12) };
        let mut out = Vec::new();
        section.encode(&mut out);
        assert_eq!(out.len(), SectionRecord::LEN);
        assert_eq!(SectionRecord::decode(&out), Some(section));
        assert_eq!(get_u32(&out, SectionRecord::TOKENS_AT), Some(6));

        let event = EventRecord { section: 9, first_day: -5, last_day: 40, offset: 7, len: 3, precision: 2, flags: 5 };
        let mut out = Vec::new();
        event.encode(&mut out);
        assert_eq!(out.len(), EventRecord::LEN);
        assert_eq!(EventRecord::decode(&out), Some(event));

        let entity = EntityRecord { name: s(1, 2), kind: s(3, 4), postings: 5, at: (22.5, 114.1), note: s(6, 7) };
        let mut out = Vec::new();
        entity.encode(&mut out);
        assert_eq!(out.len(), EntityRecord::LEN);
        assert_eq!(EntityRecord::decode(&out), Some(entity));

        let shard = ShardRecord { start: 1, len: 2, lead: 3, hash: [7; SHARD_HASH_LEN] };
        let mut out = Vec::new();
        shard.encode(&mut out);
        assert_eq!(out.len(), ShardRecord::LEN);
        assert_eq!(ShardRecord::decode(&out), Some(shard));
    }
}
