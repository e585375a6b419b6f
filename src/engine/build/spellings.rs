//! The other spellings texts use for a place's name, made from the name:
//! "St." for "Saint", the short form of a name with a river or a title in
//! it ("Frankfurt" for Frankfurt am Main, "Stade" for Hansestadt Stade), and
//! the old "-burg" for "-burgh" and back (Plattsburg, Hamburgh).
//!
//! Forms are analysed names (folded words joined by single spaces).

/// Words that join a town's name to its river or region: Frankfurt am
/// Main, Newcastle upon Tyne, Boulogne-sur-Mer. Not "an", "on" or "en",
/// which are syllables of romanised names (Lu'an, Xi'an).
const JOINS: &[&str] = &["am", "upon", "sur", "im"];
/// Titles a town carries before its name: Hansestadt Stade, Lutherstadt Wittenberg.
const TOWN_TITLES: &[&str] = &["hansestadt", "lutherstadt", "universitatsstadt"];

/// `form` and the other spellings of it; `gazetteer` names also give their
/// short forms (a curated name is trusted only as written).
pub(super) fn forms(form: String, gazetteer: bool) -> Vec<String> {
    let mut out = vec![form.clone()];
    if let Some(rest) = form.strip_prefix("saint ") {
        out.push(format!("st {rest}"));
    } else if let Some(rest) = form.strip_prefix("st ") {
        out.push(format!("saint {rest}"));
    }
    if !gazetteer {
        return out;
    }
    let words: Vec<&str> = form.split(' ').collect();
    if let Some(j) = words.iter().skip(1).position(|w| JOINS.contains(w)).map(|j| j + 1) {
        if j + 1 < words.len() {
            out.push(words[..j].join(" "));
        }
    }
    if words.len() == 2 && TOWN_TITLES.contains(&words[0]) {
        out.push(words[1].to_owned());
    }
    if words.len() == 1 {
        if let Some(stem) = form.strip_suffix("burgh") {
            out.push(format!("{stem}burg"));
        } else if let Some(stem) = form.strip_suffix("burg") {
            out.push(format!("{stem}burgh"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(form: &str) -> Vec<String> {
        forms(form.to_owned(), true)
    }

    #[test]
    fn short_forms_and_old_spellings() {
        assert_eq!(of("frankfurt am main"), ["frankfurt am main", "frankfurt"]);
        assert_eq!(of("newcastle upon tyne"), ["newcastle upon tyne", "newcastle"]);
        assert_eq!(of("hansestadt stade"), ["hansestadt stade", "stade"]);
        assert_eq!(of("plattsburgh"), ["plattsburgh", "plattsburg"]);
        assert_eq!(of("hamburg"), ["hamburg", "hamburgh"]);
        assert_eq!(of("st louis"), ["st louis", "saint louis"]);
        // "de" joins too many names for its first word to stand alone.
        assert_eq!(of("rio de janeiro"), ["rio de janeiro"]);
        // A curated name is only respelt for "Saint".
        assert_eq!(forms("frankfurt am main".into(), false), ["frankfurt am main"]);
    }
}
