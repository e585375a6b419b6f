//! Readers of the data files the gazetteer commands import and the build
//! reads: tab-separated assets and gettext `.mo` translations.

use std::collections::HashMap;

/// One row of a tab-separated asset.
pub(super) struct Row<'t> {
    line: usize,
    columns: &'static str,
    pub(super) fields: Vec<&'t str>,
}

impl Row<'_> {
    fn bad(&self, what: &str) -> (usize, String) {
        (
            self.line,
            format!("{what} (expected {} tab-separated columns: {})", self.columns.split(", ").count(), self.columns),
        )
    }

    /// Column `i` as a number, or an error naming the line and the column.
    pub(super) fn number<T: std::str::FromStr>(&self, i: usize, what: &str) -> Result<T, (usize, String)> {
        self.fields[i].parse().map_err(|_| self.bad(&format!("the {what} is not a number")))
    }

    /// Column `i` as a `|`-separated list.
    pub(super) fn list(&self, i: usize) -> Vec<String> {
        self.fields[i].split('|').filter(|a| !a.is_empty()).map(str::to_owned).collect()
    }
}

/// The rows of a tab-separated asset with the columns named in `columns`
/// (comments and blank lines skipped); errors carry a 1-based line.
pub(super) fn rows<'t>(text: &'t str, columns: &'static str) -> Result<Vec<Row<'t>>, (usize, String)> {
    let expected = columns.split(", ").count();
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let row = Row { line: n + 1, columns, fields: line.split('\t').collect() };
        if row.fields.len() != expected {
            return Err(row.bad("wrong number of columns"));
        }
        out.push(row);
    }
    Ok(out)
}

/// The translations in a gettext `.mo` file: msgid → msgstr.
pub fn read_mo(bytes: &[u8]) -> Result<HashMap<String, String>, String> {
    let word = |at: usize, le: bool| -> Result<usize, String> {
        let b: [u8; 4] = bytes
            .get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .ok_or("a truncated .mo file")?;
        Ok(if le { u32::from_le_bytes(b) } else { u32::from_be_bytes(b) } as usize)
    };
    let le = match word(0, true)? {
        0x9504_12de => true,
        0xde12_0495 => false,
        _ => return Err("not a gettext .mo file".into()),
    };
    let (n, originals, translations) = (word(8, le)?, word(12, le)?, word(16, le)?);
    let string = |table: usize, i: usize| -> Result<String, String> {
        let len = word(table + i * 8, le)?;
        let off = word(table + i * 8 + 4, le)?;
        let raw = bytes.get(off..off + len).ok_or("a .mo string out of bounds")?;
        Ok(String::from_utf8_lossy(raw).into_owned())
    };
    let mut out = HashMap::with_capacity(n);
    for i in 0..n {
        let (id, text) = (string(originals, i)?, string(translations, i)?);
        if !id.is_empty() && !text.is_empty() {
            out.insert(id, text);
        }
    }
    Ok(out)
}
