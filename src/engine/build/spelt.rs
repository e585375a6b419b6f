//! A foreign city that Korean text spells otherwise than the gazetteer's
//! Korean name (쿠리티바 for 쿠리치바, 포르토 알레그레 for 포르투알레그리,
//! 케이프 타운 for 케이프타운): found right after its country's name
//! ("브라질 쿠리티바에서"), where the text says which country's towns to
//! look among, by the sound its letters spell, a jamo or two apart; or a
//! town the gazetteer names in no Korean by the consonants of its Latin
//! name (에스푸, Espoo: see `skeleton`).

use crate::engine::analysis::is_hangul_syllable;
use crate::engine::analysis::lang::alias_word;

use super::names::SpanToken;
use super::places::{Matcher, Span};

impl Matcher<'_> {
    /// Adds the cities spelt otherwise beside a country's name: the word
    /// after it, or the two words after it read as one ("브라질 포르토
    /// 알레그레에서", particles left off), or the same before it and a comma
    /// ("반자 루카, 보스니아 헤르체고비나에서"), where no other name is.
    pub(super) fn spelt_beside_country(&self, text: &str, sections: &[Vec<SpanToken>], kept: &mut Vec<Span>) {
        let hangul = |t: &SpanToken| t.term.chars().next().is_some_and(is_hangul_syllable);
        let gap = |tokens: &[SpanToken], j: usize| text.get(tokens[j - 1].bytes.end..tokens[j].bytes.start);
        let mut found = Vec::new();
        for k in kept.iter().filter(|k| k.place) {
            let tokens = &sections[k.section];
            let countries: Vec<&str> = k
                .candidates
                .iter()
                .map(|&e| &self.entities[e])
                .filter(|x| x.kind == "country")
                .map(|x| x.country.as_str())
                .collect();
            if countries.is_empty() || !hangul(&tokens[k.start]) {
                continue;
            }
            let free = |j: usize| {
                tokens.get(j).is_some_and(hangul) && !kept.iter().any(|o| o.section == k.section && o.start <= j && j < o.start + o.len)
            };
            // The words tried: (first token, tokens), two before one.
            let at = k.start + k.len;
            let mut tries: Vec<(usize, usize)> = Vec::new();
            if free(at) && gap(tokens, at) == Some(" ") {
                if free(at + 1) && gap(tokens, at + 1) == Some(" ") {
                    tries.push((at, 2));
                }
                tries.push((at, 1));
            }
            if let Some(last) = k.start.checked_sub(1).filter(|&j| free(j) && gap(tokens, k.start) == Some(", ")) {
                if last > 0 && free(last - 1) && gap(tokens, last) == Some(" ") {
                    tries.push((last - 1, 2));
                }
                tries.push((last, 1));
            }
            let word = |(start, len): (usize, usize)| -> String {
                let last = start + len - 1;
                tokens[start..last].iter().map(|t| t.term.as_str()).chain([alias_word(&tokens[last].term)]).collect()
            };
            let spelt = tries.iter().find_map(|&(start, len)| {
                let w = word((start, len));
                countries.iter().find_map(|c| self.korean.spelt(self.entities, c, &w)).map(|e| (e, start, len))
            });
            // A town with no Korean name, spelt from its Latin one where the
            // sentence puts something at it: "핀란드 에스푸에서".
            let sounded = || {
                tries.iter().find_map(|&(start, len)| {
                    let last = &tokens[start + len - 1].term;
                    let located = last.ends_with("에서") || last.ends_with('에');
                    let w = word((start, len));
                    countries
                        .iter()
                        .filter(|_| located)
                        .find_map(|c| self.korean.sounded(self.entities, c, &w))
                        .map(|e| (e, start, len))
                })
            };
            let hit = spelt.or_else(sounded);
            if let Some((entity, start, len)) = hit {
                found.push(Span { section: k.section, start, len, candidates: vec![entity], place: true, locative: true });
            }
        }
        kept.extend(found);
    }
}
