//! The term dictionary as written: one FST of every key for a whole index;
//! for a split index, one part per postings shard (the terms whose lists it
//! holds and the variant keys placed with them, with their variant lists)
//! and a head that keeps only what must be there before any shard arrives
//! (see `index::format`).

use std::ops::Range;

use crate::engine::analysis::lang::{variant_key, VARIANT_MARK};
use crate::engine::index::dictionary::{part_bytes, placed_as, put_run, surface};
use crate::engine::index::format::{get_varint, ALIAS_MARK, SPELLING_LENGTHS};

use super::error::WriteError;
use super::postings::DictEntry;

/// Keys sorted, without repeats (the first entry of a key wins).
pub(super) fn sorted(mut entries: Vec<DictEntry>) -> Vec<DictEntry> {
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries.dedup_by(|a, b| a.0 == b.0);
    entries
}

/// An FST of `entries` (sorted, as [`sorted`] leaves them).
fn fst<'e>(entries: impl IntoIterator<Item = (&'e str, u64)>) -> Result<Vec<u8>, WriteError> {
    let mut builder = fst::MapBuilder::memory();
    for (key, value) in entries {
        builder
            .insert(key, value)
            .map_err(|e| WriteError::Dictionary(e.to_string()))?;
    }
    builder
        .into_inner()
        .map_err(|e| WriteError::Dictionary(e.to_string()))
}

/// The dictionary of a whole index: every key and its value.
pub(super) fn whole(entries: &[DictEntry]) -> Result<Vec<u8>, WriteError> {
    fst(entries.iter().map(|(k, v)| (k.as_str(), *v)))
}

/// The dictionary of a split index.
pub(super) struct Split {
    /// The head's FST: the aliases.
    pub head: Vec<u8>,
    /// The spelling lists, one per word length (see [`spelling`]).
    pub spelling: Vec<Vec<u8>>,
    /// The ranges region: each run's shard and first key.
    pub ranges: Vec<u8>,
    /// Each postings shard's part, the bytes its file begins with.
    pub parts: Vec<Vec<u8>>,
}

/// What one postings shard's part holds while it is gathered.
#[derive(Default)]
struct Gathered<'e> {
    variants: Vec<(&'e str, u64)>,
    terms: Vec<(&'e str, u64)>,
    lists: Vec<u8>,
}

/// Cuts the dictionary along the postings shards `cuts` (ranges of the
/// postings region); `variants` is the variants region the variant keys'
/// values point into.
pub(super) fn split(entries: &[DictEntry], variants: &[u8], cuts: &[Range<usize>]) -> Result<Split, WriteError> {
    let shard_at = |offset: u64| cuts.partition_point(|c| c.start as u64 <= (offset & 0xffff_ffff)).saturating_sub(1);
    let mut gathered: Vec<Gathered<'_>> = (0..cuts.len()).map(|_| Gathered::default()).collect();
    let mut runs: Vec<(&[u8], usize)> = Vec::new();
    for (key, value) in entries.iter().filter(|(k, _)| is_surface(k)) {
        let shard = shard_at(*value);
        if shard >= cuts.len() {
            continue;
        }
        if runs.last().is_none_or(|&(_, s)| s != shard) {
            runs.push((key.as_bytes(), shard));
        }
        gathered[shard].terms.push((key, *value));
    }
    for (key, value) in entries.iter().filter(|(k, _)| k.starts_with(VARIANT_MARK)) {
        let form = placed_as(key);
        let run = runs.partition_point(|&(first, _)| first <= form).saturating_sub(1);
        let Some(g) = runs.get(run).and_then(|&(_, shard)| gathered.get_mut(shard)) else {
            continue;
        };
        let list = variant_list(variants, *value as usize)
            .ok_or_else(|| WriteError::Dictionary(format!("variant list of {key:?} out of bounds")))?;
        g.variants.push((key, g.lists.len() as u64));
        g.lists.extend_from_slice(list);
    }
    let head = fst(entries.iter().filter(|(k, _)| k.starts_with(ALIAS_MARK)).map(|(k, v)| (k.as_str(), *v)))?;
    let mut ranges = Vec::new();
    for (first, shard) in &runs {
        put_run(&mut ranges, *shard as u32, first);
    }
    let parts = gathered
        .into_iter()
        .map(|g| Ok(part_bytes(&fst(g.variants.into_iter().chain(g.terms))?, &g.lists)))
        .collect::<Result<_, WriteError>>()?;
    Ok(Split { head, spelling: spelling(entries, variants)?, ranges, parts })
}

/// Whether a key is a surface term (not a variant or alias key).
pub(super) fn is_surface(key: &str) -> bool {
    surface(key.as_bytes()).is_some()
}

/// The spelling lists: list L-1 maps the surface terms of L characters to
/// the number of sections that hold them, and the Korean noun keys whose
/// noun has L syllables to the noun's number of forms (L = 1 to
/// [`SPELLING_LENGTHS`]): what typo correction walks.
fn spelling(entries: &[DictEntry], variants: &[u8]) -> Result<Vec<Vec<u8>>, WriteError> {
    let korean = variant_key("ko", "");
    let mut lists: Vec<Vec<(&str, u64)>> = vec![Vec::new(); SPELLING_LENGTHS];
    for (key, value) in entries {
        let (form, count) = if is_surface(key) {
            (key.as_str(), *value >> 32)
        } else if let Some(noun) = key.strip_prefix(korean.as_str()) {
            let mut at = *value as usize;
            (noun, u64::from(get_varint(variants, &mut at).unwrap_or(0)))
        } else {
            continue;
        };
        if let Some(list) = form.chars().count().checked_sub(1).and_then(|i| lists.get_mut(i)) {
            list.push((key, count));
        }
    }
    lists.into_iter().map(fst).collect()
}

/// The bytes of the variant list at `at`: a count, then that many varints.
fn variant_list(region: &[u8], at: usize) -> Option<&[u8]> {
    let mut pos = at;
    let n = get_varint(region, &mut pos)?;
    for _ in 0..n {
        get_varint(region, &mut pos)?;
    }
    region.get(at..pos)
}
