# Attaché: one command to run the demo, one to test. Needs only python3 (>= 3.11).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
FIXTURES := $(sort $(wildcard fixtures/*.json))

.PHONY: help install run serve migrate static demo-data test test-postgres lint format bench bench-load clean vendor-graphiql check-migrations

help:
	@echo "make run    set up, migrate, load the demo data and serve on http://$(HOST):$(PORT) (SQLite)"
	@echo "make test   set up and run the whole test suite (SQLite; DATABASE_URL=postgres://... for PostgreSQL)"
	@echo "make lint   ruff check and format check, hadolint on the Dockerfile"
	@echo "make check-migrations  no model change without its migration; no migration unsafe for a live deploy"
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
	$(BIN)/hadolint Dockerfile

# Against the database DATABASE_URL names (SQLite by default; CI runs it on PostgreSQL too). Exemptions and their
# reasons: [tool.django_migration_linter] in pyproject.toml.
check-migrations: install
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run
	DEBUG=1 $(BIN)/python scripts/lint_migrations.py

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# GraphiQL's pinned copies (common/static/vendor/graphiql/README.md): the same files, byte for byte, that strawberry's
# own page loads from a CDN. Needs npm; bump a version here, in the README and in common/templates/graphql/graphiql.html.
GRAPHIQL_VENDOR   := common/static/vendor/graphiql
GRAPHIQL_PACKAGES := react@18.2.0 react-dom@18.2.0 graphiql@3.8.3 @graphiql/plugin-explorer@1.0.2

vendor-graphiql:
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	(cd "$$tmp" && npm pack --silent $(GRAPHIQL_PACKAGES) >/dev/null); \
	for tgz in "$$tmp"/*.tgz; do mkdir "$${tgz%.tgz}"; tar -xzf "$$tgz" -C "$${tgz%.tgz}" --strip-components=1; done; \
	rm -rf $(GRAPHIQL_VENDOR)/*/; \
	mkdir -p $(GRAPHIQL_VENDOR)/react-18.2.0 $(GRAPHIQL_VENDOR)/react-dom-18.2.0 \
		$(GRAPHIQL_VENDOR)/graphiql-3.8.3 $(GRAPHIQL_VENDOR)/plugin-explorer-1.0.2; \
	cp "$$tmp"/react-18.2.0/umd/react.production.min.js "$$tmp"/react-18.2.0/LICENSE $(GRAPHIQL_VENDOR)/react-18.2.0/; \
	cp "$$tmp"/react-dom-18.2.0/umd/react-dom.production.min.js "$$tmp"/react-dom-18.2.0/LICENSE \
		$(GRAPHIQL_VENDOR)/react-dom-18.2.0/; \
	cp "$$tmp"/graphiql-3.8.3/graphiql.min.js "$$tmp"/graphiql-3.8.3/graphiql.min.css "$$tmp"/graphiql-3.8.3/LICENSE \
		$(GRAPHIQL_VENDOR)/graphiql-3.8.3/; \
	cp "$$tmp"/graphiql-plugin-explorer-1.0.2/dist/index.umd.js "$$tmp"/graphiql-plugin-explorer-1.0.2/dist/style.css \
		$(GRAPHIQL_VENDOR)/plugin-explorer-1.0.2/; \
	cd $(GRAPHIQL_VENDOR) && for f in */*.js */*.css; do \
		echo "$$f sha384-$$(openssl dgst -sha384 -binary "$$f" | openssl base64 -A)"; done

bench: install
	$(BIN)/python bench/bench_generate.py --events 20000

bench-load: install
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[bench]"
	$(BIN)/python bench/load_test.py --output bench/results/latest.md

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache
