//! Reading a corpus folder: every text file (regular files only), its
//! metadata, its sections and its page furniture.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::error::CorpusError;
use super::files::read_capped;
use super::layout::{layout, Furniture, Layout};
use super::progress::Progress;
use super::meta::{derive_author, derive_source, detect_language, first_sentence_title, name_title, title_line};
use super::published::derive_date;
use super::project::{project_file, FURNITURE_FILE};
use super::settings::{apply, load_settings, settings_path, DocSettings};
use crate::engine::build::DocInput;

/// File endings read as corpus texts.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "md"];

/// Reads every text in `dir` (sorted by file name) with its metadata, its
/// sections and its furniture, using the project's furniture patterns.
pub fn load(dir: &Path) -> Result<Vec<DocInput>, CorpusError> {
    load_reporting(dir, &mut ())
}

/// [`load`], telling `progress` the files read (stage "reading").
pub fn load_reporting(dir: &Path, progress: &mut dyn Progress) -> Result<Vec<DocInput>, CorpusError> {
    let mut docs = Vec::new();
    read_each(dir, progress, &mut |doc| {
        docs.push(doc);
        Ok::<_, CorpusError>(())
    })?;
    Ok(docs)
}

/// Reads the texts of `dir` as [`load`] does, handing each document to
/// `sink` in file order as soon as its batch is read: a corpus of any size
/// passes through a few hundred documents' memory.
pub fn read_each<E: From<CorpusError>>(
    dir: &Path,
    progress: &mut dyn Progress,
    sink: &mut dyn FnMut(DocInput) -> Result<(), E>,
) -> Result<(), E> {
    let furniture = Furniture::load(&project_file(FURNITURE_FILE)?)?;
    read_folder(dir, &furniture, progress, sink)
}

/// [`load`] with explicit furniture patterns.
pub fn load_with(dir: &Path, furniture: &Furniture) -> Result<Vec<DocInput>, CorpusError> {
    let mut docs = Vec::new();
    read_folder(dir, furniture, &mut (), &mut |doc| {
        docs.push(doc);
        Ok::<_, CorpusError>(())
    })?;
    Ok(docs)
}

/// Files read in parallel between two moves of the progress bar.
const READ_BATCH: usize = 256;

/// The text files of `dir` (regular files only), sorted by name: what
/// [`load`] reads.
pub fn text_files(dir: &Path) -> Result<Vec<PathBuf>, CorpusError> {
    let entries = fs::read_dir(dir)
        .map_err(|e| CorpusError::new(dir, None, format!("cannot read the corpus folder: {e}")))?;
    let mut files: Vec<PathBuf> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| CorpusError::new(dir, None, e.to_string()))?;
        let path = entry.path();
        let is_text = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| TEXT_EXTENSIONS.contains(&e));
        if !is_text {
            continue;
        }
        // Only regular files inside the folder: a link could point anywhere
        // (`env.txt -> /proc/self/environ`, `~/.git-credentials`), and what is
        // read here is published, searchable, in the bundle.
        let kind = entry
            .file_type()
            .map_err(|e| CorpusError::new(&path, None, format!("cannot read: {e}")))?;
        if kind.is_symlink() {
            return Err(CorpusError::new(
                &path,
                None,
                "is a symbolic link: corpus-atlas reads only regular files inside the corpus folder \
                 (what it reads is published); copy the text into the folder instead",
            ));
        }
        if kind.is_file() {
            files.push(path);
        } else if !kind.is_dir() {
            return Err(CorpusError::new(
                &path,
                None,
                "is not a regular file (a device, pipe or socket): put only text files in the corpus folder",
            ));
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(CorpusError::new(
            dir,
            None,
            format!(
                "the corpus folder has no texts (files ending in .{}): put the texts there, or name the folder that holds them",
                TEXT_EXTENSIONS.join(" or .")
            ),
        ));
    }
    Ok(files)
}

fn read_folder<E: From<CorpusError>>(
    dir: &Path,
    furniture: &Furniture,
    progress: &mut dyn Progress,
    sink: &mut dyn FnMut(DocInput) -> Result<(), E>,
) -> Result<(), E> {
    let files = text_files(dir)?;
    let settings_file = settings_path(dir);
    let mut settings = load_settings(&settings_file)?;
    let jobs: Vec<(&PathBuf, String, Option<DocSettings>)> = files
        .iter()
        .map(|path| {
            let id = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let given = settings.documents.remove(&id);
            (path, id, given)
        })
        .collect();
    if let Some(id) = settings.documents.keys().next() {
        return Err(E::from(CorpusError::new(
            &settings_file,
            None,
            format!(
                "document {id:?} is not in {}: check the file name",
                dir.display()
            ),
        )));
    }
    // Files are read, their language detected and their sections laid out on
    // every core, a batch at a time (the bar moves, and a bad file is named
    // as in a sequential read: the first in file order).
    let mut done = 0;
    progress.stage("reading", Some(files.len()));
    let mut jobs = jobs.into_iter();
    loop {
        let batch: Vec<_> = jobs.by_ref().take(READ_BATCH).collect();
        if batch.is_empty() {
            break;
        }
        let read: Vec<Result<DocInput, CorpusError>> = batch
            .into_par_iter()
            .map(|(path, id, given)| {
                let (mut doc, headings) = read_doc(path, &id)?;
                if let Some(s) = given {
                    apply(&mut doc, s);
                }
                lay_out(&mut doc, furniture, &headings);
                Ok(doc)
            })
            .collect();
        for doc in read {
            sink(doc?)?;
            done += 1;
        }
        progress.advance(done);
    }
    Ok(())
}

/// A file's document, and the lines its markup marked as headings.
fn read_doc(path: &Path, id: &str) -> Result<(DocInput, Vec<usize>), CorpusError> {
    let bytes = read_capped(path)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..good].iter().filter(|&&b| b == b'\n').count() + 1;
        CorpusError::new(
            path,
            Some(line),
            format!("not valid UTF-8 (byte {good}); save the file as UTF-8"),
        )
    })?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text)
        .replace("\r\n", "\n");
    let markdown = path.extension().is_some_and(|e| e == "md");
    let (text, headings) = match markdown {
        true => {
            let plain = super::markdown::plain(&text);
            (plain.text, plain.headings)
        }
        false => (text, Vec::new()),
    };
    if text.trim().is_empty() {
        return Err(CorpusError::new(path, None, "the file is empty"));
    }
    Ok((from_text(id, text), headings))
}

/// A document from its id and text, with metadata derived from the text
/// (no sections yet: see [`from_text_laid_out`]).
fn from_text(id: &str, text: String) -> DocInput {
    // The text's title line, else its file's name when that reads as words,
    // else its first sentence; a text that opens by addressing its readers
    // is named by its file as it is.
    let title = title_line(&text)
        .or_else(|| name_title(id))
        .unwrap_or_else(|| first_sentence_title(&text));
    let title = match title.is_empty() {
        true => Path::new(id).file_stem().map_or(id.to_owned(), |s| s.to_string_lossy().into_owned()),
        false => title,
    };
    DocInput {
        id: id.to_owned(),
        title,
        source: derive_source(&text),
        author: derive_author(&text),
        date: derive_date(id, &text),
        lang: detect_language(&text),
        url: String::new(),
        sections: Vec::new(),
        aside: Vec::new(),
        text,
    }
}

/// A document as a corpus folder would give it: metadata derived, sections
/// and furniture found, languages detected. For text that is not in a file
/// (generated benchmark corpora).
pub fn from_text_laid_out(id: &str, text: String, furniture: &Furniture) -> DocInput {
    let mut doc = from_text(id, text);
    lay_out(&mut doc, furniture, &[]);
    doc
}

/// Splits a document into sections and furniture, and gives each section its
/// language: detected when the section is long enough to tell, else the
/// document's.
/// The title as the text may hold it on a line of its own: not one made from
/// the file's name, which a heading inside the text may happen to repeat
/// (the lines above that heading are no page furniture).
fn text_title(doc: &DocInput) -> &str {
    match name_title(&doc.id) {
        Some(named) if named == doc.title => "",
        _ => &doc.title,
    }
}

fn lay_out(doc: &mut DocInput, furniture: &Furniture, headings: &[usize]) {
    let Layout {
        mut sections,
        aside,
    } = layout(&doc.text, text_title(doc), furniture, headings);
    // A lone section speaks the document's language (detected once, over the
    // whole text, or set in the metadata); detection is a fifth of a large build.
    let single = sections.len() == 1 && !doc.lang.is_empty();
    for s in &mut sections {
        let text = &doc.text[s.range.clone()];
        let detected = (!single && text.chars().count() >= 60).then(|| detect_language(text));
        s.lang = detected
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| doc.lang.clone());
    }
    doc.sections = sections;
    doc.aside = aside;
}
