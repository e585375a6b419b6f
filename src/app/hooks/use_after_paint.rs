//! Work a view can show a moment later, done after the browser has painted
//! the render that asked for it.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::request_animation_frame;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// `f(&deps)`, worked out after the next frame is painted (a frame, then a
/// task): the concordance's collocates do not hold back its rows. `None`
/// until then, and while new `deps` are being worked on; work asked for by
/// deps that have since changed, or by a view since gone, is dropped. When
/// `hold()` says so as the work falls due, it is not done: new deps ask
/// again (the map and the timeline wait for the snippets' texts).
#[hook]
pub fn use_after_paint<D, T, F>(deps: D, hold: fn() -> bool, f: F) -> Option<Rc<T>>
where
    D: PartialEq + Clone + 'static,
    T: 'static,
    F: FnOnce(&D) -> T + 'static,
{
    let done = use_state(|| None::<(D, Rc<T>)>);
    {
        let done = done.clone();
        use_effect_with(deps.clone(), move |deps| {
            let deps = deps.clone();
            let task: Rc<RefCell<Option<Timeout>>> = Rc::default();
            let frame = {
                let task = task.clone();
                request_animation_frame(move |_| {
                    *task.borrow_mut() = Some(Timeout::new(0, move || {
                        if hold() {
                            return;
                        }
                        let value = Rc::new(f(&deps));
                        done.set(Some((deps, value)));
                    }));
                })
            };
            move || {
                drop(frame);
                drop(task.borrow_mut().take());
            }
        });
    }
    done.as_ref().filter(|(d, _)| *d == deps).map(|(_, v)| v.clone())
}
