//! A text's layout: which lines are page furniture (set aside, never
//! indexed), and where a file holding several posts splits into sections.
//!
//! The rules are general, not tied to any file:
//! - **Furniture** lines match a pattern in `assets/furniture.txt`, are
//!   by-lines (`Writer: … | From: …`), short lines repeated in the file,
//!   short lines above the title (kickers, site menus), or have no letter.
//!   A credit (`Photo: …`) is set aside from its marker to the end of the line.
//! - A **heading** is a title-like line (2 to 20 words, no final punctuation)
//!   whose next content line is body text. A file with two or more headings
//!   is split into one section per heading, when what the headings head
//!   reads as pieces of writing. Headings the source marked (Markdown's
//!   `## …`) split it whatever their length: the author said so.
//! - After a **separator** (`관련 기사`, `Related`), every paragraph is an item
//!   of its own: a section, with its heading when it has one, and with a
//!   teaser caption that precedes the heading.

use std::ops::Range;
use std::path::Path;

use super::error::CorpusError;
use crate::engine::build::dates::{is_year_row, line_years};
use crate::engine::build::SectionInput;

/// Patterns from the furniture file.
#[derive(Debug, Clone, Default)]
pub struct Furniture {
    phrases: Vec<String>,
    prefixes: Vec<String>,
    contains: Vec<String>,
    separators: Vec<String>,
    credits: Vec<String>,
}

impl Furniture {
    /// Parses the furniture file's text (`path` is named in errors).
    pub fn parse(text: &str, path: &Path) -> Result<Self, CorpusError> {
        let mut f = Furniture::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (kind, pattern) = line.split_at(line.chars().next().map_or(0, char::len_utf8));
            let pattern = pattern.trim().to_lowercase();
            if pattern.is_empty() {
                return Err(CorpusError::new(
                    path,
                    Some(n + 1),
                    "a pattern needs text after its sign",
                ));
            }
            match kind {
                "=" => f.phrases.push(pattern),
                "^" => f.prefixes.push(pattern),
                "~" => f.contains.push(pattern),
                ">" => f.separators.push(pattern),
                "@" => f.credits.push(pattern),
                other => {
                    return Err(CorpusError::new(
                        path,
                        Some(n + 1),
                        format!("unknown pattern sign {other:?}: use =, ^, ~, > or @ (see the comments at the top)"),
                    ))
                }
            }
        }
        // Longest phrases first, so a line is consumed greedily.
        f.phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        Ok(f)
    }

    /// Reads the furniture file; a missing file means no patterns.
    pub fn load(path: &Path) -> Result<Self, CorpusError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Self::parse(&text, path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Furniture::default()),
            Err(e) => Err(CorpusError::new(path, None, format!("cannot read: {e}"))),
        }
    }

    fn only_phrases(&self, lower: &str) -> bool {
        let mut rest = lower.trim().to_owned();
        let mut changed = true;
        while changed && !rest.is_empty() {
            changed = false;
            for p in &self.phrases {
                if let Some(r) = rest.strip_prefix(p.as_str()) {
                    rest = r.trim_start().to_owned();
                    changed = true;
                }
            }
        }
        rest.is_empty()
    }

    fn is_furniture(&self, lower: &str) -> bool {
        self.only_phrases(lower)
            || self.prefixes.iter().any(|p| lower.starts_with(p.as_str()))
            || (words(lower) <= 30 && self.contains.iter().any(|p| lower.contains(p.as_str())))
    }

    fn is_separator(&self, lower: &str) -> bool {
        self.separators.iter().any(|p| lower == p)
    }

    /// Byte offset in `line` where a credit starts, if it has one.
    fn credit(&self, line: &str) -> Option<usize> {
        let lower = line.to_lowercase();
        // Lower-casing can change byte lengths; only trust positions that agree.
        if lower.len() != line.len() {
            return None;
        }
        self.credits
            .iter()
            .filter_map(|c| lower.find(c.as_str()))
            .min()
    }
}

fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    Furniture,
    Separator,
    Heading,
    Body,
}

/// A by-line: two or more `Label: value` fields joined by `|`.
fn is_byline(line: &str) -> bool {
    line.split('|')
        .filter(|part| part.split_once(':').is_some_and(|(l, _)| words(l) <= 2))
        .count()
        >= 2
}

/// Characters that open a list item, which is never a heading.
const BULLETS: &[char] = &['•', '-', '*', '–', '—', '·', '▪', '○', '●'];

fn title_like(line: &str) -> bool {
    let n = words(line);
    !line.trim_start().starts_with(BULLETS)
        && (2..=20).contains(&n)
        && line.chars().count() <= 140
        && !line
            .trim_end_matches(['’', '\'', '"', '”', ')'])
            .ends_with(['.', ':', ';', ',', '!', '?', '…', '。'])
}

/// The layout of one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// The searchable sections (one when the text is a single piece).
    pub sections: Vec<SectionInput>,
    /// Byte ranges set aside as furniture, sorted.
    pub aside: Vec<Range<usize>>,
}

struct Line<'t> {
    start: usize,
    text: &'t str,
    kind: Kind,
}

/// Finds the sections and the furniture of `text`. `marked` are the numbers
/// of the lines its source marked as headings (none for plain text).
/// Sections get no language here; the caller detects it.
pub fn layout(text: &str, title: &str, furniture: &Furniture, marked: &[usize]) -> Layout {
    let mut lines: Vec<Line<'_>> = Vec::new();
    let mut offset = 0;
    for raw in text.split('\n') {
        lines.push(Line {
            start: offset,
            text: raw,
            kind: Kind::Body,
        });
        offset += raw.len() + 1;
    }
    classify(&mut lines, title, furniture, marked);
    let aside = aside(&lines, furniture);
    let (mut starts, items) = section_starts(&lines);
    // Headings alone split a text only when what they head are pieces of
    // writing (posts of an archive, a digest's items), not a heading every
    // few lines (a form, a bill's fields, a table): evidence, not layout.
    // Marked headings are evidence enough.
    if !items && marked.is_empty() && !headed_pieces(&lines, &starts) {
        starts.clear();
    }
    Layout {
        sections: sections(text, &lines, &starts),
        aside,
    }
}

/// Gives each line its kind: blank, separator, furniture, heading or body.
/// Where the source marked headings, only they are headings.
fn classify(lines: &mut [Line<'_>], title: &str, furniture: &Furniture, marked: &[usize]) {
    let trimmed = |l: &Line<'_>| l.text.trim().to_owned();
    let title_line = (!title.trim().is_empty())
        .then(|| lines.iter().position(|l| l.text.trim() == title.trim()))
        .flatten();
    let wrapped = wrapped_lines(&lines);
    for i in 0..lines.len() {
        let t = trimmed(&lines[i]);
        // Any run of white space (no-break spaces included) matches one space.
        let lower = t
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        // (The title's line is the title, even repeated; so is a marked heading.)
        let heading = marked.binary_search(&i).is_ok();
        let repeated = words(&t) <= 6
            && Some(i) != title_line
            && !heading
            && lines.iter().filter(|m| m.text.trim() == t).count() > 1;
        let above_title = title_line.is_some_and(|tl| i < tl) && words(&t) <= 5;
        lines[i].kind = if t.is_empty() {
            Kind::Blank
        } else if furniture.is_separator(&lower) {
            Kind::Separator
        } else if furniture.is_furniture(&lower)
            || is_byline(&t)
            || repeated
            || above_title
            || !t.chars().any(char::is_alphabetic)
        {
            Kind::Furniture
        } else if heading || marked.is_empty() && title_like(&t) && !wrapped[i] {
            Kind::Heading
        } else {
            Kind::Body
        };
    }
    // A heading needs body text after it (furniture and blanks may come between).
    for i in 0..lines.len() {
        if lines[i].kind == Kind::Heading {
            let next = lines[i + 1..]
                .iter()
                .find(|l| matches!(l.kind, Kind::Heading | Kind::Body | Kind::Separator));
            if next.is_none_or(|l| l.kind != Kind::Body) {
                lines[i].kind = Kind::Body;
            }
        }
    }
    keep_year_rows(lines);
}

/// A table's header of years ("2007", "2008", "2009" a cell a line, blank
/// lines between, or on one line) names those years: it is text, not the
/// letterless furniture of a page number (see [`is_year_row`]).
fn keep_year_rows(lines: &mut [Line<'_>]) {
    let mut i = 0;
    while i < lines.len() {
        let (mut run, mut years) = (Vec::new(), Vec::new());
        let mut j = i;
        while let Some(l) = lines.get(j) {
            match (l.kind, line_years(l.text)) {
                (Kind::Blank, _) => {}
                (Kind::Furniture, Some(ys)) => {
                    run.push(j);
                    years.extend(ys);
                }
                _ => break,
            }
            j += 1;
        }
        if is_year_row(&years) {
            for r in run {
                lines[r].kind = Kind::Body;
            }
        }
        i = j + 1;
    }
}

/// The byte ranges set aside: furniture and separator lines, and credits
/// at the end of body lines.
fn aside(lines: &[Line<'_>], furniture: &Furniture) -> Vec<Range<usize>> {
    let mut aside: Vec<Range<usize>> = Vec::new();
    for l in lines {
        let end = l.start + l.text.len();
        match l.kind {
            Kind::Furniture | Kind::Separator => aside.push(l.start..end),
            Kind::Body | Kind::Heading => {
                if let Some(c) = furniture.credit(l.text) {
                    aside.push(l.start + c..end);
                }
            }
            Kind::Blank => {}
        }
    }
    aside
}

/// Where sections start (line, heading) and whether the text is a list of
/// items (it has separators).
fn section_starts(lines: &[Line<'_>]) -> (Vec<(usize, Option<String>)>, bool) {
    // Section starts: headings; after a separator, also each body paragraph
    // not preceded by a heading (a caption right before a heading joins it).
    let headings = lines.iter().filter(|l| l.kind == Kind::Heading).count();
    let mut starts: Vec<(usize, Option<String>)> = Vec::new();
    let mut items = false;
    let mut open_heading = false;
    for (i, l) in lines.iter().enumerate() {
        match l.kind {
            Kind::Separator => {
                items = true;
                open_heading = false;
            }
            Kind::Heading if headings >= 2 || items => {
                // A teaser caption started an item just before: the heading takes it over.
                let caption_before = items
                    && starts.last().is_some_and(|&(s, ref t)| {
                        t.is_none()
                            && lines[s + 1..i]
                                .iter()
                                .all(|m| matches!(m.kind, Kind::Blank | Kind::Furniture))
                    });
                if caption_before {
                    if let Some(last) = starts.last_mut() {
                        last.1 = Some(l.text.trim().to_owned());
                    }
                } else {
                    starts.push((i, Some(l.text.trim().to_owned())));
                }
                open_heading = true;
            }
            Kind::Body if items && !open_heading => starts.push((i, None)),
            Kind::Body if items => open_heading = false,
            _ => {}
        }
    }
    (starts, items)
}

/// The sections from their starts (the whole text as one when none).
fn sections(text: &str, lines: &[Line<'_>], starts: &[(usize, Option<String>)]) -> Vec<SectionInput> {
    let content = |from: usize, to: usize| -> Option<Range<usize>> {
        let body: Vec<&Line<'_>> = lines[from..to]
            .iter()
            .filter(|l| matches!(l.kind, Kind::Heading | Kind::Body))
            .collect();
        let first = body.first()?;
        let last = body.last()?;
        Some(first.start..last.start + last.text.len())
    };
    let mut sections = Vec::new();
    if starts.is_empty() {
        if let Some(range) = content(0, lines.len()) {
            sections.push(SectionInput {
                title: None,
                range,
                lang: String::new(),
            });
        }
    } else {
        // Content before the first start belongs to the first section.
        let mut bounds: Vec<usize> = starts.iter().map(|s| s.0).collect();
        bounds[0] = 0;
        bounds.push(lines.len());
        for (k, (_, heading)) in starts.iter().enumerate() {
            if let Some(range) = content(bounds[k], bounds[k + 1]) {
                let title = heading
                    .clone()
                    .or_else(|| Some(teaser_title(&text[range.clone()])));
                sections.push(SectionInput {
                    title,
                    range,
                    lang: String::new(),
                });
            }
        }
    }
    sections
}

/// Whether the stretches between headings read as pieces of writing: half
/// of them 50 words or more, and fewer than a quarter under 25.
fn headed_pieces(lines: &[Line<'_>], starts: &[(usize, Option<String>)]) -> bool {
    if starts.len() < 2 {
        return true;
    }
    let mut bounds: Vec<usize> = starts.iter().map(|s| s.0).collect();
    bounds.push(lines.len());
    let mut sizes: Vec<usize> = bounds
        .windows(2)
        .map(|w| {
            lines[w[0]..w[1]]
                .iter()
                .filter(|l| l.kind == Kind::Body)
                .map(|l| words(l.text))
                .sum()
        })
        .collect();
    sizes.sort_unstable();
    let median = sizes[sizes.len() / 2];
    let short = sizes.iter().filter(|&&n| n < 25).count();
    median >= 50 && short * 4 < sizes.len()
}

/// Which lines belong to a paragraph that was hard-wrapped over several
/// lines (see `engine::analysis::text::run_ons`): neither is a heading.
fn wrapped_lines(lines: &[Line<'_>]) -> Vec<bool> {
    let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
    let mut out = vec![false; lines.len()];
    for (i, next) in crate::engine::analysis::text::run_ons(&texts).into_iter().enumerate() {
        if let Some(j) = next {
            out[i] = true;
            out[j] = true;
        }
    }
    out
}

/// A title for an item without a heading: its first sentence, shortened.
fn teaser_title(text: &str) -> String {
    // A sentence ends at a full stop followed by a space (not inside 3.2%).
    let end = [". ", "。", "\n"]
        .iter()
        .filter_map(|p| text.find(p))
        .min()
        .unwrap_or(text.len());
    let first = text[..end].trim_end_matches('.').trim();
    let cut = first.char_indices().nth(60).map_or(first.len(), |(i, _)| i);
    if cut < first.len() {
        let at = first[..cut].rfind(' ').unwrap_or(cut);
        format!("{}…", first[..at].trim_end_matches([',', ' ']))
    } else {
        first.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn furniture() -> Furniture {
        Furniture::parse(
            include_str!("../../assets/furniture.txt"),
            Path::new("furniture.txt"),
        )
        .unwrap()
    }

    fn section_titles(l: &Layout) -> Vec<Option<String>> {
        l.sections.iter().map(|s| s.title.clone()).collect()
    }

    #[test]
    fn one_article_is_one_section_without_its_furniture() {
        let text = "Advertisement\nAdvertisement\nCity news\nGet more with myNEWS\n\nData hub plan unveiled, minister says\n\nThe city will build a data hub. Photo: May Tse\n\nMore body text follows here.\n\n1";
        let l = layout(text, "Data hub plan unveiled, minister says", &furniture(), &[]);
        assert_eq!(section_titles(&l), [None]);
        let aside: Vec<&str> = l.aside.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            aside,
            [
                "Advertisement",
                "Advertisement",
                "City news",
                "Get more with myNEWS",
                "Photo: May Tse",
                "1"
            ]
        );
        assert!(text[l.sections[0].range.clone()].starts_with("Data hub plan"));
    }

    #[test]
    fn a_table_header_of_years_is_text_but_page_numbers_and_amounts_are_furniture() {
        let text = "Recipients of the allowance, by year, as the table below shows them in full.\n\n\
                    2007\n\n2008\n\n2009\n\n2010\n\n21,185\n\n29,145\n\n1990 2000 2010\n\n\
                    More body text follows the table and runs on for a while here.\n\n1850\n\n\
                    Another page of body text, long enough to be a paragraph of its own.\n\n1851\n\n2011 2013\n";
        let l = layout(text, "", &furniture(), &[]);
        let aside: Vec<&str> = l.aside.iter().map(|r| &text[r.clone()]).collect();
        // The numbers of people stay furniture, as do lone numbers a page
        // apart and two years that are no row.
        assert_eq!(aside, ["21,185", "29,145", "1850", "1851", "2011 2013"]);
    }

    #[test]
    fn an_archive_splits_at_headings_and_drops_read_more() {
        let body = "The city council approved a new plan for its harbour district on Monday, after a year of hearings in which residents, shop owners and port workers argued about noise, traffic and the price of rents near the water, and the mayor promised a second vote.";
        let text = format!("Tag Archives: technology\n\nFirst post title\n\n{body} Body of the first post.\n\nContinue reading First post title\n\nSecond post title\n\n{body} Body of the second.\n\nRead more.");
        let text = text.as_str();
        let l = layout(text, "Tag Archives: technology", &furniture(), &[]);
        assert_eq!(
            section_titles(&l),
            [
                Some("First post title".into()),
                Some("Second post title".into())
            ]
        );
        assert!(text[l.sections[0].range.clone()].ends_with("first post."));
        assert!(l
            .aside
            .iter()
            .any(|r| text[r.clone()].starts_with("Continue reading")));
    }

    #[test]
    fn related_items_after_a_separator_are_sections() {
        let text = "주요 기사 제목입니다\n\n본문 첫 문단입니다. 길게 씁니다.\n\n관련 기사\n\nA caption for the teaser.\nAI에 의해 생성된 이미지\n\n두 번째 기사 제목\n\nAI에 의해 보고됨\n\n둘째 기사 본문입니다.\n\n셋째 짧은 기사 본문입니다.\n\nAI에 의해 보고됨\n\n이 웹사이트는 쿠키를 사용합니다\n거부";
        let l = layout(text, "주요 기사 제목입니다", &furniture(), &[]);
        let titles = section_titles(&l);
        assert_eq!(titles.len(), 3, "{titles:?}");
        assert_eq!(titles[1].as_deref(), Some("두 번째 기사 제목"));
        assert!(
            text[l.sections[1].range.clone()].starts_with("A caption"),
            "the caption joins its heading's item"
        );
        assert_eq!(titles[2].as_deref(), Some("셋째 짧은 기사 본문입니다"));
        let aside: Vec<&str> = l.aside.iter().map(|r| &text[r.clone()]).collect();
        assert!(
            aside.contains(&"이 웹사이트는 쿠키를 사용합니다")
                && aside.contains(&"거부")
                && aside.contains(&"관련 기사")
        );
    }

    #[test]
    fn bullets_are_not_headings_and_no_break_spaces_match() {
        let text = "Main title of the story\n\n  • A bullet point summary without a full stop\n\nBody text follows here.\n\nRead\u{a0}more\u{a0}in Chinese.";
        let l = layout(text, "Main title of the story", &furniture(), &[]);
        assert_eq!(section_titles(&l), [None]);
        assert!(l.aside.iter().any(|r| text[r.clone()].starts_with("Read")));
        assert_eq!(
            teaser_title("Growth will reach 3.2% in 2025. More text."),
            "Growth will reach 3.2% in 2025"
        );
    }

    #[test]
    fn hard_wrapped_text_is_one_section_of_paragraphs_not_a_heading_a_line() {
        let mut text = String::from("지방공무원법 일부개정법률안\r\n\r\n");
        for _ in 0..6 {
            text.push_str("초등학교 취학 전 자녀를 양육하기 위하여 필요하거나 여성공무원이 임신 또는 \r\n\r\n");
            text.push_str("출산하게 된 때에는 휴직을 할 수 있도록 하고 있으나 그 자녀의 나이가 \r\n\r\n");
            text.push_str("만 6세 이하로 되어 있어 초등학교 저학년 자녀를 돌보기 위해서는 휴직을 할 \r\n\r\n");
            text.push_str("수 없는 것임.\r\n\r\n");
        }
        let text = text.replace("\r\n", "\n");
        let l = layout(&text, "지방공무원법 일부개정법률안", &furniture(), &[]);
        assert_eq!(l.sections.len(), 1, "{:?}", section_titles(&l));
        let english = "The Project Gutenberg text of a letter, wrapped at seventy columns as\nplain-text files are, with sentences that run from one line into the\nnext one without a break between them, and short lines only where a\nparagraph ends.\n\nA second paragraph follows it here, wrapped the same way, with words\nenough to fill each line to about the same width as the lines above\nand the line after it; it ends on a shorter line of its own like this.\n\nThird paragraph of the letter, wrapped at the same width, seventy or\nso columns, and again without a heading anywhere in the whole text.\n";
        let l = layout(english, "", &furniture(), &[]);
        assert_eq!(l.sections.len(), 1, "{:?}", section_titles(&l));
    }

    #[test]
    fn a_heading_every_few_lines_is_a_form_not_a_set_of_posts() {
        let mut text = String::from("A bill to amend the civil service act\n\n");
        for field in ["Number", "Proposed by", "Reasons and contents", "Supplementary provisions", "Cost estimate"] {
            text.push_str(&format!("{field} of the bill\n\nShort body text under this field only.\n\n"));
        }
        let l = layout(&text, "A bill to amend the civil service act", &furniture(), &[]);
        assert_eq!(l.sections.len(), 1, "{:?}", section_titles(&l));
    }

    #[test]
    fn marked_headings_split_whatever_their_length() {
        let mut text = String::from("Field guide\n\nWhat this guide covers.\n\n");
        for field in ["Install", "Usage", "Notes", "Usage"] {
            text.push_str(&format!("{field}\n\nShort body text under this heading only.\n\n"));
        }
        text.push_str("A closing line like a title\n\nThe end.\n");
        // Unmarked, these are a form's fields (one word, short bodies): one section.
        assert_eq!(layout(&text, "Field guide", &furniture(), &[]).sections.len(), 1);
        // Marked (lines 0, 4, 8, 12, 16), each heads a section, a repeated one too,
        // and an unmarked title-like line stays text.
        let l = layout(&text, "Field guide", &furniture(), &[0, 4, 8, 12, 16]);
        assert_eq!(section_titles(&l), ["Field guide", "Install", "Usage", "Notes", "Usage"].map(|t| Some(t.to_owned())));
        assert!(l.aside.is_empty(), "nothing set aside: {:?}", l.aside);
    }

    #[test]
    fn bylines_are_furniture() {
        let text = "Title of the story here\n\nWriter: A B  |  From: Daily  |  Updated: 2023-03-14\n\nBody text of the story.";
        let l = layout(text, "Title of the story here", &furniture(), &[]);
        assert!(l
            .aside
            .iter()
            .any(|r| text[r.clone()].starts_with("Writer:")));
        assert_eq!(l.sections.len(), 1);
    }

    #[test]
    fn unknown_pattern_sign_names_the_line() {
        let e = Furniture::parse("# ok\n=fine\n!bad\n", Path::new("f.txt")).unwrap_err();
        assert_eq!(e.line, Some(3));
    }
}
