//! The term dictionary: prefixes, nearby spellings and Korean nouns, walked
//! in the FST.

use fst::{Automaton, IntoStreamer, Streamer};

use super::near::Near;
use super::open::Index;
use super::postings::Posting;

/// A dictionary key as a surface term; `None` for a variant or alias key
/// (they start with a control character, which readers never type).
fn surface(key: &[u8]) -> Option<&str> {
    std::str::from_utf8(key)
        .ok()
        .filter(|t| !t.starts_with(|c: char| c.is_control()))
}

impl<'a> Index<'a> {
    /// Up to `limit` terms starting with `prefix`, in lexicographic order.
    pub fn terms_with_prefix(&self, prefix: &str, limit: usize) -> Vec<String> {
        self.collect_terms(
            self.dict
                .head
                .search(fst::automaton::Str::new(prefix).starts_with())
                .into_stream(),
            limit,
        )
    }

    /// Up to `limit` surface terms within `distance` character edits of
    /// `term` (a Levenshtein automaton walked over the dictionary, see
    /// [`super::near`]).
    pub fn terms_near(&self, term: &str, distance: u8, limit: usize) -> Vec<String> {
        self.collect_terms(self.dict.head.search(Near::new(term, distance)).into_stream(), limit)
    }

    /// Korean nouns (particles stripped, see `lang`) of `chars` syllables
    /// give or take one, up to `limit` of them looked at. (fst's Levenshtein
    /// automaton misses multi-byte characters, so a Hangul typo is matched
    /// by walking the nouns and measuring each; see `spelling`.)
    pub fn nouns_of_length(&self, chars: usize, limit: usize) -> Vec<String> {
        let prefix = crate::engine::analysis::lang::variant_key("ko", "");
        let mut stream = self
            .dict
            .head
            .search(fst::automaton::Str::new(&prefix).starts_with())
            .into_stream();
        let mut out = Vec::new();
        let mut seen = 0;
        while let Some((key, _)) = stream.next() {
            seen += 1;
            if seen > limit {
                break;
            }
            if let Some(form) = std::str::from_utf8(key).ok().and_then(|k| k.strip_prefix(prefix.as_str())) {
                if form.chars().count().abs_diff(chars) <= 1 {
                    out.push(form.to_owned());
                }
            }
        }
        out
    }

    /// How many surface forms a Korean noun has in the index (0 if none).
    pub fn noun_forms(&self, noun: &str) -> u32 {
        self.variant_targets(&crate::engine::analysis::lang::variant_key("ko", noun))
            .map_or(0, |t| t.len() as u32)
    }

    fn collect_terms<'s>(
        &self,
        mut stream: fst::map::Stream<'s, impl fst::Automaton>,
        limit: usize,
    ) -> Vec<String> {
        let mut out = Vec::new();
        while let Some((term, _)) = stream.next() {
            if out.len() == limit {
                break;
            }
            if let Some(t) = surface(term) {
                out.push(t.to_owned());
            }
        }
        out
    }

    /// Calls `visit` with every surface term of the dictionary, in order,
    /// and its postings without positions (sections and occurrence counts):
    /// what a table of the most frequent terms reads. Variant and alias keys
    /// are left out.
    pub fn each_term(&self, mut visit: impl FnMut(&str, Vec<Posting>)) {
        let split = self.is_split();
        let mut stream = self.dict.head.stream();
        while let Some((key, value)) = stream.next() {
            if let Some(term) = surface(key) {
                // (A split head's values are placeholders: a term's own
                // value is read in its part of the dictionary.)
                visit(term, if split { self.counts(term) } else { self.decode(value as u32 as usize, false) });
            }
        }
    }

    /// Number of distinct surface terms (variant and alias keys left out).
    pub fn surface_term_count(&self) -> usize {
        let mut stream = self.dict.head.keys();
        let mut n = 0;
        while let Some(key) = stream.next() {
            n += usize::from(surface(key).is_some());
        }
        n
    }

    /// Whether the exact term is in the dictionary.
    pub fn contains(&self, term: &str) -> bool {
        self.dict.head.contains_key(term)
    }
}
