//! Which of the places a name could be a document means: a region or a
//! city of the same name, the homonym in the country the document is about
//! or near its other places, a small town only where a sentence puts
//! something at it, and the kinds a list's members share.

use super::input::EntityInput;
use super::lists::Company;
use super::names::is_given_name;
use super::regional::{context_country, Regional};
use crate::engine::analysis::is_hangul_syllable;
use crate::engine::index::format::PLACE_KINDS;

pub(super) fn is_place(e: &EntityInput) -> bool {
    PLACE_KINDS.contains(&e.kind.as_str())
}

/// Cities this large are trusted anywhere (see the module documentation).
pub(super) const BIG_CITY: u64 = 1_000_000;
/// Cities this large are trusted in a country the document names.
pub(super) const TOWN_IN_CONTEXT: u64 = 100_000;
/// Cities this large are trusted anywhere when they are notable (below).
const NOTABLE_CITY: u64 = 200_000;
/// A town this large whose name no other place bears is trusted where the
/// sentence puts something at it ("at Yalta"), with no country named.
const LOCATED_TOWN: u64 = 50_000;

/// A city that other languages have names of (GeoNames' translations, in
/// Hangul or Han script): a place known beyond its country (Lisbon, Geneva),
/// not one of the thousands of towns whose names are also words.
fn notable(x: &EntityInput) -> bool {
    x.gazetteer_aliases.iter().any(|a| a.chars().next().is_some_and(|c| is_hangul_syllable(c) || is_han(c)))
}

/// A CJK ideograph of the common block (a name in Han characters).
fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// A town this large that has a name in a script its own country does not
/// write (a Hangul name for a town outside Korea, a Han one outside East
/// Asia) is known abroad (Yalta, Timbuktu, Versailles) and trusted anywhere
/// its name is written in Latin letters, is no given name (Mary, David) and
/// is not what a noun is "of" (see [`Said`]).
const KNOWN_ABROAD_TOWN: u64 = 50_000;

fn known_abroad(x: &EntityInput) -> bool {
    let han_at_home = matches!(x.country.as_str(), "CN" | "TW" | "HK" | "MO" | "JP" | "SG" | "KR" | "KP");
    let hangul_at_home = matches!(x.country.as_str(), "KR" | "KP");
    x.gazetteer_aliases.iter().filter_map(|a| a.chars().next()).any(|c| {
        (is_hangul_syllable(c) && !hangul_at_home) || (is_han(c) && !han_at_home)
    })
}

/// Between a city and a country or state of the same name, which is meant.
/// The region when the document names (or lies near) its country and not
/// the city's ("Salvador" beside Guatemala). Otherwise the region (Mexico,
/// Georgia), unless the city holds a large share of its people (Singapore),
/// or the region's size is unknown and the city is known the world over
/// (New York, whose state lists no population). Returns whether candidate
/// `e` stays in the running.
fn region_or_city<'a>(
    entities: &'a [EntityInput],
    cands: &'a [usize],
    in_context: impl Fn(&EntityInput) -> bool,
) -> impl Fn(usize) -> bool + 'a {
    let city = |e: &usize| entities[*e].kind == "city";
    // A region whose country the document names, against cities in countries
    // it never names: "Salvador" in a text about Central America.
    let region_named = cands.iter().any(|e| !city(e) && is_place(&entities[*e]) && in_context(&entities[*e]));
    let city_named = cands.iter().any(|e| city(e) && in_context(&entities[*e]));
    let biggest_city = cands.iter().filter(|e| city(e)).map(|&e| entities[e].population).max();
    let biggest_region = cands
        .iter()
        .filter(|e| !city(e) && is_place(&entities[**e]))
        .map(|&e| entities[e].population)
        .max();
    let known_city = cands
        .iter()
        .filter(|e| city(e))
        .any(|&e| entities[e].population >= BIG_CITY || (entities[e].population >= NOTABLE_CITY && notable(&entities[e])));
    let city_wins = match (biggest_city, biggest_region) {
        _ if region_named && !city_named => false,
        // A region of unknown size (a US state): the city only when it is
        // known the world over (New York; Washington, not Oregon, Ohio).
        (Some(_), Some(0)) => known_city,
        (Some(c), Some(r)) => c.saturating_mul(10) >= r.saturating_mul(3),
        _ => true,
    };
    let mixed = biggest_city.is_some() && biggest_region.is_some();
    move |e| !mixed || !is_place(&entities[e]) || (entities[e].kind == "city") == city_wins
}

/// How likely a document means candidate `e`: its size in orders of
/// magnitude, plus 1.5 when the document names its country (and up to
/// 0.3 more by the share of its places there) or 1 when it lies near a
/// place the document names beyond doubt. Paris,
/// France (2 million) wins over Paris, Texas (25,000) in an American text
/// that never names France; Alexandria, Virginia over Egypt's in one
/// that never names Egypt.
fn likelihood(x: &EntityInput, context: &Regional) -> f64 {
    let named = context.count(x) as f64;
    let placed = if named > 0.0 {
        1.5 + 0.3 * named / context.most().max(1) as f64
    } else if context.near(x) {
        1.0
    } else {
        0.0
    };
    (x.population.max(1) as f64).log10() + placed
}

/// How the text writes a name, as far as choosing its place goes.
#[derive(Clone, Copy, Default)]
pub(super) struct Said {
    /// The sentence puts something at it: "at Aranjuez", "près de Minden".
    pub locative: bool,
    /// Written in Hangul, where a foreign town's Korean name may be a Korean
    /// word too (라고, a quoting ending, is Largo's).
    pub in_hangul: bool,
    /// After a common noun and "of" or "de": "la philosophie de Newton".
    pub after_a_noun_of: bool,
}

/// Among the candidates that could be meant at all, one where the document
/// is (a country it names, or near its sure places), then a curated one,
/// then the likeliest (see [`likelihood`]). Only when none can be meant on
/// its own does a town of any size count in a country the document names,
/// if the sentence puts something at it ([`Said::locative`]: "at Aranjuez");
/// never over Paris, France for "at Paris".
/// In a list of regions, a name that may be a region is one, and a city
/// among two or more regions and no city is no city (see [`super::lists`]).
pub(super) fn choose(
    entities: &[EntityInput],
    cands: &[usize],
    context: &Regional,
    said: Said,
    company: Option<&Company>,
) -> Option<Choice> {
    let Said { locative, in_hangul, after_a_noun_of } = said;
    let company = company.copied().unwrap_or_default();
    // A city that is a territory counted with another country (see
    // `context_country`) is its city in a list of countries too; a sovereign
    // city-state (Singapore) among nations is the nation.
    let territory_city = cands.iter().any(|&c| {
        let c = &entities[c];
        c.kind == "city"
            && cands.iter().any(|&r| {
                let r = &entities[r];
                r.kind == "country" && r.country == c.country && context_country(&r.country) != r.country
            })
    });
    let among_regions = company.cities == 0 && company.regions > 0 && !territory_city;
    let city = |e: &usize| entities[*e].kind == "city";
    if among_regions && company.regions >= 2 && cands.iter().all(city) {
        return None;
    }
    let regions: Vec<usize>;
    let cands = if among_regions && cands.iter().any(|e| !city(e) && is_place(&entities[*e])) {
        regions = cands.iter().copied().filter(|e| !city(e)).collect();
        &regions[..]
    } else {
        cands
    };
    let in_context = |x: &EntityInput| context.named(x);
    let evident = |e: usize| {
        let x = &entities[e];
        !is_place(x)
            || x.kind != "city"
            || x.curated
            || x.population >= BIG_CITY
            || (in_context(x) && x.population >= TOWN_IN_CONTEXT)
            || (x.population >= NOTABLE_CITY && notable(x))
            || (x.population >= KNOWN_ABROAD_TOWN && known_abroad(x) && !in_hangul && !after_a_noun_of && !is_given_name(&x.name))
    };
    let region_over_city = region_or_city(entities, cands, |x| context.named(x) || context.near(x));
    // Where the document is first; there, a curated entity (the builder's
    // word) before the likelier.
    let placed = |x: &EntityInput| context.named(x) || context.near(x);
    let order = |a: usize, b: usize| {
        let (x, y) = (&entities[a], &entities[b]);
        placed(x)
            .cmp(&placed(y))
            .then(x.curated.cmp(&y.curated))
            .then(likelihood(x, context).total_cmp(&likelihood(y, context)))
            .then(b.cmp(&a))
    };
    let best = |admit: &dyn Fn(usize) -> bool| {
        let mut admitted: Vec<usize> = cands.iter().copied().filter(|&e| admit(e) && region_over_city(e)).collect();
        admitted.sort_by(|&a, &b| order(b, a));
        let entity = *admitted.first()?;
        let rival = admitted
            .get(1)
            .filter(|&&r| elsewhere(&entities[entity], &entities[r]))
            .map(|&r| (r, reason(&entities[entity], &entities[r], context)));
        Some(Choice { entity, rival })
    };
    // A town in a list with a city ("Oswego, Niagara, Detroit") is placed too.
    let listed_or_located = locative || company.cities > 0;
    let unique = cands.len() == 1;
    best(&evident)
        .or_else(|| {
            let admit = |e: usize| listed_or_located && in_context(&entities[e]);
            best(&admit)
        })
        .or_else(|| {
            let admit = |e: usize| {
                let x = &entities[e];
                locative && unique && city(&e) && x.population >= LOCATED_TOWN && !is_given_name(&x.name)
            };
            best(&admit)
        })
}

/// Whether two places of one name are different places, a degree apart or
/// more: not Gibraltar the city and Gibraltar the territory, nor one
/// country listed twice (curated and from the regions file).
fn elsewhere(x: &EntityInput, y: &EntityInput) -> bool {
    let one_region = x.kind != "city" && y.kind != "city" && x.country == y.country;
    match (x.at, y.at) {
        (Some(a), Some(b)) => {
            is_place(x) && is_place(y) && !one_region && (a.0 - b.0).abs() + (a.1 - b.1).abs() > 1.0
        }
        _ => false,
    }
}

/// What a document's name was taken to mean, and the likeliest other
/// place of that name it was chosen over, with why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// The entity meant.
    pub entity: usize,
    /// The runner-up and why it lost.
    pub rival: Option<(usize, Reason)>,
}

/// Why one place of a name was chosen over another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The document names this many places in the chosen one's country.
    Named(usize),
    /// The chosen one lies near places the document names beyond doubt.
    Near,
    /// The chosen one is in the project's curated entities.
    Curated,
    /// The chosen one is the larger.
    Larger,
}

fn reason(chosen: &EntityInput, rival: &EntityInput, context: &Regional) -> Reason {
    let placed = |x: &EntityInput| context.named(x) || context.near(x);
    if placed(chosen) && !placed(rival) {
        if context.named(chosen) {
            Reason::Named(context.count(chosen))
        } else {
            Reason::Near
        }
    } else if chosen.curated && !rival.curated {
        Reason::Curated
    } else if context.count(chosen) > context.count(rival) {
        Reason::Named(context.count(chosen))
    } else {
        Reason::Larger
    }
}
