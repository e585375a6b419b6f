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
            .filter(|y| YEARS.contains(y))
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

/// Years a four-digit number may be read as.
const YEARS: std::ops::RangeInclusive<u32> = 1000..=2999;
/// Years a bare number is read as without a cue word before it ("in 1066"):
/// outside these, "1200 men" or "2500 tons" are far likelier amounts.
const PLAIN_YEARS: std::ops::RangeInclusive<i32> = 1500..=2100;
/// Words before a number that make it a year wherever it falls in [`YEARS`].
const YEAR_CUES: &[&str] = &[
    "in", "of", "since", "by", "until", "till", "year", "from", "before", "after", "during", "circa",
    "about", "en", "an", "année", "depuis", "vers", "avant", "après", "apres", "dès", "des",
    "jusqu", "ad", "a.d",
];
/// Ordinal endings after a day number: 1st, 2nd, 3rd, 25th, 1er, 2e.
const ORDINALS: &[&str] = &["st", "nd", "rd", "th", "er", "e", "ème", "eme"];
/// Words after a number that make it an amount, not a year.
const UNITS: &[&str] = &[
    "million", "billion", "km", "mw", "yuan", "units", "people", "men", "dollars", "tons", "acres",
    "miles", "persons", "troops", "feet", "pounds", "hommes", "francs", "livres", "habitants",
    "euros", "won", "명", "원", "개",
];

/// Days written as ordinal words: "the sixth of September", "le premier juin".
fn day_word(lower: &str) -> Option<u32> {
    const EN: &[&str] = &[
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
        "eighteenth", "nineteenth", "twentieth",
    ];
    if lower == "premier" {
        return Some(1);
    }
    EN.iter().position(|w| *w == lower).map(|i| i as u32 + 1)
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
        // Korean official style: 2010. 11. 12. (also 2010.11.12)
        if let (Some(y), Some(m), Some(d)) = (
            w.year(),
            self.word(i + 1)
                .and_then(Word::digits)
                .filter(|m| (1..=12).contains(m)),
            self.word(i + 2).and_then(Word::day),
        ) {
            if self.gap(i + 1).trim() == "." && self.gap(i + 2).trim() == "." {
                return Some((3, When::day(y, m, d)?, false, 0.95));
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
        // Year ranges: 2026–2030, 2007~2011년, from 2026 to 2030, de 2026 à 2030, entre 2026 et 2030.
        // Not a chain of numbers (UN resolutions 1373/1838/1846), nor a span
        // longer than a lifetime ("1373/1838").
        if let (Some(y1), Some(y2)) = (w.year(), self.word(i + 1).and_then(Word::year)) {
            let gap = self.gap(i + 1).trim();
            let chained = self.gap(i).trim_end().ends_with('/')
                || self.gap(i + 2).trim_start().starts_with('/');
            if matches!(gap, "–" | "—" | "-" | "‐" | "/" | "~" | "～") && !chained && y2 - y1 <= 100 {
                let used = 2 + usize::from(self.gap(i + 2).is_empty() && self.lower(i + 2).starts_with('년'));
                return Some((used, When::years(y1, y2)?, false, 0.9));
            }
        }
        // Decades and centuries: the 1960s, the 1800s.
        if let (Some(y), Some(next)) = (w.year(), self.word(i + 1)) {
            if y % 10 == 0 && next.lower == "s" && self.gap(i + 1).is_empty() {
                let span = if y % 100 == 0 { 99 } else { 9 };
                return Some((2, When::years(y, y + span)?, false, 0.85));
            }
        }
        // Year first: 1802 January 08 (an archive's order).
        if let (Some(y), Some((m, _)), Some(d)) = (
            w.year(),
            self.word(i + 1).and_then(month),
            self.word(i + 2).and_then(Word::day),
        ) {
            if self.spaced(i + 1) && self.spaced(i + 2) {
                return Some((3, When::day(y, m, d)?, false, 0.9));
            }
        }
        // Two-digit years after an apostrophe (Korean official style):
        // ’09. 12. 29 · ’08년 · ´05년 — in this century when below 50.
        if let Some(yy) = w.digits().filter(|_| w.text.len() == 2) {
            let mark = self.gap(i).chars().next_back();
            if matches!(mark, Some('’' | '‘' | '\'' | '´')) {
                let y = (if yy < 50 { 2000 } else { 1900 }) + yy as i32;
                if let (Some(m), Some(d)) = (
                    self.word(i + 1).and_then(Word::digits).filter(|m| (1..=12).contains(m)),
                    self.word(i + 2).and_then(Word::day),
                ) {
                    if self.gap(i + 1).trim() == "." && self.gap(i + 2).trim() == "." {
                        return Some((3, When::day(y, m, d)?, false, 0.85));
                    }
                }
                if self.gap(i + 1).is_empty() && self.lower(i + 1).starts_with('년') {
                    return Some((2, When::year(y), false, 0.85));
                }
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
        // Day first: 18 June 2019 · le 25 avril · 1er mai · 25th April 1803 · the 1st of January
        // · the sixth of September · le premier juin 1994
        if let Some(d) = w.day().or_else(|| day_word(&w.lower)) {
            let worded = w.day().is_none();
            let mut skip = usize::from(self.ordinal(i + 1));
            if skip == 1 && self.lower(i + 2) == "day" && self.lower(i + 3) == "of" {
                skip += 2;
            } else if self.lower(i + 1 + skip) == "of" && (skip == 1 || worded) {
                skip += 1;
            }
            if let Some((m, _)) = self.word(i + 1 + skip).and_then(month) {
                if self.spaced(i + 1 + skip) {
                    let after = i + 2 + skip;
                    let comma = self.gap(after).trim() == ",";
                    if let Some(y) = self
                        .word(after)
                        .and_then(Word::year)
                        .filter(|_| self.spaced(after) || comma)
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
                let ord = usize::from(self.ordinal(i + 2));
                let gap = self.gap(i + 2 + ord).trim();
                if let Some(y) = self
                    .word(i + 2 + ord)
                    .and_then(Word::year)
                    .filter(|_| gap == "," || gap.is_empty())
                {
                    return Some((3 + ord, When::day(y, m, d)?, false, 0.95));
                }
                return Some((2 + ord, When::day(anchor_year?, m, d)?, false, 0.8));
            }
            if let Some(y) = self
                .word(i + 1)
                .and_then(Word::year)
                .filter(|_| self.spaced(i + 1) || self.gap(i + 1).trim() == ",")
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
        // A year on its own, unless it is a quantity (2,000 firms; $2019; 2019%; 2017-inch;
        // 1200 men; "from 2100 to 3800").
        if let Some(y) = w.year() {
            let before = self.gap(i);
            let after = self.gap(i + 1);
            let cue = YEAR_CUES.contains(&self.lower(i.wrapping_sub(1)));
            let quantity = before.ends_with(['$', '€', '£', '¥', ',', '.', '#', '№'])
                || after.starts_with(['%', '-', '‐'])
                || ((after.starts_with(',') || after.starts_with('.'))
                    && self.word(i + 1).is_some_and(|n| n.digits().is_some())
                    && after.len() == 1)
                || UNITS.contains(&self.lower(i + 1))
                || self.amount_span(i)
                || before.trim_end().ends_with('/')
                || after.trim_start().starts_with('/')
                || matches!(self.lower(i.wrapping_sub(1)), "no" | "nr" | "number" | "art" | "article");
            if !quantity && (cue || PLAIN_YEARS.contains(&y)) {
                return Some((1, When::year(y), false, 0.7));
            }
        }
        None
    }

    /// Whether word `i` is an ordinal ending glued to the number before it (25th, 1er).
    fn ordinal(&self, i: usize) -> bool {
        self.gap(i).is_empty() && ORDINALS.contains(&self.lower(i))
    }

    /// "from 2100 to 3800", "between 1500 and 4000": a span between numbers
    /// of which one cannot be a year is a span of amounts, both ends of it.
    fn amount_span(&self, i: usize) -> bool {
        let not_year = |j: usize| {
            self.word(j)
                .and_then(Word::digits)
                .or_else(|| {
                    self.word(j)
                        .filter(|w| w.text.bytes().all(|b| b.is_ascii_digit()))
                        .map(|_| u32::MAX)
                })
                .is_some_and(|n| !YEARS.contains(&n))
        };
        let opens = matches!(self.lower(i.wrapping_sub(1)), "from" | "between" | "de" | "entre");
        let joins = matches!(self.lower(i + 1), "to" | "and" | "à" | "a" | "et");
        let closes = matches!(self.lower(i.wrapping_sub(1)), "to" | "and" | "à" | "et")
            && matches!(self.lower(i.wrapping_sub(3)), "from" | "between" | "de" | "entre");
        (opens && joins && not_year(i + 2)) || (closes && not_year(i.wrapping_sub(2)))
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
    /// The publication date was inferred rather than stated (never, since
    /// dates are no longer inferred; kept for the index format's flag).
    pub published_inferred: bool,
    /// Expressions in the section's text (byte ranges in the document text).
    pub expressions: Vec<Expression>,
}

/// Dates every section of `doc`: a section whose title states a day (a
/// dated blog post, "GBA Briefs: 25/6/2019") is published then; others take
/// the document's date, if it states one (see `corpus::derive_date`).
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
    // A document that states no date has none: the latest date it mentions
    // may be a forecast, a quotation or a date in its history (a 2024 text
    // about 1941 is not from 1941), and relative dates stay unresolved.
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
    fn centuries_before_1900_and_their_formats() {
        assert_eq!(
            just("On April 25th, 1803, and the 1st of January 1800, in 1066, the 4th of March, 1789.", "1803"),
            ["1803-04-25", "1800-01-01", "1066", "1789-03-04"]
        );
        assert_eq!(just("Paris, le 3 mai 1848. En 1789, la Révolution.", ""), ["1848-05-03", "1789"]);
        assert_eq!(just("on the sixth of September, 1901, and le premier juin 1994", ""), ["1901-09-06", "1994-06-01"]);
    }

    #[test]
    fn korean_official_dates() {
        assert_eq!(
            just("발의연월일 : 2010.  11.  12.  발의자 : 2011.1.5 시행", ""),
            ["2010-11-12", "2011-01-05"]
        );
    }

    #[test]
    fn archive_orders_decades_and_korean_short_years() {
        assert_eq!(
            just("In May, 1861, on the 1st day of January, 1895; 1802 January 08; the 1960s; the 1800s; 2007~2011년.", ""),
            ["1861-05", "1895-01-01", "1802-01-08", "1960/1969", "1800/1899", "2007/2011"]
        );
        assert_eq!(just("’09. 12. 29 회의, ´05년, ‘08년 예산", ""), ["2009-12-29", "2005", "2008"]);
        // UN resolutions are numbers, not years.
        assert_eq!(values("결의 1373/1838/1846/1851호", ""), Vec::new());
    }

    #[test]
    fn amounts_that_look_like_years_are_not_dates() {
        let text = "The debt increased from 2100 to 3800 dollars. There were 1200 men and 2500 tons. \
                    Between 1500 and 4000 were lost. Article 1803 applies. No. 1999 was filed.";
        assert_eq!(values(text, "1850"), Vec::new());
        // A cue word makes an early year a year.
        assert_eq!(just("in 1200 the town was founded", ""), ["1200"]);
    }

    #[test]
    fn quantities_names_and_verbs_are_not_dates() {
        let text = "5G networks, 145%, RMB 10 billion, 2,000 firms, a 150-inch screen, 1.7 million people, 5개년 계획, \
                    Photo: May Tse. Prices may march up. 2500 5G base stations. 160km/h. $2019.";
        assert_eq!(values(text, "2019-06-25"), Vec::new());
    }
}
