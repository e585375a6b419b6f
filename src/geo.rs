//! Map geometry shared by the basemap importer (host) and the app (wasm):
//! Web Mercator projection into a view's SVG units, and the committed
//! basemap file (see `basemap.rs` for how it is made).

/// A rectangle of the Earth drawn `width` units wide, in Web Mercator, and
/// the region it is about (which places count as in it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// Western edge, degrees of longitude.
    pub west: f32,
    /// Southern edge, degrees of latitude.
    pub south: f32,
    /// Eastern edge.
    pub east: f32,
    /// Northern edge.
    pub north: f32,
    /// Width in SVG units.
    pub width: f32,
    /// Height in SVG units, from the projection.
    pub height: f32,
    /// The region the view is about: west, south, east, north. The drawing
    /// may reach further (a region narrower than the map's panel is drawn
    /// with the land beside it, see [`PANEL_ASPECT`]).
    pub region: [f32; 4],
}

/// The map's panel is this much wider than tall (about 420 × 272 px): a
/// region narrower than that is drawn wider (see [`fill_panel`]).
pub const PANEL_ASPECT: f64 = 1.55;

/// The edges (west, south, east, north, degrees) to draw for `region` so
/// the drawing has the map panel's shape ([`PANEL_ASPECT`]): a narrow
/// region widened east and west (within the antimeridian), a wide one made
/// taller north and south (within ±85°), equally on both sides, to a tenth
/// of a degree. A narrow region drawn as it is left a picture 280 px wide
/// in a 425 px panel with the land cut off in straight lines at its sides,
/// and views of different shapes moved everything under the map.
pub fn fill_panel(region: [f64; 4]) -> [f64; 4] {
    let [west, south, east, north] = region;
    let merc = |lat: f64| (std::f64::consts::FRAC_PI_4 + lat.clamp(-85.0, 85.0).to_radians() / 2.0).tan().ln();
    let lat_of = |y: f64| y.sinh().atan().to_degrees();
    let round = |v: f64| (v * 10.0).round() / 10.0;
    let tall = merc(north) - merc(south);
    let need_lon = (PANEL_ASPECT * tall).to_degrees();
    if east - west < need_lon {
        let [w, e] = grow([west, east], need_lon.min(360.0), [-180.0, 180.0]);
        return [round(w), south, round(e), north];
    }
    let need_tall = (east - west).to_radians() / PANEL_ASPECT;
    if tall < need_tall {
        let [s, n] = grow([merc(south), merc(north)], need_tall, [merc(-85.0), merc(85.0)]);
        return [west, round(lat_of(s)), east, round(lat_of(n))];
    }
    region
}

/// `[lo, hi]` grown equally on both sides to `span`, within `[min, max]`
/// (what one side cannot take, the other does).
fn grow([lo, hi]: [f64; 2], span: f64, [min, max]: [f64; 2]) -> [f64; 2] {
    let extra = (span - (hi - lo)) / 2.0;
    let (mut a, mut b) = (lo - extra, hi + extra);
    if a < min {
        b += min - a;
        a = min;
    }
    if b > max {
        a = (a - (b - max)).max(min);
        b = max;
    }
    [a, b]
}

/// `v` held between `lo` and `hi`. (`f32::clamp` asserts its bounds with a
/// message that formats floats, which links float formatting, about 14 KB
/// of code, into the app for a panic that cannot happen.)
pub fn within(v: f32, lo: f32, hi: f32) -> f32 {
    v.max(lo).min(hi)
}

fn mercator_y(lat: f32) -> f32 {
    let lat = within(lat, -85.0, 85.0).to_radians();
    (std::f32::consts::FRAC_PI_4 + lat / 2.0).tan().ln()
}

impl View {
    /// The view of a rectangle, `width` units wide.
    pub fn new(west: f32, south: f32, east: f32, north: f32, width: f32) -> Self {
        let k = width / (east - west).to_radians();
        let height = ((mercator_y(north) - mercator_y(south)) * k).round();
        View {
            west,
            south,
            east,
            north,
            width,
            height,
            region: [west, south, east, north],
        }
    }

    /// The same view, about a smaller `region` than it draws.
    pub fn about(self, region: [f32; 4]) -> Self {
        View { region, ..self }
    }

    /// SVG coordinates of a position (outside the view when it is).
    pub fn project(&self, lon: f32, lat: f32) -> (f32, f32) {
        let k = self.width / (self.east - self.west).to_radians();
        let x = (lon - self.west).to_radians() * k;
        let y = (mercator_y(self.north) - mercator_y(lat)) * k;
        (x, y)
    }

    /// Whether a position is inside the region the view is about.
    pub fn contains(&self, lon: f32, lat: f32) -> bool {
        let [west, south, east, north] = self.region;
        (west..=east).contains(&lon) && (south..=north).contains(&lat)
    }
}

/// Share of a view's mentions the map opens on: the places most named,
/// together this share, are in sight (one passing mention of a far city
/// does not pull the map out to a continent).
pub const CORE_SHARE: u32 = 75;

/// The places to open a map on: the most named, biggest first, until they
/// hold [`CORE_SHARE`] percent of the mentions. `places` are (where, mentions).
pub fn core_places<T: Copy>(places: &[(T, u32)]) -> Vec<T> {
    let total: u32 = places.iter().map(|p| p.1).sum();
    let mut sorted: Vec<&(T, u32)> = places.iter().collect();
    crate::sort::sort_by(&mut sorted, |a, b| b.1.cmp(&a.1));
    let mut held = 0;
    let mut out = Vec::new();
    for (at, n) in sorted {
        if held * 100 >= total * CORE_SHARE {
            break;
        }
        held += n;
        out.push(*at);
    }
    out
}

/// One view of the basemap with its countries' outlines.
#[derive(Debug, Clone, PartialEq)]
pub struct BaseView {
    /// Short name: `close` (around a corpus's places, made at build time),
    /// `europe`, `asia` … `world`.
    pub name: &'static str,
    /// Shown to readers.
    pub title: &'static str,
    /// Projection and size.
    pub view: View,
    /// (country, SVG path data) in view units.
    pub countries: Vec<(&'static str, &'static str)>,
}

/// Parses the basemap file; lines it cannot read are skipped (the file is
/// made by `atlas basemap import` and tested).
pub fn parse_basemap(text: &'static str) -> Vec<BaseView> {
    let mut views: Vec<BaseView> = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("view ") {
            let mut f = rest.splitn(8, ' ');
            let name = f.next().unwrap_or("");
            let nums: Vec<f32> = f.by_ref().take(6).filter_map(decimal).collect();
            let title = f.next().unwrap_or(name);
            if let [west, south, east, north, width, height] = nums[..] {
                views.push(BaseView {
                    name,
                    title,
                    view: View {
                        west,
                        south,
                        east,
                        north,
                        width,
                        height,
                        region: [west, south, east, north],
                    },
                    countries: Vec::new(),
                });
            }
        } else if let Some(rest) = line.strip_prefix("region ") {
            // (The region a view is about, when it draws more.)
            let edges: Vec<f32> = rest.split(' ').filter_map(decimal).collect();
            if let (Some(v), &[west, south, east, north]) = (views.last_mut(), &edges[..]) {
                v.view.region = [west, south, east, north];
            }
        } else if let (Some(v), Some((country, d))) = (views.last_mut(), line.split_once('\t')) {
            v.countries.push((country, d));
        }
    }
    views
}

/// A decimal number as the basemap file writes it (`-41.3`, `1000`).
/// (Not `str::parse`, whose exact algorithm and tables for every float
/// are about 20 KB of the app for a few dozen short numbers.)
fn decimal(text: &str) -> Option<f32> {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() + fraction.len() > 9 || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let number = whole.bytes().chain(fraction.bytes()).fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
    Some(sign * number as f32 / 10f32.powi(fraction.len() as i32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_narrow_region_is_drawn_wide_enough_to_fill_the_panel_but_stays_the_region() {
        let europe = [-25.0, 34.0, 45.0, 71.0];
        let drawn = fill_panel(europe);
        let v = View::new(drawn[0] as f32, drawn[1] as f32, drawn[2] as f32, drawn[3] as f32, 1000.0);
        let aspect = f64::from(v.width / v.height);
        assert!((PANEL_ASPECT - 0.02..PANEL_ASPECT + 0.02).contains(&aspect), "{drawn:?}: {aspect}");
        assert_eq!((drawn[1], drawn[3]), (34.0, 71.0), "as tall as the region");
        assert!(drawn[0] < -25.0 && drawn[2] > 45.0, "wider on both sides: {drawn:?}");
        // A wide region is drawn taller; one at the antimeridian shifts.
        let world = fill_panel([-180.0, -58.0, 180.0, 78.0]);
        assert_eq!((world[0], world[2]), (-180.0, 180.0));
        assert!(world[1] < -58.0 && world[3] > 78.0 && world[3] <= 85.0, "{world:?}");
        let v = View::new(world[0] as f32, world[1] as f32, world[2] as f32, world[3] as f32, 1000.0);
        assert!((f64::from(v.width / v.height) - PANEL_ASPECT).abs() < 0.02, "{world:?}");
        let pacific = fill_panel([150.0, -50.0, 180.0, 0.0]);
        assert_eq!(pacific[2], 180.0);
        assert!(pacific[0] < 150.0);
        // Places count by the region, not the land drawn beside it.
        let v = v.about([-25.0, 34.0, 45.0, 71.0]);
        assert!(v.contains(16.4, 48.2), "Vienna");
        assert!(!v.contains(51.4, 35.7), "Tehran is drawn at the edge, not in Europe");
        // The basemap file says so.
        let parsed = parse_basemap("view europe -50 34 70 71 1000 600 Europe\nregion -25 34 45 71\nFrance\tM0 0z\n");
        assert_eq!(parsed[0].view.region, [-25.0, 34.0, 45.0, 71.0]);
        assert_eq!(parsed[0].countries.len(), 1);
        assert_eq!(parsed[0].view.west, -50.0);
        for (text, want) in [("-41.3", Some(-41.3)), ("1000", Some(1000.0)), ("0.25", Some(0.25)), ("7.", Some(7.0))] {
            assert_eq!(decimal(text), want, "{text}");
        }
        for bad in ["", "-", ".5", "1e3", "12a", "1.2.3", "1234567890"] {
            assert_eq!(decimal(bad), None, "{bad}");
        }
        // Every view of the committed basemap is read, with its countries.
        let committed = include_str!("../assets/basemap.txt");
        let views = parse_basemap(committed);
        assert_eq!(views.len(), committed.lines().filter(|l| l.starts_with("view ")).count());
        assert!(views.iter().all(|v| v.view.width > 0.0 && v.view.height > 0.0 && !v.countries.is_empty()));
    }

    #[test]
    fn the_map_opens_on_the_most_named_places_not_a_passing_mention() {
        let places = [((10.0, 10.0), 40), ((12.0, 11.0), 30), ((900.0, 500.0), 1), ((11.0, 14.0), 10)];
        let core = core_places(&places);
        assert_eq!(core, [(10.0, 10.0), (12.0, 11.0)], "70 of 81 mentions: three quarters held by the two most named");
        assert!(!core.contains(&(900.0, 500.0)));
        assert!(core_places::<(f32, f32)>(&[]).is_empty());
        assert_eq!(core_places(&[((5.0, 5.0), 1)]), [(5.0, 5.0)]);
    }

    #[test]
    fn projection_puts_corners_at_corners_and_keeps_order() {
        let v = View::new(112.5, 21.8, 114.6, 23.7, 1000.0);
        let (x0, y0) = v.project(112.5, 23.7);
        let (x1, y1) = v.project(114.6, 21.8);
        assert!(x0.abs() < 1e-3 && y0.abs() < 1e-3);
        assert!((x1 - 1000.0).abs() < 1e-2 && (y1 - v.height).abs() < 1.0);
        // Hong Kong is east and south of Guangzhou.
        let hk = v.project(114.17, 22.28);
        let gz = v.project(113.25, 23.12);
        assert!(hk.0 > gz.0 && hk.1 > gz.1);
    }
}
