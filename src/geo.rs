//! Map geometry shared by the basemap importer (host) and the app (wasm):
//! Web Mercator projection into a view's SVG units, and the committed
//! basemap file (see `basemap.rs` for how it is made).

/// A rectangle of the Earth drawn `width` units wide, in Web Mercator.
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
}

fn mercator_y(lat: f32) -> f32 {
    let lat = lat.clamp(-85.0, 85.0).to_radians();
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
        }
    }

    /// SVG coordinates of a position (outside the view when it is).
    pub fn project(&self, lon: f32, lat: f32) -> (f32, f32) {
        let k = self.width / (self.east - self.west).to_radians();
        let x = (lon - self.west).to_radians() * k;
        let y = (mercator_y(self.north) - mercator_y(lat)) * k;
        (x, y)
    }

    /// Whether a position is inside the view.
    pub fn contains(&self, lon: f32, lat: f32) -> bool {
        (self.west..=self.east).contains(&lon) && (self.south..=self.north).contains(&lat)
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
    sorted.sort_by(|a, b| b.1.cmp(&a.1));
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
            let nums: Vec<f32> = f.by_ref().take(6).filter_map(|v| v.parse().ok()).collect();
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
                    },
                    countries: Vec::new(),
                });
            }
        } else if let (Some(v), Some((country, d))) = (views.last_mut(), line.split_once('\t')) {
            v.countries.push((country, d));
        }
    }
    views
}

#[cfg(test)]
mod tests {
    use super::*;

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
