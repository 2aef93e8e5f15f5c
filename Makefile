# Attaché: one command to run the demo, one to test. Needs only python3 (>= 3.11).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
FIXTURES := $(sort $(wildcard fixtures/*.json))

.PHONY: help install run serve migrate static demo-data test test-postgres lint format bench bench-load clean

help:
	@echo "make run    set up, migrate, load the demo data and serve on http://$(HOST):$(PORT) (SQLite)"
	@echo "make test   set up and run the whole test suite (SQLite; DATABASE_URL=postgres://... for PostgreSQL)"
	@echo "make lint   ruff check and format check"
	@echo "make bench  benchmarks that print figures"
	@echo "make bench-load  the load test at a million events against PostGraphile and a raw floor (docs/performance.md)"

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/activate pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $@

install: $(VENV)/.installed

migrate: install
	DEBUG=1 $(BIN)/python manage.py migrate --noinput

static: install  # what WhiteNoise serves, as in production (the Dockerfile runs the same step)
	DEBUG=1 $(BIN)/python manage.py collectstatic --noinput -v0

demo-data: migrate
	DEBUG=1 $(BIN)/python manage.py loaddata $(FIXTURES)
	@# The admin/admin superuser only on the embedded SQLite database, or when asked for (DEMO_SUPERUSER=1):
	@# never on a PostgreSQL that DATABASE_URL happens to point at.
	@case "$(DEMO_SUPERUSER):$${DATABASE_URL:-sqlite}" in 1:*|*:sqlite*) \
		DEBUG=1 DJANGO_SUPERUSER_PASSWORD=admin $(BIN)/python manage.py createsuperuser \
		--noinput --username admin --email admin@example.org >/dev/null 2>&1 \
		&& echo "Created the demo superuser admin / admin (development only)." || true ;; \
	*) echo "DATABASE_URL is not SQLite: no demo superuser (DEMO_SUPERUSER=1 creates admin / admin anyway)." ;; esac

run: demo-data static
	@echo "Serving the demo on http://$(HOST):$(PORT)/admin/ (log in as admin / admin)"
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install static
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(BIN)/python bench/bench_generate.py --events 20000

bench-load: install
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[bench]"
	$(BIN)/python bench/load_test.py --output bench/results/latest.md

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache
