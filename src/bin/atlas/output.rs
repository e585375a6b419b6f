//! Printing: to a locked stdout that a closed pipe does not crash, as JSON
//! or for people, and what the corpus says safely (corpus text is untrusted).

use std::io::{self, Write};

use corpus_atlas::engine::Snippet;

use super::exit::Outcome;

/// `s` safe to print on a terminal: control characters (escape sequences
/// that recolour or rewrite the screen, bells, backspaces) and the bidi
/// overrides that reorder a line are shown as `\u{…}`, never sent raw.
/// Corpus text is untrusted.
pub(crate) fn printable(s: &str) -> std::borrow::Cow<'_, str> {
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

/// The snippet with its highlights in bold on a terminal, in [brackets] otherwise.
pub(crate) fn marked(s: &Snippet, bold: bool) -> String {
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

/// Standard output, locked once: written with `writeln!`, so a closed pipe
/// is an error to stop on (see [`super::exit::Failure::Closed`]), never a panic.
pub(crate) fn stdout() -> io::StdoutLock<'static> {
    io::stdout().lock()
}

/// Prints `value` as pretty JSON and a newline, and flushes.
pub(crate) fn json(out: &mut impl Write, value: &impl serde::Serialize) -> Outcome {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

/// Prints `rows` as JSON, or each row for people with `line`; then flushes.
pub(crate) fn rows(
    as_json: bool,
    rows: &[serde_json::Value],
    mut line: impl FnMut(&mut io::StdoutLock<'static>, &serde_json::Value) -> io::Result<()>,
) -> Outcome {
    let mut out = stdout();
    if as_json {
        return json(&mut out, &rows);
    }
    for row in rows {
        line(&mut out, row)?;
    }
    out.flush()?;
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
