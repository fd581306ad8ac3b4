# Two commands: `make serve` (live preview) and `make test` (all tests).
# Each one first creates .venv and installs the pinned dependencies if needed.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build test verifier clean

$(READY): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(READY)

serve: $(READY)  ## Prévisualisation sur http://127.0.0.1:8000, mise à jour à chaque enregistrement
	$(BIN)/mkdocs serve

build: $(READY)  ## Construction stricte du site dans site/
	$(BIN)/mkdocs build --strict

test: $(READY)  ## Tous les tests
	$(BIN)/python -m pytest

clean:
	rm -rf site $(VENV) .pytest_cache .hypothesis
