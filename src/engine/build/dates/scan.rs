//! The patterns of dates, tried at each word of a text in order.

use crate::engine::time::When;

use super::words::{
    day_word, last_month, month, ym, Word, MONTH_CUES, ORDINALS, PLAIN_YEARS, UNITS,
    korean_counter,
    YEARS, YEAR_CUES,
};

pub(super) struct Scan<'t> {
    pub text: &'t str,
    pub w: Vec<Word<'t>>,
    /// The publication date, for relative dates.
    pub anchor: Option<When>,
    /// The year of the last date stated with one, moved on by "the
    /// following year" and the like, for a day or month written without a
    /// year ("from 1 to 6 July") in a text with no publication date: a
    /// history's narrative time.
    pub narrative: Option<i32>,
}

/// A date found at a word.
pub(super) struct Found {
    /// Words it spans.
    pub words: usize,
    /// The span of time meant.
    pub when: When,
    /// Resolved against the publication date.
    pub relative: bool,
    /// How sure the reading is, 0–1.
    pub confidence: f32,
}

/// What a pattern made of the words at `i`: `None` when it does not apply
/// (the next pattern is tried); `Some(None)` when it applies but names no
/// real date (31 February, a relative date without a publication date), so
/// the words are no date at all.
pub(super) type Decided = Option<Option<Found>>;

/// A pattern that applies decides: its date, or none when `date` finds
/// none (`date` uses `?` for a day that does not exist).
pub(super) fn decide(date: impl FnOnce() -> Option<(usize, When, bool, f32)>) -> Decided {
    Some(date().map(|(words, when, relative, confidence)| Found {
        words,
        when,
        relative,
        confidence,
    }))
}

impl<'t> Scan<'t> {
    pub(super) fn word(&self, i: usize) -> Option<&Word<'t>> {
        self.w.get(i)
    }

    /// Text between word `i - 1` and word `i`.
    pub(super) fn gap(&self, i: usize) -> &'t str {
        match (i.checked_sub(1).and_then(|p| self.w.get(p)), self.w.get(i)) {
            (Some(a), Some(b)) => &self.text[a.end..b.start],
            (None, Some(b)) => &self.text[..b.start],
            (Some(a), None) => &self.text[a.end..],
            (None, None) => "",
        }
    }

    pub(super) fn lower(&self, i: usize) -> &str {
        self.word(i).map_or("", |w| w.lower.as_str())
    }

    pub(super) fn spaced(&self, i: usize) -> bool {
        self.gap(i).chars().all(char::is_whitespace) && !self.gap(i).is_empty()
    }

    /// "this year", "last year" … (English, French, Korean) at `i`.
    pub(super) fn relative_year(&self, i: usize) -> Option<(usize, i32)> {
        let w = self.word(i)?;
        let next = self.lower(i + 1);
        // "the past year", "the last year": the twelve months now ending,
        // which hold more of the publication year unless it is young.
        if self.lower(i.wrapping_sub(1)) == "the" && next == "year" {
            let young = ym(self.anchor).1.is_some_and(|m| m <= 6);
            let k = match w.lower.as_str() {
                "past" | "last" => -i32::from(young),
                "present" | "current" => 0,
                "ensuing" | "coming" | "next" => 1,
                _ => return None,
            };
            return Some((2, k));
        }
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

    /// The date that starts at word `i`, if any: the patterns in order, the
    /// first that applies decides.
    pub(super) fn at(&self, i: usize) -> Option<Found> {
        let w = self.word(i)?;
        // A day or month without a year takes the publication year, or in
        // a text without one, the year the narrative is at.
        let published = ym(self.anchor).0;
        let anchor_year = published.or(self.narrative);
        self.numeric(i, w)
            .or_else(|| self.korean(i, w, anchor_year))
            .or_else(|| self.year_spans(i, w))
            .or_else(|| self.era(i, w))
            .or_else(|| self.day_span(i, w, anchor_year))
            .or_else(|| self.weekday_of_month(i, w, anchor_year))
            .or_else(|| self.day_first(i, w, anchor_year))
            .or_else(|| self.month_first(i, w, anchor_year))
            .or_else(|| self.short_month_date(i, w, anchor_year))
            .or_else(|| self.years_back(i, w, published))
            .or_else(|| self.relative(i, w, published))
            .or_else(|| self.lone_year(i, w))
            .flatten()
    }

    /// All-numeric days: ISO 2023-03-14, Korean official 2010. 11. 12., 25/6/2019.
    fn numeric(&self, i: usize, w: &Word<'t>) -> Decided {
        // ISO 2023-03-14
        if let (Some(y), Some(m), Some(d)) = (
            w.year(),
            self.word(i + 1).and_then(Word::day),
            self.word(i + 2).and_then(Word::day),
        ) {
            if self.gap(i + 1) == "-" && self.gap(i + 2) == "-" {
                return decide(|| Some((3, When::day(y, m, d)?, false, 0.99)));
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
                return decide(|| Some((3, When::day(y, m, d)?, false, 0.95)));
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
                return decide(|| Some((3, When::day(y, m, d)?, false, 0.9)));
            }
        }
        None
    }

    /// Korean: 2026년 1월 15일 · 2026년 1월 · 2026년부터 2030년까지 · 2026년 · 1월 15일 · 지난 8월.
    fn korean(&self, i: usize, w: &Word<'t>, anchor_year: Option<i32>) -> Decided {
        // Korean: 2026년 1월 15일 · 2026년 1월 · 2026년부터 2030년까지 · 2026년
        if let (Some(y), Some(next)) = (w.year(), self.word(i + 1)) {
            // (glued, or a space apart: "2010 년 8 월")
            if next.text.starts_with('년') && self.gap(i + 1).trim().is_empty() {
                if next.text.starts_with("년부터") || next.text.starts_with("년에서") {
                    if let (Some(y2), Some(n2)) =
                        (self.word(i + 2).and_then(Word::year), self.word(i + 3))
                    {
                        if n2.text.starts_with('년') {
                            return decide(|| Some((4, When::years(y, y2)?, false, 0.9)));
                        }
                    }
                }
                if let Some((used, m)) = self.korean_month(i + 2) {
                    if let Some(d) = self.korean_day(i + 2 + used) {
                        return decide(|| Some((2 + used + 2, When::day(y, m, d)?, false, 0.97)));
                    }
                    return decide(|| Some((2 + used, When::month(y, m)?, false, 0.92)));
                }
                return decide(|| Some((2, When::year(y), false, 0.9)));
            }
        }
        // The last day of a span: "7월 18일부터 20일까지", in the first's month.
        if let (Some(d), Some((y, m))) = (self.korean_day(i), self.korean_span_start(i, anchor_year)) {
            return decide(|| Some((2, When::day(y, m, d)?, false, 0.85)));
        }
        // A span of days with no month of its own, in the month its sentence
        // stated before: "2011년 7월 24일부터 30일까지 …, 데브캠프가 17일부터 23일까지".
        if let Some(d) = self.korean_day(i) {
            let starts = self.word(i + 1).is_some_and(|n| n.text.starts_with("일부터"));
            let ends = i >= 2
                && self.word(i - 1).is_some_and(|p| p.text.starts_with("일부터"))
                && self.word(i - 2).and_then(Word::day).is_some();
            if let Some((y, m)) = self.sentence_month(i).filter(|_| starts || ends) {
                return decide(|| Some((2, When::day(y, m, d)?, false, 0.8)));
            }
        }
        // Korean without a year: 1월 15일 · 지난 8월
        if let Some((used, m)) = self.korean_month(i) {
            let Some(y) = anchor_year else {
                return Some(None);
            };
            if let Some(d) = self.korean_day(i + used) {
                return decide(|| Some((used + 2, When::day(y, m, d)?, false, 0.8)));
            }
            if self.lower(i.wrapping_sub(1)) == "지난" {
                return decide(|| Some((used, last_month(m, self.anchor)?, true, 0.8)));
            }
            return decide(|| Some((used, When::month(y, m)?, false, 0.75)));
        }
        None
    }

    /// Spans of years, decades, years first (1802 January 08) and two-digit years after an apostrophe.
    fn year_spans(&self, i: usize, w: &Word<'t>) -> Decided {
        // Year ranges written as one: 2026–2030, 2007~2011년.
        // Not a chain of numbers (UN resolutions 1373/1838/1846), nor a span
        // longer than a lifetime ("1373/1838").
        if let (Some(y1), Some(y2)) = (w.year(), self.word(i + 1).and_then(Word::year)) {
            let gap = self.gap(i + 1).trim();
            let chained = self.gap(i).trim_end().ends_with('/')
                || self.gap(i + 2).trim_start().starts_with('/');
            if matches!(gap, "–" | "—" | "-" | "‐" | "/" | "~" | "～") && !chained && y2 - y1 <= 100 {
                let used = 2 + usize::from(self.gap(i + 2).is_empty() && self.lower(i + 2).starts_with('년'));
                return decide(|| Some((used, When::years(y1, y2)?, false, 0.9)));
            }
        }
        // Decades and centuries: the 1960s, the 1800s.
        if let (Some(y), Some(next)) = (w.year(), self.word(i + 1)) {
            if y % 10 == 0 && next.lower == "s" && self.gap(i + 1).is_empty() {
                let span = if y % 100 == 0 { 99 } else { 9 };
                return decide(|| Some((2, When::years(y, y + span)?, false, 0.85)));
            }
        }
        // Year first: 1802 January 08 (an archive's order).
        if let (Some(y), Some((m, _)), Some(d)) = (
            w.year(),
            self.word(i + 1).and_then(month),
            self.word(i + 2).and_then(Word::day),
        ) {
            if self.spaced(i + 1) && self.spaced(i + 2) {
                return decide(|| Some((3, When::day(y, m, d)?, false, 0.9)));
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
                        return decide(|| Some((3, When::day(y, m, d)?, false, 0.85)));
                    }
                }
                if self.gap(i + 1).is_empty() && self.lower(i + 1).starts_with('년') {
                    return decide(|| Some((2, When::year(y), false, 0.85)));
                }
            }
        }
        None
    }

    /// The first day of a span of days in one month, day first: the 24 of
    /// "24 to 30 July 2011", "24–30 July", "du 5 au 9 juillet 2000". The
    /// last day is read next, as a date of its own.
    fn day_span(&self, i: usize, w: &Word<'t>, anchor_year: Option<i32>) -> Decided {
        let d1 = w.day()?;
        let to = match self.gap(i + 1).trim() {
            "–" | "—" | "-" | "‐" => i + 1,
            "" if matches!(self.lower(i + 1), "to" | "au" | "until" | "till") && self.spaced(i + 1) => i + 2,
            _ => return None,
        };
        self.word(to).and_then(Word::day).filter(|d2| *d2 > d1)?;
        let skip = usize::from(self.ordinal(to + 1));
        let (m, _) = self.word(to + 1 + skip).and_then(month)?;
        if !self.spaced(to + 1 + skip) {
            return None;
        }
        let after = to + 2 + skip;
        let comma = self.gap(after).trim() == ",";
        let stated = self
            .word(after)
            .and_then(Word::year)
            .filter(|_| self.spaced(after) || comma);
        decide(|| Some((1, When::day(stated.or(anchor_year)?, m, d1)?, false, 0.85)))
    }

    /// The year of a range's last day when word `at` goes on to it, for a
    /// first day written without one: "from 15 April to 4 June 1989",
    /// "April 15 – June 4, 1989", « du 31 janvier au 2 février 1945 ».
    fn range_end_year(&self, at: usize) -> Option<i32> {
        let to = match self.gap(at).trim() {
            "–" | "—" | "-" => at,
            "" if matches!(self.lower(at), "to" | "au" | "until" | "till" | "through") && self.spaced(at + 1) => at + 1,
            _ => return None,
        };
        let stated = |j: usize| {
            let gap = self.gap(j).trim();
            self.dated_year(j).filter(|_| gap.is_empty() && self.spaced(j) || gap == ",")
        };
        if self.word(to).and_then(Word::day).is_some() {
            let month_at = to + 1 + usize::from(self.ordinal(to + 1));
            self.word(month_at).and_then(month)?;
            return stated(month_at + 1);
        }
        self.word(to).and_then(month)?;
        self.word(to + 1).and_then(Word::day)?;
        stated(to + 2 + usize::from(self.ordinal(to + 2)))
    }

    /// Day first: 18 June 2019 · le 25 avril · 1er mai · the 1st of January.
    fn day_first(&self, i: usize, w: &Word<'t>, anchor_year: Option<i32>) -> Decided {
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
            // "the 19th of last April", "the 1st of next May".
            let pointer = self.lower(i + 1 + skip);
            let skip = skip + usize::from(matches!(pointer, "last" | "next"));
            if let Some((m, _)) = self.word(i + 1 + skip).and_then(month) {
                if self.spaced(i + 1 + skip) {
                    let after = i + 2 + skip;
                    let moved = match self.month_pointed(pointer, m) {
                        Some(when) => Some((0, when)),
                        None => self.month_next_or_last(i + 1 + skip, m),
                    };
                    if let Some((used, month_when)) = moved {
                        return decide(|| {
                            let y = ym(month_when).0?;
                            Some((after + used - i, When::day(y, m, d)?, true, 0.85))
                        });
                    }
                    let comma = self.gap(after).trim() == ",";
                    if let Some(y) = self.dated_year(after).filter(|_| self.spaced(after) || comma) {
                        return decide(|| Some((after + 1 - i, When::day(y, m, d)?, false, 0.95)));
                    }
                    let year = self.range_end_year(after).or(anchor_year);
                    return decide(|| Some((after - i, When::day(year?, m, d)?, false, 0.8)));
                }
            }
        }
        None
    }

    /// Month first: June 18, 2019 · June 18 · March 2021 · June last year · mai dernier · in June.
    fn month_first(&self, i: usize, w: &Word<'t>, anchor_year: Option<i32>) -> Decided {
        // Month first: June 18, 2019 · June 18 · September the 11th, 2001 · March 2021 · June last
        // year · mai dernier · in June
        if let Some((m, english)) = month(w) {
            // "September the 11th": an ordinal day after "the".
            let the = usize::from(self.lower(i + 1) == "the" && self.ordinal(i + 3));
            if let Some(d) = self
                .word(i + 1 + the)
                .and_then(Word::day)
                .filter(|_| self.spaced(i + 1) && self.spaced(i + 1 + the))
            {
                let ord = usize::from(self.ordinal(i + 2 + the));
                let at = i + 2 + the + ord;
                let gap = self.gap(at).trim();
                if let Some(y) = self.dated_year(at).filter(|_| gap == "," || gap.is_empty()) {
                    return decide(|| Some((at + 1 - i, When::day(y, m, d)?, false, 0.95)));
                }
                // "last August the 11th": the August before the publication's.
                let pointed = self.month_pointed(self.lower(i.wrapping_sub(1)), m);
                let year = pointed.map_or_else(|| self.range_end_year(at).or(anchor_year), |when| ym(when).0);
                return decide(|| Some((at - i, When::day(year?, m, d)?, pointed.is_some(), 0.8)));
            }
            if let Some(y) = self
                .word(i + 1)
                .and_then(Word::year)
                .filter(|_| self.spaced(i + 1) || self.gap(i + 1).trim() == ",")
            {
                return decide(|| Some((2, When::month(y, m)?, false, 0.92)));
            }
            // The first of two months sharing a year: "août et décembre 1993",
            // "between May and July 1861".
            let joins = matches!(self.lower(i + 1), "and" | "or" | "to" | "et" | "ou" | "à" | "au");
            if let (true, Some(_), Some(y)) = (
                joins && self.spaced(i + 1) && self.spaced(i + 2) && self.spaced(i + 3),
                self.word(i + 2).and_then(month),
                self.word(i + 3).and_then(Word::year),
            ) {
                return decide(|| Some((1, When::month(y, m)?, false, 0.85)));
            }
            if let Some((used, k)) = self.relative_year(i + 1).filter(|_| self.spaced(i + 1)) {
                return decide(|| Some((1 + used, When::month(ym(self.anchor).0? + k, m)?, true, 0.8)));
            }
            if let Some((used, when)) = self.month_next_or_last(i, m) {
                // "December next", "mai dernier".
                return decide(|| Some((1 + used, when?, true, 0.8)));
            }
            let before = self.lower(i.wrapping_sub(1));
            if before == "last" {
                return decide(|| Some((1, last_month(m, self.anchor)?, true, 0.8)));
            }
            if MONTH_CUES.contains(&before) || (!english && i > 0) {
                return decide(|| Some((1, When::month(anchor_year?, m)?, false, 0.7)));
            }
            return Some(None);
        }
        None
    }

    /// Relative years and weekdays, against the publication date.
    fn relative(&self, i: usize, w: &Word<'t>, anchor_year: Option<i32>) -> Decided {
        // Relative years.
        if let Some((used, k)) = self.relative_year(i) {
            return decide(|| Some((used, When::year(anchor_year? + k), true, 0.8)));
        }
        self.relative_day(i, w)
    }

    /// A year on its own, unless it is a quantity.
    fn lone_year(&self, i: usize, w: &Word<'t>) -> Decided {
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
                || (after.is_empty() && korean_counter(self.lower(i + 1)))
                || self.amount_span(i)
                || before.trim_end().ends_with('/')
                || after.trim_start().starts_with('/')
                || matches!(
                    self.lower(i.wrapping_sub(1)),
                    "no" | "nr" | "number" | "art" | "article" | "resolution" | "résolution" | "p" | "pp" | "page"
                )
                || self.after_a_comparison(i);
            if !quantity && (cue || PLAIN_YEARS.contains(&y)) {
                return decide(|| Some((1, When::year(y), false, 0.7)));
            }
        }
        None
    }

    /// Whether the number at `i` follows "more than", "plus de", "environ"…:
    /// an amount ("plus de 1500 paquets"), not a year.
    fn after_a_comparison(&self, i: usize) -> bool {
        let (one, two) = (self.lower(i.wrapping_sub(1)), self.lower(i.wrapping_sub(2)));
        matches!((two, one), ("more" | "less" | "fewer", "than") | ("plus" | "moins" | "près" | "pres", "de"))
            || matches!(one, "environ" | "approximately" | "roughly" | "some")
    }

    /// Whether word `i` is an ordinal ending glued to the number before it (25th, 1er).
    pub(super) fn ordinal(&self, i: usize) -> bool {
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

    /// The (year, month) of a span's first day right before word `i`:
    /// "[2003년] 7월 18일부터" (the year, when not written, the anchor's).
    fn korean_span_start(&self, i: usize, anchor_year: Option<i32>) -> Option<(i32, u32)> {
        let from = i.checked_sub(4)?;
        let glued = |j: usize| self.gap(j).trim().is_empty();
        let starts = self.word(i - 1)?.text.starts_with("일부터") && glued(i - 1) && self.word(i - 2)?.day().is_some();
        let (_, m) = self.korean_month(from).filter(|&(used, _)| from + used == i - 2)?;
        let year = from
            .checked_sub(2)
            .filter(|&j| self.word(j + 1).is_some_and(|n| n.text.starts_with('년')) && glued(j + 1))
            .and_then(|j| self.word(j)?.year());
        starts.then_some((year.or(anchor_year)?, m))
    }

    /// The year and month its sentence last wrote in full ("2011년 7월")
    /// before word `i`, looking no further back than the sentence's start (a
    /// line's, or a full stop after 다).
    fn sentence_month(&self, i: usize) -> Option<(i32, u32)> {
        let glued = |j: usize| self.gap(j).trim().is_empty();
        for j in (2..i).rev() {
            let gap = self.gap(j + 1);
            if gap.contains('\n') || (gap.trim_start().starts_with('.') && self.lower(j).ends_with('다')) {
                return None;
            }
            let year_before = self.word(j - 1).is_some_and(|n| n.text.starts_with('년')) && glued(j - 1);
            if let (Some((_, m)), Some(y)) = (self.korean_month(j), self.word(j - 2).and_then(Word::year)) {
                if year_before {
                    return Some((y, m));
                }
            }
        }
        None
    }

    /// `N일` at `i`: the day.
    pub(super) fn korean_day(&self, i: usize) -> Option<u32> {
        let d = self.word(i)?.day()?;
        let next = self.word(i + 1)?;
        (self.gap(i + 1).trim().is_empty()
            && next.text.starts_with('일')
            && !next.text.starts_with("일요일"))
        .then_some(d)
    }
}
