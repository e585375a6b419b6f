//! Reads index bytes in place (see [`super::format`]): opening checks the
//! header, the table bounds and the FST's checksum, and wraps the FST with
//! `fst::Map::new`; nothing is decoded or copied until a query asks for it.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

use fst::{Automaton, IntoStreamer, Streamer};

pub use super::format::ShardKind;
use super::format::{
    alias_key, get_u32, get_varint, shard_file, ASIDE_LEN, DOC_LEN, DOC_STRINGS, ENTITY_LEN,
    EVENT_INFERRED, EVENT_LEN, EVENT_PUBLISHED, EVENT_RELATIVE, FLAG_SPLIT, HEADER_LEN, MAGIC,
    SECTION_LEN, SHARD_LEN, VERSION,
    shard_hash, ShardHash, SHARD_HASH_LEN,
};
use super::time::{Precision, When, FIRST_DAY, LAST_DAY};

/// Why bytes could not be opened as an index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// The bytes do not start with the index magic.
    BadMagic,
    /// The index was written by another format version.
    UnsupportedVersion(u32),
    /// A table lies outside the bytes, or a record points outside its table.
    Corrupt(&'static str),
    /// The term dictionary is not a valid FST.
    Fst(String),
    /// A shard file is not the one the index lists (stale or damaged).
    BadShard(String),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::BadMagic => write!(f, "not a corpus-atlas index (bad magic)"),
            OpenError::UnsupportedVersion(v) => {
                write!(f, "index format version {v} is not supported (this build reads version {VERSION})")
            }
            OpenError::Corrupt(what) => write!(f, "corrupt index: {what}"),
            OpenError::Fst(e) => write!(f, "corrupt term dictionary: {e}"),
            OpenError::BadShard(file) => write!(
                f,
                "{file} is not the shard this index lists (stale or damaged)"
            ),
        }
    }
}

impl std::error::Error for OpenError {}

/// Postings shards fetched together (see [`Index::padded`]).
pub const PADDING: u32 = 3;

/// A shard of a split index: what it holds and its place in the shard table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShardId {
    /// Postings or texts.
    pub kind: ShardKind,
    /// Ordinal in its table.
    pub ord: u32,
}

/// The postings or the texts of an index: one region of the file (a whole
/// index), or shards that arrive one by one (a split index). A read of a
/// shard that has not arrived yet finds nothing and asks for it.
struct Space<'a, T: ?Sized + 'a> {
    kind: ShardKind,
    whole: &'a T,
    /// Shard records (see format.rs); empty in a whole index.
    table: &'a [u8],
    loaded: Box<[OnceLock<&'a T>]>,
    wanted: Mutex<BTreeSet<u32>>,
    misses: AtomicU64,
}

impl<'a, T: ?Sized + 'a> Space<'a, T> {
    fn new(kind: ShardKind, whole: &'a T, table: &'a [u8]) -> Self {
        let n = table.len() / SHARD_LEN;
        Space {
            kind,
            whole,
            table,
            loaded: (0..n).map(|_| OnceLock::new()).collect(),
            wanted: Mutex::new(BTreeSet::new()),
            misses: AtomicU64::new(0),
        }
    }

    fn split(&self) -> bool {
        !self.loaded.is_empty()
    }

    /// (start, length, hash) of shard `i`.
    fn record(&self, i: usize) -> (usize, usize, ShardHash) {
        let rec = &self.table[i * SHARD_LEN..(i + 1) * SHARD_LEN];
        let mut hash = [0; SHARD_HASH_LEN];
        hash.copy_from_slice(&rec[8..8 + SHARD_HASH_LEN]);
        (
            get_u32(rec, 0).unwrap_or(0) as usize,
            get_u32(rec, 4).unwrap_or(0) as usize,
            hash,
        )
    }

    /// Bytes covered: the region, or every shard together.
    fn len(&self, whole_len: usize) -> usize {
        match self.loaded.len() {
            0 => whole_len,
            n => {
                let (start, len, _) = self.record(n - 1);
                start + len
            }
        }
    }

    /// The shard (or region) holding byte `off`, and `off` within it. An
    /// absent shard is asked for when `want` is set.
    fn at(&self, off: usize, want: bool) -> Option<(&'a T, usize)> {
        if !self.split() {
            return Some((self.whole, off));
        }
        let i = self.shard_of(off)?;
        let (start, len, _) = self.record(i);
        if off >= start + len {
            return None;
        }
        match self.loaded[i].get() {
            Some(&bytes) => Some((bytes, off - start)),
            None => {
                if want {
                    self.misses.fetch_add(1, Ordering::Relaxed);
                    self.wanted.lock().map(|mut w| w.insert(i as u32)).ok();
                }
                None
            }
        }
    }

    /// The shard whose range starts at or before `off` (binary search).
    fn shard_of(&self, off: usize) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.loaded.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.record(mid).0 <= off {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo.checked_sub(1)
    }

    /// Checks the shard table: ranges contiguous from 0.
    fn check_table(&self) -> Result<(), OpenError> {
        let mut end = 0;
        for i in 0..self.loaded.len() {
            let (start, len, _) = self.record(i);
            if start != end || len == 0 {
                return Err(OpenError::Corrupt("shard table"));
            }
            end = start
                .checked_add(len)
                .ok_or(OpenError::Corrupt("shard table"))?;
        }
        Ok(())
    }

    /// Whether `off..off + len` lies inside one shard (always, when whole).
    fn in_one_shard(&self, off: usize, len: usize) -> bool {
        if !self.split() {
            return true;
        }
        match self.shard_of(off) {
            Some(i) => {
                let (start, n, _) = self.record(i);
                off + len <= start + n
            }
            None => len == 0,
        }
    }

    /// Checks a shard's bytes against its record; the caller stores them.
    fn check(&self, ord: u32, bytes: &[u8]) -> Result<(), OpenError> {
        let i = ord as usize;
        if i >= self.loaded.len() {
            return Err(OpenError::BadShard(format!("shard {ord}")));
        }
        let (_, len, hash) = self.record(i);
        if bytes.len() != len || shard_hash(bytes) != hash {
            return Err(OpenError::BadShard(shard_file(self.kind, &hash)));
        }
        Ok(())
    }

    fn arrived(&self, ord: u32, value: &'a T) {
        let _ = self.loaded[ord as usize].set(value);
        if let Ok(mut w) = self.wanted.lock() {
            w.remove(&ord);
        }
    }

    fn wanted(&self) -> Vec<ShardId> {
        let wanted = self
            .wanted
            .lock()
            .map(|w| w.iter().copied().collect::<Vec<_>>())
            .unwrap_or_default();
        wanted
            .into_iter()
            .map(|ord| ShardId {
                kind: self.kind,
                ord,
            })
            .collect()
    }
}

/// A read-only index over borrowed bytes.
pub struct Index<'a> {
    fst: fst::Map<&'a [u8]>,
    postings: Space<'a, [u8]>,
    texts: Space<'a, str>,
    sections: &'a [u8],
    docs: &'a [u8],
    /// UTF-8, validated once at open; records slice it in O(1).
    strings: &'a str,
    entities: &'a [u8],
    aside: &'a [u8],
    variants: &'a [u8],
    events: &'a [u8],
    avg_len: f32,
}

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

/// A metadata field of a document (see [`Index::doc_field`]); the value is
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
/// (most postings of a name or a rare word have one or two).
pub type Positions = smallvec::SmallVec<[u32; 4]>;

/// One entry of a postings list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posting {
    /// Section ordinal.
    pub section: u32,
    /// Occurrences in that section (the number of positions, when decoded).
    pub tf: u32,
    /// Token positions of the term in that section, ascending; empty when
    /// read by [`Index::counts`].
    pub positions: Positions,
}

fn region<'a>(
    bytes: &'a [u8],
    header_at: usize,
    record: usize,
    what: &'static str,
) -> Result<(&'a [u8], usize), OpenError> {
    let off = get_u32(bytes, header_at).ok_or(OpenError::Corrupt("header"))? as usize;
    let n = get_u32(bytes, header_at + 4).ok_or(OpenError::Corrupt("header"))? as usize;
    let len = n.checked_mul(record).ok_or(OpenError::Corrupt(what))?;
    let end = off.checked_add(len).ok_or(OpenError::Corrupt(what))?;
    if off < HEADER_LEN || end > bytes.len() {
        return Err(OpenError::Corrupt(what));
    }
    Ok((&bytes[off..end], n))
}

impl<'a> Index<'a> {
    /// Opens index bytes, checking the header and that every record stays in
    /// bounds. Costs one pass over the section and document tables.
    pub fn open(bytes: &'a [u8]) -> Result<Self, OpenError> {
        if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
            return Err(OpenError::BadMagic);
        }
        let version = get_u32(bytes, 8).ok_or(OpenError::BadMagic)?;
        if version != VERSION {
            return Err(OpenError::UnsupportedVersion(version));
        }
        let (fst_bytes, _) = region(bytes, 16, 1, "term dictionary")?;
        let (postings, _) = region(bytes, 24, 1, "postings")?;
        let (sections, section_count) = region(bytes, 32, SECTION_LEN, "section table")?;
        let (docs, doc_count) = region(bytes, 40, DOC_LEN, "document table")?;
        let (strings, _) = region(bytes, 48, 1, "strings")?;
        let strings = std::str::from_utf8(strings)
            .map_err(|_| OpenError::Corrupt("strings are not UTF-8"))?;
        let (entities, entity_count) = region(bytes, 56, ENTITY_LEN, "entity table")?;
        let (aside, aside_count) = region(bytes, 64, ASIDE_LEN, "aside table")?;
        let (variants, _) = region(bytes, 72, 1, "variant table")?;
        let (events, event_count) = region(bytes, 88, EVENT_LEN, "event table")?;
        let (texts, _) = region(bytes, 96, 1, "texts")?;
        let texts =
            std::str::from_utf8(texts).map_err(|_| OpenError::Corrupt("texts are not UTF-8"))?;
        let (postings_shards, _) = region(bytes, 104, SHARD_LEN, "postings shard table")?;
        let (text_shards, _) = region(bytes, 112, SHARD_LEN, "text shard table")?;
        let split = get_u32(bytes, 12).ok_or(OpenError::BadMagic)? & FLAG_SPLIT != 0;
        if split != (!postings_shards.is_empty() || !text_shards.is_empty())
            || split && (!postings.is_empty() || !texts.is_empty())
        {
            return Err(OpenError::Corrupt("split flag"));
        }
        let postings = Space::new(ShardKind::Postings, postings, postings_shards);
        let texts = Space::new(ShardKind::Texts, texts, text_shards);
        postings.check_table()?;
        texts.check_table()?;
        let avg_len = f32::from_bits(get_u32(bytes, 80).ok_or(OpenError::Corrupt("header"))?);
        let fst = fst::Map::new(fst_bytes).map_err(|e| OpenError::Fst(e.to_string()))?;
        // fst trusts its bytes when walking them; its checksum (CRC32C, one fast
        // pass) turns a damaged dictionary into this error instead of a panic.
        fst.as_fst()
            .verify()
            .map_err(|e| OpenError::Fst(e.to_string()))?;
        let index = Index {
            fst,
            postings,
            texts,
            sections,
            docs,
            strings,
            entities,
            aside,
            variants,
            events,
            avg_len,
        };
        index.validate(section_count, doc_count, aside_count)?;
        index.validate_events(event_count, section_count)?;
        for e in 0..entity_count {
            let rec = &index.entities[e * ENTITY_LEN..];
            index
                .checked_str(rec, 0)
                .zip(index.checked_str(rec, 8))
                .ok_or(OpenError::Corrupt("entity name"))?;
        }
        Ok(index)
    }

    fn validate(
        &self,
        section_count: usize,
        doc_count: usize,
        aside_count: usize,
    ) -> Result<(), OpenError> {
        if !self.avg_len.is_finite() || self.avg_len < 0.0 {
            return Err(OpenError::Corrupt("average section length"));
        }
        for d in 0..doc_count {
            let rec = &self.docs[d * DOC_LEN..];
            for f in (0..DOC_STRINGS).filter(|&f| f != 6) {
                self.checked_str(rec, f * 8)
                    .ok_or(OpenError::Corrupt("document string"))?;
            }
            let first = get_u32(rec, DOC_STRINGS * 8).unwrap_or(u32::MAX) as usize;
            let count = get_u32(rec, DOC_STRINGS * 8 + 4).unwrap_or(u32::MAX) as usize;
            if first
                .checked_add(count)
                .is_none_or(|end| end > section_count)
            {
                return Err(OpenError::Corrupt("document sections"));
            }
            let first = get_u32(rec, DOC_STRINGS * 8 + 8).unwrap_or(u32::MAX) as usize;
            let count = get_u32(rec, DOC_STRINGS * 8 + 12).unwrap_or(u32::MAX) as usize;
            if first.checked_add(count).is_none_or(|end| end > aside_count) {
                return Err(OpenError::Corrupt("document aside spans"));
            }
            let text_off = get_u32(rec, 6 * 8).unwrap_or(u32::MAX) as usize;
            let text_len = get_u32(rec, 6 * 8 + 4).unwrap_or(u32::MAX) as usize;
            let fits = text_off
                .checked_add(text_len)
                .is_some_and(|end| end <= self.texts.len(self.texts.whole.len()));
            let whole_ok = self.texts.split()
                || self
                    .texts
                    .whole
                    .get(text_off..text_off + text_len)
                    .is_some();
            if !fits || !whole_ok || !self.texts.in_one_shard(text_off, text_len) {
                return Err(OpenError::Corrupt("document text"));
            }
            for a in first..first + count {
                let (start, end) = self.aside_at(a);
                if start > end || end > text_len {
                    return Err(OpenError::Corrupt("aside span"));
                }
            }
        }
        for s in 0..section_count {
            let rec = &self.sections[s * SECTION_LEN..];
            let doc = get_u32(rec, 0).unwrap_or(u32::MAX) as usize;
            if doc >= doc_count {
                return Err(OpenError::Corrupt("section document"));
            }
            let doc_rec = &self.docs[doc * DOC_LEN..];
            let text_len = get_u32(doc_rec, 6 * 8 + 4).unwrap_or(0) as usize;
            let text = self.doc(doc as u32).text;
            let (start, end) = (
                get_u32(rec, 4).unwrap_or(0) as usize,
                get_u32(rec, 8).unwrap_or(0) as usize,
            );
            let whole_ok = self.texts.split() || text.get(start..end).is_some();
            if start > end || end > text_len || !whole_ok {
                return Err(OpenError::Corrupt("section range"));
            }
            self.checked_str(rec, 12)
                .ok_or(OpenError::Corrupt("section title"))?;
            self.checked_str(rec, 24)
                .ok_or(OpenError::Corrupt("section language"))?;
        }
        Ok(())
    }

    /// Every event names a section, a span of real days in order, and words
    /// inside its document's text (on character boundaries, where the text
    /// is here), so the timeline can slice the text without checking again.
    fn validate_events(&self, event_count: usize, section_count: usize) -> Result<(), OpenError> {
        let bad = OpenError::Corrupt("event");
        for e in 0..event_count {
            let ev = self.event(e as u32).ok_or(bad.clone())?;
            let days = FIRST_DAY..=LAST_DAY;
            if ev.section as usize >= section_count
                || ev.when.start > ev.when.end
                || !days.contains(&ev.when.start)
                || !days.contains(&ev.when.end)
            {
                return Err(bad);
            }
            let doc = self.section_doc(ev.section);
            let rec = &self.docs[doc as usize * DOC_LEN..];
            let text_len = get_u32(rec, 6 * 8 + 4).unwrap_or(0) as usize;
            let end = ev.start.checked_add(ev.len).ok_or(bad.clone())?;
            let words_ok = self.texts.split() || self.doc(doc).text.get(ev.start..end).is_some();
            if end > text_len || !words_ok {
                return Err(bad);
            }
        }
        Ok(())
    }

    fn aside_at(&self, a: usize) -> (usize, usize) {
        (
            get_u32(self.aside, a * ASIDE_LEN).unwrap_or(0) as usize,
            get_u32(self.aside, a * ASIDE_LEN + 4).unwrap_or(0) as usize,
        )
    }

    fn checked_str(&self, rec: &[u8], at: usize) -> Option<&'a str> {
        let off = get_u32(rec, at)? as usize;
        let len = get_u32(rec, at + 4)? as usize;
        // `get` checks bounds and character boundaries in O(1).
        self.strings.get(off..off.checked_add(len)?)
    }

    fn str_at(&self, rec: &[u8], at: usize) -> &'a str {
        // Validated in `open`; a failure here can only mean a bug, so show nothing.
        self.checked_str(rec, at).unwrap_or("")
    }

    /// Number of documents.
    pub fn doc_count(&self) -> u32 {
        (self.docs.len() / DOC_LEN) as u32
    }

    /// Number of sections.
    pub fn section_count(&self) -> u32 {
        (self.sections.len() / SECTION_LEN) as u32
    }

    /// Number of distinct terms.
    pub fn term_count(&self) -> usize {
        self.fst.len()
    }

    /// Mean tokens per section.
    pub fn avg_len(&self) -> f32 {
        self.avg_len
    }

    /// Document `ord`. Panics if `ord >= doc_count()`.
    pub fn doc(&self, ord: u32) -> Doc<'a> {
        let rec = &self.docs[ord as usize * DOC_LEN..(ord as usize + 1) * DOC_LEN];
        let s = |f: usize| self.str_at(rec, f * 8);
        Doc {
            ord,
            id: s(0),
            title: s(1),
            source: s(2),
            date: s(3),
            lang: s(4),
            url: s(5),
            text: self.doc_text(rec),
            author: s(7),
            first_section: get_u32(rec, DOC_STRINGS * 8).unwrap_or(0),
            section_count: get_u32(rec, DOC_STRINGS * 8 + 4).unwrap_or(0),
            first_aside: get_u32(rec, DOC_STRINGS * 8 + 8).unwrap_or(0),
            aside_count: get_u32(rec, DOC_STRINGS * 8 + 12).unwrap_or(0),
        }
    }

    /// One string of a document's metadata, without its text: filters and
    /// facets read one field of thousands of documents, and the text's
    /// bounds would cost two cache misses each in a large index.
    pub fn doc_field(&self, ord: u32, field: DocField) -> &'a str {
        let rec = &self.docs[ord as usize * DOC_LEN..(ord as usize + 1) * DOC_LEN];
        self.str_at(rec, field as usize * 8)
    }

    /// A document's text, or "" while its shard has not arrived.
    fn doc_text(&self, rec: &[u8]) -> &'a str {
        let (Some(off), Some(len)) = (get_u32(rec, 6 * 8), get_u32(rec, 6 * 8 + 4)) else {
            return "";
        };
        match self.texts.at(off as usize, false) {
            Some((text, at)) => text.get(at..at + len as usize).unwrap_or(""),
            None => "",
        }
    }

    /// Whether this index is split: postings and texts arrive in shards
    /// (see [`Index::wanted`] and [`Index::provide`]).
    pub fn is_split(&self) -> bool {
        self.postings.split() || self.texts.split()
    }

    /// Whether document `ord`'s text is here; if not, its shard is asked
    /// for. Always true for a whole index.
    pub fn want_text(&self, ord: u32) -> bool {
        let rec = &self.docs[ord as usize * DOC_LEN..(ord as usize + 1) * DOC_LEN];
        let off = get_u32(rec, 6 * 8).unwrap_or(0) as usize;
        let len = get_u32(rec, 6 * 8 + 4).unwrap_or(0);
        len == 0 || self.texts.at(off, true).is_some()
    }

    /// The shards asked for (by a query or [`Index::want_text`]) that have
    /// not arrived: fetch them and hand them to [`Index::provide`].
    pub fn wanted(&self) -> Vec<ShardId> {
        let mut out = self.postings.wanted();
        out.extend(self.texts.wanted());
        out
    }

    /// How many reads so far found their shard missing: a search that
    /// raised it has to be run again once the shards arrive.
    pub fn misses(&self) -> u64 {
        self.postings.misses.load(Ordering::Relaxed) + self.texts.misses.load(Ordering::Relaxed)
    }

    /// Number of shards of each kind (0 and 0 for a whole index).
    pub fn shard_counts(&self) -> (usize, usize) {
        (self.postings.loaded.len(), self.texts.loaded.len())
    }

    /// The file holding a shard, relative to the app.
    pub fn shard_file(&self, id: ShardId) -> String {
        let space = match id.kind {
            ShardKind::Postings => &self.postings.table,
            ShardKind::Texts => &self.texts.table,
        };
        let mut hash = [0; SHARD_HASH_LEN];
        if let Some(rec) = space.get(id.ord as usize * SHARD_LEN..(id.ord as usize + 1) * SHARD_LEN) {
            hash.copy_from_slice(&rec[8..8 + SHARD_HASH_LEN]);
        }
        shard_file(id.kind, &hash)
    }

    /// Whether a shard has arrived (always true for a whole index's regions).
    pub fn shard_loaded(&self, id: ShardId) -> bool {
        let i = id.ord as usize;
        match id.kind {
            ShardKind::Postings => self.postings.loaded.get(i).is_none_or(|s| s.get().is_some()),
            ShardKind::Texts => self.texts.loaded.get(i).is_none_or(|s| s.get().is_some()),
        }
    }

    /// The shards to fetch for those wanted: each postings shard with the
    /// others of its aligned block of [`PADDING`] (shards 0-2, 3-5, …), so the
    /// host learns only which block a word falls in, never the shard. (A
    /// block's shards always arrive together, so none of it is loaded when
    /// one is wanted.) Ascending, no repeats, none that has arrived.
    pub fn padded(&self, wanted: &[ShardId]) -> Vec<ShardId> {
        let (postings, _) = self.shard_counts();
        let mut out: Vec<ShardId> = wanted
            .iter()
            .flat_map(|&id| {
                let block = match id.kind {
                    ShardKind::Postings => {
                        let first = id.ord - id.ord % PADDING;
                        first..(first + PADDING).min(postings as u32)
                    }
                    ShardKind::Texts => id.ord..id.ord + 1,
                };
                block.map(move |ord| ShardId { kind: id.kind, ord })
            })
            .filter(|&id| !self.shard_loaded(id))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Checks a fetched shard's bytes against the index's record (length
    /// and hash) without keeping them: the app keeps only bytes that pass.
    pub fn check_shard(&self, id: ShardId, bytes: &[u8]) -> Result<(), OpenError> {
        match id.kind {
            ShardKind::Postings => self.postings.check(id.ord, bytes),
            ShardKind::Texts => self.texts.check(id.ord, bytes),
        }
    }

    /// The length in bytes the index lists for a shard: a response of
    /// another length is refused before its body is read.
    pub fn shard_len(&self, id: ShardId) -> Option<usize> {
        let space = match id.kind {
            ShardKind::Postings => &self.postings.table,
            ShardKind::Texts => &self.texts.table,
        };
        let rec = space.get(id.ord as usize * SHARD_LEN..(id.ord as usize + 1) * SHARD_LEN)?;
        get_u32(rec, 4).map(|n| n as usize)
    }

    /// Hands over a fetched shard: checked against the index's record (length
    /// and hash), then read in place from then on.
    pub fn provide(&self, id: ShardId, bytes: &'a [u8]) -> Result<(), OpenError> {
        match id.kind {
            ShardKind::Postings => {
                self.postings.check(id.ord, bytes)?;
                self.postings.arrived(id.ord, bytes);
            }
            ShardKind::Texts => {
                self.texts.check(id.ord, bytes)?;
                let text = std::str::from_utf8(bytes)
                    .map_err(|_| OpenError::BadShard(self.shard_file(id)))?;
                self.texts.arrived(id.ord, text);
            }
        }
        Ok(())
    }

    /// The byte ranges of a document's text set aside as page furniture.
    pub fn aside(&self, doc: &Doc<'_>) -> Vec<std::ops::Range<usize>> {
        (doc.first_aside..doc.first_aside + doc.aside_count)
            .map(|a| {
                let (start, end) = self.aside_at(a as usize);
                start..end
            })
            .collect()
    }

    /// Number of dated events (publication dates and dates mentioned).
    pub fn event_count(&self) -> u32 {
        (self.events.len() / EVENT_LEN) as u32
    }

    /// Event `ord`, if the record reads.
    pub fn event(&self, ord: u32) -> Option<Event> {
        let rec = self
            .events
            .get(ord as usize * EVENT_LEN..(ord as usize + 1) * EVENT_LEN)?;
        let start = get_u32(rec, 4)? as i32;
        let end = get_u32(rec, 8)? as i32;
        let precision = Precision::from_u8(rec[18])?;
        let flags = rec[19];
        Some(Event {
            section: get_u32(rec, 0)?,
            when: When {
                start,
                end,
                precision,
            },
            start: get_u32(rec, 12)? as usize,
            len: usize::from(u16::from_le_bytes([rec[16], rec[17]])),
            relative: flags & EVENT_RELATIVE != 0,
            published: flags & EVENT_PUBLISHED != 0,
            inferred: flags & EVENT_INFERRED != 0,
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
        (self.entities.len() / ENTITY_LEN) as u32
    }

    /// Entity `ord`. Panics if `ord >= entity_count()`.
    pub fn entity(&self, ord: u32) -> Entity<'a> {
        let rec = &self.entities[ord as usize * ENTITY_LEN..(ord as usize + 1) * ENTITY_LEN];
        let lat = f32::from_bits(get_u32(rec, 20).unwrap_or(u32::MAX));
        let lon = f32::from_bits(get_u32(rec, 24).unwrap_or(u32::MAX));
        let at = (lat.is_finite() && lon.is_finite()).then_some((lat, lon));
        Entity {
            ord,
            name: self.str_at(rec, 0),
            kind: self.str_at(rec, 8),
            at,
            offset: get_u32(rec, 16).unwrap_or(u32::MAX),
        }
    }

    /// The entity an alias names, given its normalised form (`lang::alias_form`).
    pub fn entity_by_alias(&self, form: &str) -> Option<Entity<'a>> {
        let ord = self.fst.get(alias_key(form))?;
        u32::try_from(ord)
            .ok()
            .filter(|&o| o < self.entity_count())
            .map(|o| self.entity(o))
    }

    /// Where an entity is mentioned: sections and token positions.
    pub fn entity_postings(&self, entity: &Entity<'_>) -> Vec<Posting> {
        self.postings_at(entity.offset as usize)
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
        let rec = &self.sections[ord as usize * SECTION_LEN..(ord as usize + 1) * SECTION_LEN];
        let doc = get_u32(rec, 0).unwrap_or(0);
        let (start, end) = (
            get_u32(rec, 4).unwrap_or(0) as usize,
            get_u32(rec, 8).unwrap_or(0) as usize,
        );
        let text = self.doc(doc).text.get(start..end).unwrap_or("");
        Section {
            ord,
            doc,
            start,
            text,
            title: self.str_at(rec, 12),
            len: get_u32(rec, 20).unwrap_or(0),
            lang: self.str_at(rec, 24),
        }
    }

    /// The document section `ord` belongs to, without touching its text.
    pub fn section_doc(&self, ord: u32) -> u32 {
        get_u32(self.sections, ord as usize * SECTION_LEN).unwrap_or(0)
    }

    /// Section `ord`'s language, without touching its text.
    pub fn section_lang(&self, ord: u32) -> &'a str {
        self.str_at(&self.sections[ord as usize * SECTION_LEN..], 24)
    }

    /// Number of tokens in section `ord` (for length normalisation), without
    /// touching its text. Panics if `ord >= section_count()`.
    pub fn section_len(&self, ord: u32) -> u32 {
        get_u32(self.sections, ord as usize * SECTION_LEN + 20).unwrap_or(0)
    }

    /// Postings offsets of the surface terms a variant key stands for
    /// (`None` if the key is absent). A damaged list ends early.
    pub fn variant_targets(&self, key: &str) -> Option<Vec<u32>> {
        let mut pos = self.fst.get(key)? as usize;
        let n = get_varint(self.variants, &mut pos)?;
        let mut out = Vec::with_capacity((n as usize).min(self.variants.len()));
        let mut offset = 0u32;
        for _ in 0..n {
            let Some(d) = get_varint(self.variants, &mut pos) else {
                break;
            };
            offset = offset.saturating_add(d);
            out.push(offset);
        }
        Some(out)
    }

    /// The postings offset of an exact surface term.
    pub fn term_offset(&self, term: &str) -> Option<u32> {
        self.fst.get(term).map(|v| v as u32)
    }

    /// The postings of a key: a surface term's own list, or for a variant key
    /// the union of its terms' lists (positions merged per section).
    pub fn key_postings(&self, key: &str) -> Vec<Posting> {
        if !key.starts_with(super::lang::VARIANT_MARK) {
            return self.postings(key);
        }
        let Some(targets) = self.variant_targets(key) else {
            return Vec::new();
        };
        let lists = targets.iter().map(|&t| self.postings_at(t as usize)).collect();
        super::merge::all(
            lists,
            |p| p.section,
            |a, b| Posting {
                section: a.section,
                tf: a.tf + b.tf,
                positions: super::merge::union(&a.positions, &b.positions),
            },
        )
    }

    /// Document frequency (number of sections) of an exact term; 0 if absent.
    /// Read from the dictionary: no postings are touched (or fetched).
    pub fn doc_freq(&self, term: &str) -> u32 {
        self.fst.get(term).map_or(0, |v| (v >> 32) as u32)
    }

    /// The postings list of an exact term; empty if the term is absent. A
    /// damaged list ends early instead of reading out of bounds.
    pub fn postings(&self, term: &str) -> Vec<Posting> {
        match self.fst.get(term) {
            Some(v) => self.postings_at(v as u32 as usize),
            None => Vec::new(),
        }
    }

    /// The postings list of an exact term without its positions: sections
    /// and occurrence counts only, for an option whose positions another
    /// option of the query already brings (a word and its stem's variants).
    pub fn counts(&self, term: &str) -> Vec<Posting> {
        match self.fst.get(term) {
            Some(v) => self.decode(v as u32 as usize, false),
            None => Vec::new(),
        }
    }

    fn postings_at(&self, off: usize) -> Vec<Posting> {
        self.decode(off, true)
    }

    fn decode(&self, off: usize, positions: bool) -> Vec<Posting> {
        let Some((bytes, mut pos)) = self.postings.at(off, true) else {
            return Vec::new();
        };
        let Some(df) = get_varint(bytes, &mut pos) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity((df as usize).min(self.section_count() as usize));
        let mut section = 0u32;
        let mut scratch = Vec::new();
        for _ in 0..df {
            let (Some(delta), Some(tf)) =
                (get_varint(bytes, &mut pos), get_varint(bytes, &mut pos))
            else {
                break;
            };
            section = section.saturating_add(delta);
            if section >= self.section_count() || tf as usize > bytes.len() {
                break;
            }
            // Decoded into a plain vector, then copied once: pushing into
            // a small vector checks where its items live at every push.
            scratch.clear();
            let mut p = 0u32;
            for _ in 0..tf {
                let Some(d) = get_varint(bytes, &mut pos) else {
                    break;
                };
                p = p.saturating_add(d);
                if positions {
                    scratch.push(p);
                }
            }
            out.push(Posting {
                section,
                tf,
                positions: Positions::from_slice(&scratch),
            });
        }
        out
    }

    /// Up to `limit` terms starting with `prefix`, in lexicographic order.
    pub fn terms_with_prefix(&self, prefix: &str, limit: usize) -> Vec<String> {
        self.collect_terms(
            self.fst
                .search(fst::automaton::Str::new(prefix).starts_with())
                .into_stream(),
            limit,
        )
    }

    /// Up to `limit` surface terms within `distance` edits of `term`
    /// (Levenshtein automaton over the dictionary); empty if the automaton
    /// would be too large.
    pub fn terms_near(&self, term: &str, distance: u32, limit: usize) -> Vec<String> {
        match fst::automaton::Levenshtein::new(term, distance) {
            Ok(automaton) => self.collect_terms(self.fst.search(automaton).into_stream(), limit),
            Err(_) => Vec::new(),
        }
    }

    /// Korean nouns (particles stripped, see `lang`) of `chars` syllables
    /// give or take one, up to `limit` of them looked at. (fst's Levenshtein
    /// automaton misses multi-byte characters, so a Hangul typo is matched
    /// by walking the nouns and measuring each; see `spelling`.)
    pub fn nouns_of_length(&self, chars: usize, limit: usize) -> Vec<String> {
        let prefix = super::lang::variant_key("ko", "");
        let mut stream = self
            .fst
            .search(fst::automaton::Str::new(&prefix).starts_with())
            .into_stream();
        let mut out = Vec::new();
        let mut seen = 0;
        while let Some((key, _)) = stream.next() {
            seen += 1;
            if seen > limit {
                break;
            }
            if let Some(form) = std::str::from_utf8(key).ok().and_then(|k| k.strip_prefix(prefix.as_str())) {
                if form.chars().count().abs_diff(chars) <= 1 {
                    out.push(form.to_owned());
                }
            }
        }
        out
    }

    /// How many surface forms a Korean noun has in the index (0 if none).
    pub fn noun_forms(&self, noun: &str) -> u32 {
        self.variant_targets(&super::lang::variant_key("ko", noun))
            .map_or(0, |t| t.len() as u32)
    }

    fn collect_terms<'s>(
        &self,
        mut stream: fst::map::Stream<'s, impl fst::Automaton>,
        limit: usize,
    ) -> Vec<String> {
        let mut out = Vec::new();
        while let Some((term, _)) = stream.next() {
            if out.len() == limit {
                break;
            }
            // Variant and alias keys start with a control character; readers never type them.
            if let Ok(t) = std::str::from_utf8(term) {
                if !t.starts_with(|c: char| c.is_control()) {
                    out.push(t.to_owned());
                }
            }
        }
        out
    }

    /// Whether the exact term is in the dictionary.
    pub fn contains(&self, term: &str) -> bool {
        self.fst.contains_key(term)
    }
}
