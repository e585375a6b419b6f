//! Scores the build-time extraction against hand-made gold sets (`make
//! eval`, `atlas eval DIR`): city mentions, date expressions and publication
//! dates, per corpus and per split, so a figure measured on text the rules
//! were tuned on is never mistaken for one measured on text they were not.
//!
//! A gold set is a folder `<corpus>/` holding `tune/` and `heldout/` corpus
//! folders and `tune.gold.toml` / `heldout.gold.toml` beside them (see
//! `tests/data/eval/*/README.md` for each source and its licence):
//!
//! ```toml
//! [[doc]]
//! file = "a.txt"
//! published = "1803-10-17"       # "" when the text states no date
//! title = "…"
//! [[doc.city]]                   # every city mention, with its count
//! name = "New Orleans"
//! country = "US"
//! geonames = 4335045             # 0 when the gazetteer lacks it
//! count = 2
//! [[doc.date]]                   # every date expression
//! surface = "April 30, 1803"
//! value = "1803-04-30"
//! ```

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::corpus::{self, CorpusError};
use crate::engine::build::places::find;
use crate::engine::build::dates::date_doc;
use crate::engine::build::{DocInput, EntityInput};

#[derive(Debug, Deserialize)]
struct GoldFile {
    #[serde(default)]
    doc: Vec<GoldDoc>,
}

#[derive(Debug, Deserialize)]
struct GoldDoc {
    file: String,
    #[serde(default)]
    published: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    city: Vec<GoldCity>,
    #[serde(default)]
    date: Vec<GoldDate>,
}

#[derive(Debug, Deserialize)]
struct GoldCity {
    name: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    geonames: u32,
    count: u32,
}

#[derive(Debug, Deserialize)]
struct GoldDate {
    surface: String,
    value: String,
}

/// Matched, predicted and gold counts: precision and recall.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predictions that the gold set holds.
    pub matched: u32,
    /// Everything predicted.
    pub predicted: u32,
    /// Everything in the gold set.
    pub gold: u32,
}

impl Counts {
    /// Share of predictions that are right (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    /// Share of the gold set found (1 when the gold set is empty).
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    fn add(&mut self, other: Counts) {
        self.matched += other.matched;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        1.0
    } else {
        f64::from(a) / f64::from(b)
    }
}

/// How publication dates came out, over the documents of a split.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Published {
    /// Documents whose text states a date.
    pub dated: u32,
    /// … of which ours has the right year.
    pub right_year: u32,
    /// … of which ours has another year.
    pub wrong: u32,
    /// Documents that state no date but got one.
    pub invented: u32,
    /// Documents that state none.
    pub undated: u32,
}

/// The scores of one split of one corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    /// The corpus folder's name.
    pub corpus: String,
    /// `tune` or `heldout`.
    pub split: String,
    /// Documents scored.
    pub docs: u32,
    /// City mentions.
    pub cities: Counts,
    /// Date expressions.
    pub dates: Counts,
    /// Publication dates.
    pub published: Published,
    /// Titles equal to the gold title (case and spacing aside).
    pub titles: u32,
    /// What went wrong, one line each, for reading.
    pub errors: Vec<String>,
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = &self.published;
        write!(
            f,
            "{:<22} {:<8} {:>3} docs | cities P {:.2} R {:.2} ({}/{}/{}) | dates P {:.2} R {:.2} ({}/{}/{}) | published: right year {}/{}, wrong {}, invented {}/{} | titles {}/{}",
            self.corpus, self.split, self.docs,
            self.cities.precision(), self.cities.recall(), self.cities.matched, self.cities.predicted, self.cities.gold,
            self.dates.precision(), self.dates.recall(), self.dates.matched, self.dates.predicted, self.dates.gold,
            p.right_year, p.dated, p.wrong, p.invented, p.undated, self.titles, self.docs,
        )
    }
}

/// Why a gold set could not be scored.
#[derive(Debug)]
pub enum EvalError {
    /// The texts could not be loaded.
    Corpus(CorpusError),
    /// A gold file is missing or malformed.
    Gold(PathBuf, String),
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::Corpus(e) => write!(f, "{e}"),
            EvalError::Gold(p, e) => write!(f, "{}: {e}", p.display()),
        }
    }
}

impl std::error::Error for EvalError {}

/// Every split of every gold set under `root` (`root/<corpus>/<split>`), by name.
pub fn evaluate_all(root: &Path, entities: &[EntityInput]) -> Result<Vec<Score>, EvalError> {
    let mut corpora: Vec<PathBuf> = std::fs::read_dir(root)
        .map_err(|e| EvalError::Gold(root.to_owned(), e.to_string()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    corpora.sort();
    let mut out = Vec::new();
    for corpus in corpora {
        for split in ["tune", "heldout"] {
            if corpus.join(format!("{split}.gold.toml")).is_file() {
                out.push(evaluate(&corpus, split, entities)?);
            }
        }
    }
    Ok(out)
}

/// Scores one split: `dir/<split>/` against `dir/<split>.gold.toml`.
pub fn evaluate(dir: &Path, split: &str, entities: &[EntityInput]) -> Result<Score, EvalError> {
    let gold_path = dir.join(format!("{split}.gold.toml"));
    let text = std::fs::read_to_string(&gold_path)
        .map_err(|e| EvalError::Gold(gold_path.clone(), e.to_string()))?;
    let gold: GoldFile =
        toml::from_str(&text).map_err(|e| EvalError::Gold(gold_path.clone(), e.to_string()))?;
    let mut docs = corpus::load(&dir.join(split)).map_err(EvalError::Corpus)?;
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    let mut score = Score {
        corpus: dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        split: split.to_owned(),
        ..Score::default()
    };
    let cities = predicted_cities(&docs, entities);
    for g in &gold.doc {
        let Some(d) = docs.iter().position(|d| d.id == g.file) else {
            return Err(EvalError::Gold(gold_path, format!("{} is not in {split}/", g.file)));
        };
        let doc = &docs[d];
        score.docs += 1;
        score_cities(&mut score, doc, g, cities.get(&d).map_or(&[][..], Vec::as_slice), entities);
        score_dates(&mut score, doc, g);
        score_published(&mut score, doc, g);
        if same_words(&doc.title, &g.title) {
            score.titles += 1;
        } else if !g.title.is_empty() {
            score.errors.push(format!("{}: title {:?}, gold {:?}", doc.id, doc.title, g.title));
        }
    }
    Ok(score)
}

fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
    words(a) == words(b)
}

/// Per document: (entity, surface) of each city mention found.
fn predicted_cities(docs: &[DocInput], entities: &[EntityInput]) -> HashMap<usize, Vec<(usize, String)>> {
    let mut out: HashMap<usize, Vec<(usize, String)>> = HashMap::new();
    for m in find(docs, entities) {
        if entities[m.entity].kind == "city" {
            out.entry(m.doc)
                .or_default()
                .push((m.entity, docs[m.doc].text[m.bytes].to_owned()));
        }
    }
    out
}

fn score_cities(score: &mut Score, doc: &DocInput, gold: &GoldDoc, found: &[(usize, String)], entities: &[EntityInput]) {
    let mut counts: HashMap<usize, (u32, Vec<&str>)> = HashMap::new();
    for (e, surface) in found {
        let c = counts.entry(*e).or_default();
        c.0 += 1;
        c.1.push(surface);
    }
    let mut c = Counts {
        gold: gold.city.iter().map(|g| g.count).sum(),
        ..Counts::default()
    };
    let mut used = vec![0u32; gold.city.len()];
    for (e, (n, surfaces)) in &counts {
        let entity = &entities[*e];
        c.predicted += n;
        let g = gold.city.iter().position(|g| {
            (g.geonames != 0 && g.geonames == entity.geonames)
                || (g.name.eq_ignore_ascii_case(&entity.name)
                    && (g.country.is_empty() || entity.country.is_empty() || g.country == entity.country))
        });
        let hit = g.map_or(0, |g| {
            let take = (gold.city[g].count - used[g]).min(*n);
            used[g] += take;
            take
        });
        c.matched += hit;
        if hit < *n {
            score.errors.push(format!(
                "{}: {} × {} ({}, {}) is not a city mention of the gold set",
                doc.id, n - hit, entity.name, entity.country, surfaces.join(" / ")
            ));
        }
    }
    for (g, u) in gold.city.iter().zip(&used) {
        if *u < g.count {
            score.errors.push(format!("{}: missed {} × {} ({})", doc.id, g.count - u, g.name, g.country));
        }
    }
    score.cities.add(c);
}

fn score_dates(score: &mut Score, doc: &DocInput, gold: &GoldDoc) {
    let found: Vec<(String, String)> = date_doc(doc)
        .into_iter()
        .flat_map(|s| s.expressions)
        .map(|e| (doc.text[e.bytes].to_owned(), e.when.to_string()))
        .collect();
    let mut open: Vec<&GoldDate> = gold.date.iter().collect();
    let mut c = Counts {
        gold: gold.date.len() as u32,
        predicted: found.len() as u32,
        ..Counts::default()
    };
    for (surface, value) in &found {
        let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let (surface_n, value) = (norm(surface), value.as_str());
        let at = open.iter().position(|g| {
            let g_n = norm(&g.surface);
            g.value == value && (g_n.contains(&surface_n) || surface_n.contains(&g_n))
        });
        match at {
            Some(i) => {
                open.swap_remove(i);
                c.matched += 1;
            }
            None => score.errors.push(format!("{}: date {surface:?} read as {value}, not in the gold set", doc.id)),
        }
    }
    for g in open {
        score.errors.push(format!("{}: missed date {:?} = {}", doc.id, g.surface, g.value));
    }
    score.dates.add(c);
}

fn score_published(score: &mut Score, doc: &DocInput, gold: &GoldDoc) {
    let p = &mut score.published;
    let year = |d: &str| d.get(..4).map(str::to_owned);
    if gold.published.is_empty() {
        p.undated += 1;
        if !doc.date.is_empty() {
            p.invented += 1;
            score.errors.push(format!("{}: dated {} but states no date", doc.id, doc.date));
        }
        return;
    }
    p.dated += 1;
    match (year(&doc.date), year(&gold.published)) {
        (Some(a), Some(b)) if a == b => p.right_year += 1,
        (Some(_), _) => {
            p.wrong += 1;
            score.errors.push(format!("{}: dated {}, gold {}", doc.id, doc.date, gold.published));
        }
        (None, _) => score.errors.push(format!("{}: no date found, gold {}", doc.id, gold.published)),
    }
}
