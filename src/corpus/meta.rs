//! Metadata derived from a text when the metadata file does not give it.

use super::published::{byline_field, labels_a_date};

/// Words that mark a line as a photo caption or credit, never a title.
const CAPTION_MARKERS: &[&str] = &["Photo:", "Photograph:", "Image:", "사진", "Photo :"];

fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

/// Whether a line addresses its readers rather than naming the text: a
/// salutation ("Fellow-Citizens of the Senate and House of Representatives:",
/// "Dear colleagues,"), ending with a colon or a comma.
fn is_salutation(line: &str) -> bool {
    line.ends_with([':', ','])
}

/// The first meaningful line: a title-like line (3 to 30 words, or 2 for the
/// opening line, or one word of 4 to 40 characters in a script written
/// without spaces; no final full stop, not a caption, not repeated, not a
/// salutation) that stands alone above a blank line. Texts without one get their first sentence,
/// shortened; empty when that is a salutation (the caller names the text
/// by its file instead: a salutation says nothing of what a text is).
pub fn derive_title(text: &str) -> String {
    title_line(text).unwrap_or_else(|| first_sentence_title(text))
}

/// Whether a line names a text's writer ("By Jane Doe"): a by-line, never
/// its title.
fn by_line(line: &str) -> bool {
    line.strip_prefix("By ").or_else(|| line.strip_prefix("Par ")).is_some_and(|rest| rest.starts_with(char::is_uppercase))
}

/// Words that open a numbered division's heading ("CHAPTER IV.", "Livre
/// premier", "Article 3"): lower case, as compared.
const DIVISIONS: &[&str] = &[
    "chapter", "chapitre", "part", "partie", "book", "livre", "section", "article", "appendix", "annexe",
    "act", "acte", "scene", "scène", "canto", "letter", "lettre", "volume", "tome",
];

/// Whether a line only numbers a division: a division word and its number
/// ("CHAPITRE III.", "Chapter 12", "Part One"), a Roman or Arabic numeral
/// alone ("IV."), or a Korean one ("제3장", "제 2 조").
fn is_division_label(line: &str) -> bool {
    let line = line.trim_end_matches(['.', ':']);
    let words: Vec<&str> = line.split_whitespace().collect();
    // Korean: 제3장, 제 2 조.
    let joined: String = words.concat();
    if let Some(rest) = joined.strip_prefix('제') {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        return digits > 0 && matches!(&rest[digits..], "장" | "절" | "조" | "편" | "부" | "권");
    }
    let number = |w: &str| {
        w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty() || roman(w) || NUMBER_WORDS.contains(&w.to_lowercase().as_str())
    };
    match words.as_slice() {
        [n] => n.chars().all(|c| c.is_ascii_digit()) || roman(n),
        [division, n] => DIVISIONS.contains(&division.to_lowercase().as_str()) && number(n),
        _ => false,
    }
}

/// Numbers written as words after a division's name ("Part One", "Livre
/// premier"), lower case.
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "first",
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "last", "final", "premier",
    "première", "second", "seconde", "deuxième", "troisième", "quatrième", "cinquième", "dernier", "dernière", "un",
    "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
];

/// Whether a word is a Roman numeral written as one would (I to CCCXCIX, in
/// one case): "XIV", "iv"; not "CIVIL", "ill" or "LCD".
fn roman(word: &str) -> bool {
    let upper = word.to_uppercase();
    let value = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        _ => 0,
    };
    let same_case = word == upper || word == word.to_lowercase();
    if word.is_empty() || !same_case || upper.chars().any(|c| value(c) == 0) {
        return false;
    }
    // Its value, then written back canonically: only a canonical spelling is a numeral.
    let digits: Vec<u32> = upper.chars().map(value).collect();
    let total: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, &d)| if digits.get(i + 1).is_some_and(|&next| next > d) { 0u32.wrapping_sub(d) } else { d })
        .fold(0u32, u32::wrapping_add);
    let mut n = total;
    let mut canonical = String::new();
    for (v, s) in [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            canonical.push_str(s);
            n -= v;
        }
    }
    (1..400).contains(&total) && canonical == upper
}

/// A division's heading and its caption, when a text opens with both: the
/// label on a line of its own ("CHAPITRE III."), then a short paragraph of
/// one sentence, perhaps hard-wrapped ("Comment Candide se sauva d'entre les
/// Bulgares, et ce qu'il devint."), which alone says what the text is.
fn labelled_title(lines: &[&str]) -> Option<String> {
    let first = lines.iter().position(|l| !l.is_empty())?;
    let label = lines[first];
    if !is_division_label(label) {
        return None;
    }
    let start = first + 1 + lines[first + 1..].iter().take_while(|l| l.is_empty()).count();
    let caption: Vec<&str> = lines[start..].iter().take_while(|l| !l.is_empty()).copied().collect();
    let caption = caption.join(" ");
    let caption = caption.trim_end_matches(['.', ':']);
    let sentence = first_sentence(caption);
    let fits = (1..=30).contains(&words(caption)) && caption.chars().count() <= 200 && sentence == caption;
    (fits && !is_salutation(caption)).then(|| format!("{label} {caption}"))
}

/// The title-like line of [`derive_title`], if the text has one (or a
/// division's label and caption, see [`labelled_title`]).
pub fn title_line(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    if let Some(title) = labelled_title(&lines) {
        return Some(title);
    }
    let repeated = |l: &str| lines.iter().filter(|m| **m == l).count() > 1;
    // A date's header line ("Date: 2021-03-03") before the title is not its opening.
    let first = lines.iter().position(|l| !l.is_empty() && !labels_a_date(l) && !by_line(l));
    for (i, line) in lines.iter().enumerate().take(40) {
        let next_blank = lines.get(i + 1).is_none_or(|n| n.is_empty());
        // The first line may be a two-word title (a Korean bill's name) and
        // may be repeated further down (a title page); later lines may not.
        let opening = Some(i) == first;
        // Scripts written without spaces (Korean compounds, Chinese) make
        // one-word titles.
        let spaceless = !line.chars().any(|c| c.is_ascii_alphabetic())
            && line.chars().any(char::is_alphabetic)
            && (4..=40).contains(&line.chars().count())
            && !line.ends_with(['。', '．']);
        let enough = if opening {
            (words(line) >= 2 && line.chars().count() >= 8) || spaceless
        } else {
            words(line) >= 3
        };
        let title_like = enough
            && words(line) <= 30
            && !labels_a_date(line)
            && !by_line(line)
            && !line.ends_with('.')
            && !is_salutation(line)
            && !line.contains(" : ")
            && !CAPTION_MARKERS.iter().any(|m| line.contains(m))
            && (opening || !repeated(line));
        if title_like && next_blank {
            return Some(
                line.trim_matches(|c| matches!(c, '‘' | '’' | '"' | '“' | '”' | '\''))
                    .to_owned(),
            );
        }
    }
    None
}

/// A text's first sentence, shortened, as its title; empty when it is a
/// salutation.
pub fn first_sentence_title(text: &str) -> String {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty() && !labels_a_date(l)).unwrap_or("");
    let sentence = first_sentence(first);
    if is_salutation(first) || opens_with_salutation(sentence) {
        return String::new();
    }
    shorten(sentence, 90)
}

/// Words a full stop follows without ending a sentence ("Mr. Speaker").
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "No", "Gen", "Col", "Capt", "Lt", "Gov", "Sen", "Rep",
    "Prof", "Rev", "Hon", "M", "Mme", "Mlle", "Me",
];

/// The line up to its first sentence end: a full stop and a space, not after
/// an abbreviation or an initial ("Mr. Speaker", "J. Smith").
fn first_sentence(line: &str) -> &str {
    let mut from = 0;
    while let Some(i) = line[from..].find(". ").map(|i| from + i) {
        let word = line[..i].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if !initial && !ABBREVIATIONS.contains(&word) {
            return &line[..i];
        }
        from = i + 2;
    }
    line
}

/// Whether a sentence opens by addressing its listeners before a colon
/// ("Mr. Speaker, Vice President Cheney, Members of Congress, …: America
/// this evening …"): a list of two commas or more, then ": ".
fn opens_with_salutation(sentence: &str) -> bool {
    sentence.split_once(": ").is_some_and(|(head, _)| head.matches(',').count() >= 2)
}

/// `s` cut to at most `max` characters at a word boundary, with `…`.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let cut = s.char_indices().nth(max).map_or(s.len(), |(i, _)| i);
    let at = s[..cut].rfind(' ').unwrap_or(cut);
    format!("{}…", s[..at].trim_end_matches([',', ' ', ';', ':']))
}

/// A file's name as a title, when it reads as words: `American_Revolution.txt`
/// is "American Revolution", `COVID-19_pandemic.txt` "COVID-19 pandemic",
/// `harbour-board-report.txt` "harbour board report", `Birmingham.txt`
/// "Birmingham", `1989_Tiananmen_Square_protests.txt` "1989 Tiananmen Square
/// protests" (a year, then three words or more and no other number). Not a
/// name that otherwise starts with a number (`1796-Washington-1.txt`,
/// `000_4445b2b9.txt`), holds a code mixing letters and digits (`a3f9c2e1`)
/// or is one word and a number (`doc_0001.txt`, `chapter-3.txt`): those are ids.
pub fn name_title(id: &str) -> Option<String> {
    let stem = std::path::Path::new(id).file_stem()?.to_str()?;
    let separator = if stem.contains(['_', ' ']) { '_' } else { '-' };
    let words: Vec<&str> = stem.split([separator, ' ']).filter(|w| !w.is_empty()).collect();
    // Letters and digits mixed in one run: a hash or a code ("COVID-19" is neither).
    let code = |w: &&str| {
        w.split('-').any(|run| run.chars().any(|c| c.is_ascii_digit()) && run.chars().any(char::is_alphabetic))
    };
    let lettered: Vec<&&str> = words.iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3).collect();
    let year_then_words = words.first().is_some_and(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        && lettered.len() >= 3
        && words[1..].iter().all(|w| w.chars().all(char::is_alphabetic));
    let starts_with_letter = stem.chars().next().is_some_and(char::is_alphabetic) || year_then_words;
    // One word names a text only as a name ("Birmingham"), never as a
    // numbered kind of file ("doc_0001", "chapter-3", "notes").
    let enough = match lettered.as_slice() {
        [] => false,
        [one] => words.len() == 1 && one.starts_with(char::is_uppercase),
        _ => true,
    };
    (starts_with_letter && enough && !words.iter().any(code)).then(|| words.join(" "))
}

/// The outlet named in a by-line (`From:`, `Source:`), or empty.
pub fn derive_source(text: &str) -> String {
    byline_field(text, &["From", "Source", "Publisher", "출처"])
        .unwrap_or("")
        .to_owned()
}

/// The writer named in a by-line (`Writer: Zhang Yu | …`, `By Jane Doe`,
/// `Par Jean Dupont`), or empty.
pub fn derive_author(text: &str) -> String {
    if let Some(v) = byline_field(
        text,
        &["Writer", "Author", "By", "Auteur", "Par", "기자", "글"],
    ) {
        return v.to_owned();
    }
    let line = text.lines().take(40).map(str::trim).find_map(|l| {
        let rest = l.strip_prefix("By ").or_else(|| l.strip_prefix("Par "))?;
        let capital = rest.chars().next().is_some_and(char::is_uppercase);
        (capital && rest.len() <= 60 && !rest.ends_with('.')).then_some(rest)
    });
    line.unwrap_or("").to_owned()
}

/// The text's language as an ISO 639-1 code (639-3 for the few whatlang
/// languages without one), or empty when detection is unsure: an unknown
/// language is better than a wrong one (it only turns off stemming).
pub fn detect_language(text: &str) -> String {
    // The first few thousand bytes tell as well as the whole (and cost a
    // fraction of it on long texts).
    let mut end = text.len().min(4000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let Some(info) = whatlang::detect(&text[..end]).filter(whatlang::Info::is_reliable) else {
        return String::new();
    };
    let code = info.lang().code();
    let two = match code {
        "eng" => "en",
        "fra" => "fr",
        "kor" => "ko",
        "cmn" => "zh",
        "jpn" => "ja",
        "deu" => "de",
        "spa" => "es",
        "ita" => "it",
        "por" => "pt",
        "nld" => "nl",
        "rus" => "ru",
        other => other,
    };
    two.to_owned()
}

#[cfg(test)]
mod tests {
    use super::super::published::derive_date;
    use super::*;

    #[test]
    fn author_and_date_come_from_the_by_line_or_a_reporting_sentence() {
        let byline = "Title\n\nWriter: Zhang Yu  |  Editor: Zhang Chanwen  |  From: Shenzhen Daily  |  Updated: 2023-03-14\n\nBody.";
        assert_eq!(derive_author(byline), "Zhang Yu");
        assert_eq!(derive_date("a.txt", byline), "2023-03-14");
        assert_eq!(
            derive_author("A headline\nBy Jane Doe\n\nText."),
            "Jane Doe"
        );
        let korean = "제목\n\n사우스 차이나 모닝 포스트는 2026년 1월 15일, 홍콩이 선전과의 협력을 심화하고 있다고 보도했다. 2025년 3월 1일에 시작됐다.";
        assert_eq!(derive_date("a.txt", korean), "2026-01-15");
        // A full date in a sentence that does not report is not a publication date.
        assert_eq!(
            derive_date("a.txt", "The plan starts on 1 March 2027. It is big."),
            ""
        );
    }

    #[test]
    fn title_skips_furniture_and_captions() {
        let text = "Advertisement\nAdvertisement\nHong Kong economy\nLearn more\nA view of the harbour. Photo: May Tse\n\nCity to build data hub, minister says\n\nBody text here.";
        assert_eq!(derive_title(text), "City to build data hub, minister says");
    }

    #[test]
    fn a_salutation_before_the_first_sentence_is_no_title_and_abbreviations_end_none() {
        let text = "Mr. Speaker, Vice President Cheney, Members of Congress, and fellow citizens: America this \
                    evening is a nation called to great responsibilities. We are rising to meet them.";
        assert_eq!(derive_title(text), "");
        assert_eq!(derive_title("Dr. J. Smith met the mayor in St. Paul today. It rained."), "Dr. J. Smith met the mayor in St. Paul today");
    }

    #[test]
    fn a_salutation_is_not_a_title() {
        let address = "Fellow-Citizens of the Senate and House of Representatives:\n\nIt is with great pleasure that I report.\n";
        assert_eq!(derive_title(address), "", "the caller names the text by its file");
        let letter = "Dear colleagues,\n\nThe harbour board met on Monday.\n";
        assert_eq!(derive_title(letter), "");
        let titled = "Annual report of the harbour board\n\nTo the members:\n\nThe board met.\n";
        assert_eq!(derive_title(titled), "Annual report of the harbour board");
        let doc = crate::corpus::from_text_laid_out("1796-Washington-1.txt", address.to_owned(), &Default::default());
        assert_eq!(doc.title, "1796-Washington-1");
    }

    #[test]
    fn a_file_name_of_words_titles_a_text_without_a_title_line() {
        assert_eq!(name_title("American_Revolution.txt").as_deref(), Some("American Revolution"));
        assert_eq!(name_title("COVID-19_pandemic.txt").as_deref(), Some("COVID-19 pandemic"));
        assert_eq!(name_title("harbour-board-report.txt").as_deref(), Some("harbour board report"));
        assert_eq!(name_title("1796-Washington-1.txt"), None, "a dated id");
        assert_eq!(
            name_title("1989_Tiananmen_Square_protests_and_massacre.txt").as_deref(),
            Some("1989 Tiananmen Square protests and massacre")
        );
        assert_eq!(name_title("2024-03-05-budget-speech.txt"), None, "a date and words");
        assert_eq!(name_title("2024_budget_speech.txt"), None, "a year and two words");
        assert_eq!(name_title("000_4445b2b93edc790d.txt"), None, "a numbered hash");
        assert_eq!(name_title("report_a3f9c2e1.txt"), None, "a code");
        assert_eq!(name_title("doc_0001.txt"), None, "a numbered kind of file");
        assert_eq!(name_title("notes.txt"), None, "one common word");
        assert_eq!(name_title("Birmingham.txt").as_deref(), Some("Birmingham"));
        // A long paragraph in a script without spaces is no title line.
        let chinese = "市政府今天宣布了一项新的数据政策，旨在推动数字经济发展和跨境数据流动，并邀请企业参与。\n\n第二段。";
        assert_eq!(title_line(chinese), None);
        let paragraph = "The Berlin Wall was a guarded concrete barrier that encircled West Berlin. It fell in 1989.";
        let doc = crate::corpus::from_text_laid_out("Berlin_Wall.txt", paragraph.to_owned(), &Default::default());
        assert_eq!(doc.title, "Berlin Wall", "not the first sentence");
        let bill = crate::corpus::from_text_laid_out("constitution.txt", "대한민국헌법\n\n유구한 역사와 전통에 빛나는 우리 대한국민은.".to_owned(), &Default::default());
        assert_eq!(bill.title, "대한민국헌법", "a one-word title in a script without spaces");
        // A heading inside the text that repeats the file's name leaves the
        // lines above it alone: they are no page furniture.
        let text = "Background\n\nThe program began in 1961 and ran for years.\n\nApollo Program\n\nIt ended in 1972 with six landings.\n";
        let doc = crate::corpus::from_text_laid_out("Apollo_Program.txt", text.to_owned(), &Default::default());
        assert_eq!(doc.title, "Apollo Program");
        assert!(doc.aside.is_empty(), "{:?}", doc.aside);
        let headed = "The Wall\n\nThe Berlin Wall was a guarded concrete barrier. It fell in 1989.";
        let doc = crate::corpus::from_text_laid_out("Berlin_Wall.txt", headed.to_owned(), &Default::default());
        assert_eq!(doc.title, "The Wall", "the text's own title line first");
    }

    #[test]
    fn a_chapter_is_titled_by_its_label_and_caption() {
        let chapter = "CHAPITRE III.\n\nComment Candide se sauva d'entre les Bulgares, et ce qu'il\ndevint.\n\n\nRien n'était si beau, si leste, si brillant.\n";
        assert_eq!(derive_title(chapter), "CHAPITRE III. Comment Candide se sauva d'entre les Bulgares, et ce qu'il devint");
        let english = "Chapter 12\n\nIn Which the Harbour Freezes\n\nThe winter came early that year.\n";
        assert_eq!(derive_title(english), "Chapter 12 In Which the Harbour Freezes");
        assert_eq!(derive_title("IV.\n\nThe Return\n\nShe came back in May.\n"), "IV. The Return");
        let korean = "제3장 국회\n\n국회는 법률을 제정한다.\n";
        assert_eq!(derive_title(korean), "제3장 국회", "a label with its name on the same line is a title line");
        // Not a caption: the body itself, a paragraph of several sentences.
        let body = "CHAPTER I.\n\nIt was a dark night. The wind rose. Nobody came.\n";
        assert_ne!(derive_title(body), "CHAPTER I. It was a dark night. The wind rose. Nobody came");
        assert!(!is_division_label("Part of the plan"));
        assert!(!is_division_label("Chapter and verse here"));
        assert!(is_division_label("제 2 조") && is_division_label("Livre premier") && is_division_label("XIV."));
        assert!(is_division_label("제 3장") && is_division_label("Part One") && is_division_label("iv"));
        for not_one in ["Book Review", "Part Time", "Act Now", "CIVIL", "ill", "LCD", "IIII"] {
            assert!(!is_division_label(not_one), "{not_one}");
        }
    }

    #[test]
    fn title_falls_back_to_first_sentence() {
        let text = "Hong Kong – La récente visite du chef de Hong Kong John Lee à la puissance technologique de la Chine continentale démontre son engagement. Suite.";
        let title = derive_title(text);
        assert!(
            title.starts_with("Hong Kong – La récente visite"),
            "{title}"
        );
        assert!(
            title.ends_with('…') && title.chars().count() <= 91,
            "{title}"
        );
    }

    #[test]
    fn byline_gives_source_and_date() {
        let text = "Title\n\nWriter: Zhang Yu  |  Editor: Zhang Chanwen  |  From: Shenzhen Daily  |  Updated: 2023-03-14\n";
        assert_eq!(derive_source(text), "Shenzhen Daily");
        assert_eq!(derive_date("a.txt", text), "2023-03-14");
        assert_eq!(derive_date("a.txt", "Updated: soon"), "");
    }

    #[test]
    fn detects_the_three_languages() {
        assert_eq!(
            detect_language("홍콩은 선전과 핀테크 협력을 심화하고 있다고 보도했다."),
            "ko"
        );
        assert_eq!(detect_language("Les analystes disent que c’est la première étape vers la construction d’une stratégie."), "fr");
        assert_eq!(detect_language("Hong Kong will seek the support of the central government to expand the scale of data."), "en");
    }
}
