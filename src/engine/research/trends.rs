//! Trends: how often a query matches per period of the documents'
//! publication dates (years, or months when the corpus spans under two
//! years), beside the words published in each period for rates.

use std::collections::BTreeMap;

use crate::engine::index::{Doc, Index};

use super::matches::matching_docs;

/// Counts of one period, or of the documents without a date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrendRow {
    /// `2019`, or `2019-06` in a corpus spanning under two years (a
    /// document dated only by its year is counted under the year); empty
    /// for the documents without a date.
    pub period: String,
    /// Matches of the query (highlighted ranges, outside furniture).
    pub matches: usize,
    /// Documents with at least one match.
    pub documents: usize,
    /// Tokens of every document of the period (matching or not).
    pub words: u64,
}

impl TrendRow {
    /// Matches per 10,000 words (0 for a period without words).
    pub fn per_10k_words(&self) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            self.matches as f64 * 10_000.0 / self.words as f64
        }
    }
}

/// The trend of a query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Trends {
    /// Every period some document was published in, in order, with or
    /// without matches.
    pub periods: Vec<TrendRow>,
    /// The documents without a date, in no period.
    pub undated: TrendRow,
}

/// How publication dates are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Granularity {
    Year,
    Month,
}

/// The year and month of a date (`YYYY[-MM[-DD]]`); month 0 when unknown.
fn year_month(date: &str) -> Option<(i32, u32)> {
    let year = date.get(..4)?.parse().ok()?;
    let month = date.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(0);
    Some((year, month))
}

/// Months when the dates span under two years (a year alone spans its
/// twelve months), years otherwise.
fn granularity(index: &Index<'_>) -> Granularity {
    let months = index.docs().filter_map(|d| year_month(d.date)).flat_map(|(y, m)| {
        let (first, last) = if m == 0 { (1, 12) } else { (m, m) };
        [y * 12 + first as i32, y * 12 + last as i32]
    });
    let (lo, hi) = months.fold((i32::MAX, i32::MIN), |(lo, hi), m| (lo.min(m), hi.max(m)));
    if lo <= hi && hi - lo < 24 {
        Granularity::Month
    } else {
        Granularity::Year
    }
}

/// The period a document belongs to; `None` without a date.
fn period(doc: &Doc<'_>, granularity: Granularity) -> Option<String> {
    let (year, month) = year_month(doc.date)?;
    Some(match granularity {
        Granularity::Month if month > 0 => format!("{year:04}-{month:02}"),
        _ => format!("{year:04}"),
    })
}

/// Tokens of a document: the sum of its sections' counts.
pub fn doc_words(index: &Index<'_>, doc: &Doc<'_>) -> u64 {
    (doc.first_section..doc.first_section + doc.section_count)
        .map(|s| u64::from(index.section_len(s)))
        .sum()
}

/// Matches of `query` per period of publication.
pub fn trends(index: &Index<'_>, query: &str) -> Trends {
    let granularity = granularity(index);
    let mut periods: BTreeMap<String, TrendRow> = BTreeMap::new();
    let mut undated = TrendRow::default();
    let mut doc_period: Vec<Option<String>> = Vec::with_capacity(index.doc_count() as usize);
    for doc in index.docs() {
        let p = period(&doc, granularity);
        let row = match &p {
            Some(p) => periods.entry(p.clone()).or_insert_with(|| TrendRow { period: p.clone(), ..TrendRow::default() }),
            None => &mut undated,
        };
        row.words += doc_words(index, &doc);
        doc_period.push(p);
    }
    for found in matching_docs(index, query) {
        let row = match &doc_period[found.doc as usize] {
            Some(p) => periods.get_mut(p).unwrap_or(&mut undated),
            None => &mut undated,
        };
        row.matches += found.ranges.len();
        row.documents += 1;
    }
    Trends { periods: periods.into_values().collect(), undated }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::research::concordance::{concordance, KwicOptions};
    use crate::engine::research::fixture;

    #[test]
    fn periods_are_months_of_a_short_span_and_counts_add_up_to_the_concordance() {
        let index = fixture::index();
        let t = trends(&index, "harbour");
        let names: Vec<&str> = t.periods.iter().map(|r| r.period.as_str()).collect();
        assert_eq!(names, ["2019-03", "2019-11", "2020", "2020-06"]);
        let total: usize = t.periods.iter().map(|r| r.matches).sum::<usize>() + t.undated.matches;
        assert_eq!(total, concordance(&index, "harbour", KwicOptions::default()).len());
        let quiet = &t.periods[1];
        assert_eq!((quiet.matches, quiet.documents), (0, 0), "a period without matches is listed");
        assert!(quiet.words > 0);
    }

    #[test]
    fn words_are_the_section_tokens_of_each_period_and_undated_documents_stand_apart() {
        let index = fixture::index();
        let t = trends(&index, "부산");
        let mut sums: BTreeMap<String, u64> = BTreeMap::new();
        for d in index.docs() {
            let words: u64 = (0..d.section_count).map(|s| u64::from(index.section(d.first_section + s).len)).sum();
            let key = if d.date.is_empty() { String::new() } else { period(&d, Granularity::Month).unwrap() };
            *sums.entry(key).or_default() += words;
        }
        for row in t.periods.iter().chain([&t.undated]) {
            assert_eq!(sums[&row.period], row.words, "{row:?}");
        }
        assert_eq!((t.undated.matches, t.undated.documents), (2, 1));
        assert!(t.periods.iter().all(|r| r.matches == 0));
        assert!(t.undated.per_10k_words() > 0.0);
    }

    #[test]
    fn a_corpus_over_years_is_counted_by_year() {
        assert_eq!(year_month("2019-06-30"), Some((2019, 6)));
        assert_eq!(year_month("2019"), Some((2019, 0)));
        assert_eq!(year_month(""), None);
        let mut docs = fixture::docs();
        docs[4].date = "2023-01".into();
        let index = fixture::build(docs);
        let names: Vec<String> = trends(&index, "port").periods.into_iter().map(|r| r.period).collect();
        assert_eq!(names, ["2019", "2020", "2023"]);
    }
}
