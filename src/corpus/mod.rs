//! Loading a corpus folder on the host (build.rs, the CLI, tests): reading the
//! texts, the optional `<folder>.toml` metadata file beside the folder, and
//! deriving what the metadata does not say. Never compiled into the wasm.
//!
//! Every problem stops the build with the file, and the line where there is
//! one, so a builder can fix it.

pub mod gazetteer;
mod layout;
mod meta;
pub mod pipeline;
pub mod regions;

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::engine::build::{DocInput, EntityInput};

pub use layout::{layout, Furniture, Layout};
pub use meta::{derive_author, derive_date, derive_source, derive_title, detect_language};

/// A file shipped with the project (`FURNITURE_FILE` …), found from the
/// project's folder wherever the build or the CLI runs; an error naming
/// the file when it is missing (a build without it would silently index
/// every page heading and know no places).
pub fn project_file(relative: &str) -> Result<PathBuf, CorpusError> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    if path.is_file() {
        Ok(path)
    } else {
        Err(CorpusError::new(
            &path,
            None,
            "this file of the project is missing: restore it with `git checkout -- ".to_owned()
                + relative
                + "` (the gazetteer and regions files are remade by `atlas gazetteer import` and `atlas gazetteer regions`)",
        ))
    }
}

/// The furniture patterns and entity names shipped with the project.
pub const FURNITURE_FILE: &str = "assets/furniture.txt";
/// Places and organisations with their names in every language.
pub const ENTITIES_FILE: &str = "assets/entities.toml";

/// The city gazetteer made by `atlas gazetteer import`.
pub const GAZETTEER_FILE: &str = "assets/gazetteer.tsv";
/// The environment variable naming another curated entities file.
pub const ENTITIES_ENV: &str = "ATLAS_ENTITIES";
/// Countries and states, made by `atlas gazetteer regions`.
pub const REGIONS_FILE: &str = "assets/regions.tsv";

/// File endings read as corpus texts.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "md"];

/// Languages the analysis knows; a `language` in the metadata file must be one.
pub const LANGUAGES: &[&str] = &[
    "en", "fr", "ko", "zh", "ja", "de", "es", "it", "pt", "nl", "ru",
];

/// A problem with the corpus, naming the file (and line) to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusError {
    /// The file (or folder) at fault.
    pub file: PathBuf,
    /// 1-based line, where the problem has one.
    pub line: Option<usize>,
    /// What is wrong, in words a builder can act on.
    pub message: String,
}

impl CorpusError {
    fn new(file: &Path, line: Option<usize>, message: impl Into<String>) -> Self {
        CorpusError {
            file: file.to_owned(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file.display(), line, self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

impl std::error::Error for CorpusError {}

/// Per-document settings in the metadata file; every field is optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocSettings {
    /// Display title.
    pub title: Option<String>,
    /// Outlet or publisher.
    pub source: Option<String>,
    /// Who wrote it.
    pub author: Option<String>,
    /// Publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<String>,
    /// ISO 639-1 code, one of [`LANGUAGES`].
    pub language: Option<String>,
    /// Original address.
    pub url: Option<String>,
}

/// The metadata file: `[documents."<file name>"]` tables.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(default)]
    documents: BTreeMap<String, DocSettings>,
}

/// Where the metadata file of a corpus folder lives: beside it, named after
/// it (`assets/corpus/` → `assets/corpus.toml`).
pub fn settings_path(dir: &Path) -> PathBuf {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "corpus".into());
    dir.with_file_name(format!("{name}.toml"))
}

fn line_of(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].matches('\n').count() + 1
}

fn valid_date(d: &str) -> bool {
    let parts: Vec<&str> = d.split('-').collect();
    let num = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    let ok_shape = match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && num(m, 2),
        [y, m, dd] => num(y, 4) && num(m, 2) && num(dd, 2),
        _ => false,
    };
    let month = parts
        .get(1)
        .and_then(|m| m.parse::<u32>().ok())
        .unwrap_or(1);
    let day = parts
        .get(2)
        .and_then(|m| m.parse::<u32>().ok())
        .unwrap_or(1);
    ok_shape && (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// Whether `url` is an http(s) address: it is published with the document
/// (`atlas docs`, and any page that links it), so a `javascript:` or
/// `data:` address in the metadata is refused at build time.
fn web_address(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !url.chars().any(|c| c.is_control() || c.is_whitespace()))
}

/// Reads an optional TOML file: a missing file is `T::default()`; a bad one
/// is an error at its line. Returns the text too, for pointing at lines later.
fn read_toml<T: serde::de::DeserializeOwned + Default>(
    path: &Path,
) -> Result<(T, String), CorpusError> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok((T::default(), String::new()))
        }
        Err(e) => return Err(CorpusError::new(path, None, format!("cannot read: {e}"))),
    };
    let value = toml::from_str(&text).map_err(|e| {
        let line = e.span().map(|s| line_of(&text, s.start));
        CorpusError::new(path, line, e.message().trim().to_owned())
    })?;
    Ok((value, text))
}

fn load_settings(path: &Path) -> Result<Settings, CorpusError> {
    let (settings, text): (Settings, String) = read_toml(path)?;
    // Point value errors at the line of their document's table.
    let table_line = |id: &str| {
        text.find(&format!("\"{id}\""))
            .or_else(|| text.find(id))
            .map(|b| line_of(&text, b))
    };
    for (id, doc) in &settings.documents {
        if let Some(date) = &doc.date {
            if !valid_date(date) {
                return Err(CorpusError::new(
                    path,
                    table_line(id),
                    format!("document {id:?}: date {date:?} is not YYYY, YYYY-MM or YYYY-MM-DD"),
                ));
            }
        }
        if let Some(url) = &doc.url {
            if !web_address(url) {
                return Err(CorpusError::new(
                    path,
                    table_line(id),
                    format!(
                        "document {id:?}: url {url:?} is not a web address: write one that starts with https:// or http://"
                    ),
                ));
            }
        }
        if let Some(lang) = &doc.language {
            if !LANGUAGES.contains(&lang.as_str()) {
                return Err(CorpusError::new(
                    path,
                    table_line(id),
                    format!(
                        "document {id:?}: unknown language {lang:?} (known: {})",
                        LANGUAGES.join(", ")
                    ),
                ));
            }
        }
    }
    Ok(settings)
}

/// Reads every text in `dir` (sorted by file name) with its metadata, its
/// sections and its furniture, using the project's furniture patterns.
pub fn load(dir: &Path) -> Result<Vec<DocInput>, CorpusError> {
    load_with(dir, &Furniture::load(&project_file(FURNITURE_FILE)?)?)
}

/// [`load`] with explicit furniture patterns.
pub fn load_with(dir: &Path, furniture: &Furniture) -> Result<Vec<DocInput>, CorpusError> {
    let entries = fs::read_dir(dir)
        .map_err(|e| CorpusError::new(dir, None, format!("cannot read the corpus folder: {e}")))?;
    let mut files: Vec<PathBuf> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| CorpusError::new(dir, None, e.to_string()))?;
        let path = entry.path();
        let is_text = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| TEXT_EXTENSIONS.contains(&e));
        if !is_text {
            continue;
        }
        // Only regular files inside the folder: a link could point anywhere
        // (`env.txt -> /proc/self/environ`, `~/.git-credentials`), and what is
        // read here is published, searchable, in the bundle.
        let kind = entry
            .file_type()
            .map_err(|e| CorpusError::new(&path, None, format!("cannot read: {e}")))?;
        if kind.is_symlink() {
            return Err(CorpusError::new(
                &path,
                None,
                "is a symbolic link: corpus-atlas reads only regular files inside the corpus folder \
                 (what it reads is published); copy the text into the folder instead",
            ));
        }
        if kind.is_file() {
            files.push(path);
        } else if !kind.is_dir() {
            return Err(CorpusError::new(
                &path,
                None,
                "is not a regular file (a device, pipe or socket): put only text files in the corpus folder",
            ));
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(CorpusError::new(
            dir,
            None,
            format!(
                "the corpus folder has no texts (files ending in .{})",
                TEXT_EXTENSIONS.join(" or .")
            ),
        ));
    }

    let settings_file = settings_path(dir);
    let mut settings = load_settings(&settings_file)?;
    let mut docs = Vec::with_capacity(files.len());
    for path in &files {
        let id = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut doc = read_doc(path, &id)?;
        if let Some(s) = settings.documents.remove(&id) {
            apply(&mut doc, s);
        }
        lay_out(&mut doc, furniture);
        docs.push(doc);
    }
    if let Some(id) = settings.documents.keys().next() {
        return Err(CorpusError::new(
            &settings_file,
            None,
            format!(
                "document {id:?} is not in {}: check the file name",
                dir.display()
            ),
        ));
    }
    Ok(docs)
}

/// The largest corpus file read (bytes): a bigger one stops the build
/// instead of filling memory (it is read whole, then copied into the index).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A file's bytes, refusing one larger than [`MAX_FILE_BYTES`] before reading it.
fn read_capped(path: &Path) -> Result<Vec<u8>, CorpusError> {
    use std::io::Read as _;
    let cannot = |e: std::io::Error| CorpusError::new(path, None, format!("cannot read: {e}"));
    let file = fs::File::open(path).map_err(cannot)?;
    let too_large = |n: u64| {
        CorpusError::new(
            path,
            None,
            format!(
                "is {} MiB, larger than the {} MiB a corpus file may be: split it into several files",
                n / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        )
    };
    let len = file.metadata().map_err(cannot)?.len();
    if len > MAX_FILE_BYTES {
        return Err(too_large(len));
    }
    // The length may change under us: read at most one byte past the cap.
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn read_doc(path: &Path, id: &str) -> Result<DocInput, CorpusError> {
    let bytes = read_capped(path)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..good].iter().filter(|&&b| b == b'\n').count() + 1;
        CorpusError::new(
            path,
            Some(line),
            format!("not valid UTF-8 (byte {good}); save the file as UTF-8"),
        )
    })?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text)
        .replace("\r\n", "\n");
    if text.trim().is_empty() {
        return Err(CorpusError::new(path, None, "the file is empty"));
    }
    Ok(from_text(id, text))
}

/// A document from its id and text, with metadata derived from the text
/// (no sections yet: see [`from_text_laid_out`]).
fn from_text(id: &str, text: String) -> DocInput {
    DocInput {
        id: id.to_owned(),
        title: derive_title(&text),
        source: derive_source(&text),
        author: derive_author(&text),
        date: derive_date(id, &text),
        lang: detect_language(&text),
        url: String::new(),
        sections: Vec::new(),
        aside: Vec::new(),
        text,
    }
}

/// A document as a corpus folder would give it: metadata derived, sections
/// and furniture found, languages detected. For text that is not in a file
/// (generated benchmark corpora).
pub fn from_text_laid_out(id: &str, text: String, furniture: &Furniture) -> DocInput {
    let mut doc = from_text(id, text);
    lay_out(&mut doc, furniture);
    doc
}

/// Splits a document into sections and furniture, and gives each section its
/// language: detected when the section is long enough to tell, else the
/// document's.
fn lay_out(doc: &mut DocInput, furniture: &Furniture) {
    let Layout {
        mut sections,
        aside,
    } = layout(&doc.text, &doc.title, furniture);
    // A lone section speaks the document's language (detected once, over the
    // whole text, or set in the metadata); detection is a fifth of a large build.
    let single = sections.len() == 1 && !doc.lang.is_empty();
    for s in &mut sections {
        let text = &doc.text[s.range.clone()];
        let detected = (!single && text.chars().count() >= 60).then(|| detect_language(text));
        s.lang = detected
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| doc.lang.clone());
    }
    doc.sections = sections;
    doc.aside = aside;
}

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
        return load_entities(&file, &project_file(GAZETTEER_FILE)?, &project_file(REGIONS_FILE)?);
    }
    load_entities(
        &project_file(ENTITIES_FILE)?,
        &project_file(GAZETTEER_FILE)?,
        &project_file(REGIONS_FILE)?,
    )
}

/// Reads the curated entities file (`[[entity]]` tables, see its header)
/// over the city gazetteer: every gazetteer city, with curated names and
/// kinds merged in by GeoNames id, curated places and organisations after
/// them, `overrides` taken away from every other entity and `not_places`
/// from every gazetteer city. Missing files mean none.
pub fn load_entities(
    entities: &Path,
    gazetteer_file: &Path,
    regions_file: &Path,
) -> Result<Vec<EntityInput>, CorpusError> {
    let (file, text): (EntitiesFile, String) = read_toml(entities)?;
    let cities = gazetteer::load(gazetteer_file)?;
    let mut out: Vec<EntityInput> = Vec::with_capacity(cities.len() + file.entity.len());
    let mut by_id: std::collections::HashMap<u32, usize> =
        std::collections::HashMap::with_capacity(cities.len());
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
    // Countries and states: places of their own kind, never drawn as cities.
    for r in regions::load(regions_file)? {
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
    let line = |name: &str| text.find(&format!("\"{name}\"")).map(|b| line_of(&text, b));
    let mut overrides: Vec<(usize, String)> = Vec::new();
    for e in file.entity {
        let mut aliases = e.aliases;
        aliases.extend(e.overrides.iter().cloned());
        aliases.push(e.name.clone());
        let slot = match e.geonames {
            Some(id) => {
                let Some(&slot) = by_id.get(&id) else {
                    return Err(CorpusError::new(
                        entities,
                        line(&e.name),
                        format!(
                            "{:?}: GeoNames id {id} is not in {}",
                            e.name,
                            gazetteer_file.display()
                        ),
                    ));
                };
                let city = &mut out[slot];
                city.name = e.name;
                city.kind = e.kind;
                city.aliases = aliases;
                city.curated = true;
                slot
            }
            None => {
                let at = match (e.lat, e.lon) {
                    (Some(lat), Some(lon))
                        if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
                    {
                        Some((lat, lon))
                    }
                    (None, None)
                        if !crate::engine::index::format::PLACE_KINDS.contains(&e.kind.as_str()) =>
                    {
                        None
                    }
                    _ => {
                        return Err(CorpusError::new(
                            entities,
                            line(&e.name),
                            format!(
                                "{:?}: a {} needs `geonames` or `lat` and `lon` in degrees",
                                e.name, e.kind
                            ),
                        ))
                    }
                };
                out.push(EntityInput {
                    name: e.name,
                    kind: e.kind,
                    aliases,
                    gazetteer_aliases: Vec::new(),
                    country: e.country,
                    population: 0,
                    at,
                    curated: true,
                    geonames: 0,
                });
                out.len() - 1
            }
        };
        overrides.extend(e.overrides.into_iter().map(|o| (slot, o)));
    }
    // Surnames mark the start of a person's name (see engine::mentions).
    out.extend(file.surnames.iter().map(|n| EntityInput {
        name: n.clone(),
        kind: crate::engine::build::places::SURNAME.into(),
        aliases: vec![n.clone()],
        curated: true,
        ..EntityInput::default()
    }));
    let form = |name: &str| crate::engine::analysis::lang::alias_form(&crate::engine::analysis::terms(name));
    let overridden: std::collections::HashMap<String, usize> =
        overrides.iter().map(|(slot, o)| (form(o), *slot)).collect();
    let not_places: std::collections::HashSet<String> = file
        .not_places
        .iter()
        .chain(&file.surnames)
        .map(|n| form(n))
        .collect();
    for (slot, e) in out.iter_mut().enumerate() {
        let keep = |name: &String, gazetteer: bool| {
            let f = form(name);
            overridden.get(&f).is_none_or(|&owner| owner == slot)
                && !(gazetteer && not_places.contains(&f))
        };
        e.aliases.retain(|a| keep(a, false));
        e.gazetteer_aliases.retain(|a| keep(a, true));
    }
    Ok(out)
}

fn apply(doc: &mut DocInput, s: DocSettings) {
    let fields = [
        (&mut doc.title, s.title),
        (&mut doc.source, s.source),
        (&mut doc.author, s.author),
        (&mut doc.date, s.date),
        (&mut doc.lang, s.language),
        (&mut doc.url, s.url),
    ];
    for (field, value) in fields {
        if let Some(v) = value {
            *field = v;
        }
    }
}
