//! A Markdown file read as the text it marks up: its front matter, headings,
//! emphasis, links and code fences become plain lines, so that titles,
//! by-lines, dates and sections are found as in a `.txt` file and the reader
//! shows no markup ("# Harbour expands" was a title with its hash). Its
//! headings are kept apart too: the author marked them, so they are
//! sections whatever their length (see `layout`).

/// A Markdown file's plain text, and which of its lines were headings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plain {
    /// The text, lines broken by `\n`.
    pub text: String,
    /// The 0-based numbers of the lines of `text` that were headings
    /// (`# …` to `###### …`, or underlined with `=` or `-`), in order.
    pub headings: Vec<usize>,
}

/// The plain text of Markdown `text` (line breaks `\n`): front matter as a
/// title line, a by-line and a date line; `# Heading` as `Heading`; setext
/// underlines dropped; `**bold**`, `_em_`, `` `code` `` without their marks;
/// `[text](url)` and `![alt](url)` as their text; quote marks dropped.
pub fn plain(text: &str) -> Plain {
    let (front, body) = front_matter(text);
    let mut line_no = front.matches('\n').count();
    let mut out = front;
    let mut headings = Vec::new();
    let mut fenced = false;
    let mut previous = "";
    for line in body.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
            previous = "";
            continue;
        }
        if fenced {
            out.push_str(line);
            out.push('\n');
            line_no += 1;
            previous = line;
            continue;
        }
        // A line of = or - under text underlines it as a heading.
        let rule = trimmed.trim_end();
        let underline = !rule.is_empty() && (rule.chars().all(|c| c == '=') || rule.chars().all(|c| c == '-'));
        if underline && !previous.trim().is_empty() {
            // (Not a list item's dash under a line: `- ` has a space.)
            if headings.last() != Some(&(line_no - 1)) {
                headings.push(line_no - 1);
            }
            previous = "";
            continue;
        }
        // A link's reference definition ("[1]: https://…") is no text.
        let definition = trimmed.starts_with('[')
            && trimmed.split_once("]: ").is_some_and(|(label, url)| {
                let url = url.trim();
                !label.contains(']') && !url.contains(' ') && (url.contains("://") || url.starts_with(['/', '#', '<']))
            });
        if definition {
            continue;
        }
        let unquoted = trimmed.trim_start_matches('>').trim_start();
        let unquoted = if trimmed.starts_with('>') { unquoted } else { line };
        let marked = heading(unquoted.trim_start());
        if marked.is_some_and(|h| !h.is_empty()) {
            headings.push(line_no);
        }
        out.push_str(&inline(marked.unwrap_or(unquoted)));
        out.push('\n');
        line_no += 1;
        previous = line;
    }
    Plain { text: out, headings }
}

/// The text of an ATX heading line ("## New terminal ##"), if it is one.
fn heading(line: &str) -> Option<&str> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    let rest = line.get(hashes..)?;
    ((1..=6).contains(&hashes) && (rest.is_empty() || rest.starts_with(' ')))
        .then(|| {
            let text = rest.trim();
            // A closing run of hashes after a space ("## Title ##"), not C#.
            match text.trim_end_matches('#').strip_suffix(' ') {
                Some(before) if text.ends_with('#') => before.trim_end(),
                _ => text,
            }
        })
}

/// YAML front matter (`---` lines around `key: value` lines) as plain lines
/// the rest of the reader understands: the title alone on the first line, "By
/// author", "Date: date"; and the text after it.
fn front_matter(text: &str) -> (String, &str) {
    let Some(rest) = text.strip_prefix("---\n") else {
        return (String::new(), text);
    };
    let Some(end) = rest.find("\n---\n").filter(|&end| rest[..end].lines().count() <= 60) else {
        return (String::new(), text);
    };
    // Only YAML: `key: value` lines, list items and indented lines, one key
    // at least (a text may open with a rule of dashes and a paragraph).
    let block = &rest[..end];
    let key = |l: &str| l.split_once(':').is_some_and(|(k, _)| !k.is_empty() && !k.contains(' ') && !k.starts_with(['-', ' ']));
    let yaml = block.lines().any(key)
        && block.lines().all(|l| l.trim().is_empty() || key(l) || l.starts_with([' ', '\t', '-', '#']));
    if !yaml {
        return (String::new(), text);
    }
    let field = |key: &str| {
        rest[..end].lines().find_map(|line| {
            let (k, v) = line.split_once(':')?;
            let v = v.trim().trim_matches(|c| c == '"' || c == '\'');
            (k.trim().eq_ignore_ascii_case(key) && !v.is_empty()).then_some(v)
        })
    };
    let mut out = String::new();
    if let Some(title) = field("title") {
        out.push_str(&format!("{title}\n\n"));
    }
    if let Some(author) = field("author") {
        out.push_str(&format!("By {author}\n"));
    }
    if let Some(date) = field("date") {
        out.push_str(&format!("Date: {date}\n"));
    }
    if !out.is_empty() {
        out.push('\n');
    }
    (out, &rest[end + "\n---\n".len()..])
}

/// A line without its inline marks: emphasis, code spans, links and images
/// (their text kept), backslash escapes.
fn inline(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if chars.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()) => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '!' if chars.get(i + 1) == Some(&'[') && link(&chars, i + 1).is_some() => i += 1,
            '[' => match link(&chars, i) {
                Some((text_end, after)) => {
                    out.push_str(&inline(&chars[i + 1..text_end].iter().collect::<String>()));
                    i = after;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '`' => i += 1,
            '*' | '_' => {
                // A run of marks, looked at once.
                let end = i + chars[i..].iter().take_while(|&&m| m == c).count();
                if !is_emphasis(&chars, i, end) {
                    out.extend(&chars[i..end]);
                }
                i = end;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// A link or image at `[` (`open`): where its text ends and where the
/// whole ends, for `[text](url)` and `[text][ref]`. Neither part holds a `[`
/// of its own, so each character is looked at by one link at most: a line of
/// brackets is read in linear time.
fn link(chars: &[char], open: usize) -> Option<(usize, usize)> {
    let close = open + 1 + chars[open + 1..].iter().position(|&c| c == ']' || c == '[')?;
    let (open_mark, end) = match (chars[close], chars.get(close + 1)) {
        (']', Some('(')) => ('(', ')'),
        (']', Some('[')) => ('[', ']'),
        _ => return None,
    };
    // The target may hold its own brackets: "(javascript:alert('md'))".
    let mut depth = 0usize;
    for (j, &c) in chars.iter().enumerate().skip(close + 1) {
        if c == open_mark {
            if depth > 0 && open_mark == '[' {
                return None;
            }
            depth += 1;
        } else if c == end {
            depth -= 1;
            if depth == 0 {
                return Some((close, j + 1));
            }
        } else if c == '[' {
            return None;
        }
    }
    None
}

/// Whether the run of `*` or `_` at `start..end` opens or closes emphasis
/// rather than being text: `_` only against a space, punctuation or the
/// line's end on one side and text on the other ("snake_case" stays); `*`
/// beside text on either side ("**서울**에서"), not between spaces ("2 * 3",
/// a bullet "* item").
fn is_emphasis(chars: &[char], start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).map(|j| chars[j]);
    let after = chars.get(end).copied();
    let text = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    if chars[start] == '*' {
        return text(before) || text(after);
    }
    let edge = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation());
    (edge(before) && text(after)) != (text(before) && edge(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_emphasis_and_links_become_plain_text() {
        let md = "# Harbour expands to meet demand\n\n*By Jane Doe, March 3, 2021*\n\nThe **harbour** grew, \
                  [officials](https://example.org/(a)) said; see ![the map](map.png) and `port_code`.\n\n\
                  ## New terminal ##\n\nA snake_case name, 2 * 3 and \\*stars\\*.\n\nTraffic\n=======\n\n> Quoted words.\n";
        assert_eq!(
            plain(md).text,
            "Harbour expands to meet demand\n\nBy Jane Doe, March 3, 2021\n\nThe harbour grew, officials said; \
             see the map and port_code.\n\nNew terminal\n\nA snake_case name, 2 * 3 and *stars*.\n\nTraffic\n\nQuoted words.\n"
        );
    }

    #[test]
    fn front_matter_gives_the_title_author_and_date_and_fences_keep_their_text() {
        let md = "---\ntitle: \"Harbour expands\"\ndate: 2021-03-03\nauthor: Jane Doe\ntags: [port]\n---\n\nBody.\n\n```\nraw *text*\n```\n";
        assert_eq!(plain(md).text, "Harbour expands\n\nBy Jane Doe\nDate: 2021-03-03\n\n\nBody.\n\nraw *text*\n");
        assert_eq!(plain("# Learning C#\n\n**서울**에서 a*b and Wow! [Editor's note]: Updated\n").text, "Learning C\n\n서울에서 ab and Wow! [Editor's note]: Updated\n".replace("C\n", "C#\n"));
        // A rule of dashes around a paragraph is not front matter.
        assert_eq!(plain("---\nIntro paragraph.\n\n---\n\nBody\n").text, "---\nIntro paragraph.\n\n---\n\nBody\n");
        // A line of brackets or marks is read in one pass.
        let long = "[".repeat(200_000) + &"_".repeat(200_000);
        assert_eq!(plain(&long).text, "[".repeat(200_000) + "\n", "a closing run of marks goes, the brackets stay");
        // A bracket that opens no link stays.
        assert_eq!(plain("[sic] and [x](unclosed\n").text, "[sic] and [x](unclosed\n");
        // No closing line: not front matter.
        assert_eq!(plain("---\ntitle: x\n\nBody.\n").text, "---\ntitle: x\n\nBody.\n");
    }

    #[test]
    fn headings_are_numbered_by_their_line_in_the_plain_text() {
        let md = "---\ntitle: Guide\n---\n# Guide\n\nIntro.\n\n## Install\n\nRun it.\n\nUsage\n-----\n\n```\n# not a heading\n```\n#hashtag and ##\n";
        let p = plain(md);
        let lines: Vec<&str> = p.text.lines().collect();
        let marked: Vec<&str> = p.headings.iter().map(|&n| lines[n]).collect();
        assert_eq!(marked, ["Guide", "Install", "Usage"], "{:?}", p.text);
        assert_eq!(p.headings[0], 3, "after the front matter's title line and two blanks");
    }
}
