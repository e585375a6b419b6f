//! Where the reader opens a document.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Open at the top, or at the requested section; then, if the first match
/// there is below the fold, centre it. Focus follows the reader into the
/// text it opened (a keyboard user who opened a date or a result is not
/// left on the page's body).
/// (Again when a split index's text arrives: the marks are there only then.)
/// In an embed the frame grows to the whole text and scrolling in it
/// scrolls the article around it: the reader opens at its title there.
#[hook]
pub fn use_open_at_match(id: AttrValue, query: AttrValue, section: Option<u32>, at: Option<u32>, generation: u32) {
    use_effect_with((id, query, section, at, generation), |(_, _, section, at, _)| {
        let window = gloo::utils::window();
        let doc = gloo::utils::document();
        window.scroll_to_with_x_and_y(0.0, 0.0);
        if let Some(title) = doc
            .get_element_by_id("reader-title")
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = title.focus();
        }
        if crate::app::platform::embed_mode() {
            return;
        }
        // A concordance row's match: centred, current and focused (see `MatchNav`).
        let marks = doc.query_selector_all(".reader-body mark").ok();
        let chosen = at.and_then(|m| marks.and_then(|l| l.item(m)));
        if let Some(mark) = chosen.and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok()) {
            crate::app::components::make_current(&mark);
            return;
        }
        let scope = section.map_or(".reader-body".to_owned(), |s| format!("#section-{s}"));
        if let (Some(s), Some(heading)) = (section, doc.query_selector(&scope).ok().flatten()) {
            if *s > 0 {
                heading.scroll_into_view_with_bool(true);
            }
        }
        let fold = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0)
            * 0.75;
        let first = doc
            .query_selector(&format!("{scope} mark, {scope} ~ * mark"))
            .ok()
            .flatten();
        if let Some(mark) = first.filter(|m| m.get_bounding_client_rect().top() > fold) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            mark.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
}
