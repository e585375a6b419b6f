//! The orders of a concordance: by the words to the left of the match
//! (nearest first, as KWIC tools sort reversed contexts), by the matched
//! form, by the words to the right, by document and by date. Words compare
//! as the index folds them: case and diacritics aside.

use crate::engine::analysis::{normalize, terms};

use super::concordance::KwicRow;

/// An order of concordance rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KwicSort {
    /// By the word right before the match, then the one before it …
    Left,
    /// By the matched words.
    Match,
    /// By the word right after the match, then the one after it …
    Right,
    /// By document id, then position in the text.
    Doc,
    /// By publication date, oldest first; undated rows last.
    Date,
}

impl KwicSort {
    /// Every order, as named on the command line and in a link.
    pub const ALL: [KwicSort; 5] = [KwicSort::Left, KwicSort::Match, KwicSort::Right, KwicSort::Doc, KwicSort::Date];

    /// Its name: `left`, `match`, `right`, `doc`, `date`.
    pub fn name(self) -> &'static str {
        match self {
            KwicSort::Left => "left",
            KwicSort::Match => "match",
            KwicSort::Right => "right",
            KwicSort::Doc => "doc",
            KwicSort::Date => "date",
        }
    }

    /// The order a name stands for.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// What a row is sorted by: folded words, or a date that sorts undated last.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Words(Vec<String>),
    Date { undated: bool, date: String },
}

fn key(row: &KwicRow, sort: KwicSort) -> Key {
    match sort {
        KwicSort::Left => Key::Words(terms(&row.left).into_iter().rev().collect()),
        KwicSort::Match => Key::Words(terms(&row.matched)),
        KwicSort::Right => Key::Words(terms(&row.right)),
        KwicSort::Doc => Key::Words(vec![normalize(&row.doc)]),
        KwicSort::Date => Key::Date { undated: row.date.is_empty(), date: row.date.clone() },
    }
}

/// Sorts `rows` by `sort`; ties keep document and text order.
pub fn sort_rows(rows: &mut [KwicRow], sort: KwicSort) {
    crate::sort::sort_by_cached_key(rows, |r| (key(r, sort), r.doc.clone(), r.start));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(doc: &str, date: &str, left: &str, matched: &str, right: &str, start: usize) -> KwicRow {
        KwicRow {
            doc: doc.into(),
            section: None,
            date: date.into(),
            left: left.into(),
            matched: matched.into(),
            right: right.into(),
            start,
            end: start + matched.len(),
        }
    }

    fn docs_and_starts(rows: &[KwicRow]) -> Vec<(&str, usize)> {
        rows.iter().map(|r| (r.doc.as_str(), r.start)).collect()
    }

    #[test]
    fn left_sorts_on_the_nearest_word_first_without_case_or_accents() {
        let mut rows = vec![
            row("a", "", "near the Zebra", "port", "", 1),
            row("a", "", "zebra of the élan", "port", "", 2),
            row("b", "", "the apple", "port", "", 3),
            row("b", "", "Elan", "Port", "", 4),
        ];
        sort_rows(&mut rows, KwicSort::Left);
        assert_eq!(docs_and_starts(&rows), [("b", 3), ("b", 4), ("a", 2), ("a", 1)]);
    }

    #[test]
    fn match_right_doc_and_date_orders() {
        let base = vec![
            row("c", "2020", "", "Ports", "Zinc mine", 5),
            row("a", "", "", "port", "again", 9),
            row("b", "2019-05", "", "PORT", "apple tree", 1),
            row("a", "", "", "port", "Apple", 2),
        ];
        let order = |sort| {
            let mut rows = base.clone();
            sort_rows(&mut rows, sort);
            docs_and_starts(&rows).into_iter().map(|(d, s)| format!("{d}{s}")).collect::<Vec<_>>()
        };
        assert_eq!(order(KwicSort::Match), ["a2", "a9", "b1", "c5"]);
        assert_eq!(order(KwicSort::Right), ["a9", "a2", "b1", "c5"]);
        assert_eq!(order(KwicSort::Doc), ["a2", "a9", "b1", "c5"]);
        assert_eq!(order(KwicSort::Date), ["b1", "c5", "a2", "a9"]);
    }

    #[test]
    fn names_read_back() {
        for s in KwicSort::ALL {
            assert_eq!(KwicSort::from_name(s.name()), Some(s));
        }
        assert_eq!(KwicSort::from_name("width"), None);
    }
}
