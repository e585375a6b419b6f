//! A foreign city that Korean text spells otherwise than the gazetteer's
//! Korean name (쿠리티바 for 쿠리치바, 포르토 알레그레 for 포르투알레그리,
//! 케이프 타운 for 케이프타운): found right after its country's name
//! ("브라질 쿠리티바에서"), where the text says which country's towns to
//! look among, by the sound its letters spell, a jamo or two apart.

use crate::engine::analysis::is_hangul_syllable;
use crate::engine::analysis::lang::alias_word;

use super::names::SpanToken;
use super::places::{Matcher, Span};

impl Matcher<'_> {
    /// Adds the cities spelt otherwise right after a country's name: the
    /// word after it, or the two words after it read as one ("포르토
    /// 알레그레에서", particles left off), when no other name is there.
    pub(super) fn spelt_after_country(&self, text: &str, sections: &[Vec<SpanToken>], kept: &mut Vec<Span>) {
        let hangul = |t: &SpanToken| t.term.chars().next().is_some_and(is_hangul_syllable);
        let spaced = |tokens: &[SpanToken], j: usize| text.get(tokens[j - 1].bytes.end..tokens[j].bytes.start) == Some(" ");
        let mut found = Vec::new();
        for k in kept.iter().filter(|k| k.place) {
            let tokens = &sections[k.section];
            let at = k.start + k.len;
            if at >= tokens.len() || !hangul(&tokens[at - 1]) || !hangul(&tokens[at]) || !spaced(tokens, at) {
                continue;
            }
            let countries: Vec<&str> = k
                .candidates
                .iter()
                .map(|&e| &self.entities[e])
                .filter(|x| x.kind == "country")
                .map(|x| x.country.as_str())
                .collect();
            let taken = |j: usize| kept.iter().any(|o| o.section == k.section && o.start <= j && j < o.start + o.len);
            if countries.is_empty() || taken(at) {
                continue;
            }
            let one = alias_word(&tokens[at].term).to_owned();
            let two = tokens
                .get(at + 1)
                .filter(|t| hangul(t) && spaced(tokens, at + 1) && !taken(at + 1))
                .map(|t| format!("{}{}", tokens[at].term, alias_word(&t.term)));
            let mut tries = two.iter().map(|w| (w.as_str(), 2)).chain([(one.as_str(), 1)]);
            let hit = tries.find_map(|(w, len)| {
                countries.iter().find_map(|c| self.korean.spelt(self.entities, c, w)).map(|e| (e, len))
            });
            if let Some((entity, len)) = hit {
                found.push(Span { section: k.section, start: at, len, candidates: vec![entity], place: true, locative: true });
            }
        }
        kept.extend(found);
    }
}
