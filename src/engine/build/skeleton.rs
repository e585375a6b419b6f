//! The consonants a name's spelling sounds, in a few classes, for finding a
//! foreign town that Korean text spells from its sound and the gazetteer
//! names only in Latin letters (에스푸 for Espoo, 옥스테펙 for Oaxtepec):
//! vowels, h, w and y are left out (Korean adds ㅡ between consonants and
//! writes vowels as they sound), voiced and voiceless stops are one class
//! (p, b, f, v and ㅂ, ㅍ), l and r are one, and a letter written twice is
//! one.

use crate::engine::analysis::{is_hangul_syllable, normalize};

/// The classes: P (p b f v), T (t d), K (k g c q), S (s), J (j z, ch),
/// L (l r), M, N (n, ng).
fn push(out: &mut String, class: char) {
    if !out.ends_with(class) {
        out.push(class);
    }
}

/// The skeleton of a name in Latin letters ("Oaxtepec": "KSTPK").
pub(super) fn latin(name: &str) -> String {
    let letters: Vec<char> = normalize(name).chars().filter(char::is_ascii_lowercase).collect();
    let mut out = String::new();
    for (i, &c) in letters.iter().enumerate() {
        let next = letters.get(i + 1).copied();
        let after_vowel_e = matches!(next, Some('e' | 'i' | 'y'));
        match c {
            'b' | 'p' | 'f' | 'v' => push(&mut out, 'P'),
            'd' | 't' => push(&mut out, 'T'),
            'k' | 'g' | 'q' => push(&mut out, 'K'),
            'c' if next == Some('h') => push(&mut out, 'J'),
            'c' if after_vowel_e => push(&mut out, 'S'),
            'c' => push(&mut out, 'K'),
            'x' => {
                push(&mut out, 'K');
                push(&mut out, 'S');
            }
            's' => push(&mut out, 'S'),
            'j' | 'z' => push(&mut out, 'J'),
            'l' | 'r' => push(&mut out, 'L'),
            'm' => push(&mut out, 'M'),
            'n' => push(&mut out, 'N'),
            _ => {}
        }
    }
    out
}

/// The skeleton of a word in Hangul ("옥스테펙": "KSTPK"): each syllable's
/// first consonant, then its last.
pub(super) fn hangul(word: &str) -> String {
    // Initials: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ.
    const INITIAL: [char; 19] = ['K', 'K', 'N', 'T', 'T', 'L', 'M', 'P', 'P', 'S', 'S', ' ', 'J', 'J', 'J', 'K', 'T', 'P', ' '];
    // Finals, from none: ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
    // (a final ㅅ is how Korean writes a final t: 인터넷).
    const FINAL: [char; 28] = [
        ' ', 'K', 'K', ' ', 'N', ' ', ' ', 'T', 'L', ' ', ' ', ' ', ' ', ' ', ' ', ' ', 'M', 'P', ' ', 'T', 'T', 'N',
        'J', 'J', 'K', 'T', 'P', ' ',
    ];
    let mut out = String::new();
    for c in word.chars().filter(|&c| is_hangul_syllable(c)) {
        let code = c as u32 - 0xAC00;
        for class in [INITIAL[(code / 588) as usize], FINAL[(code % 28) as usize]] {
            if class != ' ' {
                push(&mut out, class);
            }
        }
    }
    out
}

/// The vowels a name in Latin letters sounds, a run of them as one (its
/// first, but "ou" and "oo" as u), for choosing among towns of one skeleton.
pub(super) fn latin_vowels(name: &str) -> Vec<char> {
    let letters: Vec<char> = normalize(name).chars().filter(char::is_ascii_lowercase).collect();
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut out = Vec::new();
    for (i, &c) in letters.iter().enumerate() {
        if !vowel(c) || (i > 0 && vowel(letters[i - 1])) {
            continue;
        }
        let sounded = match (c, letters.get(i + 1)) {
            ('o', Some('u' | 'o')) => 'u',
            ('y', _) => 'i',
            _ => c,
        };
        out.push(sounded);
    }
    out
}

/// The vowels of a word in Hangul as Latin ones, the ㅡ Korean puts between
/// consonants left out ("옥스테펙": o e e).
pub(super) fn hangul_vowels(word: &str) -> Vec<char> {
    // ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
    const VOWEL: [char; 21] = ['a', 'e', 'a', 'e', 'o', 'e', 'e', 'e', 'o', 'a', 'e', 'e', 'o', 'u', 'o', 'e', 'i', 'u', ' ', 'i', 'i'];
    word.chars()
        .filter(|&c| is_hangul_syllable(c))
        .map(|c| VOWEL[((c as u32 - 0xAC00) % 588 / 28) as usize])
        .filter(|&v| v != ' ')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{hangul, hangul_vowels, latin, latin_vowels};

    #[test]
    fn a_foreign_name_and_its_korean_spelling_share_a_skeleton() {
        for (name, korean) in [
            ("Espoo", "에스푸"),
            ("Oaxtepec", "옥스테펙"),
            ("Curitiba", "쿠리티바"),
            ("Banja Luka", "반자루카"),
            ("Cáceres", "카세레스"),
            ("Porto Alegre", "포르토알레그레"),
            ("Vaumarcus", "바우마르쿠스"),
        ] {
            assert_eq!(latin(name), hangul(korean), "{name} {korean}");
        }
        assert_ne!(latin("Espoo"), hangul("에스파냐"));
        // Oaxtepec and Ixtepec share one skeleton; the vowels tell them apart.
        assert_eq!(latin("Ixtepec"), hangul("옥스테펙"));
        assert_eq!(latin_vowels("Oaxtepec"), hangul_vowels("옥스테펙"));
        assert_ne!(latin_vowels("Ixtepec"), hangul_vowels("옥스테펙"));
        assert_eq!(hangul("대통령"), "TNLN");
    }
}
