//! The places and organisations to recognise: the city gazetteer, the
//! countries and states, and the curated entities file over them.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::error::CorpusError;
use super::files::{line_of, read_toml};
use super::project::{project_file, ENTITIES_ENV, ENTITIES_FILE, GAZETTEER_FILE, REGIONS_FILE, REGIONS_MORE_FILE};
use super::{gazetteer, regions};
use crate::engine::build::EntityInput;

/// One `[[entity]]` table of the entities file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntitySetting {
    name: String,
    kind: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    overrides: Vec<String>,
    geonames: Option<u32>,
    lat: Option<f32>,
    lon: Option<f32>,
    #[serde(default)]
    country: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntitiesFile {
    #[serde(default)]
    not_places: Vec<String>,
    #[serde(default)]
    surnames: Vec<String>,
    #[serde(default)]
    entity: Vec<EntitySetting>,
}

/// The entities of the project: [`ENTITIES_FILE`] over [`GAZETTEER_FILE`].
/// `ATLAS_ENTITIES` names another curated entities file than the project's
/// (a corpus of its own, the hostile test corpus); it must exist.
pub fn project_entities() -> Result<Vec<EntityInput>, CorpusError> {
    if let Some(file) = std::env::var_os(ENTITIES_ENV).filter(|f| !f.is_empty()) {
        let file = PathBuf::from(file);
        if !file.is_file() {
            return Err(CorpusError::new(&file, None, format!("{ENTITIES_ENV} names no file")));
        }
        return load_entities(&file, &PlaceFiles::project()?);
    }
    load_entities(&project_file(ENTITIES_FILE)?, &PlaceFiles::project()?)
}

/// The general place data shipped with the project: the city gazetteer
/// and the regions, generated and hand-made.
pub struct PlaceFiles {
    gazetteer: PathBuf,
    regions: PathBuf,
    regions_more: PathBuf,
}

impl PlaceFiles {
    /// The project's own files, or an error naming the one missing.
    pub fn project() -> Result<Self, CorpusError> {
        Ok(PlaceFiles {
            gazetteer: project_file(GAZETTEER_FILE)?,
            regions: project_file(REGIONS_FILE)?,
            regions_more: project_file(REGIONS_MORE_FILE)?,
        })
    }
}

/// Reads the curated entities file (`[[entity]]` tables, see its header)
/// over the city gazetteer: every gazetteer city, with curated names and
/// kinds merged in by GeoNames id, curated places and organisations after
/// them, `overrides` taken away from every other entity and `not_places`
/// from every gazetteer city. Missing files mean none.
pub fn load_entities(entities: &Path, places: &PlaceFiles) -> Result<Vec<EntityInput>, CorpusError> {
    let (file, text): (EntitiesFile, String) = read_toml(entities)?;
    let (mut out, by_id) = gazetteer_places(places)?;
    let line = |name: &str| text.find(&format!("\"{name}\"")).map(|b| line_of(&text, b));
    let mut overrides: Vec<(usize, String)> = Vec::new();
    for e in file.entity {
        let name = e.name.clone();
        match e.geonames {
            Some(id) => {
                let Some(&slot) = by_id.get(&id) else {
                    return Err(CorpusError::new(
                        entities,
                        line(&name),
                        format!("{name:?}: GeoNames id {id} is not in {}", places.gazetteer.display()),
                    ));
                };
                overrides.extend(e.overrides.iter().map(|o| (slot, o.clone())));
                let city = &mut out[slot];
                city.aliases = aliases_of(&e);
                city.name = e.name;
                city.kind = e.kind;
                city.curated = true;
            }
            None => {
                let entity = curated(e, &mut overrides, out.len())
                    .map_err(|message| CorpusError::new(entities, line(&name), message))?;
                out.push(entity);
            }
        }
    }
    // Surnames mark the start of a person's name (see engine::build::places).
    out.extend(file.surnames.iter().map(|n| EntityInput {
        name: n.clone(),
        kind: crate::engine::build::places::SURNAME.into(),
        aliases: vec![n.clone()],
        curated: true,
        ..EntityInput::default()
    }));
    take_away(&mut out, &overrides, &file.not_places, &file.surnames);
    Ok(out)
}

/// Every gazetteer city, then the countries and states (places of their
/// own kind, never drawn as cities), and where each GeoNames id sits.
fn gazetteer_places(places: &PlaceFiles) -> Result<(Vec<EntityInput>, HashMap<u32, usize>), CorpusError> {
    let cities = gazetteer::load(&places.gazetteer)?;
    let mut out: Vec<EntityInput> = Vec::with_capacity(cities.len());
    let mut by_id: HashMap<u32, usize> = HashMap::with_capacity(cities.len());
    for c in cities {
        by_id.insert(c.id, out.len());
        let mut gazetteer_aliases = c.aliases;
        gazetteer_aliases.push(c.name.clone());
        out.push(EntityInput {
            name: c.name,
            kind: "city".into(),
            aliases: Vec::new(),
            gazetteer_aliases,
            country: c.country,
            population: c.population,
            at: Some((c.lat, c.lon)),
            curated: false,
            geonames: c.id,
        });
    }
    for r in regions::load_with(&places.regions, &places.regions_more)? {
        let mut gazetteer_aliases = r.aliases;
        gazetteer_aliases.push(r.name.clone());
        out.push(EntityInput {
            name: r.name,
            kind: r.kind,
            aliases: Vec::new(),
            gazetteer_aliases,
            country: r.country,
            population: r.population,
            at: Some((r.lat, r.lon)),
            curated: false,
            geonames: r.id,
        });
    }
    Ok((out, by_id))
}

/// The names a curated entity is found by: its aliases, its overrides and its name.
fn aliases_of(e: &EntitySetting) -> Vec<String> {
    let mut aliases = e.aliases.clone();
    aliases.extend(e.overrides.iter().cloned());
    aliases.push(e.name.clone());
    aliases
}

/// A curated entity with no GeoNames id, to go at `slot`: a place needs a
/// position in degrees, an organisation none.
fn curated(e: EntitySetting, overrides: &mut Vec<(usize, String)>, slot: usize) -> Result<EntityInput, String> {
    let at = match (e.lat, e.lon) {
        (Some(lat), Some(lon)) if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) => {
            Some((lat, lon))
        }
        (None, None) if !crate::engine::index::format::PLACE_KINDS.contains(&e.kind.as_str()) => None,
        _ => {
            return Err(format!(
                "{:?}: a {} needs `geonames` or `lat` and `lon` in degrees",
                e.name, e.kind
            ))
        }
    };
    overrides.extend(e.overrides.iter().map(|o| (slot, o.clone())));
    Ok(EntityInput {
        aliases: aliases_of(&e),
        name: e.name,
        kind: e.kind,
        gazetteer_aliases: Vec::new(),
        country: e.country,
        population: 0,
        at,
        curated: true,
        geonames: 0,
    })
}

/// Takes each override away from every entity but its owner, and the
/// names that are not places (and surnames) from every gazetteer name.
fn take_away(out: &mut [EntityInput], overrides: &[(usize, String)], not_places: &[String], surnames: &[String]) {
    let form = |name: &str| crate::engine::analysis::lang::alias_form(&crate::engine::analysis::terms(name));
    let overridden: HashMap<String, usize> = overrides.iter().map(|(slot, o)| (form(o), *slot)).collect();
    let not_places: HashSet<String> = not_places.iter().chain(surnames).map(|n| form(n)).collect();
    for (slot, e) in out.iter_mut().enumerate() {
        let keep = |name: &String, gazetteer: bool| {
            let f = form(name);
            overridden.get(&f).is_none_or(|&owner| owner == slot) && !(gazetteer && not_places.contains(&f))
        };
        e.aliases.retain(|a| keep(a, false));
        e.gazetteer_aliases.retain(|a| keep(a, true));
    }
}
