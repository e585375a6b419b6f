//! The site's page, made to load in three requests: itself, the wasm and
//! the manifest. The wasm-bindgen glue, the CSS and the icon are inlined (the page's policy
//! allows them by hash, see `secure_index`) and their files removed; the
//! wasm is fetched with its SHA-384 as the page starts, so a tampered copy
//! (a CDN, a cache on the way) is refused, and the error panel says so
//! instead of leaving a blank page.

use std::fs;
use std::path::Path;

use base64::Engine as _;

use super::{err, referenced, sri, SiteError};

/// The first line of the page's loader (a page that has it is finished; the
/// glue inline is checked by the page's policy, the wasm by its SHA-384).
pub(super) const LOADER_MARK: &str = "// corpus-atlas loader: the glue and the wasm are checked against their hashes.";

/// The wasm-bindgen glue as the body of an inline module: an inline module
/// cannot be imported, so its export list goes.
pub(super) fn glue_module(glue: &str, path: &Path) -> Result<String, SiteError> {
    let export = "export { initSync, __wbg_init as default };";
    if !glue.contains(export) {
        return Err(err(path, "the wasm-bindgen glue has an unexpected export list"));
    }
    Ok(glue.replace(export, ""))
}

/// `html` with the `<link …>` element that starts with `opening` replaced.
fn replace_link(html: &str, opening: &str, with: &str, page: &Path) -> Result<String, SiteError> {
    let start = html.find(opening).ok_or_else(|| err(page, format!("no {opening}…> element")))?;
    let end = html[start..].find('>').map(|e| start + e + 1).ok_or_else(|| err(page, "an unclosed <link>"))?;
    Ok(format!("{}{with}{}", &html[..start], &html[end..]))
}

/// `index.html` as trunk wrote it, made to load in three requests (see the
/// module's comment); the glue, stylesheet and icon files are removed from
/// `dist`, and the manifest carries the icon.
pub(super) fn with_inline_loader(html: &str, dist: &Path) -> Result<String, SiteError> {
    let page = dist.join("index.html");
    let read = |p: &Path| fs::read(p).map_err(|e| err(p, e));
    let glue_path = referenced(html, dist, ".js")?;
    let wasm_path = referenced(html, dist, "_bg.wasm")?;
    let css_path = referenced(html, dist, ".css")?;
    let icon_path = referenced(html, dist, ".svg")?;
    let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let (glue_name, wasm) = (name(&glue_path), name(&wasm_path));
    let glue = String::from_utf8(read(&glue_path)?).map_err(|e| err(&glue_path, e))?;
    let glue = glue_module(&glue, &glue_path)?;
    let css = String::from_utf8(read(&css_path)?).map_err(|e| err(&css_path, e))?;
    let icon = base64::engine::general_purpose::STANDARD.encode(read(&icon_path)?);
    let wasm_sri = sri(&read(&wasm_path)?);
    if glue.contains("</script") || css.contains("</style") {
        return Err(err(&glue_path, "the glue or the stylesheet closes its own element: it cannot be inlined"));
    }

    // Trunk's loader: replaced by one that checks the wasm and reports.
    let start = html
        .find("<script type=\"module\">")
        .filter(|&s| html[s..].contains("import init"))
        .ok_or_else(|| err(&page, "no trunk loader script (<script type=\"module\"> … import init)"))?;
    let end = html[start..]
        .find("</script>")
        .map(|e| start + e + "</script>".len())
        .ok_or_else(|| err(&page, "an unclosed loader script"))?;
    // The wasm is fetched (with its hash) as the page starts, while the glue
    // is parsed, as a preload would (a preload cannot carry a hash).
    let loader = format!(
        r#"<script>window.__corpusAtlasWasm = fetch("./{wasm}", {{ integrity: "{wasm_sri}" }});</script>
<script type="module">
{LOADER_MARK}
{glue}
try {{
  const wasm = await __wbg_init({{ module_or_path: window.__corpusAtlasWasm }});
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", {{ detail: {{ wasm }} }}));
}} catch (e) {{
  document.getElementById("fatal-message").textContent = "The app's files could not be loaded, or are not the files this page was built with: " + e;
  document.getElementById("fatal").hidden = false;
}}
</script>"#
    );
    let out = format!("{}{loader}{}", &html[..start], &html[end..]);
    // Trunk's preloads of the glue and the wasm: the page holds the one and fetches the other.
    let out = replace_link(&out, &format!("<link rel=\"modulepreload\" href=\"./{glue_name}\""), "", &page)?;
    let out = replace_link(&out, &format!("<link rel=\"preload\" href=\"./{wasm}\""), "", &page)?;
    let out = replace_link(&out, "<link rel=\"stylesheet\"", &format!("<style>{css}</style>"), &page)?;
    let out = replace_link(&out, "<link rel=\"icon\"", &format!("<link rel=\"icon\" href=\"data:image/svg+xml;base64,{icon}\">"), &page)?;
    // The manifest's icon too (the browser fetches it as the page loads).
    let manifest_path = dist.join("manifest.webmanifest");
    let manifest = fs::read_to_string(&manifest_path).map_err(|e| err(&manifest_path, e))?;
    let manifest = manifest.replace("\"src\": \"icon.svg\"", &format!("\"src\": \"data:image/svg+xml;base64,{icon}\""));
    fs::write(&manifest_path, manifest).map_err(|e| err(&manifest_path, e))?;
    for file in [&glue_path, &css_path, &icon_path] {
        fs::remove_file(file).map_err(|e| err(file, e))?;
    }
    Ok(out)
}
