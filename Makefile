# Research compendium: raw letters -> processed tables -> HTML reports.
# `make reports` and `make test` set everything up themselves (see README).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LINT_STAMP := $(VENV)/.lint-installed

.DEFAULT_GOAL := help
.PHONY: help install process reports test verify lint lab clean lock screenshots bench accuracy line-roles timeml

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

install: $(STAMP) ## create .venv from the pinned lock file and register the kernel

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-input -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-input --no-deps --no-build-isolation -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name compendium --display-name "Python (compendium)" >/dev/null
	$(BIN)/nbstripout --install --attributes .gitattributes 2>/dev/null || true
	touch $@

lock: ## regenerate requirements.lock (and requirements-lint.lock) from pyproject.toml (needs uv)
	uv pip compile pyproject.toml build-requirements.in --extra test --python-version 3.11 --no-header --annotation-style line -o requirements.lock
	uv pip compile pyproject.toml build-requirements.in --extra lint -c requirements.lock --python-version 3.11 --no-header --annotation-style line -o requirements-lint.lock

process: $(STAMP) ## verify raw checksums and process every registered letter
	$(BIN)/compendium process-all

reports: $(STAMP) ## process every letter and build the HTML reports (incremental)
	$(BIN)/compendium build

test: $(STAMP) ## run the test suite
	$(BIN)/python -m pytest

verify: $(STAMP) ## rebuild into a temporary folder and compare with what is committed
	$(BIN)/compendium verify

# The linters are pinned apart (requirements-lint.lock): every report's colophon carries
# requirements.lock's SHA-256, and a linter changes no output.
$(LINT_STAMP): $(STAMP) requirements-lint.lock
	$(BIN)/python -m pip install --quiet --no-input -r requirements-lint.lock -c requirements.lock
	touch $@

lint: $(LINT_STAMP) ## ruff check (rules in pyproject.toml) and the import layers (lint-imports)
	$(BIN)/ruff check src tests benchmarks tools notebooks
	$(BIN)/lint-imports

lab: $(STAMP) ## open JupyterLab on the notebooks, at notebooks/explore.ipynb
	$(BIN)/jupyter lab --notebook-dir=notebooks --LabApp.default_url=/lab/tree/explore.ipynb $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

clean: ## remove build intermediates (not the committed outputs)
	rm -rf build

screenshots: $(STAMP) ## screenshots of the reports (desktop and phone) into docs/screenshots/
	$(BIN)/python tools/screenshots.py

bench: $(STAMP) ## benchmarks: start-up, cold build vs floor (1 letter), the corpus store, corpora of 1 to 2,048 generated letters (~1 h)
	$(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/build_vs_floor.py
	$(BIN)/python benchmarks/store_scaling.py --sizes 32 128 512 2048 --out benchmarks/results-store.md
	$(BIN)/python benchmarks/corpus_scaling.py --sizes 1 32 128 512 2048 --once-above 128

# Sets 5 and 6 arrived in containers already (e-mails, HTML, PDF text): scored as they are, not
# wrapped again in every container, which is for the plain letters.
PLAIN_GOLD_SETS := tests/fixtures/letters/dev tests/fixtures/letters/heldout tests/fixtures/letters/heldout3 tests/fixtures/letters/heldout4
GOLD_SETS := $(PLAIN_GOLD_SETS) tests/fixtures/letters/heldout5 tests/fixtures/letters/heldout6 tests/fixtures/letters/heldout7 tests/fixtures/letters/heldout8
accuracy: $(STAMP) ## score the parser against the gold files, then every gold letter in every container
	$(BIN)/python -m compendium.evaluate $(GOLD_SETS)
	$(BIN)/python tools/containers.py $(PLAIN_GOLD_SETS) --reference data/raw/letters/*.txt tests/fixtures/letters/*.txt

# The parser reads line roles with the rules (src/compendium/letter/linesource.py) unless
# COMPENDIUM_LINE_ROLES says crf or combined;
# train_line_roles.py also writes the models the parser ships.
line-roles: $(STAMP) ## line roles: rules, CRF and both, leave one set out, and the shipped models (benchmarks/line-roles.md)
	$(BIN)/python tools/train_line_roles.py
	$(BIN)/python tools/line_roles.py

TIMEML ?= /tmp/tbaq/TimeBank /tmp/tbaq/AQUAINT
timeml: $(STAMP) ## score dated mentions on TimeML corpora (TIMEML="DIR ..."; README: where to get them)
	$(BIN)/python benchmarks/timeml.py $(TIMEML) --out benchmarks/results-timeml.md
