//! The embed code a journalist pastes into an article: a sandboxed
//! `<iframe>` and the few lines of script that let the frame size itself.
//! The app's "Copy embed code", the README and the end-to-end test all use
//! [`snippet`], so what is documented is what is copied and what is tested.

/// The `type` of the message the app posts to its host page with its height.
pub const HEIGHT_MESSAGE: &str = "corpus-atlas:height";
/// The tallest a host lets the frame grow, in CSS pixels: a frame cannot
/// push an article's text away with a huge or non-numeric height.
pub const MAX_FRAME_HEIGHT: u32 = 4000;
/// The shortest a host lets the frame become.
pub const MIN_FRAME_HEIGHT: u32 = 120;

/// `s` escaped for an HTML attribute value in double quotes (and for text).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The frame's id, derived from its address (for the host's own styling);
/// the sizing script finds a frame by the window that wrote, so two embeds,
/// even of one view, size separately.
pub fn frame_id(src: &str) -> String {
    let hash = src.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    format!("corpus-atlas-{hash:08x}")
}

/// The embed code for the page at `src`: the iframe, and a script that
/// sizes it from the frame's height messages, accepting only a finite
/// number between [`MIN_FRAME_HEIGHT`] and [`MAX_FRAME_HEIGHT`] from that
/// frame. Works pasted as is into any HTML page.
pub fn snippet(src: &str) -> String {
    let id = frame_id(src);
    format!(
        r#"<iframe id="{id}" data-corpus-atlas src="{src}" title="corpus-atlas" sandbox="allow-scripts allow-popups" style="width:100%;height:520px;border:0"></iframe>
<script>
addEventListener("message", (e) => {{
  const frame = [...document.querySelectorAll("iframe[data-corpus-atlas]")].find((f) => f.contentWindow === e.source);
  if (!frame || !e.data || e.data.type !== "{HEIGHT_MESSAGE}") return;
  const height = Number(e.data.height);
  if (Number.isFinite(height)) frame.style.height = Math.min({MAX_FRAME_HEIGHT}, Math.max({MIN_FRAME_HEIGHT}, Math.round(height))) + "px";
}});
</script>"#,
        src = escape_html(src),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_cannot_break_out_of_the_attribute() {
        let code = snippet("https://example.org/a.html?embed#/search?q=\"><script>alert(1)</script>");
        assert!(!code.contains("\"><script>alert"), "{code}");
        assert!(code.contains("q=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "{code}");
        assert_eq!(code.matches("<script>").count(), 1, "only the sizing script");
    }

    #[test]
    fn two_views_get_two_frames() {
        assert_ne!(frame_id("a.html#/search?q=x"), frame_id("a.html#/search?q=y"));
        assert!(snippet("x.html").contains(&format!("id=\"{}\"", frame_id("x.html"))));
    }
}
