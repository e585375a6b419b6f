//! Where a document is, by its own places: the countries it names and the
//! points it names beyond doubt. Homonyms are resolved against it ("Salvador"
//! near Guatemala and Honduras is El Salvador, not the city in Brazil).

use std::collections::HashMap;

use super::input::EntityInput;

/// A place this close to one the document names beyond doubt is "near" it.
const NEAR_KM: f64 = 1_000.0;

/// For regional context, Hong Kong and Macau belong with China.
pub(super) fn context_country(code: &str) -> &str {
    match code {
        "HK" | "MO" => "CN",
        c => c,
    }
}

/// The countries a document names (how often) and where its sure places are.
#[derive(Debug, Default)]
pub(super) struct Regional<'e> {
    countries: HashMap<&'e str, usize>,
    points: Vec<(f32, f32)>,
}

impl<'e> Regional<'e> {
    /// Counts one sure mention of a place in `country`, at `at` when its
    /// position is known.
    pub fn add(&mut self, country: &'e str, at: Option<(f32, f32)>) {
        *self.countries.entry(context_country(country)).or_default() += 1;
        self.points.extend(at);
    }

    /// Notes where a sure place of no one country is ("Central America").
    pub fn add_point(&mut self, at: Option<(f32, f32)>) {
        self.points.extend(at);
    }

    /// Whether the document names a place in `x`'s country.
    pub fn named(&self, x: &EntityInput) -> bool {
        self.count(x) > 0
    }

    /// How often the document names places in `x`'s country.
    pub fn count(&self, x: &EntityInput) -> usize {
        self.countries.get(context_country(&x.country)).copied().unwrap_or(0)
    }

    /// The count of the country the document names most.
    pub fn most(&self) -> usize {
        self.countries.values().copied().max().unwrap_or(0)
    }

    /// Whether `x` lies within [`NEAR_KM`] of a place the document names beyond doubt.
    pub fn near(&self, x: &EntityInput) -> bool {
        x.at.is_some_and(|a| self.points.iter().any(|&p| km(a, p) <= NEAR_KM))
    }
}

/// Great-circle distance in kilometres between two (latitude, longitude) points.
fn km(a: (f32, f32), b: (f32, f32)) -> f64 {
    let rad = |d: f32| f64::from(d).to_radians();
    let (la1, lo1, la2, lo2) = (rad(a.0), rad(a.1), rad(b.0), rad(b.1));
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6_371.0 * h.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_are_great_circle_kilometres() {
        // Paris to London is about 344 km; a point is 0 km from itself.
        let (paris, london) = ((48.8566, 2.3522), (51.5074, -0.1278));
        assert!((km(paris, london) - 344.0).abs() < 5.0);
        assert!(km(paris, paris) < 1e-6);
    }

    #[test]
    fn a_place_is_near_when_within_reach_of_a_sure_one() {
        let mut r = Regional::default();
        r.add("GT", Some((14.6, -90.5)));
        let place = |country: &str, at: (f32, f32)| EntityInput {
            country: country.into(),
            at: Some(at),
            ..EntityInput::default()
        };
        let el_salvador = place("SV", (13.7, -89.2));
        let salvador_brazil = place("BR", (-13.0, -38.5));
        assert!(r.near(&el_salvador) && !r.named(&el_salvador));
        assert!(!r.near(&salvador_brazil));
        assert!(r.named(&place("GT", (15.0, -91.0))));
        assert_eq!(r.most(), 1);
    }
}
