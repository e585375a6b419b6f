//! The term dictionary's keys and values. A whole index has one FST of
//! every key. A split index cuts it by key range (see [`super::format`]):
//! each postings shard brings the part of the dictionary for the terms
//! whose lists it holds, and the head keeps the runs' first keys and the
//! aliases. (What typo correction walks is cut by word length instead; see
//! [`super::terms`].)

use std::sync::OnceLock;

use fst::{Automaton, IntoStreamer, Streamer};

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

    /// Up to `limit` surface terms starting with `prefix`, in order, read
    /// in the parts of the runs its range covers (in order, until `limit`
    /// are certain); `Err` names a part that has not arrived. (A part holds
    /// its run's terms alone, so the runs read one after another come out
    /// in order.)
    pub(super) fn prefixed(&self, prefix: &str, limit: usize) -> Result<Vec<String>, u32> {
        let p = prefix.as_bytes();
        let mut out: Vec<String> = Vec::new();
        let mut i = self.runs.partition_point(|r| r.first <= p).saturating_sub(1);
        while let Some(run) = self.runs.get(i) {
            if run.first > p && !run.first.starts_with(p) {
                break; // past every key with the prefix
            }
            let part = self.part(run.shard as usize).ok_or(run.shard)?;
            let mut stream = part.search(fst::automaton::Str::new(prefix).starts_with()).into_stream();
            while let Some((key, _)) = stream.next() {
                if let Some(term) = surface(key) {
                    out.push(term.to_owned());
                }
            }
            i += 1;
            let certain = self.runs.get(i).map_or(out.len(), |next| out.iter().filter(|t| t.as_bytes() < next.first).count());
            if certain >= limit {
                break;
            }
        }
        out.truncate(limit);
        Ok(out)
    }

    /// Postings shard `shard`'s part, if it has arrived.
    pub(super) fn part(&self, shard: usize) -> Option<&fst::Map<&'a [u8]>> {
        self.parts.get(shard).and_then(OnceLock::get).map(|p| &p.map)
    }

    /// The length of the variant list at `at` in a whole index's variants
    /// region (a Korean noun's number of forms).
    pub(super) fn list_len(&self, at: u64) -> u32 {
        let mut pos = at as usize;
        super::format::get_varint(self.variants, &mut pos).unwrap_or(0)
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

/// A dictionary key as a surface term; `None` for a variant or alias key
/// (they start with a control character, which readers never type).
pub fn surface(key: &[u8]) -> Option<&str> {
    std::str::from_utf8(key)
        .ok()
        .filter(|t| !t.starts_with(|c: char| c.is_control()))
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

    /// A split dictionary over `shards` postings shards with these runs
    /// (shard, first key) and an empty head.
    fn split<'a>(runs: &[(u32, &[u8])], shards: usize) -> Result<Dictionary<'a>, OpenError> {
        let mut ranges = Vec::new();
        for (shard, first) in runs {
            put_run(&mut ranges, *shard, first);
        }
        let head: &'static [u8] = Box::leak(map(&[]).into_boxed_slice());
        let ranges: &'static [u8] = Box::leak(ranges.into_boxed_slice());
        Dictionary::new(fst::Map::new(head).unwrap(), &[], ranges, shards)
    }

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
    fn a_prefix_is_read_in_order_across_the_parts_its_range_covers() {
        let dict = split(&[(0, b"a"), (1, b"sha"), (2, b"shi")], 3).unwrap();
        assert_eq!(dict.prefixed("sh", 3), Err(0), "the run before `sha` may hold `sh…` too");
        let parts = [
            part_bytes(&map(&[("\u{1}en:sh", 0), ("run", 1), ("sh", 2)]), &[]),
            part_bytes(&map(&[("shall", 3), ("she", 4)]), &[]),
            part_bytes(&map(&[("ship", 5), ("shore", 6), ("zoo", 7)]), &[]),
        ];
        dict.arrived(0, &parts[0]).unwrap();
        assert_eq!(dict.prefixed("sh", 3), Err(1));
        dict.arrived(1, &parts[1]).unwrap();
        assert_eq!(dict.prefixed("sh", 3).unwrap(), ["sh", "shall", "she"], "three certain before `shi`: no third part");
        assert_eq!(dict.prefixed("sh", 4), Err(2));
        dict.arrived(2, &parts[2]).unwrap();
        assert_eq!(dict.prefixed("sh", 9).unwrap(), ["sh", "shall", "she", "ship", "shore"]);
        assert_eq!(dict.prefixed("z", 9).unwrap(), ["zoo"]);
    }

    #[test]
    fn runs_out_of_order_or_past_the_shards_are_corrupt() {
        assert!(split(&[(0, b"m"), (0, b"a")], 1).is_err());
        assert!(split(&[(3, b"a")], 1).is_err());
        let head = map(&[]);
        assert!(Dictionary::new(fst::Map::new(&head[..]).unwrap(), &[], &[0, 0], 1).is_err());
    }
}
