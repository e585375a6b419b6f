//! The timeline's view for a result set: the whole corpus's span while the
//! results' dates fill a good part of it, their own span when they are
//! bunched in a corner of it (a query about 1803 in a corpus from 500 BC to
//! today draws its dates side by side, not in one column).

use super::timeline::domain;

/// The days a result set's dates (`(first, last)` of each) are best seen
/// in, within the corpus's span `full`: `full` when they fill a third of it
/// or more (or there are none), else their span padded by a quarter of its
/// width and at least two years on each side.
pub fn fitted(spans: impl IntoIterator<Item = (i32, i32)>, full: (i32, i32)) -> (i32, i32) {
    let Some((lo, hi)) = domain(spans) else {
        return full;
    };
    let width = hi - lo;
    if width.saturating_mul(3) >= full.1 - full.0 {
        return full;
    }
    let pad = (width / 4).max(2 * 365);
    (lo.saturating_sub(pad).max(full.0), hi.saturating_add(pad).min(full.1))
}

#[cfg(test)]
mod tests {
    use super::fitted;
    use crate::engine::time::days_from_civil;

    #[test]
    fn bunched_results_get_their_own_span_and_spread_ones_the_corpus() {
        let year = |y: i32| days_from_civil(y, 1, 1);
        let full = (year(-499), year(2027));
        // Dates of 1803 and 1804 only: a view of those years and two more on each side.
        let bunched = [(year(1803), year(1803) + 30), (year(1804) + 100, year(1804) + 100)];
        assert_eq!(fitted(bunched, full), (year(1801), year(1805) + 2 * 365));
        // Dates across more than a third of the corpus: the whole of it.
        assert_eq!(fitted([(year(200), year(200)), (year(2000), year(2000))], full), full);
        // None: the whole corpus; and never past its ends.
        assert_eq!(fitted([], full), full);
        let near_the_end = fitted([(year(2026), year(2026))], full);
        assert_eq!(near_the_end.1, full.1);
    }
}
