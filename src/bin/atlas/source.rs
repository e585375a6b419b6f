//! Where a command reads its corpus: the index embedded at compile time, an
//! index file (`--index FILE`), or a corpus folder indexed in memory
//! (`--corpus DIR`).

use std::path::Path;

use corpus_atlas::corpus::pipeline::index_folder_reporting;
use corpus_atlas::engine::build::{DocInput, SectionInput};
use corpus_atlas::engine::Index;

use super::args::Source;
use super::exit::Failure;
use super::progress::Bars;

/// The index to answer from, read in place for the rest of the run.
pub(crate) fn index(source: &Source) -> Result<&'static Index<'static>, Failure> {
    if let Some(dir) = &source.corpus {
        let mut bars = Bars::new();
        let indexing = index_folder_reporting(folder(dir)?, &mut bars).map_err(|e| e.to_string())?;
        let bytes = indexing.finish(&mut bars).map_err(|e| e.to_string())?;
        return open(Box::leak(bytes.into_boxed_slice()), dir);
    }
    let Some(path) = &source.index else {
        return corpus_atlas::index()
            .map_err(|e| Failure::Input(format!("the embedded index cannot be opened: {e}")));
    };
    let bytes = std::fs::read(path).map_err(|e| {
        format!("{}: {e} (give an index written by `atlas build DIR -o FILE`)", path.display())
    })?;
    open(Box::leak(bytes.into_boxed_slice()), path)
}

fn open(bytes: &'static [u8], path: &Path) -> Result<&'static Index<'static>, Failure> {
    let index = Index::open(bytes).map_err(|e| {
        format!("{}: {e} (make one with `atlas build DIR -o FILE`)", path.display())
    })?;
    if index.is_split() {
        return Err(Failure::Input(format!(
            "{}: the head of a split index holds no texts; build a whole one (without --split)",
            path.display()
        )));
    }
    Ok(Box::leak(Box::new(index)))
}

/// `dir` when it is a folder; else an error that says what to give.
pub(crate) fn folder(dir: &Path) -> Result<&Path, Failure> {
    if dir.is_dir() {
        return Ok(dir);
    }
    let why = if dir.exists() { "is not a folder" } else { "does not exist" };
    Err(Failure::Input(format!(
        "{}: cannot read the corpus folder: it {why} (give a folder of .txt or .md texts)",
        dir.display()
    )))
}

/// The documents of the corpus, sorted by id, as the writer was handed them:
/// read from the folder, or taken back from the index (texts, sections,
/// furniture and metadata are all in it).
pub(crate) fn documents(source: &Source, bars: &mut Bars) -> Result<Vec<DocInput>, Failure> {
    if let Some(dir) = &source.corpus {
        let mut docs =
            corpus_atlas::corpus::load_reporting(folder(dir)?, bars).map_err(|e| e.to_string())?;
        docs.sort_by(|a, b| a.id.cmp(&b.id));
        return Ok(docs);
    }
    let index = index(source)?;
    Ok(index.docs().map(|d| from_index(index, &d)).collect())
}

fn from_index(index: &Index<'_>, d: &corpus_atlas::engine::Doc<'_>) -> DocInput {
    let sections = (d.first_section..d.first_section + d.section_count)
        .map(|s| {
            let s = index.section(s);
            SectionInput {
                title: (!s.title.is_empty()).then(|| s.title.to_owned()),
                range: s.start..s.start + s.text.len(),
                lang: s.lang.to_owned(),
            }
        })
        .collect();
    DocInput {
        id: d.id.to_owned(),
        title: d.title.to_owned(),
        source: d.source.to_owned(),
        author: d.author.to_owned(),
        date: d.date.to_owned(),
        lang: d.lang.to_owned(),
        url: d.url.to_owned(),
        text: d.text.to_owned(),
        sections,
        aside: index.aside(d),
    }
}
