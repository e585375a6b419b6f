//! Planning: each clause of a parsed query becomes weighted options (the
//! words as typed, their stems and Korean nouns, the word being typed as a
//! prefix, and the place or organisation the words name in any language),
//! and runs of words that together name an entity become one clause.

use std::sync::Arc;

use crate::engine::analysis::lang::{alias_form, query_variants, VARIANT_MARK};
use crate::engine::hint::Hint;
use crate::engine::index::Index;
use crate::engine::query::{Alternative, Clause, FilterKey, Query};

use super::types::NamedBy;

/// How many dictionary terms a prefix may expand to.
const PREFIX_EXPANSIONS: usize = 24;
/// Weight of a prefix expansion against the exact term.
const PREFIX_WEIGHT: f32 = 0.8;
/// Weight of a stem (another form of the word).
const STEM_WEIGHT: f32 = 0.9;
/// Weight of a name of the same place or organisation in another language.
const ENTITY_WEIGHT: f32 = 0.9;
/// Longest alias, in words, looked for across neighbouring query words.
const MAX_ALIAS_WORDS: usize = 5;

/// One way a clause can match: a key sequence (a phrase when longer than one)
/// or an entity, with its weight.
#[derive(Debug, Clone)]
pub(super) struct Opt {
    pub keys: Vec<String>,
    /// The entity's ordinal and the query words that named it.
    pub entity: Option<(u32, Arc<NamedBy>)>,
    pub weight: f32,
    /// The words as typed (or, in Korean, their nouns), not a variant.
    pub exact: bool,
}

/// A word that may be looked up at other spellings if found nowhere.
#[derive(Debug, Clone)]
pub(super) struct Fuzzy {
    /// The word, folded.
    pub term: String,
    /// The word as typed, for hints.
    pub typed: String,
    /// Typed with a capital: a name, corrected only to a word the corpus
    /// writes as one (see `spelling::written_capitalised`).
    pub name: bool,
}

/// A clause with its options resolved against the index.
#[derive(Debug, Clone)]
pub(super) struct Planned {
    pub negated: bool,
    pub options: Vec<Opt>,
    /// What the reader typed, for hints.
    pub text: String,
    /// Single words that may be retried with a nearby spelling.
    pub fuzzy: Vec<Fuzzy>,
    /// A filter clause: narrows, does not add to the score.
    pub filter: bool,
}


/// The options of one alternative: exact words, their variants, the prefix
/// being typed, and the entity the words name.
pub(super) fn alternative_options(index: &Index<'_>, alt: &Alternative, stems: bool) -> Vec<Opt> {
    let mut out = vec![Opt {
        keys: alt.terms.clone(),
        entity: None,
        weight: 1.0,
        exact: true,
    }];
    if alt.quoted {
        // Quotes mean these words exactly (case and accents aside).
        return out;
    }
    // Variants, one language at a time, so a phrase stays in one language.
    let variants: Vec<Vec<String>> = alt.terms.iter().map(|t| query_variants(t)).collect();
    // A name is not stemmed ("Marshall Plan" is not "marshals" and "plans");
    // Korean nouns still lose their particles.
    let langs: &[&str] = if stems { &["ko", "en", "fr"] } else { &["ko"] };
    for &lang in langs {
        let prefix = format!("{VARIANT_MARK}{lang}:");
        let keys: Vec<String> = alt
            .terms
            .iter()
            .zip(&variants)
            .map(|(t, vs)| {
                vs.iter()
                    .find(|v| v.starts_with(&prefix))
                    .cloned()
                    .unwrap_or_else(|| t.clone())
            })
            .collect();
        // A variant that stands only for the typed word itself adds nothing.
        let adds = keys.iter().zip(&alt.terms).any(|(k, t)| {
            k != t
                && index.variant_targets(k).is_some_and(|targets| {
                    targets != index.term_offset(t).into_iter().collect::<Vec<_>>()
                })
        });
        if keys != alt.terms && (adds || lang == "ko") {
            if lang == "ko" {
                // Every Hangul token is indexed under its noun, bare forms included,
                // so the noun key replaces the exact one: 홍콩 and 홍콩과 rank alike.
                out[0].keys = keys;
            } else {
                out.push(Opt {
                    keys,
                    entity: None,
                    weight: STEM_WEIGHT,
                    exact: false,
                });
            }
        }
    }
    if alt.prefix {
        if let Some((last, head)) = alt.terms.split_last() {
            for term in index.terms_with_prefix(last, PREFIX_EXPANSIONS + 1) {
                if &term != last {
                    let mut keys = head.to_vec();
                    keys.push(term);
                    out.push(Opt {
                        keys,
                        entity: None,
                        weight: PREFIX_WEIGHT,
                        exact: false,
                    });
                }
            }
        }
    }
    let words = alias_form(&alt.terms);
    if let Some(e) = index.entity_by_alias(&words) {
        out.push(Opt {
            keys: Vec::new(),
            entity: Some((
                e.ord,
                Arc::new(NamedBy {
                    query: words,
                    typed: alt.text.clone(),
                }),
            )),
            weight: ENTITY_WEIGHT,
            exact: false,
        });
    }
    out
}

/// Which clauses belong to a name as typed: two or more neighbouring single
/// words, each capitalised (`Marshall Plan`, `Louisiana Purchase`).
fn capitalised_runs(clauses: &[Clause]) -> Vec<bool> {
    let capital = |c: &Clause| {
        !c.negated
            && c.alternatives.len() == 1
            && c.alternatives[0]
                .text
                .chars()
                .next()
                .is_some_and(|ch| ch.is_uppercase())
    };
    let mut out = vec![false; clauses.len()];
    let mut i = 0;
    while i < clauses.len() {
        let run = clauses[i..].iter().take_while(|c| capital(c)).count();
        if run >= 2 {
            out[i..i + run].iter_mut().for_each(|o| *o = true);
        }
        i += run.max(1);
    }
    out
}

/// Turns parsed clauses into planned ones, merging runs of neighbouring
/// words that together name an entity ("Greater Bay Area", "Hong Kong").
pub(super) fn plan(index: &Index<'_>, query: &Query, hints: &mut Vec<Hint>) -> Vec<Planned> {
    let simple = |c: &Clause| !c.negated && c.alternatives.len() == 1 && !c.alternatives[0].quoted;
    let names = capitalised_runs(&query.clauses);
    let mut out = Vec::new();
    let mut i = 0;
    while i < query.clauses.len() {
        let mut merged = None;
        for len in (2..=MAX_ALIAS_WORDS.min(query.clauses.len() - i)).rev() {
            let run = &query.clauses[i..i + len];
            if !run.iter().all(simple) {
                continue;
            }
            let terms: Vec<String> = run
                .iter()
                .flat_map(|c| c.alternatives[0].terms.clone())
                .collect();
            if index.entity_by_alias(&alias_form(&terms)).is_some() {
                let text = run
                    .iter()
                    .map(|c| c.alternatives[0].text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let alt = Alternative {
                    terms,
                    text: text.clone(),
                    prefix: false,
                    quoted: false,
                };
                merged = Some((
                    len,
                    Planned {
                        negated: false,
                        options: alternative_options(index, &alt, false),
                        text,
                        fuzzy: Vec::new(),
                        filter: false,
                    },
                ));
                break;
            }
        }
        if let Some((len, planned)) = merged {
            out.push(planned);
            i += len;
            continue;
        }
        let clause = &query.clauses[i];
        let options = clause
            .alternatives
            .iter()
            .flat_map(|a| alternative_options(index, a, !names[i]))
            .collect();
        let fuzzy = clause
            .alternatives
            .iter()
            .filter(|a| a.terms.len() == 1 && !a.quoted)
            .map(|a| Fuzzy {
                term: a.terms[0].clone(),
                typed: a.text.clone(),
                name: a.text.chars().next().is_some_and(char::is_uppercase),
            })
            .collect();
        let text = clause
            .alternatives
            .iter()
            .map(|a| a.text.as_str())
            .collect::<Vec<_>>()
            .join("” or “");
        out.push(Planned {
            negated: clause.negated,
            options,
            text,
            fuzzy,
            filter: false,
        });
        i += 1;
    }
    for f in query.filters.iter().filter(|f| f.key == FilterKey::City) {
        let words = crate::engine::analysis::terms(&f.value);
        let key = alias_form(&words);
        match index.entity_by_alias(&key) {
            Some(e) => out.push(Planned {
                negated: false,
                options: vec![Opt {
                    keys: Vec::new(),
                    entity: Some((
                        e.ord,
                        Arc::new(NamedBy {
                            query: key,
                            typed: f.value.clone(),
                        }),
                    )),
                    weight: 1.0,
                    exact: false,
                }],
                text: f.value.clone(),
                fuzzy: Vec::new(),
                filter: true,
            }),
            None => hints.push(Hint::UnknownCity {
                name: f.value.clone(),
            }),
        }
    }
    out
}
