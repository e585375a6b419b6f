//! Progress bars on stderr for the library's [`Progress`] (indicatif draws
//! nothing when stderr is not a terminal, so pipes and logs stay clean).

use std::time::{Duration, Instant};

use corpus_atlas::corpus::Progress;
use indicatif::{ProgressBar, ProgressStyle};

/// One bar (or spinner, when the stage's length is unknown) a stage.
pub(crate) struct Bars {
    bar: Option<ProgressBar>,
    started: Instant,
}

impl Bars {
    pub fn new() -> Self {
        Bars {
            bar: None,
            started: Instant::now(),
        }
    }

    /// Time since the bars were made.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// A stage that the library does not tell (finding places or dates in
    /// loaded documents, making a site).
    pub fn spin(&mut self, name: &'static str) {
        self.stage(name, None);
    }

    /// Clears the last bar.
    pub fn clear(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

/// Documents (or files) between two returns of freed memory in a stage.
const RELEASE_EVERY: usize = 4096;

impl Progress for Bars {
    fn stage(&mut self, name: &'static str, total: Option<usize>) {
        self.clear();
        // What the last stage freed goes back to the system before the next
        // one allocates.
        super::memory::release_freed();
        let bar = match total {
            Some(n) => ProgressBar::new(n as u64).with_style(
                ProgressStyle::with_template("{msg:>9} [{bar:30}] {pos}/{len} {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> "),
            ),
            None => {
                let spinner = ProgressBar::new_spinner().with_style(
                    ProgressStyle::with_template("{msg:>9} {spinner} {elapsed}")
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                );
                spinner.enable_steady_tick(Duration::from_millis(100));
                spinner
            }
        };
        bar.set_message(name);
        self.bar = Some(bar);
    }

    fn advance(&mut self, done: usize) {
        if let Some(bar) = &self.bar {
            bar.set_position(done as u64);
        }
        // Within a stage too: indexing frees each document's text as the
        // index takes it in, and the term lists as they go to a segment.
        if done % RELEASE_EVERY == 0 {
            super::memory::release_freed();
        }
    }
}

impl Drop for Bars {
    fn drop(&mut self) {
        self.clear();
    }
}
