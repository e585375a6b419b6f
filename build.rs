//! Indexes the demo corpus (`assets/corpus/`) for the host: the same engine
//! source as the library, compiled for the host, writes `$OUT_DIR/index.bin`,
//! which the library embeds with `include_bytes!` as the command line's
//! default corpus and the tests' fixture. A bad corpus file stops the build
//! with its path and line.
//!
//! The browser app (wasm32) embeds nothing here: it is compiled once, and
//! `atlas site` writes a corpus into its wasm (see `src/payload.rs`), so a
//! changed text never recompiles it.

#![allow(dead_code, unused_imports)]

#[path = "src/corpus/mod.rs"]
mod corpus;
#[path = "src/engine/mod.rs"]
mod engine;
#[path = "src/sort.rs"]
mod sort;

use std::path::{Path, PathBuf};
use std::{env, fs, process};

/// The corpus the host library embeds.
const FIXTURE: &str = "assets/corpus";

fn main() {
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        return;
    }
    // The fixture is the demo corpus with its own entities, whatever
    // `atlas site` is told for another corpus.
    env::remove_var(corpus::ENTITIES_ENV);
    println!("cargo:rerun-if-changed=src/engine");
    println!("cargo:rerun-if-changed=src/corpus");
    let dir = PathBuf::from(FIXTURE);
    println!("cargo:rerun-if-changed={}", dir.display());
    println!(
        "cargo:rerun-if-changed={}",
        corpus::settings_path(&dir).display()
    );
    println!("cargo:rerun-if-changed={}", corpus::FURNITURE_FILE);
    println!("cargo:rerun-if-changed={}", corpus::ENTITIES_FILE);
    println!("cargo:rerun-if-changed={}", corpus::GAZETTEER_FILE);
    println!("cargo:rerun-if-changed={}", corpus::REGIONS_FILE);
    println!("cargo:rerun-if-changed={}", corpus::REGIONS_MORE_FILE);

    let fail = |message: String| -> ! {
        eprintln!("\nerror: corpus-atlas cannot index the corpus\n  {message}\n");
        process::exit(1);
    };
    let out =
        PathBuf::from(env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set".into())));
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
