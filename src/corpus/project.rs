//! The files shipped with the project, found from the project's folder.

use std::path::{Path, PathBuf};

use super::error::CorpusError;

/// A file shipped with the project (`FURNITURE_FILE` …), found from the
/// project's folder wherever the build or the CLI runs; an error naming
/// the file when it is missing (a build without it would silently index
/// every page heading and know no places).
pub fn project_file(relative: &str) -> Result<PathBuf, CorpusError> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    if path.is_file() {
        Ok(path)
    } else {
        Err(CorpusError::new(
            &path,
            None,
            "this file of the project is missing: restore it with `git checkout -- ".to_owned()
                + relative
                + "` (the gazetteer and regions files are remade by `atlas gazetteer import` and `atlas gazetteer regions`)",
        ))
    }
}

/// The furniture patterns and entity names shipped with the project.
pub const FURNITURE_FILE: &str = "assets/furniture.txt";
/// Places and organisations with their names in every language.
pub const ENTITIES_FILE: &str = "assets/entities.toml";

/// The city gazetteer made by `atlas gazetteer import`.
pub const GAZETTEER_FILE: &str = "assets/gazetteer.tsv";
/// The environment variable naming another curated entities file.
pub const ENTITIES_ENV: &str = "ATLAS_ENTITIES";
/// Countries and states, made by `atlas gazetteer regions`.
pub const REGIONS_FILE: &str = "assets/regions.tsv";
/// Former countries, parts of countries and larger regions, hand-made from
/// general knowledge, in the columns of [`REGIONS_FILE`].
pub const REGIONS_MORE_FILE: &str = "assets/regions-more.tsv";
