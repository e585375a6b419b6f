//! The index's fixed header: the format version, the flags, the mean
//! section length, the number of surface terms, and where each region lies
//! (laid out in [`super::format`]).

use super::format::{get_u32, put_u32, FLAG_SPLIT, HEADER_LEN, MAGIC, VERSION};

/// Number of regions in the header.
pub const REGIONS: usize = 15;

/// A region of the file, in header order. The header holds, for each, its
/// offset and its length (bytes) or count (records).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    /// The term dictionary (`fst::Map`).
    Fst,
    /// Postings lists.
    Postings,
    /// Section records.
    Sections,
    /// Document records.
    Documents,
    /// UTF-8 strings.
    Strings,
    /// Entity records.
    Entities,
    /// Aside spans.
    Aside,
    /// Variant lists.
    Variants,
    /// Event records.
    Events,
    /// Document texts.
    Texts,
    /// Shard records of the postings.
    PostingsShards,
    /// Shard records of the texts.
    TextShards,
    /// (Split) the first key of each run of the term dictionary's parts.
    Ranges,
    /// (Split) shard records of the spelling lists, one per word length.
    SpellingShards,
    /// (Split) the places each section names, for the map without postings.
    Places,
}

impl Region {
    /// Every region, in header and file order.
    pub const ALL: [Region; REGIONS] = [
        Region::Fst,
        Region::Postings,
        Region::Sections,
        Region::Documents,
        Region::Strings,
        Region::Entities,
        Region::Aside,
        Region::Variants,
        Region::Events,
        Region::Texts,
        Region::PostingsShards,
        Region::TextShards,
        Region::Ranges,
        Region::SpellingShards,
        Region::Places,
    ];

    /// Where its (offset, length or count) pair sits in the header.
    pub fn header_at(self) -> usize {
        let slot = Region::ALL.iter().position(|&r| r == self).unwrap_or(0);
        // The average-length word and the terms count sit before `Events`.
        16 + 8 * slot + if slot >= 8 { 8 } else { 0 }
    }

    /// What it is called in an error.
    pub fn what(self) -> &'static str {
        match self {
            Region::Fst => "term dictionary",
            Region::Postings => "postings",
            Region::Sections => "section table",
            Region::Documents => "document table",
            Region::Strings => "strings",
            Region::Entities => "entity table",
            Region::Aside => "aside table",
            Region::Variants => "variant table",
            Region::Events => "event table",
            Region::Texts => "texts",
            Region::PostingsShards => "postings shard table",
            Region::TextShards => "text shard table",
            Region::Ranges => "term dictionary ranges",
            Region::SpellingShards => "spelling shard table",
            Region::Places => "places by section",
        }
    }
}

/// Where a region lies: its offset, and its length in bytes or its count of records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RegionRef {
    /// Byte offset from the start of the file.
    pub offset: u32,
    /// Bytes, or records for a table.
    pub count: u32,
}

/// Why a header could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderError {
    /// Too short, or not starting with [`MAGIC`].
    BadMagic,
    /// Another format version.
    Version(u32),
}

/// The fixed header.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// Postings and texts live in shard files.
    pub split: bool,
    /// Mean tokens per section (BM25).
    pub avg_len: f32,
    /// Distinct surface terms.
    pub terms: u32,
    /// Each region's place, in [`Region::ALL`] order.
    pub regions: [RegionRef; REGIONS],
}

impl Header {
    const FLAGS_AT: usize = 12;
    const AVG_LEN_AT: usize = 80;

    /// The header's bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER_LEN);
        out.extend_from_slice(MAGIC);
        put_u32(&mut out, VERSION);
        put_u32(&mut out, if self.split { FLAG_SPLIT } else { 0 });
        for (region, r) in Region::ALL.iter().zip(&self.regions) {
            if region.header_at() == Self::AVG_LEN_AT + 8 {
                out.extend_from_slice(&self.avg_len.to_le_bytes());
                put_u32(&mut out, self.terms);
            }
            put_u32(&mut out, r.offset);
            put_u32(&mut out, r.count);
        }
        debug_assert_eq!(out.len(), HEADER_LEN);
        out
    }

    /// Reads the header at the start of `bytes` (bounds of the regions are
    /// the reader's to check).
    pub fn decode(bytes: &[u8]) -> Result<Self, HeaderError> {
        if bytes.len() < HEADER_LEN || &bytes[..MAGIC.len()] != MAGIC {
            return Err(HeaderError::BadMagic);
        }
        let word = |at| get_u32(bytes, at).unwrap_or(0);
        let version = word(MAGIC.len());
        if version != VERSION {
            return Err(HeaderError::Version(version));
        }
        let mut regions = [RegionRef::default(); REGIONS];
        for (region, r) in Region::ALL.iter().zip(regions.iter_mut()) {
            *r = RegionRef {
                offset: word(region.header_at()),
                count: word(region.header_at() + 4),
            };
        }
        Ok(Header {
            split: word(Self::FLAGS_AT) & FLAG_SPLIT != 0,
            avg_len: f32::from_bits(word(Self::AVG_LEN_AT)),
            terms: word(Self::AVG_LEN_AT + 4),
            regions,
        })
    }

    /// Where `region` lies.
    pub fn region(&self, region: Region) -> RegionRef {
        let i = Region::ALL.iter().position(|&r| r == region).unwrap_or(0);
        self.regions[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_reads_back_and_refuses_other_versions() {
        let mut header = Header { split: true, avg_len: 12.5, terms: 7, regions: [RegionRef::default(); REGIONS] };
        for (i, r) in header.regions.iter_mut().enumerate() {
            *r = RegionRef { offset: 1000 + i as u32, count: i as u32 };
        }
        let bytes = header.encode();
        assert_eq!(bytes.len(), HEADER_LEN);
        assert_eq!(Header::decode(&bytes), Ok(header.clone()));
        assert_eq!(header.region(Region::Events).offset, 1008);
        let mut other = bytes.clone();
        other[8] = 99;
        assert_eq!(Header::decode(&other), Err(HeaderError::Version(99)));
        assert_eq!(Header::decode(&bytes[..40]), Err(HeaderError::BadMagic));
    }
}
