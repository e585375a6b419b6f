//! The tables of an index read as records: documents, sections, entities,
//! aside spans and events, borrowed from the bytes.

use super::format::{alias_key, get_u32, get_varint};
use super::open::Index;
use super::postings::Posting;
pub use super::records::DocField;
use super::records::{nth, DocRecord, EntityRecord, EventRecord, SectionRecord, StrRef};
use crate::engine::time::{Precision, When};

/// A date attached to a section: its publication date, or one it mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Event {
    /// The section.
    pub section: u32,
    /// The span of days meant.
    pub when: When,
    /// Byte range in the document text (empty for a publication date).
    pub start: usize,
    /// Length of the words in bytes.
    pub len: usize,
    /// Resolved against the publication date.
    pub relative: bool,
    /// The section's publication date.
    pub published: bool,
    /// A publication date inferred from the dates mentioned.
    pub inferred: bool,
}

/// A document's metadata and text, borrowed from the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Doc<'a> {
    /// Ordinal of the document in the index.
    pub ord: u32,
    /// Stable id (the corpus file name).
    pub id: &'a str,
    /// Display title.
    pub title: &'a str,
    /// Outlet; empty when unknown.
    pub source: &'a str,
    /// Publication date (`YYYY[-MM[-DD]]`); empty when unknown.
    pub date: &'a str,
    /// ISO 639-1 language code; empty when unknown.
    pub lang: &'a str,
    /// Original address; empty when unknown.
    pub url: &'a str,
    /// The whole text.
    pub text: &'a str,
    /// Who wrote it; empty when unknown.
    pub author: &'a str,
    /// Ordinal of the document's first section.
    pub first_section: u32,
    /// Number of sections.
    pub section_count: u32,
    /// Ordinal of the document's first aside span.
    pub first_aside: u32,
    /// Number of aside spans (page furniture set aside).
    pub aside_count: u32,
}

/// A place or organisation the corpus mentions, under any of its names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entity<'a> {
    /// Ordinal of the entity in the index.
    pub ord: u32,
    /// The name shown to readers.
    pub name: &'a str,
    /// City, province, region, organisation …
    pub kind: &'a str,
    /// Latitude and longitude in degrees, for places with a position.
    pub at: Option<(f32, f32)>,
    /// Why this place was taken over another of its name, when it was
    /// ("Chosen over Paris, United States in 2 of 40 mentions: …"); empty otherwise.
    pub note: &'a str,
    offset: u32,
}

/// One searchable section, borrowed from the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section<'a> {
    /// Ordinal of the section in the index.
    pub ord: u32,
    /// Ordinal of its document.
    pub doc: u32,
    /// Byte offset of the section in its document's text.
    pub start: usize,
    /// The section's text.
    pub text: &'a str,
    /// The section's heading; empty when the document has a single section.
    pub title: &'a str,
    /// Number of tokens, for length normalisation.
    pub len: u32,
    /// The section's language (ISO 639-1), or empty.
    pub lang: &'a str,
}

/// Token positions in a section, ascending; up to four without an allocation

impl<'a> Index<'a> {
    /// Document `ord`. Panics if `ord >= doc_count()`.
    pub fn doc(&self, ord: u32) -> Doc<'a> {
        let rec = self.doc_record(ord as usize).unwrap_or_default();
        let s = |f: DocField| self.checked_str(rec.strings[f as usize]).unwrap_or("");
        Doc {
            ord,
            id: s(DocField::Id),
            title: s(DocField::Title),
            source: s(DocField::Source),
            date: s(DocField::Date),
            lang: s(DocField::Lang),
            url: s(DocField::Url),
            text: self.doc_text(rec.text()),
            author: s(DocField::Author),
            first_section: rec.first_section,
            section_count: rec.section_count,
            first_aside: rec.first_aside,
            aside_count: rec.aside_count,
        }
    }

    /// One string of a document's metadata, without its text: filters and
    /// facets read one field of thousands of documents, and the text's
    /// bounds would cost two cache misses each in a large index.
    pub fn doc_field(&self, ord: u32, field: DocField) -> &'a str {
        let rec = nth(self.docs, DocRecord::LEN, ord as usize).unwrap_or(&[]);
        self.str_at(rec, DocRecord::field_at(field as usize))
    }

    /// A document's text, or "" while its shard has not arrived.
    fn doc_text(&self, text: StrRef) -> &'a str {
        match self.texts.at(text.offset as usize, false) {
            Some((whole, at)) => whole.get(at..at + text.len as usize).unwrap_or(""),
            None => "",
        }
    }


    /// The byte ranges of a document's text set aside as page furniture.
    pub fn aside(&self, doc: &Doc<'_>) -> Vec<std::ops::Range<usize>> {
        (doc.first_aside..doc.first_aside + doc.aside_count)
            .map(|a| {
                let span = self.aside_at(a as usize);
                span.start as usize..span.end as usize
            })
            .collect()
    }

    /// Number of dated events (publication dates and dates mentioned).
    pub fn event_count(&self) -> u32 {
        (self.events.len() / EventRecord::LEN) as u32
    }

    /// Event `ord`, if the record reads.
    pub fn event(&self, ord: u32) -> Option<Event> {
        let rec = EventRecord::decode(nth(self.events, EventRecord::LEN, ord as usize)?)?;
        Some(Event {
            section: rec.section,
            when: When {
                start: rec.first_day,
                end: rec.last_day,
                precision: Precision::from_u8(rec.precision)?,
            },
            start: rec.offset as usize,
            len: usize::from(rec.len),
            relative: rec.flags & EventRecord::RELATIVE != 0,
            published: rec.flags & EventRecord::PUBLISHED != 0,
            inferred: rec.flags & EventRecord::INFERRED != 0,
        })
    }

    /// Every event, by section then day.
    pub fn events(&self) -> impl Iterator<Item = Event> + use<'_, 'a> {
        (0..self.event_count()).filter_map(|e| self.event(e))
    }

    /// A section's publication date, if it has one.
    pub fn published(&self, section: u32) -> Option<Event> {
        let first = self.events_from(section);
        (first..self.event_count())
            .filter_map(|e| self.event(e))
            .take_while(|e| e.section == section)
            .find(|e| e.published)
    }

    /// The events of one section.
    pub fn section_events(&self, section: u32) -> impl Iterator<Item = Event> + use<'_, 'a> {
        let first = self.events_from(section);
        (first..self.event_count())
            .filter_map(|e| self.event(e))
            .take_while(move |e| e.section == section)
    }

    /// Ordinal of the first event of `section` or later (binary search).
    fn events_from(&self, section: u32) -> u32 {
        let (mut lo, mut hi) = (0, self.event_count());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.event(mid).is_some_and(|e| e.section < section) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Number of entities the corpus mentions.
    pub fn entity_count(&self) -> u32 {
        (self.entities.len() / EntityRecord::LEN) as u32
    }

    /// Entity `ord`. Panics if `ord >= entity_count()`.
    pub fn entity(&self, ord: u32) -> Entity<'a> {
        let rec = nth(self.entities, EntityRecord::LEN, ord as usize).and_then(EntityRecord::decode);
        let Some(rec) = rec else {
            return Entity { ord, name: "", kind: "", at: None, note: "", offset: u32::MAX };
        };
        let (lat, lon) = rec.at;
        Entity {
            ord,
            name: self.checked_str(rec.name).unwrap_or(""),
            kind: self.checked_str(rec.kind).unwrap_or(""),
            at: (lat.is_finite() && lon.is_finite()).then_some((lat, lon)),
            note: self.checked_str(rec.note).unwrap_or(""),
            offset: rec.postings,
        }
    }

    /// The entity an alias names, given its normalised form (`lang::alias_form`).
    pub fn entity_by_alias(&self, form: &str) -> Option<Entity<'a>> {
        let ord = self.key_value(&alias_key(form))?;
        u32::try_from(ord)
            .ok()
            .filter(|&o| o < self.entity_count())
            .map(|o| self.entity(o))
    }

    /// Where an entity is mentioned: sections and token positions.
    pub fn entity_postings(&self, entity: &Entity<'_>) -> Vec<Posting> {
        self.postings_at(entity.offset as usize)
    }

    /// The places each section names and their mentions, in section order
    /// (a split index's table, which lets the map count places without
    /// every place's postings); `None` for a whole index.
    pub fn section_places(&self) -> Option<SectionPlaces<'a>> {
        (!self.places.is_empty()).then_some(SectionPlaces { bytes: self.places, pos: 0, next: 0, section: 0, left: 0, entity: 0 })
    }

    /// All documents, in id order.
    pub fn docs(&self) -> impl Iterator<Item = Doc<'a>> + '_ {
        (0..self.doc_count()).map(|d| self.doc(d))
    }

    /// The document with this id (documents are sorted by id).
    pub fn doc_by_id(&self, id: &str) -> Option<Doc<'a>> {
        let (mut lo, mut hi) = (0, self.doc_count());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let doc = self.doc(mid);
            match doc.id.cmp(id) {
                std::cmp::Ordering::Equal => return Some(doc),
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
            }
        }
        None
    }

    /// Section `ord`. Panics if `ord >= section_count()`.
    pub fn section(&self, ord: u32) -> Section<'a> {
        let rec = nth(self.sections, SectionRecord::LEN, ord as usize)
            .and_then(SectionRecord::decode)
            .unwrap_or_default();
        let (start, end) = (rec.start as usize, rec.end as usize);
        Section {
            ord,
            doc: rec.doc,
            start,
            text: self.doc(rec.doc).text.get(start..end).unwrap_or(""),
            title: self.checked_str(rec.title).unwrap_or(""),
            len: rec.tokens,
            lang: self.checked_str(rec.lang).unwrap_or(""),
        }
    }

    /// The document section `ord` belongs to, without touching its text.
    pub fn section_doc(&self, ord: u32) -> u32 {
        get_u32(self.sections, ord as usize * SectionRecord::LEN + SectionRecord::DOC_AT).unwrap_or(0)
    }

    /// The token positions of section `ord`'s title within it (empty when
    /// its text does not contain its title), without touching its text.
    pub fn section_title_span(&self, ord: u32) -> std::ops::Range<u32> {
        let (start, end) = nth(self.sections, SectionRecord::LEN, ord as usize)
            .and_then(SectionRecord::title_span_of)
            .unwrap_or((0, 0));
        u32::from(start)..u32::from(end)
    }

    /// Section `ord`'s language, without touching its text.
    pub fn section_lang(&self, ord: u32) -> &'a str {
        let rec = nth(self.sections, SectionRecord::LEN, ord as usize).unwrap_or(&[]);
        self.str_at(rec, SectionRecord::LANG_AT)
    }

    /// Number of tokens in section `ord` (for length normalisation), without
    /// touching its text. Panics if `ord >= section_count()`.
    pub fn section_len(&self, ord: u32) -> u32 {
        get_u32(self.sections, ord as usize * SectionRecord::LEN + SectionRecord::TOKENS_AT).unwrap_or(0)
    }

}

/// The places a section names (see [`Index::section_places`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionPlace {
    /// Section ordinal.
    pub section: u32,
    /// Entity ordinal.
    pub entity: u32,
    /// Mentions in the section (a name of several words counts once).
    pub mentions: u32,
}

/// Reads the places table in order; a damaged table ends early.
pub struct SectionPlaces<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// The section whose count comes next.
    next: u32,
    section: u32,
    left: u32,
    entity: u32,
}

impl Iterator for SectionPlaces<'_> {
    type Item = SectionPlace;

    fn next(&mut self) -> Option<SectionPlace> {
        while self.left == 0 {
            self.left = get_varint(self.bytes, &mut self.pos)?;
            (self.section, self.entity) = (self.next, 0);
            self.next = self.next.checked_add(1)?;
        }
        let delta = get_varint(self.bytes, &mut self.pos)?;
        let mentions = get_varint(self.bytes, &mut self.pos)?;
        self.entity = self.entity.checked_add(delta)?;
        self.left -= 1;
        Some(SectionPlace { section: self.section, entity: self.entity, mentions })
    }
}
