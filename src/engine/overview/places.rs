//! How often each place is named in a set of sections: the numbers behind
//! the map's marks, its table and the regions listed beside it.

pub use crate::engine::index::format::PLACE_KINDS;
use crate::engine::index::Index;

/// One place and its mentions in the sections counted.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceCount {
    /// The entity's ordinal in the index.
    pub entity: u32,
    /// Mentions (a name of several words counts once).
    pub mentions: u32,
    /// Mentions per document: (document ordinal, count), in document order.
    pub docs: Vec<(u32, u32)>,
}

/// Number of mentions in a sorted list of token positions: each mention is
/// a run of consecutive positions.
pub fn runs(positions: &[u32]) -> u32 {
    let breaks = positions.windows(2).filter(|w| w[0].checked_add(1) != Some(w[1])).count();
    if positions.is_empty() {
        0
    } else {
        breaks as u32 + 1
    }
}

/// Mentions of every place in the sections for which `counted` is true (all
/// sections when `None`), most mentioned first, then by name; places with
/// none are left out. A split index counts them in its table of the places
/// each section names; a whole one reads each place's postings.
pub fn place_counts(index: &Index<'_>, counted: Option<&[bool]>) -> Vec<PlaceCount> {
    let counts = |section: u32| counted.is_none_or(|c| c.get(section as usize).copied().unwrap_or(false));
    let n = index.entity_count();
    let mut docs: Vec<Vec<(u32, u32)>> = vec![Vec::new(); n as usize];
    let mut add = |entity: u32, section: u32, mentions: u32| {
        let doc = index.section_doc(section);
        let list = &mut docs[entity as usize];
        match list.last_mut() {
            Some((d, c)) if *d == doc => *c += mentions,
            _ => list.push((doc, mentions)),
        }
    };
    if let Some(table) = index.section_places() {
        for p in table.filter(|p| p.entity < n && counts(p.section)) {
            add(p.entity, p.section, p.mentions);
        }
    } else {
        for e in (0..n).filter(|&e| PLACE_KINDS.contains(&index.entity(e).kind)) {
            for p in index.entity_postings(&index.entity(e)).into_iter().filter(|p| counts(p.section)) {
                add(e, p.section, runs(&p.positions));
            }
        }
    }
    let mut out: Vec<PlaceCount> = docs
        .into_iter()
        .enumerate()
        .map(|(e, docs)| PlaceCount { entity: e as u32, mentions: docs.iter().map(|d| d.1).sum(), docs })
        .filter(|p| p.mentions > 0 && PLACE_KINDS.contains(&index.entity(p.entity).kind))
        .collect();
    crate::sort::sort_by(&mut out, |a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| index.entity(a.entity).name.cmp(index.entity(b.entity).name))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::runs;

    #[test]
    fn a_name_of_several_words_is_one_mention() {
        assert_eq!(runs(&[]), 0);
        assert_eq!(runs(&[4, 5]), 1);
        assert_eq!(runs(&[4, 5, 9, 20, 21, 22]), 3);
    }
}
