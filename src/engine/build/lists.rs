//! Places named in a list take their kind from the company they keep:
//! "the governors of New York, Pennsylvania, Ohio" names states, so New York
//! is the State; "Italy, Rome, and the other European States" names
//! countries, so Rome is one too (the Papal States), not the city.

use super::names::SpanToken;

/// What a name found in a text can be, from its candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NameKind {
    /// Only cities.
    City,
    /// Only countries, states or other regions.
    Region,
    /// A city or a region ("New York", "Singapore").
    Either,
}

/// A place name where it stands: section, first token, length in tokens.
#[derive(Debug, Clone, Copy)]
pub(super) struct Named {
    pub section: usize,
    pub start: usize,
    pub len: usize,
    pub kind: NameKind,
    /// It may be a country.
    pub country: bool,
}

/// The other names of the list a name stands in, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Company {
    pub cities: usize,
    pub regions: usize,
}

/// Words that may stand between two names of one list besides commas.
const LINKS: &[&str] = &["and", "or", "nor", "the", "et", "ou", "la", "le", "les", "l"];

/// Whether the text between two names joins them in one list: commas and
/// list words only, with at least one of them (two names side by side with
/// only a space are one longer name, or none).
fn linked(text: &str, tokens: &[SpanToken], a: &Named, b: &Named) -> bool {
    let (end, start) = (a.start + a.len, b.start);
    if a.section != b.section || start < end || start - end > 2 {
        return false;
    }
    let between = &tokens[end..start];
    if !between.iter().all(|t| LINKS.contains(&t.term.as_str())) {
        return false;
    }
    let Some(gap) = text.get(tokens[end - 1].bytes.end..tokens[start].bytes.start) else {
        return false;
    };
    let punctuation_ok = gap
        .chars()
        .all(|c| c == ',' || c.is_whitespace() || c.is_alphabetic() || c == '\'' || c == '’');
    let conjunction = between
        .iter()
        .any(|t| matches!(t.term.as_str(), "and" | "or" | "nor" | "et" | "ou"));
    punctuation_ok && (gap.contains(',') || conjunction)
}

/// Whether the name `b` right after the name `a` says where `a` is: "Geneva,
/// in Switzerland", "Paris, Texas", "San Jose de Guatemala", "Portland
/// (Maine)".
pub(super) fn qualifies(text: &str, tokens: &[SpanToken], a: &Named, b: &Named) -> bool {
    let (end, start) = (a.start + a.len, b.start);
    if a.section != b.section || start < end || start - end > 1 {
        return false;
    }
    let Some(gap) = text.get(tokens[end - 1].bytes.end..tokens[start].bytes.start) else {
        return false;
    };
    match start - end {
        0 => matches!(gap.trim(), "," | "(") && !gap.contains('\n'),
        _ => {
            let word = text.get(tokens[end].bytes.clone()).unwrap_or_default();
            matches!(word, "in" | "de" | "del" | "en") && gap.len() <= 8 && !gap.contains('\n')
        }
    }
}

/// For each name (given in text order), the kinds of the other names in its list.
pub(super) fn company(text: &str, sections: &[Vec<SpanToken>], names: &[Named]) -> Vec<Company> {
    let mut out = vec![Company::default(); names.len()];
    let mut first = 0;
    for i in 0..names.len() {
        let next_linked = names
            .get(i + 1)
            .is_some_and(|b| linked(text, &sections[b.section], &names[i], b));
        if next_linked {
            continue;
        }
        // names[first..=i] is one list, unless it is an address: a place,
        // its region and its country, with only commas between ("Cambridge,
        // Massachusetts, United States" is no list of three regions).
        let list = &names[first..=i];
        let side_by_side = |a: &Named, b: &Named| b.start == a.start + a.len;
        if let [place, region, country] = list {
            if country.country && region.kind != NameKind::City && side_by_side(place, region) && side_by_side(region, country) {
                first = i + 1;
                continue;
            }
        }
        let count = |kind: NameKind| list.iter().filter(|n| n.kind == kind).count();
        let (cities, regions) = (count(NameKind::City), count(NameKind::Region));
        for (n, c) in list.iter().zip(&mut out[first..=i]) {
            *c = Company {
                cities: cities - usize::from(n.kind == NameKind::City),
                regions: regions - usize::from(n.kind == NameKind::Region),
            };
        }
        first = i + 1;
    }
    out
}
