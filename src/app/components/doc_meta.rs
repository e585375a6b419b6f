//! The line of metadata under a title: source, author, date, language.

use yew::prelude::*;

use crate::engine::Doc;

/// A language code's name, in English and in the language itself.
pub fn language_name(code: &str) -> &str {
    match code {
        "en" => "English",
        "fr" => "French · français",
        "ko" => "Korean · 한국어",
        "zh" => "Chinese · 中文",
        "ja" => "Japanese · 日本語",
        "de" => "German · Deutsch",
        "es" => "Spanish · español",
        other => other,
    }
}

#[derive(Properties, PartialEq)]
pub struct DocMetaProps {
    pub source: AttrValue,
    #[prop_or_default]
    pub author: AttrValue,
    pub date: AttrValue,
    pub lang: AttrValue,
}

impl DocMetaProps {
    /// The props for a document (its file's name stands for a missing source).
    pub fn of(doc: &Doc<'static>) -> Self {
        DocMetaProps {
            source: AttrValue::Static(crate::view::results::source_or_file(doc.source, doc.id)),
            author: AttrValue::Static(doc.author),
            date: AttrValue::Static(doc.date),
            lang: AttrValue::Static(doc.lang),
        }
    }
}

/// Source · author · date · language, leaving out what is unknown.
#[function_component]
pub fn DocMeta(props: &DocMetaProps) -> Html {
    let source = (!props.source.is_empty())
        .then(|| html! { <span class="source">{ props.source.clone() }</span> });
    let author = (!props.author.is_empty())
        .then(|| html! { <span class="author">{ props.author.clone() }</span> });
    let date = (!props.date.is_empty())
        .then(|| html! { <time datetime={props.date.clone()}>{ props.date.clone() }</time> });
    let lang = (!props.lang.is_empty()).then(|| {
        html! { <span class="lang" lang="en" title={language_name(&props.lang).to_owned()}>{ props.lang.to_ascii_uppercase() }</span> }
    });
    html! { <p class="meta">{ for source }{ for author }{ for date }{ for lang }</p> }
}
