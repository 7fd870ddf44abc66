# Two entry points for a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test bench-parse bench-align bench-pipeline bench-run bench lint clean

# The venv is rebuilt whenever the pins change. Every package comes from constraints.txt.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --upgrade "pip==25.3"
	$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e ".[dev,dask]"
	touch $(STAMP)

# The main job on the bundled demo data: Prefect's embedded mode, nothing to start.
demo: $(STAMP)
	$(VENV)/bin/tipdiff run --raw data/raw --out data/processed

test: $(STAMP)
	$(VENV)/bin/ruff check tipdiff flows tasks tests bench
	$(PY) -m pytest

bench-align: $(STAMP)
	$(PY) bench/bench_align.py

# The run benchmark (bench/bench_run.py): floor, core alone, cold / no-change / add-a-year,
# Dask, quality against the synthetic history's truth, scale curve. About 10 minutes.
bench-run: $(STAMP)
	$(PY) bench/bench_run.py

bench-pipeline: bench-run

bench-parse: $(STAMP)
	$(PY) bench/bench_parse.py

bench: bench-parse bench-align bench-run

lint: $(STAMP)
	$(VENV)/bin/ruff check tipdiff flows tasks tests bench

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
