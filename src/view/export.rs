//! What the reader takes away: CSV that opens in a spreadsheet as it is
//! (UTF-8 with a byte-order mark, so Korean and accents survive Excel;
//! fields quoted where they hold a comma, a quote or a line break; cells
//! that would start a formula defused).

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

/// A concordance as CSV: document, section, date, left, match, right, and
/// the match's byte offsets in its document's text.
pub fn concordance_csv(rows: &[KwicRow]) -> String {
    csv(
        ["doc", "section", "date", "left", "match", "right", "start", "end"],
        rows.iter().map(|r| {
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
        }),
    )
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

/// Results as CSV, best first: rank, document, section title, document
/// title, source, date, language, and the snippet shown.
pub fn results_csv(index: &Index<'_>, hits: &[Hit]) -> String {
    csv(
        ["rank", "doc", "section", "title", "source", "date", "lang", "snippet"],
        hits.iter().enumerate().map(|(i, h)| {
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
        }),
    )
}

/// Places as CSV: name, kind (city, country …), latitude and longitude (four
/// decimals; empty for a region without a point), mentions, documents.
pub fn places_csv(index: &Index<'_>, counts: &[PlaceCount]) -> String {
    csv(
        ["place", "kind", "lat", "lon", "mentions", "documents"],
        counts.iter().map(|c| {
            let e = index.entity(c.entity);
            let (lat, lon) = e.at.map_or((String::new(), String::new()), |(lat, lon)| (fixed(lat, 4), fixed(lon, 4)));
            [e.name.to_owned(), e.kind.to_owned(), lat, lon, c.mentions.to_string(), c.docs.len().to_string()]
        }),
    )
}

/// Dates as CSV: the date (as precise as written), its kind, whether it is
/// a publication date, the document, and the sentence it is in.
pub fn dates_csv(index: &Index<'_>, events: &[Event]) -> String {
    csv(
        ["date", "precision", "published", "doc", "text", "sentence"],
        events.iter().map(|e| {
            let doc = index.doc(index.section(e.section).doc);
            let (text, sentence) = if e.published {
                (String::new(), String::new())
            } else {
                let text = doc.text.get(e.start..e.start + e.len).unwrap_or("").to_owned();
                (text, sentence_at(doc.text, e.start, e.len).to_owned())
            };
            [
                e.when.to_string(),
                format!("{:?}", e.when.precision).to_lowercase(),
                if e.published { "yes" } else { "no" }.to_owned(),
                doc.id.to_owned(),
                text,
                sentence,
            ]
        }),
    )
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
}
