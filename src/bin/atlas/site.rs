//! Making a site from the compiled app and a corpus (`atlas site`), and
//! serving it, made again as the corpus changes (`atlas serve`).

use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use corpus_atlas::corpus::text_files;
use corpus_atlas::site::{self, Built};
use serde_json::json;

use super::args::{Folder, ServeArgs, SiteArgs};
use super::builder::{index_folder, Staged};
use super::exit::{Failure, Outcome};
use super::fingerprint;
use super::output;
use super::progress::Bars;

/// What a made site holds, for the lines and the JSON.
struct Made {
    built: Built,
    /// The corpus's summary line (`build`'s), when it was indexed here.
    corpus: Option<String>,
    shards: Option<String>,
    seconds: f64,
}

fn world_atlas(a: &SiteArgs) -> Option<PathBuf> {
    a.world_atlas
        .clone()
        .or_else(|| std::env::var_os("ATLAS_WORLD_ATLAS").filter(|v| !v.is_empty()).map(PathBuf::from))
}

/// Makes the site `output` of `a`: indexes the corpus (or reads the index),
/// writes it into a copy of the app and finishes the site.
fn make(a: &SiteArgs, output: &Path) -> Result<Made, Failure> {
    // A split site's shards are written beside it while indexing (making
    // the site empties its folder) and moved in at the end; removed if
    // anything fails before.
    let staged = Staged::beside(output, ".shards")?;
    let (bytes, shards, mut bars, corpus) = match (&a.corpus, &a.index) {
        (Some(dir), _) => {
            let folder = Folder { dir: None, corpus: Some(dir.clone()) };
            let indexed = index_folder(&folder, split_wanted(a, dir).then_some(staged.0.as_path()))?;
            let line = indexed.line();
            (indexed.bytes, indexed.shards, indexed.bars, Some(line))
        }
        (None, Some(file)) => {
            let bytes = std::fs::read(file).map_err(|e| format!("{}: {e} (write it with `atlas build DIR -o FILE`)", file.display()))?;
            (bytes, None, Bars::new(), None)
        }
        (None, None) => {
            return Err("say which corpus goes into the site: --corpus DIR (a folder of texts) or --index FILE".into())
        }
    };
    bars.spin("site");
    let shard_dir = match (&shards, &a.index) {
        (Some(_), _) => Some(staged.0.clone()),
        (None, Some(file)) => Some(file.parent().unwrap_or(Path::new(".")).join("shards")),
        _ => None,
    };
    let payload = site::corpus::payload_for(&bytes, world_atlas(a).as_deref(), shard_dir.as_deref()).map_err(|e| e.to_string())?;
    let built = site::assemble(&a.app, output, &payload).map_err(|e| e.to_string())?;
    let shards = match (shards, &a.index) {
        (Some(written), _) => {
            let to = output.join("shards");
            staged.move_to(&to)?;
            Some(written.line(&to))
        }
        // (A split site has no single file: its shards need a host.)
        (None, Some(file)) if built.single.is_none() => Some(copy_shards(file, output)?),
        _ => None,
    };
    bars.clear();
    Ok(Made { built, corpus, shards, seconds: bars.elapsed().as_secs_f64() })
}

/// Whether the site from the corpus folder `dir` is split: as asked, or,
/// unasked, when the folder holds more than `--split-above` megabytes of
/// text (said on stderr, with how to have one bundle instead).
fn split_wanted(a: &SiteArgs, dir: &Path) -> bool {
    if a.split || a.whole {
        return a.split;
    }
    let mb = text_bytes(dir) as f64 / 1e6;
    let split = mb > a.split_above;
    if split {
        eprintln!(
            "{}: {mb:.1} MB of text, more than {} MB: making a split site, its index in parts fetched as readers \
             search (no single file); --whole makes one bundle",
            dir.display(),
            a.split_above
        );
    }
    split
}

/// Bytes of the texts the corpus folder's indexing will read; 0 when it
/// cannot be read (indexing says why).
fn text_bytes(dir: &Path) -> u64 {
    let files = text_files(dir).unwrap_or_default();
    files.iter().filter_map(|f| f.metadata().ok()).map(|m| m.len()).sum()
}

/// Copies the shards/ beside a split index's head into the site.
fn copy_shards(head: &Path, output: &Path) -> Result<String, Failure> {
    let from = head.parent().unwrap_or(Path::new(".")).join("shards");
    let to = output.join("shards");
    if !from.is_dir() {
        return Err(format!("{}: no such folder (a split index's shards/ must lie beside it)", from.display()).into());
    }
    std::fs::create_dir_all(&to).map_err(|e| format!("{}: {e}", to.display()))?;
    site::copy_tree(&from, &to).map_err(|e| e.to_string())?;
    let count = std::fs::read_dir(&to).map_or(0, |d| d.count());
    Ok(format!("{}: {count} shards", to.display()))
}

fn report(made: &Made, output: &Path, json: bool) -> Outcome {
    let mut out = output::stdout();
    let built = &made.built;
    if json {
        let row = json!({
            "site": output.display().to_string(),
            "wasm": built.wasm.display().to_string(),
            "wasm_bytes": built.wasm_bytes,
            "single_file_bytes": built.single.as_ref().map(|s| s.1),
            "split": built.single.is_none(),
            "cache_version": built.cache_version,
            "seconds": made.seconds,
        });
        return output::json(&mut out, &row);
    }
    if let Some(line) = &made.corpus {
        writeln!(out, "{line}")?;
    }
    if let Some(line) = &made.shards {
        writeln!(out, "{line}")?;
    }
    writeln!(out, "{}: {} bytes, the app with the corpus in it", built.wasm.display(), built.wasm_bytes)?;
    writeln!(out, "{}: strict Content-Security-Policy, offline after the first visit (cache {})", output.join("index.html").display(), built.cache_version)?;
    match &built.single {
        Some((file, bytes)) => writeln!(out, "{}: {bytes} bytes, the whole app in one file", file.display())?,
        None => writeln!(out, "{}: split site (shards/ beside it), no single file", output.display())?,
    }
    writeln!(out, "made {} in {:.1} s", output.display(), made.seconds)?;
    Ok(out.flush()?)
}

pub(crate) fn cmd_site(a: &SiteArgs) -> Outcome {
    let made = make(a, &a.output)?;
    report(&made, &a.output, a.json)
}

/// Makes the site beside `output` and swaps it in, so the server never
/// answers from half a site; a corpus problem leaves the last site served.
fn remake(a: &SiteArgs) {
    let mut next = a.output.clone().into_os_string();
    next.push(".next");
    let next = PathBuf::from(next);
    match make(a, &next) {
        Ok(made) => {
            let swapped = std::fs::remove_dir_all(&a.output).and_then(|()| std::fs::rename(&next, &a.output));
            match swapped {
                Ok(()) => eprintln!("made {} again in {:.1} s: reload the page", a.output.display(), made.seconds),
                Err(e) => eprintln!("error: {}: {e}", a.output.display()),
            }
        }
        Err(f) => {
            let (message, _) = f.status();
            eprintln!("error: {} (still serving the last site)", message.unwrap_or_default());
        }
    }
}

pub(crate) fn cmd_serve(a: &ServeArgs) -> Outcome {
    let site = &a.site;
    if site.corpus.is_some() || site.index.is_some() {
        report(&make(site, &site.output)?, &site.output, false)?;
    }
    if !site.output.join("index.html").is_file() {
        return Err(format!("{} holds no site: make one with --corpus DIR, or `atlas site`", site.output.display()).into());
    }
    let listener = TcpListener::bind((a.host.as_str(), a.port))
        .map_err(|e| format!("{}:{}: {e} (is another server there? choose --port)", a.host, a.port))?;
    eprintln!("serving {} at http://{}:{}/ (Ctrl-C stops)", site.output.display(), a.host, a.port);
    if let (true, Some(dir)) = (a.watch, site.corpus.clone()) {
        let args = SiteArgs { output: site.output.clone(), corpus: Some(dir.clone()), index: None, ..site.clone() };
        eprintln!("watching {} for changes", dir.display());
        std::thread::spawn(move || {
            let mut seen = fingerprint::build_inputs(&dir);
            let mut changed: Option<Instant> = None;
            loop {
                std::thread::sleep(Duration::from_millis(500));
                let now = fingerprint::build_inputs(&dir);
                if now != seen {
                    seen = now;
                    changed = Some(Instant::now());
                }
                // Once the folder has been still for a moment (an editor's save, a copy).
                if changed.is_some_and(|t| t.elapsed() >= Duration::from_millis(400)) {
                    changed = None;
                    remake(&args);
                }
            }
        });
    }
    let root = site.output.clone();
    for stream in listener.incoming().flatten() {
        let root = root.clone();
        std::thread::spawn(move || {
            if let Ok((method, target)) = site::serve::read_request(&stream) {
                let _ = site::serve::respond(stream, &root, "/", &method, &target);
            }
        });
    }
    Ok(())
}
