//! Research tools over an index, as Voyant-style corpus tools give them:
//! a [`concordance`] (keyword in context) and its orders ([`kwic_sort`]),
//! [`trends`] of a query over publication dates, its [`collocates`] ranked
//! by log-likelihood ([`association`]), the most frequent [`terms`] and a
//! corpus [`summary`] and its [`documents`] table. Pure functions over `&Index`, the same in the app
//! and the CLI; where a query matches is the search's answer and the
//! reader's highlights ([`matches`]), and which words count is [`words`]
//! (with the [`stopwords`] of each language).

pub mod association;
pub mod collocates;
pub mod concordance;
pub mod documents;
#[cfg(test)]
mod fixture;
pub mod kwic_sort;
pub mod matches;
pub mod stopwords;
pub mod summary;
pub mod terms;
pub mod trends;
pub mod why;
pub mod words;

pub use collocates::{collocates, collocates_in, sample, Collocate, Sample, SAMPLE, WINDOW};
pub use concordance::{concordance, concordance_in, KwicOptions, KwicRow, CONTEXT_CHARS};
pub use matches::{matching_docs, DocMatches};
pub use documents::{documents, filter_documents, sort_documents, DocRow, DocSort};
pub use kwic_sort::{sort_rows, KwicSort};
pub use summary::{summary, CorpusSummary, LanguageCount};
pub use terms::{terms, TermCount};
pub use trends::{trends, TrendRow, Trends};
pub use why::{MatchKind, Why};
