//! What the reader takes away, as CSV or JSON. CSV that opens in a
//! spreadsheet as it is (UTF-8 with a byte-order mark, so Korean and accents
//! survive Excel; fields quoted where they hold a comma, a quote or a line
//! break; cells that would start a formula defused); JSON as `atlas --json`
//! prints it, an array of objects, numbers bare.

use crate::engine::analysis::text::sentence_at;
use crate::engine::overview::places::PlaceCount;
use crate::engine::research::KwicRow;
use crate::engine::search::{snippet, SNIPPET_CHARS};
use crate::engine::{Event, Hit, Index};

/// One CSV field.
fn field(out: &mut String, value: &str) {
    // A cell starting with = + - @ is a formula to a spreadsheet: a corpus
    // is untrusted, so such a cell starts with a quote mark instead.
    let formula = value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quoted = formula || value.contains([',', '"', '\n', '\r']);
    if quoted {
        out.push('"');
        if formula {
            out.push('\'');
        }
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// A CSV document: a byte-order mark, the header, then the rows, CRLF-ended.
pub fn csv<const N: usize>(header: [&str; N], rows: impl IntoIterator<Item = [String; N]>) -> String {
    let mut out = String::from('\u{feff}');
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        for (i, c) in cells.enumerate() {
            if i > 0 {
                out.push(',');
            }
            field(&mut out, c);
        }
        out.push_str("\r\n");
    };
    line(&mut header.iter().copied());
    for row in rows {
        line(&mut row.iter().map(String::as_str));
    }
    out
}

/// A column of an export: its name, and whether it holds numbers (bare in
/// JSON, `null` when empty).
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The header cell and the JSON key.
    pub name: &'static str,
    /// Holds numbers.
    pub number: bool,
}

const fn text(name: &'static str) -> Column {
    Column { name, number: false }
}

const fn number(name: &'static str) -> Column {
    Column { name, number: true }
}

/// Rows to take away, written as CSV or as JSON.
#[derive(Debug, Clone)]
pub struct Table<const N: usize> {
    header: [Column; N],
    rows: Vec<[String; N]>,
}

/// A file format of the exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For a spreadsheet.
    Csv,
    /// For a program (as `atlas --json` prints).
    Json,
}

impl Format {
    /// The file name's extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    /// The media type of the download.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Csv => "text/csv;charset=utf-8",
            Format::Json => "application/json;charset=utf-8",
        }
    }

    /// `table` in this format.
    pub fn write<const N: usize>(self, table: &Table<N>) -> String {
        match self {
            Format::Csv => table.csv(),
            Format::Json => table.json(),
        }
    }
}

/// `s` as a JSON string.
fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

impl<const N: usize> Table<N> {
    /// As CSV (see the module's comment).
    pub fn csv(&self) -> String {
        csv(self.header.map(|c| c.name), self.rows.iter().cloned())
    }

    /// As JSON: an array with an object a row.
    pub fn json(&self) -> String {
        let mut out = String::from("[");
        for (i, row) in self.rows.iter().enumerate() {
            out.push_str(if i == 0 { "\n  {" } else { ",\n  {" });
            for (j, (column, value)) in self.header.iter().zip(row).enumerate() {
                if j > 0 {
                    out.push_str(", ");
                }
                json_string(&mut out, column.name);
                out.push_str(": ");
                match (column.number, value.is_empty()) {
                    (true, true) => out.push_str("null"),
                    (true, false) => out.push_str(value),
                    (false, _) => json_string(&mut out, value),
                }
            }
            out.push('}');
        }
        out.push_str(if self.rows.is_empty() { "]\n" } else { "\n]\n" });
        out
    }
}

/// A concordance: document, section, date, left, match, right, and the
/// match's byte offsets in its document's text.
pub fn concordance_table(rows: &[KwicRow]) -> Table<8> {
    Table {
        header: [text("doc"), number("section"), text("date"), text("left"), text("match"), text("right"), number("start"), number("end")],
        rows: rows
            .iter()
            .map(|r| {
                [
                    r.doc.clone(),
                    r.section.map_or(String::new(), |s| s.to_string()),
                    r.date.clone(),
                    r.left.clone(),
                    r.matched.clone(),
                    r.right.clone(),
                    r.start.to_string(),
                    r.end.to_string(),
                ]
            })
            .collect(),
    }
}

/// [`concordance_table`] as CSV.
pub fn concordance_csv(rows: &[KwicRow]) -> String {
    concordance_table(rows).csv()
}

/// `v` with `decimals` decimals (at most 6), by integer arithmetic:
/// coordinates to four decimals are eleven metres.
pub fn fixed(v: f32, decimals: u32) -> String {
    let decimals = decimals.min(6);
    let scale = 10i64.pow(decimals);
    let n = if v.is_finite() { (f64::from(v) * scale as f64).round() as i64 } else { 0 };
    let sign = if n < 0 { "-" } else { "" };
    let (whole, part) = (n.unsigned_abs() / scale as u64, n.unsigned_abs() % scale as u64);
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{part:0width$}", width = decimals as usize)
    }
}

/// Results, best first: rank, document, section title, document title,
/// source, date, language, and the snippet shown.
pub fn results_table(index: &Index<'_>, hits: &[Hit]) -> Table<8> {
    Table {
        header: [number("rank"), text("doc"), text("section"), text("title"), text("source"), text("date"), text("lang"), text("snippet")],
        rows: hits
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let doc = index.doc(h.doc);
                let section = index.section(h.section);
                [
                    (i + 1).to_string(),
                    doc.id.to_owned(),
                    section.title.to_owned(),
                    doc.title.to_owned(),
                    doc.source.to_owned(),
                    doc.date.to_owned(),
                    if section.lang.is_empty() { doc.lang } else { section.lang }.to_owned(),
                    snippet(index, h, SNIPPET_CHARS).text,
                ]
            })
            .collect(),
    }
}

/// [`results_table`] as CSV.
pub fn results_csv(index: &Index<'_>, hits: &[Hit]) -> String {
    results_table(index, hits).csv()
}

/// Places: name, kind (city, country …), latitude and longitude (four
/// decimals; empty for a region without a point), mentions, documents, and
/// the note on another place of the name it was chosen over (or empty).
pub fn places_table(index: &Index<'_>, counts: &[PlaceCount]) -> Table<7> {
    Table {
        header: [
            text("place"),
            text("kind"),
            number("lat"),
            number("lon"),
            number("mentions"),
            number("documents"),
            text("chosen_over"),
        ],
        rows: counts
            .iter()
            .map(|c| {
                let e = index.entity(c.entity);
                let (lat, lon) = e.at.map_or((String::new(), String::new()), |(lat, lon)| (fixed(lat, 4), fixed(lon, 4)));
                let (mentions, docs) = (c.mentions.to_string(), c.docs.len().to_string());
                [e.name.to_owned(), e.kind.to_owned(), lat, lon, mentions, docs, e.note.to_owned()]
            })
            .collect(),
    }
}

/// [`places_table`] as CSV.
pub fn places_csv(index: &Index<'_>, counts: &[PlaceCount]) -> String {
    places_table(index, counts).csv()
}

/// Dates: the date (as precise as written), its kind, whether it is a
/// publication date, the document, and the sentence it is in.
pub fn dates_table(index: &Index<'_>, events: &[Event]) -> Table<6> {
    Table {
        header: [text("date"), text("precision"), text("published"), text("doc"), text("text"), text("sentence")],
        rows: events
            .iter()
            .map(|e| {
                let doc = index.doc(index.section_doc(e.section));
                let (text, sentence) = if e.published {
                    (String::new(), String::new())
                } else {
                    let text = doc.text.get(e.start..e.start + e.len).unwrap_or("").to_owned();
                    (text, sentence_at(doc.text, e.start, e.len).to_owned())
                };
                [
                    e.when.to_string(),
                    e.when.precision.name().to_owned(),
                    if e.published { "yes" } else { "no" }.to_owned(),
                    doc.id.to_owned(),
                    text,
                    sentence,
                ]
            })
            .collect(),
    }
}

/// [`dates_table`] as CSV.
pub fn dates_csv(index: &Index<'_>, events: &[Event]) -> String {
    dates_table(index, events).csv()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_are_written_to_four_decimals() {
        assert_eq!(fixed(22.3193, 4), "22.3193");
        assert_eq!(fixed(-0.5, 4), "-0.5000");
        assert_eq!(fixed(114.16944, 4), "114.1694");
        assert_eq!(fixed(1.0, 0), "1");
    }

    #[test]
    fn csv_opens_in_a_spreadsheet_with_its_text_intact_and_no_formulas() {
        let row = KwicRow {
            doc: "a,b.txt".into(),
            section: Some(2),
            date: "2019".into(),
            left: "he said \"hi\"".into(),
            matched: "부산".into(),
            right: "=HYPERLINK(\"x\")".into(),
            start: 10,
            end: 16,
        };
        let out = concordance_csv(&[row]);
        assert!(out.starts_with('\u{feff}'), "a BOM for Excel");
        let lines: Vec<&str> = out.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "doc,section,date,left,match,right,start,end");
        assert_eq!(lines[1], "\"a,b.txt\",2,2019,\"he said \"\"hi\"\"\",부산,\"'=HYPERLINK(\"\"x\"\")\",10,16");
        assert_eq!(lines[2], "", "CRLF after the last row");
    }

    #[test]
    fn json_is_an_array_of_objects_with_numbers_bare_and_text_escaped() {
        let row = KwicRow {
            doc: "a\"b.txt".into(),
            section: None,
            date: String::new(),
            left: "line\nbreak \\ \u{1}".into(),
            matched: "부산".into(),
            right: String::new(),
            start: 10,
            end: 16,
        };
        let out = concordance_table(&[row.clone(), row]).json();
        let parsed: serde_json::Value = serde_json::from_str(&out).expect(&out);
        assert_eq!(parsed[0]["doc"], "a\"b.txt");
        assert_eq!(parsed[0]["left"], "line\nbreak \\ \u{1}");
        assert_eq!(parsed[0]["section"], serde_json::Value::Null);
        assert_eq!(parsed[1]["start"], 10);
        assert_eq!(parsed.as_array().map(Vec::len), Some(2));
        assert_eq!(serde_json::from_str::<serde_json::Value>(&concordance_table(&[]).json()).unwrap(), serde_json::json!([]));
    }
}
