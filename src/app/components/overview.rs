//! What the explorer shows before a query: the documents, and a few queries
//! to try.

use yew::prelude::*;

use super::doc_meta::DocMetaProps;
use super::DocMeta;
use crate::app::IndexRef;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub index: IndexRef,
    /// The documents as a table (`#/docs`), in an order, rather than cards.
    #[prop_or_default]
    pub table: Option<super::documents_table::TableView>,
}

fn opening(text: &str, chars: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(chars) {
        Some((i, _)) => format!("{} …", flat[..i].trim_end()),
        None => flat,
    }
}

#[function_component]
pub fn Overview(props: &OverviewProps) -> Html {
    let index = props.index.0;
    // Taken from this corpus by the builder: its most named places, a name
    // it writes in another script, its busiest year.
    let found = crate::examples();
    let examples = found.queries.iter().map(|q| {
        let href = Route::Search { q: q.clone() }.to_hash();
        html! { <li><a href={href}>{ q.clone() }</a></li> }
    });
    let docs = index.docs().map(|doc| {
        let href = Route::Doc {
            id: doc.id.to_owned(),
            q: String::new(),
            section: None,
            at: None,
        }
        .to_hash();
        html! {
            <li key={doc.id} class="result" lang={doc.lang} data-doc={doc.id}>
                <h2 class="result-title"><a href={href}>{ doc.title }</a></h2>
                <DocMeta ..DocMetaProps::of(&doc) />
                <p class="snippet">{ opening(&crate::engine::search::readable_text(index, doc.first_section), 200) }</p>
            </li>
        }
    });
    let summary = use_memo((), move |_| crate::view::summary::summary_line(&crate::engine::research::summary(index)));
    let toggle = match props.table {
        Some(_) => Route::Search { q: String::new() }.to_hash(),
        None => Route::Documents { sort: None, filter: String::new() }.to_hash(),
    };
    html! {
        <section class="overview" aria-labelledby="overview-heading">
            <div class="try">
                <h1 id="overview-heading">{ "Explore the corpus" }</h1>
                <p>{ "Type in any language. Try:" }</p>
                <ul class="examples">{ for examples }</ul>
            </div>
            <div class="docs-head">
                <p class="corpus-summary">{ summary }</p>
                <a class="tab" href={toggle} aria-current={props.table.is_some().then_some("page")}>{ "Table" }</a>
            </div>
            <super::frequent_words::FrequentWords index={props.index} />
            if let Some(view) = props.table.clone() {
                <super::documents_table::DocumentsTable index={props.index} {view} />
            } else {
                <ol class="result-list" aria-label="Documents">{ for docs }</ol>
            }
        </section>
    }
}
