//! A static file server on 127.0.0.1 for the built app, logging each request
//! so tests can count what the page fetched.

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

fn handle(stream: TcpStream, root: &Path, prefix: &str, log: &Mutex<Vec<String>>) -> std::io::Result<()> {
    let (method, target) = corpus_atlas::site::serve::read_request(&stream)?;
    if let Ok(mut l) = log.lock() {
        l.push(target.clone());
    }
    corpus_atlas::site::serve::respond(stream, root, prefix, &method, &target)
}
