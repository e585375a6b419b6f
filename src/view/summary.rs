//! The corpus in one line, for the start page: documents, sections, words,
//! distinct words, languages and the span of publication dates.

use crate::engine::research::CorpusSummary;

/// `12345` as `12,345`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// The masthead's line: how many texts in how many languages.
pub fn masthead_line(texts: usize, languages: usize) -> String {
    format!(
        "{} · {} · searched in your browser",
        plural(texts as u64, "text", "texts"),
        plural(languages as u64, "language", "languages")
    )
}

/// "5 documents in 20 sections, 6,275 words (2,174 distinct) · en 3, fr 1,
/// ko 1 · published 2019 to 2026-01-15".
pub fn summary_line(s: &CorpusSummary) -> String {
    let mut line = format!(
        "{} in {}, {} ({} distinct)",
        plural(u64::from(s.documents), "document", "documents"),
        plural(u64::from(s.sections), "section", "sections"),
        plural(s.words, "word", "words"),
        thousands(s.vocabulary as u64)
    );
    let langs: Vec<String> = s.languages.iter().map(|l| format!("{} {}", l.lang, l.documents)).collect();
    if !langs.is_empty() {
        line.push_str(" · ");
        line.push_str(&langs.join(", "));
    }
    match (&s.first_date, &s.last_date) {
        (Some(a), Some(b)) if a != b => line.push_str(&format!(" · published {a} to {b}")),
        (Some(a), _) => line.push_str(&format!(" · published {a}")),
        _ => {}
    }
    line
}

/// How to cite the corpus seen at `url` on `today` (`YYYY-MM-DD`): "5
/// documents (en 3, fr 1, ko 1), published 2019 to 2026-01-15. Explored with
/// corpus-atlas at <url> (accessed 2026-12-04)."
pub fn citation(s: &CorpusSummary, url: &str, today: &str) -> String {
    let mut line = plural(u64::from(s.documents), "document", "documents");
    let langs: Vec<String> = s.languages.iter().map(|l| format!("{} {}", l.lang, l.documents)).collect();
    if !langs.is_empty() {
        line.push_str(&format!(" ({})", langs.join(", ")));
    }
    match (&s.first_date, &s.last_date) {
        (Some(a), Some(b)) if a != b => line.push_str(&format!(", published {a} to {b}")),
        (Some(a), _) => line.push_str(&format!(", published {a}")),
        _ => {}
    }
    format!("{line}. Explored with corpus-atlas at {url} (accessed {today}).")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::research::LanguageCount;

    #[test]
    fn the_corpus_in_one_line() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        let s = CorpusSummary {
            documents: 5,
            sections: 20,
            words: 6275,
            vocabulary: 2174,
            languages: vec![LanguageCount { lang: "en".into(), documents: 3 }, LanguageCount { lang: "ko".into(), documents: 2 }],
            first_date: Some("2019".into()),
            last_date: Some("2026-01-15".into()),
        };
        assert_eq!(summary_line(&s), "5 documents in 20 sections, 6,275 words (2,174 distinct) · en 3, ko 2 · published 2019 to 2026-01-15");
        assert_eq!(masthead_line(1, 1), "1 text · 1 language · searched in your browser");
        assert_eq!(masthead_line(2, 3), "2 texts · 3 languages · searched in your browser");
        let one = CorpusSummary { documents: 1, sections: 1, words: 1, vocabulary: 1, languages: vec![], first_date: None, last_date: None };
        assert_eq!(summary_line(&one), "1 document in 1 section, 1 word (1 distinct)");
        assert_eq!(
            citation(&s, "https://example.org/atlas/#/", "2026-12-04"),
            "5 documents (en 3, ko 2), published 2019 to 2026-01-15. Explored with corpus-atlas at https://example.org/atlas/#/ (accessed 2026-12-04)."
        );
    }
}
