//! Text with highlight ranges, rendered as text nodes and `<mark>` elements,
//! and set-aside spans (page furniture) rendered muted. Corpus text is
//! untrusted: it only ever becomes text nodes.

use std::ops::Range;

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    /// The text.
    pub text: AttrValue,
    /// Byte ranges of `text` to mark, ascending and disjoint.
    pub ranges: Vec<Range<usize>>,
    /// Byte ranges of `text` set aside as page furniture, ascending.
    #[prop_or_default]
    pub aside: Vec<Range<usize>>,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Mark,
    Aside,
}

/// `text` with `ranges` wrapped in `<mark>` and `aside` in a muted span.
#[function_component]
pub fn Highlighted(props: &HighlightedProps) -> Html {
    let text = props.text.as_str();
    let mut spans: Vec<(Range<usize>, Kind)> = props
        .ranges
        .iter()
        .map(|r| (r.clone(), Kind::Mark))
        .collect();
    spans.extend(props.aside.iter().map(|r| (r.clone(), Kind::Aside)));
    crate::sort::sort_by_key(&mut spans, |(r, k)| (r.start, *k));
    let mut parts = Vec::with_capacity(spans.len() * 2 + 1);
    let mut at = 0;
    for (r, kind) in spans {
        // Ranges come from the engine; skip any that overlap or do not fit rather than panic.
        let (Some(before), Some(inner)) = (text.get(at..r.start), text.get(r.clone())) else {
            continue;
        };
        if !before.is_empty() {
            parts.push(html! { { before.to_owned() } });
        }
        parts.push(match kind {
            Kind::Mark => html! { <mark>{ inner.to_owned() }</mark> },
            Kind::Aside => html! { <span class="aside" title="Set aside as page furniture: not searched">{ inner.to_owned() }</span> },
        });
        at = r.end;
    }
    parts.push(html! { { text.get(at..).unwrap_or("").to_owned() } });
    html! { <>{ for parts }</> }
}
