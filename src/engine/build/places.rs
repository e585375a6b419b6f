//! Finding the places and organisations a corpus names, at build time.
//!
//! An entity is known by aliases in any language and script. Matching runs
//! over the same analysed tokens the index stores (case, accents and Korean
//! particles ignored), so a mention's token positions are index positions.
//!
//! Names from the GeoNames gazetteer are many and often ordinary words
//! ("Most", "Of", "Nice", "Bay"), so a gazetteer name must earn its place:
//! - Latin-script names must be written with a capital in the text;
//! - a one-word Latin name the corpus also writes in lowercase is an
//!   ordinary word, not a place;
//! - a one-word Latin name at the start of a sentence ("Selon …") is
//!   trusted only for a city of a million people or more;
//! - a name right after a surname is part of a person's name ("Liu
//!   Guangyuan"); surnames are entities of kind `surname`, never mentions;
//! - a gazetteer city must have a million people, or be in a country the
//!   document names elsewhere and have a hundred thousand: a small town
//!   abroad is much more often a word than a place;
//! - Korean one-syllable names never match (the importer drops them);
//! - a name the document writes after a title or a common given name
//!   elsewhere ("President Lincoln", "George Washington"), or before
//!   "himself" or "said", is a person; after "the frigate" a ship; after a
//!   lowercase "the" and ending the phrase ("the Chesapeake") a river, a bay
//!   or a ship, and a town under 100,000 people after "the" at all ("the
//!   Atlantic coast"); after "a wise" a common noun; a month's or a
//!   weekday's name, or an acronym in capitals ("NATO"), no town;
//!   after "New", "North"… a longer name the gazetteer lacks ("New Granada"),
//!   unless a compass word names a part of a big city ("West Berlin").
//!
//! Which of several places a name means, and whether a small town is meant
//! at all, is [`super::homonyms`]' part: the document's own countries and
//! sure places ([`super::regional`]) and the company a name keeps in a list
//! ([`super::lists`]) decide.
//!
//! Curated names (assets/entities.toml) are trusted as written.
//!
//! A place named by exactly the span of an organisation ("Toyota") is the
//! organisation, not the place.
//!
//! When one span could be several entities (Canton: Guangzhou or Canton,
//! Ohio; Macau: the city or Macau in Brazil), the document's own places
//! decide: the candidate in the country the document names most wins, then a
//! curated one, then the most populous. Hong Kong and Macau count as China
//! for this. Overlapping place names keep the longest ("Hong Kong Island"
//! over "Hong Kong"); a place inside an organisation's name counts but is
//! marked.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use rayon::prelude::*;

use crate::engine::analysis::lang::{alias_form, alias_word};
use crate::engine::analysis::{is_hangul_syllable, normalize, scan, terms};
pub use crate::engine::index::format::PLACE_KINDS;
pub use super::names::{indexed_spans, SpanToken};

use super::dates::is_calendar_word;
use super::input::{DocInput, EntityInput};
pub use super::homonyms::Reason;
use super::homonyms::{choose, is_place, Choice, Said, BIG_CITY, TOWN_IN_CONTEXT};
use super::names::{
    after_a_noun_of, after_indefinite, after_the, given_name_before, is_latin_word, is_title, locative, part_of_longer_name, person_or_ship, polity_of,
    sentence_start, titled, INSTITUTIONS,
};
use super::korean::{given_names_in_hangul, needs_context, without_si, KoreanNames};
use super::regional::{context_country, Regional};
use super::spellings;

/// Whether `word` (the first of a name found) names town `x` by another name
/// than its own, one that does not even start as its name does: a former
/// name, which is often a person's (Donetsk was Stalin and Stalino, Perm
/// Molotov) or a language's other name for it (Danzig, Breslau). Such a
/// name counts only where the document names the town's country or a sure
/// place near it; spellings of its own name (Lisbonne, Moguilev) and the
/// names of big and curated cities always count.
fn another_name(x: &EntityInput, word: &str) -> bool {
    x.kind == "city"
        && !x.curated
        && x.population < BIG_CITY
        && is_latin_word(word)
        && normalize(word).chars().next() != normalize(&x.name).chars().next()
}

/// People in a city whose parts are named by the compass ("West Berlin",
/// "East Jerusalem"): a smaller town's "North X" is another town.
const CITY_WITH_PARTS: u64 = 500_000;

/// One entity named in one section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Index of the document in the slice given to [`find`].
    pub doc: usize,
    /// Index of the section within its document.
    pub section: usize,
    /// Index of the entity in the slice given to [`find`].
    pub entity: usize,
    /// Token positions in the section, as the index numbers them.
    pub tokens: Range<u32>,
    /// Byte range in the document's text: the exact string found.
    pub bytes: Range<usize>,
    /// The place is named inside an organisation's name ("Shenzhen Stock Exchange").
    pub in_organisation: bool,
    /// The likeliest other place of this name, and why it lost: the reader
    /// is told the choice was made.
    pub rival: Option<(usize, Reason)>,
}

pub(super) struct Alias {
    pub(super) entity: usize,
    pub(super) words: Vec<String>,
    /// From the gazetteer: held to the rules in the module documentation.
    strict: bool,
}

/// The kind of surname entities.
pub const SURNAME: &str = "surname";

/// A gazetteer name whose last word is a common word of some language
/// ("Mexico by", Norwegian for Mexico City): in an English text it is
/// "Mexico" and a preposition.
fn ends_in_common_word(alias: &str) -> bool {
    alias.contains(' ')
        && alias
            .rsplit(' ')
            .next()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_lowercase)
}

/// Recognises the entities' names in documents.
pub struct Matcher<'e> {
    pub(super) entities: &'e [EntityInput],
    pub(super) by_first: HashMap<String, Vec<Alias>>,
    /// Foreign cities' Korean names by country, for other spellings of them.
    pub(super) korean: KoreanNames,
}

impl<'e> Matcher<'e> {
    /// Prepares the names of `entities` for matching.
    pub fn new(entities: &'e [EntityInput]) -> Self {
        let mut by_first: HashMap<String, Vec<Alias>> = HashMap::new();
        let mut seen: HashSet<(usize, String)> = HashSet::new();
        for (e, entity) in entities.iter().enumerate() {
            let names = entity
                .aliases
                .iter()
                .map(|a| (a, false))
                .chain(entity.gazetteer_aliases.iter().map(|a| (a, true)));
            for (alias, strict) in names {
                if strict && ends_in_common_word(alias) {
                    continue;
                }
                let form = alias_form(&terms(alias));
                for form in spellings::forms(form, strict) {
                    if form.is_empty() || !seen.insert((e, form.clone())) {
                        continue;
                    }
                    let words: Vec<String> = form.split(' ').map(str::to_owned).collect();
                    by_first.entry(words[0].clone()).or_default().push(Alias {
                        entity: e,
                        words,
                        strict,
                    });
                }
            }
        }
        Matcher { entities, by_first, korean: KoreanNames::new(entities) }
    }

    /// The longest place name and the longest other name starting at
    /// `start`: (length in tokens, the entities it could be), each.
    fn candidates(
        &self,
        text: &str,
        tokens: &[SpanToken],
        start: usize,
        words: &DocWords,
    ) -> [Option<(usize, Vec<usize>)>; 2] {
        let mut best: [Option<(usize, Vec<usize>)>; 2] = [None, None];
        let first = &tokens[start].term;
        let Some(aliases) = self
            .by_first
            .get(alias_word(first))
            .or_else(|| self.by_first.get(without_si(first)?))
        else {
            return best;
        };
        for a in aliases {
            let entity = &self.entities[a.entity];
            if entity.kind == SURNAME {
                continue;
            }
            let end = start + a.words.len();
            let same = |w: &String, t: &SpanToken| {
                w == alias_word(&t.term) || without_si(&t.term).is_some_and(|x| w == x)
            };
            let fits = end <= tokens.len()
                && a.words
                    .iter()
                    .zip(&tokens[start..end])
                    .all(|(w, t)| same(w, t));
            if !fits {
                continue;
            }
            if a.strict && self.not_this_place(text, tokens, start, a, words) {
                continue;
            }
            match &mut best[usize::from(!is_place(entity))] {
                Some((len, list)) if *len == a.words.len() => {
                    if !list.contains(&a.entity) {
                        list.push(a.entity);
                    }
                }
                Some((len, _)) if *len > a.words.len() => {}
                slot => *slot = Some((a.words.len(), vec![a.entity])),
            }
        }
        best
    }

    /// Whether a gazetteer name (held to the strict rules of the module
    /// doc) at `start` is not its entity here: an ordinary word, a
    /// person, a ship, a part of a longer name, an acronym.
    fn not_this_place(&self, text: &str, tokens: &[SpanToken], start: usize, a: &Alias, words: &DocWords) -> bool {
        let ordinary = words.ordinary;
        let entity = &self.entities[a.entity];
        let end = start + a.words.len();
        let surface = &text[tokens[start].bytes.clone()];
        let latin = is_latin_word(surface);
        if latin && !surface.chars().next().is_some_and(char::is_uppercase) {
            return true;
        }
        let one_word = latin && a.words.len() == 1;
        // A name of two or three letters ("Bo", "Ur") is a code or a
        // word far more often than a town: only a big city's counts.
        if one_word && a.words[0].chars().count() < 4 && entity.population < BIG_CITY {
            return true;
        }
        let capitals = |t: &SpanToken| {
            let w = &text[t.bytes.clone()];
            w.chars().any(char::is_alphabetic) && w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
        };
        // A dateline ("LICHFIELD, England") or a headline in capitals is no acronym.
        let headline = start.checked_sub(1).is_some_and(|p| capitals(&tokens[p]))
            || tokens.get(end).is_some_and(capitals)
            || text[tokens[start].bytes.end..].starts_with(',');
        if one_word
            && capitals(&tokens[start])
            && !headline
            && entity.population < BIG_CITY
            && !entity.name.chars().all(char::is_uppercase)
        {
            // "NATO": an acronym, not the town of Nato.
            return true;
        }
        if one_word && (ordinary.contains(&a.words[0]) || is_calendar_word(&a.words[0])) {
            // An ordinary word, or a month's or a weekday's name ("in August").
            return true;
        }
        if one_word
            && entity.population < BIG_CITY
            && sentence_start(text, tokens[start].bytes.start)
        {
            return true;
        }
        if start > 0 && self.is_surname(text, &tokens[start - 1]) {
            return true;
        }
        if one_word && (person_or_ship(text, tokens, start, end) || after_indefinite(text, tokens, start)) {
            return true;
        }
        let small = entity.population < TOWN_IN_CONTEXT;
        if latin && entity.population < BIG_CITY && after_the(text, tokens, start, end, small) {
            // "the Chesapeake", "the Oregon", "the Columbia": a ship,
            // a river or a bay; a town is named without an article.
            return true;
        }
        if start > 0 && words.korean_given.contains(&tokens[start - 1].term) && text.get(tokens[start - 1].bytes.end..tokens[start].bytes.start) == Some(" ") {
            // "이안 잭슨을": Ian Jackson, named so in Latin letters elsewhere.
            return true;
        }
        if one_word
            && words.corpus_persons.contains(&a.words[0])
            && !entity.name.eq_ignore_ascii_case(&text[tokens[start].bytes.clone()])
        {
            return true;
        }
        if one_word
            && entity.population < BIG_CITY
            && words.persons.contains(&a.words[0])
            && !locative(text, tokens, start)
        {
            // "Lincoln" in a text that says "President Lincoln": the
            // person, unless the sentence puts it somewhere ("at Lincoln").
            return true;
        }
        let big_city = entity.kind == "city" && entity.population >= CITY_WITH_PARTS;
        // ("the State of New York" is the state's name, not a longer one.)
        let state = entity.kind != "city" && polity_of(text, tokens, start);
        if latin && !state && part_of_longer_name(text, tokens, start, end, ordinary, big_city) {
            return true;
        }
        let other_name = !entity
            .name
            .eq_ignore_ascii_case(&text[tokens[start].bytes.start..tokens[end - 1].bytes.end]);
        if latin
            && a.words.len() > 1
            && other_name
            && (a.words.iter().all(|w| ordinary.contains(w))
                || a.words.iter().any(|w| INSTITUTIONS.contains(&w.as_str())))
        {
            // A translated alias made of ordinary words ("White House"
            // for Casablanca) is a phrase of the text, not the city.
            return true;
        }
        if one_word
            && entity.population < BIG_CITY
            && text[tokens[start].bytes.end..].starts_with(['\'', '’'])
            && text[tokens[start].bytes.end..].chars().nth(1).is_some_and(|c| c == 's' || c == 'S')
        {
            // "Washington's": a person, far more often than a town.
            return true;
        }
        false
    }

    fn is_surname(&self, text: &str, token: &SpanToken) -> bool {
        let capital = text[token.bytes.clone()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        capital
            && self.by_first.get(&token.term).is_some_and(|v| {
                v.iter()
                    .any(|a| a.words.len() == 1 && self.entities[a.entity].kind == SURNAME)
            })
    }

    /// The mentions in document number `doc_no`, in section and position
    /// order, given what the whole corpus's words say.
    pub fn mentions(&self, doc_no: usize, doc: &DocInput, corpus: &CorpusWords) -> Vec<Mention> {
        let sections: Vec<Vec<SpanToken>> = doc
            .sections
            .iter()
            .map(|s| indexed_spans(&doc.text[s.range.clone()], s.range.start, &doc.aside))
            .collect();
        self.doc_mentions(doc_no, &doc.text, &sections, corpus)
    }

    /// The mentions in one document, given its sections' tokens.
    fn doc_mentions(
        &self,
        doc_no: usize,
        text: &str,
        sections: &[Vec<SpanToken>],
        corpus: &CorpusWords,
    ) -> Vec<Mention> {
        let words = DocWords {
            ordinary: &corpus.ordinary,
            persons: titled_names(text, sections, &corpus.ordinary),
            corpus_persons: &corpus.persons,
            korean_given: &corpus.korean_given,
        };
        let mut kept = self.spans(text, sections, &words);
        self.spelt_beside_country(text, sections, &mut kept);
        self.where_said(text, sections, &mut kept);
        self.kind_said(text, sections, &mut kept);
        let first_word = |k: &Span| &text[sections[k.section][k.start].bytes.clone()];
        let said = |k: &Span| Said {
            locative: k.locative,
            in_hangul: first_word(k).chars().next().is_some_and(is_hangul_syllable),
            after_a_noun_of: after_a_noun_of(text, &sections[k.section], k.start),
        };
        let context = self.context(&kept, &first_word);
        let companies = self.companies(text, sections, &kept);
        let orgs: Vec<(usize, Range<usize>)> = kept
            .iter()
            .filter(|k| !k.place)
            .map(|k| (k.section, k.start..k.start + k.len))
            .collect();
        let mut out: Vec<Mention> = kept
            .iter()
            .filter_map(|k| {
                let fits: Vec<usize> = k
                    .candidates
                    .iter()
                    .copied()
                    .filter(|&e| !needs_context(&self.entities[e], first_word(k)) || context.named(&self.entities[e]))
                    .filter(|&e| {
                        let x = &self.entities[e];
                        !another_name(x, first_word(k)) || context.named(x) || context.near(x)
                    })
                    .collect();
                let Choice { entity, rival } =
                    choose(self.entities, &fits, &context, said(k), companies.get(&(k.section, k.start)))?;
                let tokens = &sections[k.section];
                let end = k.start + k.len;
                Some(Mention {
                    doc: doc_no,
                    section: k.section,
                    entity,
                    tokens: k.start as u32..end as u32,
                    bytes: tokens[k.start].bytes.start..tokens[end - 1].bytes.end,
                    in_organisation: k.place
                        && orgs
                            .iter()
                            .any(|(os, r)| *os == k.section && r.start <= k.start && end <= r.end),
                    rival,
                })
            })
            .collect();
        out.sort_by_key(|m| (m.section, m.tokens.start, m.entity));
        out
    }

    /// The spans of a document that name something: longest first, a span
    /// overlapping a longer (or earlier) one of its own kind goes, and a
    /// place whose exact span names an organisation ("Toyota") goes.
    fn spans(&self, text: &str, sections: &[Vec<SpanToken>], words: &DocWords) -> Vec<Span> {
        let mut found: Vec<Span> = Vec::new();
        for (s, tokens) in sections.iter().enumerate() {
            for start in 0..tokens.len() {
                // Places and other entities compete only among themselves.
                let [places, others] = self.candidates(text, tokens, start, words);
                for (c, place) in [(places, true), (others, false)] {
                    if let Some((len, candidates)) = c {
                        let locative = locative(text, tokens, start);
                        found.push(Span { section: s, start, len, candidates, place, locative });
                    }
                }
            }
        }
        found.sort_by(|a, b| {
            (a.place, b.len, a.section, a.start).cmp(&(b.place, a.len, b.section, b.start))
        });
        let mut kept: Vec<Span> = Vec::new();
        for f in found {
            let overlaps = kept.iter().any(|k| {
                k.place == f.place && k.section == f.section && k.start < f.start + f.len && f.start < k.start + k.len
            });
            if !overlaps {
                kept.push(f);
            }
        }
        let org_spans: HashSet<(usize, usize, usize)> = kept
            .iter()
            .filter(|k| !k.place)
            .map(|k| (k.section, k.start, k.len))
            .collect();
        kept.retain(|k| !(k.place && org_spans.contains(&(k.section, k.start, k.len))));
        kept
    }

    /// Regional context: how often the document names each country through
    /// places named without ambiguity and beyond doubt (a region, a curated
    /// or a big city), when their candidates agree, and where those places
    /// are when they are one.
    fn context<'t>(&self, kept: &[Span], first_word: &dyn Fn(&Span) -> &'t str) -> Regional<'e> {
        // A region (Texas, France) or a big or curated city says where the text is.
        let trusted = |e: usize| {
            let x = &self.entities[e];
            x.curated || x.population >= BIG_CITY || (x.kind != "city" && is_place(x))
        };
        let mut context = Regional::default();
        for k in kept.iter().filter(|k| k.place) {
            let sure: Vec<&'e EntityInput> = k
                .candidates
                .iter()
                .filter(|&&e| trusted(e) && !needs_context(&self.entities[e], first_word(k)))
                .map(|&e| &self.entities[e])
                .collect();
            let Some(first) = sure.first() else {
                continue;
            };
            let country = first.country.as_str();
            let one = if sure.len() == 1 { first.at } else { None };
            if country.is_empty() {
                // A region of no one country ("Central America") still says where.
                context.add_point(one);
            } else if sure.iter().all(|x| context_country(&x.country) == context_country(country)) {
                context.add(country, one);
            }
        }
        context
    }



}

/// A run of tokens that names entities of one side (places, or the rest).
pub(super) struct Span {
    pub(super) section: usize,
    pub(super) start: usize,
    pub(super) len: usize,
    /// The entities it could name.
    pub(super) candidates: Vec<usize>,
    /// Places (or organisations and the rest).
    pub(super) place: bool,
    /// After a locative preposition ("at", "in the", "près de").
    pub(super) locative: bool,
}

/// What the whole corpus's words say about names, gathered a document at
/// a time ([`CorpusWords::add`]) before any document's places are found.
#[derive(Debug, Default)]
pub struct CorpusWords {
    /// Words written in lowercase somewhere.
    ordinary: HashSet<String>,
    /// Names written after a title somewhere ("Marshal Stalin").
    persons: HashSet<String>,
    /// Given names of people a Korean text names in Latin letters too
    /// (see [`given_names_in_hangul`]).
    korean_given: HashSet<String>,
}

impl CorpusWords {
    /// Adds a document's words: those it writes in lowercase (Latin script;
    /// a one-word name among them is an ordinary word here, and a
    /// capitalised word next to a name that is never written so is part of
    /// a longer proper name: "Abraham Lincoln", "Washington Irving"), and
    /// the names it writes after a title ("Marshal Stalin").
    pub fn add(&mut self, doc: &DocInput) {
        for s in &doc.sections {
            let text = &doc.text[s.range.clone()];
            self.korean_given.extend(given_names_in_hangul(text));
            let mut title_before = false;
            let mut last_end = 0;
            scan(text, |a, b| {
                let raw = &text[a..b];
                let first = raw.chars().next();
                if first.is_some_and(char::is_lowercase) && !self.ordinary.contains(raw) {
                    self.ordinary.insert(normalize(raw));
                }
                let capital = first.is_some_and(char::is_uppercase);
                // Spans of one word may overlap (a Korean word and its stem).
                let gap = text.get(last_end..a).unwrap_or_default();
                let folded = if capital { normalize(raw) } else { String::new() };
                if title_before && capital && matches!(gap, " " | ". ") {
                    self.persons.insert(folded.clone());
                }
                title_before = capital && is_title(&folded);
                last_end = last_end.max(b);
                true
            });
        }
    }
}

/// What a document's words say about its names.
struct DocWords<'o> {
    /// Words the corpus writes in lowercase (see [`CorpusWords::add`]).
    ordinary: &'o HashSet<String>,
    /// Names the corpus writes after a title anywhere: a gazetteer city's
    /// other name among them ("Stalin" for Donetsk) is the person's.
    corpus_persons: &'o HashSet<String>,
    /// Korean given names (see [`CorpusWords`]): a city's name after one is a surname.
    korean_given: &'o HashSet<String>,
    /// Names the document writes after a title or a given name ("President
    /// Lincoln", "George Washington"): people, wherever else they stand
    /// alone in it.
    persons: HashSet<String>,
}

/// The names a document writes after a title or a given name ("President
/// Lincoln", "George Washington"), folded as indexed.
fn titled_names(text: &str, sections: &[Vec<SpanToken>], ordinary: &HashSet<String>) -> HashSet<String> {
    sections
        .iter()
        .flat_map(|tokens| {
            (0..tokens.len().saturating_sub(1))
                .filter(|&i| titled(text, tokens, i) || given_name_before(text, tokens, i, ordinary))
                .map(|i| alias_word(&tokens[i + 1].term).to_owned())
        })
        .collect()
}

/// Every mention of `entities` in `docs`, in document, section and position order.
pub fn find(docs: &[DocInput], entities: &[EntityInput]) -> Vec<Mention> {
    let matcher = Matcher::new(entities);
    let mut corpus = CorpusWords::default();
    docs.iter().for_each(|doc| corpus.add(doc));
    // Each document on its own, on every core; mentions in document order.
    let per_doc: Vec<Vec<Mention>> = docs
        .par_iter()
        .enumerate()
        .map(|(d, doc)| matcher.mentions(d, doc, &corpus))
        .collect();
    per_doc.into_iter().flatten().collect()
}
