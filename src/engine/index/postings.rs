//! Postings: where each term occurs, as sections and token positions,
//! decoded from their varint lists as a query reads them.

use super::dictionary::Lookup;
use super::format::get_varint;
use super::merge;
use super::open::Index;

/// Token positions in a section, ascending; up to four without an allocation
/// (most postings of a name or a rare word have one or two).
pub type Positions = smallvec::SmallVec<[u32; 4]>;

/// One entry of a postings list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posting {
    /// Section ordinal.
    pub section: u32,
    /// Occurrences in that section (the number of positions, when decoded).
    pub tf: u32,
    /// Token positions of the term in that section, ascending; empty when
    /// read by [`Index::counts`].
    pub positions: Positions,
}

impl<'a> Index<'a> {
    /// Postings offsets of the surface terms a variant key stands for
    /// (`None` if the key is absent). A damaged list ends early.
    pub fn variant_targets(&self, key: &str) -> Option<Vec<u32>> {
        let Lookup::Found { value, lists } = self.lookup(key) else {
            return None;
        };
        let mut pos = value as usize;
        let n = get_varint(lists, &mut pos)?;
        let mut out = Vec::with_capacity((n as usize).min(lists.len()));
        let mut offset = 0u32;
        for _ in 0..n {
            let Some(d) = get_varint(lists, &mut pos) else {
                break;
            };
            offset = offset.saturating_add(d);
            out.push(offset);
        }
        Some(out)
    }

    /// What the dictionary says of `key`; in a split index, a part that
    /// has not arrived is asked for (with its postings shard).
    pub(super) fn lookup(&self, key: &str) -> Lookup<'a> {
        let found = self.dict.lookup(key);
        if let Lookup::Missing(shard) = found {
            self.postings.want(shard);
        }
        found
    }

    /// The dictionary value of `key`, if it is here (see [`Index::lookup`]).
    pub(super) fn key_value(&self, key: &str) -> Option<u64> {
        match self.lookup(key) {
            Lookup::Found { value, .. } => Some(value),
            _ => None,
        }
    }

    /// The postings offset of an exact surface term.
    pub fn term_offset(&self, term: &str) -> Option<u32> {
        self.key_value(term).map(|v| v as u32)
    }

    /// The postings of a key: a surface term's own list, or for a variant key
    /// the union of its terms' lists (positions merged per section).
    pub fn key_postings(&self, key: &str) -> Vec<Posting> {
        if !key.starts_with(crate::engine::analysis::lang::VARIANT_MARK) {
            return self.postings(key);
        }
        let Some(targets) = self.variant_targets(key) else {
            return Vec::new();
        };
        let lists = targets.iter().map(|&t| self.postings_at(t as usize)).collect();
        merge::all(
            lists,
            |p| p.section,
            |a, b| Posting {
                section: a.section,
                tf: a.tf + b.tf,
                positions: Positions::from_vec(merge::union(&a.positions, &b.positions)),
            },
        )
    }

    /// Document frequency (number of sections) of an exact term; 0 if absent.
    /// Read from the dictionary: no postings are touched (in a split index,
    /// the term's part of the dictionary comes with its postings shard).
    pub fn doc_freq(&self, term: &str) -> u32 {
        self.key_value(term).map_or(0, |v| (v >> 32) as u32)
    }

    /// The postings list of an exact term; empty if the term is absent. A
    /// damaged list ends early instead of reading out of bounds.
    pub fn postings(&self, term: &str) -> Vec<Posting> {
        match self.key_value(term) {
            Some(v) => self.postings_at(v as u32 as usize),
            None => Vec::new(),
        }
    }

    /// The postings list of an exact term without its positions: sections
    /// and occurrence counts only, for an option whose positions another
    /// option of the query already brings (a word and its stem's variants).
    pub fn counts(&self, term: &str) -> Vec<Posting> {
        match self.key_value(term) {
            Some(v) => self.decode(v as u32 as usize, false),
            None => Vec::new(),
        }
    }

    pub(super) fn postings_at(&self, off: usize) -> Vec<Posting> {
        self.decode(off, true)
    }

    pub(super) fn decode(&self, off: usize, positions: bool) -> Vec<Posting> {
        let Some((bytes, mut pos)) = self.postings.at(off, true) else {
            return Vec::new();
        };
        let Some(df) = get_varint(bytes, &mut pos) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity((df as usize).min(self.section_count() as usize));
        let mut section = 0u32;
        let mut scratch = Vec::new();
        for _ in 0..df {
            let (Some(delta), Some(tf)) =
                (get_varint(bytes, &mut pos), get_varint(bytes, &mut pos))
            else {
                break;
            };
            section = section.saturating_add(delta);
            if section >= self.section_count() || tf as usize > bytes.len() {
                break;
            }
            // Decoded into a plain vector, then copied once: pushing into
            // a small vector checks where its items live at every push.
            scratch.clear();
            let mut p = 0u32;
            for _ in 0..tf {
                let Some(d) = get_varint(bytes, &mut pos) else {
                    break;
                };
                p = p.saturating_add(d);
                if positions {
                    scratch.push(p);
                }
            }
            out.push(Posting {
                section,
                tf,
                positions: Positions::from_slice(&scratch),
            });
        }
        out
    }
}
