//! The builder's tools: evaluation, generated corpora, the gazetteer and
//! basemap imports, and the finishing of a built site.

use std::path::PathBuf;

use serde_json::json;

use super::args::Flags;
use super::output::printable;

pub(crate) fn cmd_eval(f: &Flags) -> Result<(), String> {
    let dir = PathBuf::from(f.rest.first().map_or("tests/data/eval", String::as_str));
    let entities = corpus_atlas::corpus::project_entities().map_err(|e| e.to_string())?;
    let scores = corpus_atlas::eval::evaluate_all(&dir, &entities).map_err(|e| e.to_string())?;
    if scores.is_empty() {
        return Err(format!("{}: no gold sets (<corpus>/tune.gold.toml, <corpus>/heldout.gold.toml)", dir.display()));
    }
    if f.json {
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
        println!("{}", serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?);
        return Ok(());
    }
    for s in &scores {
        println!("{s}");
        if f.errors {
            for e in &s.errors {
                println!("    {}", printable(e));
            }
        }
    }
    Ok(())
}

pub(crate) fn cmd_generate(args: &[String]) -> Result<(), String> {
    let mut it = args.iter();
    let (mut dir, mut docs, mut seed) = (None, 10_000usize, 42u64);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--docs" => {
                docs = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--docs needs a number")?
            }
            "--seed" => {
                seed = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--seed needs a number")?
            }
            other => dir = Some(PathBuf::from(other)),
        }
    }
    let dir = dir.ok_or("generate needs a folder to write to")?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let corpus = corpus_atlas::generate::corpus(docs, seed);
    let bytes: usize = corpus.iter().map(|d| d.text.len()).sum();
    for d in &corpus {
        let path = dir.join(&d.id);
        std::fs::write(&path, &d.text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    println!(
        "{}: {docs} documents, {bytes} bytes (seed {seed})",
        dir.display()
    );
    Ok(())
}

pub(crate) fn cmd_gazetteer(f: &Flags) -> Result<(), String> {
    if let [verb, data, iso] = f.rest.as_slice() {
        if verb == "regions" {
            let text = corpus_atlas::corpus::regions::import(
                std::path::Path::new(data),
                std::path::Path::new(iso),
                std::path::Path::new("/usr/share/locale"),
            )?;
            let out = f
                .output
                .clone()
                .unwrap_or_else(|| PathBuf::from(corpus_atlas::corpus::REGIONS_FILE));
            std::fs::write(&out, &text).map_err(|e| format!("{}: {e}", out.display()))?;
            let n = text.lines().filter(|l| !l.starts_with('#')).count();
            println!("{}: {n} countries and states, {} bytes", out.display(), text.len());
            return Ok(());
        }
    }
    let [verb, input] = f.rest.as_slice() else {
        return Err(format!(
            "usage: atlas gazetteer import cities15000.json [-o {}]",
            corpus_atlas::corpus::GAZETTEER_FILE
        ));
    };
    if verb != "import" {
        return Err(format!("unknown gazetteer command {verb:?}: only `import`"));
    }
    let json = std::fs::read_to_string(input).map_err(|e| format!("{input}: {e}"))?;
    let names = corpus_atlas::corpus::gazetteer::translated_names(std::path::Path::new("/usr/share/locale"))?;
    let text = corpus_atlas::corpus::gazetteer::import(&json, &names)
        .map_err(|e| format!("{input}: {e}"))?;
    let out = f
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(corpus_atlas::corpus::GAZETTEER_FILE));
    std::fs::write(&out, &text).map_err(|e| format!("{}: {e}", out.display()))?;
    let cities = text.lines().filter(|l| !l.starts_with('#')).count();
    println!("{}: {cities} cities, {} bytes", out.display(), text.len());
    Ok(())
}

pub(crate) fn cmd_basemap(f: &Flags) -> Result<(), String> {
    let [verb, dir] = f.rest.as_slice() else {
        return Err(
            "usage: atlas basemap import node_modules/world-atlas [-o assets/basemap.txt]".into(),
        );
    };
    if verb != "import" {
        return Err(format!("unknown basemap command {verb:?}: only `import`"));
    }
    let dir = PathBuf::from(dir);
    let text = corpus_atlas::basemap::import(|file| {
        let path = dir.join(file);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    })?;
    let out = f
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from("assets/basemap.txt"));
    std::fs::write(&out, &text).map_err(|e| format!("{}: {e}", out.display()))?;
    for v in corpus_atlas::geo::parse_basemap(Box::leak(text.clone().into_boxed_str())) {
        let bytes: usize = v.countries.iter().map(|c| c.0.len() + c.1.len() + 2).sum();
        println!("{}: {} countries, {bytes} bytes", v.name, v.countries.len());
    }
    println!("{}: {} bytes", out.display(), text.len());
    Ok(())
}

pub(crate) fn cmd_site(f: &Flags) -> Result<(), String> {
    let dist = PathBuf::from(
        f.rest
            .first()
            .ok_or("site needs the built site's folder, e.g. dist")?,
    );
    let index_path = dist.join("index.html");
    let index = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("{}: {e}", index_path.display()))?;
    // A split site fetches its shards from the host: one file from disk cannot.
    let split = dist.join("shards").is_dir();
    let single = if split {
        None
    } else {
        Some(corpus_atlas::site::single_file(&dist).map_err(|e| e.to_string())?)
    };
    let (marked, version) =
        corpus_atlas::site::service_worker(&dist, &index).map_err(|e| e.to_string())?;
    let marked = corpus_atlas::site::with_integrity(&marked, &dist).map_err(|e| e.to_string())?;
    let secured = corpus_atlas::site::secure_index(&marked)
        .map_err(|e| format!("{}: {e}", index_path.display()))?;
    std::fs::write(&index_path, secured).map_err(|e| format!("{}: {e}", index_path.display()))?;
    println!("{}: strict Content-Security-Policy", index_path.display());
    println!(
        "{}: offline after the first visit (cache version {version})",
        dist.join("sw.js").display()
    );
    let out = dist.join("corpus-atlas.html");
    match single {
        Some(single) => {
            std::fs::write(&out, &single).map_err(|e| format!("{}: {e}", out.display()))?;
            println!(
                "{}: {} bytes, the whole app in one file",
                out.display(),
                single.len()
            );
        }
        None => {
            let _ = std::fs::remove_file(&out);
            println!(
                "{}: split site (shards/ beside it), no single file",
                dist.display()
            );
        }
    }
    Ok(())
}
