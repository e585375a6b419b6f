//! A table's header of years ("2007 2008 2009", or a cell a line): the
//! layout keeps such lines as text, where a line with no letter is
//! otherwise page furniture (a page number), so their years are read.

use super::words::PLAIN_YEARS;

/// The years a line holds when it holds nothing else ("2007", "2008 2009"):
/// plain years (1500–2100), as a table's cells write them.
pub fn line_years(line: &str) -> Option<Vec<i32>> {
    let years: Vec<i32> = line
        .split_whitespace()
        .map(|w| w.parse().ok().filter(|y| w.len() == 4 && PLAIN_YEARS.contains(y)))
        .collect::<Option<_>>()?;
    (!years.is_empty()).then_some(years)
}

/// Whether `years` read as a table's header of years: three or more, rising
/// by the same step of at most ten (2007 2008 2009 · 1990 2000 2010). Page
/// numbers, amounts and codes seldom stand so.
pub fn is_year_row(years: &[i32]) -> bool {
    let step = |p: &[i32]| p[1] - p[0];
    years.len() >= 3 && (1..=10).contains(&step(years)) && years.windows(2).all(|p| step(p) == step(years))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_of_years_rises_by_one_step() {
        assert_eq!(line_years(" 2007  2008 "), Some(vec![2007, 2008]));
        assert_eq!(line_years("2007 people"), None);
        assert_eq!(line_years("21,185"), None);
        assert_eq!(line_years("0042"), None, "not a plain year");
        assert!(is_year_row(&[2007, 2008, 2009, 2010, 2011]));
        assert!(is_year_row(&[1990, 2000, 2010]));
        assert!(!is_year_row(&[2007, 2008]), "two are no row");
        assert!(!is_year_row(&[2007, 2009, 2010]), "uneven steps");
        assert!(!is_year_row(&[1838, 1846, 1851]), "resolutions' numbers");
        assert!(!is_year_row(&[2010, 2009, 2008]), "falling");
    }
}
