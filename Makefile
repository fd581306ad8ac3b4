# Two commands: `make serve` (live preview) and `make test` (all tests).
# Each one first creates .venv and installs the pinned dependencies if needed.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
export NO_MKDOCS_2_WARNING := 1
# Compiled modules kept (__pycache__/, ignored by git), even where the machine says not to: each build and each
# `ssp` command of the tests would otherwise compile the package again.
unexport PYTHONDONTWRITEBYTECODE
# The presentation, for a try without editing mkdocs.yml: `make serve PRESENTATION=neutre` (etat: the DSFR).
ifdef PRESENTATION
export SSP_PRESENTATION := $(PRESENTATION)
endif
# The engine: ProperDocs (maintained MkDocs 1.6), or `ENGINE=mkdocs` for MkDocs 1.6.1 itself.
ENGINE ?= properdocs
export SSP_ENGINE := $(ENGINE)

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get

.PHONY: npm-tool serve build test test-rapide lint test-mkdocs mutation verifier liens bench bench-lecteurs bench-recherche verifier-affiches captures lighthouse debian-tools gates-tools clean

# Python: the site and the tests (versions pinned in requirements*.txt).
# Not compiled at install (--no-compile): what is imported is compiled at its first import and kept (see above),
# the rest never is; the installation takes 18 s instead of 30 on a clean machine.
$(READY): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-compile -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-compile --no-deps -e .
	touch $(READY)

# Quality-gate tools: axe-core and vnu-jar (npm, pinned in package-lock.json), Debian's
# Chromium for the browser tests, a Java runtime for the Nu Html Checker.
node_modules/.ready: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

node_modules/.ready: | debian-tools

# Debian packages the gates need: Chromium, a Java runtime, and npm if the machine has none.
debian-tools:
	@command -v chromium >/dev/null && command -v java >/dev/null && command -v npm >/dev/null || { \
	  $(APT) update -qq && $(APT) install -y -qq --no-install-recommends chromium default-jre-headless \
	    $$(command -v npm >/dev/null || echo npm); }

gates-tools: debian-tools node_modules/.ready

# The State design system (DSFR) for the « etat » presentation: npm, pinned in tools/dsfr/package-lock.json.
DSFR := tools/dsfr/node_modules/.ready
$(DSFR): tools/dsfr/package.json tools/dsfr/package-lock.json | npm-tool
	cd tools/dsfr && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# npm alone (Debian's package) when the machine has none: the site's build needs no browser.
npm-tool:
	@command -v npm >/dev/null || { $(APT) update -qq && $(APT) install -y -qq --no-install-recommends npm; }

serve: $(READY) $(DSFR)  ## Prévisualisation sur http://127.0.0.1:8000, mise à jour à chaque enregistrement
	$(BIN)/$(ENGINE) serve -f mkdocs.yml

build: $(READY) $(DSFR)  ## Construction stricte du site dans site/
	$(BIN)/$(ENGINE) build --strict -f mkdocs.yml

# --dist worksteal: a process out of tests takes some of the other's (by default, one ran alone for the last 100 s).
test: $(READY) $(DSFR) gates-tools lint  ## Tous les tests, contrôles de qualité compris (un processus par cœur)
	$(BIN)/python -m pytest -n auto --dist worksteal

test-rapide: $(READY)  ## Les tests du cœur seul, en moins d'une minute (ni construction, ni navigateur, ni commande `ssp`)
	$(BIN)/python -m pytest -n auto -q -m "unit and not command and not slow"

lint: $(READY)  ## Style et types du code Python (ruff, mypy ; réglages dans pyproject.toml)
	$(BIN)/ruff check hooks tests bench tools .ci
	$(BIN)/mypy

test-mkdocs:  ## Tous les tests, le site construit par MkDocs 1.6.1 au lieu de ProperDocs
	$(MAKE) test ENGINE=mkdocs

verifier: $(READY)  ## Vérifie le contenu sans construire le site
	$(BIN)/ssp verifier $(if $(FORMAT),--format $(FORMAT))

liens: $(READY)  ## Vérifie que les liens externes répondent (Internet requis ; pas en CI)
	$(BIN)/ssp liens

bench: $(READY) $(DSFR)  ## Mesure la construction à 500, 5 000 et 20 000 actions (comparée à Material seul) et la prévisualisation
	$(BIN)/python bench/run.py $(SIZES)
	$(BIN)/python bench/preview.py 5000

bench-lecteurs: $(READY) $(DSFR) gates-tools  ## La liste d'une édition de 2 000 et 10 000 actions sur un téléphone simulé (processeur ralenti 4×)
	$(BIN)/python bench/readers.py $(SIZES)

bench-recherche: $(READY) $(DSFR) gates-tools  ## Ce que télécharge une première recherche, pour une édition de 2 000 et 10 000 actions
	$(BIN)/python bench/search.py $(SIZES)

verifier-affiches: $(READY) $(DSFR) gates-tools  ## Les affiches d'une édition de 2 000 actions imprimées par Chromium, dans les deux présentations : aucune ne perd sa dernière ligne
	$(BIN)/python bench/posters.py $(SIZES)

tools/lighthouse/node_modules/.ready: tools/lighthouse/package.json tools/lighthouse/package-lock.json | debian-tools
	cd tools/lighthouse && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

captures: $(READY) $(DSFR) gates-tools  ## Les images des parcours des lecteurs (téléphone, 390 px) que montre le README, dans captures/
	rm -rf captures && SSP_CAPTURES=$(CURDIR)/captures $(BIN)/python -m pytest -q tests/browser/test_journeys.py

lighthouse: $(READY) $(DSFR) tools/lighthouse/node_modules/.ready  ## Scores Lighthouse (mobile) de chaque gabarit de page et d'une liste de 2 000 actions
	$(BIN)/python bench/lighthouse.py $(PAGES)

$(VENV)/.mutation: $(READY) requirements-mutation.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-mutation.txt
	touch $@

mutation: $(VENV)/.mutation  ## Tests de mutation du cœur (fields, validate, frenchdates, exports/ics, urls) : score par module, ≥ 90 % attendu
	$(BIN)/python tools/mutation.py $(MODULES)

clean:
	rm -rf site site.partiel site.partiel.recherche .cache $(VENV) .pytest_cache .hypothesis
