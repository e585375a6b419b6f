//! The documents table: one row per document with what a researcher sorts
//! a corpus by (title, source, date, language, length in words, sections,
//! places and dates named), in any of those orders, filtered by words.

use crate::engine::analysis::normalize;
use crate::engine::index::Index;
use crate::engine::overview::places::place_counts;

/// One document's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocRow {
    /// Its id (file name).
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its source (outlet), empty when unknown.
    pub source: String,
    /// Its publication date (`YYYY[-MM[-DD]]`), empty when unknown.
    pub date: String,
    /// Its language code.
    pub lang: String,
    /// Indexed words (page furniture left out).
    pub words: u64,
    /// Sections.
    pub sections: u32,
    /// Distinct places (cities, regions, countries) it names.
    pub places: u32,
    /// Dates it mentions (its publication date aside).
    pub dates: u32,
}

/// An order of the documents table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocSort {
    /// By title, A to Z.
    Title,
    /// By source, A to Z; unknown last.
    Source,
    /// By date, oldest first; undated last.
    Date,
    /// By language code.
    Lang,
    /// Longest first.
    Words,
    /// Most sections first.
    Sections,
    /// Most places first.
    Places,
    /// Most dates first.
    Dates,
}

impl DocSort {
    /// Every order, as named in a link.
    pub const ALL: [DocSort; 8] = [
        DocSort::Title,
        DocSort::Source,
        DocSort::Date,
        DocSort::Lang,
        DocSort::Words,
        DocSort::Sections,
        DocSort::Places,
        DocSort::Dates,
    ];

    /// Its name: `title`, `source`, `date`, `lang`, `words`, `sections`,
    /// `places`, `dates`.
    pub fn name(self) -> &'static str {
        match self {
            DocSort::Title => "title",
            DocSort::Source => "source",
            DocSort::Date => "date",
            DocSort::Lang => "lang",
            DocSort::Words => "words",
            DocSort::Sections => "sections",
            DocSort::Places => "places",
            DocSort::Dates => "dates",
        }
    }

    /// The order a name stands for.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// Every document's row, in the index's order (by id).
pub fn documents(index: &Index<'_>) -> Vec<DocRow> {
    let n = index.doc_count() as usize;
    let mut places = vec![0u32; n];
    for c in place_counts(index, None) {
        for &(doc, _) in &c.docs {
            if let Some(p) = places.get_mut(doc as usize) {
                *p += 1;
            }
        }
    }
    let mut dates = vec![0u32; n];
    for e in index.events().filter(|e| !e.published) {
        if let Some(d) = dates.get_mut(index.section_doc(e.section) as usize) {
            *d += 1;
        }
    }
    index
        .docs()
        .enumerate()
        .map(|(i, d)| DocRow {
            id: d.id.to_owned(),
            title: d.title.to_owned(),
            source: d.source.to_owned(),
            date: d.date.to_owned(),
            lang: d.lang.to_owned(),
            words: (d.first_section..d.first_section + d.section_count)
                .map(|s| u64::from(index.section(s).len))
                .sum(),
            sections: d.section_count,
            places: places[i],
            dates: dates[i],
        })
        .collect()
}

/// Sorts `rows` by `sort`; ties keep the index's order. (One comparison
/// for every order: each sort key type would link another copy of the
/// sort into the wasm.)
pub fn sort_documents(rows: &mut [DocRow], sort: DocSort) {
    use std::cmp::Ordering;
    // Text A to Z, unknown (empty) last; numbers largest first.
    let text = |a: &str, b: &str| a.is_empty().cmp(&b.is_empty()).then_with(|| normalize(a).cmp(&normalize(b)));
    crate::sort::sort_by(rows, |a, b| -> Ordering {
        match sort {
            DocSort::Title => text(&a.title, &b.title),
            DocSort::Source => text(&a.source, &b.source),
            DocSort::Date => text(&a.date, &b.date),
            DocSort::Lang => text(&a.lang, &b.lang),
            DocSort::Words => b.words.cmp(&a.words),
            DocSort::Sections => b.sections.cmp(&a.sections),
            DocSort::Places => b.places.cmp(&a.places),
            DocSort::Dates => b.dates.cmp(&a.dates),
        }
    });
}

/// Keeps the rows that hold every word of `filter` in their title, source,
/// file name, date or language, compared folded (case and accents aside:
/// `montreal` keeps "Montréal"). An empty filter keeps every row.
pub fn filter_documents(rows: &mut Vec<DocRow>, filter: &str) {
    let words: Vec<String> = filter.split_whitespace().map(normalize).filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return;
    }
    rows.retain(|r| {
        let fields = [&r.title, &r.source, &r.id, &r.date, &r.lang].map(|f| normalize(f));
        words.iter().all(|w| fields.iter().any(|f| f.contains(w.as_str())))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::research::fixture;

    #[test]
    fn each_document_is_counted_from_its_own_sections_and_sorted_as_asked() {
        let index = fixture::index();
        let rows = documents(&index);
        assert_eq!(rows.len(), fixture::docs().len());
        for (row, doc) in rows.iter().zip(index.docs()) {
            assert_eq!(row.id, doc.id);
            assert_eq!(row.sections, doc.section_count);
            let tokens: usize = (doc.first_section..doc.first_section + doc.section_count)
                .map(|s| crate::engine::analysis::tokenize(index.section(s).text).len())
                .sum();
            assert!(row.words <= tokens as u64 && row.words > 0, "{}: {} of {tokens}", row.id, row.words);
        }
        let b = rows.iter().find(|r| r.id == "b.txt").unwrap();
        assert_eq!(b.sections, 2);
        let e = rows.iter().find(|r| r.id == "e.txt").unwrap();
        assert!(e.dates >= 2, "2019 and 2020 are mentioned: {}", e.dates);
        let mut sorted = rows.clone();
        sort_documents(&mut sorted, DocSort::Date);
        assert_eq!(sorted.last().map(|r| r.id.as_str()), Some("d.txt"), "undated last");
        assert_eq!(sorted[0].date, "2019-03-01");
        sort_documents(&mut sorted, DocSort::Words);
        assert!(sorted.windows(2).all(|w| w[0].words >= w[1].words));
    }

    #[test]
    fn the_filter_keeps_documents_holding_every_word_folded() {
        let index = fixture::index();
        let ids = |filter: &str| {
            let mut rows = documents(&index);
            filter_documents(&mut rows, filter);
            rows.into_iter().map(|r| r.id).collect::<Vec<_>>()
        };
        assert_eq!(ids("").len(), fixture::docs().len(), "no filter, every document");
        assert_eq!(ids("  "), ids(""));
        assert_eq!(ids("KO"), ["d.txt"], "a language, in any case");
        assert_eq!(ids("2020"), ["b.txt", "c.txt"], "a date");
        assert_eq!(ids("fr 2020"), ["c.txt"], "every word");
        assert_eq!(ids("e.txt"), ["e.txt"], "a file name");
        assert!(ids("zzz").is_empty());
    }
}
