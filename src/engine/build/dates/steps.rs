//! Dates told from another date: the narrative's year moved on ("the
//! following year"), a month next or last ("December next"), the ordinal
//! weekday of a month ("the first Monday of December next"), years counted
//! back from the publication ("two years ago", "the past three years"), a
//! month told from the publication's ("last month", "le mois prochain",
//! "지난달"), and weekdays that recur ("every Monday").

use crate::engine::time::{civil_from_days, weekday, Precision, When};

use super::scan::{decide, Decided, Scan};
use super::words::{day_word, last_month, month, next_month, short_month, weekday_of, ym, Word};

/// The day of the month of a day number.
fn civil_day(day: i32) -> u32 {
    civil_from_days(day).2
}

impl<'t> Scan<'t> {
    /// A month told from the publication's at `i`: the words it takes and
    /// how many months on (−1 for "last month"). English "last month",
    /// "this month", "next month" (not "the last month" of a war: the final
    /// one); French "le mois dernier", "le mois prochain", "ce mois-ci";
    /// Korean 지난달, 이번 달, 다음 달 (with or without the space).
    pub(super) fn relative_month(&self, i: usize) -> Option<(usize, i32)> {
        let w = self.word(i)?;
        let step = |word: &str| match word {
            "last" | "dernier" | "passé" | "passe" | "지난" => Some(-1),
            "this" | "이번" => Some(0),
            "next" | "prochain" | "다음" => Some(1),
            _ => None,
        };
        // Not "the last month" of a war, "his last month in office".
        let owned = matches!(
            self.lower(i.wrapping_sub(1)),
            "the" | "his" | "her" | "its" | "their" | "my" | "our" | "your" | "a" | "one" | "that"
        );
        if self.lower(i + 1) == "month" && self.spaced(i + 1) && !owned {
            return step(&w.lower).map(|k| (2, k));
        }
        match (w.lower.as_str(), self.lower(i + 1), self.lower(i + 2)) {
            ("le", "mois", after) => return step(after).map(|k| (3, k)),
            ("ce", "mois", "ci") => return Some((3, 0)),
            _ => {}
        }
        for (glued, k) in [("지난달", -1), ("이번달", 0), ("다음달", 1)] {
            if w.text.starts_with(glued) {
                return Some((1, k));
            }
        }
        // 달 alone or with a particle: not 달러 (dollars), 달성 (achievement).
        let k = step(&w.lower)?;
        let month = self.word(i + 1).filter(|_| self.spaced(i + 1))?;
        let rest = month.text.strip_prefix('달')?;
        matches!(rest, "" | "에" | "에는" | "에도" | "의" | "은" | "부터" | "까지" | "도" | "말" | "초" | "중" | "께")
            .then_some((2, k))
    }

    /// A date with its month written short, a day or a year beside it:
    /// "Dec. 7, 1941", "Jan 12th 2021", "Sept. 2021", "12 Jan 2021", "7 déc.
    /// 1941"; "Sept. 11" in the publication's year. Without a number beside
    /// it ("Jan said", "in Mar") it is no month.
    pub(super) fn short_month_date(&self, i: usize, w: &Word<'t>, anchor_year: Option<i32>) -> Decided {
        // The gap after a short month: a full stop and a space, or a space
        // where no full stop is needed.
        let after_short = |j: usize, dot: bool| {
            let gap = self.gap(j);
            let rest = gap.strip_prefix('.');
            let spaced = |g: &str| !g.is_empty() && g.chars().all(char::is_whitespace);
            rest.is_some_and(spaced) || (!dot && spaced(gap))
        };
        if let Some((m, dot)) = short_month(w) {
            // Month first is English ("Dec. 7"): a lowercase "sept." before
            // a number is French for seven.
            if dot || !after_short(i + 1, dot) {
                return None;
            }
            if let Some(d) = self.word(i + 1).and_then(Word::day) {
                let at = i + 2 + usize::from(self.ordinal(i + 2));
                let gap = self.gap(at).trim();
                if let Some(y) = self.word(at).and_then(Word::year).filter(|_| gap == "," || gap.is_empty()) {
                    return decide(|| Some((at + 1 - i, When::day(y, m, d)?, false, 0.93)));
                }
                return decide(|| Some((at - i, When::day(anchor_year?, m, d)?, false, 0.75)));
            }
            let y = self.word(i + 1).and_then(Word::year)?;
            return decide(|| Some((2, When::month(y, m)?, false, 0.9)));
        }
        let d = w.day()?;
        let at = i + 1 + usize::from(self.ordinal(i + 1));
        let (m, dot) = self.word(at).and_then(short_month)?;
        if !self.spaced(at) {
            return None;
        }
        let after = at + 1;
        let year = self.word(after).and_then(Word::year);
        if let Some(y) = year.filter(|_| after_short(after, dot) || self.gap(after).trim() == ",") {
            return decide(|| Some((after + 1 - i, When::day(y, m, d)?, false, 0.93)));
        }
        // "12 déc." alone needs its full stop too.
        let stop = self.gap(after).starts_with('.');
        if dot && !stop {
            return None;
        }
        decide(|| Some((after - i, When::day(anchor_year?, m, d)?, false, 0.75)))
    }

    /// A month or a day told from the publication's: a month ("last
    /// month", see [`Scan::relative_month`]) or a day of it ("지난달 28일");
    /// a Korean day of the publication's month ("지난 3일", "오는 15일", a
    /// day with its time of day or "현지시간": "24일 오전", "5일(현지시간)");
    /// a weekday ("on Thursday", the last one on or before the publication
    /// day; "next Monday", "lundi prochain", the first after it; "last
    /// Monday", "jeudi dernier", the last before it; none that recurs:
    /// "every Monday"). Nothing without the publication's month (or day,
    /// for a weekday).
    pub(super) fn relative_day(&self, i: usize, w: &Word<'t>) -> Decided {
        let (year, month) = ym(self.anchor);
        let month_on = |k: i32| {
            let months = year? * 12 + month? as i32 - 1 + k;
            Some((months.div_euclid(12), months.rem_euclid(12) as u32 + 1))
        };
        if let Some((used, k)) = self.relative_month(i) {
            if let Some(d) = self.korean_day(i + used).filter(|_| self.spaced(i + used)) {
                return decide(|| Some((used + 2, When::day_in(month_on(k)?, d)?, true, 0.8)));
            }
            return decide(|| Some((used, When::month_in(month_on(k)?)?, true, 0.75)));
        }
        let pointer = match w.lower.as_str() {
            "지난" if self.spaced(i + 1) => Some(-1),
            "오는" if self.spaced(i + 1) => Some(1),
            _ => None,
        };
        let at = i + usize::from(pointer.is_some());
        if let Some(d) = self.korean_day(at) {
            let timed = (self.gap(at + 2).trim() == "(" && self.lower(at + 2).starts_with("현지"))
                || matches!(self.lower(at + 2), "오전" | "오후" | "밤" | "새벽" | "저녁" | "낮" | "아침");
            if pointer.is_none() && !timed {
                return None;
            }
            // Past unless said to come: a day after the publication's is
            // last month's, and one to come before it is next month's.
            let today = self.anchor.filter(|a| a.precision == Precision::Day).map(|a| civil_day(a.start));
            let k = match (pointer, today) {
                (Some(1), Some(t)) if d < t => 1,
                (Some(1), _) => 0,
                (_, Some(t)) if d > t => -1,
                _ => 0,
            };
            return decide(|| Some((at + 2 - i, When::day_in(month_on(k)?, d)?, true, 0.75)));
        }
        let wd = weekday_of(w)?;
        if self.recurring(i) {
            return Some(None);
        }
        let Some(a) = self.anchor.filter(|a| a.precision == Precision::Day) else {
            return Some(None);
        };
        let after = self.lower(i + 1);
        let next = matches!(self.lower(i.wrapping_sub(1)), "next" | "coming") || matches!(after, "prochain" | "prochaine");
        let last = self.lower(i.wrapping_sub(1)) == "last" || matches!(after, "dernier" | "dernière" | "derniere");
        let today = weekday(a.start);
        let day = if next {
            let on = (wd + 7 - today) % 7;
            a.start + if on == 0 { 7 } else { on as i32 }
        } else {
            let back = (today + 7 - wd) % 7;
            a.start - if back == 0 && last { 7 } else { back as i32 }
        };
        let used = 1 + usize::from(matches!(after, "prochain" | "prochaine" | "dernier" | "dernière" | "derniere"));
        let when = When {
            start: day,
            end: day,
            precision: Precision::Day,
        };
        decide(|| Some((used, when, true, 0.6)))
    }

    /// Whether the weekday at `i` recurs: "every Monday", "each Friday",
    /// "every other Tuesday", "every 2nd Monday", "chaque lundi".
    pub(super) fn recurring(&self, i: usize) -> bool {
        for back in 1..=3 {
            match self.lower(i.wrapping_sub(back)) {
                "every" | "each" | "chaque" => return true,
                "other" | "second" | "third" | "fourth" | "first" | "last" | "nd" | "st" | "rd" | "th" => {}
                between if between.chars().all(|c| c.is_ascii_digit()) && !between.is_empty() => {}
                _ => return false,
            }
        }
        false
    }

    /// A year told from the narrative's, not the publication's, at `i`:
    /// "the following year" (+1), "the year before" (−1), "l'année
    /// suivante", "이듬해". Not a date of its own (what it counts from is the
    /// story's), but the days and months after it are in that year.
    pub(super) fn narrative_step(&self, i: usize) -> Option<i32> {
        let w = self.word(i)?;
        let step = |word: &str| match word {
            "following" | "next" | "succeeding" | "suivante" | "suivant" => Some(1),
            "previous" | "preceding" | "précédente" | "précédent" | "precedente" | "precedent" => Some(-1),
            _ => None,
        };
        match w.lower.as_str() {
            // the following year · the year after · the year before
            "the" if self.lower(i + 2) == "year" => step(self.lower(i + 1)),
            "the" if self.lower(i + 1) == "year" => match self.lower(i + 2) {
                "after" => Some(1),
                "before" => Some(-1),
                _ => None,
            },
            // a year later · a year earlier
            "a" if self.lower(i + 1) == "year" => match self.lower(i + 2) {
                "later" => Some(1),
                "earlier" => Some(-1),
                _ => None,
            },
            // l'année suivante · l'an suivant · l'année précédente
            "l" if matches!(self.lower(i + 1), "année" | "annee" | "an") => step(self.lower(i + 2)),
            _ if w.text.starts_with("이듬해") => Some(1),
            _ => None,
        }
    }

    /// The month `m` a word before it points at: "last" April, "next" May
    /// (`Some(None)` when the publication date cannot place it).
    pub(super) fn month_pointed(&self, word: &str, m: u32) -> Option<Option<When>> {
        match word {
            "last" => Some(last_month(m, self.anchor)),
            "next" => Some(next_month(m, self.anchor)),
            _ => None,
        }
    }

    /// "next", "dernier" (not "next year") after a month at `i`: its month
    /// after or before the publication's, with the words used (one).
    /// ("August last" is read as August of the text's year, as "August" alone.)
    pub(super) fn month_next_or_last(&self, i: usize, m: u32) -> Option<(usize, Option<When>)> {
        if !self.spaced(i + 1) || matches!(self.lower(i + 2), "year" | "month" | "week") {
            return None;
        }
        match self.lower(i + 1) {
            "next" | "prochain" => Some((1, next_month(m, self.anchor))),
            "dernier" | "passé" => Some((1, last_month(m, self.anchor))),
            _ => None,
        }
    }

    /// The ordinal weekday of a month: "the 1st Monday of December next",
    /// "the first Tuesday in November 1860", "le premier lundi de mai".
    pub(super) fn weekday_of_month(&self, i: usize, w: &Word<'t>, anchor_year: Option<i32>) -> Decided {
        let (n, skip) = match (w.day(), day_word(&w.lower)) {
            (Some(n), _) if self.ordinal(i + 1) => (n, 1),
            (_, Some(n)) => (n, 0),
            _ => return None,
        };
        let wd = self.word(i + 1 + skip).and_then(weekday_of)?;
        let at = i + 3 + skip;
        let joined = (i + 1 + skip..=at).all(|j| self.spaced(j));
        if !(1..=5).contains(&n) || !joined || !matches!(self.lower(i + 2 + skip), "of" | "in" | "de" | "d" | "en") {
            return None;
        }
        let (m, _) = self.word(at).and_then(month)?;
        // Its year: written, "next" or "dernier", "next year", or the text's.
        let (used, month_when, relative) =
            if let Some(y) = self.word(at + 1).and_then(Word::year).filter(|_| self.spaced(at + 1)) {
                (1, When::month(y, m), false)
            } else if let Some((used, when)) = self.month_next_or_last(at, m) {
                (used, when, true)
            } else if let Some((used, k)) = self.relative_year(at + 1).filter(|_| self.spaced(at + 1)) {
                (used, ym(self.anchor).0.and_then(|y| When::month(y + k, m)), true)
            } else {
                (0, anchor_year.and_then(|y| When::month(y, m)), false)
            };
        decide(|| {
            let month_when = month_when?;
            let first = month_when.start;
            let day = first + ((wd + 7 - weekday(first)) % 7 + 7 * (n - 1)) as i32;
            let when = When { start: day, end: day, precision: Precision::Day };
            (day <= month_when.end).then_some((at + 1 + used - i, when, relative, 0.85))
        })
    }

    /// Years counted back from the publication's at `i`: "two years ago",
    /// "a year ago", "il y a trois ans", "3년 전" (that year), and "the past
    /// two years", "the last five years" (the span ending where "the past
    /// year" does, see [`Scan::relative_year`], when the publication's month
    /// is known).
    pub(super) fn years_back(&self, i: usize, w: &Word<'t>, published: Option<i32>) -> Decided {
        let (used, back) = self.counted_back(i, w)?;
        let n = match back {
            Back::Years(n) | Back::Span(n) => n,
        };
        if !(1..=100).contains(&n) || !(1..used).all(|j| self.spaced(i + j) || self.lower(i + j).starts_with('년')) {
            return None;
        }
        decide(|| {
            let y = published?;
            let when = match back {
                Back::Years(n) => When::year(y - n),
                Back::Span(n) => {
                    // Which years "the past two years" cover depends on how
                    // far into its year the text is: unknown, it names none.
                    let young = ym(self.anchor).1? <= 6;
                    let end = y - i32::from(young);
                    When::years(end - n + 1, end)?
                }
            };
            Some((used, when, true, 0.75))
        })
    }

    /// The words at `i` that count years back, and how many they use.
    fn counted_back(&self, i: usize, w: &Word<'t>) -> Option<(usize, Back)> {
        let next = |k: usize| self.lower(i + k);
        if let (Some(n), "years" | "year", "ago") = (count(&w.lower), next(1), next(2)) {
            return Some((3, Back::Years(n)));
        }
        if let ("il", "y", "a", Some(n), "ans" | "an") =
            (w.lower.as_str(), next(1), next(2), self.word(i + 3).and_then(|n| count(&n.lower)), next(4))
        {
            return Some((5, Back::Years(n)));
        }
        // 3년 전 · 3년 전에 · 3년전부터 (a particle may follow).
        let before = |word: &str| word == "전" || ["전에", "전부터", "전의", "전까지"].iter().any(|p| word.starts_with(p));
        if let Some(n) = w.digits().filter(|_| w.text.len() <= 2 && self.gap(i + 1).is_empty()) {
            let n = n as i32;
            return match next(1).strip_prefix('년') {
                Some(rest) if !rest.is_empty() && before(rest) => Some((2, Back::Years(n))),
                Some("") if before(next(2)) => Some((3, Back::Years(n))),
                _ => None,
            };
        }
        // "The last ten years of his life" are his, not the text's.
        if let ("past" | "last", Some(n), "years") = (w.lower.as_str(), self.word(i + 1).and_then(|n| count(&n.lower)), next(2)) {
            return (!matches!(next(3), "of" | "de" | "d")).then_some((3, Back::Span(n)));
        }
        None
    }
}

/// Years counted back from the publication's.
#[derive(Clone, Copy)]
enum Back {
    /// That many years before ("two years ago").
    Years(i32),
    /// The span of that many years now ending ("the past two years").
    Span(i32),
}

/// A count of years written as a number or a word: 3, "three", "a", "trois".
fn count(lower: &str) -> Option<i32> {
    const EN: &[&str] = &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    const FR: &[&str] = &["un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"];
    let word = |names: &[&str]| names.iter().position(|n| *n == lower).map(|p| p as i32 + 1);
    match lower {
        "a" | "une" => Some(1),
        _ if lower.len() <= 2 && lower.bytes().all(|b| b.is_ascii_digit()) => lower.parse().ok(),
        _ => word(EN).or_else(|| word(FR)),
    }
}
