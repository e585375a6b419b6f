//! Commands that analyse the corpus's documents again: places, dates.

use std::collections::BTreeMap;
use std::io::Write;

use corpus_atlas::engine::build::dates::date_doc;
use corpus_atlas::engine::build::places::{find, PLACE_KINDS};
use serde_json::{json, Value};

use super::args::ReadArgs;
use super::exit::Outcome;
use super::output::{self, printable};
use super::progress::Bars;
use super::source::documents;

/// Mentions of one place in one section: count, how many inside an organisation's name, strings found.
type Row = (usize, usize, Vec<String>);

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
        row.0 += 1;
        row.1 += usize::from(m.in_organisation);
        let surface = docs[m.doc].text[m.bytes].to_owned();
        if !row.2.contains(&surface) {
            row.2.push(surface);
        }
    }
    bars.clear();
    let mut found: Vec<_> = rows.into_iter().collect();
    found.sort_by_key(|((doc, section, _), (count, _, _))| (*doc, *section, std::cmp::Reverse(*count)));
    let rows: Vec<Value> = found
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
