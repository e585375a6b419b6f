//! The filters of a query as removable pills: what each narrows, and the
//! query without it, so the reader sees what is filtering the results and
//! lifts one, or all, with a click.

use crate::engine::query::{parse, with_filter, FilterKey};

/// One active filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pill {
    /// What it narrows to, as a reader reads it (`city: Shenzhen`,
    /// `from 2019-01 to 2019-11`).
    pub label: String,
    /// The query without it.
    pub without: String,
}

/// The query's filters as pills, in the order typed (`from:` and `to:` one
/// pill, a span); none for a query without filters.
pub fn pills(query: &str) -> Vec<Pill> {
    let parsed = parse(query, false);
    let mut out: Vec<Pill> = Vec::new();
    let value = |key: FilterKey| parsed.filters.iter().find(|f| f.key == key).map(|f| f.value.clone());
    let mut span_done = false;
    for f in &parsed.filters {
        match f.key {
            FilterKey::From | FilterKey::To => {
                if span_done {
                    continue;
                }
                span_done = true;
                let label = match (value(FilterKey::From), value(FilterKey::To)) {
                    (Some(a), Some(b)) => format!("from {a} to {b}"),
                    (Some(a), None) => format!("from {a}"),
                    (None, Some(b)) => format!("until {b}"),
                    (None, None) => continue,
                };
                let without = with_filter(&with_filter(query, FilterKey::From, None), FilterKey::To, None);
                out.push(Pill { label, without });
            }
            key => out.push(Pill {
                label: format!("{}: {}", key.name(), f.value),
                without: with_filter(query, key, None),
            }),
        }
    }
    out
}

/// The query without any of its filters.
pub fn without_filters(query: &str) -> String {
    FilterKey::ALL
        .into_iter()
        .fold(query.to_owned(), |q, k| with_filter(&q, k, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_filter_is_a_pill_that_lifts_only_itself() {
        let q = "fintech city:Shenzhen lang:en";
        let p = pills(q);
        let labels: Vec<&str> = p.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["city: Shenzhen", "lang: en"]);
        assert_eq!(p[0].without, "fintech lang:en");
        assert_eq!(p[1].without, "fintech city:Shenzhen");
        assert_eq!(without_filters(q), "fintech");
    }

    #[test]
    fn a_span_is_one_pill_and_a_query_of_words_has_none() {
        let p = pills("from:2019-01 to:2019-11 \"Hong Kong\"");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].label, "from 2019-01 to 2019-11");
        assert_eq!(p[0].without, "\"Hong Kong\"");
        assert_eq!(pills("to:2020")[0].label, "until 2020");
        assert!(pills("Hong Kong OR Macau").is_empty());
        assert_eq!(pills("city:\"Hong Kong\"")[0].label, "city: Hong Kong");
    }
}
