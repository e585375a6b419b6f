//! A static file server for a built site, on the builder's own machine
//! (`atlas serve`, and the end-to-end tests): GET and HEAD of the files
//! under a root, nothing outside it, one thread a connection.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Component, Path, PathBuf};

/// The `Content-Type` of a site's file.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "json" | "webmanifest" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

/// The file a request target names under `root`, served at `prefix`
/// (`/` or `/some/path/`): `index.html` for a folder; none outside the root.
pub fn file_for(root: &Path, prefix: &str, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let rel = path.strip_prefix(prefix)?;
    let rel = if rel.is_empty() || rel.ends_with('/') { format!("{rel}index.html") } else { rel.to_owned() };
    let rel = Path::new(&rel);
    rel.components().all(|c| matches!(c, Component::Normal(_))).then(|| root.join(rel))
}

/// A request's method and target, read from its connection (its headers
/// are read and ignored).
pub fn read_request(stream: &TcpStream) -> std::io::Result<(String, String)> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    Ok((parts.next().unwrap_or("").to_owned(), parts.next().unwrap_or("/").to_owned()))
}

/// Answers a request with the file it names under `root`, or 404.
pub fn respond(mut stream: TcpStream, root: &Path, prefix: &str, method: &str, target: &str) -> std::io::Result<()> {
    let body = match method {
        "GET" | "HEAD" => file_for(root, prefix, target).and_then(|f| std::fs::read(&f).ok().map(|b| (b, content_type(&f)))),
        _ => None,
    };
    match body {
        Some((bytes, kind)) => {
            write!(stream, "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n", bytes.len())?;
            if method == "GET" {
                stream.write_all(&bytes)?;
            }
        }
        None => {
            let msg = b"not found";
            write!(stream, "HTTP/1.1 404 Not Found\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", msg.len())?;
            stream.write_all(msg)?;
        }
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_stay_inside_the_site() {
        let root = Path::new("/site");
        assert_eq!(file_for(root, "/", "/"), Some(PathBuf::from("/site/index.html")));
        assert_eq!(file_for(root, "/a/", "/a/app.wasm?v=1#x"), Some(PathBuf::from("/site/app.wasm")));
        assert_eq!(file_for(root, "/a/", "/a/shards/"), Some(PathBuf::from("/site/shards/index.html")));
        assert_eq!(file_for(root, "/", "/../etc/passwd"), None);
        assert_eq!(file_for(root, "/", "/shards/../../x"), None);
        assert_eq!(file_for(root, "/", "//etc/passwd"), None, "an absolute path");
        assert_eq!(file_for(root, "/a/", "/b/index.html"), None, "outside the prefix");
    }
}
