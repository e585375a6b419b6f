//! Opens index bytes in place (see [`super::format`]): the header, every
//! table's bounds and the FST's checksum are checked once, and the FST is
//! wrapped with `fst::Map::new` ([`super::dictionary`]); nothing is decoded or copied until a query
//! asks for it. The read side is spread over this folder by concern: the
//! tables ([`super::tables`]), postings ([`super::postings`]), the term
//! dictionary ([`super::terms`]) and the shards of a split index
//! ([`super::shards`]).

use super::error::OpenError;
use super::format::{ShardKind, HEADER_LEN, SPELLING_LENGTHS};
use super::records::{
    nth, AsideRecord, DocRecord, EntityRecord, Header, Region, SectionRecord, StrRef,
};
use super::dictionary::Dictionary;
use super::space::Space;
use crate::engine::time::{FIRST_DAY, LAST_DAY};

/// A read-only index over borrowed bytes.
pub struct Index<'a> {
    pub(super) dict: Dictionary<'a>,
    pub(super) postings: Space<'a, [u8]>,
    pub(super) texts: Space<'a, str>,
    /// A split index's spelling lists, one per word length (none when whole).
    pub(super) spelling: Space<'a, [u8]>,
    /// Distinct surface terms.
    pub(super) terms: u32,
    pub(super) sections: &'a [u8],
    pub(super) docs: &'a [u8],
    /// UTF-8, validated once at open; records slice it in O(1).
    pub(super) strings: &'a str,
    pub(super) entities: &'a [u8],
    pub(super) aside: &'a [u8],
    pub(super) events: &'a [u8],
    /// A split index's places by section (empty when whole).
    pub(super) places: &'a [u8],
    pub(super) avg_len: f32,
}

/// The bytes of `region` and its length or count, checked against the file.
fn region<'a>(
    bytes: &'a [u8],
    header: &Header,
    region: Region,
) -> Result<(&'a [u8], usize), OpenError> {
    let what = region.what();
    let r = header.region(region);
    let (off, n) = (r.offset as usize, r.count as usize);
    let len = n
        .checked_mul(region.record_len())
        .ok_or(OpenError::Corrupt(what))?;
    let end = off.checked_add(len).ok_or(OpenError::Corrupt(what))?;
    if off < HEADER_LEN || end > bytes.len() {
        return Err(OpenError::Corrupt(what));
    }
    Ok((&bytes[off..end], n))
}

/// Record counts of the tables, for validation.
struct Counts {
    sections: usize,
    docs: usize,
    aside: usize,
    entities: usize,
    events: usize,
}

impl<'a> Index<'a> {
    /// Opens index bytes, checking the header and that every record stays in
    /// bounds. Costs one pass over the section and document tables.
    pub fn open(bytes: &'a [u8]) -> Result<Self, OpenError> {
        let header = Header::decode(bytes)?;
        let (fst_bytes, _) = region(bytes, &header, Region::Fst)?;
        let (postings, _) = region(bytes, &header, Region::Postings)?;
        let (sections, section_count) = region(bytes, &header, Region::Sections)?;
        let (docs, doc_count) = region(bytes, &header, Region::Documents)?;
        let (strings, _) = region(bytes, &header, Region::Strings)?;
        let strings = std::str::from_utf8(strings)
            .map_err(|_| OpenError::Corrupt("strings are not UTF-8"))?;
        let (entities, entity_count) = region(bytes, &header, Region::Entities)?;
        let (aside, aside_count) = region(bytes, &header, Region::Aside)?;
        let (variants, _) = region(bytes, &header, Region::Variants)?;
        let (events, event_count) = region(bytes, &header, Region::Events)?;
        let (texts, _) = region(bytes, &header, Region::Texts)?;
        let texts =
            std::str::from_utf8(texts).map_err(|_| OpenError::Corrupt("texts are not UTF-8"))?;
        let (postings_shards, _) = region(bytes, &header, Region::PostingsShards)?;
        let (text_shards, _) = region(bytes, &header, Region::TextShards)?;
        let (ranges, _) = region(bytes, &header, Region::Ranges)?;
        let (spelling_shards, _) = region(bytes, &header, Region::SpellingShards)?;
        let (places, _) = region(bytes, &header, Region::Places)?;
        let split = header.split;
        if split != (!postings_shards.is_empty() || !text_shards.is_empty())
            || split && (!postings.is_empty() || !texts.is_empty())
        {
            return Err(OpenError::Corrupt("split flag"));
        }
        let postings = Space::new(ShardKind::Postings, postings, postings_shards);
        let texts = Space::new(ShardKind::Texts, texts, text_shards);
        let spelling = Space::new(ShardKind::Spelling, &[][..], spelling_shards);
        postings.check_table()?;
        texts.check_table()?;
        spelling.check_table()?;
        if split && spelling.loaded.len() != SPELLING_LENGTHS {
            return Err(OpenError::Corrupt("spelling shard table"));
        }
        // fst trusts its bytes when walking them; its checksum turns a
        // damaged dictionary into this error instead of a panic.
        if !super::checksum::dictionary_intact(fst_bytes) {
            return Err(OpenError::Fst("its checksum does not match its bytes".to_owned()));
        }
        let fst = fst::Map::new(fst_bytes).map_err(|e| OpenError::Fst(e.to_string()))?;
        let dict = Dictionary::new(fst, variants, ranges, postings.loaded.len())?;
        let index = Index {
            dict,
            postings,
            texts,
            spelling,
            terms: header.terms,
            sections,
            docs,
            strings,
            entities,
            aside,
            events,
            places,
            avg_len: header.avg_len,
        };
        index.validate(&Counts {
            sections: section_count,
            docs: doc_count,
            aside: aside_count,
            entities: entity_count,
            events: event_count,
        })?;
        Ok(index)
    }

    fn validate(&self, n: &Counts) -> Result<(), OpenError> {
        if !self.avg_len.is_finite() || self.avg_len < 0.0 {
            return Err(OpenError::Corrupt("average section length"));
        }
        for d in 0..n.docs {
            self.validate_doc(d, n)?;
        }
        for s in 0..n.sections {
            self.validate_section(s, n)?;
        }
        self.validate_events(n)?;
        for e in 0..n.entities {
            nth(self.entities, EntityRecord::LEN, e)
                .and_then(EntityRecord::decode)
                .and_then(|r| self.checked_str(r.name).zip(self.checked_str(r.kind)))
                .ok_or(OpenError::Corrupt("entity name"))?;
        }
        Ok(())
    }

    /// A document's strings, sections, text and aside spans are in bounds.
    fn validate_doc(&self, d: usize, n: &Counts) -> Result<(), OpenError> {
        let rec = self.doc_record(d).ok_or(OpenError::Corrupt("document table"))?;
        for (slot, s) in rec.strings.iter().enumerate() {
            if slot != DocRecord::TEXT {
                self.checked_str(*s)
                    .ok_or(OpenError::Corrupt("document string"))?;
            }
        }
        let within = |first: u32, count: u32, total: usize| {
            (first as usize)
                .checked_add(count as usize)
                .is_some_and(|end| end <= total)
        };
        if !within(rec.first_section, rec.section_count, n.sections) {
            return Err(OpenError::Corrupt("document sections"));
        }
        if !within(rec.first_aside, rec.aside_count, n.aside) {
            return Err(OpenError::Corrupt("document aside spans"));
        }
        let text = rec.text();
        let fits = text
            .range()
            .is_some_and(|r| r.end <= self.texts.len(self.texts.whole.len()));
        let whole_ok = self.texts.split() || text.range().is_some_and(|r| self.texts.whole.get(r).is_some());
        if !fits
            || !whole_ok
            || !self
                .texts
                .in_one_shard(text.offset as usize, text.len as usize)
        {
            return Err(OpenError::Corrupt("document text"));
        }
        for a in rec.first_aside..rec.first_aside + rec.aside_count {
            let span = self.aside_at(a as usize);
            if span.start > span.end || span.end > text.len {
                return Err(OpenError::Corrupt("aside span"));
            }
        }
        Ok(())
    }

    /// A section names a document, a range of its text, and strings.
    fn validate_section(&self, s: usize, n: &Counts) -> Result<(), OpenError> {
        let rec = nth(self.sections, SectionRecord::LEN, s)
            .and_then(SectionRecord::decode)
            .ok_or(OpenError::Corrupt("section table"))?;
        if rec.doc as usize >= n.docs {
            return Err(OpenError::Corrupt("section document"));
        }
        let text_len = self.doc_record(rec.doc as usize).map_or(0, |d| d.text().len);
        let text = self.doc(rec.doc).text;
        let (start, end) = (rec.start as usize, rec.end as usize);
        let whole_ok = self.texts.split() || text.get(start..end).is_some();
        if start > end || end > text_len as usize || !whole_ok {
            return Err(OpenError::Corrupt("section range"));
        }
        self.checked_str(rec.title)
            .ok_or(OpenError::Corrupt("section title"))?;
        self.checked_str(rec.lang)
            .ok_or(OpenError::Corrupt("section language"))?;
        Ok(())
    }

    /// Every event names a section, a span of real days in order, and words
    /// inside its document's text (on character boundaries, where the text
    /// is here), so the timeline can slice the text without checking again.
    fn validate_events(&self, n: &Counts) -> Result<(), OpenError> {
        let bad = OpenError::Corrupt("event");
        for e in 0..n.events {
            let ev = self.event(e as u32).ok_or(bad.clone())?;
            let days = FIRST_DAY..=LAST_DAY;
            if ev.section as usize >= n.sections
                || ev.when.start > ev.when.end
                || !days.contains(&ev.when.start)
                || !days.contains(&ev.when.end)
            {
                return Err(bad);
            }
            let doc = self.section_doc(ev.section);
            let text_len = self.doc_record(doc as usize).map_or(0, |d| d.text().len) as usize;
            let end = ev.start.checked_add(ev.len).ok_or(bad.clone())?;
            let words_ok = self.texts.split() || self.doc(doc).text.get(ev.start..end).is_some();
            if end > text_len || !words_ok {
                return Err(bad);
            }
        }
        Ok(())
    }

    /// Document record `d`, if in bounds.
    pub(super) fn doc_record(&self, d: usize) -> Option<DocRecord> {
        nth(self.docs, DocRecord::LEN, d).and_then(DocRecord::decode)
    }

    /// Aside span `a` (empty if out of bounds).
    pub(super) fn aside_at(&self, a: usize) -> AsideRecord {
        nth(self.aside, AsideRecord::LEN, a)
            .and_then(AsideRecord::decode)
            .unwrap_or_default()
    }

    /// The string a reference names, if it lies in the strings region on
    /// character boundaries (`get` checks both in O(1)).
    pub(super) fn checked_str(&self, s: StrRef) -> Option<&'a str> {
        self.strings.get(s.range()?)
    }

    /// The string at byte `at` of a record.
    pub(super) fn str_at(&self, rec: &[u8], at: usize) -> &'a str {
        // Validated in `open`; a failure here can only mean a bug, so show nothing.
        StrRef::get(rec, at)
            .and_then(|s| self.checked_str(s))
            .unwrap_or("")
    }

    /// Number of documents.
    pub fn doc_count(&self) -> u32 {
        (self.docs.len() / DocRecord::LEN) as u32
    }

    /// Number of sections.
    pub fn section_count(&self) -> u32 {
        (self.sections.len() / SectionRecord::LEN) as u32
    }

    /// Number of keys in the dictionary (of the head's, when split).
    pub fn term_count(&self) -> usize {
        self.dict.head.len()
    }

    /// Mean tokens per section.
    pub fn avg_len(&self) -> f32 {
        self.avg_len
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_pointing_outside_the_bytes_is_corrupt_not_a_panic() {
        let mut header = Header {
            split: false,
            avg_len: 1.0,
            terms: 0,
            regions: Default::default(),
        };
        for r in header.regions.iter_mut() {
            r.offset = HEADER_LEN as u32;
        }
        header.regions[2].count = 1000; // sections beyond the end
        let bytes = header.encode();
        assert_eq!(
            Index::open(&bytes).err(),
            Some(OpenError::Corrupt("section table"))
        );
    }

    #[test]
    fn a_damaged_term_dictionary_is_refused_when_opened() {
        use crate::engine::build::{DocInput, IndexWriter, SectionInput};
        let text = "Ships enter the harbour of Shenzhen every day.";
        let mut w = IndexWriter::new();
        w.add(DocInput {
            id: "a.txt".into(),
            lang: "en".into(),
            text: text.into(),
            sections: vec![SectionInput { title: None, range: 0..text.len(), lang: "en".into() }],
            ..DocInput::default()
        })
        .unwrap();
        let mut bytes = w.finish().unwrap();
        assert!(Index::open(&bytes).is_ok());
        let header = Header::decode(&bytes).unwrap();
        let fst = header.region(Region::Fst);
        // A byte in the middle of the dictionary: fst's own checks of its
        // header and footer do not see it, the checksum does.
        let middle = fst.offset as usize + fst.count as usize / 2;
        bytes[middle] ^= 0x01;
        let refused = Index::open(&bytes).err();
        assert!(matches!(&refused, Some(OpenError::Fst(why)) if why.contains("checksum")), "{refused:?}");
    }
}
