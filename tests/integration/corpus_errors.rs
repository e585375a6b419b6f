//! A broken corpus stops with the file, the line where it has one, and what to fix.

use std::fs;
use std::path::PathBuf;

use corpus_atlas::corpus::{load, CorpusError};

/// A fresh corpus folder `<tmp>/<name>/corpus` with the given files.
fn corpus(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let root =
        std::env::temp_dir().join(format!("corpus-atlas-test-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&root);
    let dir = root.join("corpus");
    fs::create_dir_all(&dir).unwrap();
    for (file, bytes) in files {
        fs::write(root.join(file), bytes).unwrap();
    }
    dir
}

fn error(dir: &std::path::Path) -> CorpusError {
    load(dir).expect_err("the corpus should be refused")
}

#[test]
fn a_good_corpus_with_metadata_loads() {
    let dir = corpus(
        "good",
        &[
            ("corpus/a.txt", "Harbour news\n\nHong Kong and Macau signed a deal on data.".as_bytes()),
            ("corpus.toml", b"[documents.\"a.txt\"]\ntitle = \"Deal\"\ndate = \"2024-05\"\nlanguage = \"en\"\nsource = \"Wire\"\n"),
        ],
    );
    let docs = load(&dir).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(
        (
            docs[0].title.as_str(),
            docs[0].date.as_str(),
            docs[0].source.as_str()
        ),
        ("Deal", "2024-05", "Wire")
    );
}

#[test]
fn a_markdown_file_is_read_as_the_text_it_marks_up() {
    let md = "---\ndate: 2021-03-03\nauthor: Jane Doe\n---\n\n# Harbour *expands*\n\nThe [port](https://example.org) of **Hong Kong** grew.\n";
    let dir = corpus("markdown", &[("corpus/a.md", md.as_bytes()), ("corpus/b.txt", b"# Not markup\n\nIn a text file, a hash stays.\n")]);
    let docs = load(&dir).unwrap();
    let a = docs.iter().find(|d| d.id == "a.md").unwrap();
    assert_eq!((a.title.as_str(), a.date.as_str(), a.author.as_str()), ("Harbour expands", "2021-03-03", "Jane Doe"));
    assert!(a.text.contains("The port of Hong Kong grew."), "{}", a.text);
    let b = docs.iter().find(|d| d.id == "b.txt").unwrap();
    assert_eq!(b.title, "# Not markup");
}

#[test]
fn a_markdown_file_is_cut_at_its_headings() {
    let md = "# Field guide\n\nWhat it covers.\n\n## Install\n\nRun the installer.\n\nUsage\n-----\n\nOpen a file.\n";
    let dir = corpus("markdown-headings", &[("corpus/guide.md", md.as_bytes()), ("corpus/guide.txt", md.replace("# ", "").replace("## ", "").as_bytes())]);
    let docs = load(&dir).unwrap();
    let titles = |id: &str| -> Vec<String> {
        let d = docs.iter().find(|d| d.id == id).unwrap();
        d.sections.iter().map(|s| s.title.clone().unwrap_or_default()).collect()
    };
    assert_eq!(titles("guide.md"), ["Field guide", "Install", "Usage"]);
    // The same lines without their marks are one short text: one section.
    assert_eq!(titles("guide.txt").len(), 1, "{:?}", titles("guide.txt"));
}

#[test]
fn invalid_utf8_names_file_and_line() {
    let dir = corpus(
        "utf8",
        &[("corpus/bad.txt", b"line one\nline two\nbroken \xff here\n")],
    );
    let e = error(&dir);
    assert!(e.file.ends_with("bad.txt"));
    assert_eq!(e.line, Some(3));
    assert!(e.to_string().contains("bad.txt:3: not valid UTF-8"), "{e}");
}

#[test]
fn an_empty_file_or_folder_is_refused() {
    let e = error(&corpus("empty-file", &[("corpus/blank.txt", b"  \n\n")]));
    assert!(
        e.to_string().ends_with("blank.txt: the file is empty"),
        "{e}"
    );
    let e = error(&corpus("empty-dir", &[]));
    assert!(e.message.contains("no texts"), "{e}");
}

#[test]
fn bad_toml_points_at_its_line() {
    let ok = ("corpus/a.txt", b"Some text here.".as_slice());
    let e = error(&corpus(
        "toml",
        &[
            ok,
            (
                "corpus.toml",
                b"[documents.\"a.txt\"]\ntitle = \"x\"\ndate = 2024-13\nnot toml at all\n",
            ),
        ],
    ));
    assert!(e.file.ends_with("corpus.toml"));
    assert!(e.line.is_some(), "{e}");

    let e = error(&corpus(
        "unknown-key",
        &[
            ok,
            ("corpus.toml", b"[documents.\"a.txt\"]\ntitel = \"typo\"\n"),
        ],
    ));
    assert_eq!(e.line, Some(2), "{e}");
    assert!(e.message.contains("titel"), "{e}");

    let e = error(&corpus(
        "bad-date",
        &[
            ok,
            (
                "corpus.toml",
                b"\n[documents.\"a.txt\"]\ndate = \"2024-13-01\"\n",
            ),
        ],
    ));
    assert_eq!(e.line, Some(2));
    assert!(e.message.contains("2024-13-01"), "{e}");

    let e = error(&corpus(
        "bad-lang",
        &[
            ok,
            (
                "corpus.toml",
                b"[documents.\"a.txt\"]\nlanguage = \"klingon\"\n",
            ),
        ],
    ));
    assert!(e.message.contains("unknown language \"klingon\""), "{e}");

    let e = error(&corpus(
        "unknown-doc",
        &[
            ok,
            ("corpus.toml", b"[documents.\"b.txt\"]\ntitle = \"x\"\n"),
        ],
    ));
    assert!(e.message.contains("\"b.txt\" is not in"), "{e}");
}

#[test]
fn an_unreadable_text_is_named() {
    let dir = corpus("unreadable", &[("corpus/a.txt", b"Fine text here.")]);
    std::os::unix::fs::symlink("/nonexistent/target.txt", dir.join("b.txt")).unwrap();
    let e = error(&dir);
    assert!(
        e.file.ends_with("b.txt") && e.message.contains("symbolic link"),
        "{e}"
    );
    // A pipe named like a text would block the build forever: refused, named.
    fs::remove_file(dir.join("b.txt")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(dir.join("c.txt"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let e = error(&dir);
    assert!(
        e.file.ends_with("c.txt") && e.message.contains("not a regular file"),
        "{e}"
    );
}

#[test]
fn a_document_described_twice_is_refused_at_its_line() {
    let ok = ("corpus/a.txt", b"Some text here.".as_slice());
    let e = error(&corpus(
        "dup",
        &[
            ok,
            (
                "corpus.toml",
                b"[documents.\"a.txt\"]\ntitle = \"x\"\n\n[documents.\"a.txt\"]\ntitle = \"y\"\n",
            ),
        ],
    ));
    assert_eq!(e.line, Some(4), "{e}");
    assert!(e.message.contains("duplicate"), "{e}");
}

#[test]
fn a_failed_build_writes_nothing() {
    let out =
        std::env::temp_dir().join(format!("corpus-atlas-test-{}-out.bin", std::process::id()));
    let _ = fs::remove_file(&out);
    let bad = corpus("build-bad", &[("corpus/bad.txt", b"\xff\xfe")]);
    let run = |dir: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_atlas"))
            .args(["build", dir.to_str().unwrap(), "-o", out.to_str().unwrap()])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap()
    };
    let failed = run(&bad);
    assert!(!failed.status.success());
    assert!(String::from_utf8_lossy(&failed.stderr).contains("bad.txt:1: not valid UTF-8"));
    assert!(!out.exists(), "a failed build left a file behind");
    let good = corpus(
        "build-good",
        &[(
            "corpus/a.txt",
            "Hong Kong and 선전 signed a deal.".as_bytes(),
        )],
    );
    let built = run(&good);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let bytes = fs::read(&out).unwrap();
    let index = corpus_atlas::engine::Index::open(&bytes).unwrap();
    assert_eq!(index.doc_count(), 1);
    assert!(
        index.entity_count() >= 2,
        "Hong Kong and Shenzhen are recognised"
    );
    let _ = fs::remove_file(&out);
}

#[test]
fn a_symbolic_link_is_refused_and_never_read() {
    // A secret outside the corpus folder, linked in: it must not be published.
    let dir = corpus("symlink", &[("corpus/a.txt", b"Some ordinary text here.")]);
    let secret = dir.parent().unwrap().join("secret-credentials");
    fs::write(&secret, "https://user:token@example.invalid\n").unwrap();
    std::os::unix::fs::symlink(&secret, dir.join("env.txt")).unwrap();
    let e = error(&dir);
    assert!(e.file.ends_with("env.txt"), "{e}");
    assert!(e.message.contains("symbolic link"), "{e}");
    // A link to a folder full of texts is refused the same way.
    let other = dir.parent().unwrap().join("elsewhere");
    fs::create_dir_all(&other).unwrap();
    fs::remove_file(dir.join("env.txt")).unwrap();
    std::os::unix::fs::symlink(&other, dir.join("more.txt")).unwrap();
    assert!(error(&dir).message.contains("symbolic link"));
}

#[test]
fn an_oversized_file_is_refused_with_its_size() {
    let dir = corpus("oversized", &[("corpus/a.txt", b"Some ordinary text here.")]);
    // A sparse file: its length is over the cap, without writing it out.
    let big = fs::File::create(dir.join("huge.txt")).unwrap();
    big.set_len(corpus_atlas::corpus::MAX_FILE_BYTES + 1).unwrap();
    let e = error(&dir);
    assert!(e.file.ends_with("huge.txt"), "{e}");
    assert!(e.message.contains("larger than the 64 MiB"), "{e}");
}

#[test]
fn a_metadata_url_must_be_a_web_address() {
    for bad in ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>", "//evil.example", "https://a b"] {
        let toml = format!("[documents.\"a.txt\"]\ntitle = \"x\"\nurl = {bad:?}\n");
        let e = error(&corpus(
            "url",
            &[("corpus/a.txt", b"Some text here."), ("corpus.toml", toml.as_bytes())],
        ));
        assert!(e.message.contains("not a web address"), "{bad}: {e}");
        assert_eq!(e.line, Some(1), "{bad}: {e}");
    }
    let good = "[documents.\"a.txt\"]\nurl = \"https://example.org/a?b=c\"\n";
    let dir = corpus("url-good", &[("corpus/a.txt", b"Some text here."), ("corpus.toml", good.as_bytes())]);
    assert_eq!(load(&dir).unwrap()[0].url, "https://example.org/a?b=c");
}
