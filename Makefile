# The checks CI runs (.ci/run), for a developer's machine: `make check` before pushing.
PYTHON ?= python3

.PHONY: check lint test

check: lint test

# Static checks first: seconds, where the tests take minutes.
lint:
	$(PYTHON) -m ruff check vigil tests bench
	$(PYTHON) -m mypy
	lint-imports

test:
	$(PYTHON) -m pytest -q
