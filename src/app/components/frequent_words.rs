//! The corpus's most frequent words per language, on the start page, as
//! links that search them. Counted when the reader asks (a button), never
//! at start-up: it reads every term's postings, which a split site would
//! have to fetch.

use yew::prelude::*;

use crate::app::IndexRef;
use crate::engine::research::{summary, terms};
use crate::route::Route;

/// Words listed per language.
const PER_LANGUAGE: usize = 10;

#[derive(Properties, PartialEq)]
pub struct FrequentWordsProps {
    pub index: IndexRef,
}

#[function_component]
pub fn FrequentWords(props: &FrequentWordsProps) -> Html {
    let index = props.index.0;
    let open = use_state_eq(|| false);
    if index.is_split() {
        return Html::default();
    }
    if !*open {
        let onclick = {
            let open = open.clone();
            Callback::from(move |_: MouseEvent| open.set(true))
        };
        return html! { <p class="frequent"><button type="button" class="tab" {onclick}>{ "Most frequent words" }</button></p> };
    }
    let languages = summary(index).languages;
    let lists = languages.iter().filter(|l| !l.lang.is_empty()).map(|l| {
        let words = terms(index, Some(&l.lang), PER_LANGUAGE).into_iter().map(|t| {
            let href = Route::Search { q: t.term.clone() }.to_hash();
            html! { <li><a class="chip" {href}>{ t.term }<span class="count">{ t.count }</span></a></li> }
        });
        html! {
            <div class="frequent-lang" lang={l.lang.clone()}>
                <h2 lang="en">{ l.lang.to_ascii_uppercase() }</h2>
                <ul class="chips" aria-label={format!("Most frequent words in {}", l.lang)}>{ for words }</ul>
            </div>
        }
    });
    html! { <section class="frequent" aria-label="Most frequent words, stop words left out">{ for lists }</section> }
}
