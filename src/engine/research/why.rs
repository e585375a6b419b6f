//! Why a concordance row matched its query: as typed, as another form of a
//! typed word (a stem, a Korean noun with its particles), as a spelling the
//! search chose for a word found nowhere, or as another name of the place or
//! organisation a typed name stands for (an alias, another language).

use crate::engine::analysis::lang::Variants;
use crate::engine::analysis::terms;
use crate::engine::index::Index;
use crate::engine::search::{search, SearchOptions};

use super::KwicRow;

/// How a match relates to the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchKind {
    /// Every word as typed (case and accents aside).
    Typed,
    /// Another form of a typed word: its stem, or with other particles.
    Form,
    /// The spelling searched for a typed word found nowhere.
    Spelling,
    /// Another name of what a typed name stands for.
    OtherName,
}

impl MatchKind {
    /// Its name in the command line's JSON and the concordance's column.
    pub fn name(self) -> &'static str {
        match self {
            MatchKind::Typed => "typed",
            MatchKind::Form => "form",
            MatchKind::Spelling => "spelling",
            MatchKind::OtherName => "other name",
        }
    }
}

/// A query's words, as the rows of its concordance are told apart by.
#[derive(Debug, Clone)]
pub struct Why {
    typed: Vec<String>,
    corrected: Vec<String>,
}

impl Why {
    /// The words of `query`, and the spellings its search chose.
    pub fn of(index: &Index<'_>, query: &str) -> Why {
        let corrected = search(index, query, SearchOptions::default())
            .corrections
            .into_iter()
            .map(|(_, searched)| searched)
            .collect();
        Why { typed: terms(query), corrected }
    }

    /// Why a concordance row matched (read in its section's language).
    pub fn row_kind(&self, index: &Index<'_>, row: &KwicRow) -> MatchKind {
        let lang = index
            .doc_by_id(&row.doc)
            .map_or("", |d| index.section(d.first_section + row.section.unwrap_or(0)).lang);
        self.kind(&row.matched, lang)
    }

    /// Why `matched` (a row's text, in a section in `lang`) matched.
    pub fn kind(&self, matched: &str, lang: &str) -> MatchKind {
        let words = terms(matched);
        let variants = Variants::for_language(lang);
        let same_form = |a: &str, b: &str| a == b || variants.of(a).is_some_and(|v| variants.of(b) == Some(v));
        let all = |of: &[String], form: bool| {
            !words.is_empty() && words.iter().all(|w| of.iter().any(|t| if form { same_form(t, w) } else { t == w }))
        };
        if all(&self.typed, false) {
            MatchKind::Typed
        } else if all(&self.typed, true) {
            MatchKind::Form
        } else if all(&self.corrected, true) {
            MatchKind::Spelling
        } else {
            MatchKind::OtherName
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::research::{concordance, fixture, KwicOptions};

    #[test]
    fn each_row_says_how_it_matched() {
        let index = fixture::index();
        let why = Why::of(&index, "harbour");
        assert_eq!(why.kind("Harbour", "en"), MatchKind::Typed, "case aside");
        assert_eq!(why.kind("harbours", "en"), MatchKind::Form, "a stem");
        let korean = Why::of(&index, "부산");
        assert_eq!(korean.kind("부산은", "ko"), MatchKind::Form, "a particle");
        let typo = Why::of(&index, "harbuor");
        assert_eq!(typo.kind("harbour", "en"), MatchKind::Spelling);
        // Every row of a concordance gets one.
        for row in concordance(&index, "harbour", KwicOptions::default()) {
            assert_ne!(why.kind(&row.matched, "en"), MatchKind::OtherName, "{row:?}");
        }
    }
}
