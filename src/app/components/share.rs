//! Copy link / Copy embed code / Copy citation: the current view as a URL,
//! as embed code (an `<iframe>` and its sizing script), or as a line citing
//! the corpus. The text is also shown, selectable, and the panel says
//! whether the clipboard took it.

use yew::prelude::*;

use crate::app::platform;

#[derive(Clone, Copy, PartialEq)]
enum Shared {
    Link,
    Embed,
    Citation,
}

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// The corpus, summed up when a citation is asked for.
    pub index: crate::app::IndexRef,
}

/// What happened to the last copy.
#[derive(Clone, PartialEq)]
struct Copied {
    what: Shared,
    text: String,
    /// The clipboard took it (None while the browser is deciding).
    accepted: Option<bool>,
}

#[function_component]
pub fn Share(props: &ShareProps) -> Html {
    let copied = use_state(|| None::<Copied>);
    let pick = |what: Shared| {
        let copied = copied.clone();
        let index = props.index.0;
        Callback::from(move |_| {
            let text = match what {
                Shared::Link => platform::full_url(),
                Shared::Embed => platform::embed_code(),
                Shared::Citation => {
                    let corpus = crate::engine::research::summary(index);
                    crate::view::summary::citation(&corpus, &platform::full_url(), &platform::today())
                }
            };
            copied.set(Some(Copied {
                what,
                text: text.clone(),
                accepted: None,
            }));
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let accepted = platform::copy(&text).await;
                copied.set(Some(Copied {
                    what,
                    text,
                    accepted: Some(accepted),
                }));
            });
        })
    };
    let out = (*copied).clone().map(|c| {
        let noun = match c.what {
            Shared::Link => "Link",
            Shared::Embed => "Embed code",
            Shared::Citation => "Citation",
        };
        let status = match c.accepted {
            Some(true) => format!("{noun} copied."),
            Some(false) => format!("{noun} not copied: the browser refused the clipboard. Select the text below and copy it."),
            None => format!("Copying the {}…", noun.to_ascii_lowercase()),
        };
        let status = if c.what == Shared::Embed {
            format!("{status} Paste it as is into your article's HTML: the frame sizes itself.")
        } else {
            status
        };
        let disk = (c.what == Shared::Embed && platform::from_disk()).then(|| html! {
            <p class="hint share-warning" role="alert">{ "This page was opened from a file on this computer, so the code points at that file, which readers of your article cannot open. Copy the embed code from the explorer on your website instead." }</p>
        });
        html! {
            <div class="share-out">
                <span role="status">{ status }</span>
                { for disk }
                <textarea readonly=true rows="3" aria-label={noun} value={c.text} />
            </div>
        }
    });
    html! {
        <div class="share">
            <button type="button" class="share-button" onclick={pick(Shared::Link)}>{ "Copy link" }</button>
            <button type="button" class="share-button" onclick={pick(Shared::Embed)}>{ "Copy embed code" }</button>
            <button type="button" class="share-button" onclick={pick(Shared::Citation)}>{ "Copy citation" }</button>
            { for out }
        </div>
    }
}
