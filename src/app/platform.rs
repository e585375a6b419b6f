//! The page's surroundings: the offline service worker, embed mode and the
//! height report to a host page, share URLs. Everything here degrades quietly
//! where the browser refuses (file://, a sandboxed frame with an opaque origin).

use js_sys::{Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Registers `sw.js` when the page says it may (the served site does, the
/// single file does not) and it is served over HTTP(S).
pub fn register_service_worker() {
    let window = gloo::utils::window();
    let marked = gloo::utils::document()
        .query_selector("meta[name=corpus-atlas-offline]")
        .ok()
        .flatten()
        .is_some();
    let http = window
        .location()
        .protocol()
        .is_ok_and(|p| p == "http:" || p == "https:");
    if !marked || !http {
        return;
    }
    // Reading navigator.serviceWorker throws in an opaque origin: go through Reflect.
    let Ok(container) = Reflect::get(&window.navigator(), &JsValue::from_str("serviceWorker"))
    else {
        return;
    };
    let Ok(container) = container.dyn_into::<web_sys::ServiceWorkerContainer>() else {
        return;
    };
    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
    let _ = container.register("./sw.js").catch(&ignore);
    ignore.forget();
}

/// Whether the page was opened as an embed (`?embed`, or `embed=1` in the hash).
pub fn embed_mode() -> bool {
    let location = gloo::utils::window().location();
    let search = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    search
        .trim_start_matches('?')
        .split('&')
        .any(|p| p == "embed" || p.starts_with("embed="))
        || hash.split(['?', '&']).any(|p| p == "embed=1")
}

/// Tells a host page our height, so it can size the frame (see the README).
pub fn report_height(last: &mut i32) {
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    // The app's own height, not the document's (which is never less than
    // the frame): so the frame shrinks again when the content does.
    let scrolled = window.scroll_y().unwrap_or(0.0);
    let height = gloo::utils::document()
        .get_element_by_id("app")
        .map_or(0, |e| (e.get_bounding_client_rect().bottom() + scrolled).ceil() as i32 + 8);
    if height == *last {
        return;
    }
    *last = height;
    let message = Object::new();
    let _ = Reflect::set(&message, &"type".into(), &crate::embed::HEIGHT_MESSAGE.into());
    let _ = Reflect::set(&message, &"height".into(), &height.into());
    let _ = parent.post_message(&message, "*");
}

/// The address of this view in the full explorer (no embed flag).
pub fn full_url() -> String {
    let location = gloo::utils::window().location();
    let base = location.href().unwrap_or_default();
    let base = base.split(['?', '#']).next().unwrap_or_default().to_owned();
    let hash = location
        .hash()
        .unwrap_or_default()
        .replace("&embed=1", "")
        .replace("?embed=1", "");
    format!("{base}{hash}")
}

/// The address of this view as an embed: the single file (which needs no
/// other request, so it runs in any sandboxed frame) with `?embed`.
pub fn embed_url() -> String {
    let location = gloo::utils::window().location();
    let href = location.href().unwrap_or_default();
    let page = href.split(['?', '#']).next().unwrap_or_default();
    let single = match page.rsplit_once('/') {
        Some((_, file)) if file.ends_with(".html") && file != "index.html" => page.to_owned(),
        Some((dir, _)) => format!("{dir}/corpus-atlas.html"),
        None => page.to_owned(),
    };
    format!("{single}?embed{}", location.hash().unwrap_or_default())
}

/// The embed code for this view: the iframe and its sizing script
/// (see [`crate::embed::snippet`]).
pub fn embed_code() -> String {
    crate::embed::snippet(&embed_url())
}

/// Whether the page was opened from disk: an embed code copied here points
/// at a file on this computer, which no reader of an article can open.
pub fn from_disk() -> bool {
    gloo::utils::window()
        .location()
        .protocol()
        .is_ok_and(|p| p == "file:")
}

/// Puts `text` on the clipboard; whether the browser accepted it (a
/// sandboxed frame or a denied permission refuses).
pub async fn copy(text: &str) -> bool {
    let window = gloo::utils::window();
    let Ok(clipboard) = Reflect::get(&window.navigator(), &JsValue::from_str("clipboard")) else {
        return false;
    };
    let Ok(clipboard) = clipboard.dyn_into::<web_sys::Clipboard>() else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

/// Marks the moment results are on screen (`performance.mark`), and notes the
/// wasm memory in use on the root element (`data-wasm-bytes`): what `make
/// bench` reads in Chromium, at the cost of one call a query.
pub fn mark_results() {
    let window = gloo::utils::window();
    if let Some(perf) = window.performance() {
        let _ = perf.mark("corpus-atlas:results");
    }
    #[cfg(target_arch = "wasm32")]
    {
        let bytes = core::arch::wasm32::memory_size::<0>() * 65_536;
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("data-wasm-bytes", &bytes.to_string());
        }
    }
}

/// Offers `text` as a file named `name` to download: made in the page, from
/// a `blob:` URL, so nothing is sent anywhere. Whether the browser took it
/// (a sandboxed frame without downloads refuses quietly).
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let link = gloo::utils::document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(link) = link else {
        return false;
    };
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    true
}

/// Today's date, `YYYY-MM-DD` (UTC), from the browser's clock.
pub fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}
