//! How a command ends, and the exit status each ending gives (documented in
//! `atlas --help`; 2, a usage error, is clap's own).

use std::io;

/// Why a command did not simply succeed.
#[derive(Debug)]
pub(crate) enum Failure {
    /// Nothing found (a search with no match): exit 1, with what to say on stderr.
    Nothing(String),
    /// Problems found in what was checked: exit 1.
    Problems(String),
    /// Input that cannot be read (a missing folder, a bad corpus or index file): exit 3.
    Input(String),
    /// The reader of the output went away (`atlas docs | head -1`): a quiet success.
    Closed,
}

impl Failure {
    /// What to say on stderr, if anything, and the exit status.
    pub fn status(self) -> (Option<String>, u8) {
        match self {
            Failure::Closed => (None, 0),
            Failure::Nothing(m) | Failure::Problems(m) => (Some(m), 1),
            Failure::Input(m) => (Some(m), 3),
        }
    }
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure::Input(message)
    }
}

impl From<&str> for Failure {
    fn from(message: &str) -> Self {
        Failure::Input(message.to_owned())
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::Closed
        } else {
            Failure::Input(format!("cannot write the output: {e}"))
        }
    }
}

impl From<serde_json::Error> for Failure {
    fn from(e: serde_json::Error) -> Self {
        match e.io_error_kind() {
            Some(kind) => io::Error::from(kind).into(),
            None => Failure::Input(format!("cannot write JSON: {e}")),
        }
    }
}

/// What a command returns.
pub(crate) type Outcome = Result<(), Failure>;
