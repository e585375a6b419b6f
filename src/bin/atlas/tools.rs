//! The builder's tools: evaluation, generated corpora, the gazetteer and
//! basemap imports.

use std::io::Write;
use std::path::Path;

use serde_json::json;

use super::args::{Basemap, EvalArgs, Gazetteer, GenerateArgs};
use super::exit::Outcome;
use super::output::{self, printable};
use super::progress::Bars;

/// Writes `text` to `path`, or says which file could not be written.
fn write(path: &Path, text: &[u8]) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

pub(crate) fn cmd_eval(a: &EvalArgs) -> Outcome {
    let entities = corpus_atlas::corpus::project_entities().map_err(|e| e.to_string())?;
    let mut bars = Bars::new();
    bars.spin("scoring");
    let scores = corpus_atlas::eval::evaluate_all(&a.dir, &entities).map_err(|e| e.to_string())?;
    bars.clear();
    if scores.is_empty() {
        return Err(format!(
            "{}: no gold sets (<corpus>/tune.gold.toml, <corpus>/heldout.gold.toml): give the folder that holds them",
            a.dir.display()
        )
        .into());
    }
    let mut out = output::stdout();
    if a.json {
        let rows: Vec<_> = scores
            .iter()
            .map(|s| {
                json!({
                    "corpus": s.corpus, "split": s.split, "docs": s.docs,
                    "cities": {"precision": s.cities.precision(), "recall": s.cities.recall(), "matched": s.cities.matched, "predicted": s.cities.predicted, "gold": s.cities.gold},
                    "dates": {"precision": s.dates.precision(), "recall": s.dates.recall(), "matched": s.dates.matched, "predicted": s.dates.predicted, "gold": s.dates.gold},
                    "published": {"dated": s.published.dated, "right_year": s.published.right_year, "wrong": s.published.wrong, "undated": s.published.undated, "invented": s.published.invented},
                    "titles": s.titles,
                })
            })
            .collect();
        return output::json(&mut out, &rows);
    }
    for s in &scores {
        writeln!(out, "{s}")?;
        if a.errors {
            for e in &s.errors {
                writeln!(out, "    {}", printable(e))?;
            }
        }
    }
    Ok(out.flush()?)
}

pub(crate) fn cmd_generate(a: &GenerateArgs) -> Outcome {
    std::fs::create_dir_all(&a.dir).map_err(|e| format!("{}: {e}", a.dir.display()))?;
    let corpus = corpus_atlas::generate::corpus(a.docs, a.seed);
    let bytes: usize = corpus.iter().map(|d| d.text.len()).sum();
    for d in &corpus {
        write(&a.dir.join(&d.id), d.text.as_bytes())?;
    }
    let mut out = output::stdout();
    writeln!(out, "{}: {} documents, {bytes} bytes (seed {})", a.dir.display(), a.docs, a.seed)?;
    Ok(out.flush()?)
}

pub(crate) fn cmd_gazetteer(g: &Gazetteer) -> Outcome {
    let locale = Path::new("/usr/share/locale");
    let (text, output, what) = match g {
        Gazetteer::Regions { data, iso, output } => {
            (corpus_atlas::corpus::regions::import(data, iso, locale)?, output, "countries and states")
        }
        Gazetteer::Import { input, output } => {
            let json = std::fs::read_to_string(input).map_err(|e| format!("{}: {e}", input.display()))?;
            let names = corpus_atlas::corpus::gazetteer::translated_names(locale)?;
            let text = corpus_atlas::corpus::gazetteer::import(&json, &names)
                .map_err(|e| format!("{}: {e}", input.display()))?;
            (text, output, "cities")
        }
    };
    write(output, text.as_bytes())?;
    let n = text.lines().filter(|l| !l.starts_with('#')).count();
    let mut out = output::stdout();
    writeln!(out, "{}: {n} {what}, {} bytes", output.display(), text.len())?;
    Ok(out.flush()?)
}

pub(crate) fn cmd_basemap(b: &Basemap) -> Outcome {
    let Basemap::Import { dir, output } = b;
    let text = corpus_atlas::basemap::import(|file| {
        let path = dir.join(file);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    })?;
    write(output, text.as_bytes())?;
    let mut out = output::stdout();
    for v in corpus_atlas::geo::parse_basemap(Box::leak(text.clone().into_boxed_str())) {
        let bytes: usize = v.countries.iter().map(|c| c.0.len() + c.1.len() + 2).sum();
        writeln!(out, "{}: {} countries, {bytes} bytes", v.name, v.countries.len())?;
    }
    writeln!(out, "{}: {} bytes", output.display(), text.len())?;
    Ok(out.flush()?)
}

