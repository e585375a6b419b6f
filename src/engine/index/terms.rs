//! The term dictionary as a list of words: prefixes, nearby spellings and
//! Korean nouns. A whole index walks its one FST; a split index walks the
//! parts of the dictionary for prefixes and the spelling lists (one per
//! word length, see [`super::format`]) for typos, asking for those missing.

use std::ops::RangeInclusive;

use fst::{Automaton, IntoStreamer, Streamer};

use super::dictionary::surface;
use super::format::SPELLING_LENGTHS;
use super::near::Near;
use super::open::Index;
use super::postings::Posting;
use crate::engine::analysis::lang::variant_key;

/// A term with the number of sections that hold it.
pub type Counted = (String, u32);

impl<'a> Index<'a> {
    /// Up to `limit` terms starting with `prefix`, in lexicographic order.
    pub fn terms_with_prefix(&self, prefix: &str, limit: usize) -> Vec<String> {
        if !self.is_split() {
            let found = self.dict.head.search(fst::automaton::Str::new(prefix).starts_with());
            return surfaces(found.into_stream(), limit, false).into_iter().map(|(t, _)| t).collect();
        }
        match self.dict.prefixed(prefix, limit) {
            Ok(terms) => terms,
            Err(shard) => {
                self.postings.want(shard);
                Vec::new()
            }
        }
    }

    /// Up to `limit` surface terms within `distance` character edits of
    /// `term` (a Levenshtein automaton walked over the dictionary, see
    /// [`super::near`]), in lexicographic order, each with the number of
    /// sections that hold it.
    pub fn terms_near(&self, term: &str, distance: u8, limit: usize) -> Vec<Counted> {
        let chars = term.chars().count();
        let lengths = chars.saturating_sub(usize::from(distance))..=chars + usize::from(distance);
        let found = self
            .spelling_lists(lengths)
            .into_iter()
            .map(|list| surfaces(list.search(Near::new(term, distance)).into_stream(), limit, self.is_split()))
            .collect();
        merged(found, limit)
    }

    /// The number of sections that hold `term`, if it is a word of the index,
    /// read where typo correction reads (no postings shard is fetched).
    pub fn spelled(&self, term: &str) -> Option<u32> {
        let chars = term.chars().count();
        self.spelling_lists(chars..=chars)
            .first()
            .and_then(|list| list.get(term))
            .map(|v| if self.is_split() { v as u32 } else { (v >> 32) as u32 })
    }

    /// Korean nouns (particles stripped, see `lang`) of `chars` syllables
    /// give or take one, the first `limit` of them in order, each with its
    /// number of surface forms. (fst's Levenshtein automaton misses
    /// multi-byte characters, so a Hangul typo is matched by walking the
    /// nouns and measuring each; see `spelling`.)
    pub fn nouns_of_length(&self, chars: usize, limit: usize) -> Vec<Counted> {
        let prefix = variant_key("ko", "");
        let mut found = Vec::new();
        for list in self.spelling_lists(chars.saturating_sub(1)..=chars + 1) {
            let mut out = Vec::new();
            let mut stream = list.search(fst::automaton::Str::new(&prefix).starts_with()).into_stream();
            while let Some((key, value)) = stream.next() {
                let Some(noun) = std::str::from_utf8(key).ok().and_then(|k| k.strip_prefix(prefix.as_str())) else {
                    continue;
                };
                if noun.chars().count().abs_diff(chars) <= 1 {
                    let forms = if self.is_split() { value as u32 } else { self.dict.list_len(value) };
                    out.push((noun.to_owned(), forms));
                }
            }
            found.push(out);
        }
        merged(found, limit)
    }

    /// The dictionaries holding the words of `lengths` characters: the one
    /// FST of a whole index, or each length's spelling list of a split
    /// index (those not here are asked for).
    fn spelling_lists(&self, lengths: RangeInclusive<usize>) -> Vec<fst::Map<&'a [u8]>> {
        if !self.is_split() {
            return vec![self.dict.head.clone()];
        }
        lengths
            .filter(|&n| (1..=SPELLING_LENGTHS).contains(&n))
            .filter_map(|n| self.spelling.get(n - 1, true))
            .filter_map(|bytes| fst::Map::new(bytes).ok())
            .collect()
    }

    /// Calls `visit` with every surface term of the dictionary and its
    /// postings without positions (sections and occurrence counts): what a
    /// table of the most frequent terms reads. Variant and alias keys are
    /// left out. (A split index reads every part of its dictionary.)
    pub fn each_term(&self, mut visit: impl FnMut(&str, Vec<Posting>)) {
        let mut each = |map: &fst::Map<&[u8]>| {
            let mut stream = map.stream();
            while let Some((key, value)) = stream.next() {
                if let Some(term) = surface(key) {
                    visit(term, self.decode(value as u32 as usize, false));
                }
            }
        };
        if !self.is_split() {
            return each(&self.dict.head);
        }
        for shard in 0..self.postings.loaded.len() {
            match self.dict.part(shard) {
                Some(part) => each(part),
                None => self.postings.want(shard as u32),
            }
        }
    }

    /// Number of distinct surface terms.
    pub fn surface_term_count(&self) -> usize {
        self.terms as usize
    }

    /// Whether the exact term is in the dictionary.
    pub fn contains(&self, term: &str) -> bool {
        self.spelled(term).is_some()
    }
}

/// The first `limit` terms of lists each in order, in order (the spelling
/// lists of several lengths; a merge, not a sort, which would add a sort's
/// code to the wasm for this alone).
fn merged(mut lists: Vec<Vec<Counted>>, limit: usize) -> Vec<Counted> {
    lists.iter_mut().for_each(|l| l.reverse());
    let mut out = Vec::new();
    while out.len() < limit {
        let next = (0..lists.len())
            .filter(|&i| !lists[i].is_empty())
            .min_by(|&a, &b| lists[a].last().map(|t| &t.0).cmp(&lists[b].last().map(|t| &t.0)));
        match next.and_then(|i| lists[i].pop()) {
            Some(term) => out.push(term),
            None => break,
        }
    }
    out
}

/// Up to `limit` surface keys of `stream` and the sections holding each
/// (the value's high half in a whole index, the value in a spelling list).
fn surfaces<'s>(mut stream: fst::map::Stream<'s, impl fst::Automaton>, limit: usize, split: bool) -> Vec<Counted> {
    let mut out = Vec::new();
    while let Some((key, value)) = stream.next() {
        if out.len() == limit {
            break;
        }
        if let Some(t) = surface(key) {
            let sections = if split { value as u32 } else { (value >> 32) as u32 };
            out.push((t.to_owned(), sections));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::merged;

    #[test]
    fn lists_in_order_merge_in_order_up_to_the_limit() {
        let list = |terms: &[&str]| terms.iter().map(|t| (t.to_string(), 1)).collect::<Vec<_>>();
        let lists = vec![list(&["bat", "cat"]), list(&[]), list(&["ant", "bee", "cow"])];
        let names = |v: Vec<(String, u32)>| v.into_iter().map(|t| t.0).collect::<Vec<_>>();
        assert_eq!(names(merged(lists.clone(), 9)), ["ant", "bat", "bee", "cat", "cow"]);
        assert_eq!(names(merged(lists, 2)), ["ant", "bat"]);
    }
}
