//! Calendar values: a span of days with the precision it was stated in.
//! Shared by the date extractor (build time), the index and the timeline.
//!
//! Days are counted from 1970-01-01 (proleptic Gregorian), so spans compare
//! and overlap as integers.

use std::fmt;

/// How precisely a date was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// A day: 25 June 2019.
    Day = 0,
    /// A month: March 2021.
    Month = 1,
    /// A year: 2017.
    Year = 2,
    /// A span of years: 2026–2030.
    Range = 3,
}

impl Precision {
    /// From its stored byte.
    pub fn from_u8(b: u8) -> Option<Self> {
        [
            Precision::Day,
            Precision::Month,
            Precision::Year,
            Precision::Range,
        ]
        .into_iter()
        .find(|p| *p as u8 == b)
    }

    /// Its name in exports and the CLI's JSON: `day`, `month`, `year`, `range`.
    pub fn name(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Range => "range",
        }
    }
}

/// A span of days, first and last inclusive, as precise as it was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct When {
    /// First day.
    pub start: i32,
    /// Last day (inclusive).
    pub end: i32,
    /// How it was stated.
    pub precision: Precision,
}

/// The first day a date may be: -9999-01-01 (astronomical years: 1 BC is
/// year 0, 480 BC is -0479).
pub const FIRST_DAY: i32 = -4_371_587;
/// The last day a date may be: 9999-12-31.
pub const LAST_DAY: i32 = 2_932_896;

/// Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm, the
/// proleptic Gregorian calendar), for years -9999 to 9999 (others are
/// brought into that range).
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = y.clamp(-9999, 9999);
    let (m, d) = (m.clamp(1, 12), d.clamp(1, 31));
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number (days outside years -9999 to 9999 are
/// brought to the nearest end of that range).
pub fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z.clamp(FIRST_DAY, LAST_DAY) + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i32::from(m <= 2), m, d)
}

/// Days in a month.
pub fn month_days(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Day of the week, 0 = Monday … 6 = Sunday.
pub fn weekday(day: i32) -> u32 {
    // 1970-01-01 was a Thursday (3).
    (day + 3).rem_euclid(7) as u32
}

impl When {
    /// One day, if it exists.
    pub fn day(y: i32, m: u32, d: u32) -> Option<Self> {
        ((1..=12).contains(&m) && d >= 1 && d <= month_days(y, m)).then(|| {
            let n = days_from_civil(y, m, d);
            When {
                start: n,
                end: n,
                precision: Precision::Day,
            }
        })
    }

    /// Day `d` of a (year, month).
    pub fn day_in((y, m): (i32, u32), d: u32) -> Option<Self> {
        When::day(y, m, d)
    }

    /// A (year, month) as a month.
    pub fn month_in((y, m): (i32, u32)) -> Option<Self> {
        When::month(y, m)
    }

    /// One month, if it exists.
    pub fn month(y: i32, m: u32) -> Option<Self> {
        (1..=12).contains(&m).then(|| When {
            start: days_from_civil(y, m, 1),
            end: days_from_civil(y, m, month_days(y, m)),
            precision: Precision::Month,
        })
    }

    /// One year.
    pub fn year(y: i32) -> Self {
        When {
            start: days_from_civil(y, 1, 1),
            end: days_from_civil(y, 12, 31),
            precision: Precision::Year,
        }
    }

    /// The years `from` to `to`, inclusive, if in order.
    pub fn years(from: i32, to: i32) -> Option<Self> {
        (from < to).then(|| When {
            start: days_from_civil(from, 1, 1),
            end: days_from_civil(to, 12, 31),
            precision: Precision::Range,
        })
    }

    /// Year of the first day.
    pub fn first_year(&self) -> i32 {
        civil_from_days(self.start).0
    }

    /// Whether two spans share a day.
    pub fn overlaps(&self, other: &When) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYY/YYYY`.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        if let Some((a, b)) = s.split_once('/') {
            return When::years(year4(a)?, year4(b)?);
        }
        // (A year before the common era starts with a minus: -0479-03.)
        let (sign, s) = s.strip_prefix('-').map_or((1, s), |rest| (-1, rest));
        let parts: Vec<&str> = s.split('-').collect();
        let year4 = |p: &str| year4(p).map(|y| sign * y);
        let num = |p: &str, len: usize| {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse::<u32>().ok())
                .flatten()
        };
        match parts.as_slice() {
            [y] => Some(When::year(year4(y)?)),
            [y, m] => When::month(year4(y)?, num(m, 2)?),
            [y, m, d] => When::day(year4(y)?, num(m, 2)?, num(d, 2)?),
            _ => None,
        }
    }
}

/// Four digits, after a minus for a year before the common era.
fn year4(s: &str) -> Option<i32> {
    let (sign, digits) = s.strip_prefix('-').map_or((1, s), |d| (-1, d));
    (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse::<i32>().ok())
        .flatten()
        .map(|y| sign * y)
}

/// A span of days as a reader reads it: "2019-01-01 – 2020-06-30", or
/// "from 2019-01-01" / "until 2020-06-30" when one end is open (at
/// [`FIRST_DAY`] or [`LAST_DAY`]).
pub fn span_label(first: i32, last: i32) -> String {
    let day = |d: i32| {
        When {
            start: d,
            end: d,
            precision: Precision::Day,
        }
        .to_string()
    };
    match (first <= FIRST_DAY, last >= LAST_DAY) {
        (true, true) => "any date".to_owned(),
        (false, true) => format!("from {}", day(first)),
        (true, false) => format!("until {}", day(last)),
        (false, false) => format!("{} – {}", day(first), day(last)),
    }
}

/// Years between two labels of a time axis spanning `years` years: the
/// smallest of 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500 that leaves at
/// most ten labels, so a decade and three centuries both read well.
pub fn year_step(years: f32) -> i32 {
    const STEPS: [i32; 11] = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500];
    STEPS
        .into_iter()
        .find(|&s| years / s as f32 <= 10.0)
        .unwrap_or(1000)
}

/// A year in four digits, after a minus before the common era (ISO 8601's
/// astronomical years: -0479 is 480 BC).
struct Year(i32);

impl fmt::Display for Year {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            y if y < 0 => write!(f, "-{:04}", -y),
            y => write!(f, "{y:04}"),
        }
    }
}

/// `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `YYYY/YYYY`, as precise as stated.
impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = civil_from_days(self.start);
        match self.precision {
            Precision::Day => write!(f, "{}-{m:02}-{d:02}", Year(y)),
            Precision::Month => write!(f, "{}-{m:02}", Year(y)),
            Precision::Year => write!(f, "{}", Year(y)),
            Precision::Range => write!(f, "{}/{}", Year(y), Year(civil_from_days(self.end).0)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_before_the_common_era_round_trip() {
        for text in ["-0479", "-0479-03-15", "-0499/-0400", "0476", "-9999-01"] {
            assert_eq!(When::parse(text).map(|w| w.to_string()).as_deref(), Some(text), "{text}");
        }
        assert_eq!(civil_from_days(days_from_civil(-479, 3, 15)), (-479, 3, 15));
        assert_eq!(When::parse("--0479"), None);
    }

    #[test]
    fn day_numbers_round_trip_and_weekdays_are_right() {
        for (y, m, d) in [
            (1970, 1, 1),
            (2019, 6, 25),
            (2024, 2, 29),
            (2035, 12, 31),
            (1900, 3, 1),
        ] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        // 2026-01-15 is a Thursday; 2023-03-14 a Tuesday.
        assert_eq!(weekday(days_from_civil(2026, 1, 15)), 3);
        assert_eq!(weekday(days_from_civil(2023, 3, 14)), 1);
    }

    #[test]
    fn the_ends_of_the_calendar_hold() {
        assert_eq!(days_from_civil(-9999, 1, 1), FIRST_DAY);
        assert_eq!(days_from_civil(9999, 12, 31), LAST_DAY);
        // Far outside the range: the nearest end, never an overflow.
        assert_eq!(civil_from_days(i32::MAX), (9999, 12, 31));
        assert_eq!(civil_from_days(i32::MIN), (-9999, 1, 1));
        assert_eq!(days_from_civil(i32::MAX, 99, 99), LAST_DAY);
        assert_eq!(span_label(days_from_civil(2019, 1, 1), LAST_DAY), "from 2019-01-01");
        assert_eq!(span_label(FIRST_DAY, days_from_civil(2021, 6, 30)), "until 2021-06-30");
        assert_eq!(
            span_label(days_from_civil(1803, 4, 30), days_from_civil(1803, 12, 20)),
            "1803-04-30 – 1803-12-20"
        );
    }

    #[test]
    fn axis_labels_stay_about_ten_at_any_span() {
        assert_eq!(year_step(8.0), 1);
        assert_eq!(year_step(24.0), 5);
        assert_eq!(year_step(190.0), 20);
        assert_eq!(year_step(1200.0), 200);
        for span in [3.0, 30.0, 300.0, 3000.0] {
            assert!(span / year_step(span) as f32 <= 10.0);
        }
    }

    #[test]
    fn values_parse_and_print_as_stated() {
        for v in ["2019-06-25", "2021-03", "2017", "2026/2030"] {
            assert_eq!(When::parse(v).unwrap().to_string(), v);
        }
        assert_eq!(When::parse("2019-02-30"), None);
        assert_eq!(When::parse("2030/2026"), None);
        assert_eq!(When::parse("19"), None);
        let march = When::parse("2021-03").unwrap();
        assert!(march.overlaps(&When::parse("2021").unwrap()));
        assert!(!march.overlaps(&When::parse("2021-04-01").unwrap()));
    }
}
