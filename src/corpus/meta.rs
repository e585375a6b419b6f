//! Metadata derived from a text when the metadata file does not give it.

use crate::engine::time::{Precision, When};

/// Words that mark a line as a photo caption or credit, never a title.
const CAPTION_MARKERS: &[&str] = &["Photo:", "Photograph:", "Image:", "사진", "Photo :"];

fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

/// Whether a line addresses its readers rather than naming the text: a
/// salutation ("Fellow-Citizens of the Senate and House of Representatives:",
/// "Dear colleagues,"), ending with a colon or a comma.
fn is_salutation(line: &str) -> bool {
    line.ends_with([':', ','])
}

/// The first meaningful line: a title-like line (3 to 30 words, or 2 for the
/// opening line, or one word of 4 to 40 characters in a script written
/// without spaces; no final full stop, not a caption, not repeated, not a
/// salutation) that stands alone above a blank line. Texts without one get their first sentence,
/// shortened; empty when that is a salutation (the caller names the text
/// by its file instead: a salutation says nothing of what a text is).
pub fn derive_title(text: &str) -> String {
    title_line(text).unwrap_or_else(|| first_sentence_title(text))
}

/// Words that open a numbered division's heading ("CHAPTER IV.", "Livre
/// premier", "Article 3"): lower case, as compared.
const DIVISIONS: &[&str] = &[
    "chapter", "chapitre", "part", "partie", "book", "livre", "section", "article", "appendix", "annexe",
    "act", "acte", "scene", "scène", "canto", "letter", "lettre", "volume", "tome",
];

/// Whether a line only numbers a division: a division word and its number
/// ("CHAPITRE III.", "Chapter 12", "Part One"), a Roman or Arabic numeral
/// alone ("IV."), or a Korean one ("제3장", "제 2 조").
fn is_division_label(line: &str) -> bool {
    let line = line.trim_end_matches(['.', ':']);
    let numeral = |w: &str| {
        !w.is_empty()
            && (w.chars().all(|c| c.is_ascii_digit())
                || w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
                || w.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c')))
    };
    let words: Vec<&str> = line.split_whitespace().collect();
    match words.as_slice() {
        [n] if numeral(n) => true,
        [division, n] => {
            DIVISIONS.contains(&division.to_lowercase().as_str())
                && (numeral(n) || (n.chars().count() <= 10 && n.chars().all(char::is_alphabetic)))
        }
        _ => {
            let joined: String = words.concat();
            let Some(rest) = joined.strip_prefix('제') else { return false };
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            digits > 0 && matches!(rest.chars().skip(digits).collect::<String>().as_str(), "장" | "절" | "조" | "편" | "부" | "권")
        }
    }
}

/// A division's heading and its caption, when a text opens with both: the
/// label on a line of its own ("CHAPITRE III."), then a short paragraph of
/// one sentence, perhaps hard-wrapped ("Comment Candide se sauva d'entre les
/// Bulgares, et ce qu'il devint."), which alone says what the text is.
fn labelled_title(lines: &[&str]) -> Option<String> {
    let first = lines.iter().position(|l| !l.is_empty())?;
    let label = lines[first];
    if !is_division_label(label) {
        return None;
    }
    let start = first + 1 + lines[first + 1..].iter().take_while(|l| l.is_empty()).count();
    let caption: Vec<&str> = lines[start..].iter().take_while(|l| !l.is_empty()).copied().collect();
    let caption = caption.join(" ");
    let caption = caption.trim_end_matches(['.', ':']);
    let sentence = first_sentence(caption);
    let fits = (1..=30).contains(&words(caption)) && caption.chars().count() <= 200 && sentence == caption;
    (fits && !is_salutation(caption)).then(|| format!("{label} {caption}"))
}

/// The title-like line of [`derive_title`], if the text has one (or a
/// division's label and caption, see [`labelled_title`]).
pub fn title_line(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    if let Some(title) = labelled_title(&lines) {
        return Some(title);
    }
    let repeated = |l: &str| lines.iter().filter(|m| **m == l).count() > 1;
    let first = lines.iter().position(|l| !l.is_empty());
    for (i, line) in lines.iter().enumerate().take(40) {
        let next_blank = lines.get(i + 1).is_none_or(|n| n.is_empty());
        // The first line may be a two-word title (a Korean bill's name) and
        // may be repeated further down (a title page); later lines may not.
        let opening = Some(i) == first;
        // Scripts written without spaces (Korean compounds, Chinese) make
        // one-word titles.
        let spaceless = !line.chars().any(|c| c.is_ascii_alphabetic())
            && line.chars().any(char::is_alphabetic)
            && (4..=40).contains(&line.chars().count())
            && !line.ends_with(['。', '．']);
        let enough = if opening {
            (words(line) >= 2 && line.chars().count() >= 8) || spaceless
        } else {
            words(line) >= 3
        };
        let title_like = enough
            && words(line) <= 30
            && !line.ends_with('.')
            && !is_salutation(line)
            && !line.contains(" : ")
            && !CAPTION_MARKERS.iter().any(|m| line.contains(m))
            && (opening || !repeated(line));
        if title_like && next_blank {
            return Some(
                line.trim_matches(|c| matches!(c, '‘' | '’' | '"' | '“' | '”' | '\''))
                    .to_owned(),
            );
        }
    }
    None
}

/// A text's first sentence, shortened, as its title; empty when it is a
/// salutation.
pub fn first_sentence_title(text: &str) -> String {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let sentence = first_sentence(first);
    if is_salutation(first) || opens_with_salutation(sentence) {
        return String::new();
    }
    shorten(sentence, 90)
}

/// Words a full stop follows without ending a sentence ("Mr. Speaker").
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "No", "Gen", "Col", "Capt", "Lt", "Gov", "Sen", "Rep",
    "Prof", "Rev", "Hon", "M", "Mme", "Mlle", "Me",
];

/// The line up to its first sentence end: a full stop and a space, not after
/// an abbreviation or an initial ("Mr. Speaker", "J. Smith").
fn first_sentence(line: &str) -> &str {
    let mut from = 0;
    while let Some(i) = line[from..].find(". ").map(|i| from + i) {
        let word = line[..i].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if !initial && !ABBREVIATIONS.contains(&word) {
            return &line[..i];
        }
        from = i + 2;
    }
    line
}

/// Whether a sentence opens by addressing its listeners before a colon
/// ("Mr. Speaker, Vice President Cheney, Members of Congress, …: America
/// this evening …"): a list of two commas or more, then ": ".
fn opens_with_salutation(sentence: &str) -> bool {
    sentence.split_once(": ").is_some_and(|(head, _)| head.matches(',').count() >= 2)
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

/// A file's name as a title, when it reads as words: `American_Revolution.txt`
/// is "American Revolution", `COVID-19_pandemic.txt` "COVID-19 pandemic",
/// `harbour-board-report.txt` "harbour board report", `Birmingham.txt`
/// "Birmingham". Not a name that starts with a number (`1796-Washington-1.txt`,
/// `000_4445b2b9.txt`), holds a code mixing letters and digits (`a3f9c2e1`)
/// or is one word and a number (`doc_0001.txt`, `chapter-3.txt`): those are ids.
pub fn name_title(id: &str) -> Option<String> {
    let stem = std::path::Path::new(id).file_stem()?.to_str()?;
    let separator = if stem.contains(['_', ' ']) { '_' } else { '-' };
    let words: Vec<&str> = stem.split([separator, ' ']).filter(|w| !w.is_empty()).collect();
    // Letters and digits mixed in one run: a hash or a code ("COVID-19" is neither).
    let code = |w: &&str| {
        w.split('-').any(|run| run.chars().any(|c| c.is_ascii_digit()) && run.chars().any(char::is_alphabetic))
    };
    let starts_with_letter = stem.chars().next().is_some_and(char::is_alphabetic);
    let lettered: Vec<&&str> = words.iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3).collect();
    // One word names a text only as a name ("Birmingham"), never as a
    // numbered kind of file ("doc_0001", "chapter-3", "notes").
    let enough = match lettered.as_slice() {
        [] => false,
        [one] => words.len() == 1 && one.starts_with(char::is_uppercase),
        _ => true,
    };
    (starts_with_letter && enough && !words.iter().any(code)).then(|| words.join(" "))
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

/// Labels of a header line that states a document's date:
/// `발의연월일 : 2010. 11. 12.`, `Date: 3 May 1848`, `Publié le 3 mai 2024`.
const DATE_LABELS: &[&str] = &[
    "date", "dated", "published", "updated", "posted", "issued", "released", "publié le",
    "publié", "mis à jour le", "date de publication", "발의연월일", "제출연월일", "작성일",
    "등록일", "발행일", "일자", "날짜", "입력", "수정",
];

/// The publication date a document states, as `YYYY[-MM[-DD]]`, or empty:
/// 1. an ISO date in a by-line (`Updated: 2023-03-14`, `Published: …`);
/// 2. a header line with a date label near the top (`발의연월일 : 2010. 11. 12.`,
///    `Date: 3 May 1848`);
/// 3. a full date on a by-line, a label's line without its colon or a wire
///    dateline near the top ([`byline_date`]);
/// 4. a line that is only a date (with a place, "Paris, le 3 mai 1848"),
///    among the first or the last few lines (a letter's heading or signature);
/// 5. a full date in an opening sentence that reports ("… 2026년 1월 15일 …
///    보도했다", "reported on June 3, 2024");
/// 6. a date in the file name (`1807-jefferson.txt`, `2024-03-08_note.txt`).
///
/// Never the latest date the text mentions: a document that states none has none.
pub fn derive_date(id: &str, text: &str) -> String {
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
    header_date(text)
        .or_else(|| byline_date(text))
        .or_else(|| date_line(text))
        .or_else(|| reported_date(text))
        .or_else(|| file_name_date(id))
        .map(|w| w.to_string())
        .unwrap_or_default()
}

/// The first date stated in `line`, if it has one.
fn first_date(line: &str) -> Option<When> {
    crate::engine::build::dates::find(line, None)
        .into_iter()
        .find(|e| !e.relative && e.when.precision != Precision::Range)
        .map(|e| e.when)
}

/// A labelled date line among the first 60 lines.
fn header_date(text: &str) -> Option<When> {
    text.lines().take(60).find_map(|line| {
        let (label, value) = line.split_once([':', '：'])?;
        let label = label.trim().trim_start_matches('\u{c}').to_lowercase();
        let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
        DATE_LABELS.contains(&label.as_str()).then(|| first_date(value)).flatten()
    })
}

/// A full date on a short line near the top that says it is the text's own:
/// a label without its colon ("Updated 5:30 PM EST, Wed March 3, 2021",
/// "Publié le 3 mars 2021 à 10h00"), a by-line ("By Jane Doe | March 3,
/// 2021"), or a wire dateline opening the text ("WASHINGTON, March 3, 2021 —").
fn byline_date(text: &str) -> Option<When> {
    let lines = text.lines().map(str::trim).filter(|l| !l.is_empty()).take(10);
    lines.enumerate().find_map(|(n, line)| {
        let lower = line.to_lowercase();
        let labelled = DATE_LABELS
            .iter()
            .any(|label| lower.strip_prefix(label).is_some_and(|rest| rest.starts_with(' ')));
        let by = line.starts_with("By ") || line.starts_with("Par ");
        let short = line.split_whitespace().count() <= 15;
        let found = crate::engine::build::dates::find(line, None);
        let e = found.first().filter(|e| e.when.precision == Precision::Day && !e.relative)?;
        if (labelled || by) && short {
            return Some(e.when);
        }
        // A dateline: the first lines' capitalised place, a comma, the date.
        let (place, _) = line[..e.bytes.start].split_once(',')?;
        let place_caps = place.chars().filter(|c| c.is_uppercase()).count() >= 3
            && place.chars().all(|c| !c.is_lowercase())
            && line[..e.bytes.start].split_whitespace().count() <= 4;
        (n < 5 && place_caps).then_some(e.when)
    })
}

/// A short line, among the first or last five with text, that is mostly a
/// full date: a dated heading, a letter's "Paris, le 3 mai 1848", a
/// message signed "February 2, 1973."
fn date_line(text: &str) -> Option<When> {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let head = lines.iter().take(5);
    let tail = lines.iter().rev().take(5);
    head.chain(tail).find_map(|line| {
        if line.split_whitespace().count() > 8 {
            return None;
        }
        let found = crate::engine::build::dates::find(line, None);
        let e = found.first().filter(|e| e.when.precision == Precision::Day && !e.relative)?;
        // The date is most of the line: at most a place name before it.
        let rest = line[..e.bytes.start].split_whitespace().count()
            + line[e.bytes.end..].split_whitespace().count();
        (rest <= 3).then_some(e.when)
    })
}

/// A full date in an opening sentence that reports it.
fn reported_date(text: &str) -> Option<When> {
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
    crate::engine::build::dates::find(opening, None)
        .into_iter()
        .filter(|e| e.when.precision == Precision::Day && !e.relative)
        .find(|e| {
            let start = opening[..e.bytes.start]
                .rfind(['.', '\n'])
                .map_or(0, |i| i + 1);
            let end = opening[e.bytes.end..]
                .find(['.', '\n'])
                .map_or(opening.len(), |i| e.bytes.end + i);
            reports.iter().any(|r| opening[start..end].contains(r))
        })
        .map(|e| e.when)
}

/// A date at the start of a file name: `1807-Jefferson-1.txt` (a year),
/// `2024-03-08-notes.txt`, `20240308_notes.txt`.
fn file_name_date(id: &str) -> Option<When> {
    let digits: String = id.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &id[digits.len()..];
    // A year must lead a name (1807-jefferson.txt); a file called 1807.txt is
    // as likely the 1,807th of an export.
    let separated = rest.starts_with(['-', '_', ' ']) && rest.len() > 1;
    let plausible = |y: &str| y.parse::<i32>().ok().filter(|y| (1000..=2999).contains(y));
    match digits.len() {
        4 if separated => {
            let y = plausible(&digits)?;
            // 2024-03-08… or 2024-03…
            let tail: Vec<&str> = rest[1..].splitn(3, ['-', '_']).collect();
            let two = |s: &str| (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten();
            match (tail.first().and_then(|m| two(m)), tail.get(1).and_then(|d| two(d.get(..2).unwrap_or("")))) {
                (Some(m), Some(d)) => When::day(y, m, d),
                (Some(m), None) => When::month(y, m),
                _ => Some(When::year(y)),
            }
        }
        8 if separated || rest.starts_with('.') => {
            let y = plausible(&digits[..4])?;
            When::day(y, digits[4..6].parse().ok()?, digits[6..].parse().ok()?)
        }
        _ => None,
    }
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
        assert_eq!(derive_date("a.txt", byline), "2023-03-14");
        assert_eq!(
            derive_author("A headline\nBy Jane Doe\n\nText."),
            "Jane Doe"
        );
        let korean = "제목\n\n사우스 차이나 모닝 포스트는 2026년 1월 15일, 홍콩이 선전과의 협력을 심화하고 있다고 보도했다. 2025년 3월 1일에 시작됐다.";
        assert_eq!(derive_date("a.txt", korean), "2026-01-15");
        // A full date in a sentence that does not report is not a publication date.
        assert_eq!(
            derive_date("a.txt", "The plan starts on 1 March 2027. It is big."),
            ""
        );
    }

    #[test]
    fn a_date_from_a_header_line_a_dated_line_or_the_file_name() {
        let bill = "의안\r\n번호 9890\r\n\r\n발의연월일 : 2010.  11.  12.  \r\n발 의 자 : 김정훈\r\n\r\n제안이유";
        assert_eq!(derive_date("1809890.txt", bill), "2010-11-12");
        let letter = "Paris, le 3 mai 1848\n\nMon cher ami,\n\nJe pars en 1850 pour Lyon.";
        assert_eq!(derive_date("lettre.txt", letter), "1848-05-03");
        let signed = "To the Congress:\n\nIn 1972 we did much. By 1980 more.\n\nRICHARD NIXON\n\nThe White House,\nFebruary 2, 1973.";
        assert_eq!(derive_date("message.txt", signed), "1973-02-02");
        assert_eq!(derive_date("1807-Jefferson-1.txt", "In 1806 and 1807 we did."), "1807");
        assert_eq!(derive_date("2024-03-08-notes.txt", "Text."), "2024-03-08");
        assert_eq!(derive_date("20101112_bill.txt", "Text."), "2010-11-12");
        assert_eq!(derive_date("1807.txt", "Text."), "", "a numbered file is not dated by its number");
        // No date stated: none, not the latest one mentioned.
        assert_eq!(derive_date("1809890.txt", "The war of 1941 and plans for 2030 and 2050."), "");
    }

    #[test]
    fn a_by_line_a_label_without_its_colon_or_a_dateline_dates_the_text() {
        let body = "\n\nThe harbour expanded in 1999 and again in 2015.\n";
        for head in [
            "Harbour expands\n\nBy Jane Doe | March 3, 2021",
            "Harbour expands\nUpdated 5:30 PM EST, Wed March 3, 2021",
            "Le port s'agrandit\n\nPublié le 3 mars 2021 à 10h00",
            "Harbour expands\n\nWASHINGTON, March 3, 2021 — The harbour grew.",
        ] {
            assert_eq!(derive_date("a.txt", &format!("{head}{body}")), "2021-03-03", "{head}");
        }
        // A sentence that opens with a date is no dateline, nor is a by-line
        // far down the text.
        assert_eq!(derive_date("a.txt", "Notes\n\nIn Boston, on March 3, 2021, the harbour grew.\n"), "");
        assert_eq!(derive_date("a.txt", "그러나, 2021년 3월 3일 항만이 크게 확장되었고 새 부두가 문을 열었다.\n"), "");
    }

    #[test]
    fn title_skips_furniture_and_captions() {
        let text = "Advertisement\nAdvertisement\nHong Kong economy\nLearn more\nA view of the harbour. Photo: May Tse\n\nCity to build data hub, minister says\n\nBody text here.";
        assert_eq!(derive_title(text), "City to build data hub, minister says");
    }

    #[test]
    fn a_salutation_before_the_first_sentence_is_no_title_and_abbreviations_end_none() {
        let text = "Mr. Speaker, Vice President Cheney, Members of Congress, and fellow citizens: America this \
                    evening is a nation called to great responsibilities. We are rising to meet them.";
        assert_eq!(derive_title(text), "");
        assert_eq!(derive_title("Dr. J. Smith met the mayor in St. Paul today. It rained."), "Dr. J. Smith met the mayor in St. Paul today");
    }

    #[test]
    fn a_salutation_is_not_a_title() {
        let address = "Fellow-Citizens of the Senate and House of Representatives:\n\nIt is with great pleasure that I report.\n";
        assert_eq!(derive_title(address), "", "the caller names the text by its file");
        let letter = "Dear colleagues,\n\nThe harbour board met on Monday.\n";
        assert_eq!(derive_title(letter), "");
        let titled = "Annual report of the harbour board\n\nTo the members:\n\nThe board met.\n";
        assert_eq!(derive_title(titled), "Annual report of the harbour board");
        let doc = crate::corpus::from_text_laid_out("1796-Washington-1.txt", address.to_owned(), &Default::default());
        assert_eq!(doc.title, "1796-Washington-1");
    }

    #[test]
    fn a_file_name_of_words_titles_a_text_without_a_title_line() {
        assert_eq!(name_title("American_Revolution.txt").as_deref(), Some("American Revolution"));
        assert_eq!(name_title("COVID-19_pandemic.txt").as_deref(), Some("COVID-19 pandemic"));
        assert_eq!(name_title("harbour-board-report.txt").as_deref(), Some("harbour board report"));
        assert_eq!(name_title("1796-Washington-1.txt"), None, "a dated id");
        assert_eq!(name_title("000_4445b2b93edc790d.txt"), None, "a numbered hash");
        assert_eq!(name_title("report_a3f9c2e1.txt"), None, "a code");
        assert_eq!(name_title("doc_0001.txt"), None, "a numbered kind of file");
        assert_eq!(name_title("notes.txt"), None, "one common word");
        assert_eq!(name_title("Birmingham.txt").as_deref(), Some("Birmingham"));
        // A long paragraph in a script without spaces is no title line.
        let chinese = "市政府今天宣布了一项新的数据政策，旨在推动数字经济发展和跨境数据流动，并邀请企业参与。\n\n第二段。";
        assert_eq!(title_line(chinese), None);
        let paragraph = "The Berlin Wall was a guarded concrete barrier that encircled West Berlin. It fell in 1989.";
        let doc = crate::corpus::from_text_laid_out("Berlin_Wall.txt", paragraph.to_owned(), &Default::default());
        assert_eq!(doc.title, "Berlin Wall", "not the first sentence");
        let bill = crate::corpus::from_text_laid_out("constitution.txt", "대한민국헌법\n\n유구한 역사와 전통에 빛나는 우리 대한국민은.".to_owned(), &Default::default());
        assert_eq!(bill.title, "대한민국헌법", "a one-word title in a script without spaces");
        // A heading inside the text that repeats the file's name leaves the
        // lines above it alone: they are no page furniture.
        let text = "Background\n\nThe program began in 1961 and ran for years.\n\nApollo Program\n\nIt ended in 1972 with six landings.\n";
        let doc = crate::corpus::from_text_laid_out("Apollo_Program.txt", text.to_owned(), &Default::default());
        assert_eq!(doc.title, "Apollo Program");
        assert!(doc.aside.is_empty(), "{:?}", doc.aside);
        let headed = "The Wall\n\nThe Berlin Wall was a guarded concrete barrier. It fell in 1989.";
        let doc = crate::corpus::from_text_laid_out("Berlin_Wall.txt", headed.to_owned(), &Default::default());
        assert_eq!(doc.title, "The Wall", "the text's own title line first");
    }

    #[test]
    fn a_chapter_is_titled_by_its_label_and_caption() {
        let chapter = "CHAPITRE III.\n\nComment Candide se sauva d'entre les Bulgares, et ce qu'il\ndevint.\n\n\nRien n'était si beau, si leste, si brillant.\n";
        assert_eq!(derive_title(chapter), "CHAPITRE III. Comment Candide se sauva d'entre les Bulgares, et ce qu'il devint");
        let english = "Chapter 12\n\nIn Which the Harbour Freezes\n\nThe winter came early that year.\n";
        assert_eq!(derive_title(english), "Chapter 12 In Which the Harbour Freezes");
        assert_eq!(derive_title("IV.\n\nThe Return\n\nShe came back in May.\n"), "IV. The Return");
        let korean = "제3장 국회\n\n국회는 법률을 제정한다.\n";
        assert_eq!(derive_title(korean), "제3장 국회", "a label with its name on the same line is a title line");
        // Not a caption: the body itself, a paragraph of several sentences.
        let body = "CHAPTER I.\n\nIt was a dark night. The wind rose. Nobody came.\n";
        assert_ne!(derive_title(body), "CHAPTER I. It was a dark night. The wind rose. Nobody came");
        assert!(!is_division_label("Part of the plan"));
        assert!(!is_division_label("Chapter and verse here"));
        assert!(is_division_label("제 2 조") && is_division_label("Livre premier") && is_division_label("XIV."));
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
        assert_eq!(derive_date("a.txt", text), "2023-03-14");
        assert_eq!(derive_date("a.txt", "Updated: soon"), "");
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
