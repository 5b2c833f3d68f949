# Every target delegates to uv and the tools; uv itself is installed into .tools/ on first use.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION ?= 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
export UV_PROJECT_ENVIRONMENT := .venv

.PHONY: help install run migrate test test-fast lint fmt docs client bench chaos screenshots browser clean

help:
	@echo "make run      start the platform on its embedded default (SQLite, dev auth server, worker)"
	@echo "make test     run the test suite (SQLite, and PostgreSQL when reachable)"
	@echo "make migrate  apply every service's migrations to the databases under var/"
	@echo "make lint     ruff, mypy, the import contracts (lint-imports) and the tenancy lint;  make fmt  format the code"
	@echo "make docs     regenerate docs/events.md from platform_shared.contracts"
	@echo "make client   regenerate the Python client package (clients/python) from the three OpenAPI documents"
	@echo "make bench    benchmarks (PostgreSQL; BENCH_ARGS=--quick for small sizes), see docs/performance.md"
	@echo "make screenshots  the portal's main pages, in a real browser, into docs/screenshots/"
	@echo "make chaos    the chaos suite (PostgreSQL; CHAOS_ARGS=--notifications 500 for a small run), see docs/operations.md"

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

.venv/.synced: $(UV) pyproject.toml uv.lock shared/pyproject.toml services/*/pyproject.toml packages/*/pyproject.toml
	$(UV) sync --locked --all-packages
	@touch $@

# The SSDA903 validator pins pandas<2 and numpy<1.25: its own project, lock and venv
# (tools/ssda903-validator), called by care-status-api as a subprocess.
VALIDATOR := tools/ssda903-validator
$(VALIDATOR)/.venv/.synced: $(UV) $(VALIDATOR)/pyproject.toml $(VALIDATOR)/uv.lock
	cd $(VALIDATOR) && UV_PROJECT_ENVIRONMENT=.venv ../../$(UV) sync --locked
	@touch $@

# The portal's front end: GOV.UK Frontend, MOJ Frontend (and axe-core for its tests) from the
# npm registry, exactly as services/portal/package-lock.json says; nothing is copied into git.
PORTAL_NODE := services/portal/node_modules
$(PORTAL_NODE)/.installed: services/portal/package.json services/portal/package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed for the portal's front end (Debian: apt-get install npm)"; exit 1; }
	npm ci --prefix services/portal --no-audit --no-fund --loglevel=error
	@touch $@

# The portal's browser tests drive Debian's Chromium (Playwright's own download cannot work
# on closed networks): installed when missing and the user is root, else say how.
browser:
	@command -v chromium >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing chromium (Debian package)"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else echo "chromium is missing: apt-get install chromium (as root) for the portal's browser tests"; fi; }

install: .venv/.synced $(VALIDATOR)/.venv/.synced $(PORTAL_NODE)/.installed browser

migrate: install
	$(UV) run --no-sync python deploy/devrun.py migrate

run: install
	$(UV) run --no-sync python deploy/devrun.py run

test: install
	$(UV) run --no-sync pytest -n auto --dist loadgroup $(PYTEST_ARGS)

test-fast: install
	$(UV) run --no-sync pytest -n auto --dist loadgroup -m "not system" $(PYTEST_ARGS)

# Every check runs, then lint fails if any of them did.
lint: install
	@status=0; \
	$(UV) run --no-sync ruff check . || status=1; \
	$(UV) run --no-sync ruff format --check . || status=1; \
	$(UV) run --no-sync mypy shared/src services/care-status-api/src services/notify-api/src services/incident-api/src services/dev-auth/src packages/notification-proofs/src clients/python/src services/portal/src || status=1; \
	$(UV) run --no-sync lint-imports || status=1; \
	$(UV) run --no-sync pytest tests/lint -q -p no:randomly -p no:cacheprovider || status=1; \
	$(UV) run --no-sync python clients/python/generate.py --check || status=1; \
	exit $$status

fmt: install
	$(UV) run --no-sync ruff format .
	$(UV) run --no-sync ruff check --fix .

docs: install
	$(UV) run --no-sync python -m platform_shared.contracts.document > docs/events.md

client: install
	$(UV) run --no-sync python clients/python/generate.py

# wrk drives the HTTP benchmarks: Debian's package, installed on first use (as root, or sudo).
bench: install
	@command -v wrk >/dev/null || { \
		echo "installing wrk (Debian package)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq wrk; }
	$(UV) run --no-sync python bench/run.py $(BENCH_ARGS)

# The production shape on PostgreSQL, killed and refused while it delivers >= 5,000
# notifications; exits non-zero on anything lost, duplicated or stuck (docs/operations.md).
chaos: install
	$(UV) run --no-sync python tests/system/chaos.py $(CHAOS_ARGS)

# The portal's main pages over the real processes, saved as PNGs (tests/portal/screenshots.py).
screenshots: install
	$(UV) run --no-sync python tests/portal/screenshots.py docs/screenshots

clean:
	rm -rf var .venv $(PORTAL_NODE)
