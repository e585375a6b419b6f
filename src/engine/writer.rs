//! Builds index bytes (see [`super::format`]) from documents. Runs at build
//! time in `build.rs`, and natively in the CLI and tests; never in the browser.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::ops::Range;

use super::analysis::{normalize, scan, terms};
use super::format::{
    alias_key, in_aside, put_varint, shard_file, term_value, ShardKind, ASIDE_LEN, DOC_LEN,
    ENTITY_LEN, EVENT_INFERRED, EVENT_LEN, EVENT_PUBLISHED, EVENT_RELATIVE, FLAG_SPLIT, HEADER_LEN,
    MAGIC, SECTION_LEN, SHARD_LEN, VERSION,
    shard_hash, ShardHash,
};
use super::lang::{alias_form, Variants};

/// Metadata and text of one document, as handed to the writer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocInput {
    /// Stable id: the corpus file name.
    pub id: String,
    /// Display title.
    pub title: String,
    /// Outlet or publisher; empty when unknown.
    pub source: String,
    /// Who wrote it; empty when unknown.
    pub author: String,
    /// Publication date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; empty when unknown.
    pub date: String,
    /// ISO 639-1 language code; empty when unknown.
    pub lang: String,
    /// Original address; empty when unknown.
    pub url: String,
    /// The full text shown in the reader.
    pub text: String,
    /// The indexed parts of `text`. Text outside every section is shown in
    /// the reader but never indexed.
    pub sections: Vec<SectionInput>,
    /// Byte ranges of `text` set aside as page furniture: shown in the
    /// reader, never indexed, even inside a section. Sorted, disjoint.
    pub aside: Vec<Range<usize>>,
}

/// One searchable part of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SectionInput {
    /// The section's own heading, if the document has several.
    pub title: Option<String>,
    /// Byte range of the section in the document text.
    pub range: Range<usize>,
    /// The section's language (ISO 639-1), which decides its stemmer.
    pub lang: String,
}

/// A place or organisation and the names it goes by in any language.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntityInput {
    /// The name shown to readers ("Shenzhen").
    pub name: String,
    /// What it is: one of [`super::mentions::PLACE_KINDS`], or organisation, topic …
    pub kind: String,
    /// Curated names to recognise, in any language and script, trusted as written.
    pub aliases: Vec<String>,
    /// Names from the gazetteer, held to stricter rules (see [`super::mentions`]).
    pub gazetteer_aliases: Vec<String>,
    /// ISO 3166 country code, for regional context; empty when unknown.
    pub country: String,
    /// Inhabitants, to choose between places of the same name; 0 when unknown.
    pub population: u64,
    /// Latitude and longitude in degrees, for places on the map.
    pub at: Option<(f32, f32)>,
    /// Listed in the curated entities file: preferred over a gazetteer-only
    /// place of the same name when the context does not decide.
    pub curated: bool,
    /// GeoNames id, for places from the gazetteer; 0 otherwise.
    pub geonames: u32,
}

/// Why the writer refused its input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// Two documents share an id.
    DuplicateId(String),
    /// A section or aside range is outside the text or not on a character boundary.
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
                write!(
                    f,
                    "document {doc:?}: range {range:?} is not a valid range of its text"
                )
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
    entities: Vec<EntityInput>,
}

impl IndexWriter {
    /// An empty writer.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the places and organisations to recognise in every language.
    pub fn set_entities(&mut self, entities: Vec<EntityInput>) {
        self.entities = entities;
    }

    /// Adds a document; its sections and aside spans are checked against its text.
    pub fn add(&mut self, doc: DocInput) -> Result<(), WriteError> {
        if self.docs.iter().any(|d| d.id == doc.id) {
            return Err(WriteError::DuplicateId(doc.id));
        }
        let ranges = doc.sections.iter().map(|s| &s.range).chain(&doc.aside);
        for range in ranges {
            let ok = range.start <= range.end
                && range.end <= doc.text.len()
                && doc.text.is_char_boundary(range.start)
                && doc.text.is_char_boundary(range.end);
            if !ok {
                return Err(WriteError::BadSection {
                    doc: doc.id,
                    range: range.clone(),
                });
            }
        }
        self.docs.push(doc);
        Ok(())
    }

    /// Analyses every section and writes a whole index (every region in
    /// one file, as the app embeds it).
    pub fn finish(self) -> Result<Vec<u8>, WriteError> {
        self.build()?.assemble(false)
    }

    /// Analyses every section and writes a split index: the head (the term
    /// dictionary and every table) and the shards holding the postings and
    /// the texts, cut at list and document boundaries near the given sizes.
    pub fn finish_split(self, options: SplitOptions) -> Result<SplitIndex, WriteError> {
        let mut parts = self.build()?;
        let mut shards = Vec::new();
        let postings = std::mem::take(&mut parts.postings);
        let texts = std::mem::take(&mut parts.texts);
        for (kind, region, starts, target) in [
            (
                ShardKind::Postings,
                postings,
                &parts.list_starts,
                options.postings_bytes,
            ),
            (
                ShardKind::Texts,
                texts,
                &parts.text_starts,
                options.text_bytes,
            ),
        ] {
            let table = if kind == ShardKind::Postings {
                &mut parts.postings_shards
            } else {
                &mut parts.text_shards
            };
            for range in cut(region.len(), starts, target) {
                let bytes = region[range.clone()].to_vec();
                let hash = shard_hash(&bytes);
                for v in [to_u32(range.start)?, to_u32(range.len())?] {
                    table.extend_from_slice(&v.to_le_bytes());
                }
                table.extend_from_slice(&hash);
                shards.push(Shard { kind, hash, bytes });
            }
        }
        Ok(SplitIndex {
            head: parts.assemble(true)?,
            shards,
        })
    }

    fn build(mut self) -> Result<Parts, WriteError> {
        self.docs.sort_by(|a, b| a.id.cmp(&b.id));
        let mut strings = StringTable::default();
        let mut texts: Vec<u8> = Vec::new();
        let mut text_starts = Vec::with_capacity(self.docs.len());
        // Each term's postings, encoded as its sections arrive (a vector of
        // positions per term and section cost most of a large build's memory);
        // hashed while collecting, sorted once at the end.
        let mut keys: HashMap<String, TermPostings> = HashMap::new();
        // Variant key -> the surface terms it stands for.
        let mut variant_terms: HashMap<String, std::collections::BTreeSet<String>> = HashMap::new();
        let mut entity_postings: Vec<Vec<(u32, Vec<u32>)>> = vec![Vec::new(); self.entities.len()];
        let mut sections = Vec::new();
        let mut docs = Vec::new();
        let mut aside = Vec::new();
        let mut events = Vec::new();
        let mut total_tokens: u64 = 0;

        let mentions = super::mentions::find(&self.docs, &self.entities);
        let mut mention_at = mentions.iter().peekable();
        for (doc_no, doc) in self.docs.iter().enumerate() {
            let doc_no = to_u32(doc_no)?;
            let first_section = to_u32(sections.len() / SECTION_LEN)?;
            let first_aside = to_u32(aside.len() / 8)?;
            for r in &doc.aside {
                aside.extend_from_slice(&to_u32(r.start)?.to_le_bytes());
                aside.extend_from_slice(&to_u32(r.end)?.to_le_bytes());
            }
            let dates = super::temporal::date_doc(doc);
            for (s, d) in doc.sections.iter().zip(&dates) {
                let section_no = to_u32(sections.len() / SECTION_LEN)?;
                write_events(&mut events, section_no, d)?;
                let text = &doc.text[s.range.clone()];
                let tokens = indexed_tokens(text, s.range.start, &doc.aside);
                let variants = Variants::for_language(&s.lang);
                let token_count = tokens.len();
                let mut here: HashMap<String, Vec<u32>> = HashMap::new();
                for (position, term) in tokens.into_iter().enumerate() {
                    here.entry(term).or_default().push(to_u32(position)?);
                }
                for (term, positions) in here {
                    if let Some(v) = variants.of(&term) {
                        let set = variant_terms.entry(v).or_default();
                        if !set.contains(&term) {
                            set.insert(term.clone());
                        }
                    }
                    let entry = match keys.get_mut(&term) {
                        Some(entry) => entry,
                        None => keys.entry(term).or_default(),
                    };
                    entry.push(section_no, &positions)?;
                }
                let section_in_doc = section_no - first_section;
                while let Some(m) = mention_at
                    .next_if(|m| m.doc == doc_no as usize && m.section == section_in_doc as usize)
                {
                    let list = &mut entity_postings[m.entity];
                    let positions = m.tokens.clone();
                    match list.last_mut() {
                        Some((sec, p)) if *sec == section_no => p.extend(positions),
                        _ => list.push((section_no, positions.collect())),
                    }
                }
                total_tokens += token_count as u64;
                let title = strings.add(s.title.as_deref().unwrap_or(""))?;
                let lang = strings.add(&s.lang)?;
                for v in [
                    doc_no,
                    to_u32(s.range.start)?,
                    to_u32(s.range.end)?,
                    title.0,
                    title.1,
                    to_u32(token_count)?,
                    lang.0,
                    lang.1,
                ] {
                    sections.extend_from_slice(&v.to_le_bytes());
                }
            }
            text_starts.push(to_u32(texts.len())?);
            let text = (to_u32(texts.len())?, to_u32(doc.text.len())?);
            texts.extend_from_slice(doc.text.as_bytes());
            for field in [
                &doc.id,
                &doc.title,
                &doc.source,
                &doc.date,
                &doc.lang,
                &doc.url,
                &doc.text,
                &doc.author,
            ] {
                let (off, len) = if std::ptr::eq(field, &doc.text) {
                    text
                } else {
                    strings.add(field)?
                };
                docs.extend_from_slice(&off.to_le_bytes());
                docs.extend_from_slice(&len.to_le_bytes());
            }
            for v in [
                first_section,
                to_u32(doc.sections.len())?,
                first_aside,
                to_u32(doc.aside.len())?,
            ] {
                docs.extend_from_slice(&v.to_le_bytes());
            }
        }
        debug_assert_eq!(docs.len(), self.docs.len() * DOC_LEN);

        let mut postings = Vec::new();
        let mut fst_entries: Vec<(String, u64)> =
            Vec::with_capacity(keys.len() + variant_terms.len());
        let mut term_offsets: HashMap<&str, u32> = HashMap::with_capacity(keys.len());
        let mut sorted_keys: Vec<(&String, &TermPostings)> = keys.iter().collect();
        sorted_keys.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut list_starts = Vec::with_capacity(keys.len() + self.entities.len());
        for (key, list) in sorted_keys {
            fst_entries.push((key.clone(), term_value(to_u32(postings.len())?, list.df)));
            term_offsets.insert(key.as_str(), to_u32(postings.len())?);
            list_starts.push(to_u32(postings.len())?);
            put_varint(&mut postings, list.df);
            postings.extend_from_slice(&list.bytes);
        }
        let mut variants_region = Vec::new();
        let mut sorted_variants: Vec<(&String, &std::collections::BTreeSet<String>)> =
            variant_terms.iter().collect();
        sorted_variants.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (key, terms) in sorted_variants {
            fst_entries.push((key.clone(), variants_region.len() as u64));
            let mut offsets: Vec<u32> = terms
                .iter()
                .filter_map(|t| term_offsets.get(t.as_str()).copied())
                .collect();
            offsets.sort_unstable();
            put_varint(&mut variants_region, to_u32(offsets.len())?);
            let mut prev = 0;
            for o in offsets {
                put_varint(&mut variants_region, o - prev);
                prev = o;
            }
        }
        // Only entities the corpus mentions are kept, renumbered in order.
        let mut entities = Vec::new();
        let mut kept: Vec<Option<u32>> = vec![None; self.entities.len()];
        for (e, list) in entity_postings.iter_mut().enumerate() {
            if list.is_empty() {
                continue;
            }
            for (_, positions) in list.iter_mut() {
                positions.sort_unstable();
                positions.dedup();
            }
            kept[e] = Some(to_u32(entities.len() / super::format::ENTITY_LEN)?);
            let entity = &self.entities[e];
            let name = strings.add(&entity.name)?;
            let kind = strings.add(&entity.kind)?;
            let (lat, lon) = entity.at.unwrap_or((f32::NAN, f32::NAN));
            list_starts.push(to_u32(postings.len())?);
            for v in [
                name.0,
                name.1,
                kind.0,
                kind.1,
                to_u32(postings.len())?,
                lat.to_bits(),
                lon.to_bits(),
            ] {
                entities.extend_from_slice(&v.to_le_bytes());
            }
            write_list(&mut postings, list)?;
        }
        // Every name of a kept entity finds it; a name two kept entities
        // share goes to the one named more often.
        let mut alias_keys: BTreeMap<String, (usize, u32)> = BTreeMap::new();
        for (e, ord) in kept
            .iter()
            .enumerate()
            .filter_map(|(e, o)| o.map(|o| (e, o)))
        {
            let weight: usize = entity_postings[e].iter().map(|(_, p)| p.len()).sum();
            let entity = &self.entities[e];
            for alias in entity
                .aliases
                .iter()
                .chain(&entity.gazetteer_aliases)
                .chain([&entity.name])
            {
                let form = alias_form(&terms(alias));
                if form.is_empty() {
                    continue;
                }
                let slot = alias_keys.entry(alias_key(&form)).or_insert((weight, ord));
                if weight > slot.0 {
                    *slot = (weight, ord);
                }
            }
        }
        fst_entries.extend(
            alias_keys
                .into_iter()
                .map(|(key, (_, ord))| (key, u64::from(ord))),
        );
        fst_entries.sort_by(|a, b| a.0.cmp(&b.0));
        fst_entries.dedup_by(|a, b| a.0 == b.0);
        let mut fst_builder = fst::MapBuilder::memory();
        for (key, value) in &fst_entries {
            fst_builder
                .insert(key, *value)
                .map_err(|_| WriteError::TooLarge)?;
        }
        let fst_bytes = fst_builder.into_inner().map_err(|_| WriteError::TooLarge)?;

        let section_count = sections.len() / SECTION_LEN;
        let avg_len = if section_count == 0 {
            0.0
        } else {
            total_tokens as f32 / section_count as f32
        };
        Ok(Parts {
            fst: fst_bytes,
            postings,
            sections,
            docs,
            strings: strings.bytes,
            entities,
            aside,
            variants: variants_region,
            events,
            texts,
            postings_shards: Vec::new(),
            text_shards: Vec::new(),
            avg_len,
            list_starts,
            text_starts,
        })
    }
}

/// Options of a split index: the size each shard is cut near (a list or a
/// document larger than that gets a shard of its own).
#[derive(Debug, Clone, Copy)]
pub struct SplitOptions {
    /// Bytes of postings per shard.
    pub postings_bytes: usize,
    /// Bytes of text per shard.
    pub text_bytes: usize,
}

impl Default for SplitOptions {
    fn default() -> Self {
        // A query fetches one postings shard per word (a few for a prefix)
        // and one text shard per result shown: small text shards keep the
        // bytes per query low, larger postings shards keep the table small.
        SplitOptions {
            postings_bytes: 32 * 1024,
            text_bytes: 8 * 1024,
        }
    }
}

/// A split index: the head the app embeds, and the shard files beside it.
#[derive(Debug)]
pub struct SplitIndex {
    /// The head: every table and the term dictionary, no postings or texts.
    pub head: Vec<u8>,
    /// The shards, postings first, each in region order.
    pub shards: Vec<Shard>,
}

/// One shard file of a split index.
#[derive(Debug)]
pub struct Shard {
    /// Postings or texts.
    pub kind: ShardKind,
    /// Truncated SHA-256 of `bytes`, which names the file.
    pub hash: ShardHash,
    /// The bytes of the file.
    pub bytes: Vec<u8>,
}

impl Shard {
    /// The file's path relative to the app (see [`shard_file`]).
    pub fn file(&self) -> String {
        shard_file(self.kind, &self.hash)
    }
}

/// Every region of an index before it is laid out.
struct Parts {
    fst: Vec<u8>,
    postings: Vec<u8>,
    sections: Vec<u8>,
    docs: Vec<u8>,
    strings: Vec<u8>,
    entities: Vec<u8>,
    aside: Vec<u8>,
    variants: Vec<u8>,
    events: Vec<u8>,
    texts: Vec<u8>,
    postings_shards: Vec<u8>,
    text_shards: Vec<u8>,
    avg_len: f32,
    /// Where each postings list starts: the only places a shard may be cut.
    list_starts: Vec<u32>,
    /// Where each document's text starts.
    text_starts: Vec<u32>,
}

impl Parts {
    fn assemble(self, split: bool) -> Result<Vec<u8>, WriteError> {
        let mut out = Vec::with_capacity(
            HEADER_LEN
                + self.fst.len()
                + self.postings.len()
                + self.strings.len()
                + self.texts.len(),
        );
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(if split { FLAG_SPLIT } else { 0 }).to_le_bytes());
        // Header slots in order; the avg_len word sits between the eighth and ninth.
        let regions: [(&[u8], usize); 12] = [
            (&self.fst, self.fst.len()),
            (&self.postings, self.postings.len()),
            (&self.sections, self.sections.len() / SECTION_LEN),
            (&self.docs, self.docs.len() / DOC_LEN),
            (&self.strings, self.strings.len()),
            (&self.entities, self.entities.len() / ENTITY_LEN),
            (&self.aside, self.aside.len() / ASIDE_LEN),
            (&self.variants, self.variants.len()),
            (&self.events, self.events.len() / EVENT_LEN),
            (&self.texts, self.texts.len()),
            (
                &self.postings_shards,
                self.postings_shards.len() / SHARD_LEN,
            ),
            (&self.text_shards, self.text_shards.len() / SHARD_LEN),
        ];
        let mut offset = HEADER_LEN;
        for (i, (bytes, count)) in regions.iter().enumerate() {
            if i == 8 {
                out.extend_from_slice(&self.avg_len.to_le_bytes());
                out.extend_from_slice(&0u32.to_le_bytes());
            }
            out.extend_from_slice(&to_u32(offset)?.to_le_bytes());
            out.extend_from_slice(&to_u32(*count)?.to_le_bytes());
            offset += bytes.len();
        }
        debug_assert_eq!(out.len(), HEADER_LEN);
        for (bytes, _) in regions {
            out.extend_from_slice(bytes);
        }
        to_u32(out.len())?;
        Ok(out)
    }
}

/// Cuts `0..len` into ranges near `target` bytes, only at `starts` (sorted).
fn cut(len: usize, starts: &[u32], target: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut from, mut last) = (0usize, 0usize);
    for b in starts.iter().map(|&b| b as usize).chain([len]) {
        if b - from > target && last > from {
            out.push(from..last);
            from = last;
        }
        last = b;
    }
    if len > from {
        out.push(from..len);
    }
    out
}

/// The folded terms of a section's tokens, leaving out tokens that start in
/// an aside span (`base` is the section's offset in the document text).
/// Positions are the indexes of this list; the highlighter skips the same
/// tokens (see [`super::search::position_ranges`]).
pub fn indexed_tokens(text: &str, base: usize, aside: &[Range<usize>]) -> Vec<String> {
    let mut out = Vec::new();
    scan(text, |s, e| {
        if !in_aside(aside, base + s) {
            out.push(normalize(&text[s..e]));
        }
        true
    });
    out
}

/// A section's publication date and the dates it mentions, by first day.
fn write_events(
    out: &mut Vec<u8>,
    section: u32,
    dates: &super::temporal::SectionDates,
) -> Result<(), WriteError> {
    let mut records: Vec<(i32, i32, u32, u16, u8, u8)> = Vec::new();
    if let Some(p) = dates.published {
        let flags = EVENT_PUBLISHED
            | if dates.published_inferred {
                EVENT_INFERRED
            } else {
                0
            };
        records.push((p.start, p.end, 0, 0, p.precision as u8, flags));
    }
    for e in &dates.expressions {
        let len = u16::try_from(e.bytes.len()).unwrap_or(u16::MAX);
        let flags = if e.relative { EVENT_RELATIVE } else { 0 };
        records.push((
            e.when.start,
            e.when.end,
            to_u32(e.bytes.start)?,
            len,
            e.when.precision as u8,
            flags,
        ));
    }
    records.sort_by_key(|r| (r.0, r.1, r.2));
    for (start, end, at, len, precision, flags) in records {
        out.extend_from_slice(&section.to_le_bytes());
        out.extend_from_slice(&start.to_le_bytes());
        out.extend_from_slice(&end.to_le_bytes());
        out.extend_from_slice(&at.to_le_bytes());
        out.extend_from_slice(&len.to_le_bytes());
        out.push(precision);
        out.push(flags);
    }
    Ok(())
}

/// One term's postings as they are written (see format.rs), without the
/// leading document frequency, which is only known at the end.
#[derive(Default)]
struct TermPostings {
    df: u32,
    last_section: u32,
    bytes: Vec<u8>,
}

impl TermPostings {
    /// Appends a section's sorted positions; sections arrive in order.
    fn push(&mut self, section: u32, positions: &[u32]) -> Result<(), WriteError> {
        put_varint(&mut self.bytes, section - self.last_section);
        self.last_section = section;
        self.df += 1;
        put_varint(&mut self.bytes, to_u32(positions.len())?);
        let mut prev = 0;
        for &p in positions {
            put_varint(&mut self.bytes, p - prev);
            prev = p;
        }
        Ok(())
    }
}

/// Writes a whole postings list (an entity's), through the same encoder as terms.
fn write_list(postings: &mut Vec<u8>, list: &[(u32, Vec<u32>)]) -> Result<(), WriteError> {
    let mut encoded = TermPostings::default();
    for (section, positions) in list {
        encoded.push(*section, positions)?;
    }
    put_varint(postings, encoded.df);
    postings.extend_from_slice(&encoded.bytes);
    Ok(())
}

fn to_u32(v: usize) -> Result<u32, WriteError> {
    u32::try_from(v).map_err(|_| WriteError::TooLarge)
}

/// The string region; identical short strings are stored once.
#[derive(Default)]
struct StringTable {
    bytes: Vec<u8>,
    seen: HashMap<String, (u32, u32)>,
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
