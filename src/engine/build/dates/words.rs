//! The words of a text as the date finder reads them, and what single words
//! mean: month and weekday names in English, French and Korean, ordinals,
//! units, cue words.

use crate::engine::time::{civil_from_days, Precision, When};

#[derive(Debug)]
pub(super) struct Word<'t> {
    pub text: &'t str,
    pub lower: String,
    pub start: usize,
    pub end: usize,
}

impl Word<'_> {
    pub(super) fn digits(&self) -> Option<u32> {
        (self.text.len() <= 4 && self.text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| self.text.parse().ok())
            .flatten()
    }
    pub(super) fn year(&self) -> Option<i32> {
        (self.text.len() == 4)
            .then(|| self.digits())
            .flatten()
            .filter(|y| YEARS.contains(y))
            .map(|y| y as i32)
    }
    pub(super) fn day(&self) -> Option<u32> {
        (self.text.len() <= 2)
            .then(|| self.digits())
            .flatten()
            .filter(|d| (1..=31).contains(d))
    }
    pub(super) fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Years a four-digit number may be read as.
pub(super) const YEARS: std::ops::RangeInclusive<u32> = 1000..=2999;
/// Years a bare number is read as without a cue word before it ("in 1066"):
/// outside these, "1200 men" or "2500 tons" are far likelier amounts.
pub(super) const PLAIN_YEARS: std::ops::RangeInclusive<i32> = 1500..=2100;
/// Words before a number that make it a year wherever it falls in [`YEARS`].
pub(super) const YEAR_CUES: &[&str] = &[
    "in", "of", "since", "by", "until", "till", "year", "from", "before", "after", "during", "circa",
    "about", "en", "an", "année", "depuis", "vers", "avant", "après", "apres", "dès", "des",
    "jusqu", "ad", "a.d",
];
/// Ordinal endings after a day number: 1st, 2nd, 3rd, 25th, 1er, 2e.
pub(super) const ORDINALS: &[&str] = &["st", "nd", "rd", "th", "er", "e", "ème", "eme"];
/// Words after a number that make it an amount, not a year.
pub(super) const UNITS: &[&str] = &[
    "million", "billion", "km", "mw", "yuan", "units", "people", "men", "dollars", "tons", "acres",
    "miles", "persons", "troops", "feet", "pounds", "hommes", "francs", "livres", "habitants",
    "euros", "won", "명", "원", "개", "years", "ans",
];
/// Korean counters glued to a number that make it an amount or a serial
/// number, not a year: 2000만 원, 1838호 (resolution No. 1838), 1500건.
const KO_COUNTERS: &[char] = &[
    '만', '억', '조', '천', '원', '명', '개', '호', '건', '회', '번', '차', '배', '톤', '곳', '척', '장', '권',
];
/// Particles that may follow a counter (1500건의, 1838호에).
const KO_PARTICLES: &[char] = &['에', '의', '을', '를', '이', '가', '은', '는', '로', '으', '과', '와', '도', '씩', '까', '부', '만'];

/// Whether the word glued after a number is a counter: one counter syllable,
/// or one followed by another or by a particle (2000만원, 1500건의), but not
/// a word that merely starts with one (2020회계연도, 2015개정, 2020조사).
pub(super) fn korean_counter(word: &str) -> bool {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => KO_COUNTERS.contains(&c),
        (Some(c), Some(d)) => KO_COUNTERS.contains(&c) && (KO_COUNTERS.contains(&d) || KO_PARTICLES.contains(&d)),
        _ => false,
    }
}

/// Days written as ordinal words: "the sixth of September", "le premier juin".
pub(super) fn day_word(lower: &str) -> Option<u32> {
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
pub(super) fn words(text: &str) -> Vec<Word<'_>> {
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
pub(super) const MONTH_CUES: &[&str] = &[
    "in", "since", "by", "from", "until", "till", "early", "late", "mid", "of", "end", "last",
    "this", "next", "before", "after", "during", "en", "fin", "début", "debut", "mi", "depuis",
    "dès", "des", "jusqu", "avant", "après", "apres", "courant", "au",
];

/// Whether a folded word names a month or a day of the week in English or
/// French ("august", "mai", "aout"): a town of that name is far rarer
/// than the date.
pub(in crate::engine::build) fn is_calendar_word(folded: &str) -> bool {
    EN_MONTHS.contains(&folded)
        || FR_MONTHS.iter().any(|names| names.contains(&folded))
        || EN_DAYS.contains(&folded)
        || FR_DAYS.contains(&folded)
}

/// Months written short: English (capitalised: "Dec", "Sept") and French
/// ("déc", "janv"), by month.
const SHORT_MONTHS: &[&[&str]] = &[
    &["jan", "janv"],
    &["feb", "févr", "fevr"],
    &["mar"],
    &["apr", "avr"],
    &[],
    &["jun"],
    &["jul", "juil"],
    &["aug"],
    &["sep", "sept"],
    &["oct"],
    &["nov"],
    &["dec", "déc"],
];

/// A month written short, and whether a full stop must follow it (a
/// lowercase one: "déc.", never "dec" alone). Only read beside a number.
pub(super) fn short_month(w: &Word<'_>) -> Option<(u32, bool)> {
    let m = SHORT_MONTHS.iter().position(|names| names.contains(&w.lower.as_str()))?;
    // French "mar." is mardi: March is "Mar" in English only.
    if w.lower == "mar" && !w.capitalised() {
        return None;
    }
    Some((m as u32 + 1, !w.capitalised()))
}

/// A month name and whether it is English (which must be capitalised).
pub(super) fn month(w: &Word<'_>) -> Option<(u32, bool)> {
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

pub(super) fn weekday_of(w: &Word<'_>) -> Option<u32> {
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
pub(super) fn ym(anchor: Option<When>) -> (Option<i32>, Option<u32>) {
    match anchor {
        Some(a) => {
            let (y, m, _) = civil_from_days(a.start);
            (Some(y), (a.precision <= Precision::Month).then_some(m))
        }
        None => (None, None),
    }
}

/// The month `m` after the anchor's: "December next" in a text of
/// December 1799 is December 1800; "January next", January 1800 (in a
/// text dated by its year only, the next year's, as [`last_month`] is the
/// year before's).
pub(super) fn next_month(m: u32, anchor: Option<When>) -> Option<When> {
    let (y, am) = ym(anchor);
    let y = y?;
    match am {
        Some(am) if m > am => When::month(y, m),
        _ => When::month(y + 1, m),
    }
}

/// The most recent month `m` before the anchor ("last May").
pub(super) fn last_month(m: u32, anchor: Option<When>) -> Option<When> {
    let (y, am) = ym(anchor);
    let y = y?;
    match am {
        Some(am) if m < am => When::month(y, m),
        _ => When::month(y - 1, m),
    }
}
