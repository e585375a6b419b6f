//! What a corpus build depends on, as one number: the corpus folder's files
//! (names, sizes, modification times), its metadata file, the project files
//! and this program itself. `atlas serve --watch` makes the site again when
//! it changes; `atlas check` answers from its last report while it does not.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::Path;

use corpus_atlas::corpus::{project_file, settings_path, ENTITIES_ENV, ENTITIES_FILE, FURNITURE_FILE, GAZETTEER_FILE, REGIONS_FILE, REGIONS_MORE_FILE};

fn file(path: &Path, h: &mut DefaultHasher) {
    path.hash(h);
    if let Ok(meta) = std::fs::metadata(path) {
        meta.len().hash(h);
        meta.modified().ok().hash(h);
    }
}

fn walk(dir: &Path, h: &mut DefaultHasher) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        file(&e.path(), h);
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            walk(&e.path(), h);
        }
    }
}

/// Everything an index of `dir` depends on.
pub(crate) fn build_inputs(dir: &Path) -> u64 {
    let mut h = DefaultHasher::new();
    walk(dir, &mut h);
    file(&settings_path(dir), &mut h);
    for name in [ENTITIES_FILE, FURNITURE_FILE, GAZETTEER_FILE, REGIONS_FILE, REGIONS_MORE_FILE] {
        if let Ok(path) = project_file(name) {
            file(&path, &mut h);
        }
    }
    std::env::var_os(ENTITIES_ENV).hash(&mut h);
    if let Some(given) = std::env::var_os(ENTITIES_ENV) {
        file(Path::new(&given), &mut h);
    }
    if let Ok(exe) = std::env::current_exe() {
        file(&exe, &mut h);
    }
    h.finish()
}
