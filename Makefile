# News analysis workbook. `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SEEDS  ?= seeds
SLOW   ?=
OUT    ?= reports
ARGS   ?=
export MPLBACKEND := Agg
# git cleans notebooks through this checkout's nbstripout (outputs, execution counts and the Python
# version dropped; cell ids kept); without the venv it passes them through unchanged.
NBSTRIPOUT := test -x $(BIN)/nbstripout && exec $(BIN)/nbstripout --keep-id --extra-keys metadata.language_info.version || exec cat
LAB_ARGS   ?=
LAB_ROOT   := $(if $(filter 0,$(shell id -u)),--allow-root)

.DEFAULT_GOAL := help

## help: list the targets
help:
	@grep -E '^## ' $(MAKEFILE_LIST) | sed 's/^## /  /'

$(BIN)/analysis: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,lab]'
	touch $@

## setup: create .venv with python3 -m venv, install the project and JupyterLab (done on first use by
##        the others), and make git strip notebook outputs in this checkout
setup: $(BIN)/analysis
	if git rev-parse --git-dir >/dev/null 2>&1; then git config filter.nbstripout.clean '$(NBSTRIPOUT)'; fi

## reports: analyse SEEDS (default seeds/) and render the HTML reports into OUT (default reports/)
reports: $(BIN)/analysis
	$(BIN)/analysis report $(SEEDS) --out $(OUT) $(ARGS)

## test: run the test suite (serial, headless); SLOW=1 also runs the tests marked slow (>= 10 s each)
test: $(BIN)/analysis
	$(BIN)/python -m pytest -q tests $(if $(SLOW),,-m "not slow")

## lab: JupyterLab at the project root with the notebooks open, on the project's python3 kernel
##      (LAB_ARGS='--ip=0.0.0.0 --no-browser' to reach it from another machine; Ctrl-C twice stops it)
lab: setup
	JUPYTER_CONFIG_PATH=$(CURDIR)/.jupyter$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH} \
	    $(BIN)/jupyter-lab --ServerApp.root_dir=. $(LAB_ROOT) $(LAB_ARGS) notebooks/timeline.ipynb

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
