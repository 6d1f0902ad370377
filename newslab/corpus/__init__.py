"""Many articles at once: batching, worker processes or a Dask cluster, Parquet, failures.

:func:`analyze_corpus` reads a corpus (files, folders, globs, JSONL, a DataFrame), analyses each
document exactly as :func:`newslab.analyze` would — one spaCy Doc per article, made through
``nlp.pipe`` — and gathers the per-article tables into corpus tables with a ``doc_id`` column::

    import newslab
    res = newslab.corpus.analyze_corpus("data/wikinews", out="results/wikinews")
    res.tables["quotes"]        # every quote of every article, with its doc_id
    res.failures                # doc_id, source, stage, error, reason — one row per problem
    print(res.summary())

With ``out=`` the tables are written to Parquet chunk by chunk (``out/quotes/part-00000.parquet``
…); an interrupted run started again with the same arguments continues where it stopped, and a
finished one does nothing. A document that cannot be read or analysed becomes a row of
``failures``; it never stops the run.

Parallel runs. ``n_process=N`` starts N worker processes that each load the model once and do
the WHOLE analysis of their chunks (parsing, spaCy, tables). Workers are spawned, so a *script*
must guard its entry point (notebooks and the ``newslab analyze`` command need nothing)::

    if __name__ == "__main__":
        analyze_corpus("news/", out="results", n_process=4)

``engine="dask"`` runs the same work on a ``dask.distributed`` cluster (``pip install
'newslab[dask]'``): a ``LocalCluster`` of ``n_process`` single-threaded workers by default, or
a real cluster through ``client=distributed.Client("tcp://scheduler:8786")`` — every worker needs
newslab and the spaCy model installed, and file inputs must be visible to the workers at the
same path (a DataFrame input ships its texts with the tasks).

Profiles. ``profile="fast"`` drops spaCy's dependency parser (about twice as fast); entities and
actors still work, but quotes and statements need the parse and are left out by default.
"""

from __future__ import annotations

import math
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Sequence

from ..errors import NewslabError
from .engines import ENGINES
from .sources import Item, list_items
from .store import FAILURES, MemoryStore, ParquetStore, failures_frame, open_output
from .work import ALL_TABLES, DEFAULT_TABLES, PROFILES, ChunkResult, Config, failure

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["CorpusResult", "analyze_corpus", "load_corpus", "main_analyze", "ALL_TABLES",
           "DEFAULT_TABLES", "PROFILES"]

#: Tables computed by default in the "fast" profile (the others need the dependency parse).
FAST_TABLES = ("articles", "blocks", "entities", "actors", "all_actors")
#: Chunk size: about eight chunks per worker, so that workers finish at nearly the same time
#: (the last chunk is the only idle time), a crash loses little and the progress bar moves;
#: never above MAX_CHUNK documents, never below one ``nlp.pipe`` batch (per-chunk costs — a
#: pickled result, one small Parquet file per table — are milliseconds).
MAX_CHUNK = 500
CHUNKS_PER_WORKER = 8
#: Stages at which a document is lost entirely (a failed table loses only that table).
DOC_STAGES = ("read", "parse", "nlp", "worker")


@dataclass
class RunStats:
    """Counts for one call of :func:`analyze_corpus`."""

    engine: str = "local"
    n_process: int = 1
    n_listed: int = 0
    n_skipped: int = 0
    n_todo: int = 0
    n_done: int = 0
    n_words: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    failures: list[dict[str, Any]] = field(default_factory=list)
    lost: list[dict[str, Any]] = field(default_factory=list)
    #: Worker seconds per stage, summed over chunks (see ChunkResult.timings).
    timings: dict[str, float] = field(default_factory=dict)

    def add(self, result: ChunkResult) -> None:
        self.n_done += len(result.doc_ids)
        self.n_words += result.n_words
        self.failures.extend(result.failures)
        for stage, seconds in result.timings.items():
            self.timings[stage] = self.timings.get(stage, 0.0) + seconds

    @property
    def doc_failed(self) -> set[str]:
        """Documents analysed in this run that gave no tables (unreadable, parser error…)."""
        return {f["doc_id"] for f in self.failures if f["stage"] in DOC_STAGES}

    @property
    def doc_partial(self) -> set[str]:
        return {f["doc_id"] for f in self.failures if f["stage"] not in DOC_STAGES} \
            - self.doc_failed


class CorpusResult:
    """The tables of a corpus run (from memory or read back from Parquet) and its failures.

    ``tables[name]`` (or ``result.name``) is a DataFrame whose first column is ``doc_id``; rows
    follow the input order. ``failures`` has one row per problem: ``doc_id``, ``source``,
    ``stage`` (``read``, ``parse``, ``nlp``, ``worker`` or a table name), ``error`` (the
    exception type) and ``reason``.

    >>> res = analyze_corpus("data/wikinews", tables=["articles"])  # doctest: +SKIP
    >>> res.tables["articles"].columns[0]  # doctest: +SKIP
    'doc_id'
    """

    def __init__(self, store: MemoryStore | ParquetStore, *, order: Mapping[str, int] | None = None,
                 stats: RunStats | None = None) -> None:
        self._store = store
        self._order = dict(order or {})
        self.stats = stats
        self.tables: Mapping[str, "pd.DataFrame"] = _Tables(self)

    @property
    def out(self) -> str | None:
        """The output folder, or ``None`` for an in-memory run."""
        return str(self._store.root) if isinstance(self._store, ParquetStore) else None

    @property
    def failures(self) -> "pd.DataFrame":
        """One row per failed document or table (stored ones, plus chunks lost in this run)."""
        df = self._store.table(FAILURES)
        if self.stats and self.stats.lost:
            import pandas as pd

            lost = failures_frame(self.stats.lost)
            df = pd.concat([df, lost], ignore_index=True) if len(df) else lost
        return self._in_order(df)

    @property
    def doc_ids(self) -> list[str]:
        """Every document finished and stored (successful or not), in input order."""
        return sorted(self._store.done, key=lambda d: (self._order.get(d, math.inf), d))

    def _table(self, name: str) -> "pd.DataFrame":
        if name not in self._store.tables:
            raise KeyError(f"No table {name!r}: this run has {', '.join(self._store.tables)}.")
        return self._in_order(self._store.table(name))

    def _in_order(self, df: "pd.DataFrame") -> "pd.DataFrame":
        if not self._order or not len(df):
            return df.reset_index(drop=True)
        pos = df["doc_id"].map(self._order).fillna(len(self._order))
        # A stable sort keeps each document's rows in their own order.
        return df.iloc[pos.argsort(kind="stable")].reset_index(drop=True)

    def __getattr__(self, name: str) -> "pd.DataFrame":
        store = self.__dict__.get("_store")
        if name.startswith("_") or store is None or name not in store.tables:
            raise AttributeError(name)
        return self.tables[name]

    def summary(self) -> str:
        """A few lines: documents ok / partly failed / failed, time, speed, failure reasons."""
        lines = []
        s = self.stats
        if s is not None:
            failed, partial = s.doc_failed, s.doc_partial
            rate = s.n_done / s.seconds if s.seconds else 0.0
            wps = s.n_words / s.seconds if s.seconds else 0.0
            procs = f"{s.n_process} process" + ("es" if s.n_process > 1 else "")
            head = "interrupted after" if s.interrupted else "analysed"
            lines.append(f"newslab: {head} {s.n_done:,} documents in {s.seconds:,.1f} s "
                         f"({rate:,.1f} docs/s, {wps:,.0f} words/s; {s.engine} engine, {procs})")
            lines.append(f"  ok {s.n_done - len(failed) - len(partial):,} | some tables failed "
                         f"{len(partial):,} | failed {len(failed):,} | already done, skipped "
                         f"{s.n_skipped:,}" + (f" | lost {len(s.lost):,}" if s.lost else ""))
            busy = sum(s.timings.values())
            if busy:
                lines.append("  time by stage: " + ", ".join(
                    f"{stage} {sec / busy:.0%}" for stage, sec in s.timings.items()))
            by_stage = Counter((f["stage"], f["error"]) for f in s.failures + s.lost)
            if by_stage:
                stages: dict[str, list[str]] = {}
                for (stage, err), n in sorted(by_stage.items()):
                    stages.setdefault(stage, []).append(f"{err} {n}")
                lines.append("  failures: " + "; ".join(
                    f"{stage} ({', '.join(v)})" for stage, v in stages.items())
                    + " — see .failures")
            if s.lost:
                lines.append(f"  {len(s.lost):,} documents were lost with a crashed worker and "
                             "are not marked done: run again (resume=True) to retry them.")
        where = f"in {self.out}" if self.out else "in memory"
        lines.append(f"  {len(self._store.done):,} documents {where}: " + ", ".join(
            f"{name} {self._count(name):,} rows" for name in self._store.tables))
        return "\n".join(lines)

    def _count(self, name: str) -> int:
        if isinstance(self._store, ParquetStore):
            import pyarrow.parquet as pq

            return sum(pq.ParquetFile(self._store._part_path(name, c["part"])).metadata.num_rows
                       for c in self._store.commits if name in c["tables"])
        return len(self._store.table(name))

    def __repr__(self) -> str:
        return self.summary()


class _Tables(Mapping):
    """``result.tables``: each table read (from memory or Parquet) on first use, then kept."""

    def __init__(self, result: CorpusResult) -> None:
        self._result = result
        self._cache: dict[str, "pd.DataFrame"] = {}

    def __getitem__(self, name: str) -> "pd.DataFrame":
        if name not in self._cache:
            self._cache[name] = self._result._table(name)
        return self._cache[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._result._store.tables)

    def __len__(self) -> int:
        return len(self._result._store.tables)

    def __repr__(self) -> str:
        return f"<tables {', '.join(self)} (read on first use)>"


def analyze_corpus(
    sources: Any, *, n_process: int = 1, batch_size: int = 32, engine: str = "local",
    out: str | os.PathLike | None = None, resume: bool = True,
    tables: Sequence[str] | None = None, client: Any = None, progress: bool = True,
    profile: str = "full", model: str | None = None, chunk_size: int | None = None,
    max_chars: int | None = None, limit: int | None = None,
    options: Mapping[str, Any] | None = None,
) -> CorpusResult:
    """Analyse every document of a corpus; tables with a ``doc_id`` column, failures recorded.

    ``sources``: a file, folder (its ``.txt``/``.html`` files, recursively), glob pattern,
    ``.jsonl`` file (one ``{"id", "text"|"html"}`` object per line), a DataFrame with a ``text``
    or ``html`` column (and optional ``doc_id``/``id``, ``url``), or a list of these.
    ``n_process``: worker processes (``engine="local"``; ``-1`` = one per CPU) or Dask workers
    (``engine="dask"``, unless you pass your own ``client``). ``batch_size``: documents per
    ``nlp.pipe`` batch.
    ``out``: a folder for Parquet output, resumed if it holds an unfinished run with the same
    settings (``resume=False`` replaces it). ``tables``: which tables to build (default
    :data:`DEFAULT_TABLES`). ``profile``: ``"full"`` or ``"fast"`` (no dependency parse).
    ``chunk_size``: documents per unit of work (default: automatic, at most 500).
    ``max_chars``: the per-document size limit (default newslab's ``MAX_CHARS``). ``limit``:
    analyse at most this many not-yet-done documents (a quick look, or a run in parts).
    ``options``: keyword arguments for :class:`~newslab.analysis.Analysis` (``metonymy``,
    ``aliases``). ``progress``: a tqdm bar (notebook-aware, documents/s) and the summary
    printed at the end; ``False`` for silence.

    >>> res = analyze_corpus("data/wikinews", out="results/wikinews", n_process=2)  # doctest: +SKIP
    >>> res.tables["entities"].groupby("doc_id").size().describe()  # doctest: +SKIP
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {sorted(ENGINES)}, not {engine!r}")
    if profile not in PROFILES:
        raise ValueError(f"profile must be one of {sorted(PROFILES)}, not {profile!r}")
    if tables is None:
        tables = FAST_TABLES if profile == "fast" else DEFAULT_TABLES
    tables = tuple(dict.fromkeys(tables))
    unknown = [t for t in tables if t not in ALL_TABLES]
    if unknown:
        raise ValueError(f"Unknown table(s) {unknown}; choose from {list(ALL_TABLES)}.")
    if profile == "fast" and set(tables) - set(FAST_TABLES):
        raise ValueError(f"profile='fast' has no dependency parse, which "
                         f"{sorted(set(tables) - set(FAST_TABLES))} need: use profile='full' "
                         f"or tables from {list(FAST_TABLES)}.")
    n_process = int(n_process or 1)
    if n_process < 0:  # joblib's convention: -1 = every CPU, -2 = all but one…
        n_process = max(1, (os.cpu_count() or 1) + 1 + n_process)
    n_process = max(1, n_process)
    config = Config(tables=tables, batch_size=max(1, int(batch_size)), profile=profile,
                    model=model, max_chars=max_chars,
                    options=tuple(sorted((options or {}).items())))

    items = list_items(sources)
    store: MemoryStore | ParquetStore = (ParquetStore(out, config, resume=resume)
                                         if out is not None else MemoryStore(config))
    todo = [it for it in items if it.doc_id not in store.done]
    stats = RunStats(engine=engine, n_process=n_process, n_listed=len(items),
                     n_skipped=len(items) - len(todo))
    if limit is not None:
        todo = todo[: max(0, int(limit))]
    stats.n_todo = len(todo)
    size = chunk_size or auto_chunk_size(len(todo), n_process, config.batch_size)
    chunks = (todo[i: i + size] for i in range(0, len(todo), size))

    def commit(result: ChunkResult) -> None:
        store.commit(result)
        stats.add(result)

    def lost(chunk: list[Item], err: BaseException) -> None:
        stats.lost.extend(failure(it, "worker", err) for it in chunk)

    bar = _progress_bar(len(todo), progress)
    t0 = time.perf_counter()
    try:
        if todo:
            ENGINES[engine](chunks, config, n_process=n_process, commit=commit, lost=lost,
                            advance=bar.update, client=client)
    except KeyboardInterrupt:
        stats.interrupted = True
        raise
    finally:
        stats.seconds = time.perf_counter() - t0
        bar.close()
        if isinstance(store, ParquetStore):
            store.close()  # release the folder's lock; results stay readable
        if stats.interrupted:
            kept = (f"{stats.n_done:,} finished documents are saved in {out}; call again with "
                    "the same arguments to continue" if out is not None else
                    "in-memory results are lost; pass out= to keep finished work")
            print(f"newslab: interrupted — {kept}.", file=sys.stderr)
    result = CorpusResult(store, order={it.doc_id: i for i, it in enumerate(items)},
                          stats=stats)
    if progress:
        print(result.summary())
    return result


def load_corpus(out: str | os.PathLike) -> CorpusResult:
    """Open the Parquet output of an earlier :func:`analyze_corpus` run (nothing recomputed).

    >>> res = load_corpus("results/wikinews")  # doctest: +SKIP
    >>> res.tables["quotes"].doc_id.nunique()  # doctest: +SKIP
    """
    store = open_output(out)
    order = {d: i for i, d in enumerate(d for c in store.commits for d in c["doc_ids"])}
    return CorpusResult(store, order=order)


def auto_chunk_size(n_docs: int, n_workers: int, batch_size: int = 32) -> int:
    """Documents per chunk: about eight chunks per worker, at most :data:`MAX_CHUNK`.

    >>> auto_chunk_size(1000, 2)
    63
    >>> auto_chunk_size(10, 2)
    5
    """
    per_worker = math.ceil(n_docs / max(1, n_workers))
    size = min(MAX_CHUNK, math.ceil(n_docs / (CHUNKS_PER_WORKER * max(1, n_workers))))
    return max(1, size, min(batch_size, per_worker))


def _progress_bar(total: int, enabled: bool):
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="doc", desc="newslab", disable=not enabled or not total,
                smoothing=0.1)


def main_analyze(inputs: list[str], out: str, n_process: int = 1, engine: str = "local",
                 batch_size: int = 32, resume: bool = True) -> int:
    """``newslab analyze INPUT... --out DIR [--n-process N] [--engine dask] [--fresh]``; the
    exit status.

    ``resume`` (``--resume``, the default): documents already committed in ``DIR`` by an
    earlier run with the same settings are skipped, damaged or uncommitted chunks are redone.
    ``resume=False`` (``--fresh``): the earlier run's files in ``DIR`` are deleted first.

    0 when the run finished (per-document failures are listed in ``DIR/failures``), 1 when
    every document analysed failed or a crashed worker lost some (run again to retry them), 2 on
    bad arguments or input, 130 when interrupted.

    >>> main_analyze(["data/wikinews"], "results/wikinews", n_process=2)  # doctest: +SKIP
    0
    """
    try:
        res = analyze_corpus(inputs, out=out, n_process=n_process, engine=engine,
                             batch_size=batch_size, progress=True, resume=resume)
    except (NewslabError, ValueError) as err:
        msg = err.for_cli() if isinstance(err, NewslabError) else str(err)
        print(f"newslab analyze: {msg}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    s = res.stats
    if s.lost or (s.n_done and len(s.doc_failed) == s.n_done):
        return 1
    return 0
