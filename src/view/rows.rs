//! Which rows of a long table to draw: those on screen and a few around
//! them, so a concordance of thousands of matches costs what a screenful
//! costs, with spacers above and below keeping the scroll bar true.

use std::ops::Range;

/// Rows drawn beyond each edge of the screen, so a quick scroll or a
/// keyboard step finds its row already there.
pub const OVERSCAN: usize = 12;
/// Rows drawn before anything is measured: more than a tall screen holds.
pub const FIRST_SCREEN: usize = 60;

/// The rows of a table of `total` rows of `row_px` each to draw, when its
/// first row's top is `top_px` from the top of a screen `screen_px` tall
/// (negative once scrolled past).
pub fn visible(top_px: f64, screen_px: f64, row_px: f64, total: usize) -> Range<usize> {
    if total == 0 {
        return 0..0;
    }
    if !(row_px.is_finite() && row_px > 0.0 && top_px.is_finite() && screen_px.is_finite()) {
        return 0..total.min(FIRST_SCREEN);
    }
    let first = (-top_px / row_px).floor().max(0.0) as usize;
    let last = ((screen_px - top_px) / row_px).ceil().max(0.0) as usize;
    let start = first.saturating_sub(OVERSCAN).min(total);
    let end = last.saturating_add(OVERSCAN).min(total).max(start);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_screenful_and_the_overscan_are_drawn() {
        // The table starts 300 px down a 900 px screen: 20 rows of 30 px fit, then the overscan.
        assert_eq!(visible(300.0, 900.0, 30.0, 1_000), 0..32);
        // Scrolled 3,000 px past its top: rows 100 to 130 are on screen.
        assert_eq!(visible(-3_000.0, 900.0, 30.0, 1_000), 88..142);
        // Near the end, no row past the last.
        assert_eq!(visible(-29_500.0, 900.0, 30.0, 1_000), 971..1_000);
        // Below the screen: only the overscan's first rows are drawn.
        assert_eq!(visible(2_000.0, 900.0, 30.0, 1_000), 0..OVERSCAN);
    }

    #[test]
    fn nothing_measured_draws_the_first_screen_and_nothing_to_draw_draws_nothing() {
        assert_eq!(visible(0.0, 900.0, f64::NAN, 1_000), 0..FIRST_SCREEN);
        assert_eq!(visible(0.0, 900.0, 0.0, 10), 0..10);
        assert_eq!(visible(0.0, 900.0, 30.0, 0), 0..0);
    }
}
