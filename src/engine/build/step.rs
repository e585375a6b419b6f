//! How far the writer has gone, for a progress display.

/// How far [`super::IndexWriter`] has gone in finishing an index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The dates, places, tokens and postings of `done` documents of `total` are in.
    Indexed {
        /// Documents finished.
        done: usize,
        /// Documents in all.
        total: usize,
    },
    /// The postings are being written.
    Writing,
    /// The dictionary is being built and the regions put together.
    Assembling,
    /// `done` shards of a split index's `total` are cut and handed over.
    Shards {
        /// Shards handed over.
        done: usize,
        /// Shards in all.
        total: usize,
    },
}
