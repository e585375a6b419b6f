//! Stop words: the function words of each language, which say nothing about
//! what a text is about and would top every frequency list. General lists
//! (articles, pronouns, prepositions, conjunctions, auxiliaries), written
//! folded as the index stores terms (lower case, no diacritics), so they
//! compare with index terms directly. Korean particles are stripped from
//! nouns before the comparison (see `words`), so the Korean list holds
//! the words that stand alone.

/// English.
const EN: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "even",
    "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
    "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it",
    "its", "itself", "just", "may", "me", "might", "more", "most", "much", "must", "my", "myself",
    "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our",
    "ours", "ourselves", "out", "over", "own", "said", "same", "says", "she", "should", "since",
    "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
    "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
    "upon", "us", "very", "was", "we", "were", "what", "when", "where", "whether", "which",
    "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet",
    "you", "your", "yours", "yourself", "yourselves",
];

/// French.
const FR: &[&str] = &[
    "a", "afin", "ai", "aie", "ainsi", "alors", "au", "aucun", "aucune", "aupres", "aussi",
    "autre", "autres", "aux", "avait", "avaient", "avant", "avec", "avoir", "ayant", "c", "ce",
    "ceci", "cela", "celle", "celles", "celui", "cependant", "ces", "cet", "cette", "ceux",
    "chaque", "chez", "comme", "comment", "d", "dans", "de", "depuis", "des", "deja", "donc",
    "dont", "du", "elle", "elles", "en", "encore", "entre", "est", "et", "etaient", "etait",
    "ete", "etre", "eu", "fait", "faire", "il", "ils", "je", "jusqu", "l", "la", "le", "les",
    "leur", "leurs", "lors", "lui", "m", "ma", "mais", "me", "meme", "memes", "mes", "moi",
    "moins", "mon", "n", "ne", "ni", "nos", "notre", "nous", "on", "ont", "ou", "par", "parce",
    "pas", "peu", "peut", "plus", "pour", "pourquoi", "qu", "quand", "que", "quel", "quelle",
    "quelles", "quels", "qui", "quoi", "s", "sa", "sans", "se", "selon", "ses", "si", "sien",
    "son", "sont", "sous", "sur", "ta", "te", "tes", "toi", "ton", "tous", "tout", "toute",
    "toutes", "tres", "tu", "un", "une", "unes", "uns", "vers", "via", "vos", "votre", "vous",
    "y",
];

/// German.
const DE: &[&str] = &[
    "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "auch", "auf",
    "aus", "bei", "bin", "bis", "bist", "da", "dadurch", "daher", "damit", "dann", "das", "dass",
    "dein", "deine", "dem", "den", "denn", "der", "des", "dessen", "die", "dies", "diese",
    "diesem", "diesen", "dieser", "dieses", "doch", "dort", "du", "durch", "ein", "eine",
    "einem", "einen", "einer", "eines", "er", "es", "euer", "eure", "fur", "hatte", "hatten",
    "hat", "haben", "hier", "ich", "ihr", "ihre", "ihrem", "ihren", "ihrer", "im", "in", "ist",
    "ja", "jede", "jedem", "jeden", "jeder", "jedes", "jetzt", "kann", "kein", "keine", "mein",
    "meine", "mit", "muss", "nach", "nicht", "noch", "nun", "nur", "ob", "oder", "ohne", "sehr",
    "sein", "seine", "seinem", "seinen", "seiner", "sich", "sie", "sind", "so", "soll", "sowie",
    "um", "und", "uns", "unser", "unter", "uber", "vom", "von", "vor", "war", "waren", "was",
    "weil", "welche", "wenn", "werden", "wie", "wir", "wird", "wo", "wurde", "wurden", "zu",
    "zum", "zur", "zwischen",
];

/// Spanish.
const ES: &[&str] = &[
    "al", "algo", "algunos", "ante", "antes", "como", "con", "contra", "cual", "cuando", "de",
    "del", "desde", "donde", "durante", "el", "ella", "ellas", "ellos", "en", "entre", "era",
    "es", "esa", "esas", "ese", "eso", "esos", "esta", "estaba", "estan", "estar", "estas",
    "este", "esto", "estos", "fue", "fueron", "ha", "habia", "han", "hasta", "hay", "la", "las",
    "le", "les", "lo", "los", "mas", "me", "mi", "mis", "mucho", "muy", "nada", "ni", "no",
    "nos", "nosotros", "o", "os", "otra", "otras", "otro", "otros", "para", "pero", "poco",
    "por", "porque", "que", "quien", "se", "sea", "segun", "ser", "si", "sido", "sin", "sobre",
    "son", "su", "sus", "tambien", "tanto", "te", "tiene", "tienen", "todo", "todos", "tu",
    "un", "una", "uno", "unos", "y", "ya", "yo",
];

/// Korean: words that stand alone (particles are stripped from nouns).
const KO: &[&str] = &[
    "것", "수", "등", "및", "또", "또한", "더", "그", "이", "저", "그리고", "그러나", "하지만",
    "그래서", "따라서", "위해", "위한", "대한", "대해", "통해", "통한", "있다", "있는", "있고",
    "있으며", "없다", "없는", "했다", "하는", "하고", "하며", "한다", "하기", "된다", "되는",
    "됐다", "되어", "이번", "이런", "그런", "이러한", "어떤", "모든", "각", "중", "때", "곳",
    "우리", "그들", "이는", "이를", "밝혔다", "말했다", "전했다", "것으로", "것이다", "라고",
    "이라고", "고", "며", "면서", "뿐", "때문", "경우", "가장", "매우", "아주", "다시", "함께",
    // A one-syllable noun keeps its particle (a stem is two syllables at least).
    "것을", "것이", "것은", "그는", "그가", "그의", "그를", "이것", "저것",
];

/// The stop words of `lang` (ISO 639-1); empty for a language without a list.
pub fn stop_words(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => EN,
        "fr" => FR,
        "de" => DE,
        "es" => ES,
        "ko" => KO,
        _ => &[],
    }
}

/// Languages with a list.
pub const LANGUAGES: [&str; 5] = ["en", "fr", "de", "es", "ko"];

/// Whether a folded term is a stop word in any language with a list: a
/// corpus mixes languages (an English name in a French text, a quotation),
/// and the lists are function words that content words rarely spell.
pub fn is_stop_word(term: &str) -> bool {
    // Every list's words in one sorted array, searched by halves: asked for
    // every word near every match, the lists read one by one were half of
    // a collocates query at 10,000 documents.
    static ALL: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let all = ALL.get_or_init(|| {
        let mut all: Vec<&'static str> = LANGUAGES.iter().flat_map(|l| stop_words(l).iter().copied()).collect();
        crate::sort::sort(&mut all);
        all.dedup();
        all
    });
    all.binary_search(&term).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::analysis::{normalize, terms};

    #[test]
    fn every_list_is_written_as_the_index_folds_words() {
        for lang in LANGUAGES {
            for word in stop_words(lang) {
                assert_eq!(normalize(word), *word, "{lang}: {word}");
                assert_eq!(terms(word), [*word], "{lang}: {word} is one token");
            }
        }
    }

    #[test]
    fn function_words_are_stop_words_and_content_words_are_not() {
        for word in ["the", "les", "und", "los", "그리고"] {
            assert!(is_stop_word(word), "{word}");
        }
        for word in ["economy", "ville", "wirtschaft", "ciudad", "경제"] {
            assert!(!is_stop_word(word), "{word}");
        }
        assert!(stop_words("zz").is_empty());
    }
}
