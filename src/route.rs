//! Hash routes: every state of the app is a URL that survives reload, back
//! and forward, on any static host (no server rewrites needed).
//!
//! ```text
//! #/                        the corpus overview
//! #/search?q=hong%20kong    results for a query
//! #/doc/<id>?q=hong%20kong  the reader, with the query's matches highlighted
//! #/doc/<id>?q=…&s=3        … opened at its fourth section
//! #/doc/<id>?q=…&s=3&m=7    … at its eighth match (a concordance row)
//! #/kwic?q=…&sort=left      the query's concordance, in an order
//! #/trends?q=…&vs=…&vs=…    the query's matches per period, beside up to four others
//! #/docs?sort=words&filter=… the documents as a table, in an order, filtered
//! ```

use crate::engine::research::{DocSort, KwicSort};

/// Queries the trends draw beside the main one, at most.
pub const MAX_COMPARED: usize = 4;

/// What the app shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The result list (the corpus overview when the query is empty).
    Search {
        /// The query as typed.
        q: String,
    },
    /// Every match of a query in its context (keyword in context).
    Concordance {
        /// The query as typed.
        q: String,
        /// The order of the rows.
        sort: KwicSort,
    },
    /// How often a query matches per period of publication.
    Trends {
        /// The query as typed.
        q: String,
        /// Up to [`MAX_COMPARED`] other queries drawn beside it.
        vs: Vec<String>,
    },
    /// The corpus's documents as a table.
    Documents {
        /// Its order (`None`: by id, as indexed).
        sort: Option<DocSort>,
        /// Words every row shown holds (see `research::filter_documents`).
        filter: String,
    },
    /// The reader for one document.
    Doc {
        /// Document id (its file name).
        id: String,
        /// The query whose matches are highlighted.
        q: String,
        /// The section to open at (0-based, within the document).
        section: Option<u32>,
        /// The match to open at (0-based, within the document), as a
        /// concordance row names it.
        at: Option<u32>,
    },
}

impl Route {
    /// The query this route carries.
    pub fn query(&self) -> &str {
        match self {
            Route::Search { q } | Route::Concordance { q, .. } | Route::Trends { q, .. } | Route::Doc { q, .. } => q,
            Route::Documents { .. } => "",
        }
    }

    /// Parses a location hash (with or without the leading `#`). Anything
    /// unrecognised is the overview, never an error.
    pub fn from_hash(hash: &str) -> Route {
        let hash = hash.trim_start_matches('#');
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let param = |name: &str| {
            query
                .split('&')
                .find_map(|kv| kv.strip_prefix(name))
                .map(decode)
        };
        let q = param("q=").unwrap_or_default();
        match path.trim_start_matches('/').split_once('/') {
            Some(("doc", id)) if !id.is_empty() => Route::Doc {
                id: decode(id),
                q,
                section: param("s=").and_then(|s| s.parse().ok()),
                at: param("m=").and_then(|m| m.parse().ok()),
            },
            None if path.trim_start_matches('/') == "kwic" => Route::Concordance {
                q,
                sort: param("sort=").and_then(|s| KwicSort::from_name(&s)).unwrap_or(KwicSort::Doc),
            },
            None if path.trim_start_matches('/') == "docs" => Route::Documents {
                sort: param("sort=").and_then(|s| DocSort::from_name(&s)),
                filter: param("filter=").unwrap_or_default(),
            },
            None if path.trim_start_matches('/') == "trends" => Route::Trends {
                q,
                vs: query
                    .split('&')
                    .filter_map(|kv| kv.strip_prefix("vs="))
                    .map(decode)
                    .filter(|t| !t.trim().is_empty())
                    .take(MAX_COMPARED)
                    .collect(),
            },
            _ => Route::Search { q },
        }
    }

    /// The hash for this route, starting with `#`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Search { q } if q.is_empty() => "#/".to_owned(),
            Route::Search { q } => format!("#/search?q={}", encode(q)),
            Route::Concordance { q, sort } => format!("#/kwic?q={}&sort={}", encode(q), sort.name()),
            Route::Documents { sort, filter } => {
                let mut params = Vec::new();
                if let Some(s) = sort {
                    params.push(format!("sort={}", s.name()));
                }
                if !filter.is_empty() {
                    params.push(format!("filter={}", encode(filter)));
                }
                match params.is_empty() {
                    true => "#/docs".to_owned(),
                    false => format!("#/docs?{}", params.join("&")),
                }
            }
            Route::Trends { q, vs } => {
                let mut hash = format!("#/trends?q={}", encode(q));
                for t in vs {
                    hash.push_str(&format!("&vs={}", encode(t)));
                }
                hash
            }
            Route::Doc { id, q, section, at } => {
                let mut hash = format!("#/doc/{}", encode(id));
                let mut sep = '?';
                if !q.is_empty() {
                    hash.push_str(&format!("{sep}q={}", encode(q)));
                    sep = '&';
                }
                if let Some(s) = section {
                    hash.push_str(&format!("{sep}s={s}"));
                    sep = '&';
                }
                if let Some(m) = at {
                    hash.push_str(&format!("{sep}m={m}"));
                }
                hash
            }
        }
    }
}

/// Whether searching `q` from `route` refines the same search (replacing
/// its history entry) rather than starting a new one: one query extends the
/// other, and neither is empty (clearing the box keeps what came before).
pub fn refines(route: &Route, q: &str) -> bool {
    match route {
        Route::Search { q: old } | Route::Concordance { q: old, .. } | Route::Trends { q: old, .. } => {
            !old.is_empty() && !q.is_empty() && (q.starts_with(old.as_str()) || old.starts_with(q))
        }
        Route::Doc { .. } | Route::Documents { .. } => false,
    }
}

/// Percent-encodes everything but unreserved characters; UTF-8 stays
/// readable in the address bar because browsers display it decoded.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Percent-decodes, treating `+` as a space; malformed escapes are kept as typed.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 3 <= bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip() {
        let routes = [
            Route::Search { q: String::new() },
            Route::Search {
                q: "Hong Kong \"supply chain\" -x & y=z #1 100%".into(),
            },
            Route::Search {
                q: "홍콩 États-Unis 深圳".into(),
            },
            Route::Concordance {
                q: "홍콩 \"supply chain\" & sort=x".into(),
                sort: KwicSort::Left,
            },
            Route::Trends { q: "Pékin OR 北京".into(), vs: vec![] },
            Route::Documents { sort: None, filter: String::new() },
            Route::Documents { sort: Some(DocSort::Words), filter: String::new() },
            Route::Documents { sort: None, filter: "États 2020 & sort=x".into() },
            Route::Documents { sort: Some(DocSort::Date), filter: "ko".into() },
            Route::Trends { q: "port".into(), vs: vec!["harbour & dock".into(), "선전".into()] },
            Route::Doc {
                id: "001_9e2afc69ac3b4727.txt".into(),
                q: "선전".into(),
                section: None,
                at: None,
            },
            Route::Doc {
                id: "a b?.txt".into(),
                q: String::new(),
                section: Some(3),
                at: Some(7),
            },
            Route::Doc {
                id: "x.txt".into(),
                q: "s=1 & q=2".into(),
                section: Some(0),
                at: None,
            },
        ];
        for r in routes {
            assert_eq!(Route::from_hash(&r.to_hash()), r, "{}", r.to_hash());
        }
    }

    #[test]
    fn typing_refines_a_search_and_clearing_starts_a_new_one() {
        let at = |q: &str| Route::Search { q: q.into() };
        assert!(refines(&at("Hong"), "Hong Kong"));
        assert!(refines(&at("Hong Kong"), "Hong K"));
        assert!(!refines(&at("Hong Kong"), ""), "clearing keeps Hong Kong one Back away");
        assert!(!refines(&at(""), "Macau"));
        assert!(!refines(&at("Hong Kong"), "Macau"));
    }

    #[test]
    fn tampered_hashes_fall_back_to_something_sensible() {
        assert_eq!(
            Route::from_hash("#/kwic?q=port&sort=sideways"),
            Route::Concordance { q: "port".into(), sort: KwicSort::Doc },
            "an unknown order is the default one"
        );
        assert_eq!(Route::from_hash(""), Route::Search { q: String::new() });
        assert_eq!(
            Route::from_hash("#/nowhere/at/all"),
            Route::Search { q: String::new() }
        );
        assert_eq!(
            Route::from_hash("#/search?q=%E0%A4%ZZ%"),
            Route::Search {
                q: "\u{FFFD}%ZZ%".into()
            }
        );
        assert_eq!(
            Route::from_hash("#/doc/?q=x"),
            Route::Search { q: "x".into() }
        );
        assert_eq!(
            Route::from_hash("#/search?q=a+b"),
            Route::Search { q: "a b".into() }
        );
        assert_eq!(
            Route::from_hash("#/doc/x.txt?s=oops"),
            Route::Doc {
                id: "x.txt".into(),
                q: String::new(),
                section: None,
                at: None,
            }
        );
    }
}
