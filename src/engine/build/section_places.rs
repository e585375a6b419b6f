//! The places each section names, written for a split index so that its
//! map counts places from the head instead of fetching every place's
//! postings at first paint (see the `places` region in `index::format`).

use crate::engine::index::format::{put_varint, PLACE_KINDS};
use crate::engine::overview::places::runs;

use super::error::{to_u32, WriteError};
use super::input::EntityInput;
use super::postings::EntityLists;

/// The places region: for each of `sections` sections, the kept places it
/// names (new ordinals, ascending, delta-coded) and their mentions.
pub(super) fn places_by_section(
    entities: &[EntityInput],
    lists: &EntityLists,
    kept: &[Option<u32>],
    sections: usize,
) -> Result<Vec<u8>, WriteError> {
    let mut named: Vec<Vec<(u32, u32)>> = vec![Vec::new(); sections];
    for (e, ord) in kept.iter().enumerate().filter_map(|(e, o)| o.map(|o| (e, o))) {
        if !PLACE_KINDS.contains(&entities[e].kind.as_str()) {
            continue;
        }
        for (section, positions) in &lists[e] {
            if let Some(places) = named.get_mut(*section as usize) {
                places.push((ord, runs(positions)));
            }
        }
    }
    let mut out = Vec::new();
    for places in named {
        put_varint(&mut out, to_u32(places.len())?);
        let mut prev = 0;
        for (entity, mentions) in places {
            put_varint(&mut out, entity - prev);
            put_varint(&mut out, mentions);
            prev = entity;
        }
    }
    Ok(out)
}
