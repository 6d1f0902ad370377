"""Where a corpus run keeps its results: in memory, or Parquet files that survive a crash.

Layout of an output folder (``out=``)::

    out/_newslab_corpus.json      what the run computes (tables, profile, options), written once
    out/_manifest.jsonl           one line per finished chunk: its part number and doc_ids
    out/articles/part-00000.parquet
    out/quotes/part-00000.parquet  ...one folder per table, one part file per chunk
    out/failures/part-00000.parquet

A chunk is committed in two steps: its part files are written (each to a temporary name, flushed
and renamed into place), then ONE line is appended to the manifest and flushed. Only parts named
in the manifest count: a run killed between the two steps leaves part files that the next run
deletes and redoes, and a line torn by a crash is cut off. Each manifest line records its part
files' sizes; a resumed run checks every committed part (size and Parquet footer) and redoes a
chunk whose file was truncated or damaged. So every document is either wholly in the output or
not at all, and a resumed run skips exactly the documents already there.

One run at a time: ``out/_newslab.lock`` (:mod:`newslab.corpus.lock`) is held while a run
writes, and a lock left by a killed run is recognised by its dead process id and taken over.
A folder that cannot be written (no permission, disk full) stops the run with
:class:`~newslab.errors.OutputFolderError`; the chunk being written leaves no file behind and
every chunk committed before it stays valid for a later resume.
The manifest is an append-only log rather than a JSON file rewritten after each chunk, so
committing costs the same for the thousandth chunk as for the first.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import OutputFolderError
from .lock import LOCK_FILE, RunLock
from .work import ChunkResult, Config

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

META_FILE = "_newslab_corpus.json"
MANIFEST_FILE = "_manifest.jsonl"
FAILURES = "failures"
FAILURE_COLUMNS = ("doc_id", "source", "stage", "error", "reason")
FORMAT_VERSION = 1


def config_meta(config: Config) -> dict[str, Any]:
    """What must match for a run to resume another: tables, profile, model, Analysis options."""
    return {"tables": list(config.tables), "profile": config.profile, "model": config.model,
            "options": repr(config.options)}


class MemoryStore:
    """Results kept in memory (``out=None``), as Arrow tables.

    Going through Arrow, exactly as the Parquet store does, makes a table the same whether it
    was kept in memory or written and read back (missing values, string columns, lists), and
    Arrow tables take less memory than object DataFrames.
    """

    def __init__(self, config: Config) -> None:
        self.tables = list(config.tables)
        self.done: set[str] = set()
        self._parts: dict[str, list[Any]] = {t: [] for t in self.tables + [FAILURES]}

    def commit(self, result: ChunkResult) -> None:
        """Keep one chunk's tables and failures."""
        frames = dict(result.tables)
        if result.failures:
            frames[FAILURES] = failures_frame(result.failures)
        for name, df in frames.items():
            if len(df):
                self._parts[name].append(_to_arrow(df))
        self.done.update(result.doc_ids)

    def table(self, name: str) -> "pd.DataFrame":
        """One table, all chunks together."""
        return combine(self._parts[name], name)


class ParquetStore:
    """Results written to ``out/`` chunk by chunk (see the module docstring)."""

    def __init__(self, out: str | os.PathLike, config: Config, *, resume: bool = True) -> None:
        self.root = Path(out)
        self.tables = list(config.tables)
        if self.root.exists() and not self.root.is_dir():
            raise OutputFolderError(str(out), "it is a file, not a folder.")
        with _writing(self.root, "create the folder"):
            self.root.mkdir(parents=True, exist_ok=True)
        self.lock: RunLock | None = RunLock.acquire(self.root)
        try:
            with _writing(self.root, "prepare the folder"):
                self._open(config, resume)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Release the folder's lock (the results stay readable)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _open(self, config: Config, resume: bool) -> None:
        out = self.root
        meta = config_meta(config)
        meta_path = self.root / META_FILE
        if meta_path.exists():
            old = _read_json(meta_path)
            if not resume:
                self._clear(old.get("tables", []))
            elif any(old.get(k) != v for k, v in meta.items()):
                raise OutputFolderError(
                    str(out), f"it holds an earlier run made with different settings "
                    f"({_diff(old, meta)}), which cannot be resumed with these.")
        elif any(p.name != LOCK_FILE for p in self.root.iterdir()):
            raise OutputFolderError(str(out), "it already holds files that are not a newslab "
                                    "corpus run (no _newslab_corpus.json).")
        if not meta_path.exists():
            meta.update(format="newslab-corpus", version=FORMAT_VERSION,
                        created=datetime.now(timezone.utc).isoformat(timespec="seconds"))
            _write_atomic(meta_path, json.dumps(meta, indent=2).encode())
        self.commits = _read_manifest(self.root / MANIFEST_FILE)
        self.next_part = 1 + max((c["part"] for c in self.commits), default=-1)
        self._drop_damaged()
        self.done = {d for c in self.commits for d in c["doc_ids"]}
        self._remove_strays()

    # -- writing ----------------------------------------------------------------------------
    def commit(self, result: ChunkResult) -> None:
        """Write one chunk's part files, then record it in the manifest (the commit point)."""
        part = self.next_part
        written, sizes = [], {}
        frames = dict(result.tables)
        if result.failures:
            frames[FAILURES] = failures_frame(result.failures)
        try:
            with _writing(self.root, f"write chunk {part}"):
                for name, df in frames.items():
                    if len(df):
                        path = self._part_path(name, part)
                        write_parquet(df, path)
                        written.append(name)
                        sizes[name] = path.stat().st_size
                record = {"part": part, "doc_ids": result.doc_ids, "tables": written,
                          "sizes": sizes}
                self._append_manifest(record)
        except OutputFolderError:
            for name in written:  # not committed: remove what this chunk wrote
                self._part_path(name, part).unlink(missing_ok=True)
            raise
        self.commits.append(record)
        self.next_part += 1
        self.done.update(result.doc_ids)

    def _append_manifest(self, record: dict[str, Any]) -> None:
        """Append one line; on a failed write, cut the file back so no torn line is left."""
        line = json.dumps(record, ensure_ascii=False) + "\n"
        path = self.root / MANIFEST_FILE
        with open(path, "ab") as fh:
            size = fh.tell()
            try:
                fh.write(line.encode("utf-8"))
                fh.flush()
                os.fsync(fh.fileno())
            except OSError:
                fh.truncate(size)
                raise

    def _drop_damaged(self) -> None:
        """Forget committed chunks whose part files are missing, truncated or unreadable (a
        crash or a full disk mid-write, a file cut short when copied); their documents are
        redone. The manifest is rewritten without them (atomically)."""
        bad = [c for c in self.commits if not all(
            _part_ok(self._part_path(name, c["part"]), c.get("sizes", {}).get(name))
            for name in c["tables"])]
        if not bad:
            return
        print(f"newslab: {len(bad)} finished chunk(s) in {self.root} have damaged part files "
              "and will be redone.", file=sys.stderr)
        self.commits = [c for c in self.commits if c not in bad]
        _write_atomic(self.root / MANIFEST_FILE, b"".join(
            (json.dumps(c, ensure_ascii=False) + "\n").encode("utf-8") for c in self.commits))

    def _part_path(self, name: str, part: int) -> Path:
        return self.root / name / f"part-{part:05d}.parquet"

    # -- reading ----------------------------------------------------------------------------
    def table(self, name: str) -> "pd.DataFrame":
        """One table read back from its committed part files, in commit order."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        parts = []
        for c in self.commits:
            if name in c["tables"]:
                path = self._part_path(name, c["part"])
                try:
                    parts.append(pq.read_table(path))
                except (OSError, pa.ArrowException) as err:
                    raise OutputFolderError(str(self.root), f"its part file {path.name} of "
                                            f"table {name!r} is damaged ({err}).", "Run the "
                                            "analysis again with the same arguments: damaged "
                                            "chunks are redone.") from None
        return combine(parts, name)

    # -- housekeeping -----------------------------------------------------------------------
    def _remove_strays(self) -> None:
        """Delete part files no manifest line names (left by a run killed mid-commit)."""
        committed = {(name, c["part"]) for c in self.commits for name in c["tables"]}
        for name in self.tables + [FAILURES]:
            folder = self.root / name
            if not folder.is_dir():
                continue
            for path in folder.iterdir():
                if path.name.startswith(".part-") and path.name.endswith(".tmp"):
                    path.unlink()
                elif path.name.startswith("part-") and path.suffix == ".parquet":
                    try:
                        part = int(path.stem.split("-")[1])
                    except (IndexError, ValueError):
                        continue
                    if (name, part) not in committed:
                        path.unlink()

    def _clear(self, old_tables: list[str]) -> None:
        """Remove an earlier run's files (only files newslab wrote; nothing else)."""
        for name in set(old_tables) | set(self.tables) | {FAILURES}:
            folder = self.root / name
            if folder.is_dir():
                for path in folder.glob("*part-*"):
                    path.unlink()
                if not any(folder.iterdir()):
                    shutil.rmtree(folder)
        for fname in (MANIFEST_FILE, META_FILE):
            (self.root / fname).unlink(missing_ok=True)


def open_output(out: str | os.PathLike) -> ParquetStore:
    """Open an existing output folder for reading (its own settings, nothing deleted)."""
    root = Path(out)
    meta_path = root / META_FILE
    if not meta_path.exists():
        raise OutputFolderError(str(out), "it holds no newslab corpus run (no "
                                "_newslab_corpus.json).")
    meta = _read_json(meta_path)
    store = ParquetStore.__new__(ParquetStore)
    store.root, store.lock = root, None  # reading needs no lock
    store.tables = list(meta.get("tables", []))
    store.commits = _read_manifest(root / MANIFEST_FILE, repair=False)
    store.done = {d for c in store.commits for d in c["doc_ids"]}
    store.next_part = 1 + max((c["part"] for c in store.commits), default=-1)
    return store


# -- Parquet ----------------------------------------------------------------------------------
def write_parquet(df: "pd.DataFrame", path: Path) -> None:
    """Write ``df`` to ``path`` atomically (temporary file, fsync, rename)."""
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    table = _to_arrow(df)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with open(tmp, "wb") as fh:
            pq.write_table(table, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # never leave a half-written file behind
        raise


#: Parquet schema metadata key listing the columns stored as JSON text.
JSON_COLUMNS_KEY = b"newslab.json_columns"


def _to_arrow(df: "pd.DataFrame"):
    """``df`` as an Arrow table. Columns of dicts (e.g. counts by kind) are stored as JSON text,
    because Arrow would turn them into structs with the union of all keys (``None`` filled in,
    ints made floats); columns Arrow cannot type at all (mixed numbers and text) likewise.
    Lists stay Arrow lists, so other Parquet readers see them as lists."""
    import pyarrow as pa

    json_cols = [c for c in df.columns if df[c].dtype == object
                 and any(isinstance(v, dict) for v in df[c])]
    for col in df.columns:
        if col in json_cols or df[col].dtype != object:
            continue
        try:
            pa.array(df[col], from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
            json_cols.append(col)
    if json_cols:
        df = df.copy()
        for col in json_cols:
            df[col] = [None if v is None else json.dumps(v, ensure_ascii=False, default=str)
                       for v in df[col]]
    table = pa.Table.from_pandas(df, preserve_index=False)
    if json_cols:
        meta = dict(table.schema.metadata or {})
        meta[JSON_COLUMNS_KEY] = json.dumps(json_cols).encode()
        table = table.replace_schema_metadata(meta)
    return table


def read_parquet(path: Path) -> "pd.DataFrame":
    """Read a part file back as written."""
    import pyarrow.parquet as pq

    return from_arrow(pq.read_table(path))


def from_arrow(table) -> "pd.DataFrame":
    """An Arrow table made by :func:`_to_arrow` back as a DataFrame: lists as Python lists (not
    numpy arrays), JSON-stored columns decoded."""
    json_cols = json.loads((table.schema.metadata or {}).get(JSON_COLUMNS_KEY, b"[]"))
    df = table.to_pandas()
    for col in df.columns:
        if col in json_cols:
            df[col] = pd_object([None if v is None else json.loads(v) for v in df[col]])
        elif df[col].dtype == object:
            df[col] = pd_object([_unarray(v) for v in df[col]])
    return df


def pd_object(values: list[Any]):
    """A pandas object Series (so lists and dicts are kept as cells, not expanded)."""
    import pandas as pd

    return pd.Series(values, dtype=object)


def _unarray(v: Any) -> Any:
    if isinstance(v, (str, bytes)) or v is None:
        return v
    if getattr(v, "ndim", 0):  # numpy array: a list column
        if v.dtype != object:
            return v.tolist()  # numbers -> Python numbers
        return [_unarray(x) for x in v]
    if isinstance(v, list):
        return [_unarray(x) for x in v]
    if isinstance(v, dict):
        return {k: _unarray(x) for k, x in v.items()}
    return v


def combine(parts: list[Any], name: str) -> "pd.DataFrame":
    """Arrow tables of one table's chunks as one DataFrame.

    Concatenating in Arrow first unifies types across chunks (a column that was all missing in
    one chunk and text in another is text throughout), so the result does not depend on where
    chunk boundaries fell — an interrupted and resumed run gives the same table as one run.
    """
    import pyarrow as pa

    if not parts:
        return _concat([], name)
    json_cols = sorted({c for t in parts for c in
                        json.loads((t.schema.metadata or {}).get(JSON_COLUMNS_KEY, b"[]"))})
    try:
        table = pa.concat_tables(parts, promote_options="permissive")
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return _concat([from_arrow(t) for t in parts], name)  # types too different to unify
    meta = dict(table.schema.metadata or {})
    meta[JSON_COLUMNS_KEY] = json.dumps(json_cols).encode()
    if b"pandas" in meta:
        meta[b"pandas"] = _pandas_meta(parts)
    return from_arrow(table.replace_schema_metadata(meta))


def _pandas_meta(parts: list[Any]) -> bytes:
    """pandas' dtype notes for the combined table, each column's taken from the first chunk
    where it holds values (a chunk where it was all missing would make it ``object``)."""
    import pyarrow as pa

    base = json.loads(parts[0].schema.metadata[b"pandas"])
    for i, col in enumerate(base.get("columns", [])):
        for t in parts:
            name = col.get("field_name")
            if name not in t.column_names or pa.types.is_null(t.schema.field(name).type):
                continue
            notes = json.loads((t.schema.metadata or {}).get(b"pandas", b"{}"))
            found = next((c for c in notes.get("columns", []) if c.get("field_name") == name),
                         None)
            if found is not None:
                base["columns"][i] = found
            break
    return json.dumps(base).encode()


def failures_frame(records: list[dict[str, Any]]) -> "pd.DataFrame":
    """Failure records as a DataFrame with the standard columns."""
    import pandas as pd

    return pd.DataFrame(records, columns=list(FAILURE_COLUMNS))


def _concat(parts: list["pd.DataFrame"], name: str) -> "pd.DataFrame":
    import pandas as pd

    parts = [p for p in parts if len(p)]
    if not parts:
        cols = FAILURE_COLUMNS if name == FAILURES else ("doc_id",)
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


# -- small file helpers -----------------------------------------------------------------------
class _writing:
    """Turn an OS error while writing into an :class:`OutputFolderError` that says what to do
    (disk full, no permission, read-only file system), never a traceback from pyarrow."""

    def __init__(self, root: Path, doing: str) -> None:
        self.root, self.doing = root, doing

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, err, tb) -> bool:
        if err is None or not isinstance(err, OSError) or isinstance(err, OutputFolderError):
            return False
        code = getattr(err, "errno", None)
        what = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is used up",
                errno.EACCES: "permission denied", errno.EPERM: "permission denied",
                errno.EROFS: "the file system is read-only"}.get(code, str(err))
        raise OutputFolderError(str(self.root), f"could not {self.doing}: {what}.",
                                "Documents finished before this are saved; free space or fix "
                                "the permissions, then run again with the same arguments to "
                                "continue.") from err


def _part_ok(path: Path, size: int | None) -> bool:
    """Whether a committed part file is whole: the size recorded at commit, a Parquet footer."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        if size is not None and path.stat().st_size != size:
            return False
        pq.ParquetFile(path).metadata
    except (OSError, pa.ArrowException):
        return False
    return True


def _read_json(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise OutputFolderError(str(path.parent), f"its {path.name} is unreadable ({err}).")


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _read_manifest(path: Path, *, repair: bool = True) -> list[dict[str, Any]]:
    """Committed chunks; a torn last line (a crash mid-append) is ignored and, if ``repair``,
    cut off so the next append starts on a fresh line."""
    if not path.exists():
        return []
    data = path.read_bytes()
    commits, good_end, pos = [], 0, 0
    for line in data.splitlines(keepends=True):
        pos += len(line)
        if not line.endswith(b"\n"):
            break
        try:
            rec = json.loads(line)
        except ValueError:
            break
        commits.append(rec)
        good_end = pos
    if repair and good_end < len(data):
        with open(path, "r+b") as fh:
            fh.truncate(good_end)
    return commits


def _diff(old: dict[str, Any], new: dict[str, Any]) -> str:
    return "; ".join(f"{k}: {old.get(k)!r} then, {v!r} now" for k, v in new.items()
                     if old.get(k) != v)
