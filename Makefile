# The project's interface: `make serve`, `make build`, `make test` (see README).
# Each target installs what it needs into .venv first, so a fresh clone needs nothing else.

VENV    := .venv
PYTHON  := $(VENV)/bin/python
MKDOCS  := $(VENV)/bin/mkdocs
HOST    ?= 127.0.0.1:8000

# Material 9.8 prints an end-of-life banner on every run; it is noise for this project.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: serve build pdfs test test-quick lint lock browser topic urls models test-models clean

serve: $(VENV)/.installed
	$(MKDOCS) serve --strict --livereload --dirty -a $(HOST)

build: $(VENV)/.installed
	$(MKDOCS) build --strict --clean

# The site with its PDF editions in site/pdf/ (the whole course, each part, each reading path), linked from
# the print page, each part's first topic and each reading path: Chromium prints them through Playwright
# with script disabled (topicgraph/pdfprint.py). The deploy job publishes this build.
pdfs: $(VENV)/.installed-dev browser
	PDFS=true $(MKDOCS) build --strict --clean

# Two processes (pytest-xdist): most tests wait on a build or a browser, one core each. Each test file
# stays in one process, the longest handed out first (tests/conftest.py).
PARALLEL := -n 2 --dist loadfile --no-loadscope-reorder

test: $(VENV)/.installed-dev browser node_modules/.installed
	$(VENV)/bin/ruff check .
	$(PYTHON) -m pytest $(PARALLEL)

# While writing: everything but the browser tests, the quality gates and the bad-input corpus.
test-quick: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(PYTHON) -m pytest $(PARALLEL) --ignore=tests/browser --ignore=tests/quality --deselect tests/test_bad_input_corpus.py

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .

# Scaffold a topic: make topic ID=arms-control TITLE="Arms control" PART="Mitigation" PREREQS="arms-races"
topic: $(VENV)/.installed
	$(PYTHON) scripts/new_topic.py "$(ID)" "$(TITLE)" --part "$(PART)" --prerequisites $(PREREQS)

# Add every URL the site now publishes to the committed manifest (old ones stay: they must keep resolving).
urls: build
	{ grep -v '^# ' published-urls.txt 2>/dev/null; cat site/published-urls.txt; } | sort -u > published-urls.tmp
	{ echo '# Every published URL; the build fails if one stops resolving. Update with: make urls'; \
	  cat published-urls.tmp; } > published-urls.txt && rm published-urls.tmp

# Models are data, not build steps: play the iterated prisoner's dilemma with axelrod (and torch,
# pandas, scipy...) in their own venv and write figures/data/ipd-*.json, which the build reads and
# checks against the model code's SHA-256. Run after changing figures/models/ipd.py or export.py.
MODELS_VENV := .venv-models

models: $(MODELS_VENV)/.installed
	$(MODELS_VENV)/bin/python -m figures.models.export

# The tests that need axelrod itself (tests/models/), in the models' venv; `make test` skips them.
test-models: $(MODELS_VENV)/.installed-dev
	$(MODELS_VENV)/bin/python -m pytest -p no:cacheprovider --noconftest tests/models

$(MODELS_VENV)/.installed: requirements-models.txt
	test -x $(MODELS_VENV)/bin/python || python3 -m venv $(MODELS_VENV)
	$(MODELS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-models.txt
	touch $@

$(MODELS_VENV)/.installed-dev: requirements-dev.txt $(MODELS_VENV)/.installed
	$(MODELS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check \
		$$(grep -E '^pytest==' requirements-dev.txt)
	touch $@

# Headless Chromium for the browser tests (Debian's package; Playwright cannot download browsers here).
browser:
	@scripts/ensure-chromium.sh

# axe-core and the Nu HTML Checker for the quality gates (tests/quality/), at package-lock.json's versions.
# --ignore-scripts: vnu-jar's install script would download a Java runtime; Debian's is used instead.
node_modules/.installed: package.json package-lock.json
	@scripts/ensure-node-java.sh
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

# Installs come from the hash-locked files (every package, dependencies included, with its hashes);
# requirements*.txt say what the site needs, and `make lock` turns them into the locks.
# The engine (topicgraph/) is then installed from this checkout, editable and without dependencies (the
# lock has them), so that MkDocs finds the `topicgraph` plugin and an edit to it takes effect at once.
$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.installed-dev: requirements-dev.lock $(VENV)/.installed
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	touch $@

# After editing requirements.txt or requirements-dev.txt: resolve them again, with hashes (pip-tools,
# in a venv of its own), into requirements.lock and requirements-dev.lock. Commit all four.
lock:
	test -x .venv-lock/bin/pip-compile || { python3 -m venv .venv-lock && \
		.venv-lock/bin/pip install --quiet --disable-pip-version-check pip-tools==7.7.0; }
	for name in requirements requirements-dev; do \
		CUSTOM_COMPILE_COMMAND="make lock" .venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe \
			--strip-extras --no-emit-index-url --no-emit-find-links -o $$name.lock $$name.txt || exit 1; \
	done

clean:
	rm -rf site .cache .pytest_cache
