# Two entry points for a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
RUNTIME := $(VENV)/.runtime
STAMP  := $(VENV)/.installed

.PHONY: demo test chromium bench-parse eval-shapes eval-real check-real bench-pdf-libraries bench-align \
	bench-evidence eval-sections bench-align-held bench-themes bench-find \
	bench-pipeline bench-run bench vocabulary lint clean

# The venv is brought up to date whenever the pins change. Every package comes from
# constraints.txt. $(RUNTIME): what the main job needs, no more (what `make demo` installs);
# $(STAMP): that, the test and benchmark tools and the Dask extra (`make test`, benchmarks).
$(RUNTIME): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --upgrade "pip==25.3"
	$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e .
	touch $(RUNTIME)

$(STAMP): $(RUNTIME)
	$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e ".[dev,dask]"
	touch $(STAMP)

# The main job on the bundled demo data: Prefect's embedded mode, nothing to start.
demo: $(RUNTIME)
	$(VENV)/bin/tipdiff run --raw data/raw --out data/processed

# Two workers, a test file each at a time: most tests wait on real processes (Prefect
# servers, runs, Chromium), so the 2-core machines run the suite in about 60% of the time.
test: $(STAMP) chromium
	$(VENV)/bin/ruff check tipdiff flows tasks tests bench
	$(PY) -m pytest -n 2 --dist loadfile

# The browser test drives Debian's Chromium (Playwright's own browser download cannot work
# offline). Found on PATH, or installed with apt-get when we run as root; otherwise the test
# skips on a developer's machine and fails under CI=1.
chromium:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	{ if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the browser test"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      --no-install-recommends chromium >/dev/null; \
	  else echo "chromium not found and not root: the browser test will skip (fails under CI=1)"; fi; }

bench-align: $(STAMP)
	$(PY) bench/bench_align.py $(if $(REAL),--copies "$(REAL)")

# Every part, the held-back ones included (measure them once per change, at the end), with
# aligner 2.0 (the commit before issue 18's work) and 3.2 (1cded6b) measured beside in the same run.
bench-align-held: $(STAMP)
	$(PY) bench/bench_align.py --held --before e2c3bc0 --before 1cded6b --speed-runs 5 \
	  $(if $(REAL),--copies "$(REAL)")

# The aligner's reference vocabulary, from the evaluation set's tune part (then bump
# ALIGNER_VERSION: the weights change every score).
vocabulary: $(STAMP)
	$(PY) bench/build_vocabulary.py

# The run benchmark (bench/bench_run.py): floor, core alone, cold / no-change / add-a-year,
# Dask, quality against the synthetic history's truth, scale curve. About 10 minutes.
bench-run: $(STAMP)
	$(PY) bench/bench_run.py

bench-pipeline: bench-run

bench-parse: $(STAMP) eval-shapes
	$(PY) bench/bench_parse.py

# Exactness per input shape on our own fixtures, and issue 7's failure classes.
eval-shapes: $(STAMP)
	$(PY) bench/eval_shapes.py

# The real evaluation sets (bench/realsets): manifests in the repository, texts rebuilt outside
# it (bench/realsets/README.md). REAL=dir names the copies folder (default $$TIPDIFF_REALSETS,
# else /work/realsets/copies). check-real verifies the copies; eval-real measures the parser.
check-real: $(STAMP)
	$(PY) bench/realsets/check.py $(if $(REAL),--copies "$(REAL)")

eval-real: $(STAMP)
	$(PY) bench/eval_real_parse.py $(if $(REAL),--copies "$(REAL)")

# pypdfium2 against pypdf and pdfplumber (those two only if installed by hand).
bench-pdf-libraries: $(STAMP)
	$(PY) bench/bench_pdf_libraries.py

# Evidence for dropped asks (issue 20) on the evidence set's tune part; PART=heldout ...
# PART=heldout20 measures another part (all twenty have been read: they are development data).
bench-evidence: $(STAMP)
	$(PY) bench/bench_evidence.py --part $(or $(PART),tune)

# Body sections: the own-words sections set and the real copies (PART=heldout REALPART=held
# or REALPART=held2: the held-back parts).
eval-sections: $(STAMP)
	$(PY) bench/eval_sections.py --part $(or $(PART),tune) --real $(or $(REALPART),dev)

# Theme tags per tag against the tune part of bench/evalsets/themes (the held-back part is
# measured on purpose only: python bench/bench_themes.py --part heldout2; heldout is
# development data since theme tags 1.1).
bench-themes: $(STAMP)
	$(PY) bench/bench_themes.py

# tipdiff find, theme tags and stock asks timed on the full synthetic history (190 x 24).
bench-find: $(STAMP)
	$(PY) bench/bench_find.py

bench: bench-parse bench-align bench-run bench-evidence bench-themes bench-find

lint: $(STAMP)
	$(VENV)/bin/ruff check tipdiff flows tasks tests bench

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
