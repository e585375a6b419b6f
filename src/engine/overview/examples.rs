//! Example queries and the search box's placeholder, taken from the corpus
//! itself: its most named places, a name it writes in another language or
//! script, its busiest year. Nothing here knows what any corpus is about.

use super::places::place_counts;
use crate::engine::index::Index;
use crate::engine::search::snippets::position_ranges;

/// What the start page offers a new reader.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Examples {
    /// Queries to try, each a working query on this corpus.
    pub queries: Vec<String>,
    /// The search box's placeholder: "Search: A, B, C…".
    pub placeholder: String,
}

/// The most named places, up to `n`, by mentions (cities first on ties).
fn top_places<'a>(index: &Index<'a>, n: usize) -> Vec<(u32, &'a str)> {
    place_counts(index, None)
        .into_iter()
        .map(|c| (c.entity, index.entity(c.entity).name))
        .take(n)
        .collect()
}

/// A place named in the corpus under another name than its own, in another
/// language or script (선전 for Shenzhen): the surface of its first such
/// mention, with the place's own name.
fn other_name<'a>(index: &Index<'a>, places: &[(u32, &'a str)]) -> Option<(String, &'a str)> {
    for &(e, name) in places {
        let entity = index.entity(e);
        for p in index.entity_postings(&entity) {
            // (A split index asks for the text, and is read again once it is here.)
            if !index.want_text(index.section_doc(p.section)) {
                continue;
            }
            let section = index.section(p.section);
            let aside = index.aside(&index.doc(section.doc));
            // The whole first mention: its run of consecutive positions (États-Unis).
            let mut first: Vec<u32> = p.positions.iter().copied().take(1).collect();
            while let Some(&next) = p.positions.get(first.len()) {
                if first.last().is_some_and(|&l| l.checked_add(1) == Some(next)) {
                    first.push(next);
                } else {
                    break;
                }
            }
            let Some(r) = position_ranges(section.text, section.start, &aside, &first).pop() else {
                continue;
            };
            let surface = section.text.get(r).unwrap_or("");
            let script_differs = surface.chars().next().is_some_and(|c| !c.is_ascii())
                && !name.chars().next().is_some_and(|c| !c.is_ascii());
            if script_differs && !surface.is_empty() {
                // A Korean word keeps its particles in the text: take the bare noun.
                let word = if surface.chars().any(crate::engine::analysis::is_hangul_syllable) {
                    crate::engine::analysis::lang::korean_stem(surface).to_owned()
                } else {
                    surface.to_owned()
                };
                let word = if word.contains(char::is_whitespace) { format!("\"{word}\"") } else { word };
                return Some((word, name));
            }
        }
    }
    None
}

/// The year most documents were published in, if any has a date.
fn busiest_year(index: &Index<'_>) -> Option<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for d in index.docs() {
        if let Some(y) = d.date.get(..4) {
            *counts.entry(y).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(y, n)| (n, std::cmp::Reverse(y)))
        .map(|(y, _)| y.to_owned())
}

/// `name` as it is typed in a query: quoted when it has several words.
fn quoted(name: &str) -> String {
    if name.contains(char::is_whitespace) {
        format!("\"{name}\"")
    } else {
        name.to_owned()
    }
}

/// Example queries and a placeholder for this corpus.
pub fn examples(index: &Index<'_>) -> Examples {
    let places = top_places(index, 8);
    let mut queries: Vec<String> = Vec::new();
    let mut shown: Vec<String> = Vec::new();
    if let Some(&(_, first)) = places.first() {
        queries.push(first.to_owned());
        shown.push(first.to_owned());
    }
    if let Some((surface, name)) = other_name(index, &places) {
        queries.push(surface.clone());
        shown.push(surface);
        let _ = name;
    }
    if let [(_, a), (_, b), ..] = places.as_slice() {
        queries.push(format!("{} -{}", quoted(a), quoted(b)));
        queries.push(format!("{} OR {}", quoted(b), places.get(2).map_or(quoted(a), |p| quoted(p.1))));
        shown.push((*b).to_owned());
    }
    if let (Some(y), Some(&(_, first))) = (busiest_year(index), places.first()) {
        queries.push(format!("{} year:{y}", quoted(first)));
    }
    queries.dedup();
    let placeholder = if shown.is_empty() {
        "Search the corpus…".to_owned()
    } else {
        format!("Search: {}…", shown.join(", "))
    };
    Examples {
        queries,
        placeholder,
    }
}

impl Examples {
    /// The examples as text: the placeholder, then one query per line
    /// (what a site's payload carries; see [`Examples::from_text`]).
    pub fn to_text(&self) -> String {
        let mut out = self.placeholder.replace('\n', " ");
        for q in &self.queries {
            out.push('\n');
            out.push_str(&q.replace('\n', " "));
        }
        out
    }

    /// Reads what [`Examples::to_text`] wrote.
    pub fn from_text(text: &str) -> Examples {
        let mut lines = text.lines();
        let placeholder = lines.next().unwrap_or_default().to_owned();
        Examples { queries: lines.map(str::to_owned).collect(), placeholder }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples_read_back_from_their_text() {
        let found = super::examples(crate::index().unwrap());
        assert_eq!(super::Examples::from_text(&found.to_text()), found);
    }

    #[test]
    fn the_examples_are_queries_of_this_corpus_that_find_something() {
        let index = crate::index().unwrap();
        let found = super::examples(index);
        assert!(found.queries.len() >= 3, "{found:?}");
        for q in &found.queries {
            let r = crate::engine::search::search(index, q, Default::default());
            assert!(!r.hits.is_empty(), "{q} finds nothing");
        }
        assert!(found.placeholder.starts_with("Search: "), "{}", found.placeholder);
    }
}
