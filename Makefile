# The two commands a newcomer needs: `make run` and `make test`. Everything else is help.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test rules routes fuzz lint format assets check-compose clean-data help dataset bench

# make dataset SCALE=demo|national|world; make bench (SCALE=world adds the world sweep)
SCALE ?= national
# One test process more than the machine has cores: a browser test spends about half its time
# waiting on Chromium and the server it drives, and the extra process uses what that leaves
# idle (on 2 cores: 731 s of pytest with 2, 677 s with 3). WORKERS=n overrides.
WORKERS ?= $(shell echo $$(( $$(getconf _NPROCESSORS_ONLN) + 1 )))

help:
	@echo "make run     set up, then serve the demo on http://127.0.0.1:8000 (PORT overrides)"
	@echo "make test    set up, then run the whole suite"
	@echo "make rules   how many tests prove each Bangkok Rule"
	@echo "make routes  every page and API route, with the action and rules behind it"
	@echo "make fuzz    schemathesis over the whole API with many examples"
	@echo "make lint    ruff, mypy over services, permissions and reading, the import contracts"
	@echo "make assets  rebuild the compiled front-end (needs npm)"
	@echo "make dataset SCALE=demo|national|world   a generated dataset in its own database"
	@echo "make bench   the performance targets (QUALITY.md P1-P8) on the national dataset"

$(STAMP): pyproject.toml
	@test -x $(PY) || "$$(scripts/find-python)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

run: $(STAMP)
	$(PY) -m bangkok.launcher run

test: $(STAMP)
	scripts/test-services
	$(PY) -m bangkok.launcher test -n $(WORKERS) --dist worksteal --durations=15

rules: $(STAMP)
	@DATABASE_URL=postgres://unused/unused SECRET_KEY=rules $(PY) -m pytest --rules-report -q -p no:warnings | grep -E '^(Rule|    enforced by|[0-9]+ rules)'

routes: $(STAMP)
	@DATABASE_URL=postgres://unused/unused SECRET_KEY=routes STATIC_MANIFEST=0 $(PY) -m bangkok.routes

fuzz: $(STAMP)
	scripts/test-services
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-500} FUZZ_REFUSED_EXAMPLES=$${FUZZ_REFUSED_EXAMPLES:-50} $(PY) -m bangkok.launcher test bangkok/tests/test_api_fuzz.py -n auto --durations=20

# mypy loads the settings, which need a database URL and a key; it connects to nothing.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DATABASE_URL=postgres://unused/unused SECRET_KEY=lint $(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-logo

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

dataset: $(STAMP)
	$(PY) -m bangkok.launcher manage dataset --scale $(SCALE)

bench: $(STAMP)
	$(PY) -m bangkok.launcher manage bench $(if $(filter world,$(SCALE)),--scale world,)

assets:
	bash frontend/build.sh

clean-data:
	rm -rf var
