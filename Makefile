# tthc — one entry point for people and CI. `make help` lists the targets.
SHELL := /bin/bash
CARGO ?= cargo
FUZZ_SECONDS ?= 60

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets
	@grep -E '^[a-z][a-z-]*:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

.PHONY: demo
demo: ## The main job: compliance report of the embedded An Biên 2018 dataset
	$(CARGO) run --release -q -p tthc-cli -- report

.PHONY: test
TEST_STAGES := test-rust licences test-python test-wasm test-exports test-dist

test: ## Every test: Rust, licences, Python, WebAssembly, exports, release artifacts (installs what it needs); prints each stage's time
	@bash scripts/stages.sh "$(MAKE)" $(TEST_STAGES)

.PHONY: test-rust
test-rust: ## Rust: unit, integration, conformance and doc tests; fmt, clippy and rustdoc
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	$(CARGO) test --workspace
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --no-deps -p tthc

.PHONY: licences
licences: ## Every dependency's licence against scripts/licences-allowed.txt (offline), and the check's self-test
	python3 scripts/licences.py
	python3 -m unittest discover -s scripts -p 'test_*.py'

.PHONY: dist
dist: ## Build the wheel, sdist, npm tarball and crate package into dist/ and check their versions
	bash scripts/dist.sh

.PHONY: test-dist
test-dist: dist ## The four artifacts of make dist: built (the crate package verified by building it), versions agree

.PHONY: test-exports
test-exports: ## Exports checked by the standards' validators and by DuckDB, polars, pyarrow, openpyxl
	bash tests/exports/run.sh

.PHONY: python
python: ## Build and install the Python extension into .venv
	bash bindings/python/build.sh

.PHONY: test-python
test-python: ## Python: conformance, errors, Hypothesis, README blocks, stubtest
	bash bindings/python/test.sh

.PHONY: wasm
wasm: ## Build bindings/wasm/dist/{web,node} (installs the wasm toolchain when missing)
	bash bindings/wasm/build.sh

.PHONY: wasm-size
wasm-size: ## Size of the .wasm (raw, gzip -9, brotli) against the budget, per crate and largest functions (installs twiggy)
	bash bindings/wasm/size.sh

.PHONY: test-wasm
test-wasm: ## Node conformance tests and the headless Chromium widget test
	bash bindings/wasm/test.sh

.PHONY: serve
serve: wasm ## Serve examples/web on http://127.0.0.1:8080
	bash bindings/wasm/serve.sh

.PHONY: bench
bench: ## Benchmarks (Rust, Python, browser); results go to BENCHMARKS.md by hand
	$(CARGO) bench -p tthc
	$(CARGO) bench -p tthc --features parquet --bench parquet -- --keep bench-data/parquet
	[ -x .venv/bin/python ] || python3 -m venv .venv
	.venv/bin/python -c 'import duckdb' 2>/dev/null || .venv/bin/pip install -q 'duckdb>=1.1,<2'
	.venv/bin/python tests/exports/bench_duckdb.py bench-data/parquet
	bash bindings/python/bench.sh

.PHONY: fuzz
fuzz: ## Coverage-guided fuzzing: each target for FUZZ_SECONDS (default 60), e.g. make fuzz FUZZ_SECONDS=600
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash fuzz/run.sh

.PHONY: synth
synth: ## Write the synthetic national catalogue to bench-data/national.json
	mkdir -p bench-data
	$(CARGO) run --release -q -p tthc-cli -- synth -o bench-data/national.json
