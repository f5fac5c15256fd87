# One target per habit. `make run` and `make test` work on a fresh clone with only Python 3.12+ and make.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PAGE ?= article

# The first interpreter of 3.12 or newer among these names wins.
PYTHON_CANDIDATES := python3.13 python3.12 python3 python
FIND_PYTHON := for c in $(PYTHON_CANDIDATES); do \
	  if command -v $$c >/dev/null 2>&1 && $$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	    command -v $$c; exit 0; fi; done; exit 1

.PHONY: help run test lint fmt messages content audit screenshots browser-check wrk-check servers-check bench bench-peers bakerydemo-check profile system-test \
	scale-test load faults image-smoke

help:
	@echo "make run    - set up .venv, migrate, load the seed content, serve on http://$(HOST):$(PORT)"
	@echo "make test   - the whole test suite but the system tests (SQLite unless DATABASE_URL is set)"
	@echo "make system-test - the system tests: two instances, 50 inquiries at once, load, faults (needs PostgreSQL, Redis)"
	@echo "make lint   - ruff, template formatting, migrations check, hadolint"
	@echo "make fmt    - format Python and templates"
	@echo "make messages - extract the strings marked for translation into locale/es, and compile them (needs gettext)"
	@echo "make audit  - Lighthouse and the Nu Html Checker on every page type (needs Chromium, Node, Java)"
	@echo "make screenshots - every page type at 390 and 1280 px into docs/screenshots/"
	@echo "make scale-test - the system test alone: two app servers sharing PostgreSQL and Redis act as one site"
	@echo "make load   - the load system test alone (64 connections for 60 s, a burst of inquiries); figures into docs/"
	@echo "make faults - the fault system test alone (PostgreSQL and Redis stopped under traffic); figures into docs/"
	@echo "make bench  - requests/s of article, site search and a static file; search p95 at 1k-100k articles on SQLite and"
	@echo "              PostgreSQL, with a chart; into docs/performance.md (needs wrk and Redis; ~12 min)"
	@echo "make profile PAGE=article - where one page type's time goes over 300 requests (pyinstrument; CACHED=1 for the page cache)"
	@echo "make bench-peers BAKERYDEMO=path/to/bakerydemo - every page type beside Wagtail's bakerydemo and a bare"
	@echo "              Django view, in one run; the ratios into docs/performance.md (needs wrk; ~7 min)"
	@echo "make image-smoke - build the Dockerfile with podman, run release + gunicorn in containers, check the site answers"

$(VENV)/bin/python:
	@py=$$($(FIND_PYTHON)) || { echo "Error: Python 3.12 or newer is required, but none was found (tried: $(PYTHON_CANDIDATES))." >&2; \
	  echo "Install Python 3.12+ (or select it, e.g. with pyenv), then run make again." >&2; exit 1; }; \
	echo "Creating $(VENV) with $$py ($$($$py --version))"; \
	$$py -m venv $(VENV)

$(VENV)/.installed-run: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@ $(VENV)/.installed-run

content: $(VENV)/.installed-run
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) import_pages content/pages
	$(MANAGE) import_programs content/programs
	$(MANAGE) import_articles content/articles
	$(MANAGE) rebuild_search_index

run: content
	$(MANAGE) runserver $(HOST):$(PORT)

# The suite in parallel, one pytest-xdist worker per core; a test file stays on one worker, so a module's server
# or seed starts once. TEST_WORKERS=0 runs it serially in this process.
TEST_WORKERS ?= auto
test: $(VENV)/.installed-dev
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check templates
	$(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/hadolint Dockerfile tools/standins/*/Containerfile

fmt: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml templates

# Translations (locale/es/LC_MESSAGES): extract the marked strings into django.po, which a translator completes,
# then compile django.mo beside it. Extracting needs GNU gettext; compiling needs only Babel, and the compiled file
# is committed, so a fresh machine serves Spanish with neither (tests/site/test_translations.py checks it is current).
# Staff pages are English only: their strings are not extracted.
messages: $(VENV)/.installed-dev
	@command -v xgettext >/dev/null || { echo "Error: GNU gettext is needed to extract messages: apt-get install -y gettext" >&2; exit 1; }
	$(MANAGE) makemessages --locale es --no-obsolete --add-location file \
	  --ignore '.venv/*' --ignore 'tools/*' --ignore 'tests/*' --ignore 'staticfiles/*' --ignore 'media/*' \
	  --ignore 'staff/*' --ignore 'templates/admin/*' --ignore 'templates/staff/*'
	$(VENV)/bin/pybabel compile --directory locale --domain django --locale es --statistics

tools/node_modules/.installed: tools/package.json tools/package-lock.json
	cd tools && npm ci --no-audit --no-fund --silent
	@touch $@

browser-check:
	@test -x /usr/bin/chromium || { echo "Error: Debian's Chromium is needed: apt-get install -y chromium" >&2; exit 1; }

audit: $(VENV)/.installed-dev tools/node_modules/.installed browser-check
	@command -v java >/dev/null || { echo "Error: Java is needed for the Nu Html Checker: apt-get install -y default-jre-headless" >&2; exit 1; }
	$(PY) -m tools.audit $(PAGES)

screenshots: $(VENV)/.installed-dev browser-check
	$(PY) -m tools.screenshots

# wrk, and PostgreSQL's server binaries and Redis (for the fault run's private servers), come from Debian; installed
# here when we may (root), otherwise a clear message says how.
wrk-check:
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -q wrk >/dev/null; } || \
	  { echo "Error: the load tool wrk is needed: sudo apt-get install -y wrk" >&2; exit 1; }

servers-check:
	@{ command -v initdb || ls /usr/lib/postgresql/*/bin/initdb; } >/dev/null 2>&1 && command -v redis-server >/dev/null || \
	  { [ "$$(id -u)" = 0 ] && apt-get install -y -q postgresql redis-server >/dev/null; } || \
	  { echo "Error: PostgreSQL and Redis servers are needed: sudo apt-get install -y postgresql redis-server" >&2; exit 1; }

bench: $(VENV)/.installed-run wrk-check
	$(PY) -m tools.bench

# Where one page type's time goes (pyinstrument), page cache off unless CACHED=1: make profile PAGE=contact
profile: $(VENV)/.installed-dev
	PAGE=$(PAGE) $(PY) -m tools.profile
# Wagtail's bakerydemo, a local checkout of it, is set up on first use in .tools/bakerydemo/ (its own virtualenv and
# database, reused by later runs). Checked before anything is installed, so a missing one fails at once.
BAKERYDEMO_URL := https://github.com/wagtail/bakerydemo.git
bakerydemo-check:
	@if [ -z "$(BAKERYDEMO)" ]; then \
	  echo "Error: make bench-peers needs a local checkout of Wagtail's bakerydemo. Get one and pass its folder:" >&2; \
	  echo "  git clone $(BAKERYDEMO_URL) ../bakerydemo" >&2; \
	  echo "  make bench-peers BAKERYDEMO=../bakerydemo" >&2; \
	  echo "(docs/performance.md's figures were measured at its commit 8e2b625.)" >&2; exit 1; \
	elif [ ! -f "$(BAKERYDEMO)/bakerydemo/settings/production.py" ]; then \
	  echo "Error: BAKERYDEMO=$(BAKERYDEMO) is not a checkout of $(BAKERYDEMO_URL)" \
	    "(no bakerydemo/settings/production.py there)." >&2; exit 1; fi

# 16 connections, as the issue's figures were taken (make bench uses 4); BENCH_CONNECTIONS, BENCH_SECONDS and
# BENCH_ROUNDS set otherwise, BENCH_PEERS_SPANISH=1 adds the Spanish page types (~4 min more).
bench-peers: bakerydemo-check $(VENV)/.installed-run wrk-check
	BENCH_CONNECTIONS=$${BENCH_CONNECTIONS:-16} $(PY) -m tools.peer.bench "$(BAKERYDEMO)"

# tests/system: two instances acting as one site, 50 inquiries at once, 64 connections for LOAD_SECONDS (default 60)
# with a burst of inquiries, and a private PostgreSQL and Redis stopped and restarted under traffic. Uses the
# machine's PostgreSQL (throwaway databases) and Redis. A few minutes; CI sets LOAD_SECONDS=20.
system-test: $(VENV)/.installed-dev wrk-check servers-check
	$(PY) -m pytest -m system tests/system

# One system test alone. load and faults also write what they measured into docs/performance.md and
# docs/operations.md (RECORD_FIGURES=1); make system-test and CI only check.
scale-test: $(VENV)/.installed-dev
	$(PY) -m pytest -m system tests/system/test_two_instances.py

load: $(VENV)/.installed-dev wrk-check
	RECORD_FIGURES=1 $(PY) -m pytest -m system tests/system/test_load.py

faults: $(VENV)/.installed-dev servers-check
	RECORD_FIGURES=1 $(PY) -m pytest -m system tests/system/test_faults.py

# podman, runc and debootstrap (for the stand-in base image) come from Debian; installed here when we may (root).
image-smoke: $(VENV)/.installed-run
	@missing=$$(for tool in podman runc debootstrap; do PATH="$$PATH:/usr/sbin:/sbin" command -v $$tool >/dev/null || echo $$tool; done); \
	  [ -z "$$missing" ] || { [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null; } || \
	  { echo "Error: the image smoke test needs" $$missing": sudo apt-get install -y" $$missing >&2; exit 1; }
	$(PY) -m tools.image_smoke
