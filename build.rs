//! Indexes the corpus at build time: the same engine source as the library,
//! compiled for the host, writes `$OUT_DIR/index.bin`, which the library
//! embeds with `include_bytes!`. A bad corpus file stops the build with its
//! path and line. With `INDEX_FILE` set, that prebuilt index is embedded
//! instead (the head of a split index: `atlas build DIR -o FILE --split`).

#![allow(dead_code, unused_imports)]

#[path = "src/corpus/mod.rs"]
mod corpus;
#[path = "src/engine/mod.rs"]
mod engine;

use std::path::{Path, PathBuf};
use std::{env, fs, process};

fn main() {
    println!("cargo:rerun-if-env-changed=CORPUS_DIR");
    println!("cargo:rerun-if-env-changed=INDEX_FILE");
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
        return write_index(&out, &bytes);
    }
    let bytes = corpus::pipeline::build_index(&dir).unwrap_or_else(|e| fail(e.to_string()));

    write_index(&out, &bytes);
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
