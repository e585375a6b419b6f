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
fn runs(positions: &[u32]) -> u32 {
    let breaks = positions.windows(2).filter(|w| w[0].checked_add(1) != Some(w[1])).count();
    if positions.is_empty() {
        0
    } else {
        breaks as u32 + 1
    }
}

/// Mentions of every place in the sections for which `counted` is true (all
/// sections when `None`), most mentioned first, then by name; places with
/// none are left out.
pub fn place_counts(index: &Index<'_>, counted: Option<&[bool]>) -> Vec<PlaceCount> {
    let mut out = Vec::new();
    for e in 0..index.entity_count() {
        let entity = index.entity(e);
        if !PLACE_KINDS.contains(&entity.kind) {
            continue;
        }
        let mut docs: Vec<(u32, u32)> = Vec::new();
        for p in index.entity_postings(&entity) {
            if counted.is_some_and(|c| !c.get(p.section as usize).copied().unwrap_or(false)) {
                continue;
            }
            let n = runs(&p.positions);
            let doc = index.section_doc(p.section);
            match docs.last_mut() {
                Some((d, c)) if *d == doc => *c += n,
                _ => docs.push((doc, n)),
            }
        }
        let mentions = docs.iter().map(|d| d.1).sum();
        if mentions > 0 {
            out.push(PlaceCount {
                entity: e,
                mentions,
                docs,
            });
        }
    }
    out.sort_by(|a, b| {
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
