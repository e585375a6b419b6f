//! Packaging the built site (native only, after `trunk build`):
//! - [`secure_index`] gives `index.html` a strict Content-Security-Policy that
//!   allows its inline scripts by hash and nothing from elsewhere;
//! - [`single_file`] writes one self-contained HTML file that works opened
//!   from disk: the wasm-bindgen glue inlined (its `export` removed, since an
//!   inline module cannot be imported), the CSS inlined, the icon as a data URI,
//!   and the wasm gzipped and base64-encoded, inflated in the browser with
//!   `DecompressionStream` and handed to `WebAssembly.instantiate` as bytes.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The policy of the served site: its own files, inline scripts by hash,
/// WebAssembly compilation, and nothing else.
const SITE_POLICY: &str = "default-src 'none'; script-src 'self' {scripts} 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'";

/// The policy of the single file: only what it carries inside, by hash.
const SINGLE_POLICY: &str =
    "default-src 'none'; script-src {scripts} 'wasm-unsafe-eval'; style-src {styles}; img-src data:; base-uri 'none'; form-action 'none'";

/// A packaging problem, naming the file.
#[derive(Debug)]
pub struct SiteError(pub String);

impl std::fmt::Display for SiteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn err(path: &Path, what: impl std::fmt::Display) -> SiteError {
    SiteError(format!("{}: {what}", path.display()))
}

/// The contents of every `<tag ...>…</tag>` element without a `src`.
fn inline_elements<'h>(html: &'h str, tag: &str) -> Vec<&'h str> {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start..];
        let Some(gt) = after.find('>') else { break };
        let Some(end) = after.find(&close) else { break };
        if !after[..gt].contains("src=") && gt < end {
            out.push(&after[gt + 1..end]);
        }
        rest = &after[end + close.len()..];
    }
    out
}

/// `'sha256-…'` sources for the given inline contents.
fn hashes(contents: &[&str]) -> String {
    contents
        .iter()
        .map(|c| format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(c.as_bytes()))))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `html` with a CSP meta tag right after `<meta charset>` (replacing any
/// earlier one), so it governs every script and style that follows.
fn with_policy(html: &str, policy: &str) -> Result<String, String> {
    let mut html = html.to_owned();
    if let Some(start) = html.find("<meta http-equiv=\"Content-Security-Policy\"") {
        let end = html[start..].find('>').map(|e| start + e + 1).ok_or("unclosed CSP meta tag")?;
        // Take the line break and indent we put before it too.
        let start = html[..start].trim_end_matches([' ', '\n']).len();
        html.replace_range(start..end, "");
    }
    let charset = html.find("<meta charset=\"utf-8\">").ok_or("no <meta charset=\"utf-8\"> to put the policy after")?;
    let at = charset + "<meta charset=\"utf-8\">".len();
    html.insert_str(at, &format!("\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">"));
    Ok(html)
}

/// `index.html` with a strict policy allowing its inline scripts by hash.
pub fn secure_index(html: &str) -> Result<String, String> {
    let policy = SITE_POLICY.replace("{scripts}", &hashes(&inline_elements(html, "script")));
    with_policy(html, &policy)
}

/// The file a `<link …href="./NAME"…>` or `… from './NAME'` names in `html`.
fn referenced(html: &str, dir: &Path, suffix: &str) -> Result<PathBuf, SiteError> {
    let name = html
        .split(['"', '\''])
        .find(|s| s.starts_with("./") && s.ends_with(suffix))
        .ok_or_else(|| err(&dir.join("index.html"), format!("names no {suffix} file")))?;
    Ok(dir.join(&name[2..]))
}

/// One self-contained HTML file from a built site directory.
pub fn single_file(dist: &Path) -> Result<String, SiteError> {
    let index_path = dist.join("index.html");
    let index = fs::read_to_string(&index_path).map_err(|e| err(&index_path, e))?;
    let read = |p: &Path| fs::read(p).map_err(|e| err(p, e));
    let glue_path = referenced(&index, dist, ".js")?;
    let glue = String::from_utf8(read(&glue_path)?).map_err(|e| err(&glue_path, e))?;
    let wasm = read(&referenced(&index, dist, "_bg.wasm")?)?;
    let css_path = referenced(&index, dist, ".css")?;
    let css = String::from_utf8(read(&css_path)?).map_err(|e| err(&css_path, e))?;
    let icon = read(&referenced(&index, dist, ".svg")?)?;

    // An inline module cannot be imported: drop the glue's export list.
    let export = "export { initSync, __wbg_init as default };";
    if !glue.contains(export) {
        return Err(err(&glue_path, "the wasm-bindgen glue has an unexpected export list"));
    }
    let glue = glue.replace(export, "");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&wasm).and_then(|_| gz.flush()).map_err(|e| SiteError(e.to_string()))?;
    let packed = base64::engine::general_purpose::STANDARD.encode(gz.finish().map_err(|e| SiteError(e.to_string()))?);
    let script = format!(
        "{glue}\n\
         const packed = \"{packed}\";\n\
         const gz = Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));\n\
         const bytes = await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream(\"gzip\"))).arrayBuffer();\n\
         await __wbg_init({{ module_or_path: bytes }});\n"
    );
    let icon_uri = format!("data:image/svg+xml;base64,{}", base64::engine::general_purpose::STANDARD.encode(&icon));

    // The page: trunk's head without its links and script, then ours.
    let body_start = index.find("<body>").ok_or_else(|| err(&index_path, "no <body>"))?;
    let head_end = index.find("<link").unwrap_or(body_start).min(index.find("<script").unwrap_or(body_start));
    let head = &index[..head_end];
    let head = head
        .lines()
        .filter(|l| !l.contains("Content-Security-Policy"))
        .collect::<Vec<_>>()
        .join("\n");
    let html = format!(
        "{head}\n  <style>{css}</style>\n  <link rel=\"icon\" href=\"{icon_uri}\">\n<script type=\"module\">{script}</script>\n</head>\n{}",
        &index[body_start..]
    );
    let policy = SINGLE_POLICY
        .replace("{scripts}", &hashes(&inline_elements(&html, "script")))
        .replace("{styles}", &hashes(&inline_elements(&html, "style")));
    with_policy(&html, &policy).map_err(|e| err(&index_path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html><head><meta charset=\"utf-8\"><script type=\"module\">run();</script><script src=\"./x.js\"></script></head><body></body>";

    #[test]
    fn the_policy_hashes_inline_scripts_only() {
        let html = secure_index(PAGE).unwrap();
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"run();"));
        assert!(html.contains(&format!("'sha256-{expected}'")), "{html}");
        assert_eq!(html.matches("'sha256-").count(), 1, "the script with src is allowed by 'self'");
        assert!(html.find("Content-Security-Policy").unwrap() < html.find("<script").unwrap(), "the policy comes first");
        assert!(!html.contains("'unsafe-inline'") && !html.contains("'unsafe-eval'"));
    }

    #[test]
    fn securing_twice_keeps_one_policy() {
        let once = secure_index(PAGE).unwrap();
        let twice = secure_index(&once).unwrap();
        assert_eq!(twice.matches("Content-Security-Policy").count(), 1);
        assert_eq!(once, twice);
    }
}
