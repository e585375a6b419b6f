//! Commands that answer from an index: search, docs, sections.

use std::io::{IsTerminal, Write};

use corpus_atlas::engine::search::snippet;
use corpus_atlas::engine::{search, SearchOptions};
use serde_json::json;

use super::args::{ReadArgs, SearchArgs};
use super::exit::{Failure, Outcome};
use super::output::{self, marked, printable};
use super::source;

const SNIPPET_CHARS: usize = corpus_atlas::engine::search::SNIPPET_CHARS;

pub(crate) fn cmd_search(a: &SearchArgs) -> Outcome {
    let query = a.query.join(" ");
    let index = source::index(&a.read.source)?;
    let results = search(index, &query, SearchOptions::default());
    let shown: Vec<_> = results.hits.iter().take(a.limit).collect();
    let mut out = output::stdout();
    // Hints go with the results for people, and beside the JSON (stderr) for programs.
    for hint in &results.hints {
        if a.read.json {
            eprintln!("hint: {}", printable(&hint.to_string()));
        } else {
            writeln!(out, "hint: {}", printable(&hint.to_string()))?;
        }
    }
    if a.read.json {
        let rows: Vec<_> = shown
            .iter()
            .map(|hit| {
                let section = index.section(hit.section);
                json!({
                    "doc": index.doc(hit.doc).id,
                    "section": (!section.title.is_empty()).then_some(section.title),
                    "score": (f64::from(hit.score) * 1000.0).round() / 1000.0,
                    "snippet": snippet(index, hit, SNIPPET_CHARS).text,
                })
            })
            .collect();
        output::json(&mut out, &rows)?;
    } else if !shown.is_empty() {
        let bold = std::io::stdout().is_terminal();
        writeln!(out, "{} of {} matching sections", shown.len(), results.hits.len())?;
        for (rank, hit) in shown.iter().enumerate() {
            let doc = index.doc(hit.doc);
            let section = index.section(hit.section);
            let title = if section.title.is_empty() { doc.title } else { section.title };
            writeln!(out, "\n{:>2}. {}  [{}] {:.3}", rank + 1, printable(doc.id), printable(doc.lang), hit.score)?;
            writeln!(out, "    {}", printable(title))?;
            writeln!(out, "    {}", marked(&snippet(index, hit, SNIPPET_CHARS), bold))?;
        }
        out.flush()?;
    }
    if results.hits.is_empty() {
        return Err(Failure::Nothing(format!("no section matches {query:?}")));
    }
    Ok(())
}

pub(crate) fn cmd_docs(a: &ReadArgs) -> Outcome {
    let index = source::index(&a.source)?;
    let rows: Vec<_> = index
        .docs()
        .map(|d| {
            json!({
                "doc": d.id, "title": d.title, "source": d.source, "author": d.author, "date": d.date,
                "language": d.lang, "url": d.url, "sections": d.section_count, "bytes": d.text.len(),
            })
        })
        .collect();
    output::rows(a.json, &rows, |out, d| {
        let field = |k: &str| d[k].as_str().unwrap_or_default().to_owned();
        writeln!(
            out,
            "{}  [{}] {}  {}  {}",
            printable(&field("doc")),
            printable(&field("language")),
            printable(&field("date")),
            printable(&field("source")),
            printable(&field("title"))
        )
    })
}

pub(crate) fn cmd_sections(a: &ReadArgs) -> Outcome {
    let index = source::index(&a.source)?;
    let mut rows = Vec::new();
    for d in index.docs() {
        let sections: Vec<_> = (d.first_section..d.first_section + d.section_count)
            .map(|s| {
                let s = index.section(s);
                json!({ "title": (!s.title.is_empty()).then_some(s.title), "language": s.lang, "start": s.start, "bytes": s.text.len(), "tokens": s.len })
            })
            .collect();
        let aside: Vec<&str> = index.aside(&d).into_iter().map(|r| &d.text[r]).collect();
        rows.push(json!({ "doc": d.id, "sections": sections, "set_aside": aside }));
    }
    output::rows(a.json, &rows, |out, row| {
        writeln!(out, "{}", printable(row["doc"].as_str().unwrap_or_default()))?;
        for s in row["sections"].as_array().into_iter().flatten() {
            let title = s["title"].as_str().unwrap_or("(untitled)");
            writeln!(
                out,
                "  § [{}] {}  ({} tokens)",
                printable(s["language"].as_str().unwrap_or_default()),
                printable(title),
                s["tokens"]
            )?;
        }
        for a in row["set_aside"].as_array().into_iter().flatten() {
            writeln!(out, "  ✂ {}", printable(a.as_str().unwrap_or_default()))?;
        }
        Ok(())
    })
}
