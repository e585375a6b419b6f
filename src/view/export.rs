//! What the reader takes away: CSV that opens in a spreadsheet as it is
//! (UTF-8 with a byte-order mark, so Korean and accents survive Excel;
//! fields quoted where they hold a comma, a quote or a line break; cells
//! that would start a formula defused).

use crate::engine::research::KwicRow;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_opens_in_a_spreadsheet_with_its_text_intact_and_no_formulas() {
        let row = KwicRow {
            doc: "a,b.txt".into(),
            section: Some(2),
            date: "2019".into(),
            left: "he said \"hi\"".into(),
            matched: "홍콩".into(),
            right: "=HYPERLINK(\"x\")".into(),
            start: 10,
            end: 16,
        };
        let out = concordance_csv(&[row]);
        assert!(out.starts_with('\u{feff}'), "a BOM for Excel");
        let lines: Vec<&str> = out.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "doc,section,date,left,match,right,start,end");
        assert_eq!(lines[1], "\"a,b.txt\",2,2019,\"he said \"\"hi\"\"\",홍콩,\"'=HYPERLINK(\"\"x\"\")\",10,16");
        assert_eq!(lines[2], "", "CRLF after the last row");
    }
}
