//! Whether a name found in a text is the place it names or part of a
//! longer proper name (General Jackson, Lake Erie, White House, District of
//! Columbia), read from the tokens around it.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use crate::engine::analysis::{indexed, normalize};
use crate::engine::research::stopwords::is_stop_word;

use super::dates::is_calendar_word;

/// A token as indexed, with its byte range in the document text.
#[derive(Debug, Clone)]
pub struct SpanToken {
    /// The folded term.
    pub term: String,
    /// Where it is in the document text.
    pub bytes: Range<usize>,
}

/// The tokens of a section as the index stores them, with byte ranges in the
/// document; tokens starting in an aside span are left out (positions are
/// indexes of this list). `base` is the section's offset in the document.
pub fn indexed_spans(text: &str, base: usize, aside: &[Range<usize>]) -> Vec<SpanToken> {
    let mut out = Vec::new();
    indexed(text, base, aside, |s, e| {
        out.push(SpanToken {
            term: normalize(&text[s..e]),
            bytes: base + s..base + e,
        });
        true
    });
    out
}

/// Whether a word is written in the Latin alphabet.
pub(super) fn is_latin_word(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        c.is_alphabetic() && (c.is_ascii() || ('\u{00c0}'..='\u{024f}').contains(&c))
    })
}

/// Whether byte `at` of `text` starts a sentence: only spaces since a
/// sentence end, a line break, a colon or an opening quote.
pub(super) fn sentence_start(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t']);
    if let Some(line) = before.strip_suffix('\n') {
        // A line break starts a sentence, unless it wraps one: a long line
        // before it that does not end a sentence (hard-wrapped text).
        let last = line.rsplit('\n').next().unwrap_or(line).trim_end();
        return last.chars().count() < 40 || sentence_start(text, line.trim_end().len());
    }
    before.is_empty() || before.ends_with(['.', '!', '?', ':', '"', '“', '«', '(', '—'])
}

/// Titles before a person's name: a place name after one is a person.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "general", "gen", "president", "admiral",
    "adm", "captain", "capt", "colonel", "col", "governor", "gov", "senator", "sen", "judge",
    "justice", "major", "lieutenant", "lt", "sergeant", "commodore", "commander", "secretary",
    "minister", "ambassador", "consul", "king", "queen", "prince", "princess", "duke", "emperor",
    "pope", "chancellor", "premier", "mayor", "professor", "prof", "reverend", "rev", "father",
    "brother", "sister", "m", "mme", "mlle", "monsieur", "madame", "mademoiselle",
    "roi", "reine", "empereur", "marechal", "comte", "duc", "citoyen", "marshal", "chairman",
    "generalissimo", "comrade", "kaiser", "czar", "tsar", "shah", "sultan", "emir", "sheikh",
    "ayatollah", "cardinal", "brigadier",
];
/// Titles before a list of names: "Generals Scott and Atkinson", "Messrs.".
const PLURAL_TITLES: &[&str] = &[
    "generals", "presidents", "senators", "governors", "captains", "colonels", "admirals",
    "majors", "brigadiers", "commodores", "lieutenants", "ministers", "ambassadors", "consuls",
    "secretaries", "judges", "messrs", "generaux", "marechaux",
];
/// Words before a name that make it a feature's name (Lake Erie, Fort Wayne).
const FEATURES: &[&str] = &[
    "lake", "mount", "mt", "fort", "ft", "cape", "river", "gulf", "bay", "isle", "camp", "lac",
    "mont", "riviere", "fleuve", "golfe", "cap",
];
/// Words after a name that make it an institution's, a building's or a
/// people's name (White House, Paris Agreement, Miami Indians).
pub(super) const INSTITUTIONS: &[&str] = &[
    "house", "hall", "street", "avenue", "road", "square", "bridge", "bank", "university", "college",
    "school", "hospital", "airport", "station", "times", "post", "herald", "tribune", "journal",
    "daily", "agreement", "accord", "accords", "treaty", "convention", "protocol", "declaration",
    "conference", "company", "corporation", "group", "club", "indians", "tribe", "river", "lake",
    "mountains", "county", "harbor", "harbour", "canal", "railroad", "railway", "exposition",
    "exhibition", "press", "review", "gazette", "courier", "observer", "olympics", "declaration",
    "roads", "sound", "strait", "straits", "island", "islands", "valley", "bay", "monument",
];
/// Words that may stand before "of" and a city name that still names the
/// city: the City of London, the Siege of Paris, the Treaty of Paris (an
/// event keeps its place, capitalised or not).
const CITY_OF: &[&str] = &[
    "city", "town", "port", "village", "battle", "siege", "mayor", "capital", "citizens", "people",
    "inhabitants", "government", "fall", "capture", "sack", "ville", "cite", "habitants", "mairie",
    "treaty", "treaties", "peace", "congress", "traite", "traites", "paix", "bataille", "congres",
    "commune", "conference", "summit", "sommet",
];

/// Prepositions before a name that make it a place where something happens
/// or stands ("at Aranjuez", "in the Natchez", "près de Minden"): not "to" or
/// "from", which as often introduce a person ("a letter from Lincoln").
const LOCATIVES: &[&str] = &["at", "in", "near", "outside", "via", "à", "près", "vers"];
/// Nouns for a settlement before "of" and its name: "the town of X".
const SETTLEMENTS: &[&str] = &[
    "city", "town", "village", "port", "township", "borough", "ville", "cité", "bourg", "capitale",
    "commune", "municipality", "municipalité",
];

/// Whether the name starting at token `start` follows a locative
/// preposition, directly or with an article between ("at the Natchez",
/// "près de Minden"), or a settlement's noun ("the city of Lichfield").
pub(super) fn locative(text: &str, tokens: &[SpanToken], start: usize) -> bool {
    let word = |back: usize| start.checked_sub(back).map(|i| raw_lower(text, &tokens[i]));
    match word(1).as_deref() {
        // "the city of Lichfield", "la ville de Minden": the text says it is a town.
        Some("of" | "de" | "d") if word(2).is_some_and(|t| SETTLEMENTS.contains(&t.as_str())) => true,
        Some("the" | "de" | "d") => word(2).is_some_and(|t| LOCATIVES.contains(&t.as_str())),
        Some(t) => LOCATIVES.contains(&t),
        None => false,
    }
}

/// Whether the name starting at token `start` follows a common noun and
/// "of" or "de" that may make it a person's or a work's ("la philosophie de
/// Newton", "the works of Newton"), not one that makes it a place (the city
/// of, the treaty of, près de).
pub(super) fn after_a_noun_of(text: &str, tokens: &[SpanToken], start: usize) -> bool {
    let (Some(of), Some(noun)) = (start.checked_sub(1), start.checked_sub(2)) else {
        return false;
    };
    let noun_word = &text[tokens[noun].bytes.clone()];
    matches!(tokens[of].term.as_str(), "of" | "de" | "d" | "du" | "des")
        && noun_word.chars().next().is_some_and(char::is_lowercase)
        && ![CITY_OF, SETTLEMENTS, LOCATIVES].iter().any(|words| words.contains(&tokens[noun].term.as_str()))
}

/// Nouns for a state or country before "of" and its name: "the State of
/// X", "the Kingdom of France", "a province of Canada" (a region named so is
/// that region; a city named so is not the city: see [`OF_HEADS`]).
const POLITIES: &[&str] = &[
    "state", "province", "provinces", "republic", "commonwealth", "canton", "kingdom", "empire", "regency",
    "territory", "état", "etat", "république", "republique", "région", "region", "département", "departement",
    "royaume",
];
/// French articles (and their contractions) that stand before the name of a
/// country or a province, never a city's: "le Québec", "du Mexique", "au
/// Luxembourg", "en Crimée"; "à Québec", "la ville de Québec" name the city.
const REGION_ARTICLES: &[&str] = &["le", "la", "les", "l", "du", "au", "aux", "des", "en"];

/// What the words before the name at token `start` say it is: `Some(true)`
/// a city ("the city of X", "la ville de X"), `Some(false)` a country or a
/// province ("the State of X", "l'État de X", "le X", "au X"), `None`
/// nothing. Only a name that may be either heeds it (see `Matcher::kind_said`).
pub(super) fn said_kind(text: &str, tokens: &[SpanToken], start: usize) -> Option<bool> {
    // "the city of X", "la ville de X" (not "a city of Ohio", "une ville
    // d'Espagne": a town in that region).
    let definite = start
        .checked_sub(3)
        .is_some_and(|i| close(text, tokens, i) && matches!(raw_lower(text, &tokens[i]).as_str(), "the" | "la" | "le" | "l"));
    match head_of(text, tokens, start) {
        // "the capital of X", "la capitale du Québec": X has a capital.
        Some(head) if matches!(head.as_str(), "capital" | "capitale") => return Some(false),
        Some(head) if SETTLEMENTS.contains(&head.as_str()) => return definite.then_some(true),
        Some(head) if POLITIES.contains(&head.as_str()) => return Some(false),
        _ => {}
    }
    let before = start.checked_sub(1).filter(|&i| close(text, tokens, i))?;
    REGION_ARTICLES.contains(&raw_lower(text, &tokens[before]).as_str()).then_some(false)
}

/// Whether the name at token `start` follows a state's noun and "of": "the
/// State of New York", "l'État de New York" name the state, where "the Bank
/// of Canada" names no place.
pub(super) fn polity_of(text: &str, tokens: &[SpanToken], start: usize) -> bool {
    head_of(text, tokens, start).is_some_and(|head| POLITIES.contains(&head.as_str()))
}

/// The word before "of" (or "de") right before token `start`, lowercase.
fn head_of(text: &str, tokens: &[SpanToken], start: usize) -> Option<String> {
    let of = start.checked_sub(1).filter(|&i| close(text, tokens, i))?;
    let head = of.checked_sub(1).filter(|&i| close(text, tokens, i))?;
    matches!(raw_lower(text, &tokens[of]).as_str(), "of" | "de" | "du" | "des" | "d").then(|| raw_lower(text, &tokens[head]))
}

/// Whether token `i` stands right before the next, with no more than a
/// space or an apostrophe between (no punctuation that ends a phrase).
fn close(text: &str, tokens: &[SpanToken], i: usize) -> bool {
    tokens.get(i + 1).is_some_and(|next| {
        text.get(tokens[i].bytes.end..next.bytes.start)
            .is_some_and(|gap| gap.len() <= 3 && !gap.contains(['\n', ',', '.', ';', ':']))
    })
}

/// A token as written, in lowercase: "à" stays "à" (its term is "a").
fn raw_lower(text: &str, token: &SpanToken) -> String {
    text.get(token.bytes.clone()).unwrap_or_default().to_lowercase()
}

/// Whether a folded word is a title before a person's name ("president").
pub(super) fn is_title(term: &str) -> bool {
    TITLES.contains(&term) || PLURAL_TITLES.contains(&term)
}

/// Common given names (assets/given-names.txt), folded as indexed.
fn given_names() -> &'static HashSet<String> {
    static NAMES: OnceLock<HashSet<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        include_str!("../../../assets/given-names.txt")
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(normalize)
            .collect()
    })
}

/// Whether a place's name is also a common given name ("Mary", "Florence"):
/// said alone, as likely a person as the town.
pub(super) fn is_given_name(name: &str) -> bool {
    given_names().contains(&normalize(name))
}

/// Whether the token at `at` is a given name before a capitalised name, one
/// space between ("George Washington"): the next token is a surname. Not a
/// given name the corpus also writes in lowercase (`ordinary`: "mark",
/// "grace") nor a month's ("June Trenton" is no person).
pub(super) fn given_name_before(text: &str, tokens: &[SpanToken], at: usize, ordinary: &HashSet<String>) -> bool {
    let (Some(given), Some(name)) = (tokens.get(at), tokens.get(at + 1)) else {
        return false;
    };
    let capital = |t: &SpanToken| text[t.bytes.clone()].chars().next().is_some_and(char::is_uppercase);
    text.get(given.bytes.end..name.bytes.start) == Some(" ")
        && capital(given)
        && capital(name)
        && given_names().contains(&given.term)
        && !ordinary.contains(&given.term)
        && !is_calendar_word(&given.term)
}

/// Whether the token at `at` is a title before a name ("President", "Mr."),
/// written with a capital and joined to the next token by a space (or a
/// title's full stop).
pub(super) fn titled(text: &str, tokens: &[SpanToken], at: usize) -> bool {
    let (Some(title), Some(name)) = (tokens.get(at), tokens.get(at + 1)) else {
        return false;
    };
    // Tokens of one word may share bytes (a Korean word and its stem).
    let Some(gap) = text.get(title.bytes.end..name.bytes.start) else {
        return false;
    };
    let gap = gap.strip_prefix('.').unwrap_or(gap);
    !gap.is_empty()
        && gap.chars().all(char::is_whitespace)
        && gap.matches('\n').count() <= 1
        && text[title.bytes.clone()].chars().next().is_some_and(char::is_uppercase)
        && is_title(&title.term)
}

/// Words after a name that make it a person: "Lincoln himself", "Lincoln
/// spoke".
const PERSON_AFTER: &[&str] = &[
    "himself", "herself", "said", "says", "spoke", "wrote", "stated", "declared", "pointed",
    "called", "told", "asked", "warned", "believed", "thought", "knew", "died", "dit", "ecrit",
    "declara", "mourut",
];
/// Words before a name that make it a vessel's: "the frigate Chesapeake".
const VESSELS: &[&str] = &[
    "ship", "frigate", "steamer", "steamship", "vessel", "schooner", "brig", "sloop", "cruiser",
    "battleship", "gunboat", "corvette", "bark", "barque", "navire", "fregate", "vapeur",
];

/// Verbs of saying among [`PERSON_AFTER`]: their subject may be the people
/// of a place ("officials in Washington said").
const SAYING: &[&str] = &["said", "says", "stated", "declared", "told", "warned", "asked", "dit", "declara"];

/// Whether the name at `start..end` is a person or a ship by the word next
/// to it: "Lincoln himself", "Lincoln spoke", "the frigate Chesapeake". A
/// verb of saying after a locative preposition does not make one:
/// "officials in Washington said" is the city.
pub(super) fn person_or_ship(text: &str, tokens: &[SpanToken], start: usize, end: usize) -> bool {
    let spaced = |a: &SpanToken, b: &SpanToken| text.get(a.bytes.end..b.bytes.start) == Some(" ");
    let person = tokens.get(end).is_some_and(|next| {
        let word = next.term.as_str();
        PERSON_AFTER.contains(&word)
            && spaced(&tokens[end - 1], next)
            && !(SAYING.contains(&word) && locative(text, tokens, start))
    });
    let ship = start > 0 && {
        let prev = &tokens[start - 1];
        VESSELS.contains(&prev.term.as_str())
            && spaced(prev, &tokens[start])
            && text.get(prev.bytes.clone()).is_some_and(|w| w.starts_with(char::is_lowercase))
    };
    person || ship
}

/// Whether the name at token `start` follows an indefinite article, directly
/// or with one lowercase word between ("under a wise Providence", "une
/// Rome nouvelle"): a common noun or a figure of speech, not a place. Not
/// after an elided "d'" ("une ville d'Espagne": a town in Spain).
pub(super) fn after_indefinite(text: &str, tokens: &[SpanToken], start: usize) -> bool {
    let article = |i: usize| matches!(raw_lower(text, &tokens[i]).as_str(), "a" | "an" | "un" | "une");
    let spaced = |i: usize| text.get(tokens[i].bytes.end..tokens[i + 1].bytes.start).is_some_and(|g| g.chars().all(char::is_whitespace));
    let lowercase = |i: usize| text[tokens[i].bytes.clone()].chars().next().is_some_and(char::is_lowercase) && spaced(i);
    match start {
        0 => false,
        1 => article(0),
        _ => article(start - 1) || (lowercase(start - 1) && article(start - 2)),
    }
}

/// Whether the name at token `start` follows a lowercase "the" and ends a
/// phrase ("the Chesapeake", "the Columbia to the Pacific"): a ship, a river
/// or a bay. Not when a noun follows ("the Antwerp Exposition", "the Geneva
/// tribunal": the city's), unless the place is a small town (`small`: "the
/// Atlantic coast", "the Arab States", "the Cherokee Nation" are no towns';
/// a town is named without an article); nor "at the Natchez" (an old way of
/// naming a settlement, one word). "The Hague" carries its article in its name.
pub(super) fn after_the(text: &str, tokens: &[SpanToken], start: usize, end: usize, small: bool) -> bool {
    let word = |i: usize| text.get(tokens[i].bytes.clone()).unwrap_or_default();
    let name_goes_on = tokens.get(end).is_some_and(|t| {
        text.get(tokens[end - 1].bytes.end..t.bytes.start) == Some(" ")
            && (word(end).starts_with(char::is_uppercase) || !is_stop_word(&t.term))
    });
    let at_the_settlement = start >= 2 && word(start - 2) == "at" && end - start == 1;
    start > 0 && word(start - 1) == "the" && (small || !name_goes_on) && !at_the_settlement
}

/// Words before a place's name that make a longer name of another place
/// when the two are not known together (New Granada, West Florida).
const PREFIXES: &[&str] = &[
    "new", "north", "south", "east", "west", "upper", "lower", "nueva", "nuevo", "nouvelle",
    "nouveau", "northern", "southern", "eastern", "western", "little", "great",
];
/// The compass words of [`PREFIXES`].
const COMPASS: &[&str] = &["north", "south", "east", "west"];
/// Lowercase words before "of" and a place that make the name an
/// institution's, a polity's or an island's: "the bank of England", "the
/// regency of Algiers", « l'île de Montréal », "the island of Montreal".
/// Events keep their place ("the treaty of Ghent" names Ghent).
const OF_HEADS: &[&str] = &[
    "bank", "university", "duke", "earl", "bishop", "archbishop", "kingdom", "regency",
    "regencies", "republic", "province", "district", "territory", "county", "court", "royaume",
    "republique", "duc", "island", "isle", "ile",
];

/// Whether the gazetteer name at `start..end` is part of a longer proper
/// name: after a title or a feature word (General Jackson, Lake Erie), after
/// a capitalised word the corpus never writes in lowercase (Abraham
/// Lincoln), before an institution's word or another such word (White
/// House, Washington Irving), or in "X of Y" (District of Columbia, Bank of
/// Canada) — but not the City of London or the Treaty of Paris, nor a part of a
/// big city named by the compass (`big_city`: "West Berlin").
pub(super) fn part_of_longer_name(
    text: &str,
    tokens: &[SpanToken],
    start: usize,
    end: usize,
    ordinary: &HashSet<String>,
    big_city: bool,
) -> bool {
    let capital = |t: &SpanToken| text[t.bytes.clone()].chars().next().is_some_and(char::is_uppercase);
    // Only spaces between two words of one name (a title's full stop too),
    // or the line break of a hard-wrapped sentence ("… par\n Ian Jackson").
    let joined = |a: &SpanToken, b: &SpanToken, stop: bool| {
        let gap = &text[a.bytes.end..b.bytes.start];
        let gap = if stop { gap.strip_prefix('.').unwrap_or(gap) } else { gap };
        if gap.is_empty() || !gap.chars().all(char::is_whitespace) {
            return false;
        }
        match gap.matches('\n').count() {
            0 => gap.chars().all(|c| c == ' ' || c == '\u{a0}'),
            1 => {
                let line_start = text[..a.bytes.start].rfind('\n').map_or(0, |i| i + 1);
                a.bytes.end - line_start >= 40
            }
            _ => false,
        }
    };
    if let Some(prev) = start.checked_sub(1).map(|p| &tokens[p]) {
        let first = &tokens[start];
        if titled(text, tokens, start - 1) {
            return true;
        }
        if joined(prev, first, false) && capital(prev) && PREFIXES.contains(&prev.term.as_str()) {
            // "West Berlin", "East Jerusalem": a part of a big city is the
            // city on a map; "North Platte" is another town.
            return !(big_city && COMPASS.contains(&prev.term.as_str()));
        }
        if joined(prev, first, false) && capital(prev) {
            if FEATURES.contains(&prev.term.as_str()) {
                return true;
            }
            let proper = !ordinary.contains(&prev.term) && !sentence_start(text, prev.bytes.start);
            if proper && is_latin_word(&text[prev.bytes.clone()]) {
                return true;
            }
        }
        let of = matches!(prev.term.as_str(), "of" | "de" | "du" | "des" | "d");
        if of && start >= 2 && joined(prev, first, false) {
            let head = &tokens[start - 2];
            if joined(head, prev, false) && capital(head) && !CITY_OF.contains(&head.term.as_str()) {
                return true;
            }
            if joined(head, prev, false) && OF_HEADS.contains(&head.term.as_str()) {
                return true;
            }
        }
        // The second of two names after "X of": "the Regencies of Tunis and Tripoli".
        let and = matches!(prev.term.as_str(), "and" | "et");
        if and && start >= 4 && joined(prev, first, false) {
            let (head, of, other) = (&tokens[start - 4], &tokens[start - 3], &tokens[start - 2]);
            if matches!(of.term.as_str(), "of" | "de" | "des")
                && joined(head, of, false)
                && joined(of, other, false)
                && joined(other, prev, false)
                && capital(head)
                && capital(other)
                && !CITY_OF.contains(&head.term.as_str())
            {
                return true;
            }
        }
    }
    // "Republic of Srpska", "Bank of England": the name of something else.
    if let (Some(of), Some(next)) = (tokens.get(end), tokens.get(end + 1)) {
        if of.term == "of" && joined(&tokens[end - 1], of, false) && joined(of, next, false) && capital(next) {
            return true;
        }
    }
    if let Some(next) = tokens.get(end) {
        let last = &tokens[end - 1];
        if joined(last, next, false) && capital(next) && is_latin_word(&text[next.bytes.clone()]) {
            if INSTITUTIONS.contains(&next.term.as_str()) || !ordinary.contains(&next.term) {
                return true;
            }
        }
    }
    false
}
