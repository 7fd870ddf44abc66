# Two entry points for a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test bench-align bench lint clean

# The venv is rebuilt whenever the pins change. Every package comes from constraints.txt.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --upgrade "pip==25.3"
	$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/tipdiff parse data/raw/*/*.txt

test: $(STAMP)
	$(PY) -m pytest

bench-align: $(STAMP)
	$(PY) bench/bench_align.py

lint: $(STAMP)
	$(VENV)/bin/ruff check tipdiff flows tasks tests bench

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
