//! Commands that analyse the corpus's documents again: places, dates.

use std::collections::BTreeMap;
use std::io::Write;

use corpus_atlas::engine::build::dates::date_doc;
use corpus_atlas::engine::build::notes;
use corpus_atlas::engine::build::places::{find, Reason, PLACE_KINDS};
use serde_json::{json, Value};

use super::args::ReadArgs;
use super::exit::Outcome;
use super::output::{self, printable};
use super::progress::Bars;
use super::source::documents;

/// Mentions of one place in one section.
#[derive(Default)]
struct Row {
    count: usize,
    /// How many are inside an organisation's name.
    in_organisation: usize,
    /// The strings found.
    surfaces: Vec<String>,
    /// Another place of the name it was chosen over, and why.
    rival: Option<(usize, Reason)>,
}

pub(crate) fn cmd_places(a: &ReadArgs) -> Outcome {
    let mut bars = Bars::new();
    let docs = documents(&a.source, &mut bars)?;
    let entities = corpus_atlas::corpus::project_entities().map_err(|e| e.to_string())?;
    bars.spin("places");
    let mut rows: BTreeMap<(usize, usize, usize), Row> = BTreeMap::new();
    for m in find(&docs, &entities)
        .into_iter()
        .filter(|m| PLACE_KINDS.contains(&entities[m.entity].kind.as_str()))
    {
        let row = rows.entry((m.doc, m.section, m.entity)).or_default();
        row.count += 1;
        row.in_organisation += usize::from(m.in_organisation);
        row.rival = row.rival.or(m.rival);
        let surface = docs[m.doc].text[m.bytes].to_owned();
        if !row.surfaces.contains(&surface) {
            row.surfaces.push(surface);
        }
    }
    bars.clear();
    let mut found: Vec<_> = rows.into_iter().collect();
    found.sort_by_key(|((doc, section, _), row)| (*doc, *section, std::cmp::Reverse(row.count)));
    let countries = notes::Countries::of(&entities);
    let rows: Vec<Value> = found
        .into_iter()
        .map(|((d, s, e), row)| {
            let entity = &entities[e];
            let (lat, lon) = entity.at.map_or((None, None), |(a, o)| (Some(a), Some(o)));
            let mut out = json!({
                "doc": docs[d].id, "section": s, "lat": lat, "lon": lon, "count": row.count,
                "in_organisation": row.in_organisation, "surfaces": row.surfaces,
            });
            if let Some((r, why)) = row.rival {
                out["chosen_over"] = json!(notes::place_label(&entities, &countries, r));
                out["because"] = json!(notes::because(&countries, entity, why));
            }
            if entity.kind == "city" {
                out["city"] = json!(entity.name);
            } else {
                out["region"] = json!(entity.name);
                out["kind"] = json!(entity.kind);
            }
            out
        })
        .collect();
    output::rows(a.json, &rows, |out, r| {
        let name = r.get("city").or_else(|| r.get("region")).and_then(Value::as_str).unwrap_or_default();
        writeln!(
            out,
            "{} §{}  {} ×{}  {}",
            printable(r["doc"].as_str().unwrap_or_default()),
            r["section"],
            printable(name),
            r["count"],
            printable(&r["surfaces"].to_string())
        )
    })
}

pub(crate) fn cmd_dates(a: &ReadArgs) -> Outcome {
    let mut bars = Bars::new();
    let docs = documents(&a.source, &mut bars)?;
    bars.spin("dates");
    let mut rows = Vec::new();
    for doc in &docs {
        for (s, dates) in date_doc(doc).into_iter().enumerate() {
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
    bars.clear();
    output::rows(a.json, &rows, |out, r| {
        let published = r["published"].as_str().unwrap_or("undated");
        let inferred = if r["published_inferred"].as_bool() == Some(true) { " (inferred)" } else { "" };
        writeln!(
            out,
            "{} §{}  published {published}{inferred}",
            printable(r["doc"].as_str().unwrap_or_default()),
            r["section"]
        )?;
        for e in r["expressions"].as_array().into_iter().flatten() {
            writeln!(
                out,
                "    {:<12} {:<8} {}",
                e["value"].as_str().unwrap_or_default(),
                e["kind"].as_str().unwrap_or_default(),
                printable(e["surface"].as_str().unwrap_or_default())
            )?;
        }
        Ok(())
    })
}
