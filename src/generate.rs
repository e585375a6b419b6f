//! A deterministic synthetic corpus for benchmarks (native only): documents
//! of about 300 words mixing English, French and Korean, drawn from a
//! Zipf-distributed vocabulary of tens of thousands of made-up words, with
//! real place names, dates in each language's forms, and a little page
//! furniture. The same seed always gives the same corpus.

/// A small, fast, seeded generator (splitmix64): enough for benchmark data,
/// and no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Words per language in the vocabulary.
pub const VOCABULARY: usize = 30_000;

// Syllables with each language's spelling habits: made-up words that a
// trigram language detector still reads as English or French.
const ENGLISH_SYLLABLES: &[&str] = &[
    "th", "er", "ing", "an", "ow", "wh", "ea", "st", "ly", "ness", "ight", "ter", "com", "pro",
    "ve", "re", "ed", "ar", "or", "ble", "con", "sh", "ound", "ee", "ck", "ful", "wa", "ham",
    "ous", "ay", "bi", "mo", "la", "ty", "ge",
];
const FRENCH_SYLLABLES: &[&str] = &[
    "eau", "ou", "ille", "tion", "ment", "é", "ère", "oi", "ai", "que", "gne", "eux", "ette",
    "pré", "dé", "au", "on", "ch", "re", "ne", "ais", "ir", "ê", "ien", "ç", "con", "vé", "ra",
    "ta", "mi", "lu", "son", "ui", "és", "ble",
];
const HANGUL_SYLLABLES: &[&str] = &[
    "가", "나", "다", "라", "마", "바", "사", "아", "자", "차", "카", "타", "파", "하", "경", "제",
    "금", "융", "기", "술", "협", "력", "산", "업", "정", "책", "도", "시", "발", "전", "투", "자",
    "시", "장", "성", "장",
];
/// The place names the benchmark corpus mentions (`assets/bench-places.txt`:
/// what `make bench`'s queries look for), in Latin script, then in Hangul.
const PLACE_NAMES: &str = include_str!("../assets/bench-places.txt");

fn place_names(hangul: bool) -> Vec<&'static str> {
    PLACE_NAMES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|l| l.chars().next().is_some_and(crate::engine::analysis::is_hangul_syllable) == hangul)
        .collect()
}

const PARTICLES: &[&str] = &["", "은", "이", "과", "의", "에서", "와", "를"];
const MONTHS_EN: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_FR: &[&str] = &[
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// One generated document: its file name and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    /// The file name (document id).
    pub id: String,
    /// The text.
    pub text: String,
}

/// Cumulative Zipf weights (exponent 1.07) over `n` ranks, for sampling by bisection.
fn zipf_table(n: usize) -> Vec<f64> {
    let mut acc = 0.0;
    (1..=n)
        .map(|rank| {
            acc += 1.0 / (rank as f64).powf(1.07);
            acc
        })
        .collect()
}

fn word(rng: &mut Rng, table: &[f64], words: &[String]) -> String {
    let x = rng.unit() * table[table.len() - 1];
    words[table.partition_point(|&c| c < x).min(words.len() - 1)].clone()
}

fn vocabulary(rng: &mut Rng, syllables: &[&str]) -> Vec<String> {
    let mut words = std::collections::BTreeSet::new();
    while words.len() < VOCABULARY {
        let len = 1 + rng.below(3) + usize::from(rng.below(4) == 0);
        let w: String = (0..len)
            .map(|_| syllables[rng.below(syllables.len())])
            .collect();
        words.insert(w);
    }
    // Shuffle so that rank is unrelated to spelling.
    let mut words: Vec<String> = words.into_iter().collect();
    for i in (1..words.len()).rev() {
        words.swap(i, rng.below(i + 1));
    }
    words
}

/// The most frequent words of real English and French text: they take the
/// top ranks of each vocabulary, as in any real corpus (and they are what
/// language detection recognises).
const FUNCTION_WORDS_EN: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "was", "on", "with", "as",
    "by", "at", "from", "this", "are", "be", "has", "have", "its", "which", "an", "were", "not",
    "but", "their", "will",
];
const FUNCTION_WORDS_FR: &[&str] = &[
    "de", "la", "le", "et", "les", "des", "à", "en", "du", "un", "une", "est", "que", "pour",
    "dans", "qui", "sur", "par", "au", "pas", "plus", "avec", "ce", "il", "sont", "a", "ou", "se",
    "ses", "aux",
];

/// `words` with `function` words in its top ranks.
fn with_function_words(mut words: Vec<String>, function: &[&str]) -> Vec<String> {
    words.retain(|w| !function.contains(&w.as_str()));
    words.splice(0..0, function.iter().map(|w| w.to_string()));
    words.truncate(VOCABULARY);
    words
}

fn date(rng: &mut Rng, lang: &str) -> String {
    let (y, m, d) = (2015 + rng.below(15), rng.below(12), 1 + rng.below(28));
    match lang {
        "fr" => format!("le {d} {} {y}", MONTHS_FR[m]),
        "ko" => format!("{y}년 {}월 {d}일", m + 1),
        _ => format!("{} {d}, {y}", MONTHS_EN[m]),
    }
}

/// `count` documents from `seed`.
pub fn corpus(count: usize, seed: u64) -> Vec<Generated> {
    let mut rng = Rng(seed);
    let latin_en = with_function_words(vocabulary(&mut rng, ENGLISH_SYLLABLES), FUNCTION_WORDS_EN);
    let latin_fr = with_function_words(vocabulary(&mut rng, FRENCH_SYLLABLES), FUNCTION_WORDS_FR);
    let hangul = vocabulary(&mut rng, HANGUL_SYLLABLES);
    let table = zipf_table(VOCABULARY);
    let (places, korean_places) = (place_names(false), place_names(true));
    (0..count)
        .map(|n| {
            let roll = rng.below(10);
            let (lang, words) = match roll {
                0..=4 => ("en", &latin_en),
                5..=7 => ("fr", &latin_fr),
                _ => ("ko", &hangul),
            };
            let mut text = String::new();
            if rng.below(5) == 0 {
                text.push_str("Advertisement\n");
            }
            let title: Vec<String> = (0..4 + rng.below(5))
                .map(|_| word(&mut rng, &table, words))
                .collect();
            text.push_str(&title.join(" "));
            text.push_str("\n\n");
            let target = 250 + rng.below(100);
            let mut written = 0;
            while written < target {
                let sentence_len = 8 + rng.below(14);
                let mut sentence = Vec::with_capacity(sentence_len);
                for _ in 0..sentence_len {
                    let r = rng.below(100);
                    sentence.push(if r < 3 {
                        if lang == "ko" {
                            format!(
                                "{}{}",
                                korean_places[rng.below(korean_places.len())],
                                PARTICLES[rng.below(PARTICLES.len())]
                            )
                        } else {
                            places[rng.below(places.len())].to_owned()
                        }
                    } else if r < 4 {
                        date(&mut rng, lang)
                    } else {
                        word(&mut rng, &table, words)
                    });
                }
                written += sentence_len;
                text.push_str(&sentence.join(" "));
                text.push_str(if lang == "ko" { "다. " } else { ". " });
                if rng.below(4) == 0 {
                    text.push_str("\n\n");
                }
            }
            text.push('\n');
            Generated {
                id: format!("gen-{n:05}-{lang}.txt"),
                text,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_corpus() {
        assert_eq!(corpus(20, 7), corpus(20, 7));
        assert_ne!(corpus(20, 7), corpus(20, 8));
    }

    #[test]
    fn documents_are_about_three_hundred_words_in_three_languages() {
        let docs = corpus(200, 1);
        let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
        let mean = words / docs.len();
        assert!((250..=400).contains(&mean), "{mean}");
        for lang in ["en", "fr", "ko"] {
            assert!(docs.iter().any(|d| d.id.ends_with(&format!("-{lang}.txt"))));
        }
        assert!(docs.iter().any(|d| d.text.contains("년")), "Korean dates");
    }

    #[test]
    fn each_document_reads_as_its_language() {
        // Facets and lang: filters at 10,000 documents need languages the
        // detector recognises, as it would in real text.
        let docs = corpus(60, 3);
        let right = docs
            .iter()
            .filter(|d| {
                d.id.ends_with(&format!("-{}.txt", crate::corpus::detect_language(&d.text)))
            })
            .count();
        assert!(right * 10 >= docs.len() * 9, "{right} of {}", docs.len());
    }
}
