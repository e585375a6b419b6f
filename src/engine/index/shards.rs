//! The shards of a split index: which are wanted, checked against their
//! records and handed over as they arrive.

use super::error::OpenError;
pub use super::format::{ShardId, ShardKind};
use super::format::shard_file;
use super::open::Index;
use super::records::ShardRecord;

/// What a read of the index found (see [`Index::tracked`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Tracked<T> {
    /// What the read returned.
    pub value: T,
    /// It needed shards that have not arrived: its value is not final.
    pub missed: bool,
}

impl<'a> Index<'a> {
    /// Whether this index is split: postings and texts arrive in shards
    /// (see [`Index::wanted`] and [`Index::provide`]).
    pub fn is_split(&self) -> bool {
        self.postings.split() || self.texts.split() || self.spelling.split()
    }

    /// Whether document `ord`'s text is here; if not, its shard is asked
    /// for. Always true for a whole index.
    pub fn want_text(&self, ord: u32) -> bool {
        let text = self.doc_record(ord as usize).unwrap_or_default().text();
        text.len == 0 || self.texts.at(text.offset as usize, true).is_some()
    }

    /// The shards asked for (by a query or [`Index::want_text`]) that have
    /// not arrived: fetch them and hand them to [`Index::provide`].
    pub fn wanted(&self) -> Vec<ShardId> {
        let mut out = self.postings.wanted();
        out.extend(self.texts.wanted());
        out.extend(self.spelling.wanted());
        out
    }

    /// How many reads so far found their shard missing (see [`Index::tracked`]).
    pub fn misses(&self) -> u64 {
        self.postings.misses() + self.texts.misses() + self.spelling.misses()
    }

    /// Runs `read` over the index and says whether it found every shard it
    /// needed: a read that missed some is not final, and is run again when
    /// [`Index::arrived`] has grown (the shards it wanted are fetched and
    /// handed to [`Index::provide`] meanwhile).
    pub fn tracked<T>(&self, read: impl FnOnce(&Self) -> T) -> Tracked<T> {
        let before = self.misses();
        let value = read(self);
        Tracked {
            value,
            missed: self.misses() != before,
        }
    }

    /// How many shards have arrived so far: the index's generation, which a
    /// view that read it compares to know when to read again.
    pub fn arrived(&self) -> u32 {
        self.postings.arrivals() + self.texts.arrivals() + self.spelling.arrivals()
    }

    /// Number of shards of each kind (0 and 0 for a whole index).
    pub fn shard_counts(&self) -> (usize, usize) {
        (self.postings.loaded.len(), self.texts.loaded.len())
    }

    /// The file holding a shard, relative to the app.
    pub fn shard_file(&self, id: ShardId) -> String {
        let hash = self.shard_record(id).unwrap_or_default().hash;
        shard_file(id.kind, &hash)
    }

    /// Whether a shard has arrived (always true for a whole index's regions).
    pub fn shard_loaded(&self, id: ShardId) -> bool {
        let i = id.ord as usize;
        match id.kind {
            ShardKind::Postings => self.postings.loaded.get(i).is_none_or(|s| s.get().is_some()),
            ShardKind::Texts => self.texts.loaded.get(i).is_none_or(|s| s.get().is_some()),
            ShardKind::Spelling => self.spelling.loaded.get(i).is_none_or(|s| s.get().is_some()),
        }
    }

    /// Checks a fetched shard's bytes against the index's record (length
    /// and hash) without keeping them: the app keeps only bytes that pass.
    pub fn check_shard(&self, id: ShardId, bytes: &[u8]) -> Result<(), OpenError> {
        match id.kind {
            ShardKind::Postings => self.postings.check(id.ord, bytes).map(drop),
            ShardKind::Texts => self.texts.check(id.ord, bytes).map(drop),
            ShardKind::Spelling => self.spelling.check(id.ord, bytes).map(drop),
        }
    }

    /// The length in bytes the index lists for a shard: a response of
    /// another length is refused before its body is read.
    pub fn shard_len(&self, id: ShardId) -> Option<usize> {
        self.shard_record(id).map(|r| r.file_len())
    }

    /// Hands over a fetched shard: checked against the index's record (length
    /// and hash), then read in place from then on (a postings shard's part
    /// of the term dictionary with it).
    pub fn provide(&self, id: ShardId, bytes: &'a [u8]) -> Result<(), OpenError> {
        match id.kind {
            ShardKind::Postings => {
                let (lead, lists) = self.postings.check(id.ord, bytes)?;
                self.dict.arrived(id.ord, lead)?;
                self.postings.arrived(id.ord, lists);
            }
            ShardKind::Texts => {
                let (_, text) = self.texts.check(id.ord, bytes)?;
                let text = std::str::from_utf8(text)
                    .map_err(|_| OpenError::BadShard(self.shard_file(id)))?;
                self.texts.arrived(id.ord, text);
            }
            ShardKind::Spelling => {
                let (_, list) = self.spelling.check(id.ord, bytes)?;
                fst::Map::new(list).map_err(|_| OpenError::BadShard(self.shard_file(id)))?;
                self.spelling.arrived(id.ord, list);
            }
        }
        Ok(())
    }

    fn shard_record(&self, id: ShardId) -> Option<ShardRecord> {
        match id.kind {
            ShardKind::Postings => self.postings.shard(id.ord as usize),
            ShardKind::Texts => self.texts.shard(id.ord as usize),
            ShardKind::Spelling => self.spelling.shard(id.ord as usize),
        }
    }
}
