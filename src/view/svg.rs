//! Numbers written into SVG attributes: to a tenth of a unit (a tenth of a
//! pixel or less on screen), by integer arithmetic. Writing an `f32` with
//! `Display` finds its shortest exact decimal (`123.45678`), which linked
//! Rust's float-formatting code into the wasm for attributes no one reads
//! past the first decimal.

use std::fmt;

use crate::geo::within;

/// `v` to one decimal, as SVG reads it: `12.5`, `-3`, `0.1`; `0` for a
/// value that is not a number.
pub struct Num(pub f32);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tenths = if self.0.is_finite() {
            within(self.0 * 10.0, -1e9, 1e9).round() as i64
        } else {
            0
        };
        let sign = if tenths < 0 { "-" } else { "" };
        let (whole, tenth) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
        match tenth {
            0 => write!(f, "{sign}{whole}"),
            t => write!(f, "{sign}{whole}.{t}"),
        }
    }
}

/// [`Num`] as an attribute value.
pub fn num(v: f32) -> String {
    Num(v).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_to_a_tenth_and_read_back_as_such() {
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(-3.0), "-3");
        assert_eq!(num(0.04), "0");
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(-0.06), "-0.1");
        assert_eq!(num(123.456_78), "123.5");
        assert_eq!(num(f32::NAN), "0");
        assert_eq!(num(1e12), "100000000");
        for v in [0.1f32, 7.25, -41.95, 999.99] {
            let back: f32 = num(v).parse().unwrap();
            assert!((back - v).abs() <= 0.05 + 1e-4, "{v} -> {back}");
        }
    }
}
