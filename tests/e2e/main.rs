//! End-to-end tests: the release build in dist/ (made by `make test`) served
//! on 127.0.0.1 and driven in headless Chromium through chromedriver.
//! Screenshots land in target/e2e-screenshots/.

mod support;

mod accessibility;
mod builder;
mod concordance;
mod embed;
mod hostile;
mod map;
mod multilingual;
mod offline;
mod other_corpus;
mod reader;
mod search;
mod split;
mod tampering;
mod timeline;
