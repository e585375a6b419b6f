//! What a corpus build tells as it goes, for a progress display: a plain
//! trait, so the library draws nothing and depends on no terminal crate (the
//! CLI draws bars; build.rs and the tests pass `&mut ()`, which tells nothing).

use crate::engine::build::Step;

/// Told the stages of a build and how far each has gone.
pub trait Progress {
    /// A stage begins ("reading", "indexing", "writing"), with how
    /// many steps it has when that is known.
    fn stage(&mut self, _name: &'static str, _total: Option<usize>) {}
    /// `done` steps of the current stage are finished.
    fn advance(&mut self, _done: usize) {}
}

/// Tells nothing.
impl Progress for () {}

/// The writer's steps ([`crate::engine::build::IndexWriter::finish_with`]) told as stages.
pub fn steps(progress: &mut dyn Progress) -> impl FnMut(Step) + '_ {
    move |step| match step {
        Step::Indexed { done, total } => {
            if done == 1 {
                progress.stage("indexing", Some(total));
            }
            progress.advance(done);
        }
        Step::Writing => progress.stage("writing", None),
        Step::Assembling => progress.stage("assembling", None),
    }
}
