//! Commands that answer from an index: search, docs, sections.

use std::io::{IsTerminal, Write};

use corpus_atlas::engine::search::snippet;
use corpus_atlas::engine::{search, Index, SearchOptions};
use serde_json::json;

use super::args::Flags;
use super::output::{marked, printable};

const SNIPPET_CHARS: usize = corpus_atlas::engine::search::SNIPPET_CHARS;

/// The index to answer from: `--index FILE`, or the one embedded at build time.
pub(crate) fn open(f: &Flags) -> Result<&'static Index<'static>, String> {
    let Some(path) = &f.index else {
        return corpus_atlas::index()
            .map_err(|e| format!("the embedded index cannot be opened: {e}"));
    };
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    // Read in place for the rest of the run, as the embedded bytes are.
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let index = Index::open(bytes).map_err(|e| {
        format!("{}: {e} (make one with `atlas build DIR -o FILE`)", path.display())
    })?;
    if index.is_split() {
        return Err(format!(
            "{}: the head of a split index holds no texts; build a whole one (without --split)",
            path.display()
        ));
    }
    Ok(Box::leak(Box::new(index)))
}

pub(crate) fn cmd_search(f: &Flags) -> Result<(), String> {
    let query = f.rest.join(" ");
    let index = open(f)?;
    let results = search(index, &query, SearchOptions::default());
    let shown: Vec<_> = results.hits.iter().take(f.limit).collect();
    if f.json {
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
        println!("{}", serde_json::Value::Array(rows));
        for hint in &results.hints {
            eprintln!("hint: {}", printable(&hint.to_string()));
        }
        return Ok(());
    }
    let bold = std::io::stdout().is_terminal();
    let mut out = std::io::stdout().lock();
    for hint in &results.hints {
        let _ = writeln!(out, "hint: {}", printable(&hint.to_string()));
    }
    let _ = writeln!(
        out,
        "{} of {} matching sections",
        shown.len(),
        results.hits.len()
    );
    for (rank, hit) in shown.iter().enumerate() {
        let doc = index.doc(hit.doc);
        let section = index.section(hit.section);
        let title = if section.title.is_empty() {
            doc.title
        } else {
            section.title
        };
        let _ = writeln!(
            out,
            "\n{:>2}. {}  [{}] {:.3}",
            rank + 1,
            printable(doc.id),
            printable(doc.lang),
            hit.score
        );
        let _ = writeln!(out, "    {}", printable(title));
        let _ = writeln!(
            out,
            "    {}",
            marked(&snippet(index, hit, SNIPPET_CHARS), bold)
        );
    }
    Ok(())
}

pub(crate) fn cmd_docs(f: &Flags) -> Result<(), String> {
    let index = open(f)?;
    if f.json {
        let rows: Vec<_> = index
            .docs()
            .map(|d| {
                json!({
                    "doc": d.id, "title": d.title, "source": d.source, "author": d.author, "date": d.date,
                    "language": d.lang, "url": d.url, "sections": d.section_count, "bytes": d.text.len(),
                })
            })
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?
        );
    } else {
        for d in index.docs() {
            println!(
                "{}  [{}] {}  {}  {}",
                printable(d.id),
                printable(d.lang),
                printable(d.date),
                printable(d.source),
                printable(d.title)
            );
        }
    }
    Ok(())
}

pub(crate) fn cmd_sections(f: &Flags) -> Result<(), String> {
    let index = open(f)?;
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
    if f.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    for row in &rows {
        println!("{}", printable(row["doc"].as_str().unwrap_or_default()));
        for s in row["sections"].as_array().into_iter().flatten() {
            let title = s["title"].as_str().unwrap_or("(untitled)");
            println!(
                "  § [{}] {}  ({} tokens)",
                printable(s["language"].as_str().unwrap_or_default()),
                printable(title),
                s["tokens"]
            );
        }
        for a in row["set_aside"].as_array().into_iter().flatten() {
            println!("  ✂ {}", printable(a.as_str().unwrap_or_default()));
        }
    }
    Ok(())
}
