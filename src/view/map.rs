//! The city map's geometry: the camera (centre and zoom over a basemap
//! view), its zoom, pan, drag and keys, which view suits the places
//! mentioned, mark sizes, and where labels go without colliding.
//!
//! Positions are in the view's SVG units (see [`crate::geo::View`]).

use crate::geo::{within, View};

/// The closest zoom.
pub const MAX_ZOOM: f32 = 16.0;
/// A pointer moving less than this (pixels) after pressing is a click, not
/// a drag.
pub const DRAG_SLOP: f64 = 4.0;

/// View units per screen pixel, for marks and labels of a steady screen size
/// whatever the view and zoom: the map is drawn at most about 420 px wide
/// (beside the timeline) and 272 px tall (17rem, see style.css).
pub fn units_per_px(v: &View) -> f32 {
    v.width / (272.0 * v.width / v.height).min(420.0)
}

/// Mark radius in screen pixels: area grows with mentions.
pub fn radius(mentions: u32, max: f32) -> f32 {
    4.0 + 14.0 * (mentions as f32 / max).sqrt()
}

/// A document title short enough for a tooltip line or a table cell.
pub fn doc_label(title: &str) -> String {
    match title.char_indices().nth(36) {
        Some((i, _)) => format!("{}…", &title[..i]),
        None => title.to_owned(),
    }
}

/// Documents a place's tooltip lists by name; the rest are counted.
pub const TIP_DOCS: usize = 8;

/// A place mark's tooltip: its summary line, then the documents that name
/// it most (at most [`TIP_DOCS`], each "title: mentions"), then how many
/// more do. At 10,000 documents a city may be named in thousands: a
/// tooltip of every one was unreadable, and writing it was most of the
/// map's time at every new query.
pub fn place_tip<'t>(summary: &str, docs: &[(u32, u32)], title: impl Fn(u32) -> &'t str) -> String {
    // The first TIP_DOCS in one pass (most mentions first, then by
    // document), kept in order as they come: no sort of thousands.
    let before = |a: &(u32, u32), b: &(u32, u32)| b.1.cmp(&a.1).then(a.0.cmp(&b.0)).is_lt();
    let mut most: Vec<&(u32, u32)> = Vec::with_capacity(TIP_DOCS + 1);
    for doc in docs {
        let at = most.partition_point(|m| before(m, doc));
        if at < TIP_DOCS {
            most.insert(at, doc);
            most.truncate(TIP_DOCS);
        }
    }
    let mut tip = summary.to_owned();
    for (d, n) in most {
        tip.push_str(&format!("\n{}: {n}", doc_label(title(*d))));
    }
    if let Some(more) = docs.len().checked_sub(TIP_DOCS).filter(|&m| m > 0) {
        tip.push_str(&format!("\n… and {more} more document{}", if more == 1 { "" } else { "s" }));
    }
    tip
}

/// What a city's mark says: "Lyon: 11 mentions in 3 documents".
pub fn place_summary(name: &str, mentions: u32, docs: usize) -> String {
    format!(
        "{name}: {mentions} mention{} in {docs} document{}",
        if mentions == 1 { "" } else { "s" },
        if docs == 1 { "" } else { "s" }
    )
}

/// The documents that name a place most, most first (ties in document
/// order), at most `k`: (document ordinal, mentions).
pub fn top_documents(docs: &[(u32, u32)], k: usize) -> Vec<(u32, u32)> {
    let mut top = docs.to_vec();
    crate::sort::sort_by_key(&mut top, |&(d, n)| (std::cmp::Reverse(n), d));
    top.truncate(k);
    top
}

/// Whether `name` is the place the results are filtered to (as typed after
/// `city:`, in any case).
pub fn same_place(selected: Option<&str>, name: &str) -> bool {
    selected.is_some_and(|s| s.trim().eq_ignore_ascii_case(name))
}

/// Whether a projected point is on the view's drawing.
pub fn on_view(v: &View, x: f32, y: f32) -> bool {
    (0.0..=v.width).contains(&x) && (0.0..=v.height).contains(&y)
}

/// The smallest view that holds most of the mentions of cities (each its
/// position, if known, as (lat, lon), and its mentions): a region for a
/// corpus about one, the world for a corpus about everywhere. The last view
/// when none does.
pub fn best_view(views: &[View], cities: &[(Option<(f32, f32)>, u32)]) -> usize {
    let total: u32 = cities.iter().map(|(_, n)| n).sum();
    views
        .iter()
        .position(|v| {
            let inside: u32 = cities
                .iter()
                .filter(|(at, _)| at.is_some_and(|(lat, lon)| v.contains(lon, lat)))
                .map(|(_, n)| n)
                .sum();
            inside * 2 > total
        })
        .unwrap_or(views.len().saturating_sub(1))
}

/// The views worth offering for these cities: each that holds any of their
/// mentions, and the last (the world) always; `current` too, so the view
/// shown keeps its tab.
pub fn offered_views(views: &[View], cities: &[(Option<(f32, f32)>, u32)], current: usize) -> Vec<usize> {
    let last = views.len().saturating_sub(1);
    (0..views.len())
        .filter(|&i| {
            i == last
                || i == current
                || cities
                    .iter()
                    .any(|(at, n)| *n > 0 && at.is_some_and(|(lat, lon)| views[i].contains(lon, lat)))
        })
        .collect()
}

/// Centre (view units) and zoom factor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    /// Centre, x.
    pub cx: f32,
    /// Centre, y.
    pub cy: f32,
    /// 1 shows the whole view; 2 half its width.
    pub zoom: f32,
}

impl Camera {
    /// Where a camera is when there is no view to show.
    pub const NOWHERE: Camera = Camera {
        cx: 0.0,
        cy: 0.0,
        zoom: 1.0,
    };

    /// The whole view.
    pub fn home(v: &View) -> Self {
        Camera {
            cx: v.width / 2.0,
            cy: v.height / 2.0,
            zoom: 1.0,
        }
    }

    /// The view zoomed to hold `points` (view units) with a margin: a
    /// corpus about one city's region opens on that region, not on the
    /// continent around it. The whole view when there are no points.
    pub fn fit(v: &View, points: &[(f32, f32)]) -> Self {
        let Some(&(x0, y0)) = points.first() else {
            return Camera::home(v);
        };
        let (mut lo, mut hi) = ((x0, y0), (x0, y0));
        for &(x, y) in points {
            lo = (lo.0.min(x), lo.1.min(y));
            hi = (hi.0.max(x), hi.1.max(y));
        }
        // A margin of a fifth on each side, and never closer than a
        // twentieth of the view (one city alone is not a whole map).
        let span_w = ((hi.0 - lo.0) * 1.4).max(v.width / MAX_ZOOM).max(v.width / 20.0);
        let span_h = ((hi.1 - lo.1) * 1.4).max(v.height / MAX_ZOOM).max(v.height / 20.0);
        let zoom = (v.width / span_w).min(v.height / span_h);
        let zoom = within(zoom, 1.0, MAX_ZOOM);
        Camera {
            cx: (lo.0 + hi.0) / 2.0,
            cy: (lo.1 + hi.1) / 2.0,
            zoom,
        }
        .panned(v, 0.0, 0.0)
    }

    /// The SVG `viewBox`: x, y, width, height.
    pub fn view_box(&self, v: &View) -> (f32, f32, f32, f32) {
        let (w, h) = (v.width / self.zoom, v.height / self.zoom);
        (self.cx - w / 2.0, self.cy - h / 2.0, w, h)
    }

    /// Zoomed by `factor` around the centre, within 1 and [`MAX_ZOOM`].
    pub fn zoomed(self, factor: f32) -> Self {
        Camera {
            zoom: within(self.zoom * factor, 1.0, MAX_ZOOM),
            ..self
        }
    }

    /// Moved by (`dx`, `dy`) view units, the centre kept on the view.
    pub fn panned(self, v: &View, dx: f32, dy: f32) -> Self {
        let cx = within(self.cx + dx, 0.0, v.width);
        let cy = within(self.cy + dy, 0.0, v.height);
        Camera { cx, cy, ..self }
    }

    /// After a wheel turn (`up`: away from the reader, zooming in).
    pub fn wheeled(self, up: bool) -> Self {
        self.zoomed(if up { 1.25 } else { 0.8 })
    }

    /// After `key` on the focused map (+ and − zoom, arrows pan, 0 resets);
    /// `None` for other keys.
    pub fn after_key(self, v: &View, key: &str) -> Option<Self> {
        let step = 60.0 / self.zoom;
        Some(match key {
            "+" | "=" => self.zoomed(1.25),
            "-" | "_" => self.zoomed(0.8),
            "ArrowLeft" => self.panned(v, -step, 0.0),
            "ArrowRight" => self.panned(v, step, 0.0),
            "ArrowUp" => self.panned(v, 0.0, -step),
            "ArrowDown" => self.panned(v, 0.0, step),
            "0" => Camera::home(v),
            _ => return None,
        })
    }

    /// After the pointer was dragged from `from` to `to` (screen pixels)
    /// over a drawing `width_px` wide: the map moves with the pointer.
    pub fn dragged(self, v: &View, from: (f64, f64), to: (f64, f64), width_px: f64) -> Self {
        let k = (v.width / self.zoom) as f64 / width_px.max(1.0);
        self.panned(
            v,
            ((from.0 - to.0) * k) as f32,
            ((from.1 - to.1) * k) as f32,
        )
    }
}

/// A city's mark, for placing its label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarkAt {
    /// Centre, x (view units).
    pub x: f32,
    /// Centre, y.
    pub y: f32,
    /// Radius (view units).
    pub r: f32,
    /// Characters in the label.
    pub chars: usize,
}

/// A label's place: where its text is anchored and on which side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Label {
    /// The text's x (view units).
    pub x: f32,
    /// The text's baseline, y (view units).
    pub y: f32,
    /// SVG `text-anchor`: `start` (right of the mark), `end` (left of it) or
    /// `middle` (above or below it).
    pub anchor: &'static str,
}

/// A box: left, top, width, height (view units).
type Bounds = (f32, f32, f32, f32);

fn overlap(a: Bounds, b: Bounds) -> bool {
    !(a.0 + a.2 < b.0 || b.0 + b.2 < a.0 || a.1 + a.3 < b.1 || b.1 + b.3 < a.1)
}

/// Labels for marks given biggest first: right of the mark, else left,
/// above or below it, where they stay inside the `view_box`, clear of one
/// another and clear of the heart of every other mark (a label never hides
/// a city); `None` for a mark whose label fits nowhere. `unit` is view units
/// per screen pixel.
pub fn place_labels(marks: &[MarkAt], unit: f32, view_box: (f32, f32, f32, f32)) -> Vec<Option<Label>> {
    let (vx, vy, vw, vh) = view_box;
    // The middle of each mark: half its radius, and never under 3 px.
    let hearts: Vec<Bounds> = marks
        .iter()
        .map(|m| {
            let c = (m.r / 2.0).max(3.0 * unit);
            (m.x - c, m.y - c, 2.0 * c, 2.0 * c)
        })
        .collect();
    let mut placed: Vec<Bounds> = Vec::new();
    marks
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let (x, y, r) = (m.x, m.y, m.r);
            let w = (m.chars as f32 * 7.0 + 4.0) * unit;
            let h = 14.0 * unit;
            let gap = 3.0 * unit;
            // (Box, then where the text goes: x, baseline, anchor.)
            let beside = y + 4.5 * unit;
            let sides = [
                ((x + r + gap, y - h / 2.0), (x + r + gap, beside, "start")),
                ((x - r - gap - w, y - h / 2.0), (x - r - gap, beside, "end")),
                ((x - w / 2.0, y - r - gap - h), (x, y - r - gap - 3.5 * unit, "middle")),
                ((x - w / 2.0, y + r + gap), (x, y + r + gap + 10.5 * unit, "middle")),
            ];
            for ((left, top), (tx, ty, anchor)) in sides {
                let bx = (left, top, w, h);
                let on_map = bx.0 > vx && bx.0 + bx.2 < vx + vw && bx.1 > vy && bx.1 + bx.3 < vy + vh;
                let clear = placed.iter().all(|&p| !overlap(bx, p))
                    && hearts
                        .iter()
                        .enumerate()
                        .all(|(j, &c)| j == i || !overlap(bx, c));
                if clear && on_map {
                    placed.push(bx);
                    return Some(Label { x: tx, y: ty, anchor });
                }
            }
            None
        })
        .collect()
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_camera_fitted_to_places_holds_them_all_and_no_more_than_it_needs() {
        let v = View::new(60.0, -11.0, 150.0, 55.0, 1000.0);
        let near: Vec<(f32, f32)> = [(113.3, 23.1), (114.1, 22.5), (113.5, 22.2)]
            .iter()
            .map(|&(lon, lat)| v.project(lon, lat))
            .collect();
        let c = Camera::fit(&v, &near);
        let (x, y, w, h) = c.view_box(&v);
        for &(px, py) in &near {
            assert!(px > x && px < x + w && py > y && py < y + h, "{px},{py} inside {x},{y},{w},{h}");
        }
        assert!(c.zoom > 4.0, "three cities a degree apart fill the map: zoom {}", c.zoom);
        let far = [v.project(61.0, -10.0), v.project(149.0, 54.0)];
        assert_eq!(Camera::fit(&v, &far).zoom, 1.0, "the corners of the view need all of it");
        assert_eq!(Camera::fit(&v, &[]), Camera::home(&v));
        let one = Camera::fit(&v, &near[..1]);
        assert!(one.zoom <= MAX_ZOOM && one.zoom >= 10.0, "one city: close, within the limit: {}", one.zoom);
    }

    #[test]
    fn only_views_that_hold_places_are_offered_and_the_world_always() {
        let views = [
            View::new(-25.0, 34.0, 45.0, 71.0, 1000.0),
            View::new(60.0, -11.0, 150.0, 55.0, 1000.0),
            View::new(-180.0, -58.0, 180.0, 78.0, 1000.0),
        ];
        let hong_kong = [(Some((22.3, 114.2)), 5)];
        assert_eq!(offered_views(&views, &hong_kong, 1), [1, 2]);
        assert_eq!(offered_views(&views, &hong_kong, 0), [0, 1, 2], "the view shown keeps its tab");
        let paris_and_tokyo = [(Some((48.9, 2.35)), 1), (Some((35.7, 139.7)), 1)];
        assert_eq!(offered_views(&views, &paris_and_tokyo, 2), [0, 1, 2]);
        assert_eq!(offered_views(&views, &[], 2), [2]);
    }

    use super::*;

    fn view() -> View {
        View {
            west: 100.0,
            south: 10.0,
            east: 120.0,
            north: 30.0,
            width: 1000.0,
            height: 800.0,
            region: [100.0, 10.0, 120.0, 30.0],
        }
    }

    #[test]
    fn zoom_is_clamped_to_its_limits_and_keeps_the_centre() {
        let v = view();
        let home = Camera::home(&v);
        assert_eq!(
            home.view_box(&v),
            (0.0, 0.0, 1000.0, 800.0),
            "home shows the whole view"
        );
        assert_eq!(
            home.zoomed(0.5),
            home,
            "never further out than the whole view"
        );
        let mut c = home;
        for _ in 0..40 {
            c = c.zoomed(1.5);
        }
        assert_eq!(c.zoom, MAX_ZOOM);
        let z = home.panned(&v, 100.0, -50.0).zoomed(2.0);
        let (x, y, w, h) = z.view_box(&v);
        assert_eq!((w, h), (500.0, 400.0));
        assert_eq!(
            (x + w / 2.0, y + h / 2.0),
            (z.cx, z.cy),
            "zoom keeps the centre under it"
        );
        assert!(home.wheeled(true).zoom > 1.0 && home.wheeled(true).wheeled(false).zoom <= 1.0);
    }

    #[test]
    fn panning_keeps_the_centre_on_the_map() {
        let v = view();
        let c = Camera::home(&v).panned(&v, -5000.0, 5000.0);
        assert_eq!((c.cx, c.cy), (0.0, 800.0));
    }

    #[test]
    fn a_dragged_map_moves_with_the_pointer() {
        let v = view();
        let c = Camera::home(&v).zoomed(2.0);
        let width_px = 500.0;
        let from = (100.0, 120.0);
        let to = (160.0, 90.0);
        let d = c.dragged(&v, from, to, width_px);
        // The map point under the pointer before the drag is under it after.
        let under = |cam: Camera, (px, py): (f64, f64)| {
            let (x, y, w, _) = cam.view_box(&v);
            let k = w as f64 / width_px;
            (x as f64 + px * k, y as f64 + py * k)
        };
        let (a, b) = (under(c, from), under(d, to));
        assert!(
            (a.0 - b.0).abs() < 1e-3 && (a.1 - b.1).abs() < 1e-3,
            "{a:?} {b:?}"
        );
    }

    #[test]
    fn keys_pan_zoom_and_reset() {
        let v = view();
        let c = Camera::home(&v).zoomed(2.0);
        let right = c.after_key(&v, "ArrowRight").unwrap();
        assert!(right.cx > c.cx && right.cy == c.cy);
        let up = c.after_key(&v, "ArrowUp").unwrap();
        assert!(up.cy < c.cy && up.cx == c.cx);
        assert!(c.after_key(&v, "+").unwrap().zoom > c.zoom);
        assert!(c.after_key(&v, "-").unwrap().zoom < c.zoom);
        assert_eq!(right.after_key(&v, "0"), Some(Camera::home(&v)));
        assert_eq!(c.after_key(&v, "q"), None);
        // Closer in, a key press moves less of the map.
        let close = Camera::home(&v).zoomed(8.0);
        let moved = close.after_key(&v, "ArrowRight").unwrap().cx - close.cx;
        assert!(moved < right.cx - c.cx);
    }

    #[test]
    fn the_best_view_is_the_smallest_holding_most_mentions() {
        let small = View::new(112.0, 21.0, 115.0, 24.0, 1000.0);
        let world = View::new(-180.0, -85.0, 180.0, 85.0, 1000.0);
        let views = [small, world];
        let hk = Some((22.3, 114.2));
        let paris = Some((48.9, 2.35));
        assert_eq!(best_view(&views, &[(hk, 5), (paris, 2)]), 0);
        assert_eq!(best_view(&views, &[(hk, 2), (paris, 5)]), 1);
        // An unknown position counts against every view.
        let far = View::new(0.0, 0.0, 1.0, 1.0, 10.0);
        assert_eq!(
            best_view(&[small, far], &[(hk, 1), (None, 3)]),
            1,
            "none holds most: the last"
        );
    }

    #[test]
    fn labels_that_would_overlap_are_not_both_placed_on_one_side() {
        let vb = (0.0, 0.0, 1000.0, 800.0);
        let m = MarkAt {
            x: 500.0,
            y: 400.0,
            r: 5.0,
            chars: 6,
        };
        // The same spot twice: the second label goes to the other side.
        let l = place_labels(&[m, m], 1.0, vb);
        assert_eq!(l[0].map(|l| l.anchor), Some("start"));
        assert_eq!(l[1].map(|l| l.anchor), Some("end"));
        // Then above and below; five times: no room left for the fifth.
        let l = place_labels(&[m, m, m, m, m], 1.0, vb);
        assert!(l[2].is_some_and(|l| l.anchor == "middle" && l.y < m.y));
        assert!(l[3].is_some_and(|l| l.anchor == "middle" && l.y > m.y));
        assert_eq!(l[4], None);
        // Far enough apart, both are right of their marks.
        let other = MarkAt { y: 100.0, ..m };
        let l = place_labels(&[m, other], 1.0, vb);
        assert!(l.iter().all(|l| l.map(|l| l.anchor) == Some("start")));
    }

    #[test]
    fn a_place_card_names_its_counts_and_the_documents_that_name_it_most() {
        assert_eq!(place_summary("Macau", 1, 1), "Macau: 1 mention in 1 document");
        assert_eq!(place_summary("Macau", 7, 3), "Macau: 7 mentions in 3 documents");
        assert_eq!(top_documents(&[(0, 2), (1, 9), (2, 2), (3, 5)], 3), [(1, 9), (3, 5), (0, 2)]);
        assert_eq!(top_documents(&[], 3), []);
    }

    #[test]
    fn a_label_never_covers_another_city() {
        let vb = (0.0, 0.0, 1000.0, 800.0);
        let big = MarkAt {
            x: 500.0,
            y: 400.0,
            r: 18.0,
            chars: 9,
        };
        // Neighbours right and left of the big mark, where its label would go.
        let east = MarkAt { x: 540.0, r: 6.0, ..big };
        let west = MarkAt { x: 460.0, r: 6.0, ..big };
        let l = place_labels(&[big, east, west], 1.0, vb);
        let first = l[0].expect("room above");
        assert_eq!((first.anchor, first.y < big.y), ("middle", true), "{first:?}");
        // Labels placed cover no mark's centre but their own.
        let marks = [big, east, west];
        for (i, label) in l.iter().enumerate() {
            let Some(label) = label else { continue };
            let w = marks[i].chars as f32 * 7.0 + 4.0;
            let left = match label.anchor {
                "start" => label.x,
                "end" => label.x - w,
                _ => label.x - w / 2.0,
            };
            for (j, m) in marks.iter().enumerate() {
                let inside = (left..left + w).contains(&m.x) && (label.y - 11.0..label.y + 3.0).contains(&m.y);
                assert!(i == j || !inside, "label {i} covers mark {j}: {label:?}");
            }
        }
    }

    #[test]
    fn labels_stay_on_the_map() {
        let vb = (0.0, 0.0, 1000.0, 800.0);
        let at_right_edge = MarkAt {
            x: 990.0,
            y: 400.0,
            r: 5.0,
            chars: 10,
        };
        let l = place_labels(&[at_right_edge], 1.0, vb)[0].expect("fits on the left");
        assert_eq!(l.anchor, "end");
        assert!(l.x < at_right_edge.x, "ends left of the mark");
        let at_top = MarkAt {
            y: 2.0,
            ..at_right_edge
        };
        let below = place_labels(&[at_top], 1.0, vb)[0];
        assert!(
            below.is_none_or(|l| l.y > at_top.y),
            "beside it would stick out above: {below:?}"
        );
    }

    #[test]
    fn bigger_counts_get_bigger_marks_and_long_titles_are_cut() {
        assert!(radius(10, 10.0) > radius(2, 10.0));
        assert_eq!(radius(10, 10.0), 18.0);
        let long = "a".repeat(50);
        assert_eq!(doc_label(&long).chars().count(), 37);
        assert_eq!(doc_label("Short"), "Short");
        assert!(same_place(Some(" hong kong "), "Hong Kong"));
        assert!(!same_place(None, "Hong Kong"));
    }

    #[test]
    fn a_place_tip_names_the_documents_that_name_it_most_and_counts_the_rest() {
        let titles = ["Alpha", "Beta", "Gamma"];
        let title = |d: u32| titles[d as usize % 3];
        // Three documents: all listed, most mentions first.
        assert_eq!(place_tip("Lyon: 6 mentions in 3 documents", &[(0, 1), (1, 3), (2, 2)], title), "Lyon: 6 mentions in 3 documents\nBeta: 3\nGamma: 2\nAlpha: 1");
        // Thousands: the eight that name it most, then a count.
        let many: Vec<(u32, u32)> = (0..5000).map(|d| (d, if d % 1000 == 7 { 9 } else { 1 })).collect();
        let names: Vec<String> = (0..5000).map(|d| format!("Doc {d}")).collect();
        let tip = place_tip("Tokyo", &many, |d| names[d as usize].as_str());
        let lines: Vec<&str> = tip.lines().collect();
        assert_eq!(lines.len(), 1 + TIP_DOCS + 1, "{tip}");
        assert_eq!(lines[1..6], ["Doc 7: 9", "Doc 1007: 9", "Doc 2007: 9", "Doc 3007: 9", "Doc 4007: 9"], "the five with most mentions first");
        assert_eq!(lines[6..9], ["Doc 0: 1", "Doc 1: 1", "Doc 2: 1"], "then the first documents of the rest");
        assert_eq!(lines.last(), Some(&"… and 4992 more documents"));
    }
}
