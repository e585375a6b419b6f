//! Loading a corpus folder on the host (build.rs, the CLI, tests): reading the
//! texts, the optional `<folder>.toml` metadata file beside the folder, and
//! deriving what the metadata does not say. Never compiled into the wasm.
//!
//! Every problem stops the build with the file, and the line where there is
//! one, so a builder can fix it.

mod data;
mod entities;
mod error;
mod files;
pub mod gazetteer;
mod layout;
mod load;
mod markdown;
mod meta;
pub mod pipeline;
mod progress;
mod project;
mod published;
pub mod regions;
mod settings;

pub use entities::{load_entities, project_entities};
pub use error::CorpusError;
pub use files::MAX_FILE_BYTES;
pub use layout::{layout, Furniture, Layout};
pub use load::{from_text_laid_out, load, load_reporting, load_with, read_each, text_files, TEXT_EXTENSIONS};
pub use progress::Progress;
pub use meta::{derive_author, derive_source, derive_title, detect_language};
pub use published::derive_date;
pub use project::{project_file, ENTITIES_ENV, ENTITIES_FILE, FURNITURE_FILE, GAZETTEER_FILE, REGIONS_FILE, REGIONS_MORE_FILE};
pub use settings::{settings_path, DocSettings, LANGUAGES};
