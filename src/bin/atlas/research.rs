//! Research commands: concordance, trends, collocates, terms and summary,
//! answered by `engine::research` from the same index as the app.

use std::io::Write;

use corpus_atlas::engine::research::{
    collocates_in, concordance, matches::matching_docs, sample, sort_rows, summary, terms, trends, KwicOptions, Why,
};
use corpus_atlas::engine::Index;
use serde_json::json;

use super::args::{CollocatesArgs, ConcordanceArgs, QueryArgs, ReadArgs, TermsArgs};
use super::exit::{Failure, Outcome};
use super::output::{self, printable};
use super::source;

/// The query typed, and the index to answer from.
fn open(a: &QueryArgs) -> Result<(String, &'static Index<'static>), Failure> {
    Ok((a.query.join(" "), source::index(&a.read.source)?))
}

fn nothing(query: &str) -> Failure {
    Failure::Nothing(format!("nothing matches {query:?}"))
}

pub(crate) fn cmd_concordance(a: &ConcordanceArgs) -> Outcome {
    let (query, index) = open(&a.query)?;
    // Sorted first, then cut: the first rows of the order asked for.
    let limit = if a.sort.is_some() { None } else { a.limit };
    let mut rows = concordance(index, &query, KwicOptions { width: a.width, limit });
    if rows.is_empty() {
        return Err(nothing(&query));
    }
    if let Some(sort) = a.sort {
        sort_rows(&mut rows, sort);
        rows.truncate(a.limit.unwrap_or(usize::MAX));
    }
    let why = Why::of(index, &query);
    let rows: Vec<_> = rows
        .iter()
        .map(|r| {
            json!({
                "doc": r.doc, "section": r.section, "left": r.left, "match": r.matched,
                "right": r.right, "start": r.start, "end": r.end, "kind": why.row_kind(index, r).name(),
            })
        })
        .collect();
    let width = a.width;
    output::rows(a.query.read.json, &rows, |out, r| {
        let field = |k: &str| printable(r[k].as_str().unwrap_or_default()).into_owned();
        let (left, right) = (field("left"), field("right"));
        let left = left.trim_end();
        let pad = width.saturating_sub(left.chars().count());
        writeln!(out, "{}  {:pad$}{left} [{}] {}", field("doc"), "", field("match"), right.trim_start())
    })
}

pub(crate) fn cmd_trends(a: &QueryArgs) -> Outcome {
    let (query, index) = open(a)?;
    let t = trends(index, &query);
    if t.periods.iter().chain([&t.undated]).all(|r| r.matches == 0) {
        return Err(nothing(&query));
    }
    let rows: Vec<_> = t
        .periods
        .iter()
        .map(|r| json!({ "period": r.period, "matches": r.matches, "documents": r.documents, "words": r.words }))
        .collect();
    let undated = (t.undated.words > 0).then(|| {
        format!(
            "undated: {} matches in {} documents, {} words",
            t.undated.matches, t.undated.documents, t.undated.words
        )
    });
    if a.read.json {
        if let Some(note) = &undated {
            eprintln!("note: {note}");
        }
        return output::json(&mut output::stdout(), &rows);
    }
    let mut out = output::stdout();
    writeln!(out, "period   matches  documents     words  per 10,000 words")?;
    for r in t.periods.iter() {
        writeln!(
            out,
            "{:<8} {:>7} {:>10} {:>9} {:>17.1}",
            printable(&r.period),
            r.matches,
            r.documents,
            r.words,
            r.per_10k_words()
        )?;
    }
    if let Some(note) = undated {
        writeln!(out, "{note}")?;
    }
    out.flush()?;
    Ok(())
}

pub(crate) fn cmd_collocates(a: &CollocatesArgs) -> Outcome {
    let (query, index) = open(&a.query)?;
    let matches = matching_docs(index, &query);
    if matches.is_empty() {
        return Err(nothing(&query));
    }
    let found = collocates_in(index, &query, &matches, a.window, a.limit);
    if let Some(s) = sample(&matches) {
        eprintln!("counted around {} of the {} matches, spread evenly over the corpus", s.read, s.of);
    }
    let rows: Vec<_> = found
        .iter()
        .map(|c| {
            let score = (c.score * 1000.0).round() / 1000.0;
            json!({ "term": c.term, "together": c.together, "total": c.total, "score": score })
        })
        .collect();
    output::rows(a.query.read.json, &rows, |out, c| {
        writeln!(
            out,
            "{:<24} {:>5} of {:<6} G² {:.1}",
            printable(c["term"].as_str().unwrap_or_default()),
            c["together"],
            c["total"],
            c["score"].as_f64().unwrap_or_default()
        )
    })
}

pub(crate) fn cmd_terms(a: &TermsArgs) -> Outcome {
    let index = source::index(&a.read.source)?;
    let found = terms(index, a.lang.as_deref(), a.limit);
    if found.is_empty() {
        let in_lang = a.lang.as_deref().map(|l| format!(" in language {l:?}")).unwrap_or_default();
        return Err(Failure::Nothing(format!("no terms{in_lang}")));
    }
    let rows: Vec<_> = found
        .iter()
        .map(|t| json!({ "term": t.term, "count": t.count, "documents": t.documents }))
        .collect();
    output::rows(a.read.json, &rows, |out, t| {
        writeln!(
            out,
            "{:<24} {:>7}  in {} documents",
            printable(t["term"].as_str().unwrap_or_default()),
            t["count"],
            t["documents"]
        )
    })
}

pub(crate) fn cmd_summary(a: &ReadArgs) -> Outcome {
    let index = source::index(&a.source)?;
    let s = summary(index);
    let languages: Vec<_> = s.languages.iter().map(|l| json!({ "lang": l.lang, "documents": l.documents })).collect();
    let value = json!({
        "documents": s.documents, "sections": s.sections, "words": s.words, "vocabulary": s.vocabulary,
        "languages": languages, "first_date": s.first_date, "last_date": s.last_date,
    });
    let mut out = output::stdout();
    if a.json {
        return output::json(&mut out, &value);
    }
    writeln!(out, "documents   {}", s.documents)?;
    writeln!(out, "sections    {}", s.sections)?;
    writeln!(out, "words       {}", s.words)?;
    writeln!(out, "vocabulary  {}", s.vocabulary)?;
    let langs: Vec<String> = s
        .languages
        .iter()
        .map(|l| format!("{} {}", printable(if l.lang.is_empty() { "?" } else { &l.lang }), l.documents))
        .collect();
    writeln!(out, "languages   {}", langs.join(", "))?;
    if let (Some(first), Some(last)) = (&s.first_date, &s.last_date) {
        writeln!(out, "dates       {} to {}", printable(first), printable(last))?;
    }
    out.flush()?;
    Ok(())
}
