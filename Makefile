# A newcomer needs only `make serve` and `make test`; both install what they need into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1:8000

.PHONY: install serve build test check bench browser clean golden

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11+ is needed" or 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[site,test]'
	@touch $(STAMP)

install: $(STAMP)

# --livereload is explicit: with click 8.3+ the default can silently turn live reload off.
serve: install
	$(BIN)/mkdocs serve --livereload --dev-addr $(HOST)

build: install
	$(BIN)/mkdocs build --strict

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

test: install browser node_modules/.package-lock.json
	$(BIN)/python -m pytest

# Refresh the golden outputs (tests/golden/expected/) after an intended change; review the diff.
golden: install
	REFRESH_GOLDEN=1 $(BIN)/python -m pytest -q tests/unit/test_golden.py

bench: install browser
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf site $(VENV) node_modules test-artifacts
