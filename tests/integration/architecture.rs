//! The shape of the source tree, as a newcomer reads it: no file imports a
//! file that (through others) imports it back, no file under `src/` is
//! longer than 600 lines and no function longer than 120. Read from the
//! `use` statements and the paths written in the code, as a reader would.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 600;
const MAX_FN_LINES: usize = 120;

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file of the library (`src/engine/index/open.rs` →
/// `["engine", "index", "open"]`); `None` for the binaries.
fn module_of(src: &Path, file: &Path) -> Option<Vec<String>> {
    let rel = file.strip_prefix(src).ok()?;
    if rel.starts_with("bin") {
        return None;
    }
    let mut parts: Vec<String> = rel
        .with_extension("")
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    Some(parts)
}

/// The code of a file without comments, string contents and its test module.
fn code(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("mod tests") {
            break;
        }
        let line = line.split("//").next().unwrap_or("");
        // Drop string literals (paths in messages are not imports).
        let mut kept = String::new();
        let mut in_str = false;
        for c in line.chars() {
            if c == '"' {
                in_str = !in_str;
            } else if !in_str {
                kept.push(c);
            }
        }
        out.push(kept);
    }
    out
}

/// Expands `a::{b, c::{d, e}}` into `a::b`, `a::c::d`, `a::c::e`.
fn expand(path: &str) -> Vec<String> {
    let path = path.trim();
    let Some(open) = path.find('{') else {
        return vec![path.to_owned()];
    };
    let head = &path[..open];
    let inner = &path[open + 1..path.rfind('}').unwrap_or(path.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(|p| expand(p).into_iter().map(move |e| format!("{head}{e}")))
        .collect()
}

/// Every path a file names: its `use` items, expanded, and `crate::…` or
/// `super::…` paths written inline.
fn paths(lines: &[String]) -> Vec<String> {
    let joined = lines.join("\n");
    let mut out = Vec::new();
    let mut rest = joined.as_str();
    while let Some(at) = rest.find("use ") {
        let boundary = at == 0 || !rest.as_bytes()[at - 1].is_ascii_alphanumeric() && rest.as_bytes()[at - 1] != b'_';
        let after = &rest[at + 4..];
        let end = after.find(';').unwrap_or(after.len());
        if boundary {
            let item: String = after[..end].split_whitespace().collect();
            out.extend(expand(&item));
        }
        rest = &after[end.min(after.len())..];
    }
    for line in lines {
        for (i, _) in line.match_indices("::") {
            let start = line[..i]
                .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(0, |s| s + 1);
            let word = &line[start..];
            if (word.starts_with("crate::") || word.starts_with("super::") || word.starts_with("corpus_atlas::"))
                && start < i
            {
                let end = word
                    .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                    .unwrap_or(word.len());
                out.push(word[..end].trim_end_matches(':').to_owned());
            }
        }
    }
    out
}

/// The file a path lands in: the deepest module of the path that is a file.
fn resolve(path: &str, here: &[String], is_mod_file: bool, files: &BTreeMap<Vec<String>, PathBuf>) -> Option<Vec<String>> {
    let mut segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut base: Vec<String> = match segs.first().copied() {
        Some("crate") | Some("corpus_atlas") => {
            segs.remove(0);
            Vec::new()
        }
        Some("super") | Some("self") => {
            // In `a/b.rs` (module a::b) `super` is a; in `a/mod.rs` (module a) too it is a's parent.
            let mut m = here.to_vec();
            while let Some(&s) = segs.first() {
                match s {
                    "super" => {
                        m.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                segs.remove(0);
            }
            let _ = is_mod_file;
            m
        }
        _ => return None, // std, external crates, local names
    };
    let mut best = None;
    if files.contains_key(&base) {
        best = Some(base.clone());
    }
    for s in segs {
        base.push(s.to_owned());
        if files.contains_key(&base) {
            best = Some(base.clone());
        } else {
            break;
        }
    }
    best
}

fn cycle(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Option<Vec<Vec<String>>> {
    // Depth-first search with colours; returns one cycle.
    fn visit(
        node: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        state: &mut BTreeMap<Vec<String>, u8>,
        stack: &mut Vec<Vec<String>>,
    ) -> Option<Vec<Vec<String>>> {
        state.insert(node.clone(), 1);
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            match state.get(next).copied().unwrap_or(0) {
                1 => {
                    let from = stack.iter().position(|n| n == next).unwrap_or(0);
                    let mut c = stack[from..].to_vec();
                    c.push(next.clone());
                    return Some(c);
                }
                0 => {
                    if let Some(c) = visit(next, graph, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(node.clone(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if state.get(node).copied().unwrap_or(0) == 0 {
            if let Some(c) = visit(node, graph, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

fn library() -> (PathBuf, Vec<PathBuf>) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    files.sort();
    (src, files)
}

#[test]
fn no_file_imports_a_file_that_imports_it_back() {
    let (src, all) = library();
    let mut files = BTreeMap::new();
    for f in &all {
        if let Some(m) = module_of(&src, f) {
            files.insert(m, f.clone());
        }
    }
    let mut graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (module, file) in &files {
        let text = fs::read_to_string(file).expect("readable");
        let is_mod = file.ends_with("mod.rs") || file.ends_with("lib.rs");
        for p in paths(&code(&text)) {
            if let Some(target) = resolve(&p, module, is_mod, &files) {
                if &target != module {
                    graph.entry(module.clone()).or_default().insert(target);
                }
            }
        }
    }
    // The resolver finds real edges (a broken parser would find none).
    let edges: usize = graph.values().map(BTreeSet::len).sum();
    assert!(edges > 100, "only {edges} imports found: the reader of use statements is broken");
    let engine_search = vec!["engine".to_owned(), "search".to_owned(), "plan".to_owned()];
    assert!(
        graph.get(&engine_search).is_some_and(|t| t.contains(&vec!["engine".to_owned(), "index".to_owned()])),
        "engine/search/plan.rs imports the index: the reader must see it"
    );
    if let Some(c) = cycle(&graph) {
        let shown: Vec<String> = c.iter().map(|m| files[m].strip_prefix(&src).unwrap_or(&files[m]).display().to_string()).collect();
        panic!("import circle: {}", shown.join(" → "));
    }
}

#[test]
fn files_and_functions_stay_short_enough_to_read() {
    let (src, all) = library();
    let mut long = Vec::new();
    for f in &all {
        let text = fs::read_to_string(f).expect("readable");
        let lines: Vec<&str> = text.lines().collect();
        let name = f.strip_prefix(&src).unwrap_or(f).display().to_string();
        if lines.len() > MAX_FILE_LINES {
            long.push(format!("{name}: {} lines (at most {MAX_FILE_LINES})", lines.len()));
        }
        for (i, line) in lines.iter().enumerate() {
            let t = line.trim_start();
            let indent = line.len() - t.len();
            let t = t
                .trim_start_matches("pub ")
                .trim_start_matches("pub(super) ")
                .trim_start_matches("pub(crate) ")
                .trim_start_matches("const ")
                .trim_start_matches("async ");
            if !t.starts_with("fn ") || line.trim_end().ends_with(';') {
                continue;
            }
            let close = format!("{}}}", " ".repeat(indent));
            let end = lines[i..]
                .iter()
                .position(|l| l.trim_end() == close || l.starts_with(&close) && l[indent..].starts_with('}'))
                .map_or(lines.len() - i, |p| p + 1);
            if end > MAX_FN_LINES {
                long.push(format!("{name}:{}: `{}` is {end} lines (at most {MAX_FN_LINES})", i + 1, t.split('(').next().unwrap_or(t)));
            }
        }
    }
    assert!(long.is_empty(), "too long to read:\n{}", long.join("\n"));
}

#[test]
fn the_import_reader_sees_braces_and_parents() {
    assert_eq!(
        expand("super::{a, b::{C, d}}"),
        ["super::a", "super::b::C", "super::b::d"]
    );
    let files: BTreeMap<Vec<String>, PathBuf> = [vec!["x".to_owned()], vec!["x".to_owned(), "y".to_owned()]]
        .into_iter()
        .map(|m| (m, PathBuf::new()))
        .collect();
    let here = vec!["x".to_owned(), "z".to_owned()];
    assert_eq!(resolve("super::y::Thing", &here, false, &files), Some(vec!["x".to_owned(), "y".to_owned()]));
    assert_eq!(resolve("crate::x::Other", &here, false, &files), Some(vec!["x".to_owned()]));
    assert_eq!(resolve("std::fmt", &here, false, &files), None);
}
