//! What a user of `atlas` notices: every command's help, exit statuses that
//! mean something, one way to name a corpus, and pipes closed early.

use std::io::Read;
use std::process::{Command, Stdio};

use serde_json::Value;

/// Exit status, stdout and stderr of `atlas args`.
fn atlas(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run atlas");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// An empty folder of its own for a test.
fn empty_folder(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

#[test]
fn every_command_has_help_with_its_purpose() {
    let commands: &[(&[&str], &str)] = &[
        (&["search"], "ranked sections"),
        (&["docs"], "documents and their metadata"),
        (&["sections"], "furniture set aside"),
        (&["places"], "places each section names"),
        (&["dates"], "publication date"),
        (&["concordance"], "keyword in context"),
        (&["trends"], "per year (or month)"),
        (&["collocates"], "log-likelihood"),
        (&["terms"], "most frequent words"),
        (&["summary"], "vocabulary"),
        (&["check"], "Validate a corpus folder"),
        (&["build"], "Write the index of a corpus folder"),
        (&["generate"], "synthetic benchmark corpus"),
        (&["eval"], "gold sets"),
        (&["gazetteer"], "gazetteer"),
        (&["gazetteer", "import"], "cities5000.json"),
        (&["gazetteer", "regions"], "iso-codes"),
        (&["basemap"], "map's background"),
        (&["basemap", "import"], "TopoJSON"),
        (&["site"], "compiled app"),
        (&["serve"], "--watch"),
    ];
    let (code, overview, stderr) = atlas(&["--help"]);
    assert_eq!(code, Some(0), "{stderr}");
    for (args, purpose) in commands {
        let mut with_help = args.to_vec();
        with_help.push("--help");
        let (code, stdout, stderr) = atlas(&with_help);
        assert_eq!(code, Some(0), "{with_help:?}: {stderr}");
        assert!(stdout.contains(purpose), "{with_help:?} does not say {purpose:?}:\n{stdout}");
        if let [command] = args {
            assert!(overview.contains(&format!("  {command} ")), "atlas --help does not list {command}");
        }
    }
    for status in ["0  success", "1  nothing found", "2  usage error", "3  unreadable input"] {
        assert!(overview.contains(status), "atlas --help does not document exit status {status:?}");
    }
    // Every command that reads a corpus says where it reads by default.
    for command in ["search", "docs", "sections", "places", "dates", "concordance", "trends", "collocates", "terms", "summary"] {
        let (_, stdout, _) = atlas(&[command, "--help"]);
        assert!(
            stdout.contains("--corpus <DIR>") && stdout.contains("the index embedded"),
            "{command} --help:\n{stdout}"
        );
    }
}

#[test]
fn search_without_a_query_is_a_usage_error_with_a_hint() {
    let (code, stdout, stderr) = atlas(&["search"]);
    assert_eq!(code, Some(2), "{stdout}{stderr}");
    assert!(stderr.contains("needs a query") && stderr.contains("atlas search \"two words\""), "{stderr}");
    assert!(!stdout.contains("matching sections"), "{stdout}");
}

#[test]
fn every_query_command_without_a_query_is_a_usage_error_with_a_hint() {
    for command in ["concordance", "trends", "collocates"] {
        let (code, _, stderr) = atlas(&[command]);
        assert_eq!(code, Some(2), "{command}: {stderr}");
        assert!(stderr.contains(&format!("atlas {command} \"two words\"")), "{command}: {stderr}");
    }
    let (code, _, stderr) = atlas(&["concordance", "port", "--sort", "width"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("left, match, right, doc, date"), "{stderr}");
}

#[test]
fn index_and_corpus_together_are_a_usage_error() {
    let with_query = ["search", "concordance", "trends", "collocates"];
    for command in ["search", "docs", "sections", "places", "dates", "concordance", "trends", "collocates", "terms", "summary"] {
        let (code, _, stderr) = atlas(&[command, "x", "--index", "a.bin", "--corpus", "assets/corpus"]
            .into_iter()
            .filter(|a| with_query.contains(&command) || *a != "x")
            .collect::<Vec<_>>());
        assert_eq!(code, Some(2), "{command}: {stderr}");
        assert!(stderr.contains("--index") && stderr.contains("--corpus"), "{command}: {stderr}");
    }
}

#[test]
fn a_folder_without_texts_is_an_error_naming_it() {
    let dir = empty_folder("empty");
    let shown = dir.to_str().unwrap();
    for command in ["places", "dates", "docs", "search"] {
        let mut args = vec![command, "--corpus", shown];
        if command == "search" {
            args.push("Paris");
        }
        let (code, stdout, stderr) = atlas(&args);
        assert_eq!(code, Some(3), "{command}: {stdout}{stderr}");
        assert!(stdout.is_empty(), "{command} printed {stdout:?}");
        assert!(stderr.contains(shown) && stderr.contains("no texts"), "{command}: {stderr}");
    }
    let (code, _, stderr) = atlas(&["check", shown]);
    assert_eq!(code, Some(1), "check finds the problem: {stderr}");
    let (code, _, stderr) = atlas(&["places", "--corpus", "/nonexistent/corpus"]);
    assert!(code == Some(3) && stderr.contains("/nonexistent/corpus"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_corpus_folder_answers_as_the_index_built_from_it() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/corpus");
    for args in [
        vec!["search", "Hong Kong", "--json"],
        vec!["places", "--json"],
        vec!["dates", "--json"],
        vec!["docs", "--json"],
    ] {
        let (code, embedded, stderr) = atlas(&args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        let from_folder: Vec<&str> = args.iter().copied().chain(["--corpus", corpus]).collect();
        let (code, folder, stderr) = atlas(&from_folder);
        assert_eq!(code, Some(0), "{from_folder:?}: {stderr}");
        let embedded: Value = serde_json::from_str(&embedded).expect("JSON");
        let folder: Value = serde_json::from_str(&folder).expect("JSON");
        assert!(embedded.as_array().is_some_and(|rows| !rows.is_empty()), "{args:?}: {embedded}");
        assert_eq!(embedded, folder, "{args:?} differs between the embedded index and the folder");
    }
}

#[test]
fn a_search_that_finds_nothing_exits_1() {
    let (code, stdout, stderr) = atlas(&["search", "zzqqxxnothing"]);
    assert_eq!(code, Some(1), "{stdout}{stderr}");
    assert!(stderr.contains("no section matches"), "{stderr}");
    let (code, stdout, _) = atlas(&["search", "zzqqxxnothing", "--json"]);
    assert_eq!(code, Some(1));
    assert_eq!(serde_json::from_str::<Value>(&stdout).expect("JSON"), serde_json::json!([]));
    let (code, _, _) = atlas(&["search", "economy"]);
    assert_eq!(code, Some(0));
    // A name the corpus never writes is not searched as an ordinary word near it.
    let (code, stdout, stderr) = atlas(&["search", "Paris"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stdout.contains("No text names “Paris”"), "{stdout}");
}

#[test]
fn a_pipe_closed_early_is_no_panic() {
    // `atlas docs --json | head -c 10`.
    let mut child = Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(["docs", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run atlas");
    let mut first = [0u8; 10];
    child.stdout.take().expect("stdout").read_exact(&mut first).expect("10 bytes");
    let out = child.wait_with_output().expect("atlas ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{stderr}");
    // A pipe already closed when atlas writes, so every command meets it.
    for args in [vec!["docs", "--json"], vec!["sections"], vec!["places"], vec!["search", "Hong Kong"]] {
        let mut fds = [0; 2];
        // SAFETY: pipe writes two new descriptors into `fds`; the read end is
        // closed at once and the write end is handed to the child alone.
        let stdout = unsafe {
            assert_eq!(libc::pipe(fds.as_mut_ptr()), 0);
            libc::close(fds[0]);
            <Stdio as std::os::fd::FromRawFd>::from_raw_fd(fds[1])
        };
        let out = Command::new(env!("CARGO_BIN_EXE_atlas"))
            .args(&args)
            .stdout(stdout)
            .stderr(Stdio::piped())
            .output()
            .expect("run atlas");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(out.status.success(), "{args:?}: a closed pipe is a quiet success: {stderr}");
    }
}

#[test]
fn making_a_site_says_what_is_missing_and_never_clears_a_folder_it_did_not_make() {
    let texts = empty_folder("site-texts");
    std::fs::write(texts.join("a.txt"), "A title\n\nSome words about Lisbon.\n").unwrap();
    let out = empty_folder("site-out");
    let out_s = out.to_string_lossy().into_owned();
    let texts_s = texts.to_string_lossy().into_owned();

    let (code, _, stderr) = atlas(&["site", &out_s]);
    assert_eq!(code, Some(3), "{stderr}");
    assert!(stderr.contains("--corpus DIR") && stderr.contains("--index FILE"), "{stderr}");

    let (code, _, stderr) = atlas(&["site", &out_s, "--corpus", &texts_s, "--app", "/nonexistent/app"]);
    assert_eq!(code, Some(3), "{stderr}");
    assert!(stderr.contains("make app"), "says how to get the app: {stderr}");

    // A folder of someone's files is not emptied to make a site in it.
    let app = empty_folder("site-app");
    std::fs::write(app.join("index.html"), "<script type=\"module\">import init from './app.js';</script>").unwrap();
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    let (code, _, stderr) = atlas(&["site", &out_s, "--corpus", &texts_s, "--app", &app.to_string_lossy()]);
    assert_eq!(code, Some(3), "{stderr}");
    assert!(stderr.contains("not a site"), "{stderr}");
    assert_eq!(std::fs::read_to_string(out.join("notes.txt")).unwrap(), "mine");
    // Nor a folder with a page of its own (www/, a blog's output).
    std::fs::write(out.join("index.html"), "<h1>my page</h1>").unwrap();
    let (code, _, stderr) = atlas(&["site", &out_s, "--corpus", &texts_s, "--app", &app.to_string_lossy()]);
    assert_eq!(code, Some(3), "{stderr}");
    assert!(out.join("notes.txt").is_file() && out.join("index.html").is_file());

    // --split needs a corpus to split; --watch a corpus to watch.
    let (code, _, _) = atlas(&["site", &out_s, "--split"]);
    assert_eq!(code, Some(2));
    // Split and whole at once is a mistake, said before anything is read.
    let (code, _, stderr) = atlas(&["site", &out_s, "--corpus", &texts_s, "--split", "--whole"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("--whole"), "{stderr}");
    let (code, _, _) = atlas(&["serve", &out_s, "--watch"]);
    assert_eq!(code, Some(2));
}

#[test]
fn check_does_not_index_an_unchanged_corpus_again() {
    let texts = empty_folder("check-cache-texts");
    let cache = empty_folder("check-cache-home");
    std::fs::write(texts.join("a.txt"), "A title\n\nSome words about Lisbon in 2020.\n").unwrap();
    let check = || {
        let out = Command::new(env!("CARGO_BIN_EXE_atlas"))
            .args(["check", &texts.to_string_lossy()])
            .env("XDG_CACHE_HOME", &cache)
            .output()
            .expect("run atlas check");
        assert!(out.status.success());
        (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (first, note) = check();
    assert!(first.contains("1 documents") || first.contains("1 document"), "{first}");
    assert!(!note.contains("unchanged"), "{note}");
    let (again, note) = check();
    assert_eq!(again, first);
    assert!(note.contains("unchanged since the last check"), "{note}");
    // A new text is indexed, and counted.
    std::fs::write(texts.join("b.txt"), "Another title\n\nMore words about Porto.\n").unwrap();
    let (changed, note) = check();
    assert!(!note.contains("unchanged"), "{note}");
    assert!(changed.contains("2 documents"), "{changed}");
}

/// A split build writes its shards beside the old ones and swaps them in
/// only once the head is written: a build that fails leaves the last index
/// and its shards as they were, and nothing beside them.
#[test]
fn a_failed_split_build_leaves_the_last_index_and_its_shards() {
    let old = empty_folder("split-old-texts");
    let new = empty_folder("split-new-texts");
    let out = empty_folder("split-out");
    std::fs::write(old.join("a.txt"), "The harbour\n\nCranes at the harbour of Busan in 2021.\n").unwrap();
    std::fs::write(new.join("b.txt"), "The river\n\nA ferry on the river at Lyon in 1998.\n").unwrap();
    let head = out.join("head.bin");
    let build = |texts: &std::path::Path| atlas(&["build", &texts.to_string_lossy(), "-o", &head.to_string_lossy(), "--split"]);
    let shards = || {
        let mut names: Vec<_> = std::fs::read_dir(out.join("shards")).unwrap().map(|e| e.unwrap().file_name()).collect();
        names.sort();
        names
    };
    let (code, _, stderr) = build(&old);
    assert_eq!(code, Some(0), "{stderr}");
    let (old_head, old_shards) = (std::fs::read(&head).unwrap(), shards());
    // The shards' waiting folder cannot be made (a file has its name): the
    // build fails as a file it could not write (exit 3).
    std::fs::write(out.join("shards.new"), "in the way").unwrap();
    let (code, _, stderr) = build(&new);
    assert_eq!(code, Some(3), "{stderr}");
    assert_eq!(std::fs::read(&head).unwrap(), old_head, "the head is the last one");
    assert_eq!(shards(), old_shards, "its shards are the last ones");
    std::fs::remove_file(out.join("shards.new")).unwrap();
    let (code, _, stderr) = build(&new);
    assert_eq!(code, Some(0), "{stderr}");
    assert_ne!(shards(), old_shards);
    assert!(!out.join("shards.new").exists() && !out.join("head.tmp").exists(), "nothing left beside them");
}
