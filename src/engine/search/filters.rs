//! Filters (`lang:`, `year:`, `from:`/`to:`, `doc:`, `source:`) and the
//! facet counts of a result set.

use std::collections::BTreeMap;

use crate::engine::analysis::normalize;
use crate::engine::hint::Hint;
use crate::engine::index::{DocField, Index};
use crate::engine::query::{FilterKey, Query};
use crate::engine::time::{When, FIRST_DAY, LAST_DAY};

use super::types::{Facets, Hit};

/// The span of days `from:` and `to:` ask for, if they ask for one; a value
/// that is not a date gets a hint and is ignored.
pub fn date_span(query: &Query, hints: &mut Vec<Hint>) -> Option<(i32, i32)> {
    let (mut from, mut to): (Option<When>, Option<When>) = (None, None);
    for f in query
        .filters
        .iter()
        .filter(|f| matches!(f.key, FilterKey::From | FilterKey::To))
    {
        let Some(when) = When::parse(&f.value) else {
            hints.push(Hint::NotADate {
                filter: f.key.name(),
                value: f.value.clone(),
            });
            continue;
        };
        let slot = if f.key == FilterKey::From { &mut from } else { &mut to };
        *slot = Some(when);
    }
    // An open end runs to the first or last day a date can have.
    match (from, to) {
        (None, None) => None,
        (Some(f), Some(t)) if f.start > t.end => {
            hints.push(Hint::SpanSwapped {
                from: f.to_string(),
                to: t.to_string(),
            });
            Some((t.start, f.end))
        }
        (f, t) => Some((
            f.map_or(FIRST_DAY, |f| f.start),
            t.map_or(LAST_DAY, |t| t.end),
        )),
    }
}

pub(super) fn apply(index: &Index<'_>, query: &Query, hits: &mut Vec<Hit>, hints: &mut Vec<Hint>) {
    if let Some((lo, hi)) = date_span(query, hints) {
        let before = hits.len();
        hits.retain(|h| {
            index
                .section_events(h.section)
                .any(|e| e.when.start <= hi && lo <= e.when.end)
        });
        if before > 0 && hits.is_empty() {
            hints.push(Hint::NothingInSpan);
        }
    }
    for f in &query.filters {
        let value = normalize(&f.value);
        let before = hits.len();
        match f.key {
            FilterKey::Lang => {
                hits.retain(|h| index.section_lang(h.section).eq_ignore_ascii_case(&value))
            }
            FilterKey::Year => {
                hits.retain(|h| index.doc_field(h.doc, DocField::Date).starts_with(&value))
            }
            FilterKey::Doc => hits.retain(|h| normalize(index.doc_field(h.doc, DocField::Id)) == value),
            FilterKey::Source => hits.retain(|h| normalize(index.doc_field(h.doc, DocField::Source)).contains(&value)),
            FilterKey::City | FilterKey::From | FilterKey::To => continue,
        }
        if before > 0 && hits.is_empty() {
            hints.push(Hint::FilterEmptied {
                filter: f.key.name(),
                value: f.value.clone(),
            });
        }
    }
}

fn count<'a>(values: impl Iterator<Item = &'a str>) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for v in values.filter(|v| !v.is_empty()) {
        *counts.entry(v).or_default() += 1;
    }
    let mut out: Vec<(String, usize)> =
        counts.into_iter().map(|(k, n)| (k.to_owned(), n)).collect();
    crate::sort::sort_by(&mut out, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// Counts of `hits` by section language, source and year.
pub fn facets(index: &Index<'_>, hits: &[Hit]) -> Facets {
    let mut year = count(hits.iter().map(|h| {
        index
            .doc_field(h.doc, DocField::Date)
            .get(..4)
            .unwrap_or("")
    }));
    crate::sort::sort_by(&mut year, |a, b| b.0.cmp(&a.0));
    Facets {
        lang: count(hits.iter().map(|h| index.section_lang(h.section))),
        source: count(
            hits.iter()
                .map(|h| index.doc_field(h.doc, DocField::Source)),
        ),
        year,
    }
}
