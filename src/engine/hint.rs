//! What the engine tells a reader about a query, as typed notes carrying
//! the values they need. The engine never words them: the app and the CLI
//! do, through one renderer (`view::hints`), so the wording lives in one
//! place and could be translated there.

/// A note about a query: what the parser assumed, what was corrected, why
/// nothing matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hint {
    /// A closing quote was missing; the phrase runs to the end of the query.
    UnclosedQuote,
    /// A filter was typed without a value.
    FilterWithoutValue {
        /// The filter's name (`lang`).
        filter: &'static str,
        /// A value it takes (`fr`).
        example: &'static str,
    },
    /// The query was longer than this many characters; the rest was dropped.
    QueryTooLong {
        /// The most characters read.
        chars: usize,
    },
    /// The query had more words and filters than this; the rest was dropped.
    TooManyClauses {
        /// The most clauses read.
        clauses: usize,
    },
    /// An OR without a word on each side was ignored.
    LoneOr,
    /// An OR at the end of the query was ignored.
    TrailingOr,
    /// The query has nothing to search for.
    NothingToSearch,
    /// The query only excludes words, so it matches nothing.
    OnlyExclusions,
    /// A word not in the corpus is too long to look up at other spellings.
    WordTooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// Words not in the corpus that were not looked up at other spellings
    /// (only `limit` a query are).
    NotLookedUp {
        /// The words, as typed.
        words: Vec<String>,
        /// How many unknown words a query has looked up.
        limit: usize,
    },
    /// A word not in the corpus was searched as its likeliest other spelling.
    Corrected {
        /// As typed.
        typed: String,
        /// What was searched instead.
        searched: String,
        /// Other spellings as close and as common.
        also: Vec<String>,
    },
    /// A name (typed with a capital) not in the corpus, and not searched as
    /// its nearest spelling, which the corpus writes as an ordinary word.
    NameNotFound {
        /// As typed.
        typed: String,
        /// The nearest spelling, not searched.
        nearest: String,
    },
    /// No section contains this clause.
    NoSection {
        /// The clause as typed.
        text: String,
    },
    /// Each word occurs somewhere, but no section has them all.
    NoSectionHasAll,
    /// A `from:` or `to:` value is not a date.
    NotADate {
        /// `from` or `to`.
        filter: &'static str,
        /// The value typed.
        value: String,
    },
    /// `from:` was after `to:`, so the two were swapped.
    SpanSwapped {
        /// The `from:` date as written back.
        from: String,
        /// The `to:` date as written back.
        to: String,
    },
    /// Nothing in the results is dated in the span asked for.
    NothingInSpan,
    /// A filter left nothing of the results.
    FilterEmptied {
        /// The filter's name.
        filter: &'static str,
        /// Its value.
        value: String,
    },
    /// `city:` names no place of the corpus; the filter was ignored.
    UnknownCity {
        /// The name typed.
        name: String,
    },
}
