# Labbook developer commands. `make run` serves on the embedded SQLite database; `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: run test test-web lint install install-test schema migration bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

run: install  ## serve on SQLite under ./data (migrates on start)
	LABBOOK_DATA_DIR=$${LABBOOK_DATA_DIR:-./data} $(PY) -m app serve --host $(HOST) --port $(PORT)

# With PostgreSQL there, two pytest processes side by side (tests/conftest.py: LABBOOK_TEST_PART): much
# of the suite waits on the real client's subprocesses, servers and sockets, so one process leaves a
# core idle (42 min serial on a slow day, 28 for the longer of two processes split by dialect). The
# second process's report follows the first's (and is kept in test-artifacts/).
test: install-test test-web  ## the whole suite, on SQLite and (when reachable, always in CI) PostgreSQL
	@if [ -z "$$LABBOOK_TEST_DIALECTS" ] && $(PY) -c "import sys; from tests.support import postgres_reachable; sys.exit(not postgres_reachable())"; then \
	  mkdir -p test-artifacts; \
	  LABBOOK_TEST_PART=2 $(PY) -m pytest -p no:cacheprovider --durations=15 $(PYTEST_ARGS) \
	    > test-artifacts/pytest-part-2.log 2>&1 & second=$$!; \
	  LABBOOK_TEST_PART=1 $(PY) -m pytest --durations=15 $(PYTEST_ARGS); first_status=$$?; \
	  wait $$second; second_status=$$?; \
	  echo "=== part 2: PostgreSQL but the browser tests (test-artifacts/pytest-part-2.log) ==="; \
	  cat test-artifacts/pytest-part-2.log; \
	  echo "=== pytest exit status: part 1 $$first_status, part 2 $$second_status ==="; \
	  [ $$first_status -eq 0 ] && [ $$second_status -eq 0 ]; \
	else \
	  $(PY) -m pytest $(PYTEST_ARGS); \
	fi

lint: install-test  ## the layers of DESIGN.md §2 (.importlinter), ruff's checks and its formatting
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check app tests bench
	$(VENV)/bin/ruff format --check app tests bench

schema: install  ## regenerate schema.graphql from the served schema
	$(PY) -m app export-schema --output schema.graphql

migration: install  ## the next migration from the models' changes: make migration MESSAGE="what changed"
	rm -f /tmp/labbook-migration-base.db
	$(PY) -c "import sys; from app.db.migrate import new_revision; new_revision('sqlite+aiosqlite:////tmp/labbook-migration-base.db', sys.argv[1])" "$(MESSAGE)"

bench: install-test  ## benchmarks (see bench/README.md)
	$(PY) bench/ingest.py
	$(PY) bench/queries.py

clean:
	rm -rf $(VENV) data .pytest_cache
