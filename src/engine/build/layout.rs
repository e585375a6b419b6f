//! Laying the regions out: the header, then every region in header order,
//! as one whole index or as a split head and its shards.

use std::ops::Range;

use crate::engine::index::format::{shard_file, shard_hash, ShardHash, ShardKind, HEADER_LEN};
use crate::engine::index::records::{Header, Region, RegionRef, ShardRecord};

use super::error::{to_u32, WriteError};

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
pub(super) struct Parts {
    pub fst: Vec<u8>,
    pub postings: Vec<u8>,
    pub sections: Vec<u8>,
    pub docs: Vec<u8>,
    pub strings: Vec<u8>,
    pub entities: Vec<u8>,
    pub aside: Vec<u8>,
    pub variants: Vec<u8>,
    pub events: Vec<u8>,
    pub texts: Vec<u8>,
    pub postings_shards: Vec<u8>,
    pub text_shards: Vec<u8>,
    pub avg_len: f32,
    /// Where each postings list starts: the only places a shard may be cut.
    pub list_starts: Vec<u32>,
    /// Where each document's text starts.
    pub text_starts: Vec<u32>,
}

impl Parts {
    /// The bytes of `region`.
    fn region(&mut self, region: Region) -> &mut Vec<u8> {
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
        }
    }

    /// The index bytes: the header, then the regions in header order.
    pub fn assemble(mut self, split: bool) -> Result<Vec<u8>, WriteError> {
        let mut header = Header {
            split,
            avg_len: self.avg_len,
            regions: [RegionRef::default(); 12],
        };
        let mut offset = HEADER_LEN;
        for (region, r) in Region::ALL.iter().zip(header.regions.iter_mut()) {
            let bytes = self.region(*region);
            *r = RegionRef {
                offset: to_u32(offset)?,
                count: to_u32(bytes.len() / region.record_len())?,
            };
            offset += bytes.len();
        }
        let mut out = Vec::with_capacity(offset);
        out.extend_from_slice(&header.encode());
        // Each region is freed once copied: at 100,000 documents the texts
        // alone are hundreds of megabytes.
        for region in Region::ALL {
            out.extend_from_slice(&std::mem::take(self.region(region)));
        }
        to_u32(out.len())?;
        Ok(out)
    }

    /// Cuts the postings and the texts into shards near the given sizes
    /// (at list and document boundaries) and writes the split head.
    pub fn split(mut self, options: SplitOptions) -> Result<SplitIndex, WriteError> {
        let mut shards = Vec::new();
        let postings = std::mem::take(&mut self.postings);
        let texts = std::mem::take(&mut self.texts);
        let cuts = [
            (ShardKind::Postings, postings, &self.list_starts, options.postings_bytes),
            (ShardKind::Texts, texts, &self.text_starts, options.text_bytes),
        ];
        for (kind, region, starts, target) in cuts {
            let table = match kind {
                ShardKind::Postings => &mut self.postings_shards,
                ShardKind::Texts => &mut self.text_shards,
            };
            for range in cut(region.len(), starts, target) {
                let bytes = region[range.clone()].to_vec();
                let hash = shard_hash(&bytes);
                ShardRecord {
                    start: to_u32(range.start)?,
                    len: to_u32(range.len())?,
                    hash,
                }
                .encode(table);
                shards.push(Shard { kind, hash, bytes });
            }
        }
        Ok(SplitIndex {
            head: self.assemble(true)?,
            shards,
        })
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
