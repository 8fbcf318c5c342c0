# Tillit: `make serve` to preview, `make check` for the quick tests (no browser, under 30 s), `make test` for everything.
# `make help` lists all targets. The Python code is the tillit/ package (pyproject.toml), installed into .venv.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The published address is site_url in mkdocs.yml; SITE_URL=https://… overrides it for one build.
# Material's end-of-life notice (5 May 2027) is left on: UNDERHALL.md, "Plattform och livslängd", says what we do.

# The tillit/ package of THIS folder, also in a copy of the project (`make install` installs this checkout's for editors)
export PYTHONPATH := $(CURDIR)

.DEFAULT_GOAL := help
.PHONY: help serve build build-site check test lint pipeline install install-test browser clean bench pdf offline csp redirects deploy rollback smoke precompress

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/mkdocs: requirements/docs.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/docs.txt -e .
	touch $@

$(BIN)/pytest: $(BIN)/mkdocs requirements/test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/test.txt
	touch $@

install: $(BIN)/mkdocs ## Install the site's tools into .venv

install-test: $(BIN)/pytest browser node_modules/.package-lock.json ## Install the test tools (and Debian's Chromium and Firefox ESR when root)

browser: ## Make sure Debian's Chromium, Firefox ESR and the test programs are installed
	@bash scripts/install_system_deps.sh

serve: install ## Live preview on http://127.0.0.1:8000/
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: build-site pdf ## Build the complete site into site/, with the PDFs, precompressed files and the passed mark
	$(MAKE) -s precompress SITE=site
	$(BIN)/python scripts/deploy.py mark site   # site.checked: this exact build passed (make deploy refuses without it)

build-site: install ## Build the site into site/ and check it, without printing the PDFs (no browser)
	rm -f site.checked   # written again by make build only when every step passed (make deploy needs it)
	$(BIN)/mkdocs build --strict --clean --site-dir site
	$(BIN)/python -m tillit.checks --site site   # every authoring rule, named by docs/ file and line
	$(BIN)/python -m tillit.csp site .cache/csp-hashes.conf   # this build's inline scripts (tests/site/test_csp_hashes.py)
	@cmp -s .cache/csp-hashes.conf deploy/csp-hashes.conf || echo "NOTE: the inline scripts changed: run 'make csp', commit deploy/csp-hashes.conf and copy it to nginx"
	@$(BIN)/python -m tillit.nginx .cache/redirects.conf >/dev/null && cmp -s .cache/redirects.conf deploy/redirects.conf || echo "NOTE: extra.redirects changed: run 'make redirects', commit deploy/redirects.conf and copy it to nginx"

ifneq ($(filter deploy rollback,$(MAKECMDGOALS)),)
ifeq ($(DEST),)
$(error Write: make $(filter deploy rollback,$(MAKECMDGOALS)) DEST=/var/www/tillit/tsl (the link nginx serves; UNDERHALL.md: Publicera))
endif
endif
# make deploy/rollback: scripts/deploy.py (UNDERHALL.md: Publicera); make smoke: scripts/smoke.py, from outside, after a deploy
deploy: build ## Build, check and publish: make deploy DEST=/var/www/tillit/tsl (DEST: a link switched atomically; 3 earlier releases kept)
	$(BIN)/python scripts/deploy.py publish site "$(DEST)"

rollback: ## Switch DEST back to the release before the current one: make rollback DEST=/var/www/tillit/tsl
	$(BIN)/python scripts/deploy.py rollback "$(DEST)"

smoke: ## Check a published site from outside: make smoke URL=https://intranat.kommun.se/tsl/ (one line per check)
	$(BIN)/python scripts/smoke.py "$(URL)"

SITE ?= site
# Text files over 1 kB (find's +1k), level 9; gzip -k keeps the file and gives the .gz its time (nginx's Last-Modified)
precompress: ## Write name.gz next to each bigger text file of SITE (default site/): nginx's gzip_static sends it as it is
	find $(SITE) -type f -size +1k \( -name '*.html' -o -name '*.css' -o -name '*.js' -o -name '*.json' -o -name '*.xml' \
	  -o -name '*.svg' -o -name '*.txt' -o -name '*.map' -o -name '*.webmanifest' \) -exec gzip -9 -k -n -f {} +

redirects: ## Write deploy/redirects.conf (nginx's 301s) from mkdocs.yml extra.redirects
	$(BIN)/python -m tillit.nginx

csp: ## Write deploy/csp-hashes.conf (nginx's CSP hashes) from the built site/ (after a Material upgrade)
	$(BIN)/python -m tillit.csp site deploy/csp-hashes.conf

pdf: install ## Print the onboarding PDFs and the card sets into an existing site/ build (site/pdf/, site/en/pdf/)
	@bash scripts/install_system_deps.sh chromium
	$(BIN)/python -m tillit.pdfs site
	$(BIN)/python -m tillit.cards site

lint: $(BIN)/pytest ## Check the Python code's style (ruff, settings in pyproject.toml)
	$(BIN)/ruff check .

pipeline: install ## Print the build's real event order (MkDocs' own table); the table in UNDERHALL.md is this output
	@$(BIN)/python scripts/pipeline.py

# Markers (pytest.ini; conftest.py sets them from the folder and the fixtures a test uses): browser = Chromium,
# slow = builds a copy or serves through nginx, pdf = reads the printed PDFs, bench = measures (make bench).
check: $(BIN)/pytest build-site ## Build the site and run every test that needs no browser and no printed PDF (< 30 s)
	@bash scripts/install_system_deps.sh hunspell hunspell-sv hunspell-en-gb   # the spelling test's dictionaries
	@$(BIN)/python -m tillit.translations   # every translation behind its Swedish page (not an error)
	SITE_DIR=site $(BIN)/pytest -m "not browser and not slow and not bench and not pdf" -n 2

test: install-test build ## Build the site and run every test (about ten minutes on 2 cores: UNDERHALL.md)
	SITE_DIR=site $(BIN)/pytest -m "not bench" -n 2   # two processes (pytest-xdist), one per core

bench: install-test build ## Measure build cost, page weight, Lighthouse, search and gzip_static into BENCHMARKS.md
	$(BIN)/python scripts/bench.py
	SITE_DIR=site $(BIN)/pytest -m bench   # Lighthouse on every template and language; bench.py's smoke run

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund   # pinned checkers (axe-core, vnu-jar, lighthouse, the HTTP Observatory), puppeteer-core (Firefox), iframe-worker
	echo '{}' > node_modules/@mdn/mdn-http-observatory/conf/hsts-preload.json   # what its skipped install step downloads (Chromium's HSTS preload list): an intranet host is not on it

OFFLINE_DIR ?= dist
offline: install node_modules/.package-lock.json ## Offline bundle $(OFFLINE_DIR)/tillit-offline.zip (opens from file://, search works)
	rm -rf $(OFFLINE_DIR)/tillit-offline $(OFFLINE_DIR)/tillit-offline.zip
	OFFLINE=true $(BIN)/mkdocs build --strict --clean --quiet --site-dir $(abspath $(OFFLINE_DIR))/tillit-offline
	cd $(OFFLINE_DIR) && $(abspath $(BIN))/python -m zipfile -c tillit-offline.zip tillit-offline

.PHONY: urls urls-check new-page translated
# update_url_contract.py exits 0 (unchanged), 1 (urls.txt updated), 2 (a published URL broke), 3 (ids differ between
# languages: nothing written), 4 (the build failed). `make urls` is for writers: an update is a success. `make
# urls-check` is for CI.
urls: install ## Add new pages and sections to urls.txt (refuses ids that differ between languages)
	@$(BIN)/python scripts/update_url_contract.py; rc=$$?; \
	if [ $$rc -eq 1 ]; then echo "OK: urls.txt är uppdaterad. Läs raderna med + ovan och committa urls.txt. (urls.txt updated: review and commit it)"; \
	elif [ $$rc -ne 0 ]; then exit $$rc; fi

urls-check: install ## Fail when urls.txt lacks a published URL or a listed URL broke (writes nothing; for CI)
	$(BIN)/python scripts/update_url_contract.py --check

translated: install ## Mark a page's translations checked against its Swedish text: make translated PAGE=kommuner/boras
	@test -n "$(PAGE)" || { echo 'Write: make translated PAGE=kommuner/boras'; exit 2; }
	$(BIN)/python -m tillit.translations mark $(PAGE)

new-page: install ## New page in every language: make new-page PAGE=tsl/ny-sida TITLES='"Ny sida" "New page"'
	@test -n "$(PAGE)" || { echo 'Write: make new-page PAGE=tsl/ny-sida TITLES='"'"'"Ny sida" "New page"'"'"; exit 2; }
	$(BIN)/python scripts/new_page.py $(PAGE) $(TITLES)

clean: ## Remove build output
	rm -rf site site.checked .pytest_cache
