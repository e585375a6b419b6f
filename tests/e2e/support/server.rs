//! A static file server on 127.0.0.1 for the built app, logging each request
//! so tests can count what the page fetched.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

/// A running server; it stops serving when the test process ends.
pub struct Server {
    /// `http://127.0.0.1:PORT/prefix/` (always ends with `/`).
    pub url: String,
    requests: Arc<Mutex<Vec<String>>>,
    offline: Arc<AtomicBool>,
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "json" | "webmanifest" => "application/json",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

impl Server {
    /// Serves `root` under `prefix` (`/` or `/some/sub/path/`).
    pub fn start(root: PathBuf, prefix: &str) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("local addr").port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&requests);
        let offline = Arc::new(AtomicBool::new(false));
        let down = Arc::clone(&offline);
        let url = format!("http://127.0.0.1:{port}{prefix}");
        let prefix = prefix.to_owned();
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if down.load(Ordering::SeqCst) {
                    // Like a dropped network: the connection closes unanswered.
                    drop(stream);
                    continue;
                }
                let (root, prefix, log) = (root.clone(), prefix.clone(), Arc::clone(&log));
                thread::spawn(move || {
                    let _ = handle(stream, &root, &prefix, &log);
                });
            }
        });
        Server {
            url,
            requests,
            offline,
        }
    }

    /// From now on, every connection is closed unanswered.
    pub fn go_offline(&self) {
        self.offline.store(true, Ordering::SeqCst);
    }

    /// Paths requested so far, in order.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

fn handle(
    mut stream: TcpStream,
    root: &Path,
    prefix: &str,
    log: &Mutex<Vec<String>>,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let target = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_owned();
    if let Ok(mut l) = log.lock() {
        l.push(target.clone());
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let file = path.strip_prefix(prefix).map(|rel| {
        let rel = if rel.is_empty() || rel.ends_with('/') {
            format!("{rel}index.html")
        } else {
            rel.to_owned()
        };
        root.join(rel)
    });
    let body = file
        .as_ref()
        .filter(|f| {
            !f.components()
                .any(|c| matches!(c, std::path::Component::ParentDir))
        })
        .and_then(|f| std::fs::read(f).ok().map(|b| (b, content_type(f))));
    match body {
        Some((bytes, kind)) => {
            write!(stream, "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n", bytes.len())?;
            stream.write_all(&bytes)?;
        }
        None => {
            let msg = b"not found";
            write!(
                stream,
                "HTTP/1.1 404 Not Found\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                msg.len()
            )?;
            stream.write_all(msg)?;
        }
    }
    stream.flush()
}
