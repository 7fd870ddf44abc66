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
	$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e ".[dev,dask]"
	touch $(STAMP)

# Until the Prefect pipeline lands (issue 4), the demo parses the corpus and prints the
# year-to-year change report of every demo country.
demo: $(STAMP)
	$(VENV)/bin/tipdiff parse data/raw/*/*.txt
	@for c in freedonia sylvania ruritania; do for y in 2022 2023; do \
	  echo; $(VENV)/bin/tipdiff diff data/raw/$$y/synthetic_$${c}_$$y.txt data/raw/$$((y+1))/synthetic_$${c}_$$((y+1)).txt || exit 1; \
	done; done

test: $(STAMP)
	$(PY) -m pytest

bench-align: $(STAMP)
	$(PY) bench/bench_align.py

lint: $(STAMP)
	$(VENV)/bin/ruff check tipdiff flows tasks tests bench

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
