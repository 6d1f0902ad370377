"""Write an HTML copy of each executed notebook and say what `make demo` left where.

    python scripts/demo_summary.py results/notebooks

For every ``*.ipynb`` in the folder: count its charts (``image/png`` and ``image/svg+xml``
outputs), write ``NAME.html`` beside it (charts embedded, so it opens offline in any browser),
and print one line. Exits with status 1 if a notebook that draws charts (02, 03, 04) saved none,
so a demo whose figures were lost does not pass as done.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

CHART_TYPES = ("image/png", "image/svg+xml")
#: Notebooks that must hold at least one chart once executed.
MUST_HAVE_CHARTS = ("02_", "03_", "04_")


def count_charts(nb: nbformat.NotebookNode) -> int:
    """How many chart outputs (PNG or SVG) the executed notebook holds."""
    return sum(1 for cell in nb.cells if cell.cell_type == "code"
               for out in cell.get("outputs", [])
               if any(t in out.get("data", {}) for t in CHART_TYPES))


def main(folder: str) -> int:
    results = Path(folder)
    exporter = HTMLExporter()
    status = 0
    print(f"\nDone. In {results}/ (open the .html files in any browser, the .ipynb in Jupyter):")
    for path in sorted(results.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        charts = count_charts(nb)
        html, _ = exporter.from_notebook_node(nb)
        html_path = path.with_suffix(".html")
        html_path.write_text(html, encoding="utf-8")
        print(f"  {path.name:<28} {charts:>2} chart(s)   {html_path.name}")
        if charts == 0 and path.name.startswith(MUST_HAVE_CHARTS):
            print(f"  ERROR: {path.name} saved no chart", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "results/notebooks"))
