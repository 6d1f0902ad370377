"""Fuzz every entry point with 10,000 hostile inputs and count what escapes.

Usage (from the repository root)::

    .venv/bin/python benchmarks/fuzz.py                  # 10,000 examples
    .venv/bin/python benchmarks/fuzz.py --examples 500   # a quick run
    .venv/bin/python benchmarks/fuzz.py --only analyze_text --only analyze_html  # a share

The strategies and properties are those of the CI profile (``tests/fuzzing.py``): unbalanced
and mixed quote marks, control / zero-width / bidi characters, emoji, other scripts, ``\\r``,
``\\u2028`` and mixed newlines, 1 MB single lines, HTML nested 10,000 deep, empty tags,
truncated pages, binary and mis-encoded files. Each example must end in a result or a
``NewslabError``; results must keep the block invariant and valid offsets in every table, and
``analyze`` must give the same tables twice. Unlike the test, a failure does not stop the run:
every failing example is counted by kind, and the first of each kind is printed.

The examples are split over the entry points in fixed shares (:data:`SHARES`); the seed is
fixed, so two runs generate the same inputs.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("MPLBACKEND", "Agg")

#: Share of the examples given to each target.
SHARES = {"parse_text": 0.30, "parse_html": 0.245, "parse_html_deep": 0.005,
          "load_article": 0.20, "analyze_text": 0.15, "analyze_html": 0.10}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--examples", type=int, default=10_000)
    ap.add_argument("--only", choices=sorted(SHARES), action="append",
                    help="run only these targets (their share of --examples); runs of "
                         "different targets can go in parallel and their counts add up")
    args = ap.parse_args()

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    import newslab
    from tests import fuzzing

    nlp = newslab.load_model()
    counts: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    first: dict[str, str] = {}

    def guarded(target: str, fn):
        def run(x):
            counts[target] += 1
            if counts[target] % 250 == 0:  # partial counts survive an interrupted run
                bad = sum(v for k, v in failures.items() if k.startswith(target + ":"))
                print(f"  ... {target} {counts[target]:,} examples, {bad} uncaught",
                      flush=True)
            try:
                fn(x)
            except Exception as err:  # noqa: BLE001 - counted, never stops the run
                kind = f"{target}: {type(err).__name__}"
                failures[kind] += 1
                if kind not in first:
                    where = traceback.extract_tb(err.__traceback__)[-1]
                    first[kind] = (f"{err!s:.300} [at {Path(where.filename).name}:"
                                   f"{where.lineno}] input={x!r:.300}")
        return run

    def parse_html_then_analyze(page):
        art = fuzzing.parse_or_error(newslab.parse_html, page)
        if art is not None:
            fuzzing.analyze_or_error(art, nlp=nlp)

    targets = {
        "parse_text": (fuzzing.text_inputs(),
                       lambda t: fuzzing.parse_or_error(newslab.parse_text, t)),
        "parse_html": (fuzzing.html_inputs(),
                       lambda p: fuzzing.parse_or_error(newslab.parse_html, p)),
        "parse_html_deep": (fuzzing.html_inputs(deep=True),
                            lambda p: fuzzing.parse_or_error(newslab.parse_html, p)),
        "load_article": (fuzzing.file_inputs(), lambda f: fuzzing.load_or_error(*f)),
        "analyze_text": (st.one_of(fuzzing.news_like(), fuzzing.text_inputs(megabyte=False)),
                         lambda t: fuzzing.analyze_or_error(t, nlp=nlp)),
        "analyze_html": (fuzzing.html_pages(deep=False), parse_html_then_analyze),
    }
    t0 = time.perf_counter()
    for target, (strategy, fn) in targets.items():
        if args.only and target not in args.only:
            continue
        n = round(args.examples * SHARES[target])
        t = time.perf_counter()
        settings(max_examples=n, deadline=None, derandomize=True, database=None,
                 suppress_health_check=list(HealthCheck))(given(strategy)(guarded(target, fn)))()
        print(f"{target:15} {counts[target]:6,} examples  "
              f"{sum(v for k, v in failures.items() if k.startswith(target + ':')):4} "
              f"uncaught  {time.perf_counter() - t:7.1f} s", flush=True)
    total, bad = sum(counts.values()), sum(failures.values())
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nnewslab fuzz: {total:,} examples, {bad} uncaught exceptions or broken properties, "
          f"{time.perf_counter() - t0:,.0f} s, peak memory {rss:,.0f} MB")
    for kind, n in failures.most_common():
        print(f"  {n:5}  {kind}\n         first: {first[kind]}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
