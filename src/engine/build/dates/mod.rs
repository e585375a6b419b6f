//! Dates in text, at build time: temporal expressions in English, French and
//! Korean, resolved against the publication date where they are relative,
//! and each section's publication date (stated, or inferred and marked so).
//!
//! Recognised, with the [`Precision`] they get:
//! ```text
//! day     2023-03-14 · 25/6/2019 · June 18, 2019 · June 18 · 18 June · le 25 avril · 1er mai 2025
//!         Dec. 7, 1941 · 12 Jan 2021 · 7 déc. 1941 · 2026년 1월 15일 · 1월 15일
//!         on Thursday · jeudi · 월요일 (relative: the last one) · next Monday · lundi prochain
//!         지난 3일 · 오는 15일 · 지난달 28일 · 5일(현지시간) · 24일 오전 (relative: in the publication's month)
//! month   March 2021 · in June · fin avril · avril 2025 · 2026년 1월 · last May · mai dernier · 지난 8월
//!         June last year · April this year · October next year · Sept. 2021
//!         last month · le mois prochain · ce mois-ci · 지난달 · 다음 달 (relative)
//! year    2017 · en 2022 · by 2035 · 2035년까지 · this year · last year · l'an dernier · 올해 · 작년 · 내년
//! range   2026–2030 · 2007~2011년 · 2026년부터 2030년까지
//! ```
//! A range written with words ("from 1961 to 1989", « de 1715 à 1723 »,
//! "between 1930 and 1931") is read as its two years, as a reader marks it
//! and as day ranges are ("from July 18th to July 20th").
//! Not dates: 5G, 145%, RMB 10 billion, 2,000 firms, 150-inch, 1.7 million,
//! 5개년, "May Tse" (a name), "may" (a verb): an English month name alone
//! needs a capital and a cue word before it (in, since, by, last …); a short
//! month needs a number beside it ("Jan said"); a weekday that recurs
//! ("every Monday"); "his last month in office"; 3일간 (a duration).

use std::ops::Range;

mod eras;
mod scan;
mod steps;
mod words;
mod year_rows;

use crate::engine::time::{Precision, When};

use super::input::DocInput;
use scan::Scan;
use words::words;
pub(super) use words::is_calendar_word;
pub use year_rows::{is_year_row, line_years};


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

/// Every temporal expression in `text`, relative ones resolved against
/// `anchor` (the publication date; without one they are left out).
pub fn find(text: &str, anchor: Option<When>) -> Vec<Expression> {
    let mut scan = Scan {
        text,
        w: words(text),
        anchor,
        narrative: None,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < scan.w.len() {
        match scan.at(i) {
            Some(found) => {
                if !found.relative && found.when.precision <= Precision::Year {
                    scan.narrative = Some(found.when.first_year());
                }
                let last = &scan.w[i + found.words - 1];
                out.push(Expression {
                    bytes: scan.w[i].start..last.end,
                    when: found.when,
                    relative: found.relative,
                    confidence: found.confidence,
                });
                i += found.words;
            }
            None => {
                // "The following year" moves the narrative on (a text with
                // a publication date reads "the next year" from that).
                if let (Some(k), Some(year), None) = (scan.narrative_step(i), scan.narrative, anchor) {
                    scan.narrative = Some(year + k);
                }
                i += 1;
            }
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

    /// (words, date) of every expression found (leaked: a test's strings).
    fn found(text: &str, anchor: &str) -> Vec<(&'static str, &'static str)> {
        let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        values(text, anchor).into_iter().map(|v| (leak(v.0), leak(v.1))).collect()
    }

    fn just(text: &str, anchor: &str) -> Vec<String> {
        values(text, anchor).into_iter().map(|v| v.1).collect()
    }

    #[test]
    fn years_counted_back_from_the_publication() {
        let v = values(
            "Two years ago we met; one year ago today, war. Il y a trois ans, la crise. 3년 전 개정. \
             Over the past two years and the last 10 years. 2000 years ago, and 1500 years of history.",
            "1944-08",
        );
        let got: Vec<(&str, &str)> = v.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        assert_eq!(
            got,
            [
                ("Two years ago", "1942"),
                ("one year ago", "1943"),
                ("Il y a trois ans", "1941"),
                ("3년 전", "1941"),
                ("past two years", "1943/1944"),
                ("last 10 years", "1935/1944"),
            ]
        );
        assert!(v.iter().all(|x| x.2), "relative");
        // Early in a year, its past years end with the one before; in a
        // text dated only to its year, they are unknown.
        assert_eq!(just("in the past three years", "2024-02-10"), ["2021/2023"]);
        assert_eq!(just("in the past three years, two years ago", "2024"), ["2022"]);
        // The last years of a life or a war are theirs, not the text's.
        assert_eq!(just("He spent the last ten years of his life in Paris.", "2024-08"), Vec::<String>::new());
        assert_eq!(just("3년 전에 개정, 2년전부터 시행", "2024"), ["2021", "2022"]);
        // Without a publication date they are no date.
        assert_eq!(just("two years ago", ""), Vec::<String>::new());
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
                "2026",
                "2030",
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
    fn korean_days_of_the_month_and_weekdays_to_come() {
        let text = "지난 3일 부두를 열었다. 오는 15일 기념식. 지난달 28일 발표. 5일(현지시간) 발표. 24일 오전 회의. 3일간 쉬었다. \
                    Le maire parlera lundi prochain; jeudi dernier, rien. Next Monday too.";
        assert_eq!(
            found(text, "2021-03-10"),
            [
                ("지난 3일", "2021-03-03"),
                ("오는 15일", "2021-03-15"),
                ("지난달 28일", "2021-02-28"),
                ("5일", "2021-03-05"),
                ("24일", "2021-02-24"),
                ("lundi prochain", "2021-03-15"),
                ("jeudi dernier", "2021-03-04"),
                ("Monday", "2021-03-15"),
            ]
        );
    }

    #[test]
    fn a_month_told_from_the_publication_and_weekdays_that_recur() {
        let text = "Exports rose last month and will fall next month. Le mois dernier, rien; ce mois-ci, tout. \
                    지난달 수출, 다음 달에는 회의. Meetings are held every 2nd Monday and each Friday; chaque lundi aussi.";
        assert_eq!(
            found(text, "2023-01-14"),
            [
                ("last month", "2022-12"),
                ("next month", "2023-02"),
                ("Le mois dernier", "2022-12"),
                ("ce mois-ci", "2023-01"),
                ("지난달", "2022-12"),
                ("다음 달에는", "2023-02"),
            ]
        );
        // Without the publication's month there is nothing to count from;
        // "the last month" of something is its final month.
        assert_eq!(just("Exports rose last month.", "2023"), Vec::<String>::new());
        assert_eq!(just("In the last month of the war, troops left.", "1945-09-02"), Vec::<String>::new());
        assert_eq!(just("다음 달러 환율, 이번 달성률", "2023-01-14"), Vec::<String>::new());
        assert_eq!(just("In his last month in office, he signed.", "2023-01-14"), Vec::<String>::new());
    }

    #[test]
    fn months_written_short_beside_a_number_and_years_through_years() {
        assert_eq!(
            just("Dec. 7, 1941; Jan 12th 2021; 12 Jan 2021; Sept. 2021; le 7 déc. 1941; from 2001 through 2005", "2023"),
            ["1941-12-07", "2021-01-12", "2021-01-12", "2021-09", "1941-12-07", "2001", "2005"]
        );
        // A short month with no number beside it is a name or a word.
        assert_eq!(just("Jan said the Dec report from Mar del Plata was late.", "2023"), Vec::<String>::new());
        assert_eq!(just("Sept. 11 changed things.", "2002-10-01"), ["2002-09-11"]);
        // French "sept." before a number is seven; "mar." is mardi.
        assert_eq!(just("Ils étaient sept. 12 sont partis, mar. 12 avril.", "2022-05-01"), ["2022-04-12"]);
    }

    #[test]
    fn the_first_day_of_a_range_takes_the_year_of_its_last() {
        assert_eq!(
            just("Protests ran from 15 April to 4 June 1989, then April 15 – June 4, 1990; du 31 janvier au 2 février 1945.", ""),
            ["1989-04-15", "1989-06-04", "1990-04-15", "1990-06-04", "1945-01-31", "1945-02-02"]
        );
        // With no year at its end, a range's first day has none either.
        assert_eq!(just("It ran from 15 April to 4 June.", ""), Vec::<String>::new());
    }

    #[test]
    fn a_korean_span_of_bare_days_is_in_the_month_its_sentence_stated() {
        assert_eq!(
            just("회의가 2011년 7월 24일부터 30일까지 열렸으며, 캠프가 17일부터 23일까지 이를 선행했다. 캠프가 5일부터 9일까지 열렸다.", ""),
            ["2011-07-24", "2011-07-30", "2011-07-17", "2011-07-23"]
        );
    }

    #[test]
    fn french_dates() {
        assert_eq!(
            just("visite le 25 avril, fin avril, depuis 2022, le 1er mai 2025, en janvier, l'an dernier, entre 2026 et 2030, mai dernier", "2025-04"),
            ["2025-04-25", "2025-04", "2022", "2025-05-01", "2025-01", "2024", "2026", "2030", "2024-05"]
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
        assert_eq!(just("on September the 11th, 2001, and August the 3rd", "2004"), ["2001-09-11", "2004-08-03"]);
    }

    #[test]
    fn a_korean_span_of_days_ends_in_its_first_day_s_month() {
        assert_eq!(
            just("회의는 2003년 7월 18일부터 20일까지 열렸고, 6월 2일부터 5일까지도 모였다. 2010 년 8 월에 발표했다.", "2004"),
            ["2003-07-18", "2003-07-20", "2004-06-02", "2004-06-05", "2010-08"]
        );
    }

    #[test]
    fn centuries_and_years_before_1000() {
        assert_eq!(
            found("An empire of the 15th and 16th centuries, since the eleventh century; 16th-century Frankfurt.", ""),
            [("15th", "1400/1499"), ("16th centuries", "1500/1599"), ("eleventh century", "1000/1099"), ("16th-century", "1500/1599")]
        );
        assert_eq!(just("Une influence aux XVIIIe et XIXe siècles, puis au XXIe siècle.", ""), ["1700/1799", "1800/1899", "2000/2099"]);
        assert_eq!(
            found("Il meurt le 28 janvier 814 ; roi en 774 et empereur depuis 800. Rome tomba in 476.", ""),
            [("28 janvier 814", "0814-01-28"), ("774", "0774"), ("800", "0800"), ("476", "0476")]
        );
        // Before the common era, in astronomical years (480 BC is -0479).
        assert_eq!(
            found("Le Ve siècle av. J.-C., de 480 av. J.-C. à 323 av. J.-C.; Alexander died in 323 BC, Caesar in 44 B.C.", ""),
            [
                ("Ve siècle av. J.-C", "-0499/-0400"),
                ("480 av. J.-C", "-0479"),
                ("323 av. J.-C", "-0322"),
                ("323 BC", "-0322"),
                ("44 B.C", "-0043"),
            ]
        );
        // An age and amounts: no date.
        let none = "We enter our third century; in 800 ships; 3 mai 500 personnes.";
        assert!(!just(none, "").iter().any(|d| d.starts_with('0') || d.contains("/0")), "{:?}", just(none, ""));
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
    fn spans_of_days_and_months_sharing_a_year() {
        assert_eq!(
            values("from 24 to 30 July 2011, du 5 au 9 juillet 2000, 1–6 July 1999, entre août et décembre 1993", ""),
            [
                ("24".to_owned(), "2011-07-24".to_owned(), false),
                ("30 July 2011".to_owned(), "2011-07-30".to_owned(), false),
                ("5".to_owned(), "2000-07-05".to_owned(), false),
                ("9 juillet 2000".to_owned(), "2000-07-09".to_owned(), false),
                ("1".to_owned(), "1999-07-01".to_owned(), false),
                ("6 July 1999".to_owned(), "1999-07-06".to_owned(), false),
                ("août".to_owned(), "1993-08".to_owned(), false),
                ("décembre 1993".to_owned(), "1993-12".to_owned(), false),
            ]
        );
    }

    #[test]
    fn a_text_without_a_publication_date_dates_days_by_its_narrative() {
        // The last year stated dates a day written without one…
        assert_eq!(
            just("DebConf11 ran from 24 to 30 July 2011. DebConf12 was in July 2012, with a Debian Day on 7 July.", ""),
            ["2011-07-24", "2011-07-30", "2012-07", "2012-07-07"]
        );
        // …but never a relative date, which needs the publication date.
        assert_eq!(just("In 1990 it began. This year it ends, and last May.", ""), ["1990"]);
        // A publication date wins over the narrative.
        assert_eq!(just("In 1990 it began; on 7 July it ended.", "2024"), ["1990", "2024-07-07"]);
        // "The following year" moves the narrative on, and back.
        assert_eq!(
            just("It formed in 1775. The following year, it met on July 2nd; the year before, on 3 May.", ""),
            ["1775", "1776-07-02", "1775-05-03"]
        );
        assert_eq!(just("Fondée en 1642. L'année suivante, le 3 mai, elle brûla.", ""), ["1642", "1643-05-03"]);
    }

    #[test]
    fn months_next_and_last_and_a_weekday_of_a_month() {
        // Official prose: "December next", "the 1st day of January next",
        // "the first Monday of December next" (1 December 1800 was a Monday),
        // "the 19th of last April", "last August the 11th".
        assert_eq!(
            just(
                "Congress meets on the 1st Monday of December next; the law holds from the 1st day of January next. \
                 It began on the 19th of last April and ended last August the 11th.",
                "1799-12-02"
            ),
            ["1800-12-01", "1800-01-01", "1799-04-19", "1799-08-11"]
        );
        // A written year is no relative date, and moves the narrative on.
        assert_eq!(
            values("elected on the first Tuesday in November 1860; on November 20 he spoke.", ""),
            [
                ("first Tuesday in November 1860".to_owned(), "1860-11-06".to_owned(), false),
                ("November 20".to_owned(), "1860-11-20".to_owned(), false),
            ]
        );
        assert!(values("the 1st Monday of December next", "1799-12-02")[0].2, "counted from the publication");
        assert!(values("last August the 11th", "1799-12-02")[0].2, "counted from the publication");
        // Not across a sentence's end.
        assert_eq!(just("He came on the first Monday. In May 2020 he left.", ""), ["2020-05"]);
        // A fifth weekday a month does not have is no day: the month is left.
        assert_eq!(just("the fifth Monday of February 2021", ""), ["2021-02"]);
    }

    #[test]
    fn the_past_year_is_the_twelve_months_now_ending() {
        assert_eq!(
            values("The past year has been one of peace; last year was not. The ensuing year will tell.", "1871"),
            [
                ("past year".to_owned(), "1871".to_owned(), true),
                ("last year".to_owned(), "1870".to_owned(), true),
                ("ensuing year".to_owned(), "1872".to_owned(), true),
            ]
        );
        // Early in a year, the twelve months now ending are mostly last year's.
        assert_eq!(just("over the past year", "2024-02-10"), ["2023"]);
    }

    #[test]
    fn amounts_that_look_like_years_are_not_dates() {
        let text = "The debt increased from 2100 to 3800 dollars. There were 1200 men and 2500 tons. \
                    Between 1500 and 4000 were lost. Article 1803 applies. No. 1999 was filed. \
                    It offered plus de 1500 paquets, more than 2000 packages, environ 1800 pages. \
                    Resolution 1973 passed; see p. 1850. 유엔 안보리결의 1838호, 예산 2000만 원, 1500건.";
        assert_eq!(values(text, "1850"), Vec::new());
        // A cue word makes an early year a year.
        assert_eq!(just("in 1200 the town was founded", ""), ["1200"]);
        // A Korean year is glued to its particle, not to a counter.
        assert_eq!(just("2011에 시행, 2012까지 연장", ""), ["2011", "2012"]);
        // A word that only starts with a counter's syllable is no counter.
        assert_eq!(just("2020회계연도 결산, 2015개정 교육과정", ""), ["2020", "2015"]);
        assert_eq!(just("1500건의 신고, 2000만원", ""), Vec::<String>::new());
    }

    #[test]
    fn quantities_names_and_verbs_are_not_dates() {
        let text = "5G networks, 145%, RMB 10 billion, 2,000 firms, a 150-inch screen, 1.7 million people, 5개년 계획, \
                    Photo: May Tse. Prices may march up. 2500 5G base stations. 160km/h. $2019.";
        assert_eq!(values(text, "2019-06-25"), Vec::new());
    }
}
