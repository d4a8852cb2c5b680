# Naungan — `make run` to try it, `make test` to check it. See README.md and docs/operator.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PORT ?= 8000
VENV := .venv
VPY := $(VENV)/bin/python
MANAGE := $(VPY) manage.py
CHROMIUM ?= /usr/bin/chromium
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

# A Python 3.12+ interpreter: python3.13, python3.12, python3, then pyenv's installs.
# (pyenv's version shims fail without PYENV_VERSION, so every candidate is tried for real.)
define FIND_PYTHON
for c in python3.13 python3.12 python3; do \
  if command -v $$c >/dev/null 2>&1 && $$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
    command -v $$c; exit 0; fi; done; \
root=$$(pyenv root 2>/dev/null || echo $$HOME/.pyenv); \
for p in $$(ls -d $$root/versions/3.1[2-9]* 2>/dev/null | sort -rV); do \
  if [ -x $$p/bin/python3 ] && $$p/bin/python3 -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
    echo $$p/bin/python3; exit 0; fi; done
endef

.PHONY: help run install staticfiles test test-pg lint check-deploy lighthouse clean deps-base deps-test npm-deps chromium

help:
	@echo "make run      install, migrate SQLite, load demo data, serve http://127.0.0.1:$(PORT)"
	@echo "make test     install test tools and run every check and test (PostgreSQL when CI=true)"
	@echo "make install  install, build static files and migrate"

$(VENV)/bin/python:
	@py="$$( $(FIND_PYTHON) )"; \
	if [ -z "$$py" ]; then \
	  echo "Naungan needs Python 3.12 or newer (tried python3.13, python3.12, python3 and pyenv's versions)." >&2; \
	  echo "Install Python 3.12+ and run make again." >&2; exit 1; fi; \
	echo "Using $$py ($$($$py --version))"; \
	$$py -m venv $(VENV) && $(VPY) -m pip install -q --upgrade pip

$(VENV)/.base-installed: requirements/base.txt | $(VENV)/bin/python
	$(VPY) -m pip install -q -r requirements/base.txt
	@touch $@

$(VENV)/.test-installed: requirements/test.txt requirements/base.txt | $(VENV)/bin/python
	$(VPY) -m pip install -q -r requirements/test.txt
	@touch $@ $(VENV)/.base-installed

deps-base: $(VENV)/.base-installed
deps-test: $(VENV)/.test-installed

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "npm not found: installing Debian's nodejs and npm"; \
	  $(call APT_INSTALL,nodejs npm); }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

npm-deps: node_modules/.installed

# Debian's chromium for the browser tests (Playwright may not download its own browsers here).
define APT_INSTALL
if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(1)
endef

chromium:
	@if [ ! -x $(CHROMIUM) ]; then echo "Installing Debian's chromium"; $(call APT_INSTALL,chromium); fi

# collectstatic hashes and compresses (gzip + brotli) every file again, about 20 s: run it only
# when something it collects changed. That is our static/ and the apps' static/ directories
# (directories included, so that a deleted file counts too), the npm packages (bootstrap, htmx:
# node_modules/.installed, package-lock.json), the installed Python packages (admin, ninja,
# allauth, django-htmx: pip changes site-packages when it installs, upgrades or removes one)
# and the settings. One stamp per storage: debug collects plain files, otherwise the manifest.
# The stamp is dated from before the collection, so an edit made meanwhile is collected next time.
STATIC_DIR := $(or $(NAUNGAN_STATIC_ROOT),var/static)
STATIC_MODE := $(if $(filter 1 true True TRUE yes on y ok,$(NAUNGAN_DEBUG)),debug,manifest)
STATIC_STAMP := $(STATIC_DIR)/.collected-$(STATIC_MODE)
STATIC_SOURCES = $(shell find static $(wildcard naungan/*/static) 2>/dev/null) naungan/settings.py \
  package.json package-lock.json node_modules/.installed $(VENV)/.base-installed \
  $(wildcard $(VENV)/lib/python3*/site-packages)

$(STATIC_STAMP): $(STATIC_SOURCES)
	@mkdir -p var $(STATIC_DIR) && touch $@.new
	$(MANAGE) collectstatic --noinput -v 0
	@mv $@.new $@

staticfiles: deps-base npm-deps $(STATIC_STAMP)

install: staticfiles
	$(MANAGE) migrate --noinput

# migrate has run the system checks: seed_demo and runserver skip them (about 1 s each).
run: install
	@$(MANAGE) seed_demo --skip-checks
	@echo "Naungan is at http://127.0.0.1:$(PORT)/  (public reporting: http://127.0.0.1:$(PORT)/lapor/)"
	$(MANAGE) runserver 127.0.0.1:$(PORT) --noreload --skip-checks

lint: deps-test
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy naungan

check-deploy: deps-test npm-deps
	NAUNGAN_HTTPS=1 NAUNGAN_DEBUG=0 NAUNGAN_ALLOWED_HOSTS=naungan.example.org \
	NAUNGAN_SMTP_HOST=smtp.example.org \
	NAUNGAN_SECRET_KEY=$$($(VPY) -c 'import secrets; print(secrets.token_urlsafe(64))') \
	$(MANAGE) check --deploy --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run

# Under CI=true the suite runs on PostgreSQL and fails when it cannot reach it.
# Two pytest-xdist workers (a city's server and CI have 2 cores), each with its own test
# database, every browser test on one of them; PYTEST_WORKERS=0 runs the suite in one process.
PYTEST_WORKERS ?= 2
PYTEST_ARGS := -q $(if $(filter-out 0,$(PYTEST_WORKERS)),-n $(PYTEST_WORKERS) --dist loadgroup)
test: deps-test npm-deps chromium lint check-deploy staticfiles
	@if [ "$(CI)" = "true" ]; then $(MAKE) --no-print-directory test-pg; \
	else $(VENV)/bin/pytest $(PYTEST_ARGS); fi

test-pg: deps-test
	@$(VPY) -c "import psycopg, sys; psycopg.connect('$(PG_URL)', connect_timeout=5).close()" \
	  || { echo "PostgreSQL is not reachable at $(PG_URL)" >&2; exit 1; }
	DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest $(PYTEST_ARGS)

tools/lighthouse/node_modules/.installed: tools/lighthouse/package.json
	cd tools/lighthouse && npm install --no-audit --no-fund --loglevel=error
	@touch $@

# Lighthouse on the public pages of a running server with the demo data (make run in another
# terminal): the pages a URL reaches, then those a form leads to (tools/lighthouse/flow.mjs:
# refused form, code and PIN, status, field app, second factor). bench/axe_pages.py runs
# axe-core over the same pages and the staff pages at phone width.
lighthouse: deps-base chromium tools/lighthouse/node_modules/.installed
	$(VPY) bench/lighthouse.py http://127.0.0.1:$(PORT) /lapor/ /lapor/status/ /accounts/login/ \
	  /accounts/password/reset/
	NAUNGAN_CHROMIUM=$(CHROMIUM) node tools/lighthouse/flow.mjs http://127.0.0.1:$(PORT)

clean:
	rm -rf var/static var/naungan.sqlite3
