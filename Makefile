# Truce Tracker — one entry point for building, serving and checking the site.
# Prerequisites: Python >= 3.11 and make. Everything else comes from requirements.txt.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help serve lint test check build bench linkcheck clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

# The virtual environment is rebuilt whenever the lock file is newer than it. uv (pinned) installs
# the locked packages: it fetches them in parallel and compiles their bytecode on both cores, in
# about a third of pip's time. Where uv cannot be installed or fails, pip installs the same lock.
UV_VERSION := 0.13.9
$(STAMP): requirements.txt
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	{ $(BIN)/python -m pip install --quiet uv==$(UV_VERSION) \
	  && $(BIN)/uv pip install --quiet --python $(BIN)/python --compile-bytecode -r requirements.txt; } \
	|| $(BIN)/python -m pip install --quiet -r requirements.txt
	@# make the truce package importable from the venv (notebook kernels included)
	$(BIN)/python -c "import site, pathlib; pathlib.Path(site.getsitepackages()[0], 'truce-tracker.pth').write_text(str(pathlib.Path.cwd()) + '\n')"
	@touch $(STAMP)

serve: $(STAMP) ## Serve the site on http://127.0.0.1:8000 with live reload; rebuilds edited pages only (FULL=1: every page)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload $(if $(FULL),,--dirty)

lint: $(STAMP) ## Lint the Python code with ruff (rules in pyproject.toml)
	$(BIN)/ruff check .

test: $(STAMP) lint ## Lint, then every check: data, figures, strict build, HTML and browser tests
	$(BIN)/python -m pytest -n auto --maxprocesses 4 --dist worksteal checks tests

# the checks have no property tests: Hypothesis's pytest plugin is not loaded for them
check: $(STAMP) ## Data and figure checks only (fast, no build)
	$(BIN)/python -m pytest -p no:hypothesispytest checks

build: $(STAMP) ## Strict build of the site into site/
	$(BIN)/mkdocs build --strict --clean

bench: $(STAMP) ## Measure build, check and serve-rebuild times and page weight (ARGS="--fresh-clone --with-test --lighthouse" for more)
	$(BIN)/python -m tools.bench $(ARGS)

linkcheck: $(STAMP) ## Check that every source URL answers (needs the network)
	$(BIN)/python -m tools.linkcheck

clean: ## Remove the build output and caches (keeps the venv)
	rm -rf site .cache .pytest_cache .ruff_cache
