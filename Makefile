# A newcomer needs only `make serve` and `make test`; both install what they need into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1:8000
# Material's end-of-life notice on every build: the project already builds with its successor
# (ENGINE=zensical, see the README), so the notice is left out of make's output.
export NO_MKDOCS_2_WARNING := 1
# The site engine: mkdocs (MkDocs + Material, with the plugin) or zensical (Material's successor),
# both from the one mkdocs.yml.
ENGINE ?= mkdocs
ifeq ($(filter $(ENGINE),mkdocs zensical),)
$(error ENGINE must be mkdocs or zensical, not '$(ENGINE)')
endif

.PHONY: install serve build test test-unit lint check bench browser clean golden

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11+ is needed" or 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[site,zensical,test]'
	@touch $(STAMP)

install: $(STAMP)

# Zensical runs no MkDocs plugin: `mentor-gallery pages` first writes the generated pages into
# docs/ (rewriting only what changed). For serve, `pages --watch` keeps them current in the
# background and is stopped, by its process id, when the server stops. For build, `pages
# --build-with` runs Zensical into a staging folder, checks it as `pages --verify` does (a missing
# generated page, which Zensical's --strict does not report, or a private contact) and only then
# moves it into site/: a failed build or check leaves site/ as it was, as the MkDocs build does.
# `pages` also writes .mentor-gallery-engine.yml (mkdocs.yml plus the home page's live parts,
# which the plugin sets for MkDocs in memory): the server and the staged build read it.
ifeq ($(ENGINE),zensical)
serve: install
	$(BIN)/mentor-gallery pages
	@$(BIN)/mentor-gallery pages --watch --stop-with $$$$ & watcher=$$!; \
	  trap 'kill $$watcher 2>/dev/null' EXIT; trap 'exit 130' INT TERM; \
	  $(BIN)/zensical serve -f .mentor-gallery-engine.yml --dev-addr $(HOST)

build: install
	$(BIN)/mentor-gallery pages
	$(BIN)/mentor-gallery pages --build-with $(BIN)/zensical build --strict
else
# --livereload is explicit: with click 8.3+ the default can silently turn live reload off.
serve: install
	$(BIN)/mkdocs serve --livereload --dev-addr $(HOST)

build: install
	$(BIN)/mkdocs build --strict
endif

check: install
	$(BIN)/mentor-gallery check content

# Debian's chromium drives the browser tests; axe-core (npm) audits accessibility.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing chromium from the system package manager"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# Checks that need neither a build nor a browser, in seconds: ruff and mypy on the Python,
# tsc on the browser scripts (their JSDoc types and the data files' shapes, jsconfig.json).
lint: install node_modules/.package-lock.json
	$(BIN)/ruff check
	$(BIN)/mypy
	node_modules/.bin/tsc -p jsconfig.json

# pytest-xdist workers for the unit and browser tiers: one per core.
WORKERS ?= $(shell nproc 2>/dev/null || echo 1)

# The fast tier, under a minute: lint, the browser scripts' own tests in Node, the unit tests.
test-unit: lint
	node --test tests/js/*.test.js
	$(BIN)/python -m pytest -m unit -n $(WORKERS)

# Everything: the fast tier, then the site and browser tiers together on every core, so that
# neither core waits for the other tier (each worker builds and serves its own sites on ports of
# its own; a test file stays on one worker, so the sites its module fixtures build are built once).
# Files are handed out longest first (tests/conftest.py, LONGEST_FIRST), in that order.
test: install browser node_modules/.package-lock.json test-unit
	$(BIN)/python -m pytest -m "site or browser" -n $(WORKERS) --dist loadfile --no-loadscope-reorder tests/site tests/browser

# Refresh the golden outputs (tests/golden/expected/) after an intended change; review the diff.
golden: install
	REFRESH_GOLDEN=1 $(BIN)/python -m pytest -q tests/unit/test_golden.py

bench: install browser
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf site $(VENV) node_modules test-artifacts
