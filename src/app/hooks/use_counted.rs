//! The sections the map and the timeline count.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::Answer;
use crate::engine::Index;
use crate::view::results::counted_sections;

/// The sections the map and the timeline count: what the results show, or
/// every section without a query (`None`). While a split index's shards are
/// on their way the answer is not final: this keeps the last final counts
/// (drawing thousands of sections twice is most of a new query's time at
/// 10,000 documents). Before any final answer: nothing counted, rather than
/// the whole corpus.
#[hook]
pub fn use_counted(index: &'static Index<'static>, answer: Rc<Answer>) -> Option<Rc<Vec<bool>>> {
    let last_counted = use_mut_ref(|| Some(Rc::new(vec![false; index.section_count() as usize])));
    let counted = use_memo(answer, move |answer| {
        if answer.pending {
            return last_counted.borrow().clone();
        }
        let counted = counted_sections(
            !answer.results.query.is_empty(),
            index.section_count() as usize,
            answer.results.hits.iter().map(|h| h.section),
        )
        .map(Rc::new);
        *last_counted.borrow_mut() = counted.clone();
        counted
    });
    (*counted).clone()
}
