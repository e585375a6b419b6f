//! Commands that turn a corpus folder into an index: check, build.

use std::io::Write;
use std::path::{Path, PathBuf};

use corpus_atlas::corpus::pipeline::{index_folder_reporting, Indexing};
use corpus_atlas::corpus::Progress;
use corpus_atlas::engine::build::places::PLACE_KINDS;
use corpus_atlas::engine::Index;
use serde_json::json;

use super::args::{BuildArgs, CheckArgs, Folder};
use super::exit::{Failure, Outcome};
use super::fingerprint;
use super::output;
use super::progress::Bars;
use super::source::folder;

/// What an index holds, for the summary lines.
struct Counts {
    docs: usize,
    text_bytes: usize,
    sections: u32,
    entities: u32,
    places: usize,
    dates: u32,
    keys: usize,
    bytes: usize,
}

impl Counts {
    fn of(indexing: (usize, usize), bytes: &[u8]) -> Result<Counts, Failure> {
        let index = Index::open(bytes).map_err(|e| format!("the index just written does not open: {e}"))?;
        let places = (0..index.entity_count())
            .filter(|&e| PLACE_KINDS.contains(&index.entity(e).kind))
            .count();
        Ok(Counts {
            docs: indexing.0,
            text_bytes: indexing.1,
            sections: index.section_count(),
            entities: index.entity_count(),
            places,
            dates: index.event_count(),
            keys: index.term_count(),
            bytes: bytes.len(),
        })
    }

    /// The line `check` and `build` print (the benchmarks read it).
    fn line(&self, dir: &Path) -> String {
        format!(
            "{}: {} documents, {} sections, {} entities, {} keys; {} text bytes → {} index bytes",
            dir.display(),
            self.docs,
            self.sections,
            self.entities,
            self.keys,
            self.text_bytes,
            self.bytes
        )
    }

    fn json(&self, dir: &Path) -> serde_json::Value {
        json!({
            "corpus": dir.display().to_string(), "documents": self.docs, "sections": self.sections,
            "entities": self.entities, "places": self.places, "dates": self.dates, "keys": self.keys,
            "text_bytes": self.text_bytes, "index_bytes": self.bytes,
        })
    }
}

/// A corpus folder read into a writer, with the bars that showed it.
struct Read {
    dir: PathBuf,
    bars: Bars,
    indexing: Indexing,
    /// Documents and bytes of text, for [`Counts::of`].
    sizes: (usize, usize),
}

/// Reads the folder, naming the first problem of the corpus as found (exit 1).
fn read(folder_args: &Folder) -> Result<Read, Failure> {
    let dir = folder_args.path();
    let mut bars = Bars::new();
    let indexing = index_folder_reporting(folder(&dir)?, &mut bars).map_err(|e| Failure::Problems(e.to_string()))?;
    let sizes = (indexing.docs, indexing.text_bytes);
    Ok(Read { dir, bars, indexing, sizes })
}

/// Where `check` keeps the report of a corpus it found sound, by everything
/// the index depends on ([`fingerprint::build_inputs`]).
fn check_report_path(dir: &Path) -> Option<PathBuf> {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    let key = fingerprint::build_inputs(&dir.canonicalize().ok()?);
    Some(cache.join("corpus-atlas/check").join(format!("{key:016x}.json")))
}

pub(crate) fn cmd_check(a: &CheckArgs) -> Outcome {
    let dir = a.folder.path();
    let report_path = check_report_path(folder(&dir)?);
    let saved = report_path
        .as_ref()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok());
    let report = match saved {
        Some(report) => {
            eprintln!("{}: unchanged since the last check, not indexed again", dir.display());
            report
        }
        None => {
            let Read { dir, mut bars, indexing, sizes } = read(&a.folder)?;
            let bytes = indexing.finish(&mut bars).map_err(|e| Failure::Problems(e.to_string()))?;
            bars.clear();
            let counts = Counts::of(sizes, &bytes)?;
            let report = json!({ "line": counts.line(&dir), "json": counts.json(&dir) });
            if let Some(path) = &report_path {
                // A cache only: a report that cannot be kept is checked again next time.
                let _ = path.parent().map(std::fs::create_dir_all);
                let _ = std::fs::write(path, report.to_string());
            }
            report
        }
    };
    let mut out = output::stdout();
    if a.json {
        return output::json(&mut out, &report["json"]);
    }
    writeln!(out, "{}", report["line"].as_str().unwrap_or_default())?;
    Ok(out.flush()?)
}

/// A corpus folder indexed: the index (a split index's head) and its shards.
pub(crate) struct Indexed {
    pub dir: PathBuf,
    pub bars: Bars,
    pub bytes: Vec<u8>,
    pub shards: Option<Vec<corpus_atlas::engine::build::Shard>>,
    sizes: (usize, usize),
}

impl Indexed {
    /// The summary line of `check` and `build`.
    pub fn line(&self) -> Result<String, Failure> {
        Ok(Counts::of(self.sizes, &self.bytes)?.line(&self.dir))
    }
}

/// Indexes a corpus folder, whole or split, with progress bars.
pub(crate) fn index_folder(folder_args: &Folder, split: bool) -> Result<Indexed, Failure> {
    let Read { dir, mut bars, indexing, sizes } = read(folder_args)?;
    let (bytes, shards) = if split {
        let split = indexing
            .finish_split(Default::default(), &mut bars)
            .map_err(|e| Failure::Problems(e.to_string()))?;
        (split.head, Some(split.shards))
    } else {
        (indexing.finish(&mut bars).map_err(|e| Failure::Problems(e.to_string()))?, None)
    };
    Ok(Indexed { dir, bars, bytes, shards, sizes })
}

pub(crate) fn cmd_build(a: &BuildArgs) -> Outcome {
    let Indexed { dir, mut bars, bytes, shards, sizes } = index_folder(&a.folder, a.split)?;
    let mut out = output::stdout();
    let shards = match shards {
        Some(shards) => {
            let folder = a.output.parent().unwrap_or(Path::new(".")).join("shards");
            Some(write_shards(&folder, &shards, &mut bars)?)
        }
        None => None,
    };
    // Beside the target, then renamed: a failed build never leaves half an index.
    let tmp = a.output.with_extension("tmp");
    std::fs::write(&tmp, &bytes).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, &a.output).map_err(|e| format!("{}: {e}", a.output.display()))?;
    bars.clear();
    let counts = Counts::of(sizes, &bytes)?;
    let peak = peak_memory_kib();
    if a.json {
        let mut row = counts.json(&dir);
        row["output"] = json!(a.output.display().to_string());
        row["peak_memory_kib"] = json!(peak);
        output::json(&mut out, &row)?;
    } else {
        if let Some(line) = shards {
            writeln!(out, "{line}")?;
        }
        writeln!(out, "{}", counts.line(&dir))?;
        if let Some(peak) = peak {
            writeln!(out, "peak memory {:.1} MiB", peak as f64 / 1024.0)?;
        }
        out.flush()?;
    }
    eprintln!(
        "built {}: {} documents, {} sections, {} places, {} dates, {} bytes in {:.1} s",
        a.output.display(),
        counts.docs,
        counts.sections,
        counts.places,
        counts.dates,
        counts.bytes,
        bars.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Writes the shards of a split index into a fresh `folder`; the line that
/// tells what was written.
pub(crate) fn write_shards(
    folder: &Path,
    shards: &[corpus_atlas::engine::build::Shard],
    bars: &mut Bars,
) -> Result<String, Failure> {
    bars.stage("shards", Some(shards.len()));
    // A fresh folder: shards of an earlier build would be dead weight on the host.
    if folder.exists() {
        std::fs::remove_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let mut largest = 0;
    for (done, shard) in shards.iter().enumerate() {
        let path = folder.join(shard.file().trim_start_matches("shards/"));
        std::fs::write(&path, &shard.bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        largest = largest.max(shard.bytes.len());
        bars.advance(done + 1);
    }
    let stored: usize = shards.iter().map(|s| s.bytes.len()).sum();
    Ok(format!(
        "{}: {} shards, {stored} bytes (largest {largest})",
        folder.display(),
        shards.len()
    ))
}

/// This process's peak resident memory (VmHWM), where Linux reports it.
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
