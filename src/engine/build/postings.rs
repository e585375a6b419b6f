//! The writer's postings: each term's list encoded as its sections arrive,
//! the variant lists, the entities' lists and the dictionary keys that point
//! at them.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::engine::analysis::lang::{alias_form, Variants};
use crate::engine::analysis::terms;
use crate::engine::index::format::{alias_key, put_varint, term_value};
use crate::engine::index::records::{EntityRecord, StrRef};

use super::error::{to_u32, WriteError};
use super::input::EntityInput;
use super::scratch::Spool;
use super::segments::{merge, Segment, SegmentList};
use super::tables::StringTable;

/// A key of the term dictionary and its value.
pub(super) type DictEntry = (String, u64);

/// One term's postings as they are written (see format.rs), without the
/// leading document frequency, which is only known at the end.
#[derive(Default)]
struct TermPostings {
    df: u32,
    last_section: u32,
    bytes: Vec<u8>,
    /// The variant key it was last seen with, so the term joins its
    /// variant's set once, not at every section (see [`Terms::add_section`]).
    last_variant: Option<Box<str>>,
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

/// The postings region as it grows, and where each list starts.
pub(super) struct PostingsRegion {
    pub bytes: Spool,
    /// Where each list starts: the only places a shard may be cut.
    pub list_starts: Vec<u32>,
}

impl PostingsRegion {
    /// An empty region, kept in memory up to `budget` bytes.
    pub fn new(budget: usize) -> PostingsRegion {
        PostingsRegion { bytes: Spool::new("postings", budget), list_starts: Vec::new() }
    }

    /// Appends a list of `df` sections, encoded as `bytes`; returns its offset.
    fn push(&mut self, df: u32, bytes: &[u8]) -> Result<u32, WriteError> {
        let at = to_u32(self.bytes.len())?;
        self.list_starts.push(at);
        let mut head = Vec::with_capacity(5);
        put_varint(&mut head, df);
        self.bytes.extend(&head)?;
        self.bytes.extend(bytes)?;
        Ok(at)
    }
}

/// One distinct term of a section: its positions and its variant key.
struct SectionTerm {
    term: String,
    positions: Vec<u32>,
    variant: Option<String>,
}

/// A section's tokens grouped by term, each with its variant key (its stem):
/// the part of indexing a section that reads nothing of the rest of the
/// index, so the writer does it for many sections at once, on every core.
pub(super) struct SectionTerms(Vec<SectionTerm>);

impl SectionTerms {
    /// The terms of a section's `tokens` (positions are their indexes), in `lang`.
    pub fn of(tokens: Vec<String>, lang: &str) -> Result<Self, WriteError> {
        let variants = Variants::for_language(lang);
        let mut here: HashMap<String, Vec<u32>> = HashMap::new();
        for (position, term) in tokens.into_iter().enumerate() {
            here.entry(term).or_default().push(to_u32(position)?);
        }
        Ok(SectionTerms(
            here.into_iter()
                .map(|(term, positions)| SectionTerm { variant: variants.of(&term), term, positions })
                .collect(),
        ))
    }
}

/// The writer's hash maps: keyed by terms it made itself, so a fast hash
/// (foldhash) rather than the default SipHash, which resists crafted keys.
type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// Every term's postings and every variant's terms, as sections are added.
pub(super) struct Terms {
    // Encoded as sections arrive (a vector of positions per term and
    // section cost most of a large build's memory); hashed while
    // collecting, sorted once at the end.
    keys: FastMap<String, TermPostings>,
    /// Variant key -> the surface terms it stands for.
    variant_terms: FastMap<String, BTreeSet<String>>,
    /// Bytes the lists in `keys` hold, about.
    held: usize,
    /// Past this, [`Terms::spill_if_over`] writes `keys` to a segment.
    budget: usize,
    /// The lists written out so far, oldest first.
    segments: Vec<Segment>,
}

/// Memory the writer's term lists may take before they go to a segment on
/// disk (counted as their bytes and a slot each; the heap holds about twice
/// that).
pub(super) const SEGMENT_BUDGET: usize = 64 << 20;

/// A term's memory beside its list's bytes: its key, its map slot.
const TERM_OVERHEAD: usize = 96;

impl Default for Terms {
    fn default() -> Self {
        Terms {
            keys: FastMap::default(),
            variant_terms: FastMap::default(),
            held: 0,
            budget: SEGMENT_BUDGET,
            segments: Vec::new(),
        }
    }
}

impl Terms {
    /// Adds a section's terms (see [`SectionTerms::of`]).
    pub fn add_section(&mut self, section: u32, terms: SectionTerms) -> Result<(), WriteError> {
        for SectionTerm { term, positions, variant } in terms.0 {
            let entry = match self.keys.get_mut(&term) {
                Some(entry) => entry,
                None => {
                    self.held += term.len() + TERM_OVERHEAD;
                    self.keys.entry(term.clone()).or_default()
                }
            };
            let before = entry.bytes.capacity();
            entry.push(section, &positions)?;
            self.held += entry.bytes.capacity() - before;
            // A term's variant is the same in every section of a language:
            // its set is looked at again only when the variant changes.
            if let Some(v) = variant {
                if entry.last_variant.as_deref() != Some(v.as_str()) {
                    self.variant_terms.entry(v.clone()).or_default().insert(term);
                    entry.last_variant = Some(v.into_boxed_str());
                }
            }
        }
        Ok(())
    }

    /// Sets the memory the lists may take before they go to a segment.
    pub fn set_budget(&mut self, bytes: usize) {
        self.budget = bytes;
    }

    /// Writes the lists held to a segment on disk, and frees them, when they
    /// take more than the budget. Call between documents.
    pub fn spill_if_over(&mut self) -> Result<(), WriteError> {
        if self.held > self.budget {
            let lists = sorted_lists(std::mem::take(&mut self.keys));
            self.segments.push(Segment::write(lists)?);
            self.held = 0;
        }
        Ok(())
    }

    /// Writes every term's list (in key order, merged from its segments
    /// when some were written) and the variant lists; returns the dictionary
    /// entries of both and the variants region.
    pub fn write(mut self, postings: &mut PostingsRegion) -> Result<(Vec<DictEntry>, Vec<u8>), WriteError> {
        let mut entries: Vec<DictEntry> = Vec::with_capacity(self.keys.len() + self.variant_terms.len());
        let mut term_offsets: FastMap<String, u32> = FastMap::default();
        term_offsets.reserve(self.keys.len());
        let mut put = |list: SegmentList| -> Result<(), WriteError> {
            let at = postings.push(list.df, &list.bytes)?;
            entries.push((list.term.clone(), term_value(at, list.df)));
            term_offsets.insert(list.term, at);
            Ok(())
        };
        let lists = sorted_lists(std::mem::take(&mut self.keys));
        if self.segments.is_empty() {
            lists.into_iter().try_for_each(&mut put)?;
        } else {
            self.segments.push(Segment::write(lists)?);
            merge(&self.segments, &mut put)?;
        }
        let mut region = Vec::new();
        let mut sorted_variants: Vec<(&String, &BTreeSet<String>)> = self.variant_terms.iter().collect();
        sorted_variants.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (key, terms) in sorted_variants {
            entries.push((key.clone(), region.len() as u64));
            let mut offsets: Vec<u32> = terms
                .iter()
                .filter_map(|t| term_offsets.get(t.as_str()).copied())
                .collect();
            offsets.sort_unstable();
            put_varint(&mut region, to_u32(offsets.len())?);
            let mut prev = 0;
            for o in offsets {
                put_varint(&mut region, o - prev);
                prev = o;
            }
        }
        Ok((entries, region))
    }
}

/// The lists of `keys` as segment lists, in term order.
fn sorted_lists(keys: FastMap<String, TermPostings>) -> Vec<SegmentList> {
    let mut lists: Vec<SegmentList> = keys
        .into_iter()
        .map(|(term, p)| SegmentList { term, df: p.df, last_section: p.last_section, bytes: p.bytes })
        .collect();
    lists.sort_unstable_by(|a, b| a.term.cmp(&b.term));
    lists
}

/// Where each entity is mentioned: (section, token positions), by section.
pub(super) type EntityLists = Vec<Vec<(u32, Vec<u32>)>>;

/// Writes the entities the corpus mentions (renumbered in order) and their
/// lists; returns the entity table and each input entity's new ordinal.
pub(super) fn write_entities(
    entities: &[EntityInput],
    notes: &[Option<String>],
    lists: &mut EntityLists,
    strings: &mut StringTable,
    postings: &mut PostingsRegion,
) -> Result<(Vec<u8>, Vec<Option<u32>>), WriteError> {
    let mut table = Vec::new();
    let mut kept: Vec<Option<u32>> = vec![None; entities.len()];
    for (e, list) in lists.iter_mut().enumerate() {
        if list.is_empty() {
            continue;
        }
        for (_, positions) in list.iter_mut() {
            positions.sort_unstable();
            positions.dedup();
        }
        kept[e] = Some(to_u32(table.len() / EntityRecord::LEN)?);
        let entity = &entities[e];
        let name: StrRef = strings.add(&entity.name)?;
        let kind = strings.add(&entity.kind)?;
        let note = strings.add(notes.get(e).and_then(Option::as_deref).unwrap_or(""))?;
        let mut encoded = TermPostings::default();
        for (section, positions) in list.iter() {
            encoded.push(*section, positions)?;
        }
        EntityRecord {
            name,
            kind,
            postings: postings.push(encoded.df, &encoded.bytes)?,
            at: entity.at.unwrap_or((f32::NAN, f32::NAN)),
            note,
        }
        .encode(&mut table);
    }
    Ok((table, kept))
}

/// The dictionary entries of every name of a kept entity; a name two kept
/// entities share goes to the one named more often.
pub(super) fn alias_entries(entities: &[EntityInput], lists: &EntityLists, kept: &[Option<u32>]) -> Vec<DictEntry> {
    let mut alias_keys: BTreeMap<String, (usize, u32)> = BTreeMap::new();
    for (e, ord) in kept.iter().enumerate().filter_map(|(e, o)| o.map(|o| (e, o))) {
        let weight: usize = lists[e].iter().map(|(_, p)| p.len()).sum();
        let entity = &entities[e];
        for alias in entity.aliases.iter().chain(&entity.gazetteer_aliases).chain([&entity.name]) {
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
    alias_keys.into_iter().map(|(key, (_, ord))| (key, u64::from(ord))).collect()
}
