//! Dates in text, at build time: temporal expressions in English, French and
//! Korean, resolved against the publication date where they are relative,
//! and each section's publication date (stated, or inferred and marked so).
//!
//! Recognised, with the [`Precision`] they get:
//! ```text
//! day     2023-03-14 · 25/6/2019 · June 18, 2019 · June 18 · 18 June · le 25 avril · 1er mai 2025
//!         2026년 1월 15일 · 1월 15일 · on Thursday · jeudi · 월요일 (relative: the last one)
//! month   March 2021 · in June · fin avril · avril 2025 · 2026년 1월 · last May · mai dernier · 지난 8월
//!         June last year · April this year · October next year
//! year    2017 · en 2022 · by 2035 · 2035년까지 · this year · last year · l'an dernier · 올해 · 작년 · 내년
//! range   2026–2030 · from 2026 to 2030 · de 2026 à 2030 · entre 2026 et 2030 · 2026년부터 2030년까지
//! ```
//! Not dates: 5G, 145%, RMB 10 billion, 2,000 firms, 150-inch, 1.7 million,
//! 5개년, "May Tse" (a name), "may" (a verb): an English month name alone
//! needs a capital and a cue word before it (in, since, by, last …).

use std::ops::Range;

use super::time::{civil_from_days, weekday, Precision, When};
use super::writer::DocInput;

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Expression {
    /// Byte range of the words in the text.
    pub bytes: Range<usize>,
    /// The span of time meant.
    pub when: When,
    /// Resolved against the publication date ("last May", "this year", "jeudi").
    pub relative: bool,
    /// How sure the reading is, 0–1.
    pub confidence: f32,
}

#[derive(Debug)]
struct Word<'t> {
    text: &'t str,
    lower: String,
    start: usize,
    end: usize,
}

impl Word<'_> {
    fn digits(&self) -> Option<u32> {
        (self.text.len() <= 4 && self.text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| self.text.parse().ok())
            .flatten()
    }
    fn year(&self) -> Option<i32> {
        (self.text.len() == 4)
            .then(|| self.digits())
            .flatten()
            .filter(|y| (1900..=2100).contains(y))
            .map(|y| y as i32)
    }
    fn day(&self) -> Option<u32> {
        (self.text.len() <= 2)
            .then(|| self.digits())
            .flatten()
            .filter(|d| (1..=31).contains(d))
    }
    fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Words: runs of letters and digits, split where ASCII digits meet other
/// characters (2026년 → 2026, 년; 1er → 1, er).
fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<(usize, bool)> = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let word = c.is_alphanumeric() && i < text.len();
        let digit = c.is_ascii_digit();
        match start {
            Some((s, d)) if !word || d != digit => {
                out.push(Word {
                    text: &text[s..i],
                    lower: text[s..i].to_lowercase(),
                    start: s,
                    end: i,
                });
                start = word.then_some((i, digit));
            }
            None if word => start = Some((i, digit)),
            _ => {}
        }
    }
    out
}

const EN_MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const FR_MONTHS: &[&[&str]] = &[
    &["janvier"],
    &["février", "fevrier"],
    &["mars"],
    &["avril"],
    &["mai"],
    &["juin"],
    &["juillet"],
    &["août", "aout"],
    &["septembre"],
    &["octobre"],
    &["novembre"],
    &["décembre", "decembre"],
];
const EN_DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const FR_DAYS: &[&str] = &[
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const KO_DAYS: &[&str] = &[
    "월요일",
    "화요일",
    "수요일",
    "목요일",
    "금요일",
    "토요일",
    "일요일",
];
/// Words after which a bare month name is a date ("in June", "fin avril").
const MONTH_CUES: &[&str] = &[
    "in", "since", "by", "from", "until", "till", "early", "late", "mid", "of", "end", "last",
    "this", "next", "before", "after", "during", "en", "fin", "début", "debut", "mi", "depuis",
    "dès", "des", "jusqu", "avant", "après", "apres", "courant", "au",
];

/// A month name and whether it is English (which must be capitalised).
fn month(w: &Word<'_>) -> Option<(u32, bool)> {
    if let Some(m) = EN_MONTHS.iter().position(|n| *n == w.lower) {
        if w.capitalised() {
            return Some((m as u32 + 1, true));
        }
    }
    FR_MONTHS
        .iter()
        .position(|names| names.contains(&w.lower.as_str()))
        .map(|m| (m as u32 + 1, false))
}

fn weekday_of(w: &Word<'_>) -> Option<u32> {
    if let Some(d) = EN_DAYS
        .iter()
        .position(|n| *n == w.lower)
        .filter(|_| w.capitalised())
    {
        return Some(d as u32);
    }
    if let Some(d) = FR_DAYS.iter().position(|n| *n == w.lower) {
        return Some(d as u32);
    }
    KO_DAYS
        .iter()
        .position(|n| w.text.starts_with(n))
        .map(|d| d as u32)
}

/// The anchor's (year, month) when it has them.
fn ym(anchor: Option<When>) -> (Option<i32>, Option<u32>) {
    match anchor {
        Some(a) => {
            let (y, m, _) = civil_from_days(a.start);
            (Some(y), (a.precision <= Precision::Month).then_some(m))
        }
        None => (None, None),
    }
}

/// The most recent month `m` before the anchor ("last May").
fn last_month(m: u32, anchor: Option<When>) -> Option<When> {
    let (y, am) = ym(anchor);
    let y = y?;
    match am {
        Some(am) if m < am => When::month(y, m),
        _ => When::month(y - 1, m),
    }
}

struct Scan<'t> {
    text: &'t str,
    w: Vec<Word<'t>>,
    anchor: Option<When>,
}

/// (words consumed, when, relative, confidence)
type Found = (usize, When, bool, f32);

impl<'t> Scan<'t> {
    fn word(&self, i: usize) -> Option<&Word<'t>> {
        self.w.get(i)
    }

    /// Text between word `i - 1` and word `i`.
    fn gap(&self, i: usize) -> &'t str {
        match (i.checked_sub(1).and_then(|p| self.w.get(p)), self.w.get(i)) {
            (Some(a), Some(b)) => &self.text[a.end..b.start],
            (None, Some(b)) => &self.text[..b.start],
            (Some(a), None) => &self.text[a.end..],
            (None, None) => "",
        }
    }

    fn lower(&self, i: usize) -> &str {
        self.word(i).map_or("", |w| w.lower.as_str())
    }

    fn spaced(&self, i: usize) -> bool {
        self.gap(i).chars().all(char::is_whitespace) && !self.gap(i).is_empty()
    }

    /// "this year", "last year" … (English, French, Korean) at `i`.
    fn relative_year(&self, i: usize) -> Option<(usize, i32)> {
        let w = self.word(i)?;
        let next = self.lower(i + 1);
        let en = [("this", 0), ("last", -1), ("next", 1), ("past", -1)];
        if let Some(&(_, k)) = en
            .iter()
            .find(|(p, _)| *p == w.lower)
            .filter(|_| next == "year")
        {
            return Some((2, k));
        }
        if w.lower == "cette" && next == "année" {
            return Some((2, 0));
        }
        // l'année dernière, l'an dernier, l'année prochaine, l'an prochain
        if w.lower == "l" && matches!(self.lower(i + 1), "année" | "an") {
            return match self.lower(i + 2) {
                "dernière" | "derniere" | "dernier" | "passée" | "passé" => Some((3, -1)),
                "prochaine" | "prochain" => Some((3, 1)),
                _ => None,
            };
        }
        for (p, k) in [
            ("올해", 0),
            ("금년", 0),
            ("지난해", -1),
            ("작년", -1),
            ("내년", 1),
        ] {
            if w.text.starts_with(p) {
                return Some((1, k));
            }
        }
        None
    }

    fn at(&self, i: usize) -> Option<Found> {
        let w = self.word(i)?;
        let anchor_year = ym(self.anchor).0;

        // ISO 2023-03-14
        if let (Some(y), Some(m), Some(d)) = (
            w.year(),
            self.word(i + 1).and_then(Word::day),
            self.word(i + 2).and_then(Word::day),
        ) {
            if self.gap(i + 1) == "-" && self.gap(i + 2) == "-" {
                return Some((3, When::day(y, m, d)?, false, 0.99));
            }
        }
        // 25/6/2019 (day first; month first when the first number cannot be a month… or the second cannot)
        if let (Some(a), Some(b), Some(y)) = (
            w.day(),
            self.word(i + 1).and_then(Word::day),
            self.word(i + 2).and_then(Word::year),
        ) {
            if self.gap(i + 1) == "/" && self.gap(i + 2) == "/" {
                let (d, m) = if b > 12 { (b, a) } else { (a, b) };
                return Some((3, When::day(y, m, d)?, false, 0.9));
            }
        }
        // Korean: 2026년 1월 15일 · 2026년 1월 · 2026년부터 2030년까지 · 2026년
        if let (Some(y), Some(next)) = (w.year(), self.word(i + 1)) {
            if next.text.starts_with('년') && self.gap(i + 1).is_empty() {
                if next.text.starts_with("년부터") || next.text.starts_with("년에서") {
                    if let (Some(y2), Some(n2)) =
                        (self.word(i + 2).and_then(Word::year), self.word(i + 3))
                    {
                        if n2.text.starts_with('년') {
                            return Some((4, When::years(y, y2)?, false, 0.9));
                        }
                    }
                }
                if let Some((used, m)) = self.korean_month(i + 2) {
                    if let Some(d) = self.korean_day(i + 2 + used) {
                        return Some((2 + used + 2, When::day(y, m, d)?, false, 0.97));
                    }
                    return Some((2 + used, When::month(y, m)?, false, 0.92));
                }
                return Some((2, When::year(y), false, 0.9));
            }
        }
        // Korean without a year: 1월 15일 · 지난 8월
        if let Some((used, m)) = self.korean_month(i) {
            let y = anchor_year?;
            if let Some(d) = self.korean_day(i + used) {
                return Some((used + 2, When::day(y, m, d)?, false, 0.8));
            }
            if self.lower(i.wrapping_sub(1)) == "지난" {
                return Some((used, last_month(m, self.anchor)?, true, 0.8));
            }
            return Some((used, When::month(y, m)?, false, 0.75));
        }
        // Year ranges: 2026–2030, from 2026 to 2030, de 2026 à 2030, entre 2026 et 2030
        if let (Some(y1), Some(y2)) = (w.year(), self.word(i + 1).and_then(Word::year)) {
            let gap = self.gap(i + 1).trim();
            if matches!(gap, "–" | "—" | "-" | "‐" | "/") {
                return Some((2, When::years(y1, y2)?, false, 0.9));
            }
        }
        if let (Some(y1), Some(y2)) = (
            self.word(i + 1).and_then(Word::year),
            self.word(i + 3).and_then(Word::year),
        ) {
            let pair = (w.lower.as_str(), self.lower(i + 2));
            if matches!(
                pair,
                ("from", "to")
                    | ("between", "and")
                    | ("de", "à")
                    | ("entre", "et")
                    | ("from", "until")
            ) {
                return Some((4, When::years(y1, y2)?, false, 0.9));
            }
        }
        // Day first: 18 June 2019 · le 25 avril · 1er mai
        if let Some(d) = w.day() {
            let skip = usize::from(self.lower(i + 1) == "er" && self.gap(i + 1).is_empty());
            if let Some((m, _)) = self.word(i + 1 + skip).and_then(month) {
                if self.spaced(i + 1 + skip) {
                    let after = i + 2 + skip;
                    if let Some(y) = self
                        .word(after)
                        .and_then(Word::year)
                        .filter(|_| self.spaced(after))
                    {
                        return Some((after + 1 - i, When::day(y, m, d)?, false, 0.95));
                    }
                    return Some((after - i, When::day(anchor_year?, m, d)?, false, 0.8));
                }
            }
        }
        // Month first: June 18, 2019 · June 18 · March 2021 · June last year · mai dernier · in June
        if let Some((m, english)) = month(w) {
            if let Some(d) = self
                .word(i + 1)
                .and_then(Word::day)
                .filter(|_| self.spaced(i + 1))
            {
                let gap = self.gap(i + 2).trim();
                if let Some(y) = self
                    .word(i + 2)
                    .and_then(Word::year)
                    .filter(|_| gap == "," || gap.is_empty())
                {
                    return Some((3, When::day(y, m, d)?, false, 0.95));
                }
                return Some((2, When::day(anchor_year?, m, d)?, false, 0.8));
            }
            if let Some(y) = self
                .word(i + 1)
                .and_then(Word::year)
                .filter(|_| self.spaced(i + 1))
            {
                return Some((2, When::month(y, m)?, false, 0.92));
            }
            if let Some((used, k)) = self.relative_year(i + 1).filter(|_| self.spaced(i + 1)) {
                return Some((1 + used, When::month(anchor_year? + k, m)?, true, 0.8));
            }
            if matches!(self.lower(i + 1), "dernier" | "passé") && self.spaced(i + 1) {
                return Some((2, last_month(m, self.anchor)?, true, 0.8));
            }
            let before = self.lower(i.wrapping_sub(1));
            if before == "last" {
                return Some((1, last_month(m, self.anchor)?, true, 0.8));
            }
            if MONTH_CUES.contains(&before) || (!english && i > 0) {
                return Some((1, When::month(anchor_year?, m)?, false, 0.7));
            }
            return None;
        }
        // Relative years.
        if let Some((used, k)) = self.relative_year(i) {
            return Some((used, When::year(anchor_year? + k), true, 0.8));
        }
        // Weekdays: the last one on or before the publication day.
        if let Some(wd) = weekday_of(w) {
            let a = self.anchor.filter(|a| a.precision == Precision::Day)?;
            let back = (weekday(a.start) + 7 - wd) % 7;
            let day = a.start - back as i32;
            return Some((
                1,
                When {
                    start: day,
                    end: day,
                    precision: Precision::Day,
                },
                true,
                0.6,
            ));
        }
        // A year on its own, unless it is a quantity (2,000 firms; $2019; 2019%; 2017-inch).
        if let Some(y) = w.year() {
            let before = self.gap(i);
            let after = self.gap(i + 1);
            let quantity = before.ends_with(['$', '€', '£', '¥', ',', '.', '#'])
                || after.starts_with(['%', '-', '‐'])
                || ((after.starts_with(',') || after.starts_with('.'))
                    && self.word(i + 1).is_some_and(|n| n.digits().is_some())
                    && after.len() == 1)
                || matches!(
                    self.lower(i + 1),
                    "million" | "billion" | "km" | "mw" | "yuan" | "units" | "people"
                );
            if !quantity {
                return Some((1, When::year(y), false, 0.7));
            }
        }
        None
    }

    /// `N월` at `i` (not 월요일): (words used, month).
    fn korean_month(&self, i: usize) -> Option<(usize, u32)> {
        let m = self.word(i)?.digits().filter(|m| (1..=12).contains(m))?;
        let next = self.word(i + 1)?;
        (self.gap(i + 1).trim().is_empty()
            && next.text.starts_with('월')
            && !next.text.starts_with("월요일"))
        .then_some((2, m))
    }

    /// `N일` at `i`: the day.
    fn korean_day(&self, i: usize) -> Option<u32> {
        let d = self.word(i)?.day()?;
        let next = self.word(i + 1)?;
        (self.gap(i + 1).trim().is_empty()
            && next.text.starts_with('일')
            && !next.text.starts_with("일요일"))
        .then_some(d)
    }
}

/// Every temporal expression in `text`, relative ones resolved against
/// `anchor` (the publication date; without one they are left out).
pub fn find(text: &str, anchor: Option<When>) -> Vec<Expression> {
    let scan = Scan {
        text,
        w: words(text),
        anchor,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < scan.w.len() {
        match scan.at(i) {
            Some((used, when, relative, confidence)) => {
                let last = &scan.w[i + used - 1];
                out.push(Expression {
                    bytes: scan.w[i].start..last.end,
                    when,
                    relative,
                    confidence,
                });
                i += used;
            }
            None => i += 1,
        }
    }
    out
}

/// The dates of one section.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionDates {
    /// When the section was published: its own dated title, else its document's.
    pub published: Option<When>,
    /// The publication date was inferred from the latest date the document mentions.
    pub published_inferred: bool,
    /// Expressions in the section's text (byte ranges in the document text).
    pub expressions: Vec<Expression>,
}

/// Dates every section of `doc`: a section whose title states a day (a
/// dated blog post, "GBA Briefs: 25/6/2019") is published then; others take
/// the document's date; a document without one gets the latest absolute date
/// it mentions, marked inferred.
pub fn date_doc(doc: &DocInput) -> Vec<SectionDates> {
    let stated = When::parse(&doc.date);
    let mut out: Vec<SectionDates> = doc
        .sections
        .iter()
        .map(|s| {
            let own = s
                .title
                .as_deref()
                .and_then(|t| {
                    find(t, None)
                        .into_iter()
                        .find(|e| e.when.precision == Precision::Day)
                })
                .map(|e| e.when);
            SectionDates {
                published: own.or(stated),
                published_inferred: false,
                expressions: Vec::new(),
            }
        })
        .collect();
    if stated.is_none() {
        // Infer from the latest absolute date any section mentions.
        let latest = doc
            .sections
            .iter()
            .flat_map(|s| find(&doc.text[s.range.clone()], None))
            .filter(|e| !e.relative && e.when.precision != Precision::Range && e.confidence >= 0.9)
            .max_by_key(|e| e.when.end)
            .map(|e| e.when);
        for d in out.iter_mut().filter(|d| d.published.is_none()) {
            d.published = latest;
            d.published_inferred = latest.is_some();
        }
    }
    for (d, s) in out.iter_mut().zip(&doc.sections) {
        d.expressions = find(&doc.text[s.range.clone()], d.published)
            .into_iter()
            .filter(|e| {
                !doc.aside
                    .iter()
                    .any(|a| a.contains(&(s.range.start + e.bytes.start)))
            })
            .map(|e| Expression {
                bytes: e.bytes.start + s.range.start..e.bytes.end + s.range.start,
                ..e
            })
            .collect();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, anchor: &str) -> Vec<(String, String, bool)> {
        find(text, When::parse(anchor))
            .into_iter()
            .map(|e| (text[e.bytes].to_owned(), e.when.to_string(), e.relative))
            .collect()
    }

    fn just(text: &str, anchor: &str) -> Vec<String> {
        values(text, anchor).into_iter().map(|v| v.1).collect()
    }

    #[test]
    fn english_dates_of_every_precision() {
        let v = values(
            "Updated: 2023-03-14. On June 18 the route opened; in March 2021 a market; by 2035; 2026–2030; \
             from 2026 to 2030; GBA Briefs: 25/6/2019; (on December 20); in late 2017.",
            "2019",
        );
        let got: Vec<&str> = v.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(
            got,
            [
                "2023-03-14",
                "2019-06-18",
                "2021-03",
                "2035",
                "2026/2030",
                "2026/2030",
                "2019-06-25",
                "2019-12-20",
                "2017"
            ]
        );
    }

    #[test]
    fn english_relative_dates_follow_the_publication_date() {
        let v = values("Chan on Thursday said deals were signed last May, in June last year and this year. Last August, too.", "2024-03-08");
        let got: Vec<(&str, &str, bool)> = v
            .iter()
            .map(|x| (x.0.as_str(), x.1.as_str(), x.2))
            .collect();
        assert_eq!(
            got,
            [
                ("Thursday", "2024-03-07", true),
                ("May", "2023-05", true),
                ("June last year", "2023-06", true),
                ("this year", "2024", true),
                ("August", "2023-08", true),
            ]
        );
        // With only a year to go on, a weekday cannot be placed.
        assert_eq!(just("on Thursday", "2024"), Vec::<String>::new());
    }

    #[test]
    fn french_dates() {
        assert_eq!(
            just("visite le 25 avril, fin avril, depuis 2022, le 1er mai 2025, en janvier, l'an dernier, entre 2026 et 2030, mai dernier", "2025-04"),
            ["2025-04-25", "2025-04", "2022", "2025-05-01", "2025-01", "2024", "2026/2030", "2024-05"]
        );
    }

    #[test]
    fn korean_dates() {
        let v = values("2026년 1월 15일 보도했다. 2026년부터 2030년까지를 다루며, 2035년까지 도달. 올해 작년 내년 지난 8월 월요일 수요일 밤 2026년 1월", "2026-01-15");
        let got: Vec<(&str, &str)> = v.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        assert_eq!(
            got,
            [
                ("2026년 1월 15일", "2026-01-15"),
                ("2026년부터 2030년까지를", "2026/2030"),
                ("2035년까지", "2035"),
                ("올해", "2026"),
                ("작년", "2025"),
                ("내년", "2027"),
                ("8월", "2025-08"),
                ("월요일", "2026-01-12"),
                ("수요일", "2026-01-14"),
                ("2026년 1월", "2026-01"),
            ]
        );
    }

    #[test]
    fn quantities_names_and_verbs_are_not_dates() {
        let text = "5G networks, 145%, RMB 10 billion, 2,000 firms, a 150-inch screen, 1.7 million people, 5개년 계획, \
                    Photo: May Tse. Prices may march up. 2500 5G base stations. 160km/h. $2019.";
        assert_eq!(values(text, "2019-06-25"), Vec::new());
    }
}
