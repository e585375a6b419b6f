//! Copy link / Copy embed code: the current view as a URL or an `<iframe>`.
//! The text is also shown, selectable, for browsers that refuse the clipboard.

use yew::prelude::*;

use crate::app::platform;

#[derive(Clone, Copy, PartialEq)]
enum Shared {
    None,
    Link,
    Embed,
}

#[function_component]
pub fn Share() -> Html {
    let shared = use_state(|| Shared::None);
    let text = match *shared {
        Shared::None => String::new(),
        Shared::Link => platform::full_url(),
        Shared::Embed => platform::embed_code(),
    };
    let pick = |which: Shared| {
        let shared = shared.clone();
        Callback::from(move |_| {
            let text = if which == Shared::Link {
                platform::full_url()
            } else {
                platform::embed_code()
            };
            platform::copy(&text);
            shared.set(which);
        })
    };
    html! {
        <div class="share">
            <button type="button" class="share-button" onclick={pick(Shared::Link)}>{ "Copy link" }</button>
            <button type="button" class="share-button" onclick={pick(Shared::Embed)}>{ "Copy embed code" }</button>
            if *shared != Shared::None {
                <div class="share-out" role="status">
                    <span>{ if *shared == Shared::Link { "Link copied:" } else { "Embed code copied (paste it into your article):" } }</span>
                    <textarea readonly=true rows="2" aria-label={if *shared == Shared::Link { "Link" } else { "Embed code" }} value={text} />
                </div>
            }
        </div>
    }
}
