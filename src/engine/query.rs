//! The query language. Lenient by design: every string parses, and what the
//! parser had to assume is reported as a warning instead of an error.
//!
//! ```text
//! hong kong            both terms required (AND is the default)
//! "supply chain"       a phrase: these words exactly, in this order (no stems, no aliases)
//! -shenzhen            sections containing the term are excluded
//! fintech OR 핀테크    either term (also `|`)
//! hangz                while typing, the last word also matches as a prefix
//! lang:fr year:2019    filters: lang, year, doc, source, city (a place, any language)
//! from:2019 to:2021-06 sections dated in that span (published or mentioned; YYYY, YYYY-MM, YYYY-MM-DD)
//! ```
//! A word that analyses to several tokens (`cross-border`, `深圳市`) is matched
//! as a phrase.

use super::analysis::terms;
use super::hint::Hint;

/// A parsed query: every positive clause must match, no negative one may.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// The clauses, in the order typed.
    pub clauses: Vec<Clause>,
    /// Filters (`lang:fr`, `year:2019`, `doc:…`, `source:…`, `city:…`).
    pub filters: Vec<Filter>,
    /// What the parser assumed (unbalanced quote, ignored operator …).
    pub warnings: Vec<Hint>,
}

/// What a filter restricts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKey {
    /// The section's language code.
    Lang,
    /// The publication year.
    Year,
    /// The document id (file name).
    Doc,
    /// The outlet (case-insensitive substring).
    Source,
    /// A place named in the section, under any of its names.
    City,
    /// Sections with a date (published or mentioned) on or after this one.
    From,
    /// Sections with a date (published or mentioned) on or before this one.
    To,
}

impl FilterKey {
    /// The key as typed.
    pub fn name(self) -> &'static str {
        match self {
            FilterKey::Lang => "lang",
            FilterKey::Year => "year",
            FilterKey::Doc => "doc",
            FilterKey::Source => "source",
            FilterKey::City => "city",
            FilterKey::From => "from",
            FilterKey::To => "to",
        }
    }

    /// Every filter.
    pub const ALL: [FilterKey; 7] = [
        FilterKey::Lang,
        FilterKey::Year,
        FilterKey::Doc,
        FilterKey::Source,
        FilterKey::City,
        FilterKey::From,
        FilterKey::To,
    ];

    fn parse(key: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(key))
    }
}

/// `key:value` in a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// What is restricted.
    pub key: FilterKey,
    /// The value as typed.
    pub value: String,
}

/// One required (or excluded) part of a query: alternatives joined by `OR`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Clause {
    /// Any one alternative satisfies the clause.
    pub alternatives: Vec<Alternative>,
    /// Sections matching this clause are removed from the results.
    pub negated: bool,
}

/// A single term or a phrase.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alternative {
    /// The analysed terms; more than one means they must be adjacent, in order.
    pub terms: Vec<String>,
    /// The text as the reader typed it.
    pub text: String,
    /// The last term may also match as a prefix (the reader is still typing it).
    pub prefix: bool,
    /// Typed in quotes: matched exactly as written, never merged with neighbours.
    pub quoted: bool,
}

impl Query {
    /// Whether the query asks for anything at all.
    pub fn is_empty(&self) -> bool {
        self.clauses.iter().all(|c| c.negated) && self.filters.is_empty()
    }
}

#[derive(Debug)]
enum Lexeme {
    Word {
        text: String,
        negated: bool,
        quoted: bool,
    },
    Filter(Filter),
    Or,
}

fn read_quoted(
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
    warnings: &mut Vec<Hint>,
) -> String {
    let mut text = String::new();
    for ch in chars.by_ref() {
        if ch == '"' {
            return text;
        }
        text.push(ch);
    }
    warnings.push(Hint::UnclosedQuote);
    text
}

fn lex(input: &str, warnings: &mut Vec<Hint>) -> Vec<Lexeme> {
    let mut out = Vec::new();
    let mut chars = input.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() || c.is_control() {
            chars.next();
            continue;
        }
        let mut negated = false;
        if c == '-' {
            chars.next();
            match chars.peek() {
                Some(&n) if !n.is_whitespace() && n != '-' => negated = true,
                _ => continue,
            }
        }
        if chars.peek() == Some(&'"') {
            chars.next();
            let text = read_quoted(&mut chars, warnings);
            out.push(Lexeme::Word {
                text,
                negated,
                quoted: true,
            });
            continue;
        }
        let mut text = String::new();
        while let Some(&ch) = chars.peek() {
            if ch.is_whitespace() || ch.is_control() || ch == '"' {
                break;
            }
            text.push(ch);
            chars.next();
        }
        let filter = text
            .split_once(':')
            .and_then(|(k, v)| FilterKey::parse(k).map(|key| (key, v.to_owned())));
        if let (Some((key, mut value)), false) = (filter, negated) {
            if value.is_empty() && chars.peek() == Some(&'"') {
                chars.next();
                value = read_quoted(&mut chars, warnings);
            }
            if value.trim().is_empty() {
                warnings.push(Hint::FilterWithoutValue {
                    filter: key.name(),
                    example: example(key),
                });
            } else {
                out.push(Lexeme::Filter(Filter { key, value }));
            }
        } else if !negated && (text == "OR" || text == "|" || text == "||") {
            out.push(Lexeme::Or);
        } else if !negated && (text == "AND" || text == "&&") {
            // AND is what we do anyway.
        } else {
            out.push(Lexeme::Word {
                text,
                negated,
                quoted: false,
            });
        }
    }
    out
}

fn example(key: FilterKey) -> &'static str {
    match key {
        FilterKey::Lang => "fr",
        FilterKey::Year => "1999",
        FilterKey::Doc => "<file name>",
        FilterKey::Source => "<outlet>",
        FilterKey::City => "<place>",
        FilterKey::From => "1999",
        FilterKey::To => "2001-06",
    }
}

/// The longest query read, in characters: the rest is left out with a
/// warning (a query arrives from anyone's shared URL).
pub const MAX_QUERY_CHARS: usize = 1000;
/// The most clauses (words, phrases, alternatives) a query may have.
pub const MAX_CLAUSES: usize = 32;

/// Parses a query. `typing` marks the last word as a prefix unless the input
/// ends with a space or a closing quote (the reader has finished that word).
/// Beyond [`MAX_QUERY_CHARS`] and [`MAX_CLAUSES`] the rest is dropped, with a warning.
pub fn parse(input: &str, typing: bool) -> Query {
    let mut warnings = Vec::new();
    let input = match input.char_indices().nth(MAX_QUERY_CHARS) {
        Some((cut, _)) => {
            warnings.push(Hint::QueryTooLong {
                chars: MAX_QUERY_CHARS,
            });
            &input[..cut]
        }
        None => input,
    };
    let mut lexemes = lex(input, &mut warnings);
    let words = lexemes
        .iter()
        .enumerate()
        .filter(|(_, l)| !matches!(l, Lexeme::Or))
        .map(|(i, _)| i)
        .nth(MAX_CLAUSES);
    if let Some(cut) = words {
        lexemes.truncate(cut);
        warnings.push(Hint::TooManyClauses {
            clauses: MAX_CLAUSES,
        });
    }
    let last_word = lexemes
        .iter()
        .rposition(|l| matches!(l, Lexeme::Word { .. }));
    let finished = input.ends_with(|c: char| c.is_whitespace() || c == '"');

    let mut clauses: Vec<Clause> = Vec::new();
    let mut filters = Vec::new();
    let mut join_next = false;
    for (i, lexeme) in lexemes.into_iter().enumerate() {
        match lexeme {
            Lexeme::Filter(f) => filters.push(f),
            Lexeme::Or => {
                if clauses.last().is_some_and(|c| !c.negated) {
                    join_next = true;
                } else {
                    warnings.push(Hint::LoneOr);
                }
            }
            Lexeme::Word {
                text,
                negated,
                quoted,
            } => {
                let analysed = terms(&text);
                if analysed.is_empty() {
                    join_next = false;
                    continue;
                }
                let prefix = typing && !quoted && !negated && !finished && Some(i) == last_word;
                let alt = Alternative {
                    terms: analysed,
                    text,
                    prefix,
                    quoted,
                };
                match clauses.last_mut() {
                    Some(clause) if join_next && !negated => clause.alternatives.push(alt),
                    _ => clauses.push(Clause {
                        alternatives: vec![alt],
                        negated,
                    }),
                }
                join_next = false;
            }
        }
    }
    if join_next {
        warnings.push(Hint::TrailingOr);
    }
    if clauses.is_empty() && filters.is_empty() && !input.trim().is_empty() {
        warnings.push(Hint::NothingToSearch);
    } else if !clauses.is_empty() && clauses.iter().all(|c| c.negated) {
        warnings
            .push(Hint::OnlyExclusions);
    }
    Query {
        clauses,
        filters,
        warnings,
    }
}

/// `input` with every `key:` filter removed and, when `value` is given,
/// `key:value` appended (quoted if it has spaces): how the map and the
/// timeline change the query in the URL without touching what was typed.
pub fn with_filter(input: &str, key: FilterKey, value: Option<&str>) -> String {
    let mut kept: Vec<&str> = Vec::new();
    let mut rest = input;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        // One lexeme: up to whitespace outside quotes.
        let mut quoted = false;
        let end = rest
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    quoted = !quoted;
                }
                c.is_whitespace() && !quoted
            })
            .map_or(rest.len(), |(i, _)| i);
        let lexeme = &rest[..end];
        let is_key = lexeme
            .split_once(':')
            .is_some_and(|(k, _)| k.eq_ignore_ascii_case(key.name()));
        if !is_key {
            kept.push(lexeme);
        }
        rest = &rest[end..];
    }
    let mut out = kept.join(" ");
    if let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        let v = v.replace('"', "");
        if v.contains(char::is_whitespace) {
            out.push_str(&format!("{}:\"{v}\"", key.name()));
        } else {
            out.push_str(&format!("{}:{v}", key.name()));
        }
    }
    out
}

/// The value of the query's first `key:` filter, if any.
pub fn filter_value(input: &str, key: FilterKey) -> Option<String> {
    parse(input, false)
        .filters
        .into_iter()
        .find(|f| f.key == key)
        .map(|f| f.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_is_replaced_without_touching_the_rest() {
        let q = with_filter(
            "fintech city:shenzhen \"supply chain\"",
            FilterKey::City,
            Some("Hong Kong"),
        );
        assert_eq!(q, "fintech \"supply chain\" city:\"Hong Kong\"");
        assert_eq!(
            filter_value(&q, FilterKey::City).as_deref(),
            Some("Hong Kong")
        );
        assert_eq!(
            with_filter(&q, FilterKey::City, None),
            "fintech \"supply chain\""
        );
        assert_eq!(
            with_filter("city:\"Hong Kong\" 5G", FilterKey::City, Some("Macau")),
            "5G city:Macau"
        );
        assert_eq!(
            with_filter("", FilterKey::City, Some("Macau")),
            "city:Macau"
        );
    }

    fn shape(q: &Query) -> Vec<(bool, Vec<Vec<String>>)> {
        q.clauses
            .iter()
            .map(|c| {
                (
                    c.negated,
                    c.alternatives.iter().map(|a| a.terms.clone()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn words_are_required_clauses() {
        let q = parse("Hong Kong", false);
        assert_eq!(
            shape(&q),
            vec![
                (false, vec![vec!["hong".to_string()]]),
                (false, vec![vec!["kong".to_string()]])
            ]
        );
    }

    #[test]
    fn phrases_or_and_exclusions() {
        let q = parse(r#""supply chain" fintech OR 핀테크 -Shenzhen"#, false);
        assert_eq!(q.clauses.len(), 3);
        assert_eq!(q.clauses[0].alternatives[0].terms, ["supply", "chain"]);
        assert_eq!(q.clauses[1].alternatives.len(), 2);
        assert!(q.clauses[2].negated);
        assert!(q.warnings.is_empty());
    }

    #[test]
    fn last_word_is_a_prefix_only_while_typing() {
        assert!(parse("hong ko", true).clauses[1].alternatives[0].prefix);
        assert!(!parse("hong ko ", true).clauses[1].alternatives[0].prefix);
        assert!(!parse("hong ko", false).clauses[1].alternatives[0].prefix);
        assert!(!parse("\"hong ko\"", true).clauses[0].alternatives[0].prefix);
    }

    #[test]
    fn hyphenated_word_is_a_phrase() {
        assert_eq!(
            parse("cross-border", false).clauses[0].alternatives[0].terms,
            ["cross", "border"]
        );
    }

    #[test]
    fn strange_input_parses_with_a_hint() {
        for input in [
            "\"unclosed phrase",
            "OR OR",
            "- - -",
            "-gone",
            "\u{0}\u{7}",
            "AND",
            "!!!",
        ] {
            let q = parse(input, true);
            assert!(!q.warnings.is_empty() || q.clauses.is_empty(), "{input:?}");
        }
        assert!(parse("-gone", true).is_empty());
        assert_eq!(
            parse("\"unclosed phrase", true).clauses[0].alternatives[0].terms,
            ["unclosed", "phrase"]
        );
    }

    #[test]
    fn filters_are_taken_out_of_the_words() {
        let q = parse("fintech lang:ko year:2026 city:\"hong kong\" Tag:x", true);
        assert_eq!(q.clauses.len(), 2, "Tag:x is not a filter, so it is a word");
        let f: Vec<(FilterKey, &str)> = q
            .filters
            .iter()
            .map(|f| (f.key, f.value.as_str()))
            .collect();
        assert_eq!(
            f,
            [
                (FilterKey::Lang, "ko"),
                (FilterKey::Year, "2026"),
                (FilterKey::City, "hong kong")
            ]
        );
        assert!(!parse("lang:", true).warnings.is_empty());
        assert!(!parse("year:2019", true).is_empty());
    }
}
