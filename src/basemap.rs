//! The map's background, made once from Natural Earth by `atlas basemap
//! import <world-atlas folder>` (npm `world-atlas` 2.0.2, public domain) and
//! committed as `assets/basemap.txt`: each view's countries decoded from
//! TopoJSON, projected (Web Mercator), clipped to the view, simplified
//! (Douglas–Peucker) and written as integer SVG path data. The app draws
//! these paths as they are, and projects places with [`crate::geo`].
//!
//! File format, one record per line:
//! ```text
//! view <name> <west> <south> <east> <north> <width> <height> <title>
//! region <west> <south> <east> <north>     (when the view draws more than its region)
//! <country name>\t<svg path data>
//! ```

use std::fmt::Write as _;

use serde_json::Value;

use crate::geo::View;

/// One view of the basemap to cut: its short name, the world-atlas file it
/// is cut from, its edges in degrees, its width in SVG units, the
/// simplification tolerance in view units, and its title.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewSpec {
    /// Short name (`world`).
    pub name: String,
    /// The TopoJSON file of world-atlas it is cut from.
    pub file: String,
    /// West, south, east and north edges, degrees.
    pub edges: [f64; 4],
    /// Width in SVG units.
    pub width: f64,
    /// Douglas–Peucker tolerance, view units.
    pub tolerance: f64,
    /// Shown to readers.
    pub title: String,
}

/// The views cut, from the closest in (`assets/basemap-views.txt`).
pub fn views() -> Result<Vec<ViewSpec>, String> {
    let mut out = Vec::new();
    for (n, line) in include_str!("../assets/basemap-views.txt").lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.splitn(9, ' ').collect();
        let num = |i: usize| -> Result<f64, String> {
            f.get(i)
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| format!("assets/basemap-views.txt:{}: column {} is not a number", n + 1, i + 1))
        };
        if f.len() != 9 {
            return Err(format!("assets/basemap-views.txt:{}: expected 9 columns", n + 1));
        }
        out.push(ViewSpec {
            name: f[0].to_owned(),
            file: f[1].to_owned(),
            edges: [num(2)?, num(3)?, num(4)?, num(5)?],
            width: num(6)?,
            tolerance: num(7)?,
            title: f[8].to_owned(),
        });
    }
    Ok(out)
}

type Ring = Vec<(f64, f64)>;

/// Decodes the absolute positions of every arc of a TopoJSON topology.
fn arcs(topo: &Value) -> Result<Vec<Ring>, String> {
    let t = &topo["transform"];
    let (sx, sy) = (t["scale"][0].as_f64(), t["scale"][1].as_f64());
    let (tx, ty) = (t["translate"][0].as_f64(), t["translate"][1].as_f64());
    let (Some(sx), Some(sy), Some(tx), Some(ty)) = (sx, sy, tx, ty) else {
        return Err("the topology has no quantization transform".into());
    };
    let list = topo["arcs"].as_array().ok_or("the topology has no arcs")?;
    let mut out = Vec::with_capacity(list.len());
    for arc in list {
        let (mut x, mut y) = (0i64, 0i64);
        let mut ring = Vec::new();
        for p in arc.as_array().ok_or("an arc is not a list")? {
            x += p[0].as_i64().ok_or("an arc position is not an integer")?;
            y += p[1].as_i64().ok_or("an arc position is not an integer")?;
            ring.push((x as f64 * sx + tx, y as f64 * sy + ty));
        }
        out.push(ring);
    }
    Ok(out)
}

/// A ring from its arc indexes (`~i` is arc `i` reversed).
fn ring(indexes: &Value, arcs: &[Ring]) -> Result<Ring, String> {
    let mut out: Ring = Vec::new();
    for i in indexes.as_array().ok_or("a ring is not a list of arcs")? {
        let i = i.as_i64().ok_or("an arc index is not an integer")?;
        let (k, reversed) = if i < 0 {
            ((!i) as usize, true)
        } else {
            (i as usize, false)
        };
        let arc = arcs
            .get(k)
            .ok_or_else(|| format!("arc {k} does not exist"))?;
        let points: Box<dyn Iterator<Item = &(f64, f64)>> = if reversed {
            Box::new(arc.iter().rev())
        } else {
            Box::new(arc.iter())
        };
        // Consecutive arcs share their joining point.
        out.extend(points.skip(usize::from(!out.is_empty())));
    }
    Ok(out)
}

/// A ring that crosses the antimeridian (a jump of more than 180° between
/// neighbours) made continuous: its minority side moves by 360°, past the
/// view's edge, where clipping cuts it off instead of drawing a stripe.
fn unwrap(ring: &mut Ring) {
    let jumps = ring.windows(2).any(|w| (w[0].0 - w[1].0).abs() > 180.0);
    if !jumps {
        return;
    }
    let east = ring.iter().filter(|p| p.0 > 0.0).count() * 2 >= ring.len();
    for p in ring.iter_mut() {
        if east && p.0 < 0.0 {
            p.0 += 360.0;
        } else if !east && p.0 > 0.0 {
            p.0 -= 360.0;
        }
    }
}

/// Sutherland–Hodgman: `ring` clipped to the rectangle [x0, x1] × [y0, y1].
fn clip(ring: &Ring, x0: f64, y0: f64, x1: f64, y1: f64) -> Ring {
    let mut out = ring.clone();
    type Inside<'a> = &'a dyn Fn((f64, f64)) -> bool;
    type Cut<'a> = &'a dyn Fn((f64, f64), (f64, f64)) -> (f64, f64);
    let edges: [(Inside, Cut); 4] = [
        (&|p| p.0 >= x0, &|a, b| {
            (x0, a.1 + (b.1 - a.1) * (x0 - a.0) / (b.0 - a.0))
        }),
        (&|p| p.0 <= x1, &|a, b| {
            (x1, a.1 + (b.1 - a.1) * (x1 - a.0) / (b.0 - a.0))
        }),
        (&|p| p.1 >= y0, &|a, b| {
            (a.0 + (b.0 - a.0) * (y0 - a.1) / (b.1 - a.1), y0)
        }),
        (&|p| p.1 <= y1, &|a, b| {
            (a.0 + (b.0 - a.0) * (y1 - a.1) / (b.1 - a.1), y1)
        }),
    ];
    for (inside, cut) in edges {
        let input = std::mem::take(&mut out);
        let Some(&last) = input.last() else { break };
        let mut prev = last;
        for &p in &input {
            match (inside(prev), inside(p)) {
                (true, true) => out.push(p),
                (true, false) => out.push(cut(prev, p)),
                (false, true) => {
                    out.push(cut(prev, p));
                    out.push(p);
                }
                (false, false) => {}
            }
            prev = p;
        }
    }
    out
}

/// Douglas–Peucker simplification of an open polyline.
fn simplify(points: &[(f64, f64)], tolerance: f64) -> Vec<(f64, f64)> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let (pa, pb) = (points[a], points[b]);
        let (dx, dy) = (pb.0 - pa.0, pb.1 - pa.1);
        let len = (dx * dx + dy * dy).sqrt();
        let mut worst = (0.0, 0);
        for (i, p) in points.iter().enumerate().take(b).skip(a + 1) {
            let d = if len == 0.0 {
                ((p.0 - pa.0).powi(2) + (p.1 - pa.1).powi(2)).sqrt()
            } else {
                ((p.0 - pa.0) * dy - (p.1 - pa.1) * dx).abs() / len
            };
            if d > worst.0 {
                worst = (d, i);
            }
        }
        if worst.0 > tolerance {
            keep[worst.1] = true;
            stack.push((a, worst.1));
            stack.push((worst.1, b));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(p, _)| *p)
        .collect()
}

fn area(ring: &[(i64, i64)]) -> i64 {
    let n = ring.len();
    (0..n)
        .map(|i| ring[i].0 * ring[(i + 1) % n].1 - ring[(i + 1) % n].0 * ring[i].1)
        .sum::<i64>()
        .abs()
        / 2
}

/// SVG path data for one country's rings, in integer view units, relative moves.
fn path(rings: &[Ring], view: &View, tolerance: f64) -> String {
    let mut d = String::new();
    let margin = 2.0;
    for r in rings {
        let projected: Ring = r
            .iter()
            .map(|&(lon, lat)| view.project(lon as f32, lat as f32))
            .map(|(x, y)| (f64::from(x), f64::from(y)))
            .collect();
        let clipped = clip(
            &projected,
            -margin,
            -margin,
            view.width as f64 + margin,
            view.height as f64 + margin,
        );
        if clipped.len() < 3 {
            continue;
        }
        let mut closed = clipped.clone();
        closed.push(clipped[0]);
        let simple = simplify(&closed, tolerance);
        let mut pts: Vec<(i64, i64)> = simple
            .iter()
            .map(|p| (p.0.round() as i64, p.1.round() as i64))
            .collect();
        pts.dedup();
        if pts.len() > 1 && pts.first() == pts.last() {
            pts.pop();
        }
        if pts.len() < 3 || area(&pts) < 2 {
            continue;
        }
        let _ = write!(d, "M{} {}", pts[0].0, pts[0].1);
        let mut prev = pts[0];
        d.push('l');
        for (k, p) in pts.iter().enumerate().skip(1) {
            let (dx, dy) = (p.0 - prev.0, p.1 - prev.1);
            if k > 1 && dx >= 0 {
                d.push(' ');
            }
            let _ = write!(d, "{dx}");
            if dy >= 0 {
                d.push(' ');
            }
            let _ = write!(d, "{dy}");
            prev = *p;
        }
        d.push('z');
    }
    d
}

/// The first line of the basemap file.
pub const HEADER: &str =
    "# corpus-atlas basemap: Natural Earth via npm world-atlas 2.0.2 (public domain), made by `atlas basemap import`.\n";

/// The basemap file's text from the world-atlas folder's TopoJSON files,
/// read with `read(file name)`.
pub fn import(read: impl Fn(&str) -> Result<String, String>) -> Result<String, String> {
    let mut out = String::from(HEADER);
    for spec in views()? {
        let topo = read(&spec.file)?;
        out.push_str(&cut(&spec, &topo)?);
    }
    Ok(out)
}

/// One view's records (its `view` line and its countries' paths), cut from
/// the TopoJSON text `topo`.
pub fn cut(spec: &ViewSpec, topo: &str) -> Result<String, String> {
    let ViewSpec { name, file, edges, width, tolerance, title } = spec;
    let topo: Value = serde_json::from_str(topo).map_err(|e| format!("{file}: {e}"))?;
    let arcs = arcs(&topo).map_err(|e| format!("{file}: {e}"))?;
    // Drawn to fill the map's panel; about the region asked for.
    let [west, south, east, north] = crate::geo::fill_panel(*edges);
    let view = View::new(west as f32, south as f32, east as f32, north as f32, *width as f32);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "view {name} {west} {south} {east} {north} {} {} {title}",
        view.width, view.height
    );
    if [west, south, east, north] != *edges {
        let [w, s, e, n] = edges;
        let _ = writeln!(out, "region {w} {s} {e} {n}");
    }
    let geometries = topo["objects"]["countries"]["geometries"]
        .as_array()
        .ok_or(format!("{file}: no countries"))?;
    for g in geometries {
        let polygons: Vec<&Value> = match g["type"].as_str() {
            Some("Polygon") => vec![&g["arcs"]],
            Some("MultiPolygon") => g["arcs"]
                .as_array()
                .map(|a| a.iter().collect())
                .unwrap_or_default(),
            _ => continue,
        };
        let mut rings = Vec::new();
        for polygon in polygons {
            for r in polygon.as_array().into_iter().flatten() {
                let mut r = ring(r, &arcs).map_err(|e| format!("{file}: {e}"))?;
                unwrap(&mut r);
                rings.push(r);
            }
        }
        let d = path(&rings, &view, *tolerance);
        if !d.is_empty() {
            let country = g["properties"]["name"].as_str().unwrap_or("").replace('\t', " ");
            let _ = writeln!(out, "{country}\t{d}");
        }
    }
    Ok(out)
}

/// The widest a close-up spans, degrees: a corpus whose places spread
/// wider is drawn on the general regions.
const CLOSE_UP_MAX_SPAN: f32 = 16.0;

/// A view close around a corpus's most named cities (see
/// [`crate::geo::core_places`]), cut from Natural Earth's finest countries at
/// build time: the map of a corpus about one city's region shows that region
/// in detail, whatever region it is. `cities` are ((lat, lon), mentions,
/// name); `None` when they spread wider than a region, or there are none.
pub fn close_up(cities: &[((f32, f32), u32, &str)]) -> Option<ViewSpec> {
    let places: Vec<((f32, f32), u32)> = cities.iter().map(|c| (c.0, c.1)).collect();
    let core = crate::geo::core_places(&places);
    let &(lat0, lon0) = core.first()?;
    let (mut lo, mut hi) = ((lat0, lon0), (lat0, lon0));
    for &(lat, lon) in &core {
        lo = (lo.0.min(lat), lo.1.min(lon));
        hi = (hi.0.max(lat), hi.1.max(lon));
    }
    let (span_lat, span_lon) = (hi.0 - lo.0, hi.1 - lo.1);
    if span_lat > CLOSE_UP_MAX_SPAN || span_lon > CLOSE_UP_MAX_SPAN {
        return None;
    }
    // A margin of a third, at least two degrees across, and wider than tall
    // as the map's panel is (a degree of longitude shrinks with latitude).
    let pad_lat = (span_lat / 3.0).max((2.0 - span_lat) / 2.0);
    let mid = ((lo.0 + hi.0) / 2.0).to_radians().cos().max(0.2);
    let wide = 1.5 * (span_lat + 2.0 * pad_lat) / mid;
    let pad_lon = (span_lon / 3.0).max((2.0 - span_lon) / 2.0).max((wide - span_lon) / 2.0);
    let most = cities.iter().max_by_key(|c| c.1)?.2;
    let round = |v: f32| (f64::from(v) * 10.0).round() / 10.0;
    Some(ViewSpec {
        name: "close".into(),
        file: "countries-10m.json".into(),
        edges: [
            round(lo.1 - pad_lon),
            round((lo.0 - pad_lat).max(-80.0)),
            round(hi.1 + pad_lon),
            round((hi.0 + pad_lat).min(80.0)),
        ],
        width: 1000.0,
        tolerance: 0.9,
        title: format!("Around {most}"),
    })
}

/// The `[west, south, east, north]` a view's block is about: its `region`
/// line, else the view's own edges.
fn block_region(block: &[&str]) -> Option<[f32; 4]> {
    let edges = |rest: &str, skip: usize| -> Option<[f32; 4]> {
        let nums: Vec<f32> = rest.split(' ').skip(skip).take(4).filter_map(|v| v.parse().ok()).collect();
        nums.try_into().ok()
    };
    let region = block.iter().find_map(|l| l.strip_prefix("region "));
    match region {
        Some(rest) => edges(rest, 0),
        None => block.first().and_then(|l| l.strip_prefix("view ")).and_then(|rest| edges(rest, 1)),
    }
}

/// The basemap `text` without the views that hold none of `places`
/// (latitude, longitude): the map offers only views holding a place of the
/// results, which are the corpus's places or fewer (`view::map::offered_views`),
/// so a view none of them lies in would never be drawn. The last view (the
/// world) always stays.
pub fn keep_views_with(text: &str, places: &[(f32, f32)]) -> String {
    let mut blocks: Vec<Vec<&str>> = vec![Vec::new()];
    for line in text.lines() {
        if line.starts_with("view ") {
            blocks.push(Vec::new());
        }
        if let Some(block) = blocks.last_mut() {
            block.push(line);
        }
    }
    let last = blocks.len() - 1;
    let mut out = String::with_capacity(text.len());
    for (i, block) in blocks.iter().enumerate() {
        let holds = |[west, south, east, north]: [f32; 4]| {
            places.iter().any(|&(lat, lon)| (west..=east).contains(&lon) && (south..=north).contains(&lat))
        };
        if i == 0 || i == last || block_region(block).is_some_and(holds) {
            for line in block {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_close_up_frames_the_most_named_cities_and_none_for_a_continent() {
        let delta = [
            ((22.3, 114.2), 40, "Hong Kong"),
            ((22.5, 114.1), 30, "Shenzhen"),
            ((23.1, 113.3), 10, "Guangzhou"),
            ((39.9, 116.4), 2, "Beijing"),
        ];
        let v = close_up(&delta).expect("a region's cities get a close-up");
        let [west, south, east, north] = v.edges;
        for ((lat, lon), _, name) in &delta[..2] {
            assert!((west..east).contains(&f64::from(*lon)) && (south..north).contains(&f64::from(*lat)), "{name} in {:?}", v.edges);
        }
        assert!(north < 30.0, "a passing mention of Beijing does not stretch it: {:?}", v.edges);
        assert!(east - west > north - south, "wider than tall: {:?}", v.edges);
        assert_eq!(v.title, "Around Hong Kong");
        let spread = [((40.7, -74.0), 5, "New York"), ((48.9, 2.35), 5, "Paris"), ((35.7, 139.7), 5, "Tokyo")];
        assert_eq!(close_up(&spread), None, "a corpus about everywhere is drawn on the general views");
        assert_eq!(close_up(&[]), None);
    }

    #[test]
    fn clipping_keeps_the_inside_of_a_square() {
        let square = vec![(-5.0, -5.0), (5.0, -5.0), (5.0, 5.0), (-5.0, 5.0)];
        let c = clip(&square, 0.0, 0.0, 10.0, 10.0);
        let xs: Vec<f64> = c.iter().map(|p| p.0).collect();
        assert!(xs.iter().all(|&x| (0.0..=5.0).contains(&x)), "{c:?}");
        assert_eq!(
            area(
                &c.iter()
                    .map(|p| (p.0 as i64, p.1 as i64))
                    .collect::<Vec<_>>()
            ),
            25
        );
    }

    #[test]
    fn simplification_drops_points_on_a_line() {
        let line = vec![(0.0, 0.0), (1.0, 0.01), (2.0, 0.0), (3.0, 5.0)];
        assert_eq!(
            simplify(&line, 0.5),
            vec![(0.0, 0.0), (2.0, 0.0), (3.0, 5.0)]
        );
    }

    #[test]
    fn only_views_holding_a_place_are_kept_and_the_world_always() {
        let text = "# header\nview a 0 0 10 10 100 100 A\nregion 0 0 10 10\nX\tM0 0z\nview b 20 0 30 10 100 100 B\nY\tM1 1z\nview world -180 -60 180 80 100 100 World\nZ\tM2 2z\n";
        let kept = keep_views_with(text, &[(5.0, 25.0)]);
        assert_eq!(kept, "# header\nview b 20 0 30 10 100 100 B\nY\tM1 1z\nview world -180 -60 180 80 100 100 World\nZ\tM2 2z\n");
        let none = keep_views_with(text, &[]);
        assert!(none.contains("World") && !none.contains("view a") && !none.contains("view b"));
        assert_eq!(keep_views_with(text, &[(5.0, 5.0), (5.0, 25.0)]), text, "both held: the text unchanged");
    }
}
