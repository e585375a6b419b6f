//! Query execution: a query becomes a plan of weighted options per clause
//! (exact words, their stems and Korean nouns, the places and organisations
//! they name in every language, the word being typed as a prefix, and for a
//! word found nowhere its nearest spellings), ranked with BM25 over sections.
//! Snippets are text plus highlight ranges.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use super::analysis::scan;
use super::lang::{alias_form, query_variants, VARIANT_MARK};
use super::query::{parse, Alternative, Clause, FilterKey, Query};
use super::reader::{DocField, Index, Positions, Posting};
use smallvec::{smallvec, SmallVec};
use super::time::{When, FIRST_DAY, LAST_DAY};

/// BM25 term-frequency saturation.
const K1: f32 = 1.2;
/// BM25 length normalisation.
const B: f32 = 0.75;
/// How many dictionary terms a prefix may expand to.
const PREFIX_EXPANSIONS: usize = 24;
/// Weight of a prefix expansion against the exact term.
const PREFIX_WEIGHT: f32 = 0.8;
/// Weight of a stem (another form of the word).
const STEM_WEIGHT: f32 = 0.9;
/// Weight of a name of the same place or organisation in another language.
const ENTITY_WEIGHT: f32 = 0.9;
/// Weight of a nearby spelling of a word found nowhere.
const FUZZY_WEIGHT: f32 = 0.5;
/// Longest alias, in words, looked for across neighbouring query words.
const MAX_ALIAS_WORDS: usize = 5;
/// How many unknown words of one query are looked up at other spellings.
const MAX_FUZZY_WORDS: usize = 4;
/// Characters of context in a result snippet (the app and the CLI agree).
pub const SNIPPET_CHARS: usize = 220;

/// Options of one search.
#[derive(Debug, Clone, Copy)]
pub struct SearchOptions {
    /// Treat the query as being typed: its last word also matches as a prefix.
    pub typing: bool,
}

impl Default for SearchOptions {
    /// A submitted query: every word is whole (a link, a reload, Enter, the CLI).
    fn default() -> Self {
        SearchOptions { typing: false }
    }
}

/// A match through another name of a place or organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMatch {
    /// Entity ordinal.
    pub entity: u32,
    /// First and one-past-last token position of the first mention in the section.
    pub positions: Range<u32>,
    /// The words of the query that named it.
    pub named: Arc<NamedBy>,
}

/// The query words that named an entity (shared by every section it matched).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedBy {
    /// Normalised, space-joined.
    pub query: String,
    /// As the reader typed them.
    pub typed: String,
}

/// A hit's entity matches: usually none or one, kept inline.
pub type EntityMatches = SmallVec<[EntityMatch; 1]>;

/// One matching section.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Section ordinal.
    pub section: u32,
    /// Document ordinal.
    pub doc: u32,
    /// BM25 score summed over the query's clauses.
    pub score: f32,
    /// Token positions (in the section) of every matched term, ascending.
    pub positions: Positions,
    /// Matches through another name of an entity (why a result matched).
    pub entities: EntityMatches,
}

/// Counts of the hits by language, source and year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// (language code, sections), most first.
    pub lang: Vec<(String, usize)>,
    /// (source, sections), most first.
    pub source: Vec<(String, usize)>,
    /// (year, sections), newest first.
    pub year: Vec<(String, usize)>,
}

/// The answer to a query: every matching section, best first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchResults {
    /// Matching sections, best first (ties by section order).
    pub hits: Vec<Hit>,
    /// The parsed query.
    pub query: Query,
    /// Notes for the reader: parser warnings, corrections, words found nowhere.
    pub hints: Vec<String>,
    /// Spelling corrections applied: (typed, searched instead).
    pub corrections: Vec<(String, String)>,
    /// Counts of the hits by language, source and year.
    pub facets: Facets,
}

/// One way a clause can match: a key sequence (a phrase when longer than one)
/// or an entity, with its weight.
#[derive(Debug, Clone)]
struct Opt {
    keys: Vec<String>,
    /// The entity's ordinal and the query words that named it.
    entity: Option<(u32, Arc<NamedBy>)>,
    weight: f32,
}

/// A clause with its options resolved against the index.
#[derive(Debug, Clone)]
struct Planned {
    negated: bool,
    options: Vec<Opt>,
    /// What the reader typed, for hints.
    text: String,
    /// Single words that may be retried with a nearby spelling.
    fuzzy: Vec<String>,
    /// A filter clause: narrows, does not add to the score.
    filter: bool,
}

/// Per section: score, matched positions and entity matches of one clause.
/// How one section matched a clause: its score, the matched positions (not
/// yet sorted when several options matched) and the entities named.
type Matched = (f32, Positions, EntityMatches);

/// A clause's matches, ascending by section (postings lists are, so options
/// merge in one pass, without a tree node per section).
#[derive(Default)]
struct ClauseMatches(Vec<(u32, Matched)>);

impl ClauseMatches {
    fn get(&self, section: u32) -> Option<&Matched> {
        self.0
            .binary_search_by_key(&section, |e| e.0)
            .ok()
            .map(|i| &self.0[i].1)
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The matches of the sections in `sections`.
    fn range(&self, sections: Range<u32>) -> &[(u32, Matched)] {
        let lo = self.0.partition_point(|e| e.0 < sections.start);
        let hi = self.0.partition_point(|e| e.0 < sections.end);
        &self.0[lo..hi]
    }

    /// Merges the options' matches (each ascending by section): a section
    /// matched by several options keeps its best score and all their
    /// positions (still ascending, so the hit needs no sort).
    fn merged(lists: Vec<Vec<(u32, Matched)>>) -> Self {
        ClauseMatches(super::merge::all(
            lists,
            |m| m.0,
            |(section, mut m), (_, n)| {
                m.0 = m.0.max(n.0);
                // (An option read for its counts brings no positions.)
                m.1 = match (m.1.is_empty(), n.1.is_empty()) {
                    (true, _) => n.1,
                    (_, true) => m.1,
                    _ => super::merge::union(&m.1, &n.1),
                };
                m.2.extend(n.2);
                (section, m)
            },
        ))
    }
}

fn idf(n: f32, df: f32) -> f32 {
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

fn bm25(index: &Index<'_>, tf: f32, section: u32, idf: f32) -> f32 {
    let len = index.section_len(section) as f32;
    let avg = index.avg_len().max(1.0);
    idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg))
}

/// Sections where `keys` occur at consecutive positions; the positions of
/// every token of each occurrence.
fn phrase_postings(index: &Index<'_>, keys: &[String]) -> Vec<Posting> {
    let lists: Vec<Vec<Posting>> = keys.iter().map(|t| index.key_postings(t)).collect();
    let Some((first, rest)) = lists.split_first() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    'sections: for p in first {
        let mut others: SmallVec<[&Positions; 4]> = SmallVec::new();
        for list in rest {
            match list.binary_search_by_key(&p.section, |q| q.section) {
                Ok(i) => others.push(&list[i].positions),
                Err(_) => continue 'sections,
            }
        }
        let mut positions = Positions::new();
        for &start in &p.positions {
            let all = others
                .iter()
                .enumerate()
                .all(|(k, ps)| start
                        .checked_add(k as u32 + 1)
                        .is_some_and(|at| ps.binary_search(&at).is_ok()));
            if all {
                positions.extend(start..start.saturating_add(keys.len() as u32));
            }
        }
        if !positions.is_empty() {
            out.push(Posting {
                section: p.section,
                tf: positions.len() as u32,
                positions,
            });
        }
    }
    out
}

/// The options of one alternative: exact words, their variants, the prefix
/// being typed, and the entity the words name.
fn alternative_options(index: &Index<'_>, alt: &Alternative, stems: bool) -> Vec<Opt> {
    let mut out = vec![Opt {
        keys: alt.terms.clone(),
        entity: None,
        weight: 1.0,
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
fn plan(index: &Index<'_>, query: &Query, hints: &mut Vec<String>) -> Vec<Planned> {
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
            .map(|a| a.terms[0].clone())
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
        let words = super::analysis::terms(&f.value);
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
                }],
                text: f.value.clone(),
                fuzzy: Vec::new(),
                filter: true,
            }),
            None => hints.push(format!(
                "No place called “{}” is named in this corpus; the city filter was ignored.",
                f.value
            )),
        }
    }
    out
}

fn evaluate(index: &Index<'_>, opts: &[Opt]) -> ClauseMatches {
    let n = index.section_count() as f32;
    let mut lists = Vec::with_capacity(opts.len());
    // The terms a variant option unites (a word and its stem's other forms):
    // a word among them gets its positions from that option, so its own
    // list is read for the counts only (`de` has 112,000 positions at 10k).
    let united: Vec<u32> = opts
        .iter()
        .filter(|o| o.entity.is_none() && o.keys.len() == 1 && o.keys[0].starts_with(VARIANT_MARK))
        .filter_map(|o| index.variant_targets(&o.keys[0]))
        .flatten()
        .collect();
    let united = |key: &str| {
        !key.starts_with(VARIANT_MARK) && index.term_offset(key).is_some_and(|t| united.contains(&t))
    };
    for opt in opts {
        let postings = match &opt.entity {
            Some((ord, _)) => index.entity_postings(&index.entity(*ord)),
            None if opt.keys.len() == 1 && united(&opt.keys[0]) => index.counts(&opt.keys[0]),
            None if opt.keys.len() == 1 => index.key_postings(&opt.keys[0]),
            None => phrase_postings(index, &opt.keys),
        };
        let idf = idf(n, postings.len() as f32);
        let width = opt.keys.len().max(1);
        let matched = postings.into_iter().map(|p| {
            let tf = if opt.entity.is_some() {
                p.tf as f32 / 1.5
            } else {
                (p.tf as usize / width) as f32
            };
            let score = opt.weight * bm25(index, tf.max(1.0), p.section, idf);
            let entity = match (&opt.entity, p.positions.first()) {
                (Some((entity, named)), Some(&first)) => {
                    let mut end = first.saturating_add(1);
                    while end < u32::MAX && p.positions.binary_search(&end).is_ok() {
                        end += 1;
                    }
                    smallvec![EntityMatch {
                        entity: *entity,
                        positions: first..end,
                        named: named.clone(),
                    }]
                }
                _ => SmallVec::new(),
            };
            (p.section, (score, p.positions, entity))
        });
        lists.push(matched.collect());
    }
    ClauseMatches::merged(lists)
}

/// How much a section whose words stand side by side gains over one that
/// has them far apart: a phrase doubles its score.
const PROXIMITY_WEIGHT: f32 = 1.0;
/// Positions per clause looked at when measuring closeness (bounded work for
/// a common word).
const CLOSENESS_POSITIONS: usize = 512;

/// How closely the query's words stand together in a section, from the
/// positions of each word (each list ascending, in the order the words were
/// typed): 1 when they occur side by side in that order (`Louisiana
/// Purchase` typed without quotes), else (words − 1) / the smallest span
/// holding one of each, so 0.2 for two words five apart, near 0 for pages.
pub fn closeness(lists: &[&[u32]]) -> f32 {
    let n = lists.len();
    if n < 2 || lists.iter().any(|l| l.is_empty()) {
        return 0.0;
    }
    let lists: SmallVec<[&[u32]; 4]> = lists
        .iter()
        .map(|l| &l[..l.len().min(CLOSENESS_POSITIONS)])
        .collect();
    // In order, each word right after the previous one (a word of several
    // tokens, a place name, runs over consecutive positions).
    let in_order = lists[0].iter().any(|&start| {
        let mut end = start;
        for (k, list) in lists.iter().enumerate() {
            if k > 0 {
                let Some(next) = end.checked_add(1).filter(|p| list.binary_search(p).is_ok()) else {
                    return false;
                };
                end = next;
            }
            while end.checked_add(1).is_some_and(|p| list.binary_search(&p).is_ok()) {
                end += 1;
            }
        }
        true
    });
    if in_order {
        return 1.0;
    }
    // The smallest window holding a position of every word (k-way sweep).
    let mut at: SmallVec<[usize; 4]> = smallvec![0; n];
    let mut best = u32::MAX;
    loop {
        let (mut lo, mut lo_list, mut hi) = (u32::MAX, 0, 0);
        for (k, list) in lists.iter().enumerate() {
            let p = list[at[k]];
            if p < lo {
                lo = p;
                lo_list = k;
            }
            hi = hi.max(p);
        }
        best = best.min(hi - lo);
        at[lo_list] += 1;
        if at[lo_list] == lists[lo_list].len() {
            break;
        }
    }
    ((n - 1) as f32 / best.max(1) as f32).min(0.9)
}

/// Sorts hits best first (ties by section). The (score, section) keys are
/// sorted and each hit then moves along its permutation cycle once, where a
/// sort of the hits themselves would move each about log n times (a few
/// dozen hits sort directly).
fn rank(hits: &mut [Hit]) {
    let order = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    if hits.len() <= 64 {
        hits.sort_unstable_by(|a, b| order(&(a.score, a.section), &(b.score, b.section)));
        return;
    }
    let mut keys: Vec<(f32, u32, u32)> = (0..hits.len() as u32)
        .map(|i| (hits[i as usize].score, hits[i as usize].section, i))
        .collect();
    keys.sort_unstable_by(|a, b| order(&(a.0, a.1), &(b.0, b.1)));
    // Position i receives the hit at from[i].
    let mut from: Vec<u32> = keys.into_iter().map(|k| k.2).collect();
    for start in 0..hits.len() {
        let mut at = start;
        loop {
            let next = from[at] as usize;
            from[at] = at as u32;
            if next == start || next == at {
                break;
            }
            hits.swap(at, next);
            at = next;
        }
    }
}

/// Runs `input` against the index.
pub fn search(index: &Index<'_>, input: &str, options: SearchOptions) -> SearchResults {
    let query = parse(input, options.typing);
    let mut hints = query.warnings.clone();
    let mut corrections = Vec::new();
    let planned = plan(index, &query, &mut hints);
    let mut clauses: Vec<(bool, bool, ClauseMatches)> = Vec::new();
    // A split index that lacks a shard finds nothing yet: no spelling
    // suggestions (and no shards fetched for them) until it has arrived.
    let misses = index.misses();
    let mut fuzzy_tried = 0;
    let mut skipped: Vec<String> = Vec::new();
    for p in &planned {
        let mut m = evaluate(index, &p.options);
        if m.is_empty() && !p.negated && index.misses() == misses {
            // A word found nowhere: try its nearest spellings, ranked below exact matches.
            for word in &p.fuzzy {
                let len = word.chars().count();
                if len > super::spelling::MAX_FUZZY_CHARS {
                    hints.push(format!(
                        "A word of {len} characters is not in the corpus, and is too long to look up other spellings of."
                    ));
                    continue;
                }
                if !super::spelling::worth_trying(word) {
                    continue;
                }
                if fuzzy_tried == MAX_FUZZY_WORDS {
                    skipped.push(format!("“{word}”"));
                    continue;
                }
                fuzzy_tried += 1;
                let near = super::spelling::candidates(index, word);
                if let Some(best) = near.first().map(|c| c.term.clone()) {
                    // The corrected word gets every option a typed one would
                    // (its stems, the entity it names), weighted below exact matches.
                    let corrected = Alternative {
                        terms: vec![best.clone()],
                        text: best.clone(),
                        prefix: false,
                        quoted: false,
                    };
                    let mut opts = alternative_options(index, &corrected, true);
                    opts.iter_mut().for_each(|o| o.weight *= FUZZY_WEIGHT);
                    m = evaluate(index, &opts);
                    corrections.push((word.clone(), best.clone()));
                    // As close and as common (within a factor of four): say so.
                    let also: Vec<String> = near[1..]
                        .iter()
                        .filter(|c| c.distance == near[0].distance && c.sections * 4 >= near[0].sections)
                        .take(2)
                        .map(|c| format!("“{}”", c.term))
                        .collect();
                    hints.push(if also.is_empty() {
                        format!("“{word}” is not in the corpus: showing results for “{best}”.")
                    } else {
                        format!(
                            "“{word}” is not in the corpus: showing results for “{best}”, the most common of the close spellings (also {}).",
                            also.join(", ")
                        )
                    });
                }
            }
        }
        clauses.push((p.negated, p.filter, m));
    }

    if !skipped.is_empty() {
        hints.push(format!(
            "Not in the corpus, and not looked up for other spellings (only {MAX_FUZZY_WORDS} unknown words a query are): {}.",
            skipped.join(", ")
        ));
    }
    let mut no_match = Vec::new();
    for ((negated, _, m), p) in clauses.iter().zip(&planned) {
        if !negated && m.is_empty() && !p.filter {
            no_match.push(format!("No section contains “{}”.", p.text));
        }
    }

    let mut hits: Vec<Hit> = Vec::new();
    // The scoring clauses, in the order typed: how close their words stand
    // in a section adds to its score (see `closeness`).
    let words: Vec<usize> = clauses
        .iter()
        .enumerate()
        .filter(|(_, (neg, filter, _))| !neg && !filter)
        .map(|(i, _)| i)
        .collect();
    if let Some(required) = clauses.iter().position(|(neg, _, _)| !neg) {
        // The first required clause's matches become the hits (moved, not
        // copied: at 10,000 documents a common word matches thousands).
        let (_, filter_only, first) = clauses.swap_remove(required);
        // Where each clause typed now sits in `clauses` (None: the first).
        let at: Vec<Option<usize>> = words
            .iter()
            .map(|&w| match w {
                w if w == required => None,
                w if w == clauses.len() => Some(required),
                w => Some(w),
            })
            .collect();
        hits.reserve(first.0.len());
        'sections: for (section, (score, positions, entities)) in first.0 {
            let mut hit = Hit {
                section,
                doc: index.section_doc(section),
                score: if filter_only { 0.0 } else { score },
                positions: Positions::new(),
                entities,
            };
            for (negated, filter, m) in &clauses {
                match (m.get(section), negated) {
                    (Some(_), true) | (None, false) => continue 'sections,
                    (Some((s, _, e)), false) => {
                        if !filter {
                            hit.score += s;
                        }
                        hit.entities.extend(e.iter().cloned());
                    }
                    (None, true) => {}
                }
            }
            if at.len() >= 2 {
                let lists: SmallVec<[&[u32]; 4]> = at
                    .iter()
                    .map(|a| match a {
                        None => positions.as_slice(),
                        Some(i) => clauses[*i].2.get(section).map_or(&[][..], |m| m.1.as_slice()),
                    })
                    .collect();
                hit.score *= 1.0 + PROXIMITY_WEIGHT * closeness(&lists);
            }
            hit.positions = positions;
            for (negated, _, m) in &clauses {
                if let (false, Some((_, p, _))) = (negated, m.get(section)) {
                    hit.positions.extend_from_slice(p);
                }
            }
            // (Already strictly ascending when one posting list matched.)
            if !hit.positions.windows(2).all(|w| w[0] < w[1]) {
                hit.positions.sort_unstable();
                hit.positions.dedup();
            }
            hits.push(hit);
        }
    } else if !query.filters.is_empty() && query.clauses.is_empty() {
        // Only filters: every section, narrowed below.
        hits = (0..index.section_count())
            .map(|s| Hit {
                section: s,
                doc: index.section_doc(s),
                score: 0.0,
                positions: Positions::new(),
                entities: SmallVec::new(),
            })
            .collect();
    }
    apply_filters(index, &query, &mut hits, &mut hints);
    rank(&mut hits);

    hints.append(&mut no_match);
    if hits.is_empty() && hints.is_empty() && !query.is_empty() {
        hints.push("Each word occurs somewhere, but no section has them all: try fewer words, or OR between them.".into());
    }
    let facets = facets(index, &hits);
    SearchResults {
        hits,
        query,
        hints,
        corrections,
        facets,
    }
}

/// The span of days `from:` and `to:` ask for, if they ask for one; a value
/// that is not a date gets a hint and is ignored.
pub fn date_span(query: &Query, hints: &mut Vec<String>) -> Option<(i32, i32)> {
    let (mut from, mut to): (Option<When>, Option<When>) = (None, None);
    for f in query
        .filters
        .iter()
        .filter(|f| matches!(f.key, FilterKey::From | FilterKey::To))
    {
        let Some(when) = When::parse(&f.value) else {
            hints.push(format!(
                "{}:{} is not a date: write {}:2019, {}:2019-06 or {}:2019-06-25.",
                f.key.name(),
                f.value,
                f.key.name(),
                f.key.name(),
                f.key.name()
            ));
            continue;
        };
        let slot = if f.key == FilterKey::From { &mut from } else { &mut to };
        *slot = Some(when);
    }
    // An open end runs to the first or last day a date can have.
    match (from, to) {
        (None, None) => None,
        (Some(f), Some(t)) if f.start > t.end => {
            hints.push(format!(
                "from:{f} is after to:{t}, so the two were swapped."
            ));
            Some((t.start, f.end))
        }
        (f, t) => Some((
            f.map_or(FIRST_DAY, |f| f.start),
            t.map_or(LAST_DAY, |t| t.end),
        )),
    }
}

fn apply_filters(index: &Index<'_>, query: &Query, hits: &mut Vec<Hit>, hints: &mut Vec<String>) {
    if let Some((lo, hi)) = date_span(query, hints) {
        let before = hits.len();
        hits.retain(|h| {
            index
                .section_events(h.section)
                .any(|e| e.when.start <= hi && lo <= e.when.end)
        });
        if before > 0 && hits.is_empty() {
            hints.push(
                "Nothing in the results is dated in that span: widen it, or clear from: and to:."
                    .into(),
            );
        }
    }
    for f in &query.filters {
        let value = f.value.to_lowercase();
        let before = hits.len();
        match f.key {
            FilterKey::Lang => {
                hits.retain(|h| index.section_lang(h.section).eq_ignore_ascii_case(&value))
            }
            FilterKey::Year => {
                hits.retain(|h| index.doc_field(h.doc, DocField::Date).starts_with(&value))
            }
            FilterKey::Doc => hits.retain(|h| {
                index
                    .doc_field(h.doc, DocField::Id)
                    .eq_ignore_ascii_case(&value)
            }),
            FilterKey::Source => hits.retain(|h| {
                index
                    .doc_field(h.doc, DocField::Source)
                    .to_lowercase()
                    .contains(&value)
            }),
            FilterKey::City | FilterKey::From | FilterKey::To => continue,
        }
        if before > 0 && hits.is_empty() {
            hints.push(format!(
                "Nothing matches {}:{} together with the rest of the query.",
                f.key.name(),
                f.value
            ));
        }
    }
}

fn count<'a>(values: impl Iterator<Item = &'a str>) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for v in values.filter(|v| !v.is_empty()) {
        *counts.entry(v).or_default() += 1;
    }
    let mut out: Vec<(String, usize)> =
        counts.into_iter().map(|(k, n)| (k.to_owned(), n)).collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// Counts of `hits` by section language, source and year.
pub fn facets(index: &Index<'_>, hits: &[Hit]) -> Facets {
    let mut year = count(hits.iter().map(|h| {
        index
            .doc_field(h.doc, DocField::Date)
            .get(..4)
            .unwrap_or("")
    }));
    year.sort_by(|a, b| b.0.cmp(&a.0));
    Facets {
        lang: count(hits.iter().map(|h| index.section_lang(h.section))),
        source: count(
            hits.iter()
                .map(|h| index.doc_field(h.doc, DocField::Source)),
        ),
        year,
    }
}

/// Text with the byte ranges to highlight in it; turned into markup only by
/// the user interface.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The excerpt, possibly with `…` at either end.
    pub text: String,
    /// Byte ranges of `text` to highlight, ascending and disjoint.
    pub highlights: Vec<Range<usize>>,
}

/// Whether the text between two highlighted words joins them into one
/// highlight: white space or a single hyphen (`Hong Kong`, `États-Unis`).
fn joins(gap: &str) -> bool {
    gap.trim().is_empty() || gap == "-"
}

/// Byte ranges, in a section's text, of the tokens at `positions`
/// (ascending). `base` is the section's offset in its document and `aside`
/// the document's set-aside spans, whose tokens have no position (as in the
/// writer). Scans only as far as the last position.
pub fn position_ranges(
    section_text: &str,
    base: usize,
    aside: &[Range<usize>],
    positions: &[u32],
) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let Some(&last_wanted) = positions.last() else {
        return out;
    };
    let mut position = 0u32;
    let mut wanted = positions.iter().peekable();
    scan(section_text, |start, end| {
        if super::format::in_aside(aside, base + start) {
            return true;
        }
        while wanted.next_if(|&&p| p < position).is_some() {}
        if wanted.peek() == Some(&&position) {
            match out.last_mut() {
                // Overlapping Han bigrams, and words only spaces or a hyphen
                // apart (`Hong Kong`, `États-Unis`), read as one highlight.
                Some(last) if start <= last.end || joins(&section_text[last.end..start]) => {
                    last.end = last.end.max(end)
                }
                _ => out.push(start..end),
            }
        }
        position += 1;
        position <= last_wanted
    });
    out
}

/// Token positions a snippet window spans: about this many words.
const SNIPPET_WORDS: u32 = 32;

/// The positions of the densest run of matches: the window of
/// [`SNIPPET_WORDS`] positions holding the most, the earliest on ties.
/// Linear in the number of positions (two pointers over sorted input).
fn densest(positions: &[u32]) -> &[u32] {
    let (mut best, mut best_len, mut lo) = (0, 0, 0);
    for hi in 0..positions.len() {
        while positions[hi] - positions[lo] >= SNIPPET_WORDS {
            lo += 1;
        }
        if hi + 1 - lo > best_len {
            best_len = hi + 1 - lo;
            best = lo;
        }
    }
    &positions[best..best + best_len]
}

/// An excerpt of about `max_chars` characters from the hit's section, centred
/// on the densest run of matches. Only that run's positions are mapped to
/// text, so a section with thousands of matches costs no more than one with a few.
pub fn snippet(index: &Index<'_>, hit: &Hit, max_chars: usize) -> Snippet {
    let section = index.section(hit.section);
    let aside = index.aside(&index.doc(hit.doc));
    // Every match the excerpt can show: a little before the densest run, and to the window's end.
    let visible = match densest(&hit.positions).first() {
        Some(&first) => {
            let (from, to) = (first.saturating_sub(12), first.saturating_add(2 * SNIPPET_WORDS));
            let lo = hit.positions.partition_point(|&p| p < from);
            let hi = hit.positions.partition_point(|&p| p < to);
            &hit.positions[lo..hi]
        }
        None => &[][..],
    };
    let ranges = position_ranges(section.text, section.start, &aside, visible);
    let (text, ranges) = without_aside(section.text, section.start, &aside, ranges);
    excerpt(&text, &ranges, max_chars)
}

/// A section's text as a reader would quote it: the page furniture set
/// aside inside it left out (the start page's openings, never "Advertisement").
pub fn readable_text(index: &Index<'_>, section: u32) -> String {
    let s = index.section(section);
    let aside = index.aside(&index.doc(s.doc));
    without_aside(s.text, s.start, &aside, Vec::new()).0
}

/// A section's text with the furniture set aside inside it left out (each
/// piece replaced by a line break), and highlight ranges moved to match.
/// Highlights never fall in furniture: its tokens have no positions.
fn without_aside(
    text: &str,
    base: usize,
    aside: &[Range<usize>],
    ranges: Vec<Range<usize>>,
) -> (String, Vec<Range<usize>>) {
    let end = base + text.len();
    let inside: Vec<Range<usize>> = aside
        .iter()
        .filter(|r| r.start < end && r.end > base)
        .map(|r| r.start.max(base) - base..r.end.min(end) - base)
        .collect();
    if inside.is_empty() {
        return (text.to_owned(), ranges);
    }
    // Kept pieces: (start in `text`, start in the result, length).
    let mut out = String::with_capacity(text.len());
    let mut pieces = Vec::new();
    let mut at = 0;
    for r in inside
        .iter()
        .chain(std::iter::once(&(text.len()..text.len())))
    {
        if r.start > at {
            pieces.push((at, out.len(), r.start - at));
            out.push_str(&text[at..r.start]);
        }
        out.push('\n');
        at = at.max(r.end);
    }
    let moved = ranges
        .into_iter()
        .filter_map(|r| {
            let &(from, to, _) = pieces
                .iter()
                .find(|&&(from, _, len)| r.start >= from && r.end <= from + len)?;
            Some(r.start - from + to..r.end - from + to)
        })
        .collect();
    (out, moved)
}

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
        let words = alias_form(&super::analysis::terms(surface));
        if words == m.named.query {
            continue;
        }
        // Show a Korean name without its particles (선전과 → 선전).
        let shown = if surface.chars().any(super::analysis::is_hangul_syllable) {
            words.as_str()
        } else {
            surface
        };
        // Name the entity, or what the reader typed when the text uses the entity's own name.
        let name = index.entity(m.entity).name;
        let other = if words == alias_form(&super::analysis::terms(name)) {
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

/// Cuts `text` to about `max_chars` characters around the best cluster of
/// `ranges`, on word boundaries, keeping the ranges that fall inside.
pub fn excerpt(text: &str, ranges: &[Range<usize>], max_chars: usize) -> Snippet {
    if text.chars().count() <= max_chars {
        return collapse_whitespace(text, ranges);
    }
    // Byte budget from the character budget, measured where the window starts.
    let window_bytes = |start: usize| {
        text[start..]
            .char_indices()
            .nth(max_chars)
            .map_or(text.len(), |(i, _)| start + i)
    };
    // Pick the highlight whose window holds the most highlights (ranges are
    // sorted: count by binary search; at most 64 candidate starts).
    let mut best_start = 0;
    let mut best_count = 0;
    for (i, r) in ranges.iter().enumerate().take(64) {
        let start = back_off(text, r.start, max_chars / 5);
        let end = window_bytes(start);
        let count = ranges[i..].partition_point(|q| q.end <= end);
        if count > best_count {
            best_count = count;
            best_start = start;
        }
    }
    let mut end = window_bytes(best_start);
    if end < text.len() {
        // Do not cut a word in half.
        end = text[..end]
            .rfind(char::is_whitespace)
            .filter(|&e| e > best_start)
            .unwrap_or(end);
    }
    let body = text[best_start..end].trim();
    let lead = body.as_ptr() as usize - text.as_ptr() as usize;
    let inside: Vec<Range<usize>> = ranges
        .iter()
        .filter(|r| r.start >= lead && r.end <= lead + body.len())
        .map(|r| r.start - lead..r.end - lead)
        .collect();
    let mut snippet = collapse_whitespace(body, &inside);
    if lead > 0 {
        snippet.text.insert_str(0, "… ");
        let shift = "… ".len();
        snippet
            .highlights
            .iter_mut()
            .for_each(|r| *r = r.start + shift..r.end + shift);
    }
    if lead + body.len() < text.len() {
        snippet.text.push_str(" …");
    }
    snippet
}

/// `text` with every run of white space (line breaks included) made one
/// space, and `ranges` moved to match.
fn collapse_whitespace(text: &str, ranges: &[Range<usize>]) -> Snippet {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1); // byte of `text` -> byte of `out`
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        while map.len() < i {
            map.push(out.len());
        }
        map.push(out.len());
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    while map.len() <= text.len() {
        map.push(out.len());
    }
    let highlights = ranges.iter().map(|r| map[r.start]..map[r.end]).collect();
    Snippet {
        text: out,
        highlights,
    }
}

/// A start offset up to `chars` characters before `at`, moved forward to the
/// start of a word or sentence.
fn back_off(text: &str, at: usize, chars: usize) -> usize {
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(chars)
        .map_or(0, |(i, _)| i);
    if start == 0 {
        return 0;
    }
    match text[start..at].find(char::is_whitespace) {
        Some(ws) => start + ws + text[start + ws..].chars().next().map_or(0, char::len_utf8),
        None => start,
    }
}

/// Highlight ranges over a whole document's text: every match of the query's
/// positive clauses in any of its sections (a reader shows them all, even
/// where a section did not satisfy the whole query).
pub fn doc_highlights(index: &Index<'_>, input: &str, doc: u32) -> Vec<Range<usize>> {
    let query = parse(input, true);
    let d = index.doc(doc);
    let aside = index.aside(&d);
    let sections = d.first_section..d.first_section + d.section_count;
    let mut positions: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    let mut ignored = Vec::new();
    for p in plan(index, &query, &mut ignored) {
        if p.negated {
            continue;
        }
        for (section, (_, pos, _)) in evaluate(index, &p.options).range(sections.clone()) {
            positions.entry(*section).or_default().extend(pos);
        }
    }
    let mut out = Vec::new();
    for (section, mut p) in positions {
        p.sort_unstable();
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
