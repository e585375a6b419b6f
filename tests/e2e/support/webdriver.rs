//! A small W3C WebDriver client for chromedriver: the handful of commands the
//! tests use, with waits that poll until a condition holds.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{json, Value};

/// The W3C key for an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";
/// How long waits poll before failing.
pub const WAIT: Duration = Duration::from_secs(15);

/// A headless Chromium session with its own chromedriver and profile.
pub struct Browser {
    driver: Child,
    base: String,
    agent: ureq::Agent,
    profile: std::path::PathBuf,
}

/// A console message Chromium logged.
#[derive(Debug, Clone)]
#[allow(dead_code)] // read through Debug in failure messages
pub struct LogEntry {
    /// SEVERE, WARNING, INFO …
    pub level: String,
    /// The message text.
    pub message: String,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

impl Browser {
    /// Starts chromedriver and a new headless Chromium session (1280×900).
    pub fn start() -> Browser {
        let port = free_port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver (make test installs it: apt-get install chromium-driver)");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let base = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + WAIT;
        while agent.get(&format!("{base}/status")).call().is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile = std::env::temp_dir().join(format!("corpus-atlas-e2e-{port}"));
        let _ = std::fs::remove_dir_all(&profile);
        let caps = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:loggingPrefs": { "browser": "ALL" },
                "goog:chromeOptions": {
                    "binary": "/usr/bin/chromium",
                    "args": [
                        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US",
                        format!("--user-data-dir={}", profile.display()),
                    ]
                }
            }}
        });
        let mut browser = Browser {
            driver,
            base,
            agent,
            profile,
        };
        let session = browser.call("POST", "/session", Some(caps));
        let id = session["sessionId"]
            .as_str()
            .expect("session id")
            .to_owned();
        browser.base = format!("{}/session/{id}", browser.base);
        browser
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{path}", self.base);
        let response = match method {
            "GET" => self.agent.get(&url).call(),
            "DELETE" => self.agent.delete(&url).call(),
            _ => self
                .agent
                .post(&url)
                .send_json(body.unwrap_or_else(|| json!({}))),
        };
        let mut response = response.unwrap_or_else(|e| panic!("WebDriver {method} {path}: {e}"));
        let status = response.status();
        let value: Value = response
            .body_mut()
            .with_config()
            .limit(64 << 20)
            .read_json()
            .unwrap_or(Value::Null);
        assert!(
            status.is_success(),
            "WebDriver {method} {path}: {status} {}",
            value["value"]
        );
        value.get("value").cloned().unwrap_or(Value::Null)
    }

    /// Opens `url` and waits for the page to load.
    pub fn goto(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    /// The current URL.
    pub fn url(&self) -> String {
        self.call("GET", "/url", None)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Browser back.
    pub fn back(&self) {
        self.call("POST", "/back", None);
    }

    /// Browser forward.
    pub fn forward(&self) {
        self.call("POST", "/forward", None);
    }

    /// Reloads the page.
    pub fn refresh(&self) {
        self.call("POST", "/refresh", None);
    }

    /// Resizes the window.
    pub fn resize(&self, width: u32, height: u32) {
        self.call(
            "POST",
            "/window/rect",
            Some(json!({ "width": width, "height": height })),
        );
    }

    /// Runs `script` (a function body; `arguments` holds `args`) and returns its value.
    pub fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// Runs `script` asynchronously: it calls its last argument with the value.
    pub fn js_async(&self, script: &str, args: Vec<Value>) -> Value {
        self.call(
            "POST",
            "/execute/async",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// Polls `script` until it returns something truthy; returns that value.
    pub fn wait_for(&self, what: &str, script: &str) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let v = self.js(script, vec![]);
            let truthy = !matches!(&v, Value::Null | Value::Bool(false))
                && v.as_str() != Some("")
                && v.as_array().is_none_or(|a| !a.is_empty());
            if truthy {
                return v;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; console: {:?}",
                self.console()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The first element matching a CSS selector.
    pub fn find(&self, css: &str) -> String {
        let v = self.call(
            "POST",
            "/element",
            Some(json!({ "using": "css selector", "value": css })),
        );
        v[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {v}"))
            .to_owned()
    }

    /// Clicks the first element matching `css`.
    pub fn click(&self, css: &str) {
        let id = self.find(css);
        self.call("POST", &format!("/element/{id}/click"), Some(json!({})));
    }

    /// Taps the middle of the first element matching `css` with a finger
    /// (a touch pointer), as a phone reader does.
    pub fn tap(&self, css: &str) {
        let at = self.js(
            "const e = document.querySelector(arguments[0]); e.scrollIntoView({block: 'center'}); \
             const r = e.getBoundingClientRect(); \
             return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)]",
            vec![json!(css)],
        );
        self.tap_at(&at[0], &at[1]);
    }

    /// Taps the viewport at (`x`, `y`) CSS pixels with a finger.
    pub fn tap_at(&self, x: &Value, y: &Value) {
        let at = [x, y];
        let finger = json!({
            "type": "pointer", "id": "finger", "parameters": { "pointerType": "touch" },
            "actions": [
                { "type": "pointerMove", "origin": "viewport", "x": at[0], "y": at[1], "duration": 0 },
                { "type": "pointerDown", "button": 0 },
                { "type": "pointerUp", "button": 0 },
            ],
        });
        self.call("POST", "/actions", Some(json!({ "actions": [finger] })));
        self.call("DELETE", "/actions", None);
    }

    /// Types `text` into the first element matching `css`, like a person would.
    pub fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css);
        self.call(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({ "text": text })),
        );
    }

    /// Clears the first element matching `css`.
    pub fn clear(&self, css: &str) {
        let id = self.find(css);
        self.call("POST", &format!("/element/{id}/clear"), Some(json!({})));
    }

    /// The accessible name and role Chromium computes for an element.
    pub fn accessibility(&self, css: &str) -> (String, String) {
        let id = self.find(css);
        let name = self.call("GET", &format!("/element/{id}/computedlabel"), None);
        let role = self.call("GET", &format!("/element/{id}/computedrole"), None);
        (
            name.as_str().unwrap_or_default().to_owned(),
            role.as_str().unwrap_or_default().to_owned(),
        )
    }

    /// Saves a PNG screenshot of the viewport.
    pub fn screenshot(&self, path: &Path) {
        let b64 = self.call("GET", "/screenshot", None);
        let png = base64::engine::general_purpose::STANDARD
            .decode(b64.as_str().unwrap_or_default())
            .expect("base64 screenshot");
        std::fs::write(path, png).expect("write screenshot");
    }

    /// Switches WebDriver commands into the first element matching `css` (a
    /// frame), or back to the top page with `None`.
    pub fn frame(&self, css: Option<&str>) {
        let id = match css {
            Some(css) => json!({ ELEMENT: self.find(css) }),
            None => Value::Null,
        };
        self.call("POST", "/frame", Some(json!({ "id": id })));
    }

    /// Whether a JavaScript dialog (alert, confirm, prompt) is open.
    pub fn dialog_open(&self) -> bool {
        let url = format!("{}/alert/text", self.base);
        self.agent
            .get(&url)
            .call()
            .map(|r| r.status().is_success())
            .unwrap_or(false)
    }

    /// Console messages logged since the last call.
    pub fn console(&self) -> Vec<LogEntry> {
        let v = self.call("POST", "/se/log", Some(json!({ "type": "browser" })));
        v.as_array()
            .map(|a| {
                a.iter()
                    .map(|e| LogEntry {
                        level: e["level"].as_str().unwrap_or_default().to_owned(),
                        message: e["message"].as_str().unwrap_or_default().to_owned(),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Fails if the console holds any warning or error.
    pub fn assert_clean_console(&self) {
        let bad: Vec<LogEntry> = self
            .console()
            .into_iter()
            .filter(|e| e.level != "INFO" && e.level != "DEBUG")
            .collect();
        assert!(bad.is_empty(), "console is not clean: {bad:#?}");
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.agent.delete(&self.base).call();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
