"""Time and peak memory of analysing one very long text (read in parts), by size.

Usage (from the repository root)::

    .venv/bin/python benchmarks/long_text.py                 # 1, 2.5 and 10 MB
    .venv/bin/python benchmarks/long_text.py --sizes 0.5 1   # sizes in millions of characters

The text is newslab's Wikinews articles (``data/wikinews``), paragraph by paragraph, repeated to
the size asked, with a headline first and an attributed quotation as the last paragraph (a
transcript or a whole corpus pasted at once). Each size runs in its own process, so the peak
memory (max RSS) is that size's alone. Printed per size: seconds for ``parse_text``, the Doc
(spaCy over the parts, :mod:`newslab.long_text`), each table, peak memory, and the ratios to the
first size — time and memory that grow with the length (ratio ~ size ratio) and not with its
square. The last paragraph's quotation must be in ``quotes`` (checked).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("MPLBACKEND", "Agg")
LAST = ('Rasmussen told reporters on Friday: "The alliance will finish this work before the '
        'end of the year."')
TABLES = ("entities", "actors", "quotes", "statements")


def build_text(n_chars: int) -> str:
    paras = []
    for path in sorted((REPO / "data" / "wikinews").glob("*.txt")):
        paras += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n")
                  if len(p.split()) > 12]
    head, tail = "A whole corpus pasted at once\n\n", "\n\n" + LAST
    body, size, i = [], len(head) + len(tail), 0
    while size < n_chars:
        body.append(paras[i % len(paras)])
        size += len(body[-1]) + 2
        i += 1
    text = head + "\n\n".join(body)
    return text[: n_chars - len(tail)].rstrip() + tail


def measure(n_chars: int) -> dict:
    """Run in a child process: one size, every stage timed."""
    import newslab

    nlp = newslab.load_model()
    text = build_text(n_chars)
    out = {"chars": len(text)}
    t = time.perf_counter()
    art = newslab.parse_text(text)
    out["parse_text"] = time.perf_counter() - t
    a = newslab.analyze(art, nlp=nlp)
    t = time.perf_counter()
    out["tokens"] = len(a.doc)
    out["doc"] = time.perf_counter() - t
    for name in TABLES:
        t = time.perf_counter()
        out[f"rows_{name}"] = len(getattr(a, name))
        out[name] = time.perf_counter() - t
    last = a.quotes.iloc[-1]
    out["last_quote_found"] = bool(last["quote"] == LAST[LAST.index('"') + 1:-1]
                                   and last["speaker"] == "Rasmussen")
    out["total"] = sum(out[k] for k in ("parse_text", "doc") + TABLES)
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 2.5, 10],
                    help="sizes in millions of characters (default 1 2.5 10)")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(measure(args.child)))
        return 0
    print(f"{'chars':>12} {'tokens':>10} {'parse':>7} {'doc':>8} "
          + " ".join(f"{t:>10}" for t in TABLES) + f" {'total s':>9} {'peak MB':>8} "
          f"{'s/Mchar':>8} {'MB/Mchar':>9}  last quote", flush=True)
    first = None
    for size in args.sizes:
        n = int(size * 1_000_000)
        run = subprocess.run([sys.executable, __file__, "--child", str(n)], capture_output=True,
                             text=True)
        if run.returncode:
            print(f"{n:>12,} failed: {run.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(run.stdout.strip().splitlines()[-1])
        first = first or r
        m = r["chars"] / 1e6
        print(f"{r['chars']:>12,} {r['tokens']:>10,} {r['parse_text']:>7.1f} {r['doc']:>8.1f} "
              + " ".join(f"{r[t]:>10.1f}" for t in TABLES)
              + f" {r['total']:>9.1f} {r['peak_mb']:>8,.0f} {r['total'] / m:>8.1f} "
              f"{r['peak_mb'] / m:>9,.0f}  {'found' if r['last_quote_found'] else 'MISSING'}",
              flush=True)
    if first is not None:
        print("\nTime and memory per million characters stay flat when cost is linear in "
              "the length (a quadratic cost would multiply them by the size ratio).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
