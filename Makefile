# newslab: two commands do everything on a fresh machine with Python 3.11.
#   make demo   set up .venv (package + spaCy model) and run the notebooks on the demo article
#   make test   set up .venv (with test tools) and run the whole test suite
#   make lab    open JupyterLab on the notebooks
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.newslab-installed
RESULTS = results/notebooks
NOTEBOOKS = $(sort $(wildcard notebooks/[0-9]*.ipynb))

.PHONY: setup demo test lab clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

setup: $(STAMP)

# The notebooks draw with matplotlib's inline backend, so every chart is saved in the executed
# notebook (an MPLBACKEND=Agg from the environment would silently drop them).
demo: setup
	@mkdir -p $(RESULTS)
	MPLBACKEND=module://matplotlib_inline.backend_inline $(BIN)/jupyter nbconvert --to notebook \
		--execute --ExecutePreprocessor.timeout=900 --output-dir $(RESULTS) $(NOTEBOOKS)
	@$(BIN)/python scripts/demo_summary.py $(RESULTS)
	@echo "Open the notebooks in JupyterLab with:  make lab   (then browse to $(RESULTS)/ or notebooks/)"

test: setup
	MPLBACKEND=Agg $(BIN)/python -m pytest tests --doctest-modules newslab --nbmake notebooks -p no:cacheprovider

lab: setup
	$(BIN)/jupyter lab --notebook-dir=.

clean:
	rm -rf $(VENV) results build *.egg-info
