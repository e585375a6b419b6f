//! Commands that turn a corpus folder into an index: check, build.

use std::io::Write;
use std::path::{Path, PathBuf};

use corpus_atlas::corpus::pipeline::{index_folder_reporting, BuildError, Indexing};
use corpus_atlas::engine::build::{SplitHead, Summary, WriteError};
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
    sections: usize,
    entities: usize,
    places: usize,
    dates: usize,
    keys: usize,
    bytes: usize,
}

impl Counts {
    fn of(text_bytes: usize, summary: Summary) -> Counts {
        Counts {
            docs: summary.docs,
            text_bytes,
            sections: summary.sections,
            entities: summary.entities,
            places: summary.places,
            dates: summary.dates,
            keys: summary.keys,
            bytes: summary.bytes,
        }
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
    /// Bytes of text, for [`Counts::of`].
    text_bytes: usize,
}

/// Reads the folder, naming the first problem of the corpus as found (exit 1).
fn read(folder_args: &Folder) -> Result<Read, Failure> {
    let dir = folder_args.path();
    let mut bars = Bars::new();
    let indexing = index_folder_reporting(folder(&dir)?, &mut bars).map_err(refused)?;
    let text_bytes = indexing.text_bytes;
    Ok(Read { dir, bars, indexing, text_bytes })
}

/// Why a build stopped: the corpus refused (exit 1), or a file that could
/// not be written, the index's or a scratch file (exit 3).
fn refused(e: BuildError) -> Failure {
    match e {
        BuildError::Write(WriteError::Output(_) | WriteError::Disk(_)) => Failure::Input(e.to_string()),
        e => Failure::Problems(e.to_string()),
    }
}

/// A folder that is removed when dropped, unless it was moved away first:
/// where new shards wait until the build that writes them has succeeded.
pub(crate) struct Staged(pub PathBuf);

impl Staged {
    /// The folder beside `target` that its new contents wait in (`dist` →
    /// `dist.shards`), emptied: `target` may end in a slash or be `.`.
    pub fn beside(target: &Path, suffix: &str) -> Result<Staged, Failure> {
        let absolute = std::path::absolute(target).map_err(|e| format!("{}: {e}", target.display()))?;
        let name = absolute
            .file_name()
            .ok_or_else(|| format!("{}: name a folder, not the root", target.display()))?;
        let staged = absolute.with_file_name(format!("{}{suffix}", name.to_string_lossy()));
        let _ = std::fs::remove_dir_all(&staged);
        Ok(Staged(staged))
    }

    /// Moves the folder's contents to `to`, replacing what was there.
    pub fn move_to(&self, to: &Path) -> Result<(), Failure> {
        if to.exists() {
            std::fs::remove_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
        }
        std::fs::rename(&self.0, to).map_err(|e| Failure::Input(format!("{}: {e}", to.display())))
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
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
            let Read { dir, mut bars, indexing, text_bytes } = read(&a.folder)?;
            let summary = indexing.finish_to(&mut std::io::sink(), &mut bars).map_err(refused)?;
            bars.clear();
            let counts = Counts::of(text_bytes, summary);
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

/// A corpus folder indexed: the index (a split index's head) and, when
/// split, what went into its shards' folder.
pub(crate) struct Indexed {
    pub dir: PathBuf,
    pub bars: Bars,
    pub bytes: Vec<u8>,
    pub shards: Option<ShardsWritten>,
    counts: Counts,
}

/// The shards a split build wrote.
#[derive(Debug, Default)]
pub(crate) struct ShardsWritten {
    count: usize,
    stored: usize,
    largest: usize,
}

impl ShardsWritten {
    /// The line that tells what was written into `folder`.
    pub fn line(&self, folder: &Path) -> String {
        let ShardsWritten { count, stored, largest } = self;
        format!("{}: {count} shards, {stored} bytes (largest {largest})", folder.display())
    }
}

impl Indexed {
    /// The summary line of `check` and `build`.
    pub fn line(&self) -> String {
        self.counts.line(&self.dir)
    }
}

/// Indexes a corpus folder with progress bars, into memory: whole, or split
/// with its shards written into the folder `shards` as they are cut.
pub(crate) fn index_folder(folder_args: &Folder, shards: Option<&Path>) -> Result<Indexed, Failure> {
    let Read { dir, mut bars, indexing, text_bytes } = read(folder_args)?;
    let (bytes, shards, summary) = if let Some(folder) = shards {
        let (head, written) = split_into(indexing, folder, &mut bars)?;
        (head.head, Some(written), head.summary)
    } else {
        let mut bytes = Vec::new();
        let summary = indexing.finish_to(&mut bytes, &mut bars).map_err(refused)?;
        (bytes, None, summary)
    };
    Ok(Indexed { dir, bars, bytes, shards, counts: Counts::of(text_bytes, summary) })
}

pub(crate) fn cmd_build(a: &BuildArgs) -> Outcome {
    let Read { dir, mut bars, indexing, text_bytes } = read(&a.folder)?;
    let mut out = output::stdout();
    // Beside the target, then renamed: a failed build never leaves half an index.
    let tmp = a.output.with_extension("tmp");
    let (summary, shards) = if a.split {
        // The shards wait beside the old ones until the head is in place: a
        // failed build leaves the last index and its shards as they were.
        let folder = a.output.parent().unwrap_or(Path::new(".")).join("shards");
        let staged = Staged::beside(&folder, ".new")?;
        let (split, written) = split_into(indexing, &staged.0, &mut bars)?;
        std::fs::write(&tmp, &split.head).map_err(|e| format!("{}: {e}", tmp.display()))?;
        std::fs::rename(&tmp, &a.output).map_err(|e| format!("{}: {e}", a.output.display()))?;
        staged.move_to(&folder)?;
        (split.summary, Some(written.line(&folder)))
    } else {
        // Written as it is laid out: the index is never whole in memory.
        let file = std::fs::File::create(&tmp).map_err(|e| format!("{}: {e}", tmp.display()))?;
        let mut file = std::io::BufWriter::new(file);
        let written = indexing.finish_to(&mut file, &mut bars);
        drop(file);
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        let written = written.map_err(refused)?;
        std::fs::rename(&tmp, &a.output).map_err(|e| format!("{}: {e}", a.output.display()))?;
        (written, None)
    };
    bars.clear();
    let counts = Counts::of(text_bytes, summary);
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

/// A split index written with its shards going into `folder` (new, or
/// emptied: shards of an earlier build would be dead weight on the host) as
/// they are cut, never all in memory: the head, and what was written.
fn split_into(indexing: Indexing, folder: &Path, bars: &mut Bars) -> Result<(SplitHead, ShardsWritten), Failure> {
    if folder.exists() {
        std::fs::remove_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let mut written = ShardsWritten::default();
    let head = indexing
        .finish_split_to(Default::default(), bars, &mut |shard| {
            let path = folder.join(shard.file().trim_start_matches("shards/"));
            std::fs::write(&path, &shard.bytes).map_err(|e| WriteError::Output(format!("{}: {e}", path.display())))?;
            written.count += 1;
            written.stored += shard.bytes.len();
            written.largest = written.largest.max(shard.bytes.len());
            Ok(())
        })
        .map_err(refused)?;
    Ok((head, written))
}

/// This process's peak resident memory (VmHWM), where Linux reports it.
fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
