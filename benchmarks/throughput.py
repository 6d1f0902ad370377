"""How fast does newslab analyse a corpus, compared with spaCy alone, on 1, 2 and Dask workers?

Usage (from the repository root)::

    .venv/bin/python benchmarks/throughput.py              # the whole corpus (>= 1,000 docs)
    .venv/bin/python benchmarks/throughput.py --limit 200  # a quick run
    .venv/bin/python benchmarks/throughput.py --no-dask    # skip the Dask measurement

Corpus: the PolNeAR train+dev texts in ``../shared/eval/polnear/*.jsonl`` (read for measuring
only; nothing is copied), topped up with newslab's Wikinews articles to at least 1,000 documents.
Without the evaluation data the Wikinews articles alone are used, repeated (said in the output).

One run prints one table:

* raw ``nlp.pipe`` over the raw texts, same model and batch size — the ceiling;
* newslab's full corpus analysis in one process (parse + spaCy + every table + Parquet), and
  its ratio to raw spaCy (target >= 0.90);
* the same with two worker processes (target >= 1.7x one process on a quiet 2-core machine;
  the load average is printed because other work on the machine skews this);
* the same on a Dask ``LocalCluster`` of two workers (target: within 10 % of two processes);
* peak memory (max RSS) of this process and of the largest worker.

Speeds are input words per second (whitespace-separated words of the raw texts), so every line
counts the same work. Every process is limited to one native thread, as newslab's workers are.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
POLNEAR_FILES = ("train.jsonl", "dev.jsonl")
WIKINEWS = REPO / "data" / "wikinews"
MIN_DOCS = 1000

sys.path.insert(0, str(REPO))


def build_corpus(limit: int | None):
    """(DataFrame of id/text, a sentence saying where the texts come from)."""
    import pandas as pd

    rows: list[tuple[str, str]] = []
    notes = []
    present = [EVAL / "polnear" / f for f in POLNEAR_FILES if (EVAL / "polnear" / f).exists()]
    if present:
        for path in present:
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    obj = json.loads(line)
                    rows.append((f"polnear/{obj['id']}", obj["text"]))
        notes.append(f"{len(rows)} PolNeAR texts ({' + '.join(p.name for p in present)})")
    else:
        print(f"Evaluation data not found in {EVAL}: falling back to newslab's Wikinews "
              "articles (repeated to reach the corpus size).")
    wiki = [(f"wikinews/{p.name}", p.read_text(encoding="utf-8"))
            for p in sorted(WIKINEWS.glob("*.txt"))]
    target = min(limit, MIN_DOCS) if limit else MIN_DOCS
    k = 0
    while len(rows) < target and wiki:
        doc_id, text = wiki[k % len(wiki)]
        rep = k // len(wiki) + 1
        rows.append((doc_id if rep == 1 else f"{doc_id}#{rep}", text))
        k += 1
    if k:
        passes = (k - 1) // len(wiki) + 1
        notes.append(f"{k} Wikinews texts" + (f" ({passes} passes over the {len(wiki)})"
                                               if passes > 1 else ""))
    if limit:
        rows = rows[:limit]
    df = pd.DataFrame(rows, columns=["id", "text"])
    return df, f"{len(df)} documents: " + " + ".join(notes) + (f", limited to {limit}"
                                                               if limit else "")


def max_rss_mb(who: int) -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    scale = 1 / 1024 if sys.platform != "darwin" else 1 / 1024 / 1024
    return resource.getrusage(who).ru_maxrss * scale


class MemoryWatch:
    """Peak resident memory of this process, of its largest worker and of all together, sampled
    every 0.2 s by a thread (psutil). ``getrusage`` cannot tell workers apart: a spawned
    worker inherits its parent's peak through the fork that precedes exec."""

    def __init__(self) -> None:
        import threading

        self.peak_self = self.peak_worker = self.peak_total = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "MemoryWatch":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        import psutil

        me = psutil.Process()
        while not self._stop.wait(0.2):
            try:
                own = me.memory_info().rss
                kids = []
                for child in me.children(recursive=True):
                    try:
                        kids.append(child.memory_info().rss)
                    except psutil.Error:
                        pass
            except psutil.Error:
                continue
            mb = 1024 * 1024
            self.peak_self = max(self.peak_self, own / mb)
            self.peak_worker = max([self.peak_worker] + [k / mb for k in kids])
            self.peak_total = max(self.peak_total, (own + sum(kids)) / mb)


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (pool and Dask workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, help="use only the first N documents")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--profile", default="full", choices=["full", "fast"])
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask LocalCluster run")
    args = ap.parse_args(argv)

    from newslab.corpus import analyze_corpus
    from newslab.corpus.work import PROFILES, init_worker
    from newslab.nlp import load_model

    init_worker()  # one native thread here too, like the workers: a fair comparison
    corpus, where = build_corpus(args.limit)
    words = sum(len(t.split()) for t in corpus.text)
    print(f"Corpus: {where}; {words:,} words.")
    print(f"Machine: {os.cpu_count()} CPUs, load average {load()} (1/5/15 min) at start.")

    nlp = load_model(exclude=PROFILES[args.profile])
    rows = []

    try:
        import psutil  # noqa: F401
        watch_memory = True
    except ImportError:
        watch_memory = False
        print("  (psutil not installed: peak memory from getrusage, this process only)")
    memory = []

    def record(name: str, seconds: float, cpu: float, docs: int, note: str = "",
               watch: "MemoryWatch | None" = None) -> None:
        rows.append((name, docs, seconds, words / seconds, docs / seconds, cpu, load(), note))
        if watch is not None:
            memory.append((name, watch.peak_self, watch.peak_worker, watch.peak_total))
        print(f"  done: {name} in {seconds:.1f} s, {cpu:.1f} CPU s (load {load()})", flush=True)

    # Warm-up: first calls allocate and JIT nothing in spaCy, but do touch lazy imports/pages.
    list(nlp.pipe(corpus.text[:8], batch_size=args.batch_size))

    t, c = time.perf_counter(), cpu_seconds()
    for _ in nlp.pipe(corpus.text, batch_size=args.batch_size):
        pass
    record(f"raw nlp.pipe (batch {args.batch_size})", time.perf_counter() - t,
           cpu_seconds() - c, len(corpus))

    results = {}
    tmpdir = tempfile.TemporaryDirectory()  # removed at the end, after the comparison
    tmp = tmpdir.name
    runs = [("newslab, 1 process", dict(n_process=1)),
            ("newslab, 2 processes", dict(n_process=2))]
    if not args.no_dask:
        try:
            import distributed  # noqa: F401
            runs.append(("newslab, Dask LocalCluster(2)", dict(engine="dask", n_process=2)))
        except ImportError:
            print("  (Dask not installed: pip install 'newslab[dask]'; skipping it)")
    for i, (name, kw) in enumerate(runs):
        watch = MemoryWatch() if watch_memory else None
        t, c = time.perf_counter(), cpu_seconds()
        if watch:
            watch.__enter__()
        try:
            res = analyze_corpus(corpus, out=Path(tmp) / f"run{i}", batch_size=args.batch_size,
                                 profile=args.profile, progress=False, **kw)
        finally:
            if watch:
                watch.__exit__()
        seconds = time.perf_counter() - t
        fails = len(res.stats.doc_failed)
        record(name, seconds, cpu_seconds() - c, res.stats.n_done,
               "incl. start-up" + (f"; {fails} docs failed" if fails else ""), watch)
        results[name] = res

    print()
    print(f"{'':32} {'docs':>6} {'seconds':>8} {'words/s':>9} {'docs/s':>7} {'CPU s':>7} "
          f"{'words/CPU s':>11}  {'load after':>16}")
    for name, docs, seconds, wps, dps, cpu, ld, note in rows:
        print(f"{name:32} {docs:6,} {seconds:8.1f} {wps:9,.0f} {dps:7.1f} {cpu:7.1f} "
              f"{words / cpu:11,.0f}  {ld:>16}  {note}")
    print()
    speed = {r[0]: r[3] for r in rows}
    per_cpu = {r[0]: words / r[5] for r in rows}
    raw_name = rows[0][0]
    one, two = speed["newslab, 1 process"], speed["newslab, 2 processes"]
    print(f"newslab / raw spaCy (1 process):   {one / speed[raw_name]:.2f}   (target >= 0.90; "
          f"by CPU time {per_cpu['newslab, 1 process'] / per_cpu[raw_name]:.2f}, which "
          "other work on the machine skews less)")
    print(f"2 processes / 1 process:           {two / one:.2f}x  (target >= 1.7x on a quiet "
          f"2-core machine; {os.cpu_count()} CPUs here, load average {load()})")
    dask_name = "newslab, Dask LocalCluster(2)"
    if dask_name in speed:
        print(f"Dask LocalCluster(2) / 2 processes: {speed[dask_name] / two:.2f}   "
              "(target 0.90-1.10)")
    print(f"Peak memory (max RSS) of this process over the whole run: "
          f"{max_rss_mb(resource.RUSAGE_SELF):,.0f} MB")
    for name, own, worker, total in memory:
        print(f"  {name:30} main {own:6,.0f} MB, largest worker {worker:6,.0f} MB, "
              f"all processes {total:6,.0f} MB")
    timings = {name: res.stats.timings for name, res in results.items()}
    one_t = timings.get("newslab, 1 process") or {}
    busy = sum(one_t.values())
    if busy:
        print("Time by stage (1 process): " + ", ".join(
            f"{stage} {sec / busy:.0%}" for stage, sec in one_t.items()))

    # The engines must agree: the same rows in every table.
    base = results["newslab, 1 process"]
    for name, res in results.items():
        if res is base:
            continue
        differ = [t for t in base.tables if not res.tables[t].equals(base.tables[t])]
        print(f"{name}: " + (f"tables DIFFER from 1 process: {differ}" if differ
                             else "every table identical to 1 process"))
    tmpdir.cleanup()
    return 0


if __name__ == "__main__":  # the guard worker processes need (they are spawned)
    sys.exit(main())
