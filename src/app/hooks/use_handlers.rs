//! The explorer's callbacks.

use yew::prelude::*;

use crate::view::state::{Action, ExplorerState};

/// The callbacks the explorer hands its parts, each dispatching an action.
pub struct Handlers {
    pub on_search: Callback<String>,
    pub on_typing: Callback<String>,
    pub on_filter: Callback<String>,
    /// (These three never change: with equal props the map and the
    /// timeline skip the renders of an answer still waiting for shards.)
    pub on_place: Callback<Option<String>>,
    pub on_span: Callback<Option<(String, String)>>,
    pub on_open: Callback<(String, Option<u32>)>,
}

/// The explorer's callbacks over its state's dispatcher.
#[hook]
pub fn use_handlers(state: &UseReducerHandle<ExplorerState>) -> Handlers {
    let dispatcher = state.dispatcher();
    let search = |typing: bool| {
        let dispatcher = dispatcher.clone();
        Callback::from(move |q: String| dispatcher.dispatch(Action::Search { q, typing }))
    };
    // A filter click is a new step in history: back undoes it.
    let on_filter = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |q: String| dispatcher.dispatch(Action::Filter(q)))
    };
    Handlers {
        on_search: search(false),
        on_typing: search(true),
        on_filter,
        on_place: use_callback(dispatcher.clone(), |place, d| {
            d.dispatch(Action::Place(place))
        }),
        on_span: use_callback(dispatcher.clone(), |span, d| d.dispatch(Action::Span(span))),
        on_open: use_callback(dispatcher, |(id, section), d| {
            d.dispatch(Action::Open { id, section })
        }),
    }
}
