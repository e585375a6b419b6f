//! The trends chart's geometry: one bar per period, as tall as the query's
//! matches per 10,000 words published then (a rate, so a year with more
//! texts does not look busier for it), and which periods get a label.

use crate::engine::research::TrendRow;

/// The chart's width in SVG units.
pub const W: f32 = 600.0;
/// Its height.
pub const H: f32 = 150.0;
/// Room under the bars for the periods' labels.
pub const LABELS: f32 = 18.0;

/// One period's bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Left edge.
    pub x: f32,
    /// Width.
    pub width: f32,
    /// Top of the bar (the baseline is `H - LABELS`).
    pub y: f32,
    /// Whether its period is written under it (at most about ten are).
    pub labelled: bool,
}

/// Matches per 10,000 words, in tenths, by integer arithmetic.
pub fn rate_tenths(row: &TrendRow) -> u64 {
    if row.words == 0 {
        return 0;
    }
    (row.matches as u64 * 100_000 + row.words / 2) / row.words
}

/// The bars of `rows`, left to right.
pub fn bars(rows: &[TrendRow]) -> Vec<Bar> {
    grouped(&[rows]).pop().unwrap_or_default()
}

/// The bars of several queries' trends over the same periods, side by side
/// in each period's slot, one scale for all (so their heights compare).
pub fn grouped(series: &[&[TrendRow]]) -> Vec<Vec<Bar>> {
    let periods = series.first().map_or(0, |s| s.len());
    let n = periods.max(1) as f32;
    let slot = W / n;
    let k = series.len().max(1) as f32;
    let peak = series.iter().flat_map(|s| s.iter()).map(rate_tenths).max().unwrap_or(0).max(1) as f32;
    let every = periods.div_ceil(10).max(1);
    let base = H - LABELS;
    series
        .iter()
        .enumerate()
        .map(|(j, rows)| {
            rows.iter()
                .enumerate()
                .map(|(i, r)| {
                    let h = rate_tenths(r) as f32 / peak * (base - 4.0);
                    let width = slot * 0.8 / k;
                    Bar {
                        x: i as f32 * slot + slot * 0.1 + j as f32 * width,
                        width,
                        y: base - h,
                        labelled: i % every == 0 || i + 1 == periods,
                    }
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(period: &str, matches: usize, words: u64) -> TrendRow {
        TrendRow { period: period.into(), matches, documents: 1, words }
    }

    #[test]
    fn bars_are_as_tall_as_the_rate_not_the_count_and_labels_are_thinned() {
        let rows = [row("2019", 18, 2981), row("2020", 0, 500), row("2023", 11, 466)];
        assert_eq!(rate_tenths(&rows[0]), 604, "18 in 2,981 words: 60.4 per 10,000");
        let b = bars(&rows);
        assert_eq!(b.len(), 3);
        assert!(b[2].y < b[0].y, "fewer matches in fewer words is the higher rate");
        assert_eq!(b[1].y, H - LABELS, "no matches: no bar");
        assert!(b.iter().all(|b| b.x >= 0.0 && b.x + b.width <= W));
        let many: Vec<TrendRow> = (0..40).map(|y| row(&format!("{}", 1900 + y), 1, 100)).collect();
        let labelled = bars(&many).iter().filter(|b| b.labelled).count();
        assert!((5..=12).contains(&labelled), "{labelled} labels for 40 years");
        assert!(bars(&[]).is_empty());
        // Two queries share each period's slot and one scale.
        let other = [row("2019", 1, 2981), row("2020", 5, 500), row("2023", 0, 466)];
        let g = grouped(&[&rows, &other]);
        assert_eq!(g.len(), 2);
        assert!(g[1][0].x >= g[0][0].x + g[0][0].width - 0.01, "side by side");
        assert!(g[1][1].y < g[0][1].y, "the other's 2020 is taller than none");
        assert_eq!(g[0][2].y, b[2].y, "the tallest rate reaches the same height");
    }
}
