//! Text with highlight ranges, rendered as text nodes and `<mark>` elements.
//! Corpus text is untrusted: it only ever becomes text nodes.

use std::ops::Range;

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    /// The text.
    pub text: AttrValue,
    /// Byte ranges of `text` to mark, ascending and disjoint.
    pub ranges: Vec<Range<usize>>,
}

/// `text` with `ranges` wrapped in `<mark>`.
#[function_component]
pub fn Highlighted(props: &HighlightedProps) -> Html {
    let text = props.text.as_str();
    let mut parts = Vec::with_capacity(props.ranges.len() * 2 + 1);
    let mut at = 0;
    for r in &props.ranges {
        // Ranges come from the engine; skip any that do not fit rather than panic.
        let (Some(before), Some(marked)) = (text.get(at..r.start), text.get(r.clone())) else { continue };
        if !before.is_empty() {
            parts.push(html! { { before.to_owned() } });
        }
        parts.push(html! { <mark>{ marked.to_owned() }</mark> });
        at = r.end;
    }
    parts.push(html! { { text.get(at..).unwrap_or("").to_owned() } });
    html! { <>{ for parts }</> }
}
