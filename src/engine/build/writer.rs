//! Builds index bytes (see `index::format`) from documents. Runs at build
//! time in `build.rs`, and natively in the CLI and tests; never in the browser.
//!
//! The pipeline: documents sorted by id; places found across the corpus
//! ([`super::places`]); per section its dates ([`super::dates`]), its
//! tokens and their postings; then the dictionary and the layout.

use std::iter::Peekable;
use std::slice;

use rayon::prelude::*;

use crate::engine::analysis::{indexed, normalize, terms};

use super::dates::{date_doc, SectionDates};
use super::error::WriteError;
use super::input::{DocInput, EntityInput};
use super::layout::{Parts, SplitIndex, SplitOptions};
use super::notes;
use super::places::{self, Mention};
use super::postings::{alias_entries, write_entities, DictEntry, EntityLists, PostingsRegion, SectionTerms, Terms};
use super::tables::Tables;

/// How far [`IndexWriter::finish_with`] has gone, for a progress display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Places are being found across the corpus, in this many documents.
    Places(usize),
    /// The dates, tokens and postings of `done` documents of `total` are in.
    Indexed {
        /// Documents finished.
        done: usize,
        /// Documents in all.
        total: usize,
    },
    /// The postings are being written.
    Writing,
    /// The dictionary is being built and the regions put together.
    Assembling,
}

/// Collects documents and writes the index bytes.
#[derive(Debug, Default)]
pub struct IndexWriter {
    docs: Vec<DocInput>,
    entities: Vec<EntityInput>,
    /// Memory the term lists may take before they go to disk (default
    /// [`super::postings::SEGMENT_BUDGET`]).
    segment_budget: Option<usize>,
}

impl IndexWriter {
    /// An empty writer.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the memory the term lists may take while documents are added;
    /// beyond it they are written to segments in the temporary folder and
    /// merged at the end (the index bytes are the same either way).
    pub fn set_segment_budget(&mut self, bytes: usize) {
        self.segment_budget = Some(bytes);
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
        self.finish_with(&mut |_| {})
    }

    /// [`Self::finish`], telling `step` how far it has gone.
    pub fn finish_with(self, step: &mut dyn FnMut(Step)) -> Result<Vec<u8>, WriteError> {
        self.build(step)?.assemble(false)
    }

    /// Analyses every section and writes a split index: the head (the term
    /// dictionary and every table) and the shards holding the postings and
    /// the texts, cut at list and document boundaries near the given sizes.
    pub fn finish_split(self, options: SplitOptions) -> Result<SplitIndex, WriteError> {
        self.finish_split_with(options, &mut |_| {})
    }

    /// [`Self::finish_split`], telling `step` how far it has gone.
    pub fn finish_split_with(
        self,
        options: SplitOptions,
        step: &mut dyn FnMut(Step),
    ) -> Result<SplitIndex, WriteError> {
        self.build(step)?.split(options)
    }

    fn build(mut self, step: &mut dyn FnMut(Step)) -> Result<Parts, WriteError> {
        self.docs.sort_by(|a, b| a.id.cmp(&b.id));
        let total = self.docs.len();
        step(Step::Places(total));
        let mentions = places::find(&self.docs, &self.entities);
        let notes = notes::place_notes(&self.entities, &mentions);
        let mut terms = Terms::default();
        if let Some(bytes) = self.segment_budget {
            terms.set_budget(bytes);
        }
        let mut added = Added {
            tables: Tables::default(),
            terms,
            entity_lists: vec![Vec::new(); self.entities.len()],
            mention_at: mentions.iter().peekable(),
            doc_no: 0,
        };
        // A batch of documents is analysed on every core while this thread
        // adds the batch before it, in order (the adding is the one part
        // that cannot be shared, and waited for the analysis before); each
        // batch's texts are dropped once the tables hold them.
        let mut docs = std::mem::take(&mut self.docs).into_iter();
        let mut next: Vec<DocInput> = docs.by_ref().take(ANALYSE_BATCH).collect();
        let mut next_analysed = analyse_batch(&next);
        while !next.is_empty() {
            let batch = std::mem::replace(&mut next, docs.by_ref().take(ANALYSE_BATCH).collect());
            let analysed = next_analysed;
            let (ahead, here) = std::thread::scope(|scope| {
                let ahead = scope.spawn(|| analyse_batch(&next));
                let here = added.add_batch(&batch, analysed, &mut |done| step(Step::Indexed { done, total }));
                (ahead.join(), here)
            });
            here?;
            next_analysed = ahead.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        }
        let Added { mut tables, terms, mut entity_lists, .. } = added;
        step(Step::Writing);
        let mut postings = PostingsRegion::default();
        // (The in-memory lists and segments go as their lists reach the
        // region, before the dictionary and the layout need memory.)
        let (mut entries, variants) = terms.write(&mut postings)?;
        step(Step::Assembling);
        let (entities, kept) =
            write_entities(&self.entities, &notes, &mut entity_lists, &mut tables.strings, &mut postings)?;
        entries.extend(alias_entries(&self.entities, &entity_lists, &kept));
        let avg_len = tables.avg_len();
        Ok(Parts {
            fst: dictionary(entries)?,
            postings: postings.bytes,
            sections: tables.sections,
            docs: tables.docs,
            strings: tables.strings.bytes,
            entities,
            aside: tables.aside,
            variants,
            events: tables.events,
            texts: tables.texts,
            postings_shards: Vec::new(),
            text_shards: Vec::new(),
            avg_len,
            list_starts: postings.list_starts,
            text_starts: tables.text_starts,
        })
    }
}

/// Documents analysed at once (on every core) between two additions.
const ANALYSE_BATCH: usize = 256;

/// A batch's documents analysed, each its sections' work or why not.
type Analysed = Vec<Result<Vec<SectionWork>, WriteError>>;

/// Analyses a batch of documents on every core.
fn analyse_batch(batch: &[DocInput]) -> Analysed {
    batch.par_iter().map(analyse).collect()
}

/// What the documents added so far make: the tables, the terms' postings
/// and the entities' lists, and where the next document goes.
struct Added<'m> {
    tables: Tables,
    terms: Terms,
    entity_lists: EntityLists,
    mention_at: Peekable<slice::Iter<'m, Mention>>,
    doc_no: u32,
}

impl Added<'_> {
    /// Adds an analysed batch in order, telling `done` how many documents are in.
    fn add_batch(&mut self, batch: &[DocInput], analysed: Analysed, done: &mut dyn FnMut(usize)) -> Result<(), WriteError> {
        for (doc, sections) in batch.iter().zip(analysed) {
            let first_section = self.tables.next_section()?;
            let first_aside = self.tables.add_aside(doc)?;
            for (s, work) in doc.sections.iter().zip(sections?) {
                let section_no = self.tables.next_section()?;
                self.tables.add_events(section_no, &work.dates)?;
                self.terms.add_section(section_no, work.terms)?;
                let in_doc = (self.doc_no as usize, (section_no - first_section) as usize);
                add_mentions(&mut self.entity_lists, &mut self.mention_at, in_doc, section_no);
                self.tables.add_section(self.doc_no, s, work.token_count, work.title)?;
            }
            self.tables.add_doc(doc, first_section, first_aside)?;
            self.terms.spill_if_over()?;
            self.doc_no += 1;
            done(self.doc_no as usize);
        }
        Ok(())
    }
}

/// What a section contributes, worked out apart from the rest of the index.
struct SectionWork {
    dates: SectionDates,
    token_count: usize,
    /// Where its title stands among its tokens (see [`title_span`]).
    title: (u16, u16),
    terms: SectionTerms,
}

/// A document's sections analysed: dates, tokens, title span, terms.
fn analyse(doc: &DocInput) -> Result<Vec<SectionWork>, WriteError> {
    doc.sections
        .iter()
        .zip(date_doc(doc))
        .map(|(s, dates)| {
            let tokens = indexed_tokens(&doc.text[s.range.clone()], s.range.start, &doc.aside);
            let token_count = tokens.len();
            let title = title_span(&tokens, s.title.as_deref().unwrap_or(&doc.title));
            let terms = SectionTerms::of(tokens, &s.lang)?;
            Ok(SectionWork { dates, token_count, title, terms })
        })
        .collect()
}

/// Adds the mentions found in section `in_doc` (document, section within
/// it) to their entities' lists, as section `section_no`.
fn add_mentions(
    lists: &mut EntityLists,
    mentions: &mut Peekable<slice::Iter<'_, Mention>>,
    in_doc: (usize, usize),
    section_no: u32,
) {
    while let Some(m) = mentions.next_if(|m| (m.doc, m.section) == in_doc) {
        let list = &mut lists[m.entity];
        let positions = m.tokens.clone();
        match list.last_mut() {
            Some((sec, p)) if *sec == section_no => p.extend(positions),
            _ => list.push((section_no, positions.collect())),
        }
    }
}

/// How far into a section its title is looked for, in tokens (a caption or
/// a dateline may stand before it).
const TITLE_SEARCH: usize = 256;

/// Where the section's title (its heading, or its document's title) stands
/// among its first tokens: (first, one past last) position, or (0, 0) when
/// its text does not hold it (a title given in the metadata file). A teaser
/// title cut with "…" may end in half a word, so that word is not required.
fn title_span(tokens: &[String], title: &str) -> (u16, u16) {
    let mut want = terms(title.trim_end_matches('…'));
    if title.ends_with('…') && want.len() > 1 {
        want.pop();
    }
    if want.is_empty() {
        return (0, 0);
    }
    let last = tokens.len().saturating_sub(want.len()).min(TITLE_SEARCH);
    (0..=last)
        .find(|&start| tokens[start..].starts_with(&want))
        .map_or((0, 0), |start| {
            let end = (start + want.len()).min(usize::from(u16::MAX));
            (start as u16, end as u16)
        })
}

/// The term dictionary over every key: terms, variants and aliases.
fn dictionary(mut entries: Vec<DictEntry>) -> Result<Vec<u8>, WriteError> {
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries.dedup_by(|a, b| a.0 == b.0);
    let mut builder = fst::MapBuilder::memory();
    for (key, value) in &entries {
        builder
            .insert(key, *value)
            .map_err(|e| WriteError::Dictionary(e.to_string()))?;
    }
    builder
        .into_inner()
        .map_err(|e| WriteError::Dictionary(e.to_string()))
}

/// The folded terms of a section's tokens, leaving out tokens that start in
/// an aside span (`base` is the section's offset in the document text).
/// Positions are the indexes of this list (see [`indexed`]).
pub fn indexed_tokens(text: &str, base: usize, aside: &[std::ops::Range<usize>]) -> Vec<String> {
    let mut out = Vec::new();
    indexed(text, base, aside, |s, e| {
        out.push(normalize(&text[s..e]));
        true
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::build::SectionInput;
    use crate::engine::index::Index;

    fn doc(n: usize) -> DocInput {
        let text = format!("Document {n} names Shenzhen in {} and the harbour of text {n}.", 1900 + n % 100);
        DocInput {
            id: format!("doc-{n:04}.txt"),
            lang: "en".into(),
            sections: vec![SectionInput { title: None, range: 0..text.len(), lang: "en".into() }],
            text,
            ..DocInput::default()
        }
    }

    #[test]
    fn batches_analysed_ahead_are_added_once_each_and_in_order() {
        // More than two batches, the last one short, handed over out of order.
        let count = 2 * ANALYSE_BATCH + 17;
        let mut w = IndexWriter::new();
        for n in (0..count).rev() {
            w.add(doc(n)).unwrap();
        }
        let mut done = Vec::new();
        let bytes = w
            .finish_with(&mut |s| {
                if let Step::Indexed { done: d, .. } = s {
                    done.push(d)
                }
            })
            .unwrap();
        assert_eq!(done, (1..=count).collect::<Vec<_>>(), "progress counts every document once, in order");
        let index = Index::open(&bytes).unwrap();
        assert_eq!(index.doc_count() as usize, count);
        for n in [0, ANALYSE_BATCH - 1, ANALYSE_BATCH, count - 1] {
            let d = index.doc(n as u32);
            assert_eq!(d.id, format!("doc-{n:04}.txt"));
            assert!(d.text.contains(&format!("text {n}.")), "{n}: its own text");
        }
        // And the same bytes as written again.
        let mut again = IndexWriter::new();
        for n in 0..count {
            again.add(doc(n)).unwrap();
        }
        assert_eq!(again.finish().unwrap(), bytes);
    }

    #[test]
    fn lists_spilled_to_segments_give_the_same_index() {
        let count = ANALYSE_BATCH + 40;
        let build = |budget: Option<usize>| {
            let mut w = IndexWriter::new();
            if let Some(b) = budget {
                w.set_segment_budget(b);
            }
            for n in 0..count {
                w.add(doc(n)).unwrap();
            }
            w.finish().unwrap()
        };
        // A budget of a few lists: a segment every document or two.
        assert_eq!(build(Some(2_000)), build(None));
    }

    #[test]
    fn an_empty_corpus_writes_an_empty_index() {
        let bytes = IndexWriter::new().finish().unwrap();
        assert_eq!(Index::open(&bytes).unwrap().doc_count(), 0);
    }
}
