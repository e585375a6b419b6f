//! Metadata derived from a text when the metadata file does not give it.

/// Words that mark a line as a photo caption or credit, never a title.
const CAPTION_MARKERS: &[&str] = &["Photo:", "Photograph:", "Image:", "사진", "Photo :"];

fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

/// The first meaningful line: a title-like line (3 to 30 words, no final
/// full stop, not a caption, not repeated) that stands alone above a blank
/// line. Texts without one get their first sentence, shortened.
pub fn derive_title(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let repeated = |l: &str| lines.iter().filter(|m| **m == l).count() > 1;
    for (i, line) in lines.iter().enumerate().take(40) {
        let next_blank = lines.get(i + 1).is_none_or(|n| n.is_empty());
        let title_like = (3..=30).contains(&words(line))
            && !line.ends_with('.')
            && !CAPTION_MARKERS.iter().any(|m| line.contains(m))
            && !repeated(line);
        if title_like && next_blank {
            return line
                .trim_matches(|c| matches!(c, '‘' | '’' | '"' | '“' | '”' | '\''))
                .to_owned();
        }
    }
    let first = lines.iter().find(|l| !l.is_empty()).copied().unwrap_or("");
    shorten(first_sentence(first), 90)
}

fn first_sentence(line: &str) -> &str {
    line.find(". ").map_or(line, |i| &line[..i])
}

/// `s` cut to at most `max` characters at a word boundary, with `…`.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let cut = s.char_indices().nth(max).map_or(s.len(), |(i, _)| i);
    let at = s[..cut].rfind(' ').unwrap_or(cut);
    format!("{}…", s[..at].trim_end_matches([',', ' ', ';', ':']))
}

/// The value of a `Label: value` field in a by-line such as
/// `Writer: Zhang Yu | Editor: … | From: Shenzhen Daily | Updated: 2023-03-14`.
fn byline_field<'t>(text: &'t str, labels: &[&str]) -> Option<&'t str> {
    text.lines().take(40).find_map(|line| {
        line.split('|').find_map(|part| {
            let (label, value) = part.split_once(':')?;
            let value = value.trim();
            (labels.contains(&label.trim()) && !value.is_empty()).then_some(value)
        })
    })
}

/// The outlet named in a by-line (`From:`, `Source:`), or empty.
pub fn derive_source(text: &str) -> String {
    byline_field(text, &["From", "Source", "Publisher", "출처"])
        .unwrap_or("")
        .to_owned()
}

/// The writer named in a by-line (`Writer: Zhang Yu | …`, `By Jane Doe`,
/// `Par Jean Dupont`), or empty.
pub fn derive_author(text: &str) -> String {
    if let Some(v) = byline_field(
        text,
        &["Writer", "Author", "By", "Auteur", "Par", "기자", "글"],
    ) {
        return v.to_owned();
    }
    let line = text.lines().take(40).map(str::trim).find_map(|l| {
        let rest = l.strip_prefix("By ").or_else(|| l.strip_prefix("Par "))?;
        let capital = rest.chars().next().is_some_and(char::is_uppercase);
        (capital && rest.len() <= 60 && !rest.ends_with('.')).then_some(rest)
    });
    line.unwrap_or("").to_owned()
}

/// The publication date a text states: an ISO date in a by-line
/// (`Updated: 2023-03-14`, `Published: …`), else a full date in one of its
/// opening sentences that reports ("… 2026년 1월 15일 … 보도했다",
/// "reported on June 3, 2024", "a rapporté le 3 juin 2024"); or empty.
pub fn derive_date(text: &str) -> String {
    let byline = byline_field(text, &["Updated", "Published", "Date", "Posted"])
        .and_then(|v| v.get(..10))
        .filter(|d| {
            d.as_bytes().iter().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    *b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            })
        });
    if let Some(d) = byline {
        return d.to_owned();
    }
    let mut head = text.len().min(1500);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    let opening = &text[..head];
    let reports = [
        "보도했다",
        "보도했습니다",
        "전했다",
        "reported",
        "reports",
        "rapporté",
        "rapporte",
    ];
    crate::engine::temporal::find(opening, None)
        .into_iter()
        .filter(|e| e.when.precision == crate::engine::time::Precision::Day && !e.relative)
        .find(|e| {
            let start = opening[..e.bytes.start]
                .rfind(['.', '\n'])
                .map_or(0, |i| i + 1);
            let end = opening[e.bytes.end..]
                .find(['.', '\n'])
                .map_or(opening.len(), |i| e.bytes.end + i);
            reports.iter().any(|r| opening[start..end].contains(r))
        })
        .map(|e| e.when.to_string())
        .unwrap_or_default()
}

/// The text's language as an ISO 639-1 code (639-3 for the few whatlang
/// languages without one), or empty when detection is unsure: an unknown
/// language is better than a wrong one (it only turns off stemming).
pub fn detect_language(text: &str) -> String {
    // The first few thousand bytes tell as well as the whole (and cost a
    // fraction of it on long texts).
    let mut end = text.len().min(4000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let Some(info) = whatlang::detect(&text[..end]).filter(whatlang::Info::is_reliable) else {
        return String::new();
    };
    let code = info.lang().code();
    let two = match code {
        "eng" => "en",
        "fra" => "fr",
        "kor" => "ko",
        "cmn" => "zh",
        "jpn" => "ja",
        "deu" => "de",
        "spa" => "es",
        "ita" => "it",
        "por" => "pt",
        "nld" => "nl",
        "rus" => "ru",
        other => other,
    };
    two.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_and_date_come_from_the_by_line_or_a_reporting_sentence() {
        let byline = "Title\n\nWriter: Zhang Yu  |  Editor: Zhang Chanwen  |  From: Shenzhen Daily  |  Updated: 2023-03-14\n\nBody.";
        assert_eq!(derive_author(byline), "Zhang Yu");
        assert_eq!(derive_date(byline), "2023-03-14");
        assert_eq!(
            derive_author("A headline\nBy Jane Doe\n\nText."),
            "Jane Doe"
        );
        let korean = "제목\n\n사우스 차이나 모닝 포스트는 2026년 1월 15일, 홍콩이 선전과의 협력을 심화하고 있다고 보도했다. 2025년 3월 1일에 시작됐다.";
        assert_eq!(derive_date(korean), "2026-01-15");
        // A full date in a sentence that does not report is not a publication date.
        assert_eq!(
            derive_date("The plan starts on 1 March 2027. It is big."),
            ""
        );
    }

    #[test]
    fn title_skips_furniture_and_captions() {
        let text = "Advertisement\nAdvertisement\nHong Kong economy\nLearn more\nA view of the harbour. Photo: May Tse\n\nCity to build data hub, minister says\n\nBody text here.";
        assert_eq!(derive_title(text), "City to build data hub, minister says");
    }

    #[test]
    fn title_falls_back_to_first_sentence() {
        let text = "Hong Kong – La récente visite du chef de Hong Kong John Lee à la puissance technologique de la Chine continentale démontre son engagement. Suite.";
        let title = derive_title(text);
        assert!(
            title.starts_with("Hong Kong – La récente visite"),
            "{title}"
        );
        assert!(
            title.ends_with('…') && title.chars().count() <= 91,
            "{title}"
        );
    }

    #[test]
    fn byline_gives_source_and_date() {
        let text = "Title\n\nWriter: Zhang Yu  |  Editor: Zhang Chanwen  |  From: Shenzhen Daily  |  Updated: 2023-03-14\n";
        assert_eq!(derive_source(text), "Shenzhen Daily");
        assert_eq!(derive_date(text), "2023-03-14");
        assert_eq!(derive_date("Updated: soon"), "");
    }

    #[test]
    fn detects_the_three_languages() {
        assert_eq!(
            detect_language("홍콩은 선전과 핀테크 협력을 심화하고 있다고 보도했다."),
            "ko"
        );
        assert_eq!(detect_language("Les analystes disent que c’est la première étape vers la construction d’une stratégie."), "fr");
        assert_eq!(detect_language("Hong Kong will seek the support of the central government to expand the scale of data."), "en");
    }
}
