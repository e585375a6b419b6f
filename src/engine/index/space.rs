//! The postings or the texts of an index: one region of the file, or the
//! shards of a split index that arrive one by one.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

use super::error::OpenError;
use super::format::{shard_file, shard_hash, ShardHash, ShardId, ShardKind};
use super::records::{nth, ShardRecord};

/// The postings or the texts of an index: one region of the file (a whole
/// index), or shards that arrive one by one (a split index). A read of a
/// shard that has not arrived yet finds nothing and asks for it.
pub(super) struct Space<'a, T: ?Sized + 'a> {
    pub(super) kind: ShardKind,
    pub(super) whole: &'a T,
    /// Shard records; empty in a whole index.
    pub(super) table: &'a [u8],
    pub(super) loaded: Box<[OnceLock<&'a T>]>,
    wanted: Mutex<BTreeSet<u32>>,
    misses: AtomicU64,
    /// Shards arrived so far.
    arrivals: AtomicU32,
}

impl<'a, T: ?Sized + 'a> Space<'a, T> {
    pub(super) fn new(kind: ShardKind, whole: &'a T, table: &'a [u8]) -> Self {
        let n = table.len() / ShardRecord::LEN;
        Space {
            kind,
            whole,
            table,
            loaded: (0..n).map(|_| OnceLock::new()).collect(),
            wanted: Mutex::new(BTreeSet::new()),
            misses: AtomicU64::new(0),
            arrivals: AtomicU32::new(0),
        }
    }

    /// How many reads found their shard missing.
    pub(super) fn misses(&self) -> u64 {
        self.misses.load(Ordering::Relaxed)
    }

    /// How many shards have arrived.
    pub(super) fn arrivals(&self) -> u32 {
        self.arrivals.load(Ordering::Relaxed)
    }

    pub(super) fn split(&self) -> bool {
        !self.loaded.is_empty()
    }

    /// Shard `i`'s record (checked in `open`), if there is one.
    pub(super) fn shard(&self, i: usize) -> Option<ShardRecord> {
        nth(self.table, ShardRecord::LEN, i).and_then(ShardRecord::decode)
    }

    /// (start, length, hash) of shard `i`.
    fn record(&self, i: usize) -> (usize, usize, ShardHash) {
        let r = self.shard(i).unwrap_or_default();
        (r.start as usize, r.len as usize, r.hash)
    }

    /// Bytes covered: the region, or every shard together.
    pub(super) fn len(&self, whole_len: usize) -> usize {
        match self.loaded.len() {
            0 => whole_len,
            n => {
                let (start, len, _) = self.record(n - 1);
                start + len
            }
        }
    }

    /// The shard (or region) holding byte `off`, and `off` within it. An
    /// absent shard is asked for when `want` is set.
    pub(super) fn at(&self, off: usize, want: bool) -> Option<(&'a T, usize)> {
        if !self.split() {
            return Some((self.whole, off));
        }
        let i = self.shard_of(off)?;
        let (start, len, _) = self.record(i);
        if off >= start + len {
            return None;
        }
        match self.loaded[i].get() {
            Some(&bytes) => Some((bytes, off - start)),
            None => {
                if want {
                    self.want(i as u32);
                }
                None
            }
        }
    }

    /// Shard `ord`'s bytes, if it has arrived; if not, it is asked for when
    /// `want` is set.
    pub(super) fn get(&self, ord: usize, want: bool) -> Option<&'a T> {
        let found = self.loaded.get(ord)?.get().copied();
        if found.is_none() && want {
            self.want(ord as u32);
        }
        found
    }

    /// Asks for shard `ord`: a read needed it and found it missing.
    pub(super) fn want(&self, ord: u32) {
        self.misses.fetch_add(1, Ordering::Relaxed);
        self.wanted.lock().map(|mut w| w.insert(ord)).ok();
    }

    /// The shard whose range starts at or before `off` (binary search).
    fn shard_of(&self, off: usize) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.loaded.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.record(mid).0 <= off {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo.checked_sub(1)
    }

    /// Checks the shard table: ranges contiguous from 0.
    pub(super) fn check_table(&self) -> Result<(), OpenError> {
        let mut end = 0;
        for i in 0..self.loaded.len() {
            let (start, len, _) = self.record(i);
            if start != end || len == 0 {
                return Err(OpenError::Corrupt("shard table"));
            }
            end = start
                .checked_add(len)
                .ok_or(OpenError::Corrupt("shard table"))?;
        }
        Ok(())
    }

    /// Whether `off..off + len` lies inside one shard (always, when whole).
    pub(super) fn in_one_shard(&self, off: usize, len: usize) -> bool {
        if !self.split() {
            return true;
        }
        match self.shard_of(off) {
            Some(i) => {
                let (start, n, _) = self.record(i);
                off + len <= start + n
            }
            None => len == 0,
        }
    }

    /// Checks a shard file's bytes against its record and splits them into
    /// its lead (its part of the term dictionary) and its bytes of the
    /// region; the caller stores them.
    pub(super) fn check<'b>(&self, ord: u32, bytes: &'b [u8]) -> Result<(&'b [u8], &'b [u8]), OpenError> {
        let i = ord as usize;
        if i >= self.loaded.len() {
            return Err(OpenError::BadShard(format!("shard {ord}")));
        }
        let r = self.shard(i).unwrap_or_default();
        if bytes.len() != r.file_len() || shard_hash(bytes) != r.hash {
            return Err(OpenError::BadShard(shard_file(self.kind, &r.hash)));
        }
        Ok(bytes.split_at(r.lead as usize))
    }

    pub(super) fn arrived(&self, ord: u32, value: &'a T) {
        if self.loaded[ord as usize].set(value).is_ok() {
            self.arrivals.fetch_add(1, Ordering::Relaxed);
        }
        if let Ok(mut w) = self.wanted.lock() {
            w.remove(&ord);
        }
    }

    pub(super) fn wanted(&self) -> Vec<ShardId> {
        let wanted = self
            .wanted
            .lock()
            .map(|w| w.iter().copied().collect::<Vec<_>>())
            .unwrap_or_default();
        wanted
            .into_iter()
            .map(|ord| ShardId {
                kind: self.kind,
                ord,
            })
            .collect()
    }
}

