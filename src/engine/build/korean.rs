//! Korean place words: a city's name before "시" and what follows it,
//! which Korean names of foreign cities need the document's context, and
//! those names by country, for the spellings the gazetteer lacks (see
//! `spelt`).

use std::collections::HashMap;

use crate::engine::analysis::is_hangul_syllable;
use crate::engine::analysis::lang::alias_word;
use crate::engine::search::spelling::edit_distance;

use super::homonyms::BIG_CITY;
use super::input::EntityInput;
use super::skeleton;

/// What follows "시" (city) in a word about the city: its mayor (울산시장),
/// citizens, city hall, council, centre, government.
const AFTER_SI: &[&str] = &["장", "민", "청", "의회", "내", "정부"];

/// A Korean place word without the "시" (city) after its name, what follows
/// it ([`AFTER_SI`]) and the particles after that: 광저우시에서 → 광저우,
/// 울산시장은 → 울산. Only tried for place names, as 시 ends many ordinary
/// words (다시, 역시).
pub(super) fn without_si(term: &str) -> Option<&str> {
    let word = alias_word(term);
    let city = AFTER_SI
        .iter()
        .find_map(|after| word.strip_suffix(after).filter(|w| w.ends_with('시')))
        .unwrap_or(word);
    let stem = city.strip_suffix('시')?;
    (stem.chars().count() >= 2 && stem.chars().all(is_hangul_syllable))
        .then_some(stem)
}

/// The given names of the people a Korean text introduces with their
/// names in Latin letters: 이안 for "이안 잭슨(Ian Jackson)". A foreign
/// city's Korean name right after one of them is that person's surname
/// ("이안 잭슨을", Ian Jackson, not Jackson, Mississippi).
pub(super) fn given_names_in_hangul(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (open, _) in text.match_indices('(') {
        let latin = &text[open + 1..];
        let named = latin.split_once(')').is_some_and(|(inside, _)| {
            let words: Vec<&str> = inside.split(' ').collect();
            words.len() >= 2 && words.iter().all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        });
        let before = &text[..open];
        let surname = before.trim_end_matches(is_hangul_syllable);
        let Some(given_end) = surname.strip_suffix(' ').filter(|_| named && surname.len() < before.len()) else {
            continue;
        };
        let given = &given_end[given_end.trim_end_matches(is_hangul_syllable).len()..];
        if given.chars().count() >= 1 {
            out.push(given.to_owned());
        }
    }
    out
}

/// Korean names of big foreign cities that are also Korean words, found by
/// listing the gazetteer's two-syllable Hangul names of cities of a million
/// or more: 파리 "fly" (Paris), 후에 "after" (Huế), 우파 "the right wing"
/// (Ufa), 메카 "a mecca" (Makkah), 지다 "to bear" (Jeddah). They keep
/// needing the document's context.
const ALSO_WORDS: &[&str] = &["파리", "후에", "우파", "메카", "지다"];

/// A Korean word that is also the Korean name of a foreign city (선전
/// "propaganda", Shenzhen; 지시 "instruction", Jixi; 나라 "country",
/// Nara) names the city only when the document names its country or
/// another place in it. Not so a big city's name that Korean spells from
/// its sound (뉴욕, 모스크바, 베이징), which Korean words are not ([`ALSO_WORDS`]
/// aside): two
/// syllables or more, or three for the countries whose cities Korean may
/// also name by reading their Chinese characters, as its own words are
/// read (선전, 동경 "longing" for Tokyo). `token` is the word that names
/// it, particles and all; a name in another script never needs this.
pub(super) fn needs_context(x: &EntityInput, token: &str) -> bool {
    let hangul = token.chars().next().is_some_and(is_hangul_syllable);
    if !hangul || x.kind != "city" || x.country == "KR" {
        return false;
    }
    let Some(name) = std::iter::once(&x.name)
        .chain(&x.aliases)
        .chain(&x.gazetteer_aliases)
        .filter(|n| token.starts_with(n.as_str()) && n.chars().all(is_hangul_syllable))
        .max_by_key(|n| n.len())
    else {
        return true;
    };
    // A sea, a gulf, a river or an island named after the city (아덴만,
    // the Gulf of Aden: 만 is also a particle, "only").
    let feature = token[name.len()..].starts_with(['만', '해', '강', '섬']);
    let read_from_han = reads_from_han(&x.country);
    let syllables = name.chars().count();
    let spelt = x.population >= BIG_CITY
        && syllables >= if read_from_han { 3 } else { 2 }
        && !feature
        && !ALSO_WORDS.contains(&name.as_str());
    !spelt
}

/// Whether Korean may name the towns of `country` by reading their Chinese
/// characters as its own words are read (동경 for Tokyo, 북경 for Beijing),
/// not only by their sound.
fn reads_from_han(country: &str) -> bool {
    matches!(country, "CN" | "TW" | "HK" | "MO" | "JP" | "KP")
}

/// The sound a Hangul word spells, jamo by jamo, for comparing two
/// transliterations of one foreign name: a final consonant counts as the
/// same initial (반자 and 바냐 differ by where a syllable ends, not by a
/// sound), and the silent initial ㅇ counts as nothing.
fn sound(word: &str) -> Vec<u32> {
    // Final consonants (1-27) as the initial (0-18) that sounds alike,
    // where one does; clusters and the final ㅇ (ng) keep codes of their own.
    const AS_INITIAL: [u32; 28] = [
        99, 0, 1, 99, 2, 99, 99, 3, 5, 99, 99, 99, 99, 99, 99, 99, 6, 7, 99, 9, 10, 99, 12, 14, 15, 16, 17, 18,
    ];
    let mut out = Vec::with_capacity(word.len());
    for c in word.chars().filter(|&c| is_hangul_syllable(c)) {
        let code = c as u32 - 0xAC00;
        let (initial, vowel, last) = (code / 588, (code % 588) / 28, code % 28);
        if initial != 11 {
            out.push(initial);
        }
        out.push(100 + vowel);
        match (last, AS_INITIAL[last as usize]) {
            (0, _) => {}
            (_, 99) => out.push(200 + last),
            (_, same) => out.push(same),
        }
    }
    out
}

/// The Korean names of each country's cities, as sounds, with their entity;
/// and each country's cities by the consonant skeleton of their Latin name.
#[derive(Debug, Default)]
pub(super) struct KoreanNames {
    by_country: HashMap<String, Vec<(Vec<u32>, usize)>>,
    by_skeleton: HashMap<(String, String), Vec<usize>>,
}

impl KoreanNames {
    /// Every city's names written in Hangul alone (a trailing " 시", city,
    /// left out), by country.
    pub(super) fn new(entities: &[EntityInput]) -> Self {
        let mut by_country: HashMap<String, Vec<(Vec<u32>, usize)>> = HashMap::new();
        let mut by_skeleton: HashMap<(String, String), Vec<usize>> = HashMap::new();
        for (e, x) in entities.iter().enumerate().filter(|(_, x)| x.kind == "city" && x.country != "KR") {
            by_skeleton.entry((x.country.clone(), skeleton::latin(&x.name))).or_default().push(e);
            for name in x.aliases.iter().chain(&x.gazetteer_aliases) {
                let name = name.strip_suffix(" 시").unwrap_or(name).replace(' ', "");
                if name.chars().count() >= 2 && name.chars().all(is_hangul_syllable) {
                    by_country.entry(x.country.clone()).or_default().push((sound(&name), e));
                }
            }
        }
        KoreanNames { by_country, by_skeleton }
    }

    /// The city of `country` whose Latin name has the consonants `word`
    /// spells ([`skeleton`]): 에스푸 for Espoo, which the gazetteer names in
    /// no Korean; of several, the one whose vowels are nearest, then the
    /// largest (옥스테펙 is Oaxtepec, not the larger Ixtepec). Three
    /// syllables or more and two consonant classes or more, in a country
    /// whose towns Korean spells by sound only; the caller asks only beside
    /// the country's name and before 에서 or 에 ("핀란드 에스푸에서").
    pub(super) fn sounded(&self, entities: &[EntityInput], country: &str, word: &str) -> Option<usize> {
        let read_from_han = reads_from_han(country);
        let consonants = skeleton::hangul(word);
        if read_from_han || word.chars().count() < 3 || consonants.len() < 2 {
            return None;
        }
        let vowels = skeleton::hangul_vowels(word);
        let apart = |e: usize| edit_distance(&vowels, &skeleton::latin_vowels(&entities[e].name));
        let towns = self.by_skeleton.get(&(country.to_owned(), consonants))?;
        towns.iter().copied().min_by_key(|&e| (apart(e), std::cmp::Reverse(entities[e].population)))
    }

    /// The city of `country` whose Korean name `word` spells, a jamo apart
    /// (two for names of four syllables or more); the largest when several
    /// are. Not a shorter word: two syllables after a country's name are its
    /// government, its president, its team (미국 정부, 중국 경제) as often as
    /// a town, and so are three where Korean reads towns' names from their
    /// Chinese characters (중국, 일본: see `korean::needs_context`).
    pub(super) fn spelt(&self, entities: &[EntityInput], country: &str, word: &str) -> Option<usize> {
        let syllables = word.chars().count();
        let read_from_han = reads_from_han(country);
        if syllables < if read_from_han { 4 } else { 3 } {
            return None;
        }
        let allowed = if syllables >= 4 { 2 } else { 1 };
        let spelt = sound(word);
        self.by_country
            .get(country)?
            .iter()
            .map(|(name, e)| (edit_distance(&spelt, name), *e))
            .filter(|&(d, _)| d <= allowed)
            .min_by(|a, b| a.0.cmp(&b.0).then(entities[b.1].population.cmp(&entities[a.1].population)))
            .map(|(_, e)| e)
    }
}

#[cfg(test)]
mod tests {
    use super::given_names_in_hangul;

    #[test]
    fn given_names_come_from_names_also_written_in_latin_letters() {
        let text = "리더는 이안 잭슨(Ian Jackson)과 브루스 페렌스(Bruce Perens)였다. 데비안(Debian)은 1993년 시작(1993)했다.";
        assert_eq!(given_names_in_hangul(text), ["이안", "브루스"]);
    }
}
