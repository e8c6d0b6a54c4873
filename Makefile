# Two commands for a new user: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-postgres lint typecheck unit bench clean

STACKFAQ ?= ../shared/benchmarks/stackfaq
BENCH_STAMP := $(VENV)/.installed-bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m bot run

lint: $(STAMP)
	$(BIN)/ruff check bot tests bench
	$(BIN)/ruff format --check bot tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

# Tests run in parallel on every core (pytest-xdist); `-n 0` in PYTEST_ARGS runs them in one.
PYTEST_ARGS ?= -n auto
# bot/ and tests/ compiled first, once: with PYTHONDONTWRITEBYTECODE set (the Dockerfile sets
# it, and so do many container images) no process keeps what it compiled, and each of the
# well over a hundred `python -m bot` and child processes the tests start compiled the code it
# imports again (about 0.15 s of CPU each, a third of a `kb stats`). Python only reads them.
unit: $(STAMP)
	$(BIN)/python -m compileall -q bot tests
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

# Without NEWSDESK_TEST_POSTGRES (a URL of a role that may create databases) the PostgreSQL
# tests are skipped, and pytest says so in one line.
test: lint typecheck unit

# `make test` on PostgreSQL too: a throwaway cluster started as CI does (.ci/run), removed after.
test-postgres: $(STAMP)
	@cluster=$$(mktemp -d /tmp/newsdesk-postgres.XXXXXX); \
	trap 'bash tests/postgres_cluster.sh destroy "$$cluster"' EXIT; \
	NEWSDESK_TEST_POSTGRES=$$(bash tests/postgres_cluster.sh start "$$cluster") && \
	export NEWSDESK_TEST_POSTGRES && $(MAKE) --no-print-directory test

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $(BENCH_STAMP)

# Quality and speed figures (not tests): tables and plots go to bench/results/.
bench: $(BENCH_STAMP)
	$(BIN)/python -m bench.heldout
	$(BIN)/python -m bench.calibrate
	$(BIN)/python -m bench.seed_quality
	$(BIN)/python -m bench.stackfaq --data $(STACKFAQ)
	$(BIN)/python -m bench.scale

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
	find bot tests bench -name __pycache__ -prune -exec rm -rf {} +
