//! A document's publication date, when the text states one: a by-line, a
//! labelled header, a dateline, a dated heading or signature, an opening
//! sentence that reports, or the file's name. Never the latest date the text
//! mentions.

use crate::engine::time::{Precision, When};

/// The value of a `Label: value` field in a by-line such as
/// `Writer: Jane Doe | Editor: … | From: Harbour Daily | Updated: 2023-03-14`.
pub(super) fn byline_field<'t>(text: &'t str, labels: &[&str]) -> Option<&'t str> {
    text.lines().take(40).find_map(|line| {
        line.split('|').find_map(|part| {
            let (label, value) = part.split_once(':')?;
            let value = value.trim();
            (labels.contains(&label.trim()) && !value.is_empty()).then_some(value)
        })
    })
}

/// Labels of a header line that states a document's date:
/// `발의연월일 : 2010. 11. 12.`, `Date: 3 May 1848`, `Publié le 3 mai 2024`.
pub(super) const DATE_LABELS: &[&str] = &[
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

/// Whether a line is a date's label and value ("Date: 2021-03-03"): a
/// header, never a title.
pub(super) fn labels_a_date(line: &str) -> bool {
    line.split_once([':', '：'])
        .is_some_and(|(label, _)| DATE_LABELS.contains(&label.trim().to_lowercase().as_str()))
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
        // A by-line names its writer, then the date after a separator: not
        // "By June 30, 2025, all schools…", "Par arrêté du 3 mars 2021…".
        let writer = |e: &crate::engine::build::dates::Expression| {
            let name = line.strip_prefix("By ").or_else(|| line.strip_prefix("Par "));
            name.and_then(|n| n.get(..e.bytes.start.checked_sub(line.len() - n.len())?)).is_some_and(|n| {
                let n = n.trim_end();
                n.starts_with(char::is_uppercase) && n.ends_with(['|', ',', '—', '–', '·', '-'])
            })
        };
        let short = line.split_whitespace().count() <= 15;
        let found = crate::engine::build::dates::find(line, None);
        let e = found.first().filter(|e| e.when.precision == Precision::Day && !e.relative)?;
        if (labelled || writer(e)) && short {
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
        // The date is most of the line: at most a place name before it,
        // and no sentence that goes on after it ("데비안 6.0은 2011년 2월
        // 6일 나왔다.": few words in Korean, but a sentence).
        let after = line[e.bytes.end..].trim();
        let sentence = after.ends_with(['.', '。']) && after.chars().any(char::is_alphanumeric);
        let rest = line[..e.bytes.start].split_whitespace().count() + after.split_whitespace().count();
        (rest <= 3 && !sentence).then_some(e.when)
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
/// `2024-03-08-notes.txt`, `20240308_notes.txt`. A year before a title of
/// four words or more is the title's (`1989_Tiananmen_Square_protests.txt`
/// names an event, not the day it was written).
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
                _ => {
                    let stem = rest[1..].rsplit_once('.').map_or(&rest[1..], |(stem, _)| stem);
                    let words = stem.split(['-', '_', ' ']).filter(|w| !w.is_empty()).count();
                    (words <= 3).then(|| When::year(y))
                }
            }
        }
        8 if separated || rest.starts_with('.') => {
            let y = plausible(&digits[..4])?;
            When::day(y, digits[4..6].parse().ok()?, digits[6..].parse().ok()?)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(derive_date("a.txt", "4.7. 6.x 릴리스\n\n데비안 6.0은 2011년 2월 6일 나왔다.\n"), "", "a sentence, not a dated line");
        assert_eq!(derive_date("1807_Thomas_Jefferson_1.txt", "Text."), "1807");
        assert_eq!(derive_date("1929_stock_market_crash_in_New_York.txt", "Text."), "", "a year in a title");
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
        // "By" a date is no by-line.
        assert_eq!(derive_date("a.txt", "Schools\n\nBy June 30, 2025, all schools must comply.\n"), "");
        // A sentence that opens with a date is no dateline, nor is a by-line
        // far down the text.
        assert_eq!(derive_date("a.txt", "Notes\n\nIn Boston, on March 3, 2021, the harbour grew.\n"), "");
        assert_eq!(derive_date("a.txt", "그러나, 2021년 3월 3일 항만이 크게 확장되었고 새 부두가 문을 열었다.\n"), "");
    }
}
