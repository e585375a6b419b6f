//! Why a hit matched, and the highlights of a whole document in the reader.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::engine::analysis::lang::alias_form;
use crate::engine::analysis::{is_hangul_syllable, terms};
use crate::engine::index::Index;
use crate::engine::query::parse;

use super::correct::{evaluate_all, ClauseResult, Corrections};
use super::plan::plan;
use super::snippets::position_ranges;
use super::types::{Hit, SearchOptions};

/// Why a hit matched where the words differ from the query: "선전 = Shenzhen".
pub fn explain(index: &Index<'_>, hit: &Hit) -> Vec<String> {
    let section = index.section(hit.section);
    let aside = index.aside(&index.doc(hit.doc));
    let mut out: Vec<String> = Vec::new();
    for m in &hit.entities {
        let positions: Vec<u32> = m.positions.clone().collect();
        let Some(r) = position_ranges(section.text, section.start, &aside, &positions)
            .into_iter()
            .next()
        else {
            continue;
        };
        let surface = &section.text[r];
        let words = alias_form(&terms(surface));
        if words == m.named.query {
            continue;
        }
        // Show a Korean name without its particles (선전과 → 선전).
        let shown = if surface.chars().any(is_hangul_syllable) {
            words.as_str()
        } else {
            surface
        };
        // Name the entity, or what the reader typed when the text uses the entity's own name.
        let name = index.entity(m.entity).name;
        let other = if words == alias_form(&terms(name)) {
            &m.named.typed
        } else {
            name
        };
        let line = format!("{shown} = {other}");
        if !out.contains(&line) {
            out.push(line);
        }
    }
    out
}

/// Highlight ranges over a whole document's text: every match of the query's
/// positive clauses in any of its sections (a reader shows them all, even
/// where a section did not satisfy the whole query).
pub fn doc_highlights(index: &Index<'_>, input: &str, doc: u32, options: SearchOptions) -> Vec<Range<usize>> {
    Highlighter::new(index, input, options).doc(index, doc)
}

/// A query planned and evaluated once, to highlight many documents with
/// (a concordance or a trend reads every matching document).
pub struct Highlighter {
    clauses: Vec<ClauseResult>,
}

impl Highlighter {
    /// Plans and evaluates `input` as the search does with the same
    /// `options`, so a corrected typo is highlighted where its correction
    /// matched, and the last word is a prefix only while it is being typed.
    pub fn new(index: &Index<'_>, input: &str, options: SearchOptions) -> Self {
        let query = parse(input, options.typing);
        let planned = plan(index, &query, &mut Vec::new());
        let clauses = evaluate_all(index, &planned, &mut Corrections::default());
        Highlighter { clauses }
    }

    /// The highlight ranges of document `doc` (see [`doc_highlights`]),
    /// ascending; never in page furniture, whose tokens have no positions.
    pub fn doc(&self, index: &Index<'_>, doc: u32) -> Vec<Range<usize>> {
        let d = index.doc(doc);
        let aside = index.aside(&d);
        let sections = d.first_section..d.first_section + d.section_count;
        let mut positions: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        for c in self.clauses.iter().filter(|c| !c.negated) {
            for (section, m) in c.matches.range(sections.clone()) {
                positions.entry(*section).or_default().extend(&m.positions);
            }
        }
        let mut out = Vec::new();
        for (section, mut p) in positions {
            crate::sort::sort(&mut p);
            p.dedup();
            let s = index.section(section);
            out.extend(
                position_ranges(s.text, s.start, &aside, &p)
                    .into_iter()
                    .map(|r| r.start + s.start..r.end + s.start),
            );
        }
        out
    }
}
