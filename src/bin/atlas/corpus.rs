//! Commands that read a corpus folder: places, dates, check, build.

use std::path::PathBuf;

use corpus_atlas::engine::Index;
use serde_json::json;

use super::args::Flags;
use super::output::printable;

/// Loads a corpus folder and writes its index bytes in memory.
pub(crate) fn index_folder(f: &Flags) -> Result<(PathBuf, usize, usize, Vec<u8>), String> {
    let (dir, i) = load_folder(f)?;
    Ok((dir, i.docs, i.text_bytes, i.writer.finish().map_err(|e| e.to_string())?))
}

/// Loads a corpus folder into a writer (the pipeline build.rs runs too).
pub(crate) fn load_folder(f: &Flags) -> Result<(PathBuf, corpus_atlas::corpus::pipeline::Indexing), String> {
    let dir = PathBuf::from(f.rest.first().map_or("assets/corpus", String::as_str));
    let indexing = corpus_atlas::corpus::pipeline::index_folder(&dir).map_err(|e| e.to_string())?;
    Ok((dir, indexing))
}

pub(crate) fn summary(
    dir: &std::path::Path,
    count: usize,
    text_bytes: usize,
    bytes: &[u8],
) -> Result<String, String> {
    let index = Index::open(bytes).map_err(|e| e.to_string())?;
    Ok(format!(
        "{}: {count} documents, {} sections, {} entities, {} keys; {text_bytes} text bytes → {} index bytes",
        dir.display(),
        index.section_count(),
        index.entity_count(),
        index.term_count(),
        bytes.len()
    ))
}

pub(crate) fn cmd_places(f: &Flags) -> Result<(), String> {
    use corpus_atlas::engine::build::places::{find, PLACE_KINDS};
    let dir = PathBuf::from(f.rest.first().map_or("assets/corpus", String::as_str));
    let mut docs = corpus_atlas::corpus::load(&dir).map_err(|e| e.to_string())?;
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    let entities = corpus_atlas::corpus::project_entities().map_err(|e| e.to_string())?;
    /// Mentions of one place in one section: count, how many inside an organisation's name, strings found.
    type Row = (usize, usize, Vec<String>);
    let mut rows: std::collections::BTreeMap<(usize, usize, usize), Row> = Default::default();
    for m in find(&docs, &entities)
        .into_iter()
        .filter(|m| PLACE_KINDS.contains(&entities[m.entity].kind.as_str()))
    {
        let row = rows.entry((m.doc, m.section, m.entity)).or_default();
        row.0 += 1;
        row.1 += usize::from(m.in_organisation);
        let surface = docs[m.doc].text[m.bytes].to_owned();
        if !row.2.contains(&surface) {
            row.2.push(surface);
        }
    }
    let mut out: Vec<_> = rows.into_iter().collect();
    out.sort_by_key(|((doc, section, _), (count, _, _))| {
        (*doc, *section, std::cmp::Reverse(*count))
    });
    let rows: Vec<serde_json::Value> = out
        .into_iter()
        .map(|((d, s, e), (count, in_org, surfaces))| {
            let entity = &entities[e];
            let (lat, lon) = entity.at.map_or((None, None), |(a, o)| (Some(a), Some(o)));
            let mut row = json!({
                "doc": docs[d].id, "section": s, "lat": lat, "lon": lon, "count": count,
                "in_organisation": in_org, "surfaces": surfaces,
            });
            if entity.kind == "city" {
                row["city"] = json!(entity.name);
            } else {
                row["region"] = json!(entity.name);
                row["kind"] = json!(entity.kind);
            }
            row
        })
        .collect();
    if f.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    for r in &rows {
        let name = r
            .get("city")
            .or_else(|| r.get("region"))
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        println!(
            "{} §{}  {} ×{}  {}",
            printable(r["doc"].as_str().unwrap_or_default()),
            r["section"],
            printable(name),
            r["count"],
            printable(&r["surfaces"].to_string())
        );
    }
    Ok(())
}

pub(crate) fn cmd_dates(f: &Flags) -> Result<(), String> {
    let dir = PathBuf::from(f.rest.first().map_or("assets/corpus", String::as_str));
    let mut docs = corpus_atlas::corpus::load(&dir).map_err(|e| e.to_string())?;
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    let mut rows = Vec::new();
    for doc in &docs {
        for (s, dates) in corpus_atlas::engine::build::dates::date_doc(doc)
            .into_iter()
            .enumerate()
        {
            let expressions: Vec<_> = dates
                .expressions
                .iter()
                .map(|e| {
                    json!({
                        "surface": &doc.text[e.bytes.clone()], "value": e.when.to_string(),
                        "kind": if e.relative { "relative" } else { "absolute" }, "offset": e.bytes.start,
                        "confidence": e.confidence,
                    })
                })
                .collect();
            rows.push(json!({
                "doc": doc.id, "section": s, "published": dates.published.map(|p| p.to_string()),
                "published_inferred": dates.published_inferred, "expressions": expressions,
            }));
        }
    }
    if f.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    for r in &rows {
        let published = r["published"].as_str().unwrap_or("undated");
        let inferred = if r["published_inferred"].as_bool() == Some(true) {
            " (inferred)"
        } else {
            ""
        };
        println!(
            "{} §{}  published {published}{inferred}",
            printable(r["doc"].as_str().unwrap_or_default()),
            r["section"]
        );
        for e in r["expressions"].as_array().into_iter().flatten() {
            println!(
                "    {:<12} {:<8} {}",
                e["value"].as_str().unwrap_or_default(),
                e["kind"].as_str().unwrap_or_default(),
                printable(e["surface"].as_str().unwrap_or_default())
            );
        }
    }
    Ok(())
}

pub(crate) fn cmd_check(f: &Flags) -> Result<(), String> {
    let (dir, count, text_bytes, bytes) = index_folder(f)?;
    println!("{}", summary(&dir, count, text_bytes, &bytes)?);
    Ok(())
}

pub(crate) fn cmd_build(f: &Flags) -> Result<(), String> {
    let out = f.output.clone().ok_or("build needs -o FILE")?;
    let (dir, corpus_atlas::corpus::pipeline::Indexing { writer, docs: count, text_bytes }) = load_folder(f)?;
    let bytes = if f.split {
        let split = writer
            .finish_split(Default::default())
            .map_err(|e| e.to_string())?;
        let shards = out
            .parent()
            .unwrap_or(std::path::Path::new("."))
            .join("shards");
        // A fresh folder: shards of an earlier build would be dead weight on the host.
        if shards.exists() {
            std::fs::remove_dir_all(&shards).map_err(|e| format!("{}: {e}", shards.display()))?;
        }
        std::fs::create_dir_all(&shards).map_err(|e| format!("{}: {e}", shards.display()))?;
        let mut largest = 0;
        for shard in &split.shards {
            let path = shards.join(shard.file().trim_start_matches("shards/"));
            std::fs::write(&path, &shard.bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            largest = largest.max(shard.bytes.len());
        }
        let stored: usize = split.shards.iter().map(|s| s.bytes.len()).sum();
        println!(
            "{}: {} shards, {stored} bytes (largest {largest})",
            shards.display(),
            split.shards.len()
        );
        split.head
    } else {
        writer.finish().map_err(|e| e.to_string())?
    };
    // Beside the target, then renamed: a failed build never leaves half an index.
    let tmp = out.with_extension("tmp");
    std::fs::write(&tmp, &bytes).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, &out).map_err(|e| format!("{}: {e}", out.display()))?;
    println!("{}", summary(&dir, count, text_bytes, &bytes)?);
    if let Some(peak) = peak_memory_kib() {
        println!("peak memory {:.1} MiB", peak as f64 / 1024.0);
    }
    Ok(())
}

/// This process's peak resident memory (VmHWM), where Linux reports it.
pub(crate) fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
