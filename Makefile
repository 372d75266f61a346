# itb-tui: `make run` opens the app, `make test` runs the whole suite. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: help run test test-fast snapshots lint format screenshots bench man wheel-check clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "itb-tui needs Python 3.11 or newer (found " + sys.version.split()[0] + "); set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,dev]'
	@touch $@ $(VENV)/.installed

run: $(VENV)/.installed ## Set up .venv and open the app
	$(BIN)/itb

# Tests run in parallel, one worker per core (pytest-xdist); JOBS=0 runs them in one process.
# Compiled modules are kept (__pycache__, ignored by git) even where PYTHONDONTWRITEBYTECODE is
# set: without them every worker rewrites the test modules' asserts again (4-5 s each) and
# every `itb` an end-to-end test starts compiles the app again.
JOBS ?= auto
FAST := tests/unit $(wildcard tests/rules)
PYTEST := PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest

test: $(VENV)/.installed-test ## Set up .venv with test extras and run the whole suite
	$(PYTEST) -n $(JOBS) --dist worksteal

test-fast: $(VENV)/.installed-test ## The unit tests and the rules only, a fifth of the property examples: the inner loop
	ITB_TESTS_QUICK=1 $(PYTEST) -n $(JOBS) --dist worksteal $(FAST)

snapshots: $(VENV)/.installed-test ## Run the snapshot tests; `make snapshots UPDATE=1` rewrites them
	$(PYTEST) tests/snapshots $(if $(UPDATE),--snapshot-update)

lint: $(VENV)/.installed-test ## ruff lint + format check, mypy, import contracts, no plan rule at radon grade D
	$(BIN)/ruff check itb_tui tests benchmarks scripts
	$(BIN)/ruff format --check itb_tui tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache --no-logo
	@! $(BIN)/radon cc --min D --show-complexity itb_tui/core/plan | grep .

format: $(VENV)/.installed-test ## Format the code with ruff
	$(BIN)/ruff format itb_tui tests benchmarks scripts
	$(BIN)/ruff check --fix itb_tui tests benchmarks scripts

screenshots: $(VENV)/.installed-test ## Regenerate screenshots/ (SVG + PNG) and the exercise figures
	$(BIN)/python scripts/screenshots.py
	$(BIN)/python scripts/figures.py

man: $(VENV)/.installed-test ## Write the man page man/itb.1 from the command's parser
	$(BIN)/python scripts/manpage.py

wheel-check: $(VENV)/.installed-test ## Build the sdist and wheel, install the wheel in a clean venv, try it
	scripts/wheel_check.sh

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,dev,bench]'
	@touch $@ $(VENV)/.installed $(VENV)/.installed-test

bench: $(VENV)/.installed-bench ## Run the benchmarks (with termdown as a reference); print figures
	$(BIN)/python benchmarks/run.py

clean: ## Remove .venv and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
	find itb_tui tests benchmarks scripts -name __pycache__ -prune -exec rm -rf {} +
