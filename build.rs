//! Indexes the corpus at build time: the same engine source as the library,
//! compiled for the host, writes `$OUT_DIR/index.bin`, which the library
//! embeds with `include_bytes!`. A bad corpus file stops the build with its
//! path and line. With `INDEX_FILE` set, that prebuilt index is embedded
//! instead (the head of a split index: `atlas build DIR -o FILE --split`).
//!
//! It also writes `$OUT_DIR/basemap.txt`: the general views of
//! `assets/basemap.txt`, and when `ATLAS_WORLD_ATLAS` names npm world-atlas's
//! folder (the Makefile installs it), a close-up around the corpus's most
//! named cities cut from its finest countries (see `basemap::close_up`).

#![allow(dead_code, unused_imports)]

#[path = "src/basemap.rs"]
mod basemap;
#[path = "src/corpus/mod.rs"]
mod corpus;
#[path = "src/engine/mod.rs"]
mod engine;
#[path = "src/geo.rs"]
mod geo;

use std::path::{Path, PathBuf};
use std::{env, fs, process};

fn main() {
    println!("cargo:rerun-if-env-changed=CORPUS_DIR");
    println!("cargo:rerun-if-env-changed=INDEX_FILE");
    println!("cargo:rerun-if-env-changed=ATLAS_WORLD_ATLAS");
    println!("cargo:rerun-if-changed=assets/basemap.txt");
    println!("cargo:rerun-if-env-changed={}", corpus::ENTITIES_ENV);
    if let Some(file) = env::var_os(corpus::ENTITIES_ENV) {
        println!("cargo:rerun-if-changed={}", PathBuf::from(file).display());
    }
    println!("cargo:rerun-if-changed=src/engine");
    println!("cargo:rerun-if-changed=src/corpus");
    let dir = PathBuf::from(env::var("CORPUS_DIR").unwrap_or_else(|_| "assets/corpus".into()));
    println!("cargo:rerun-if-changed={}", dir.display());
    println!(
        "cargo:rerun-if-changed={}",
        corpus::settings_path(&dir).display()
    );
    println!("cargo:rerun-if-changed={}", corpus::FURNITURE_FILE);
    println!("cargo:rerun-if-changed={}", corpus::ENTITIES_FILE);
    println!("cargo:rerun-if-changed={}", corpus::GAZETTEER_FILE);
    println!("cargo:rerun-if-changed={}", corpus::REGIONS_FILE);

    let fail = |message: String| -> ! {
        eprintln!("\nerror: corpus-atlas cannot index the corpus\n  {message}\n");
        process::exit(1);
    };
    let out =
        PathBuf::from(env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set".into())));
    if let Some(file) = env::var_os("INDEX_FILE").filter(|f| !f.is_empty()) {
        let file = PathBuf::from(file);
        println!("cargo:rerun-if-changed={}", file.display());
        let bytes =
            fs::read(&file).unwrap_or_else(|e| fail(format!("INDEX_FILE {}: {e}", file.display())));
        if let Err(e) = engine::Index::open(&bytes) {
            fail(format!("INDEX_FILE {}: {e}", file.display()));
        }
        write_basemap(&out, &bytes);
        write_fold_table(&out, &bytes);
        return write_index(&out, &bytes);
    }
    let bytes = corpus::pipeline::build_index(&dir).unwrap_or_else(|e| fail(e.to_string()));
    write_basemap(&out, &bytes);
    write_fold_table(&out, &bytes);
    write_index(&out, &bytes);
}

/// Writes `$OUT_DIR/fold.bin`, the app's fold table (see
/// `engine::analysis::fold`): for the characters of the corpus's texts and
/// metadata and of its places' names, or, for a split head, whose texts are
/// in its shards, for every character.
fn write_fold_table(out: &Path, index_bytes: &[u8]) {
    use engine::analysis::fold::table_for;
    let table = match engine::Index::open(index_bytes) {
        Ok(index) if !index.is_split() => {
            let mut chars = std::collections::BTreeSet::new();
            for doc in index.docs() {
                for text in [doc.text, doc.title, doc.source, doc.author] {
                    chars.extend(text.chars().filter(|c| !c.is_ascii()));
                }
            }
            for e in 0..index.entity_count() {
                chars.extend(index.entity(e).name.chars());
            }
            table_for(chars)
        }
        _ => table_for((0x80..=0x10FFFF).filter_map(char::from_u32)),
    };
    if let Err(e) = fs::write(out.join("fold.bin"), table) {
        eprintln!("\nerror: corpus-atlas cannot write the fold table\n  {}: {e}\n", out.display());
        process::exit(1);
    }
}

/// The map's basemap for this corpus: a close-up around its most named
/// cities (when world-atlas is at hand and they lie within a region), then
/// the general views. Without world-atlas, or for a split head (which has no
/// postings to count mentions with), the general views alone.
fn write_basemap(out: &Path, index_bytes: &[u8]) {
    let general = include_str!("assets/basemap.txt");
    let close = env::var_os("ATLAS_WORLD_ATLAS")
        .map(PathBuf::from)
        .and_then(|dir| close_up(&dir, index_bytes).transpose())
        .transpose()
        .unwrap_or_else(|e| {
            eprintln!("\nerror: corpus-atlas cannot cut the map's close-up\n  {e}\n");
            process::exit(1);
        });
    let text = match close {
        Some(view) => general.replacen('\n', &format!("\n{view}"), 1),
        None => general.to_owned(),
    };
    if let Err(e) = fs::write(out.join("basemap.txt"), text) {
        eprintln!("\nerror: corpus-atlas cannot write the basemap\n  {}: {e}\n", out.display());
        process::exit(1);
    }
}

/// The close-up view's records, if the corpus's cities call for one.
fn close_up(world_atlas: &Path, index_bytes: &[u8]) -> Result<Option<String>, String> {
    let index = engine::Index::open(index_bytes).map_err(|e| e.to_string())?;
    let counts = engine::overview::places::place_counts(&index, None);
    let cities: Vec<((f32, f32), u32, &str)> = counts
        .iter()
        .map(|c| (index.entity(c.entity), c.mentions))
        .filter(|(e, _)| e.kind == "city")
        .filter_map(|(e, n)| Some((e.at?, n, e.name)))
        .collect();
    let Some(spec) = basemap::close_up(&cities) else {
        return Ok(None);
    };
    let file = world_atlas.join(&spec.file);
    println!("cargo:rerun-if-changed={}", file.display());
    let topo = fs::read_to_string(&file).map_err(|e| format!("{}: {e} (run `make tools`)", file.display()))?;
    basemap::cut(&spec, &topo).map(Some)
}

/// Writes beside the target and renames, so a failed build never leaves half an index.
fn write_index(out: &Path, bytes: &[u8]) {
    let tmp = out.join("index.bin.tmp");
    let written = fs::write(&tmp, bytes).and_then(|()| fs::rename(&tmp, out.join("index.bin")));
    if let Err(e) = written {
        eprintln!(
            "\nerror: corpus-atlas cannot write the index\n  {}: {e}\n",
            out.display()
        );
        process::exit(1);
    }
}
