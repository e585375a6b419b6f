//! Builds index bytes (see `index::format`) from documents. Runs at build
//! time in `build.rs`, and natively in the CLI and tests; never in the browser.
//!
//! The pipeline: documents are kept as they arrive ([`super::docs`]) and
//! what the corpus's words say about names is gathered from them
//! ([`super::places::CorpusWords`]); then, in id order and a batch at a
//! time on every core, each document's places ([`super::places`]) and per
//! section its dates ([`super::dates`]), its tokens and their postings;
//! then the dictionary and the layout.

use std::io::Write;

use rayon::prelude::*;

use crate::engine::analysis::{indexed, normalize, terms};
use crate::engine::index::records::SectionRecord;

use super::dates::{date_doc, SectionDates};
use super::dictionary;
use super::section_places::places_by_section;
use super::docs::DocStore;
use super::error::{to_u32, WriteError};
use super::input::{DocInput, EntityInput};
use super::layout::{Parts, Shard, SplitHead, SplitIndex, SplitOptions, Summary};
use super::notes::Tally;
use super::places::{CorpusWords, Matcher, Mention, PLACE_KINDS};
use super::postings::{alias_entries, write_entities, EntityLists, PostingsRegion, SectionTerms, Terms, SEGMENT_BUDGET};
use super::step::Step;
use super::tables::Tables;

/// Collects documents and writes the index bytes.
///
/// Memory stays bounded whatever the corpus's size: documents, term lists
/// and the texts and postings regions each go to scratch files past their
/// budget ([`IndexWriter::set_memory_budget`]), and [`IndexWriter::finish_to`]
/// streams the index out. Only what grows with the vocabulary and the
/// number of documents (the dictionary, the tables) is held whole.
#[derive(Debug, Default)]
pub struct IndexWriter {
    docs: DocStore,
    /// What the corpus's words say about names, gathered as documents arrive.
    corpus_words: CorpusWords,
    entities: Vec<EntityInput>,
    /// Memory each part may take (see [`IndexWriter::set_memory_budget`]).
    budget: Option<usize>,
}

/// Bytes of the texts and postings regions kept in memory before they go
/// to scratch files.
const REGION_BUDGET: usize = 32 << 20;

impl IndexWriter {
    /// An empty writer.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the memory each part of the writer may take: the documents
    /// waiting, the term lists, the texts and the postings regions. Beyond
    /// it each goes to scratch files in the temporary folder (the lists as
    /// segments merged at the end); the index bytes are the same either
    /// way. By default the documents and the lists may take 64 MiB each,
    /// the regions 32 MiB each.
    pub fn set_memory_budget(&mut self, bytes: usize) {
        self.budget = Some(bytes);
        self.docs.set_budget(bytes);
    }

    /// Sets the places and organisations to recognise in every language.
    pub fn set_entities(&mut self, entities: Vec<EntityInput>) {
        self.entities = entities;
    }

    /// Adds a document; its sections and aside spans are checked against its text.
    pub fn add(&mut self, doc: DocInput) -> Result<(), WriteError> {
        // (Checked before anything of it is kept: a refused document's
        // words must not shape the other documents' places.)
        if self.docs.contains(&doc.id) {
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
        self.corpus_words.add(&doc);
        self.docs.add(doc)
    }

    /// Analyses every section and writes a whole index (every region in
    /// one file, as the app embeds it).
    pub fn finish(self) -> Result<Vec<u8>, WriteError> {
        self.finish_with(&mut |_| {})
    }

    /// [`Self::finish`], telling `step` how far it has gone.
    pub fn finish_with(self, step: &mut dyn FnMut(Step)) -> Result<Vec<u8>, WriteError> {
        self.build(step)?.assemble()
    }

    /// Writes the whole index to `out` as it is laid out, never holding it
    /// whole; tells `step` how far it has gone and returns what it holds.
    pub fn finish_to(self, out: &mut dyn Write, step: &mut dyn FnMut(Step)) -> Result<Summary, WriteError> {
        self.build(step)?.write_to(out)
    }

    /// Analyses every section and writes a split index: the head (every
    /// table, and the dictionary's ranges and aliases) and the shards holding
    /// the postings (each led by its part of the dictionary) and the texts,
    /// cut at list and document boundaries near the given sizes, and the
    /// spelling lists.
    pub fn finish_split(self, options: SplitOptions) -> Result<SplitIndex, WriteError> {
        self.finish_split_with(options, &mut |_| {})
    }

    /// [`Self::finish_split`], telling `step` how far it has gone.
    pub fn finish_split_with(
        self,
        options: SplitOptions,
        step: &mut dyn FnMut(Step),
    ) -> Result<SplitIndex, WriteError> {
        let mut shards = Vec::new();
        let SplitHead { head, summary } = self.finish_split_to(options, step, &mut |shard| {
            shards.push(shard);
            Ok(())
        })?;
        Ok(SplitIndex { head, shards, summary })
    }

    /// [`Self::finish_split_with`], handing each shard to `shard` as it is
    /// cut instead of keeping them all.
    pub fn finish_split_to(
        self,
        options: SplitOptions,
        step: &mut dyn FnMut(Step),
        shard: &mut dyn FnMut(Shard) -> Result<(), WriteError>,
    ) -> Result<SplitHead, WriteError> {
        self.build(step)?.split_to(options, step, shard)
    }

    fn build(self, step: &mut dyn FnMut(Step)) -> Result<Parts, WriteError> {
        let IndexWriter { docs, corpus_words, entities, budget } = self;
        let total = docs.len();
        let matcher = Matcher::new(&entities);
        let mut terms = Terms::default();
        terms.set_budget(budget.unwrap_or(SEGMENT_BUDGET));
        let region_budget = budget.unwrap_or(REGION_BUDGET);
        let mut added = Added {
            tables: Tables::new(region_budget),
            terms,
            entity_lists: vec![Vec::new(); entities.len()],
            tally: Tally::default(),
            doc_no: 0,
        };
        // A batch of documents is analysed on every core while this thread
        // adds the batch before it, in order (the adding is the one part
        // that cannot be shared, and waited for the analysis before); each
        // batch is dropped once the tables hold it.
        let analyse_batch = |batch: &[DocInput], first: usize| -> Analysed {
            batch
                .par_iter()
                .enumerate()
                .map(|(i, doc)| analyse(doc, first + i, &matcher, &corpus_words))
                .collect()
        };
        let mut docs = docs.sorted()?;
        let mut next = docs.batch(ANALYSE_BATCH)?;
        let mut next_analysed = analyse_batch(&next, 0);
        while !next.is_empty() {
            let batch = std::mem::replace(&mut next, docs.batch(ANALYSE_BATCH)?);
            let analysed = next_analysed;
            let first = added.doc_no as usize + batch.len();
            let (ahead, here) = std::thread::scope(|scope| {
                let ahead = scope.spawn(|| analyse_batch(&next, first));
                let here = added.add_batch(&batch, analysed, &mut |done| step(Step::Indexed { done, total }));
                (ahead.join(), here)
            });
            here?;
            next_analysed = ahead.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        }
        // The names' tables are done with: their memory goes to the lists.
        drop((docs, matcher, corpus_words));
        let Added { mut tables, terms, mut entity_lists, tally, .. } = added;
        step(Step::Writing);
        let mut postings = PostingsRegion::new(region_budget);
        // (The in-memory lists and segments go as their lists reach the
        // region, before the dictionary and the layout need memory.)
        let (mut entries, variants) = terms.write(&mut postings)?;
        step(Step::Assembling);
        let notes = tally.notes(&entities);
        let (entity_table, kept) =
            write_entities(&entities, &notes, &mut entity_lists, &mut tables.strings, &mut postings)?;
        entries.extend(alias_entries(&entities, &entity_lists, &kept));
        let places = kept
            .iter()
            .zip(&entities)
            .filter(|(k, e)| k.is_some() && PLACE_KINDS.contains(&e.kind.as_str()))
            .count();
        let avg_len = tables.avg_len();
        let sections = tables.sections.len() / SectionRecord::LEN;
        let section_places = places_by_section(&entities, &entity_lists, &kept, sections)?;
        let entries = dictionary::sorted(entries);
        let terms = to_u32(entries.iter().filter(|(k, _)| dictionary::is_surface(k)).count())?;
        Ok(Parts {
            terms,
            fst: Default::default(),
            keys: entries.len(),
            entries,
            postings: postings.bytes.finish()?,
            sections: tables.sections.into(),
            docs: tables.docs.into(),
            strings: tables.strings.bytes.into(),
            entities: entity_table.into(),
            aside: tables.aside.into(),
            variants: variants.into(),
            events: tables.events.into(),
            texts: tables.texts.finish()?,
            postings_shards: Default::default(),
            text_shards: Default::default(),
            ranges: Default::default(),
            spelling_shards: Default::default(),
            section_places,
            places_region: Default::default(),
            avg_len,
            list_starts: postings.list_starts,
            text_starts: tables.text_starts,
            places,
        })
    }
}

/// Documents analysed at once (on every core) between two additions.
const ANALYSE_BATCH: usize = 256;

/// A batch's documents analysed, each its work or why not.
type Analysed = Vec<Result<DocWork, WriteError>>;

/// What the documents added so far make: the tables, the terms' postings,
/// the entities' lists and the choices made for them, and where the next
/// document goes.
struct Added {
    tables: Tables,
    terms: Terms,
    entity_lists: EntityLists,
    tally: Tally,
    doc_no: u32,
}

impl Added {
    /// Adds an analysed batch in order, telling `done` how many documents are in.
    fn add_batch(&mut self, batch: &[DocInput], analysed: Analysed, done: &mut dyn FnMut(usize)) -> Result<(), WriteError> {
        for (doc, work) in batch.iter().zip(analysed) {
            let DocWork { sections, mentions } = work?;
            mentions.iter().for_each(|m| self.tally.add(m));
            let mut mentions = mentions.into_iter().peekable();
            let first_section = self.tables.next_section()?;
            let first_aside = self.tables.add_aside(doc)?;
            for (s, work) in doc.sections.iter().zip(sections) {
                let section_no = self.tables.next_section()?;
                self.tables.add_events(section_no, &work.dates)?;
                self.terms.add_section(section_no, work.terms)?;
                let in_doc = (section_no - first_section) as usize;
                while let Some(m) = mentions.next_if(|m| m.section == in_doc) {
                    add_mention(&mut self.entity_lists, m, section_no);
                }
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

/// What a document contributes, worked out apart from the rest of the index.
struct DocWork {
    sections: Vec<SectionWork>,
    /// The places and organisations it names, in section and position order.
    mentions: Vec<Mention>,
}

/// What a section contributes, worked out apart from the rest of the index.
struct SectionWork {
    dates: SectionDates,
    token_count: usize,
    /// Where its title stands among its tokens (see [`title_span`]).
    title: (u16, u16),
    terms: SectionTerms,
}

/// Document number `doc_no` analysed: its sections' dates, tokens, title
/// spans and terms, and its mentions.
fn analyse(doc: &DocInput, doc_no: usize, matcher: &Matcher, corpus: &CorpusWords) -> Result<DocWork, WriteError> {
    let sections = doc
        .sections
        .iter()
        .zip(date_doc(doc))
        .map(|(s, dates)| {
            let tokens = indexed_tokens(&doc.text[s.range.clone()], s.range.start, &doc.aside);
            let token_count = tokens.len();
            let title = title_span(&tokens, s.title.as_deref().unwrap_or(&doc.title));
            let terms = SectionTerms::of(tokens, &s.lang)?;
            Ok(SectionWork { dates, token_count, title, terms })
        })
        .collect::<Result<_, WriteError>>()?;
    Ok(DocWork { sections, mentions: matcher.mentions(doc_no, doc, corpus) })
}

/// Adds a mention to its entity's list, as section `section_no`.
fn add_mention(lists: &mut EntityLists, m: Mention, section_no: u32) {
    let list = &mut lists[m.entity];
    let positions = m.tokens;
    match list.last_mut() {
        Some((sec, p)) if *sec == section_no => p.extend(positions),
        _ => list.push((section_no, positions.collect())),
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
    fn a_writer_over_its_memory_budget_gives_the_same_index() {
        let count = ANALYSE_BATCH + 40;
        let writer = |budget: Option<usize>| {
            let mut w = IndexWriter::new();
            if let Some(b) = budget {
                w.set_memory_budget(b);
            }
            // Out of order, so documents written out come back sorted.
            for n in (0..count).rev() {
                w.add(doc(n)).unwrap();
            }
            w
        };
        // A budget of a few lists: a segment every document or two, the
        // documents and the regions on disk.
        let whole = writer(None).finish().unwrap();
        assert_eq!(writer(Some(2_000)).finish().unwrap(), whole);
        let mut streamed = Vec::new();
        let summary = writer(Some(2_000)).finish_to(&mut streamed, &mut |_| {}).unwrap();
        assert_eq!(streamed, whole);
        assert_eq!((summary.docs, summary.sections, summary.bytes), (count, count, whole.len()));
        // Split: shards cut from regions on disk are the shards cut in memory.
        let options = SplitOptions { postings_bytes: 256, text_bytes: 512, max_text_shards: 4_000 };
        let split = writer(None).finish_split(options).unwrap();
        let mut shards = Vec::new();
        let head = writer(Some(2_000))
            .finish_split_to(options, &mut |_| {}, &mut |s| {
                shards.push(s);
                Ok(())
            })
            .unwrap();
        assert_eq!(head.head, split.head);
        assert!(split.shards.len() > 10);
        let bytes = |shards: &[Shard]| shards.iter().map(|s| (s.file(), s.bytes.clone())).collect::<Vec<_>>();
        assert_eq!(bytes(&shards), bytes(&split.shards));
    }

    #[test]
    fn an_empty_corpus_writes_an_empty_index() {
        let bytes = IndexWriter::new().finish().unwrap();
        assert_eq!(Index::open(&bytes).unwrap().doc_count(), 0);
    }
}
