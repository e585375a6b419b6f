//! What a reader is told about a place that could have been another of its
//! name: "Chosen over Paris, United States in 2 of 40 mentions: the texts
//! name 12 places in France." Written into the index with the place.

use std::collections::HashMap;

use super::input::EntityInput;
use super::places::{Mention, Reason};

/// For each entity, the note on the choices made for it, if any was
/// (the writer tallies a document at a time; this is for whole lists).
#[cfg(test)]
pub fn place_notes(entities: &[EntityInput], mentions: &[Mention]) -> Vec<Option<String>> {
    let mut tally = Tally::default();
    mentions.iter().for_each(|m| tally.add(m));
    tally.notes(entities)
}

/// The choices made so far, counted a mention at a time (the writer
/// drops each document's mentions once its lists hold them).
#[derive(Debug, Default)]
pub struct Tally {
    /// entity → its mentions
    total: HashMap<usize, usize>,
    /// entity → (rival → (mentions, the strongest reason seen))
    chosen: HashMap<usize, HashMap<usize, (usize, Reason)>>,
}

impl Tally {
    /// Counts a mention and the choice made for it, if any.
    pub fn add(&mut self, m: &Mention) {
        *self.total.entry(m.entity).or_default() += 1;
        if let Some((rival, why)) = m.rival {
            let slot = self.chosen.entry(m.entity).or_default().entry(rival).or_insert((0, why));
            slot.0 += 1;
            slot.1 = stronger(slot.1, why);
        }
    }

    /// For each entity, the note on the choices made for it, if any was.
    pub fn notes(&self, entities: &[EntityInput]) -> Vec<Option<String>> {
        let countries = Countries::of(entities);
        let mut out = vec![None; entities.len()];
        for (&e, rivals) in &self.chosen {
            let Some((&rival, &(n, why))) = rivals.iter().max_by_key(|(r, (n, _))| (*n, std::cmp::Reverse(**r))) else {
                continue;
            };
            let total = self.total.get(&e).copied().unwrap_or(n);
            let of = if n == total { format!("in {n} mention{}", plural(n)) } else { format!("in {n} of {total} mentions") };
            out[e] = Some(format!(
                "Chosen over {} {of}: {}.",
                place_label(entities, &countries, rival),
                because(&countries, &entities[e], why)
            ));
        }
        out
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Of two reasons, the one that says most: the most places named.
fn stronger(a: Reason, b: Reason) -> Reason {
    match (a, b) {
        (Reason::Named(x), Reason::Named(y)) => Reason::Named(x.max(y)),
        (Reason::Named(_), _) => a,
        (_, Reason::Named(_)) => b,
        _ => a,
    }
}

/// A place with its country: "Paris, United States".
pub fn place_label(entities: &[EntityInput], countries: &Countries, e: usize) -> String {
    format!("{}, {}", entities[e].name, countries.name(&entities[e].country))
}

/// Why `chosen` was taken, in words.
pub fn because(countries: &Countries, chosen: &EntityInput, why: Reason) -> String {
    match why {
        Reason::Named(n) => {
            format!("the text names {n} place{} in {}", plural(n), with_article(countries.name(&chosen.country)))
        }
        Reason::Near => "it lies near other places the text names".to_owned(),
        Reason::Curated => "it is listed in the project's entities".to_owned(),
        Reason::Larger => "it is the larger place".to_owned(),
    }
}

/// A country's name as a sentence has it: "the United States", "the
/// Philippines", "France".
fn with_article(name: &str) -> String {
    let plural_or_union = name.starts_with("United ")
        || ["Republic", "Islands", "Emirates", "Philippines", "Bahamas", "Maldives", "Comoros", "Seychelles"]
            .iter()
            .any(|end| name.ends_with(end));
    if plural_or_union {
        format!("the {name}")
    } else if let Some(rest) = name.strip_prefix("The ") {
        format!("the {rest}")
    } else {
        name.to_owned()
    }
}

/// Countries' names by ISO code, as the regions have them: looked up once,
/// not in the whole entity list for every note.
pub struct Countries<'e>(HashMap<&'e str, &'e str>);

impl<'e> Countries<'e> {
    /// The countries among `entities`.
    pub fn of(entities: &'e [EntityInput]) -> Self {
        let mut names = HashMap::new();
        for x in entities.iter().filter(|x| x.kind == "country") {
            names.entry(x.country.as_str()).or_insert(x.name.as_str());
        }
        Countries(names)
    }

    /// The name of the country `code`, or the code when none is known.
    pub fn name<'c>(&'c self, code: &'c str) -> &'c str {
        self.0.get(code).copied().unwrap_or(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str, kind: &str, country: &str) -> EntityInput {
        EntityInput { name: name.into(), kind: kind.into(), country: country.into(), ..EntityInput::default() }
    }

    fn mention(entity: usize, rival: Option<(usize, Reason)>) -> Mention {
        Mention { doc: 0, section: 0, entity, tokens: 0..1, bytes: 0..1, in_organisation: false, rival }
    }

    #[test]
    fn a_place_chosen_over_another_says_so_and_why() {
        let entities = [
            place("Paris", "city", "FR"),
            place("Paris", "city", "US"),
            place("France", "country", "FR"),
            place("United States", "country", "US"),
            place("Lyon", "city", "FR"),
        ];
        let mentions = [
            mention(0, Some((1, Reason::Named(2)))),
            mention(0, Some((1, Reason::Named(4)))),
            mention(0, None),
            mention(4, None),
        ];
        let notes = place_notes(&entities, &mentions);
        assert_eq!(
            notes[0].as_deref(),
            Some("Chosen over Paris, United States in 2 of 3 mentions: the text names 4 places in France.")
        );
        assert_eq!(notes[4], None);
        let larger = place_notes(&entities, &[mention(0, Some((1, Reason::Larger)))]);
        assert_eq!(larger[0].as_deref(), Some("Chosen over Paris, United States in 1 mention: it is the larger place."));
    }
}
