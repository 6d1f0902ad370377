"""No-crash sweep: every real document we hold through parsing, quotes and actors.

Usage (from the repository root)::

    .venv/bin/python benchmarks/no_crash.py                 # everything
    .venv/bin/python benchmarks/no_crash.py --limit 50      # the first 50 of each corpus
    .venv/bin/python benchmarks/no_crash.py --only wikinews
    .venv/bin/python benchmarks/no_crash.py --jobs 2        # two worker processes

Corpora (read for this sweep only; nothing is copied into the project):

* ``polnear``: every PolNeAR text (``../shared/eval/polnear/{train,dev}.jsonl``) through
  ``parse_text``;
* ``scrapinghub``: every ScrapingHub page (``../shared/eval/scrapinghub/html/*.html``) through
  ``parse_html``;
* ``wcxb``: every WCXB page (``../shared/eval/wcxb/html/*.html.gz``, the dev split: the only
  one held) through ``parse_html``;
* ``wikinews``: newslab's own Wikinews articles (``data/wikinews/*.txt``) through
  ``load_article``.

Each document then goes through ``analyze(...)`` and its ``quotes`` and ``actors`` tables. A
:class:`~newslab.errors.NewslabError` is a clear refusal (counted apart, with its reason); any
other exception is a crash, printed with where it was raised. The evaluation corpora are absent
from a user's clone: the sweep says so and runs on Wikinews alone.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
sys.path.insert(0, str(REPO))
os.environ.setdefault("MPLBACKEND", "Agg")


def polnear() -> Iterator[tuple[str, str, str]]:
    for name in ("train.jsonl", "dev.jsonl"):
        with open(EVAL / "polnear" / name, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                yield rec["id"], "text", rec["text"]


def scrapinghub() -> Iterator[tuple[str, str, str]]:
    for path in sorted((EVAL / "scrapinghub" / "html").glob("*.html")):
        yield path.stem, "html", str(path)


def wcxb() -> Iterator[tuple[str, str, str]]:
    for path in sorted((EVAL / "wcxb" / "html").glob("*.html.gz")):
        yield path.name, "html.gz", str(path)


def wikinews() -> Iterator[tuple[str, str, str]]:
    for path in sorted((REPO / "data" / "wikinews").glob("*.txt")):
        yield path.name, "file", str(path)


#: Smallest first, so that a short run still covers every kind of input.
CORPORA = {"wikinews": (wikinews, REPO / "data" / "wikinews"),
           "scrapinghub": (scrapinghub, EVAL / "scrapinghub"), "wcxb": (wcxb, EVAL / "wcxb"),
           "polnear": (polnear, EVAL / "polnear")}

_NLP = None


def _read(kind: str, payload: str):
    import newslab

    if kind == "text":
        return newslab.parse_text(payload)
    if kind == "html":
        return newslab.parse_html(Path(payload).read_bytes())
    if kind == "html.gz":
        return newslab.parse_html(gzip.decompress(Path(payload).read_bytes()))
    return newslab.load_article(payload)


def one(item: tuple[str, str, str]) -> tuple[str, dict]:
    """Parse and analyse one document; (outcome, details) with outcome ok/refused/crash."""
    global _NLP
    import newslab
    from newslab.errors import NewslabError

    if _NLP is None:
        _NLP = newslab.load_model()
    doc_id, kind, payload = item
    try:
        art = _read(kind, payload)
        a = newslab.analyze(art, nlp=_NLP)
        return "ok", {"quotes": len(a.quotes), "actors": len(a.actors),
                      "characters": len(art.text)}
    except NewslabError as err:
        return "refused", {"error": type(err).__name__}
    except Exception as err:  # noqa: BLE001 - the point of the sweep
        where = traceback.extract_tb(err.__traceback__)[-1]
        return "crash", {"line": f"{doc_id}: {type(err).__name__}: {err!s:.200} "
                                 f"[at {Path(where.filename).name}:{where.lineno}]"}


def sweep(name: str, items: list, pool) -> dict:
    counts: Counter[str] = Counter()
    refusals: Counter[str] = Counter()
    crashes: list[str] = []
    t0 = time.perf_counter()
    outcomes = pool.map(one, items, chunksize=2) if pool is not None else map(one, items)
    for outcome, info in outcomes:
        counts["documents"] += 1
        if counts["documents"] % 50 == 0:  # partial counts survive an interrupted sweep
            print(f"  ... {name} {counts['documents']:,} docs, {len(crashes)} crashes, "
                  f"{time.perf_counter() - t0:,.0f} s", flush=True)
        if outcome == "ok":
            counts.update(info)
        elif outcome == "refused":
            refusals[info["error"]] += 1
        else:
            crashes.append(info["line"])
    return {"name": name, "counts": counts, "refusals": refusals, "crashes": crashes,
            "seconds": time.perf_counter() - t0}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, help="at most this many documents per corpus")
    ap.add_argument("--only", choices=sorted(CORPORA), action="append")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    args = ap.parse_args()

    results = []
    pool = None
    if args.jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(args.jobs)
    for name in args.only or CORPORA:
        make, where = CORPORA[name]
        if not where.exists():
            print(f"{name:12} skipped: {where} is absent (evaluation data is not part of the "
                  "project)")
            continue
        items = list(make())[: args.limit]
        r = sweep(name, items, pool)
        c = r["counts"]
        print(f"{name:12} {c['documents']:5,} docs  {len(r['crashes']):3} crashes  "
              f"{sum(r['refusals'].values()):3} refused {dict(r['refusals']) or ''}  "
              f"{c['quotes']:7,} quotes  {c['actors']:7,} actors  {r['seconds']:7.1f} s",
              flush=True)
        for line in r["crashes"][:20]:
            print("    crash:", line)
        results.append(r)
    if pool is not None:
        pool.shutdown()
    docs = sum(r["counts"]["documents"] for r in results)
    crashes = sum(len(r["crashes"]) for r in results)
    seconds = sum(r["seconds"] for r in results)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nnewslab no-crash sweep: {docs:,} documents, {crashes} crashes, {seconds:,.0f} s "
          f"({docs / seconds if seconds else 0:.1f} docs/s, {args.jobs} process(es)), peak "
          f"memory of the main process {rss:,.0f} MB")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
