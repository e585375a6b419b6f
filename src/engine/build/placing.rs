//! What the words around a place name say about which place it is: the
//! region named after it ("Paris, Texas", "Geneva, in Switzerland", "San
//! Jose de Guatemala") and the list it stands in ("New York, Pennsylvania,
//! Ohio"). Read before the candidates are weighed (see [`super::homonyms`]).

use std::collections::HashMap;

use super::homonyms::is_place;
use super::lists::{company, qualifies, Company, NameKind, Named};
use super::names::{said_kind, SpanToken};
use super::places::{Matcher, Span};
use crate::engine::analysis::lang::alias_word;

impl<'e> Matcher<'e> {
    /// A place name followed by the region it is in ("Geneva, in
    /// Switzerland", "Paris, Texas") keeps only its candidates in that
    /// region's country, when it has some there; joined by "de" to a
    /// country's name ("San Jose de Guatemala"), only those, if any, and so
    /// does the same name where it comes alone in the text, unless its own
    /// words place it elsewhere.
    pub(super) fn where_said(&self, text: &str, sections: &[Vec<SpanToken>], kept: &mut [Span]) {
        let mut order: Vec<usize> = (0..kept.len()).filter(|&i| kept[i].place).collect();
        order.sort_by_key(|&i| (kept[i].section, kept[i].start));
        let named = |k: &Span| Named { section: k.section, start: k.start, len: k.len, kind: NameKind::Either, country: false };
        // The names whose own words say where they are.
        let mut said_there = vec![false; kept.len()];
        for pair in order.windows(2) {
            let (a, b) = (&kept[pair[0]], &kept[pair[1]]);
            if !qualifies(text, &sections[a.section], &named(a), &named(b)) {
                continue;
            }
            let regions: Vec<&str> = b
                .candidates
                .iter()
                .map(|&e| &self.entities[e])
                .filter(|x| x.kind != "city" && is_place(x) && !x.country.is_empty())
                .map(|x| x.country.as_str())
                .collect();
            if regions.is_empty() {
                continue;
            }
            let mut there: Vec<usize> = a
                .candidates
                .iter()
                .copied()
                .filter(|&e| regions.contains(&self.entities[e].country.as_str()))
                .collect();
            // "St. Charles, Missouri": of the country's places of that name,
            // the one nearest the state's own point (its largest city), not
            // Denver, whose old names include Saint Charles.
            let states: Vec<(f32, f32)> = b
                .candidates
                .iter()
                .map(|&e| &self.entities[e])
                .filter(|x| x.kind == "province")
                .filter_map(|x| x.at)
                .collect();
            let distance = |e: usize| {
                let at = self.entities[e].at;
                states
                    .iter()
                    .filter_map(|s| at.map(|a| (a.0 - s.0).abs() + (a.1 - s.1).abs()))
                    .fold(f32::INFINITY, f32::min)
            };
            let city = |e: usize| self.entities[e].kind == "city";
            let nearest = there.iter().copied().filter(|&e| city(e)).min_by(|&x, &y| distance(x).total_cmp(&distance(y)));
            if let Some(nearest) = nearest.filter(|&e| distance(e).is_finite()) {
                there.retain(|&e| e == nearest || !city(e));
            }
            if !there.is_empty() {
                // The text says where it is: as good as "at Aranjuez".
                kept[pair[0]].candidates = there;
                kept[pair[0]].locative = true;
                said_there[pair[0]] = true;
            }
        }
        // "San Jose de Guatemala", "Santiago de Chile": a name of its own in
        // the country after "de", which none of the other candidates is in.
        // The same name alone later in the text is that place too ("at San
        // Jose"), even where the gazetteer has no town of it there.
        let name = |k: &Span| -> String {
            let tokens = &sections[k.section][k.start..k.start + k.len];
            tokens.iter().map(|t| t.term.as_str()).collect::<Vec<_>>().join(" ")
        };
        let mut placed: HashMap<String, Vec<&str>> = HashMap::new();
        for (i, k) in kept.iter_mut().enumerate().filter(|(_, k)| k.place) {
            let tokens = &sections[k.section];
            let end = k.start + k.len;
            // "de" is a token of its own: the name after it is the next one.
            let Some(next) = tokens.get(end + 1) else {
                continue;
            };
            let joined = text
                .get(tokens[end - 1].bytes.end..next.bytes.start)
                .is_some_and(|gap| matches!(gap, " de " | " del "));
            if !joined || !text[next.bytes.clone()].starts_with(char::is_uppercase) {
                continue;
            }
            let countries = self.country_named(&next.term);
            if countries.is_empty() {
                continue;
            }
            k.candidates.retain(|&e| countries.contains(&self.entities[e].country.as_str()));
            k.locative = true;
            said_there[i] = true;
            placed.entry(name(k)).or_default().extend(countries);
        }
        for k in kept.iter_mut().enumerate().filter(|(i, k)| k.place && !said_there[*i]).map(|(_, k)| k) {
            if let Some(countries) = placed.get(&name(k)) {
                k.candidates.retain(|&e| countries.contains(&self.entities[e].country.as_str()));
            }
        }
    }

    /// A name that may be a city or a region keeps the candidates of the
    /// kind the words before it say ([`said_kind`]): "la ville de Québec",
    /// "le Québec", "l'État de New York".
    pub(super) fn kind_said(&self, text: &str, sections: &[Vec<SpanToken>], kept: &mut [Span]) {
        for k in kept.iter_mut().filter(|k| k.place) {
            let city = |e: &usize| self.entities[*e].kind == "city";
            let region = |e: &usize| !city(e) && is_place(&self.entities[*e]);
            if !(k.candidates.iter().any(city) && k.candidates.iter().any(region)) {
                continue;
            }
            if let Some(want_city) = said_kind(text, &sections[k.section], k.start) {
                k.candidates.retain(|e| if want_city { city(e) } else { region(e) });
            }
        }
    }

    /// The countries whose one-word names a term is ("guatemala" → GT).
    fn country_named(&self, term: &str) -> Vec<&'e str> {
        self.by_first
            .get(alias_word(term))
            .into_iter()
            .flatten()
            .filter(|a| a.words.len() == 1 && self.entities[a.entity].kind == "country")
            .map(|a| self.entities[a.entity].country.as_str())
            .collect()
    }

    /// The company each place name keeps in a list, by (section, start).
    pub(super) fn companies(&self, text: &str, sections: &[Vec<SpanToken>], kept: &[Span]) -> HashMap<(usize, usize), Company> {
        let mut named: Vec<Named> = kept
            .iter()
            .filter(|k| k.place)
            .map(|k| {
                let city = |e: &usize| self.entities[*e].kind == "city";
                let country = |e: &usize| self.entities[*e].kind == "country";
                // A country named like its capital (Guatemala, Panama) is
                // the country in a list.
                let kind = if k.candidates.iter().any(country) {
                    NameKind::Region
                } else if k.candidates.iter().all(city) {
                    NameKind::City
                } else if k.candidates.iter().any(city) {
                    NameKind::Either
                } else {
                    NameKind::Region
                };
                Named { section: k.section, start: k.start, len: k.len, kind, country: k.candidates.iter().any(country) }
            })
            .collect();
        named.sort_by_key(|n| (n.section, n.start));
        let found = company(text, sections, &named);
        named.iter().zip(found).map(|(n, c)| ((n.section, n.start), c)).collect()
    }
}
