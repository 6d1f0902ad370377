"""The work done for one chunk of documents, wherever it runs (main process, pool, Dask).

:func:`run_chunk` reads and parses each document, runs spaCy ONCE per document through
``nlp.pipe`` (:func:`newslab.nlp.pipe_articles`, so each Doc is exactly what
:func:`~newslab.nlp.article_doc` would make), builds the requested tables with
:class:`~newslab.analysis.Analysis` and returns plain data: one DataFrame per table (with a
``doc_id`` column), failure records and counts. No spaCy object leaves this module, so results
pickle cheaply back from a worker and every engine returns exactly the same rows.

A document that fails at any stage (reading, parsing, spaCy, one table) is recorded in
``failures`` with the stage, the error type and its message; the chunk carries on. A table that
raises for a document loses only that table for that document.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping

from ..analysis import Analysis
from ..errors import EmptyInputError, InputError, NewslabError, WorkerError
from ..nlp import article_doc, load_model, pipe_articles
from ..parse import load_article, parse_html, parse_text
from ..parse.load import check_size
from ..tables import TABLES
from .sources import Item

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from spacy.language import Language

    from ..article import Article

#: Tables a corpus run can build: two from the Article, the rest from :class:`Analysis`.
ARTICLE_TABLES = ("articles", "blocks")
#: Per-article tables of :data:`newslab.tables.TABLES` the runner can write.
ANALYSIS_TABLES = tuple(name for name, t in TABLES.items() if t.corpus)
ALL_TABLES = ARTICLE_TABLES + ANALYSIS_TABLES
DEFAULT_TABLES = ("articles", "blocks", "entities", "actors", "quotes", "statements")

#: Model profiles by name: the spaCy components each one leaves out. "fast" drops the
#: dependency parser (newslab.nlp.load_model then enables the sentence recogniser), which
#: roughly doubles throughput but loses what needs syntax: quote attribution and statements.
PROFILES: dict[str, tuple[str, ...]] = {"full": (), "fast": ("parser",)}

#: Environment variables that cap native thread pools; workers set them to 1 so that N
#: processes use N cores, not N x cores threads fighting each other.
THREAD_ENV = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
              "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")

#: The longest failure message kept (error texts quoting a whole document are cut).
MAX_REASON = 500
#: The ``newslab`` package's own folder: frames inside it are named ``newslab/…``.
_PACKAGE_DIR = Path(__file__).resolve().parents[1]
#: A chunk is analysed in slices of this many documents (at least one ``nlp.pipe`` batch),
#: with a garbage collection after each. Analysing a slice leaves reference cycles that only
#: Python's cyclic collector frees; left to its own thresholds, peak memory nearly doubled
#: (max RSS 750 MB -> 420 MB over 200 PolNeAR articles). Collecting within a slice did not
#: help, collecting between slices did. The model's objects are frozen out of collections
#: (gc.freeze) while a run lasts, so each collection scans only the run's own objects.
GC_EVERY = 32


@dataclass(frozen=True)
class Config:
    """What a worker needs to analyse documents; small and picklable."""

    tables: tuple[str, ...] = DEFAULT_TABLES
    batch_size: int = 32
    profile: str = "full"
    model: str | None = None
    max_chars: int | None = None
    options: tuple[tuple[str, Any], ...] = ()  # keyword arguments for Analysis, as pairs


@dataclass
class ChunkResult:
    """What one chunk gives back: a DataFrame per table, failures, and counts."""

    doc_ids: list[str]
    tables: dict[str, "pd.DataFrame"] = field(default_factory=dict)
    failures: list[dict[str, Any]] = field(default_factory=list)
    n_words: int = 0
    seconds: float = 0.0
    #: Seconds spent per stage (``read``, ``nlp``, then each table). Work shared by several
    #: tables (the mentions behind entities and actors) counts for the first that needs it.
    timings: dict[str, float] = field(default_factory=dict)


# -- per-process state (a worker loads the model once and keeps it) ---------------------------
_LOCK = threading.Lock()  # one chunk at a time per process: a spaCy pipeline is not thread-safe
_THREAD_LIMITS: Any = None


def init_worker(config: Config | None = None) -> None:
    """Prepare a worker process: one native thread, the model loaded once (pool initializer)."""
    global _THREAD_LIMITS
    for var in THREAD_ENV:
        os.environ[var] = "1"
    if _THREAD_LIMITS is None:
        try:
            from threadpoolctl import threadpool_limits

            _THREAD_LIMITS = threadpool_limits(limits=1)  # numpy/BLAS already loaded
        except ImportError:  # pragma: no cover - threadpoolctl comes with scikit-learn
            _THREAD_LIMITS = False
    if "torch" in sys.modules:  # pragma: no cover - only with transformer models
        sys.modules["torch"].set_num_threads(1)
    if config is not None:
        try:
            get_model(config)
        except Exception:  # noqa: BLE001 - reported by the first chunk, see run_chunk_in_worker
            return  # raising here would break the whole pool with an opaque error
        # Everything alive now (the model, lexicons, modules) lives as long as the worker:
        # keep it out of every later garbage collection (see GC_EVERY).
        gc.collect()
        gc.freeze()


def get_model(config: Config) -> "Language":
    """The spaCy pipeline for ``config`` (cached per process by :func:`newslab.nlp.load_model`)."""

    if config.profile not in PROFILES:
        raise ValueError(f"profile must be one of {sorted(PROFILES)}, not {config.profile!r}")
    return load_model(config.model, exclude=PROFILES[config.profile])


def run_chunk_in_worker(items: list[Item], config: Config) -> ChunkResult:
    """:func:`run_chunk` for a pool or Dask worker: limits threads and loads the model once."""

    if _THREAD_LIMITS is None:
        init_worker()
    try:
        return run_chunk(items, config)
    except NewslabError as err:
        # Only set-up errors (no model…) get here: per-document ones are failure rows. Many
        # newslab errors do not pickle with their message, so send a plain one back.
        raise WorkerError(f"{type(err).__name__}: {err}") from None


def run_chunk(items: list[Item], config: Config,
              on_doc: Callable[[int], None] | None = None) -> ChunkResult:
    """Analyse ``items``; never raises for a bad document (see the module docstring).

    ``on_doc(n)`` is called as documents finish (for a progress bar in the main process).

    >>> res = run_chunk([Item("a", "pasted", "text", text="Title\\n\\nAnna Lind said so.")],
    ...                 Config(tables=("articles",)))  # doctest: +SKIP
    >>> res.tables["articles"].doc_id.tolist()  # doctest: +SKIP
    ['a']
    """
    on_doc = on_doc or (lambda n: None)
    step = max(GC_EVERY, config.batch_size) if GC_EVERY else len(items) or 1
    with _LOCK:
        parts = []
        for i in range(0, len(items), step):
            part = _run_chunk(items[i: i + step], config, on_doc)
            if GC_EVERY and part.timings.get("nlp"):
                t = time.perf_counter()
                gc.collect()  # see GC_EVERY
                part.timings["gc"] = time.perf_counter() - t
            parts.append(part)
        return _merge(parts) if len(parts) != 1 else parts[0]


def _merge(parts: list[ChunkResult]) -> ChunkResult:
    """One ChunkResult from the results of consecutive slices of a chunk."""
    import pandas as pd

    merged = ChunkResult(doc_ids=[d for p in parts for d in p.doc_ids])
    for p in parts:
        merged.failures.extend(p.failures)
        merged.n_words += p.n_words
        merged.seconds += p.seconds
        for stage, sec in p.timings.items():
            merged.timings[stage] = merged.timings.get(stage, 0.0) + sec
    for name in parts[0].tables if parts else ():
        frames = [p.tables[name] for p in parts]
        full = [f for f in frames if len(f)]
        merged.tables[name] = (pd.concat(full, ignore_index=True) if len(full) > 1
                               else full[0] if full else frames[0])
    return merged


def _run_chunk(items: list[Item], config: Config, on_doc: Callable[[int], None]) -> ChunkResult:
    t0 = time.perf_counter()
    result = ChunkResult(doc_ids=[it.doc_id for it in items])
    frames: dict[str, list[tuple[str, Any]]] = {t: [] for t in config.tables}

    clock = result.timings
    parsed: list[tuple[Item, "Article"]] = []
    for item in items:
        t = time.perf_counter()
        try:
            parsed.append((item, read_item(item, config.max_chars)))
        except Exception as err:  # noqa: BLE001 - any bad document is a row, not a crash
            result.failures.append(failure(item, _read_stage(err), err))
            on_doc(1)
        clock["read"] = clock.get("read", 0.0) + time.perf_counter() - t

    nlp = None
    if parsed and any(t not in ARTICLE_TABLES for t in config.tables):
        nlp = get_model(config)
    docs = _docs(parsed, nlp, config.batch_size)
    while True:
        t = time.perf_counter()
        step = next(docs, None)
        clock["nlp"] = clock.get("nlp", 0.0) + time.perf_counter() - t
        if step is None:
            break
        item, article, doc, err = step
        if err is not None:
            result.failures.append(failure(item, "nlp", err))
        else:
            result.n_words += sum(len(b.text.split()) for b in article.content_blocks())
            for name, table, seconds in _tables(item, article, doc, nlp, config):
                clock[name] = clock.get(name, 0.0) + seconds
                if isinstance(table, BaseException):
                    result.failures.append(failure(item, name, table))
                else:
                    frames[name].append((item.doc_id, table))
        on_doc(1)

    for name, parts in frames.items():
        t = time.perf_counter()
        result.tables[name] = _assemble(name, parts)
        clock[name] = clock.get(name, 0.0) + time.perf_counter() - t
    result.seconds = time.perf_counter() - t0
    return result


# -- reading ----------------------------------------------------------------------------------
def read_item(item: Item, max_chars: int | None = None) -> "Article":
    """Read and parse one work item into an Article (raises a newslab error when it can't)."""

    if item.kind == "file":
        article = load_article(item.path, max_chars=max_chars)
    else:
        kind, text, url = item.kind, item.text, item.url
        if item.kind == "jsonl":
            kind, text, url = _jsonl_line(item)
        if text is None or not str(text).strip():
            raise EmptyInputError(f"document {item.doc_id!r}")
        check_size(text, max_chars)
        article = parse_html(text, url=url) if kind == "html" else parse_text(text)
    if not any(b.text.strip() for b in article.content_blocks()):
        raise EmptyInputError(f"document {item.doc_id!r} (no article text found in it)")
    return article


def _jsonl_line(item: Item) -> tuple[str, str | None, str | None]:
    with open(item.path, "rb") as fh:
        fh.seek(item.offset)
        raw = fh.readline()
    try:
        obj = json.loads(raw)
    except ValueError as err:
        raise InputError(f"line {item.source} is not valid JSON ({err}).") from None
    if not isinstance(obj, dict):
        raise InputError(f"line {item.source} is not a JSON object.")
    for key in ("html", "text"):
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            url = obj.get("url")
            return key, value, url if isinstance(url, str) else None
    if any(key in obj for key in ("html", "text")):
        return "text", "", None  # present but empty: reported as an empty document
    raise InputError(f"line {item.source} has no 'text' or 'html' field "
                     f"(fields: {sorted(obj)[:10]}).")


def _read_stage(err: BaseException) -> str:
    return "read" if isinstance(err, (InputError, OSError, UnicodeError)) else "parse"


# -- spaCy ------------------------------------------------------------------------------------
def _docs(parsed, nlp, batch_size):
    """Yield ``(item, article, doc, error)``; one Doc per article through ``nlp.pipe``.

    If a batch raises, the remaining articles are run one at a time so that only the document
    at fault is lost.
    """
    if nlp is None:  # only article tables asked for: no spaCy at all
        for item, article in parsed:
            yield item, article, None, None
        return
    done = 0
    try:
        for doc in pipe_articles((a for _, a in parsed), nlp, batch_size=batch_size):
            item, article = parsed[done]
            done += 1
            yield item, article, doc, None
        return
    except Exception:  # noqa: BLE001 - isolate the bad document below
        pass
    for item, article in parsed[done:]:
        try:
            doc = article_doc(article, nlp)
        except Exception as err:  # noqa: BLE001
            yield item, article, None, err
        else:
            yield item, article, doc, None


# -- tables -----------------------------------------------------------------------------------
#: Columns of the ``blocks`` table after ``doc_id`` and ``block`` (as ``Article.to_frame``).
BLOCK_COLUMNS = ("kind", "text", "section", "start", "end", "reason", "credit")


def _tables(item: Item, article: "Article", doc, nlp, config: Config):
    """Yield ``(table name, rows or the exception raised, seconds)`` for one document.

    Rows are a DataFrame for Analysis tables and plain dicts for the article tables; the
    chunk assembles each table once (:func:`_assemble`), because pandas calls on thousands of
    one-document frames would cost more than the tables themselves.
    """
    import pandas as pd

    analysis = None
    for name in config.tables:
        t = time.perf_counter()
        try:
            if name == "articles":
                rows: Any = [article_row(item, article, doc)]
            elif name == "blocks":
                rows = [{"doc_id": item.doc_id, "block": i,
                         **{c: getattr(b, c) for c in BLOCK_COLUMNS}}
                        for i, b in enumerate(article.blocks)]
            else:
                if analysis is None:
                    analysis = Analysis(article, nlp=nlp, doc=doc, **dict(config.options))
                rows = analysis.table(name)
                if not isinstance(rows, pd.DataFrame):
                    raise TypeError(f"Analysis.{name} gave a {type(rows).__name__}, "
                                    "not a DataFrame")
        except Exception as err:  # noqa: BLE001 - one table's bug must not lose the others
            rows = err
        yield name, rows, time.perf_counter() - t


def _assemble(name: str, parts: list[tuple[str, Any]]) -> "pd.DataFrame":
    """One chunk's table from its documents' rows, ``doc_id`` first, cells plain data."""
    import numpy as np
    import pandas as pd

    if name in ARTICLE_TABLES:
        cols = None if name == "articles" else ["doc_id", "block", *BLOCK_COLUMNS]
        df = pd.DataFrame([row for _, rows in parts for row in rows], columns=cols)
        if name == "blocks":
            df["section"] = df["section"].astype("Int64")
        return plain_frame(df) if len(df) else df
    full = [(doc_id, df) for doc_id, df in parts if len(df)]
    if not full:
        cols = ["doc_id"] + [c for c in (parts[0][1].columns if parts else []) if c != "doc_id"]
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    df = pd.concat([d for _, d in full], ignore_index=True) if len(full) > 1 else \
        full[0][1].reset_index(drop=True)
    if "doc_id" in df.columns:
        df = df.drop(columns="doc_id")
    df.insert(0, "doc_id", np.repeat([i for i, _ in full], [len(d) for _, d in full]))
    return plain_frame(df, copy=False)


def article_row(item: Item, article: "Article", doc=None) -> dict[str, Any]:
    """The ``articles`` table row of one document: where it came from and its main fields."""
    return {
        "doc_id": item.doc_id,
        "source": item.source,
        "format": article.format,
        "url": article.url,
        "headline": article.headline,
        "byline": article.byline,
        "date": article.date,
        "n_paragraphs": len(article.paragraphs),
        "n_captions": len(article.captions),
        "n_dropped": len(article.dropped),
        "n_chars": len(article.text),
        "n_words": sum(len(b.text.split()) for b in article.content_blocks()),
        "n_sentences": sum(1 for _ in doc.sents) if doc is not None and doc.has_annotation(
            "SENT_START") else None,
    }


def plain_frame(df: "pd.DataFrame", copy: bool = True) -> "pd.DataFrame":
    """``df`` with every object cell made plain data (str, numbers, lists, dicts).

    spaCy Spans/Tokens become their text, tuples and sets become lists, numpy scalars become
    Python numbers, so tables pickle without a Doc attached and round-trip through Parquet.
    """
    if copy:
        df = df.copy()
    for col in df.columns:
        if df[col].dtype == object:
            df[col] = [_plain(v) for v in df[col]]
    return df


def _plain(v: Any) -> Any:
    if v is None or isinstance(v, (str, bool, int, float)):
        return v
    if type(v).__name__ in ("NAType", "NaTType"):  # pandas missing values
        return None
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, (set, frozenset)):
        return sorted((_plain(x) for x in v), key=str)
    if isinstance(v, Mapping):
        return {str(k): _plain(x) for k, x in v.items()}
    item = getattr(v, "item", None)  # numpy scalar
    if callable(item) and getattr(v, "shape", None) == ():
        return item()
    if hasattr(v, "tolist"):  # numpy array
        return _plain(v.tolist())
    text = getattr(v, "text", None)  # spaCy Span / Token / Doc
    return text if isinstance(text, str) else str(v)


def failure(item: Item, stage: str, err: BaseException) -> dict[str, Any]:
    """One failures-table record."""
    from ..errors import NewslabError

    reason = " ".join(str(err).split()) or repr(err)
    if len(reason) > MAX_REASON:
        reason = reason[: MAX_REASON - 1] + "…"
    if not isinstance(err, (NewslabError, OSError)):
        reason += _where(err)  # an unexpected error is a bug: say where, for the report
    return {"doc_id": item.doc_id, "source": item.source, "stage": stage,
            "error": type(err).__name__, "reason": reason}


def _where(err: BaseException) -> str:
    """`` [at newslab/quotes.py:120 in _rows]``: where ``err`` was raised.

    A frame inside the package is named from the package's own folder (``newslab/…``), whatever
    the folders above it are called (a clone in ``…/newslab/`` included); any other frame by
    its file name.
    """
    import traceback

    frames = traceback.extract_tb(err.__traceback__)
    if not frames:
        return ""
    f = frames[-1]
    path = Path(f.filename)
    try:
        shown = "newslab/" + path.resolve().relative_to(_PACKAGE_DIR).as_posix()
    except ValueError:
        shown = path.name
    return f" [at {shown}:{f.lineno} in {f.name}]"
