# News analysis workbook. `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SEEDS  ?= seeds
OUT    ?= reports
ARGS   ?=
export MPLBACKEND := Agg

.DEFAULT_GOAL := help

## help: list the targets
help:
	@grep -E '^## ' $(MAKEFILE_LIST) | sed 's/^## /  /'

$(BIN)/analysis: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

## setup: create .venv with python3 -m venv and install the project (done on first use by the others)
setup: $(BIN)/analysis

## reports: analyse SEEDS (default seeds/) and render the HTML reports into OUT (default reports/)
reports: $(BIN)/analysis
	$(BIN)/analysis report $(SEEDS) --out $(OUT) $(ARGS)

## test: run the test suite (serial, headless)
test: $(BIN)/analysis
	$(BIN)/python -m pytest -q tests

## lab: open the notebooks in JupyterLab with the project's python3 kernel (installs jupyterlab once)
lab: $(BIN)/analysis
	test -x $(BIN)/jupyter-lab || $(BIN)/python -m pip install --quiet -e '.[dev,lab]'
	$(BIN)/jupyter-lab notebooks/

## check: lint with ruff
check: $(BIN)/analysis
	$(BIN)/ruff check analysis tests benchmarks

## bench: run the speed and quality benchmarks (installs the peers: dateparser, textacy)
bench: $(BIN)/analysis
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

## clean: remove generated reports and caches (keeps .venv)
clean:
	rm -rf $(OUT)/*.html $(OUT)/*.ipynb $(OUT)/articles $(OUT)/data $(OUT)/.cache .pytest_cache .ruff_cache
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +

.PHONY: help setup reports test lab check bench clean
