//! The term dictionary's keys and values. A whole index has one FST of
//! every key. A split index cuts it by key range (see [`super::format`]):
//! the head keeps the keys that prefixes, typos and Korean nouns walk (no
//! values) and the aliases, and each postings shard brings the part of the
//! dictionary for the terms whose lists it holds.

use std::sync::OnceLock;

use super::error::OpenError;
use super::format::{get_u32, ALIAS_MARK};
use crate::engine::analysis::lang::VARIANT_MARK;

/// What the dictionary says of a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lookup<'a> {
    /// Its value, and the bytes its variant list (if it is a variant key)
    /// is read from.
    Found { value: u64, lists: &'a [u8] },
    /// Not in the index.
    Absent,
    /// In the part of postings shard `shard`, which has not arrived.
    Missing(u32),
}

/// The first key of a run of surface keys that one postings shard holds.
#[derive(Debug, Clone, Copy)]
struct Run<'a> {
    first: &'a [u8],
    shard: u32,
}

/// A postings shard's part of the dictionary.
struct Part<'a> {
    map: fst::Map<&'a [u8]>,
    /// The variant lists its variant keys point into.
    lists: &'a [u8],
}

pub(super) struct Dictionary<'a> {
    /// Whole: every key and its value. Split: the surface terms and Korean
    /// noun keys (value 0) and the aliases (their entity).
    pub(super) head: fst::Map<&'a [u8]>,
    /// Whole: the variants region.
    variants: &'a [u8],
    /// Split: runs ascending by first key.
    runs: Vec<Run<'a>>,
    /// Split: each postings shard's part, once it has arrived.
    parts: Box<[OnceLock<Part<'a>>]>,
}

impl<'a> Dictionary<'a> {
    /// The dictionary of an index: `ranges` is empty for a whole index;
    /// `shards` is the number of postings shards.
    pub(super) fn new(
        head: fst::Map<&'a [u8]>,
        variants: &'a [u8],
        ranges: &'a [u8],
        shards: usize,
    ) -> Result<Self, OpenError> {
        let runs = parse_runs(ranges, shards).ok_or(OpenError::Corrupt("term dictionary ranges"))?;
        let parts = if shards == 0 { Box::default() } else { (0..shards).map(|_| OnceLock::new()).collect() };
        Ok(Dictionary { head, variants, runs, parts })
    }

    fn split(&self) -> bool {
        !self.parts.is_empty()
    }

    /// What the dictionary says of `key`.
    pub(super) fn lookup(&self, key: &str) -> Lookup<'a> {
        if !self.split() || key.starts_with(ALIAS_MARK) {
            return match self.head.get(key) {
                Some(value) => Lookup::Found { value, lists: self.variants },
                None => Lookup::Absent,
            };
        }
        let Some(shard) = self.shard_of(placed_as(key)) else {
            return Lookup::Absent;
        };
        match self.parts.get(shard as usize).and_then(OnceLock::get) {
            Some(part) => match part.map.get(key) {
                Some(value) => Lookup::Found { value, lists: part.lists },
                None => Lookup::Absent,
            },
            None => Lookup::Missing(shard),
        }
    }

    /// The shard whose run holds `key` (the last run starting at or before
    /// it; the first run for a key before every run).
    fn shard_of(&self, key: &[u8]) -> Option<u32> {
        let after = self.runs.partition_point(|r| r.first <= key);
        self.runs.get(after.saturating_sub(1)).map(|r| r.shard)
    }

    /// Takes postings shard `shard`'s part from the `lead` bytes of its file
    /// (checked against its hash already).
    pub(super) fn arrived(&self, shard: u32, lead: &'a [u8]) -> Result<(), OpenError> {
        let Some(slot) = self.parts.get(shard as usize) else {
            return Ok(());
        };
        let part = parse_part(lead).ok_or(OpenError::Corrupt("term dictionary part"))?;
        slot.set(part).ok();
        Ok(())
    }
}

/// The key a key is placed by: a variant key goes with the surface terms
/// of its form (so `\u{1}en:run` travels with `run` and `running`).
pub fn placed_as(key: &str) -> &[u8] {
    match key.strip_prefix(VARIANT_MARK) {
        Some(rest) => rest.split_once(':').map_or(rest, |(_, form)| form).as_bytes(),
        None => key.as_bytes(),
    }
}

/// Reads the runs: u32 shard, u16 length, key; ascending, shards in range.
fn parse_runs(mut bytes: &[u8], shards: usize) -> Option<Vec<Run<'_>>> {
    let mut runs: Vec<Run<'_>> = Vec::new();
    while !bytes.is_empty() {
        let shard = get_u32(bytes, 0)?;
        let len = usize::from(u16::from_le_bytes([*bytes.get(4)?, *bytes.get(5)?]));
        let first = bytes.get(6..6 + len)?;
        if shard as usize >= shards || runs.last().is_some_and(|r| r.first >= first) {
            return None;
        }
        runs.push(Run { first, shard });
        bytes = &bytes[6 + len..];
    }
    Some(runs)
}

/// Appends a run to the ranges region (see [`parse_runs`]).
pub fn put_run(out: &mut Vec<u8>, shard: u32, first: &[u8]) {
    out.extend_from_slice(&shard.to_le_bytes());
    out.extend_from_slice(&(first.len().min(usize::from(u16::MAX)) as u16).to_le_bytes());
    out.extend_from_slice(&first[..first.len().min(usize::from(u16::MAX))]);
}

/// Reads a part: u32 length, an `fst::Map`, then the variant lists.
fn parse_part(lead: &[u8]) -> Option<Part<'_>> {
    let len = get_u32(lead, 0)? as usize;
    let map = lead.get(4..4usize.checked_add(len)?)?;
    let map = fst::Map::new(map).ok()?;
    Some(Part { map, lists: &lead[4 + len..] })
}

/// A part's bytes: the length of `map`, `map`, then `lists`.
pub fn part_bytes(map: &[u8], lists: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(4 + map.len() + lists.len());
    out.extend_from_slice(&(map.len() as u32).to_le_bytes());
    out.extend_from_slice(map);
    out.extend_from_slice(lists);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(keys: &[(&str, u64)]) -> Vec<u8> {
        let mut b = fst::MapBuilder::memory();
        for (k, v) in keys {
            b.insert(k, *v).unwrap();
        }
        b.into_inner().unwrap()
    }

    #[test]
    fn a_split_dictionary_finds_a_key_in_its_runs_part_once_it_has_arrived() {
        let head = map(&[("apple", 0), ("run", 0), ("zebra", 0)]);
        let mut ranges = Vec::new();
        put_run(&mut ranges, 1, b"apple");
        put_run(&mut ranges, 0, b"m");
        let dict = Dictionary::new(fst::Map::new(&head[..]).unwrap(), &[], &ranges, 2).unwrap();
        assert_eq!(dict.lookup("apple"), Lookup::Missing(1));
        assert_eq!(dict.lookup("aardvark"), Lookup::Missing(1), "before every run: the first run's shard");
        assert_eq!(dict.lookup("run"), Lookup::Missing(0));
        assert_eq!(dict.lookup("\u{1}en:run"), Lookup::Missing(0), "a variant key goes with its form");
        let part = part_bytes(&map(&[("\u{1}en:run", 2), ("run", 7), ("zebra", 9)]), &[1, 5, 6]);
        dict.arrived(0, &part).unwrap();
        assert_eq!(dict.lookup("run"), Lookup::Found { value: 7, lists: &[1, 5, 6] });
        assert_eq!(dict.lookup("\u{1}en:run"), Lookup::Found { value: 2, lists: &[1, 5, 6] });
        assert_eq!(dict.lookup("ruin"), Lookup::Absent);
        assert!(dict.arrived(1, &[9, 9]).is_err(), "a damaged part is an error");
    }

    #[test]
    fn runs_out_of_order_or_past_the_shards_are_corrupt() {
        let head = map(&[]);
        let mut ranges = Vec::new();
        put_run(&mut ranges, 0, b"m");
        put_run(&mut ranges, 0, b"a");
        assert!(Dictionary::new(fst::Map::new(&head[..]).unwrap(), &[], &ranges, 1).is_err());
        let mut ranges = Vec::new();
        put_run(&mut ranges, 3, b"a");
        assert!(Dictionary::new(fst::Map::new(&head[..]).unwrap(), &[], &ranges, 1).is_err());
        assert!(Dictionary::new(fst::Map::new(&head[..]).unwrap(), &[], &[0, 0], 1).is_err());
    }
}
