//! Laying the regions out: the header, then every region in header order,
//! as one whole index or as a split head and its shards.

use std::io::Write;
use std::ops::Range;

use crate::engine::index::format::{shard_file, shard_hash, ShardHash, ShardKind, HEADER_LEN};
use crate::engine::index::records::{
    DocRecord, EntityRecord, EventRecord, Header, Region, RegionRef, SectionRecord, ShardRecord, REGIONS,
};

use super::dictionary;
use super::error::{to_u32, WriteError};
use super::postings::DictEntry;
use super::scratch::{output_error, Spooled};
use super::step::Step;

/// Ranges of the dictionary in one postings shard. The host sees which
/// shards a query fetches, so it learns which words were searched only to
/// within a shard: three ranges, so that even a word whose list fills a range
/// by itself shares its shard with the words of two others. (Fetched as
/// three files of one range each, this cost three requests per word.)
pub const RANGES_PER_SHARD: usize = 3;

/// Options of a split index: the size each range of postings and each text
/// shard is cut near (a list larger than that gets a range of its own, which
/// still shares its shard; a document larger than that, a text shard of its
/// own).
#[derive(Debug, Clone, Copy)]
pub struct SplitOptions {
    /// Bytes of postings per range of the dictionary; a shard holds
    /// [`RANGES_PER_SHARD`] consecutive ranges.
    pub postings_bytes: usize,
    /// Bytes of text per shard.
    pub text_bytes: usize,
    /// At most this many text shards: a larger corpus gets larger shards
    /// instead of more files (static hosts cap a site's files, some at
    /// 20,000; at 8 KiB a shard, 100,000 documents made 35,000).
    pub max_text_shards: usize,
}

impl Default for SplitOptions {
    fn default() -> Self {
        // A query fetches one postings shard per word (with its part of the
        // dictionary; a few for a prefix) and one text shard per result
        // shown: small shards keep the bytes per query low, and each costs
        // the head a 28-byte record. At 10,000 documents, ranges of 16 KiB
        // of postings (three to a shard) took a new query from 126 to 81 KB
        // gzipped and the first visit 50 KB lower than 32 KiB did.
        SplitOptions {
            postings_bytes: 16 * 1024,
            text_bytes: 8 * 1024,
            max_text_shards: 4_000,
        }
    }
}

/// A split index: the head the app embeds, and the shard files beside it.
#[derive(Debug)]
pub struct SplitIndex {
    /// The head: every table and the dictionary's ranges and aliases; no
    /// terms, postings or texts.
    pub head: Vec<u8>,
    /// The shards, postings first, each in region order.
    pub shards: Vec<Shard>,
    /// What the index holds.
    pub summary: Summary,
}

/// The head of a split index whose shards went elsewhere as they were cut
/// (see [`super::IndexWriter::finish_split_to`]).
#[derive(Debug)]
pub struct SplitHead {
    /// The head: every table and the dictionary's ranges and aliases; no
    /// terms, postings or texts.
    pub head: Vec<u8>,
    /// What the index holds.
    pub summary: Summary,
}

/// What a written index holds, for the builder's summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Documents.
    pub docs: usize,
    /// Sections.
    pub sections: usize,
    /// Places and organisations the texts name.
    pub entities: usize,
    /// Of those, places.
    pub places: usize,
    /// Dates: publication dates and the dates the texts mention.
    pub dates: usize,
    /// Keys of the term dictionary (terms, variants, aliases).
    pub keys: usize,
    /// Bytes of the index (of the head, when split).
    pub bytes: usize,
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

/// Every region of an index before it is laid out (the postings and the
/// texts possibly on disk).
pub(super) struct Parts {
    /// The term dictionary's keys and values, sorted (see [`dictionary`]);
    /// laid out as one FST or cut with the postings.
    pub entries: Vec<DictEntry>,
    pub fst: Spooled,
    pub postings: Spooled,
    pub sections: Spooled,
    pub docs: Spooled,
    pub strings: Spooled,
    pub entities: Spooled,
    pub aside: Spooled,
    pub variants: Spooled,
    pub events: Spooled,
    pub texts: Spooled,
    pub postings_shards: Spooled,
    pub text_shards: Spooled,
    pub ranges: Spooled,
    pub spelling_shards: Spooled,
    /// The places each section names (laid out in a split index only).
    pub section_places: Vec<u8>,
    pub places_region: Spooled,
    pub avg_len: f32,
    /// Distinct surface terms.
    pub terms: u32,
    /// Where each postings list starts: the only places a shard may be cut.
    pub list_starts: Vec<u32>,
    /// Where each document's text starts.
    pub text_starts: Vec<u32>,
    /// Keys of the dictionary.
    pub keys: usize,
    /// Entities written that are places.
    pub places: usize,
}

impl Parts {
    /// The bytes of `region`.
    fn region(&mut self, region: Region) -> &mut Spooled {
        match region {
            Region::Fst => &mut self.fst,
            Region::Postings => &mut self.postings,
            Region::Sections => &mut self.sections,
            Region::Documents => &mut self.docs,
            Region::Strings => &mut self.strings,
            Region::Entities => &mut self.entities,
            Region::Aside => &mut self.aside,
            Region::Variants => &mut self.variants,
            Region::Events => &mut self.events,
            Region::Texts => &mut self.texts,
            Region::PostingsShards => &mut self.postings_shards,
            Region::TextShards => &mut self.text_shards,
            Region::Ranges => &mut self.ranges,
            Region::SpellingShards => &mut self.spelling_shards,
            Region::Places => &mut self.places_region,
        }
    }

    /// The bytes of a whole index.
    pub fn assemble(self) -> Result<Vec<u8>, WriteError> {
        let mut out = Vec::new();
        self.write_to(&mut out)?;
        Ok(out)
    }

    /// Writes a whole index to `out`: the dictionary as one FST.
    pub fn write_to(mut self, out: &mut dyn Write) -> Result<Summary, WriteError> {
        self.fst = dictionary::whole(&std::mem::take(&mut self.entries))?.into();
        self.lay_out(false, out)
    }

    /// Writes the header, then the regions in header order, to `out`; each
    /// region is freed once written (at 100,000 documents the texts alone
    /// are hundreds of megabytes).
    fn lay_out(mut self, split: bool, out: &mut dyn Write) -> Result<Summary, WriteError> {
        let mut header = Header {
            split,
            avg_len: self.avg_len,
            terms: self.terms,
            regions: [RegionRef::default(); REGIONS],
        };
        let mut offset = HEADER_LEN;
        for (region, r) in Region::ALL.iter().zip(header.regions.iter_mut()) {
            let len = self.region(*region).len();
            *r = RegionRef {
                offset: to_u32(offset)?,
                count: to_u32(len / region.record_len())?,
            };
            offset += len;
        }
        to_u32(offset)?;
        let summary = self.summary(offset);
        out.write_all(&header.encode()).map_err(output_error)?;
        for region in Region::ALL {
            std::mem::take(self.region(region)).copy_to(out)?;
        }
        out.flush().map_err(output_error)?;
        Ok(summary)
    }

    /// What the index holds, `bytes` long.
    fn summary(&self, bytes: usize) -> Summary {
        Summary {
            docs: self.docs.len() / DocRecord::LEN,
            sections: self.sections.len() / SectionRecord::LEN,
            entities: self.entities.len() / EntityRecord::LEN,
            places: self.places,
            dates: self.events.len() / EventRecord::LEN,
            keys: self.keys,
            bytes,
        }
    }

    /// Cuts the postings and the texts into shards near the given sizes
    /// (at list and document boundaries), each postings shard led by its
    /// part of the term dictionary, handing each to `shard` as it is cut
    /// (postings first, each in region order) and telling `step`; then
    /// writes the split head.
    pub fn split_to(
        mut self,
        options: SplitOptions,
        step: &mut dyn FnMut(Step),
        shard: &mut dyn FnMut(Shard) -> Result<(), WriteError>,
    ) -> Result<SplitHead, WriteError> {
        let postings = std::mem::take(&mut self.postings);
        let texts = std::mem::take(&mut self.texts);
        let postings_cuts = grouped(cut(postings.len(), &self.list_starts, options.postings_bytes), RANGES_PER_SHARD);
        let text_cuts = cut_at_most(texts.len(), &self.text_starts, options.text_bytes, options.max_text_shards);
        let mut variants = std::mem::take(&mut self.variants);
        let variants = variants.read(0..variants.len())?;
        let dict = dictionary::split(&std::mem::take(&mut self.entries), &variants, &postings_cuts)?;
        drop(variants);
        let total = postings_cuts.len() + text_cuts.len() + dict.spelling.len();
        let mut tables: [Vec<u8>; 3] = Default::default();
        let mut done = 0;
        // A shard's file: its lead (a postings shard's part of the
        // dictionary), then its bytes of the region.
        let mut put = |kind: ShardKind, start: usize, mut bytes: Vec<u8>, body: &[u8]| -> Result<(), WriteError> {
            let lead = to_u32(bytes.len())?;
            bytes.extend_from_slice(body);
            let hash = shard_hash(&bytes);
            let table = match kind {
                ShardKind::Postings => &mut tables[0],
                ShardKind::Texts => &mut tables[1],
                ShardKind::Spelling => &mut tables[2],
            };
            ShardRecord { start: to_u32(start)?, len: to_u32(body.len())?, lead, hash }.encode(table);
            shard(Shard { kind, hash, bytes })?;
            done += 1;
            step(Step::Shards { done, total });
            Ok(())
        };
        let (mut postings, mut texts) = (postings, texts);
        for (range, part) in postings_cuts.into_iter().zip(dict.parts) {
            put(ShardKind::Postings, range.start, part, &postings.read(range)?)?;
        }
        for range in text_cuts {
            put(ShardKind::Texts, range.start, Vec::new(), &texts.read(range)?)?;
        }
        let mut start = 0;
        for list in &dict.spelling {
            put(ShardKind::Spelling, start, Vec::new(), list)?;
            start += list.len();
        }
        let [postings_shards, text_shards, spelling_shards] = tables;
        self.postings_shards = postings_shards.into();
        self.text_shards = text_shards.into();
        self.spelling_shards = spelling_shards.into();
        self.fst = dict.head.into();
        self.ranges = dict.ranges.into();
        self.places_region = std::mem::take(&mut self.section_places).into();
        let mut head = Vec::new();
        let summary = self.lay_out(true, &mut head)?;
        Ok(SplitHead { head, summary })
    }
}

/// Joins consecutive ranges `by` at a time; a short last group joins the one
/// before it, so that every group holds at least `by` when there are as many.
fn grouped(ranges: Vec<Range<usize>>, by: usize) -> Vec<Range<usize>> {
    let by = by.max(1);
    let mut out: Vec<Range<usize>> = Vec::new();
    for group in ranges.chunks(by) {
        let (Some(first), Some(last)) = (group.first(), group.last()) else { continue };
        match out.last_mut() {
            Some(previous) if group.len() < by => previous.end = last.end,
            _ => out.push(first.start..last.end),
        }
    }
    out
}

/// Cuts `0..len` into ranges near `target` bytes, only at `starts` (sorted).
/// [`cut`] near `target` bytes, or near more if that makes more than `most`
/// pieces (the target grows by a quarter until it does not).
fn cut_at_most(len: usize, starts: &[u32], target: usize, most: usize) -> Vec<Range<usize>> {
    let mut target = target.max(len / most.max(1)).max(1);
    loop {
        let pieces = cut(len, starts, target);
        if pieces.len() <= most.max(1) {
            return pieces;
        }
        target += target / 4 + 1;
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_cut_into_no_more_pieces_than_allowed() {
        let starts: Vec<u32> = (0..1_000).map(|d| d * 100).collect();
        assert_eq!(cut_at_most(100_000, &starts, 1_000, 4_000).len(), 100, "under the cap: pieces near the target");
        let capped = cut_at_most(100_000, &starts, 1_000, 30);
        assert!(capped.len() <= 30 && capped.len() >= 20, "{}", capped.len());
        assert_eq!(capped.first().map(|r| r.start), Some(0));
        assert_eq!(capped.last().map(|r| r.end), Some(100_000));
        assert!(capped.windows(2).all(|w| w[0].end == w[1].start && w[0].end % 100 == 0), "whole documents, in order");
        assert_eq!(cut_at_most(100_000, &starts, 1_000, 0).len(), 1);
    }

    #[test]
    fn ranges_are_joined_so_that_no_shard_holds_fewer_than_asked() {
        let ranges = |n: usize| (0..n).map(|i| i * 10..i * 10 + 10).collect::<Vec<_>>();
        assert_eq!(grouped(ranges(6), 3), [0..30, 30..60]);
        assert_eq!(grouped(ranges(7), 3), [0..30, 30..70], "the one left over joins the last group");
        assert_eq!(grouped(ranges(2), 3), [0..20], "fewer than three: one shard");
        assert_eq!(grouped(ranges(4), 1), ranges(4));
        assert!(grouped(Vec::new(), 3).is_empty());
    }

    #[test]
    fn cuts_fall_at_list_starts_near_the_target() {
        assert_eq!(cut(100, &[0, 30, 60, 90], 50), [0..30, 30..60, 60..100]);
        assert_eq!(cut(100, &[0, 80], 10), [0..80, 80..100], "a list larger than the target has a range of its own");
    }
}
