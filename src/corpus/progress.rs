//! What a corpus build tells as it goes, for a progress display: a plain
//! trait, so the library draws nothing and depends on no terminal crate (the
//! CLI draws bars; build.rs and the tests pass `&mut ()`, which tells nothing).

use crate::engine::build::Step;

/// Told the stages of a build and how far each has gone.
pub trait Progress {
    /// A stage begins ("reading", "indexing", "writing", "shards"), with how
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
        Step::Indexed { done, total } => counted(progress, "indexing", done, total),
        Step::Writing => progress.stage("writing", None),
        Step::Assembling => progress.stage("assembling", None),
        Step::Shards { done, total } => counted(progress, "shards", done, total),
    }
}

/// `done` of the `total` steps of stage `name`, which begins at the first.
fn counted(progress: &mut dyn Progress, name: &'static str, done: usize, total: usize) {
    if done == 1 {
        progress.stage(name, Some(total));
    }
    progress.advance(done);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stages and moves told, as a bar would draw them.
    #[derive(Default)]
    struct Told(Vec<String>);

    impl Progress for Told {
        fn stage(&mut self, name: &'static str, total: Option<usize>) {
            self.0.push(format!("{name} of {total:?}"));
        }
        fn advance(&mut self, done: usize) {
            self.0.push(done.to_string());
        }
    }

    #[test]
    fn counted_steps_begin_their_stage_once_then_move_the_bar() {
        let mut told = Told::default();
        let mut step = steps(&mut told);
        for done in 1..=2 {
            step(Step::Indexed { done, total: 2 });
        }
        step(Step::Writing);
        for done in 1..=3 {
            step(Step::Shards { done, total: 3 });
        }
        drop(step);
        let want = ["indexing of Some(2)", "1", "2", "writing of None", "shards of Some(3)", "1", "2", "3"];
        assert_eq!(told.0, want);
    }
}
