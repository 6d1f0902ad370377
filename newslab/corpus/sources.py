"""Turn what the user hands :func:`~newslab.corpus.analyze_corpus` into a list of work items.

A work item is a small picklable record naming one document: its stable ``doc_id``, a
human-readable ``source`` and how a worker gets the text (a file path, a line of a JSONL file
given by its byte offset, or the text itself for DataFrame rows). Nothing is parsed here: a
worker reads and parses the document, so an unreadable one fails like any other document, in
its own row of the failures table, and the main process never holds a whole corpus in memory.

Stable ids, so that a resumed run recognises the documents it already finished:

* files: the path relative to the folder given (``2019/01/story.html``), or to the fixed part of
  a glob pattern; a file named on its own is its file name;
* JSONL lines: the line's ``id`` (or ``doc_id``) field, else ``<file stem>:<line number>``;
* DataFrame rows: the ``doc_id`` (or ``id``) column, else the row's index label.

A repeated id gets ``#2``, ``#3``… in input order, so the same input always gives the same ids.
"""

from __future__ import annotations

import glob
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from ..errors import CorpusInputError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Article files picked up when a folder or glob is given. README/LICENSE-style ``.md`` files and
#: files without a suffix are left out of folders on purpose (name such a file to analyse it).
ARTICLE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".shtml")
#: Files read as one document per line.
JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: Column / field names, in order of preference.
ID_FIELDS = ("doc_id", "id")
TEXT_FIELDS = ("html", "text")  # HTML first: it is the richer source when both are given
URL_FIELDS = ("url",)


@dataclass(frozen=True)
class Item:
    """One document to analyse: where it comes from and how a worker reads it.

    ``kind`` is ``"file"`` (read ``path`` with :func:`~newslab.parse.load_article`), ``"jsonl"``
    (the line of ``path`` starting at byte ``offset``), ``"text"`` or ``"html"`` (``text`` holds
    the document itself).
    """

    doc_id: str
    source: str
    kind: str
    path: str | None = None
    offset: int | None = None
    text: str | None = None
    url: str | None = None


class _Ids:
    """Hands out unique ids in input order: a repeat of ``x`` becomes ``x#2``, ``x#3``…"""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def __call__(self, wanted: str) -> str:
        doc_id, k = wanted, 1
        while doc_id in self.seen:
            k += 1
            doc_id = f"{wanted}#{k}"
        self.seen.add(doc_id)
        return doc_id


def list_items(sources: Any) -> list[Item]:
    """Every document named by ``sources``, as work items with unique, stable ids.

    ``sources`` is a path (file, folder, glob pattern or ``.jsonl``), a DataFrame, or a list of
    these. Raises :class:`~newslab.errors.CorpusInputError` when a path does not exist or
    nothing at all is found.

    >>> items = list_items("data/wikinews")          # doctest: +SKIP
    >>> items[0].doc_id                               # doctest: +SKIP
    '2004-11-16-brazilian-president-meets-president-of-south-korea.txt'
    """
    ids = _Ids()
    items: list[Item] = []
    for src in _as_list(sources):
        items.extend(_items_of(src, ids))
    if not items:
        raise CorpusInputError(f"No documents found in {_describe(sources)}.")
    return items


def _as_list(sources: Any) -> list[Any]:
    if isinstance(sources, (str, os.PathLike)) or _is_frame(sources):
        return [sources]
    if isinstance(sources, Iterable):
        return list(sources)
    raise CorpusInputError(f"Cannot read documents from a {type(sources).__name__}.")


def _describe(sources: Any) -> str:
    if _is_frame(sources):
        return "the DataFrame"
    return ", ".join(repr(str(s)) for s in _as_list(sources)) or "an empty list"


def _is_frame(obj: Any) -> bool:
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover
        return False
    return isinstance(obj, pd.DataFrame)


def _items_of(src: Any, ids: _Ids) -> Iterator[Item]:
    if _is_frame(src):
        yield from _frame_items(src, ids)
        return
    if not isinstance(src, (str, os.PathLike)):
        raise CorpusInputError(f"Cannot read documents from a {type(src).__name__} ({src!r}).")
    path = Path(src).expanduser()
    if path.is_dir():
        files = sorted(p for p in path.rglob("*")
                       if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                       and not _hidden(p.relative_to(path)))
        for p in files:
            yield _file_item(p, p.relative_to(path).as_posix(), ids)
    elif path.is_file():
        if path.suffix.lower() in JSONL_SUFFIXES:
            yield from _jsonl_items(path, ids)
        else:
            # Any suffix: an unsupported one fails in the worker with load_article's own error.
            yield _file_item(path, path.name, ids)
    elif glob.has_magic(str(src)):
        root = _glob_root(str(src))
        matches = sorted(Path(m) for m in glob.glob(str(src), recursive=True))
        for p in matches:
            if p.is_file() and p.suffix.lower() in JSONL_SUFFIXES:
                yield from _jsonl_items(p, ids)
            elif p.is_file():
                yield _file_item(p, _relative(p, root), ids)
    else:
        raise CorpusInputError(f"No such file, folder or glob match: {str(src)!r}.")


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def _file_item(path: Path, doc_id: str, ids: _Ids) -> Item:
    return Item(doc_id=ids(doc_id), source=str(path), kind="file", path=str(path))


def _glob_root(pattern: str) -> Path:
    """The longest leading folder of ``pattern`` without wildcards (ids are relative to it)."""
    parts = Path(pattern).parts
    fixed = []
    for part in parts:
        if glob.has_magic(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def _jsonl_items(path: Path, ids: _Ids) -> Iterator[Item]:
    stem = path.stem
    with open(path, "rb") as fh:
        lineno, offset = 0, 0
        for raw in fh:
            lineno += 1
            start, offset = offset, offset + len(raw)
            if not raw.strip():
                continue  # blank lines separate nothing; not a document
            wanted = f"{stem}:{lineno}"
            try:
                obj = json.loads(raw)
            except ValueError:
                obj = None  # the worker re-reads the line and reports the JSON error
            if isinstance(obj, dict):
                found = next((obj[f] for f in ID_FIELDS if obj.get(f) not in (None, "")), None)
                if found is not None:
                    wanted = str(found)
            yield Item(doc_id=ids(wanted), source=f"{path}:{lineno}", kind="jsonl",
                       path=str(path), offset=start)


def _frame_items(df: "pd.DataFrame", ids: _Ids) -> Iterator[Item]:
    text_cols = [c for c in TEXT_FIELDS if c in df.columns]
    if not text_cols:
        raise CorpusInputError(
            f"The DataFrame has no 'text' or 'html' column (columns: {list(df.columns)}).")
    id_col = next((c for c in ID_FIELDS if c in df.columns), None)
    url_col = next((c for c in URL_FIELDS if c in df.columns), None)
    for pos, (label, row) in enumerate(df.iterrows()):
        wanted = row[id_col] if id_col is not None else label
        wanted = str(label) if _missing(wanted) else str(wanted)
        # The first column with some text wins; if none has any, the document fails as empty.
        kind, text = text_cols[0], row[text_cols[0]]
        for col in text_cols:
            if not _missing(row[col]) and str(row[col]).strip():
                kind, text = col, row[col]
                break
        text = None if _missing(text) else text
        url = None if url_col is None or _missing(row[url_col]) else str(row[url_col])
        yield Item(doc_id=ids(wanted), source=f"DataFrame row {pos}", kind=kind,
                   text=text if text is None or isinstance(text, str) else str(text), url=url)


def _missing(value: Any) -> bool:
    import pandas as pd

    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))
