//! The reader's words for the engine's [`Hint`]s: the one place they are
//! written, for the app and the CLI alike.

use std::fmt;

use crate::engine::hint::Hint;

/// `“word”` for each word, joined with commas.
fn quoted(words: &[String]) -> String {
    words.iter().map(|w| format!("“{w}”")).collect::<Vec<_>>().join(", ")
}

impl fmt::Display for Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Hint::UnclosedQuote => {
                write!(f, "A closing quote was missing; the phrase runs to the end of the query.")
            }
            Hint::FilterWithoutValue { filter, example } => {
                write!(f, "{filter}: needs a value, as in {filter}:{example}")
            }
            Hint::QueryTooLong { chars } => write!(
                f,
                "The query is longer than {chars} characters: only its beginning was searched."
            ),
            Hint::TooManyClauses { clauses } => write!(
                f,
                "The query has more than {clauses} words and filters: only the first {clauses} were searched."
            ),
            Hint::LoneOr => write!(f, "OR needs a word on each side; it was ignored."),
            Hint::TrailingOr => write!(f, "OR at the end of the query was ignored."),
            Hint::NothingToSearch => {
                write!(f, "Nothing to search for: type a word, a \"phrase\", or a name.")
            }
            Hint::OnlyExclusions => write!(
                f,
                "A query of exclusions only matches nothing; add a word to search for."
            ),
            Hint::WordTooLong { chars } => write!(
                f,
                "A word of {chars} characters is not in the corpus, and is too long to look up other spellings of."
            ),
            Hint::NotLookedUp { words, limit } => write!(
                f,
                "Not in the corpus, and not looked up for other spellings (only {limit} unknown words a query are): {}.",
                quoted(words)
            ),
            Hint::Corrected { typed, searched, also } if also.is_empty() => {
                write!(f, "“{typed}” is not in the corpus: showing results for “{searched}”.")
            }
            Hint::Corrected { typed, searched, also } => write!(
                f,
                "“{typed}” is not in the corpus: showing results for “{searched}”, the most common of the close spellings (also {}).",
                quoted(also)
            ),
            Hint::NameNotFound { typed, nearest } => write!(
                f,
                "No text names “{typed}”. Its nearest spelling here, “{nearest}”, is an ordinary word, so it was not searched instead: type it if you meant it."
            ),
            Hint::NoSection { text } => write!(f, "No section contains “{text}”."),
            Hint::NoSectionHasAll => write!(
                f,
                "Each word occurs somewhere, but no section has them all: try fewer words, or OR between them."
            ),
            Hint::NotADate { filter, value } => write!(
                f,
                "{filter}:{value} is not a date: write {filter}:2019, {filter}:2019-06 or {filter}:2019-06-25."
            ),
            Hint::SpanSwapped { from, to } => {
                write!(f, "from:{from} is after to:{to}, so the two were swapped.")
            }
            Hint::NothingInSpan => write!(
                f,
                "Nothing in the results is dated in that span: widen it, or clear from: and to:."
            ),
            Hint::FilterEmptied { filter, value } => write!(
                f,
                "Nothing matches {filter}:{value} together with the rest of the query."
            ),
            Hint::UnknownCity { name } => write!(
                f,
                "No place called “{name}” is named in this corpus; the city filter was ignored."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_correction_names_the_other_spellings_only_when_there_are_some() {
        let one = Hint::Corrected { typed: "Irak".into(), searched: "iran".into(), also: vec![] };
        assert_eq!(one.to_string(), "“Irak” is not in the corpus: showing results for “iran”.");
        let two = Hint::Corrected { typed: "Irak".into(), searched: "iran".into(), also: vec!["iraq".into()] };
        assert!(two.to_string().ends_with("(also “iraq”)."), "{two}");
        let name = Hint::NameNotFound { typed: "Paris".into(), nearest: "pris".into() };
        assert!(name.to_string().starts_with("No text names “Paris”."), "{name}");
        assert!(name.to_string().contains("“pris”"), "{name}");
    }

    #[test]
    fn a_filter_without_a_value_shows_one() {
        let h = Hint::FilterWithoutValue { filter: "lang", example: "fr" };
        assert_eq!(h.to_string(), "lang: needs a value, as in lang:fr");
    }
}
