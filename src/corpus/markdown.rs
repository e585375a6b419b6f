//! A Markdown file read as the text it marks up: its front matter, headings,
//! emphasis, links and code fences become plain lines, so that titles,
//! by-lines, dates and sections are found as in a `.txt` file and the reader
//! shows no markup ("# Harbour expands" was a title with its hash).

/// The plain text of Markdown `text` (line breaks `\n`): front matter as a
/// title line, a by-line and a date line; `# Heading` as `Heading`; setext
/// underlines dropped; `**bold**`, `_em_`, `` `code` `` without their marks;
/// `[text](url)` and `![alt](url)` as their text; quote marks dropped.
pub fn plain(text: &str) -> String {
    let (front, body) = front_matter(text);
    let mut out = front;
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
            previous = line;
            continue;
        }
        // A line of = or - under text underlines it as a heading.
        let rule = trimmed.trim_end();
        let underline = !rule.is_empty() && (rule.chars().all(|c| c == '=') || rule.chars().all(|c| c == '-'));
        if underline && !previous.trim().is_empty() {
            previous = "";
            continue;
        }
        // A link's reference definition ("[1]: https://…") is no text.
        let definition = trimmed.starts_with('[')
            && trimmed.split_once("]: ").is_some_and(|(label, url)| !label.contains(']') && !url.trim().contains(' '));
        if definition {
            continue;
        }
        let unquoted = trimmed.trim_start_matches('>').trim_start();
        let unquoted = if trimmed.starts_with('>') { unquoted } else { line };
        let content = heading(unquoted.trim_start()).unwrap_or(unquoted);
        out.push_str(&inline(content));
        out.push('\n');
        previous = line;
    }
    out
}

/// The text of an ATX heading line ("## New terminal ##"), if it is one.
fn heading(line: &str) -> Option<&str> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    let rest = line.get(hashes..)?;
    ((1..=6).contains(&hashes) && (rest.is_empty() || rest.starts_with(' ')))
        .then(|| rest.trim().trim_end_matches('#').trim_end())
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
            '!' if chars.get(i + 1) == Some(&'[') => i += 1,
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
            '*' | '_' if is_emphasis(&chars, i) => i += 1,
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// A link or image at `[` (`open`): where its text ends and where the
/// whole ends, for `[text](url)` and `[text][ref]`.
fn link(chars: &[char], open: usize) -> Option<(usize, usize)> {
    let close = open + chars[open..].iter().position(|&c| c == ']')?;
    let (open_mark, end) = match chars.get(close + 1) {
        Some('(') => ('(', ')'),
        Some('[') => ('[', ']'),
        _ => return None,
    };
    // The target may hold its own brackets: "(javascript:alert('md'))".
    let mut depth = 0usize;
    for (j, &c) in chars.iter().enumerate().skip(close + 1) {
        if c == open_mark {
            depth += 1;
        } else if c == end {
            depth -= 1;
            if depth == 0 {
                return Some((close, j + 1));
            }
        }
    }
    None
}

/// Whether the `*` or `_` at `i` opens or closes emphasis (a run of them
/// beside text and against a space, punctuation or the line's end), not a
/// character of the text ("snake_case", "2 * 3", a bullet "* item").
fn is_emphasis(chars: &[char], i: usize) -> bool {
    let mark = chars[i];
    let mut start = i;
    while start > 0 && chars[start - 1] == mark {
        start -= 1;
    }
    let mut end = i;
    while end + 1 < chars.len() && chars[end + 1] == mark {
        end += 1;
    }
    let before = start.checked_sub(1).map(|j| chars[j]);
    let after = chars.get(end + 1).copied();
    let open_side = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || (c.is_ascii_punctuation() && c != mark));
    let word = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    let opens = open_side(before) && word(after);
    let closes = word(before) && open_side(after);
    opens != closes || (opens && closes && mark == '*')
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
            plain(md),
            "Harbour expands to meet demand\n\nBy Jane Doe, March 3, 2021\n\nThe harbour grew, officials said; \
             see the map and port_code.\n\nNew terminal\n\nA snake_case name, 2 * 3 and *stars*.\n\nTraffic\n\nQuoted words.\n"
        );
    }

    #[test]
    fn front_matter_gives_the_title_author_and_date_and_fences_keep_their_text() {
        let md = "---\ntitle: \"Harbour expands\"\ndate: 2021-03-03\nauthor: Jane Doe\ntags: [port]\n---\n\nBody.\n\n```\nraw *text*\n```\n";
        assert_eq!(plain(md), "Harbour expands\n\nBy Jane Doe\nDate: 2021-03-03\n\n\nBody.\n\nraw *text*\n");
        // A bracket that opens no link stays.
        assert_eq!(plain("[sic] and [x](unclosed\n"), "[sic] and [x](unclosed\n");
        // No closing line: not front matter.
        assert_eq!(plain("---\ntitle: x\n\nBody.\n"), "---\ntitle: x\n\nBody.\n");
    }
}
