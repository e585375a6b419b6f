//! The writer's tables: documents, sections, aside spans, events, strings
//! and texts, each record encoded by its type in `index::records`.

use std::collections::HashMap;

use crate::engine::index::records::{
    AsideRecord, DocRecord, EventRecord, SectionRecord, StrRef,
};

use super::dates::SectionDates;
use super::error::{to_u32, WriteError};
use super::input::{DocInput, SectionInput};
use super::scratch::Spool;

/// The string region; identical short strings are stored once.
#[derive(Default)]
pub(super) struct StringTable {
    pub bytes: Vec<u8>,
    seen: HashMap<String, StrRef>,
}

impl StringTable {
    /// Where `s` is stored, adding it if new.
    pub fn add(&mut self, s: &str) -> Result<StrRef, WriteError> {
        if let Some(&r) = self.seen.get(s) {
            return Ok(r);
        }
        let r = StrRef {
            offset: to_u32(self.bytes.len())?,
            len: to_u32(s.len())?,
        };
        self.bytes.extend_from_slice(s.as_bytes());
        if s.len() < 256 {
            self.seen.insert(s.to_owned(), r);
        }
        Ok(r)
    }
}

/// Every table but the postings, as documents are added in id order.
pub(super) struct Tables {
    pub strings: StringTable,
    /// The texts region: the one table as large as the corpus.
    pub texts: Spool,
    /// Where each document's text starts in `texts`.
    pub text_starts: Vec<u32>,
    pub sections: Vec<u8>,
    pub docs: Vec<u8>,
    pub aside: Vec<u8>,
    pub events: Vec<u8>,
    pub total_tokens: u64,
}

impl Tables {
    /// Empty tables, the texts kept in memory up to `texts_budget` bytes.
    pub fn new(texts_budget: usize) -> Tables {
        Tables {
            strings: StringTable::default(),
            texts: Spool::new("texts", texts_budget),
            text_starts: Vec::new(),
            sections: Vec::new(),
            docs: Vec::new(),
            aside: Vec::new(),
            events: Vec::new(),
            total_tokens: 0,
        }
    }

    /// The ordinal the next section gets.
    pub fn next_section(&self) -> Result<u32, WriteError> {
        to_u32(self.sections.len() / SectionRecord::LEN)
    }

    /// Writes a document's aside spans; returns the first one's ordinal.
    pub fn add_aside(&mut self, doc: &DocInput) -> Result<u32, WriteError> {
        let first = to_u32(self.aside.len() / AsideRecord::LEN)?;
        for r in &doc.aside {
            AsideRecord {
                start: to_u32(r.start)?,
                end: to_u32(r.end)?,
            }
            .encode(&mut self.aside);
        }
        Ok(first)
    }

    /// Writes a section record.
    pub fn add_section(
        &mut self,
        doc: u32,
        s: &SectionInput,
        tokens: usize,
        title_span: (u16, u16),
    ) -> Result<(), WriteError> {
        self.total_tokens += tokens as u64;
        SectionRecord {
            doc,
            start: to_u32(s.range.start)?,
            end: to_u32(s.range.end)?,
            title: self.strings.add(s.title.as_deref().unwrap_or(""))?,
            tokens: to_u32(tokens)?,
            lang: self.strings.add(&s.lang)?,
            title_span,
        }
        .encode(&mut self.sections);
        Ok(())
    }

    /// Writes a document record and its text, after its sections.
    pub fn add_doc(&mut self, doc: &DocInput, first_section: u32, first_aside: u32) -> Result<(), WriteError> {
        self.text_starts.push(to_u32(self.texts.len())?);
        let text = StrRef {
            offset: to_u32(self.texts.len())?,
            len: to_u32(doc.text.len())?,
        };
        self.texts.extend(doc.text.as_bytes())?;
        let mut strings = [StrRef::default(); 8];
        let fields = [&doc.id, &doc.title, &doc.source, &doc.date, &doc.lang, &doc.url, &doc.text, &doc.author];
        for (slot, field) in fields.into_iter().enumerate() {
            strings[slot] = if slot == DocRecord::TEXT {
                text
            } else {
                self.strings.add(field)?
            };
        }
        DocRecord {
            strings,
            first_section,
            section_count: to_u32(doc.sections.len())?,
            first_aside,
            aside_count: to_u32(doc.aside.len())?,
        }
        .encode(&mut self.docs);
        Ok(())
    }

    /// A section's publication date and the dates it mentions, by first day.
    pub fn add_events(&mut self, section: u32, dates: &SectionDates) -> Result<(), WriteError> {
        let mut records: Vec<EventRecord> = Vec::new();
        if let Some(p) = dates.published {
            let inferred = if dates.published_inferred { EventRecord::INFERRED } else { 0 };
            records.push(EventRecord {
                section,
                first_day: p.start,
                last_day: p.end,
                offset: 0,
                len: 0,
                precision: p.precision as u8,
                flags: EventRecord::PUBLISHED | inferred,
            });
        }
        for e in &dates.expressions {
            records.push(EventRecord {
                section,
                first_day: e.when.start,
                last_day: e.when.end,
                offset: to_u32(e.bytes.start)?,
                len: u16::try_from(e.bytes.len()).unwrap_or(u16::MAX),
                precision: e.when.precision as u8,
                flags: if e.relative { EventRecord::RELATIVE } else { 0 },
            });
        }
        records.sort_by_key(|r| (r.first_day, r.last_day, r.offset));
        for r in records {
            r.encode(&mut self.events);
        }
        Ok(())
    }

    /// Mean tokens per section.
    pub fn avg_len(&self) -> f32 {
        let sections = self.sections.len() / SectionRecord::LEN;
        if sections == 0 {
            0.0
        } else {
            self.total_tokens as f32 / sections as f32
        }
    }
}
