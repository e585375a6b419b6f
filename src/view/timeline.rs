//! The timeline's geometry: the drawing's layout, the scale from days to
//! SVG units and back, the axis ticks, the density histogram, the packing of
//! mentioned dates into lanes, the brush, zoom and pan.
//!
//! Days are counted from 1970-01-01 (see [`crate::engine::time`]); a view is
//! a half-open span of days `(lo, hi)`.

use std::collections::BTreeMap;

use crate::engine::Event;
use crate::engine::time::{civil_from_days, days_from_civil, year_step, Precision};

/// Width of the drawing in SVG units: about its width in pixels beside the
/// map, so text and marks keep their size.
pub const W: f32 = 440.0;
/// Lanes of mentioned dates before the rest only count in the histogram.
pub const LANES: usize = 8;
/// Where the axis starts (left of it: the lanes' labels).
pub const LEFT: f32 = 62.0;
/// Where the axis ends: the drawing's width less a margin.
pub const RIGHT: f32 = W - 10.0;
/// Middle of the publication dates' lane.
pub const PUB_Y: f32 = 16.0;
/// Middle of the first lane of mentioned dates.
pub const LANE_Y: f32 = 38.0;
/// Height of a lane.
pub const LANE_H: f32 = 12.0;
/// Top of the histogram.
pub const HIST_Y: f32 = LANE_Y + LANES as f32 * LANE_H;
/// Height of the histogram's tallest bin.
pub const HIST_H: f32 = 30.0;
/// The axis line.
pub const AXIS_Y: f32 = HIST_Y + HIST_H + 2.0;
/// Height of the drawing.
pub const H: f32 = AXIS_Y + 18.0;
/// Bins of the density histogram.
pub const BINS: usize = 60;
/// A brush narrower than this (SVG units) is a click, not a span.
pub const MIN_BRUSH: f32 = 6.0;

/// The days of the corpus's dates (`(first, last)` of each), padded to
/// whole years: the timeline's stable axis. `None` when there are none.
pub fn domain(spans: impl IntoIterator<Item = (i32, i32)>) -> Option<(i32, i32)> {
    let (lo, hi) = spans
        .into_iter()
        .fold((i32::MAX, i32::MIN), |(lo, hi), (a, b)| {
            (lo.min(a), hi.max(b))
        });
    if lo > hi {
        None
    } else {
        let (y0, y1) = (civil_from_days(lo).0, civil_from_days(hi).0);
        Some((days_from_civil(y0, 1, 1), days_from_civil(y1 + 1, 1, 1)))
    }
}

/// The mapping between the days in view and the drawing's x axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    /// First day in view.
    pub lo: i32,
    /// End of the view (exclusive).
    pub hi: i32,
}

impl Scale {
    /// The scale of a view `(lo, hi)`.
    pub fn new((lo, hi): (i32, i32)) -> Self {
        Scale { lo, hi }
    }

    /// Where `day` starts on the axis, in SVG units.
    pub fn x(&self, day: i32) -> f32 {
        LEFT + (day - self.lo) as f32 / (self.hi - self.lo).max(1) as f32 * (RIGHT - LEFT)
    }

    /// The day at `px` SVG units along the axis (nearest day boundary).
    pub fn day_at(&self, px: f32) -> i32 {
        self.lo + ((px - LEFT) / (RIGHT - LEFT) * (self.hi - self.lo) as f32).round() as i32
    }

    /// Whether a date `(first, last)` is at least partly in view.
    pub fn shows(&self, first: i32, last: i32) -> bool {
        last >= self.lo && first <= self.hi
    }
}

/// The days a brush dragged from `a` to `b` (SVG units, either way round)
/// selects, clamped to the axis; `None` when it is too narrow to be meant.
pub fn brush_days(scale: Scale, a: f32, b: f32) -> Option<(i32, i32)> {
    let (a, b) = (a.min(b).max(LEFT), a.max(b).min(RIGHT));
    (b - a >= MIN_BRUSH).then(|| (scale.day_at(a), scale.day_at(b)))
}

/// How a brushed span is written in the query: whole years when it is
/// years wide, months when months wide, else days.
pub fn brushed(lo: i32, hi: i32) -> (String, String) {
    let (a, b) = (civil_from_days(lo), civil_from_days(hi));
    if hi - lo >= 2 * 365 {
        (format!("{:04}", a.0), format!("{:04}", b.0))
    } else if hi - lo >= 60 {
        (
            format!("{:04}-{:02}", a.0, a.1),
            format!("{:04}-{:02}", b.0, b.1),
        )
    } else {
        (
            format!("{:04}-{:02}-{:02}", a.0, a.1, a.2),
            format!("{:04}-{:02}-{:02}", b.0, b.1, b.2),
        )
    }
}

/// How a date is described: its kind, as in the list and the tooltips.
pub fn kind_word(e: &Event) -> &'static str {
    match (e.published, e.inferred, e.when.precision) {
        (true, true, _) => "published (inferred)",
        (true, false, _) => "published",
        (false, _, Precision::Day) => "day",
        (false, _, Precision::Month) => "month",
        (false, _, Precision::Year) => "year",
        (false, _, Precision::Range) => "range",
    }
}

/// The view scaled by `f` around its middle, kept within the corpus's span
/// and at least two months wide.
pub fn zoom(view: (i32, i32), domain: Option<(i32, i32)>, f: f32) -> (i32, i32) {
    let Some(full) = domain else { return view };
    let mid = (view.0 + view.1) / 2;
    let half = (((view.1 - view.0) as f32 * f) / 2.0).round() as i32;
    if 2 * half >= full.1 - full.0 {
        // Out as far as it goes: the whole span, exactly.
        return full;
    }
    let half = half.max(31);
    pan((mid - half, mid + half), full, 0)
}

/// The view moved by `by` days, kept within `full`.
pub fn pan(view: (i32, i32), full: (i32, i32), by: i32) -> (i32, i32) {
    let w = view.1 - view.0;
    let lo = (view.0 + by).clamp(full.0, (full.1 - w).max(full.0));
    (lo, lo + w)
}

/// The view after `key` on the focused axis (+ and − zoom, arrows pan by
/// an eighth of the view, 0 shows everything); `None` for other keys.
pub fn key_view(key: &str, view: (i32, i32), full: (i32, i32)) -> Option<(i32, i32)> {
    let step = ((view.1 - view.0) / 8).max(1);
    Some(match key {
        "+" | "=" => zoom(view, Some(full), 0.8),
        "-" | "_" => zoom(view, Some(full), 1.25),
        "ArrowLeft" => pan(view, full, -step),
        "ArrowRight" => pan(view, full, step),
        "0" => full,
        _ => return None,
    })
}

/// The view after a wheel turn (`up`: away from the reader, zooming in).
pub fn wheel_view(view: (i32, i32), domain: Option<(i32, i32)>, up: bool) -> (i32, i32) {
    zoom(view, domain, if up { 0.8 } else { 1.25 })
}

/// A tick of the time axis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tick {
    /// The day it marks (the first of a month or a year).
    pub day: i32,
    /// Its label, empty for an unlabelled tick.
    pub label: String,
    /// A year's tick (drawn stronger).
    pub major: bool,
}

/// Axis ticks for a view: years, every 1, 2 or 5 of them (or more for
/// centuries); months when zoomed close.
pub fn ticks(scale: Scale) -> Vec<Tick> {
    let (lo, hi) = (scale.lo, scale.hi);
    let years = (hi - lo) as f32 / 365.25;
    let mut ticks = Vec::new();
    let (y0, _, _) = civil_from_days(lo);
    let (y1, _, _) = civil_from_days(hi);
    if years <= 2.5 {
        for y in y0..=y1 {
            for m in 1..=12 {
                let d = days_from_civil(y, m, 1);
                if (lo..=hi).contains(&d) {
                    let label = if m == 1 {
                        year_label(y)
                    } else if years <= 1.2 || m % 3 == 1 {
                        format!("{m:02}")
                    } else {
                        String::new()
                    };
                    ticks.push(Tick {
                        day: d,
                        label,
                        major: m == 1,
                    });
                }
            }
        }
    } else {
        // Labels a readable distance apart at any span, decades to centuries;
        // a tick a year only while there are few enough to see.
        let every = year_step(years);
        let minor = if years <= 60.0 { 1 } else { every };
        // The first year in view is always labelled (where the axis starts);
        // round years after it, once they are far enough from it.
        let mut first: Option<i32> = None;
        for y in y0..=y1 {
            let d = days_from_civil(y, 1, 1);
            if (lo..=hi).contains(&d) && (y % minor == 0 || first.is_none()) {
                let labelled = match first {
                    None => true,
                    Some(f) => y % every == 0 && (y - f) * 2 >= every,
                };
                first.get_or_insert(y);
                ticks.push(Tick {
                    day: d,
                    label: if labelled {
                        year_label(y)
                    } else {
                        String::new()
                    },
                    major: true,
                });
            }
        }
    }
    ticks
}

/// A year as an axis reads it: "1848"; "500 BC" for astronomical -499.
pub fn year_label(y: i32) -> String {
    if y > 0 {
        y.to_string()
    } else {
        format!("{} BC", 1 - y)
    }
}

/// The density histogram: mentioned dates (by their middle day) in each of
/// [`BINS`] equal slices of the view. Publication dates are not counted.
pub fn histogram<'a>(events: impl IntoIterator<Item = &'a Event>, scale: Scale) -> Vec<u32> {
    let (lo, hi) = (scale.lo, scale.hi);
    let mut hist = vec![0u32; BINS];
    for e in events.into_iter().filter(|e| !e.published) {
        let mid = e.when.start + (e.when.end - e.when.start) / 2;
        if (lo..hi).contains(&mid) {
            let b = ((mid - lo) as f32 / (hi - lo) as f32 * BINS as f32) as usize;
            hist[b.min(BINS - 1)] += 1;
        }
    }
    hist
}

/// Mentioned dates in view packed into [`LANES`] lanes, greedily by first
/// day, so that no two marks in a lane touch: each placed date with its
/// lane, and how many did not fit (those are only in the histogram).
pub fn lanes<'a>(
    events: impl IntoIterator<Item = &'a Event>,
    scale: Scale,
) -> (Vec<(Event, usize)>, usize) {
    let x = |day| scale.x(day);
    let mut lane_end = [f32::MIN; LANES];
    let mut placed: Vec<(Event, usize)> = Vec::new();
    let mut overflow = 0;
    let mut mentioned: Vec<Event> = events
        .into_iter()
        .copied()
        .filter(|e| !e.published && scale.shows(e.when.start, e.when.end))
        .collect();
    crate::sort::sort_by_key(&mut mentioned, |e| (e.when.start, e.when.end));
    for e in mentioned {
        let (a, b) = (
            x(e.when.start) - 4.0,
            x(e.when.end + 1).max(x(e.when.start) + 5.0),
        );
        match lane_end.iter().position(|end| *end + 2.0 < a) {
            Some(l) => {
                lane_end[l] = b;
                placed.push((e, l));
            }
            None => overflow += 1,
        }
    }
    (placed, overflow)
}

/// Publication dates in view: one per document (`doc_of` a section) and
/// day, in (document, day) order.
pub fn publications<'a>(
    events: impl IntoIterator<Item = &'a Event>,
    scale: Scale,
    doc_of: impl Fn(u32) -> u32,
) -> Vec<Event> {
    let mut pubs: BTreeMap<(u32, i32), Event> = BTreeMap::new();
    for e in events
        .into_iter()
        .filter(|e| e.published && scale.shows(e.when.start, e.when.end))
    {
        pubs.entry((doc_of(e.section), e.when.start)).or_insert(*e);
    }
    pubs.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::time::When;

    fn day(y: i32, m: u32, d: u32) -> i32 {
        days_from_civil(y, m, d)
    }

    fn mention(section: u32, start: i32, end: i32, precision: Precision) -> Event {
        Event {
            section,
            when: When {
                start,
                end,
                precision,
            },
            start: 0,
            len: 0,
            relative: false,
            published: false,
            inferred: false,
        }
    }

    fn published(section: u32, on: i32) -> Event {
        Event {
            published: true,
            ..mention(section, on, on, Precision::Day)
        }
    }

    #[test]
    fn the_domain_is_padded_to_whole_years_and_empty_without_dates() {
        assert_eq!(domain([]), None);
        let d = domain([
            (day(2019, 5, 3), day(2019, 5, 3)),
            (day(2021, 2, 1), day(2021, 2, 28)),
        ]);
        assert_eq!(d, Some((day(2019, 1, 1), day(2022, 1, 1))));
    }

    #[test]
    fn the_scale_puts_the_view_on_the_axis_and_reads_days_back() {
        let s = Scale::new((day(2000, 1, 1), day(2010, 1, 1)));
        assert_eq!(s.x(s.lo), LEFT);
        assert!((s.x(s.hi) - RIGHT).abs() < 1e-3);
        for d in [s.lo, day(2003, 7, 9), day(2009, 12, 31)] {
            assert_eq!(s.day_at(s.x(d)), d, "day {d} read back from its position");
        }
        assert!(
            s.x(day(2004, 1, 1)) < s.x(day(2005, 1, 1)),
            "later is further right"
        );
    }

    #[test]
    fn a_brush_drag_selects_the_days_under_it_either_way_round() {
        let s = Scale::new((day(2020, 1, 1), day(2021, 1, 1)));
        let (d1, d2) = (day(2020, 3, 1), day(2020, 6, 30));
        assert_eq!(brush_days(s, s.x(d1), s.x(d2)), Some((d1, d2)));
        assert_eq!(
            brush_days(s, s.x(d2), s.x(d1)),
            Some((d1, d2)),
            "dragging leftwards"
        );
        // Beyond the ends of the axis: clamped to what is in view.
        assert_eq!(brush_days(s, 0.0, W), Some((s.lo, s.hi)));
        // A click (or a twitch) is not a span.
        assert_eq!(brush_days(s, 200.0, 203.0), None);
        assert_eq!(
            brush_days(s, 0.0, LEFT + 1.0),
            None,
            "left of the axis only"
        );
    }

    #[test]
    fn a_brushed_span_is_written_as_precisely_as_it_is_wide() {
        assert_eq!(
            brushed(day(2015, 6, 1), day(2019, 2, 3)),
            ("2015".to_owned(), "2019".to_owned())
        );
        assert_eq!(
            brushed(day(2020, 3, 15), day(2020, 8, 2)),
            ("2020-03".to_owned(), "2020-08".to_owned())
        );
        assert_eq!(
            brushed(day(2020, 3, 15), day(2020, 3, 20)),
            ("2020-03-15".to_owned(), "2020-03-20".to_owned())
        );
    }

    #[test]
    fn ticks_fall_inside_the_view_in_order_and_the_first_is_labelled() {
        let views = [
            (day(2020, 1, 1), day(2020, 9, 1)),
            (day(2019, 1, 1), day(2021, 1, 1)),
            (day(1990, 1, 1), day(2024, 1, 1)),
            (day(1700, 1, 1), day(2025, 1, 1)),
            (day(2011, 4, 10), day(2013, 2, 1)),
        ];
        for v in views {
            let t = ticks(Scale::new(v));
            assert!(!t.is_empty(), "{v:?}");
            assert!(
                t.iter().all(|t| (v.0..=v.1).contains(&t.day)),
                "{v:?}: inside the view"
            );
            assert!(
                t.windows(2).all(|w| w[0].day < w[1].day),
                "{v:?}: increasing"
            );
            assert!(!t[0].label.is_empty() || t[0].day != v.0, "{v:?}");
            let labelled = t.iter().filter(|t| !t.label.is_empty()).count();
            assert!(
                labelled <= 13,
                "{v:?}: {labelled} labels is too many to read"
            );
        }
    }

    #[test]
    fn years_before_the_common_era_are_labelled_bc() {
        assert_eq!([year_label(-499), year_label(0), year_label(1), year_label(2026)], ["500 BC", "1 BC", "1", "2026"]);
        let t = ticks(Scale::new((day(-499, 1, 1), day(2027, 1, 1))));
        assert_eq!(t[0].label, "500 BC", "the first year in view");
    }

    #[test]
    fn a_short_view_has_month_ticks_and_a_long_one_only_years() {
        let short = ticks(Scale::new((day(2020, 1, 1), day(2020, 9, 1))));
        assert_eq!(short.len(), 9, "Jan to Sep, one a month");
        assert!(short[0].major && short[0].label == "2020");
        assert!(short[1..].iter().all(|t| !t.major));
        let long = ticks(Scale::new((day(1700, 1, 1), day(2025, 1, 1))));
        let step = year_step((day(2025, 1, 1) - day(1700, 1, 1)) as f32 / 365.25);
        for t in long.iter().skip(1) {
            let (y, m, d) = civil_from_days(t.day);
            assert_eq!((m, d), (1, 1));
            assert_eq!(y % step, 0, "round years only");
        }
    }

    #[test]
    fn zoom_keeps_the_middle_and_stays_within_limits() {
        let full = (day(2000, 1, 1), day(2020, 1, 1));
        let view = (day(2005, 1, 1), day(2009, 1, 1));
        let mid = (view.0 + view.1) / 2;
        let closer = zoom(view, Some(full), 0.5);
        assert!(closer.1 - closer.0 < view.1 - view.0);
        assert!(
            ((closer.0 + closer.1) / 2 - mid).abs() <= 1,
            "the middle stays put"
        );
        // In as far as it goes: two months.
        let mut v = view;
        for _ in 0..50 {
            v = zoom(v, Some(full), 0.5);
        }
        assert_eq!(v.1 - v.0, 62);
        // Out as far as it goes: the whole span, exactly, and no further.
        let mut v = view;
        for _ in 0..50 {
            v = zoom(v, Some(full), 2.0);
        }
        assert_eq!(v, full);
        // Zooming near an end never leaves the corpus's span.
        let edge = zoom((full.0, full.0 + 400), Some(full), 1.5);
        assert!(edge.0 >= full.0 && edge.1 <= full.1);
        assert_eq!(zoom(view, None, 0.5), view, "nothing to zoom without dates");
    }

    #[test]
    fn panning_stops_at_the_ends_and_keeps_the_width() {
        let full = (0, 1000);
        assert_eq!(pan((100, 300), full, 50), (150, 350));
        assert_eq!(pan((100, 300), full, -500), (0, 200));
        assert_eq!(pan((100, 300), full, 5000), (800, 1000));
    }

    #[test]
    fn keys_zoom_pan_and_reset() {
        let full = (0, 8000);
        let view = (1000, 1800);
        let right = key_view("ArrowRight", view, full).unwrap();
        assert_eq!(right, (1100, 1900), "an eighth of the view");
        assert_eq!(
            key_view("ArrowLeft", (0, 800), full),
            Some((0, 800)),
            "at the start"
        );
        let inn = key_view("+", view, full).unwrap();
        assert!(inn.1 - inn.0 < view.1 - view.0);
        let out = key_view("-", view, full).unwrap();
        assert!(out.1 - out.0 > view.1 - view.0);
        assert_eq!(key_view("0", view, full), Some(full));
        assert_eq!(key_view("x", view, full), None);
        assert!(wheel_view(view, Some(full), true).1 - wheel_view(view, Some(full), true).0 < 800);
    }

    #[test]
    fn the_histogram_counts_mentions_in_view_by_their_middle() {
        let s = Scale::new((day(2020, 1, 1), day(2021, 1, 1)));
        let events = [
            mention(0, day(2020, 1, 2), day(2020, 1, 2), Precision::Day),
            mention(0, day(2020, 1, 3), day(2020, 1, 3), Precision::Day),
            mention(1, day(2020, 12, 30), day(2020, 12, 30), Precision::Day),
            // Its middle (mid-2019) is out of view.
            mention(1, day(2019, 1, 1), day(2019, 12, 31), Precision::Year),
            published(2, day(2020, 6, 1)),
        ];
        let h = histogram(&events, s);
        assert_eq!(h.len(), BINS);
        assert_eq!(
            h.iter().sum::<u32>(),
            3,
            "in-view mentions only, no publications"
        );
        assert_eq!(h[0], 2, "early January in the first bin");
        assert_eq!(h[BINS - 1], 1, "late December in the last");
    }

    #[test]
    fn overlapping_dates_take_separate_lanes_and_the_rest_overflow() {
        let s = Scale::new((day(2020, 1, 1), day(2021, 1, 1)));
        let apart = [
            mention(0, day(2020, 2, 1), day(2020, 2, 1), Precision::Day),
            mention(0, day(2020, 8, 1), day(2020, 8, 1), Precision::Day),
        ];
        let (placed, overflow) = lanes(&apart, s);
        assert_eq!(overflow, 0);
        assert!(placed.iter().all(|(_, l)| *l == 0), "far apart: one lane");

        let same_day: Vec<Event> = (0..LANES as u32 + 3)
            .map(|k| mention(k, day(2020, 5, 5), day(2020, 5, 5), Precision::Day))
            .collect();
        let (placed, overflow) = lanes(&same_day, s);
        assert_eq!(placed.len(), LANES);
        assert_eq!(overflow, 3);
        let mut used: Vec<usize> = placed.iter().map(|(_, l)| *l).collect();
        crate::sort::sort(&mut used);
        used.dedup();
        assert_eq!(used.len(), LANES, "each in a lane of its own");

        // In a lane, no mark starts before the previous one ends.
        let many: Vec<Event> = (0..40)
            .map(|k| {
                mention(
                    k,
                    day(2020, 1, 1) + k as i32 * 5,
                    day(2020, 1, 1) + k as i32 * 5 + 20,
                    Precision::Range,
                )
            })
            .collect();
        let (placed, _) = lanes(&many, s);
        for lane in 0..LANES {
            let in_lane: Vec<&Event> = placed
                .iter()
                .filter(|(_, l)| *l == lane)
                .map(|(e, _)| e)
                .collect();
            for w in in_lane.windows(2) {
                assert!(
                    s.x(w[0].when.end + 1) < s.x(w[1].when.start),
                    "lane {lane} overlaps"
                );
            }
        }
    }

    #[test]
    fn publications_are_one_per_document_and_day_and_in_view() {
        let s = Scale::new((day(2020, 1, 1), day(2021, 1, 1)));
        // Sections 0 and 1 are one document; 2 another.
        let doc_of = |section: u32| if section < 2 { 7 } else { 9 };
        let events = [
            published(0, day(2020, 4, 1)),
            published(1, day(2020, 4, 1)),
            published(2, day(2020, 4, 1)),
            published(2, day(2019, 4, 1)),
            mention(0, day(2020, 4, 1), day(2020, 4, 1), Precision::Day),
        ];
        let pubs = publications(&events, s, doc_of);
        assert_eq!(pubs.len(), 2);
        assert!(pubs
            .iter()
            .all(|e| e.published && e.when.start == day(2020, 4, 1)));
    }
}
