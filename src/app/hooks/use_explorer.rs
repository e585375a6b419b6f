//! The explorer's state as a reducer over [`ExplorerState`].

use std::rc::Rc;

use yew::prelude::*;

use crate::app::history;
use crate::view::state::{Action, ExplorerState};

/// The transition is [`ExplorerState::transition`] (pure, tested natively);
/// the history entry it asks for is written here, as the action happens
/// and before the next render (which reads the address: the embed's "Open
/// in corpus-atlas" link).
impl Reducible for ExplorerState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.transition(action);
        if let Some((route, nav)) = &next.write {
            history::write(route, *nav);
        }
        Rc::new(next.state)
    }
}

/// The explorer's state, starting at the address bar's route and
/// following the browser's back and forward; dispatch an [`Action`] to
/// change it. Renders again only when the state changes.
#[hook]
pub fn use_explorer() -> UseReducerHandle<ExplorerState> {
    let state = use_reducer_eq(|| ExplorerState::new(history::current_route()));
    let followed = {
        let dispatcher = state.dispatcher();
        Callback::from(move |route| dispatcher.dispatch(Action::Followed(route)))
    };
    history::use_follow_history(&state.route, followed);
    state
}
