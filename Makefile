# Run `make help` for the list of commands.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Absolute links in exports, feeds and emails point here.
BASE_URL ?= http://127.0.0.1:$(PORT)
export BASE_URL

.PHONY: help run test test-postgres lint bench loadtest loadtest-deps demo system-deps clean

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c "import sys; sys.exit(sys.version_info[:2] != (3, 11))" || { echo "Python 3.11 is needed (found: $(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

VNU_JAR_VERSION := 26.9.27

$(VENV)/.installed-test: pyproject.toml Makefile | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	@# The Nu HTML checker, for the valid-HTML browser test (runs on Java).
	npm install --silent --no-audit --no-fund --prefix $(VENV)/vnu vnu-jar@$(VNU_JAR_VERSION)
	touch $@ $(VENV)/.installed-run

system-deps: ## install the Debian packages the tests need (chromium, Java for the HTML checker, gettext for the catalogue check)
	@if [ ! -x /usr/bin/chromium ] || ! command -v java >/dev/null || ! command -v xgettext >/dev/null; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium default-jre-headless gettext >/dev/null; \
	fi

demo: $(VENV)/.installed-run ## migrate, load the demo content, collect static files
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

run: demo ## set everything up and serve the demo site on http://127.0.0.1:$(PORT)
	@$(BIN)/python manage.py print_demo_logins
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: $(VENV)/.installed-test ## ruff, Django's checks, and no missing migrations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

test: $(VENV)/.installed-test system-deps lint ## set everything up, lint, and run the whole suite
	$(BIN)/pytest

test-postgres: $(VENV)/.installed-test ## the suite (without browser tests) against DATABASE_URL
	@[ -n "$$DATABASE_URL" ] || { echo "Set DATABASE_URL=postgres://..."; exit 1; }
	$(BIN)/pytest -m "not e2e"

bench: $(VENV)/.installed-test ## benchmark public pages through gunicorn with DEBUG off
	$(BIN)/python -m tests.perf.bench
	$(BIN)/python -m tests.perf.bench_reviews

loadtest-deps: ## install the Debian packages the load test runs on (postgresql, redis-server)
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v redis-server >/dev/null; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql redis-server >/dev/null; \
	fi

loadtest: $(VENV)/.installed-run loadtest-deps ## 200 applicants double-click Submit before a deadline: 2 gunicorn servers, PostgreSQL, Redis, a failing email provider
	$(BIN)/python -m tests.load.deadline

clean: ## remove the virtualenv, the database and collected files
	rm -rf $(VENV) db.sqlite3* staticfiles
