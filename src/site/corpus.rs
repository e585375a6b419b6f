//! The [`Payload`] for an index: the index itself, the map's basemap (a
//! close-up around the corpus's most named cities when world-atlas is at
//! hand, then those of the general views that hold one of its cities, and
//! the world) and the fold table of the characters the
//! corpus uses. This is the work `build.rs` once did for every compile.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::basemap;
use crate::engine::analysis::fold::table_for;
use crate::engine::overview::examples::{examples, Examples};
use crate::engine::overview::places::place_counts;
use crate::engine::{Index, ShardId};
use crate::payload::Payload;

use super::SiteError;

/// The general views of the map, for any corpus.
const GENERAL_VIEWS: &str = include_str!("../../assets/basemap.txt");

/// The payload for `index_bytes`; `world_atlas` is npm world-atlas's folder
/// (the Makefile installs it), without which the map has the general views
/// only; `shards` is the folder holding a split index's shard files.
pub fn payload_for(index_bytes: &[u8], world_atlas: Option<&Path>, shards: Option<&Path>) -> Result<Vec<u8>, SiteError> {
    let index = Index::open(index_bytes).map_err(|e| SiteError(format!("the index does not open: {e}")))?;
    let examples = examples_of(index_bytes, shards)?.to_text();
    let close = match world_atlas {
        Some(dir) => close_up(dir, &index)?,
        None => None,
    };
    let basemap = match close {
        Some(view) => GENERAL_VIEWS.replacen('\n', &format!("\n{view}"), 1),
        None => GENERAL_VIEWS.to_owned(),
    };
    // (The index holds only the places the corpus names, with or without its postings.)
    let cities: Vec<(f32, f32)> = (0..index.entity_count())
        .map(|e| index.entity(e))
        .filter(|e| e.kind == "city")
        .filter_map(|e| e.at)
        .collect();
    let basemap = basemap::keep_views_with(&basemap, &cities);
    let fold = fold_table(&index);
    Ok(Payload { index: index_bytes, planes: false, basemap: &basemap, fold: &fold, examples: &examples }.to_bytes())
}

/// The start page's examples, worked out here once: for a split index,
/// with the shards they read (the places' postings and a text) taken
/// from the folder `shards` as the index asks for them.
fn examples_of(index_bytes: &[u8], shards: Option<&Path>) -> Result<Examples, SiteError> {
    let mut read: Vec<(ShardId, Vec<u8>)> = Vec::new();
    loop {
        let index = Index::open(index_bytes).map_err(|e| SiteError(format!("the index does not open: {e}")))?;
        for (id, bytes) in &read {
            index.provide(*id, bytes).map_err(|e| SiteError(e.to_string()))?;
        }
        let found = index.tracked(|i| examples(i));
        let wanted = index.wanted();
        if !found.missed || wanted.is_empty() {
            return Ok(found.value);
        }
        let Some(dir) = shards else {
            return Ok(found.value);
        };
        let files: Vec<(ShardId, PathBuf)> = wanted
            .into_iter()
            .map(|id| (id, dir.join(index.shard_file(id).trim_start_matches("shards/"))))
            .collect();
        drop(index);
        for (id, file) in files {
            let bytes = fs::read(&file).map_err(|e| SiteError(format!("{}: {e}", file.display())))?;
            read.push((id, bytes));
        }
    }
}

/// The fold table for the characters of the corpus's texts and metadata
/// and of its places' names, or, for a split head, whose texts are in its
/// shards, for every character.
fn fold_table(index: &Index) -> Vec<u8> {
    if index.is_split() {
        return table_for((0x80..=0x10FFFF).filter_map(char::from_u32));
    }
    let mut chars = BTreeSet::new();
    for doc in index.docs() {
        for text in [doc.text, doc.title, doc.source, doc.author, doc.id] {
            chars.extend(text.chars().filter(|c| !c.is_ascii()));
        }
    }
    for e in 0..index.entity_count() {
        chars.extend(index.entity(e).name.chars());
    }
    table_for(chars)
}

/// The close-up view's records, if the corpus's cities call for one (a
/// split head counts its places in its table of places by section).
fn close_up(world_atlas: &Path, index: &Index) -> Result<Option<String>, SiteError> {
    let counts = place_counts(index, None);
    let cities: Vec<((f32, f32), u32, &str)> = counts
        .iter()
        .map(|c| (index.entity(c.entity), c.mentions))
        .filter(|(e, _)| e.kind == "city")
        .filter_map(|(e, n)| Some((e.at?, n, e.name)))
        .collect();
    let Some(spec) = basemap::close_up(&cities) else {
        return Ok(None);
    };
    let file = world_atlas.join(&spec.file);
    let topo = fs::read_to_string(&file)
        .map_err(|e| SiteError(format!("{}: {e} (run `make tools`, or leave ATLAS_WORLD_ATLAS unset)", file.display())))?;
    basemap::cut(&spec, &topo).map(Some).map_err(SiteError)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::analysis::fold::FoldTable;

    #[test]
    fn the_payload_carries_the_index_the_views_and_the_corpus_characters() {
        let bytes = payload_for(crate::INDEX_BYTES, None, None).unwrap();
        let payload = Payload::parse(&bytes).unwrap();
        assert!(payload.planes && payload.index != crate::INDEX_BYTES, "the tables travel as byte planes");
        assert_eq!(payload.plain_index().as_ref(), crate::INDEX_BYTES);
        let mut in_place = bytes.clone();
        crate::payload::plain_in_place(&mut in_place);
        let opened = Payload::parse(&in_place).unwrap();
        assert!(!opened.planes && opened.index == crate::INDEX_BYTES, "the app turns them back where they lie");
        assert!(payload.basemap.contains("World"), "the world view, always");
        // The demo names no city in Oceania: that view would never be drawn.
        let index = Index::open(crate::INDEX_BYTES).unwrap();
        let oceania = (0..index.entity_count())
            .filter_map(|e| index.entity(e).at)
            .any(|(lat, lon)| (110.0..=180.0).contains(&lon) && (-48.0..=-8.0).contains(&lat));
        assert_eq!(payload.basemap.contains("view oceania"), oceania);
        let fold = FoldTable::new(payload.fold).unwrap();
        // The demo corpus has French accents: é folds to e.
        assert_eq!(fold.get('é'), Some("e"));
    }
}
