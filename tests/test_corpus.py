"""Corpus runs: many Wikinews articles in, one table per kind out, failures kept, resumable."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

import newslab
from newslab.analysis import Analysis
from newslab.corpus import analyze_corpus, load_corpus, main_analyze
from newslab.corpus import store as corpus_store
from newslab.corpus.sources import list_items
from newslab.errors import CorpusInputError, OutputFolderError

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT / "data" / "wikinews"
ANALYSIS_TABLES = ("entities", "actors", "quotes", "statements")


def _small_reported_articles(n: int) -> list[Path]:
    """The ``n`` shortest Wikinews articles that report speech (so quote tables have rows)."""
    files = sorted(WIKINEWS.glob("*.txt"), key=lambda p: (p.stat().st_size, p.name))
    return [p for p in files if " said" in p.read_text(encoding="utf-8")][:n]


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory, nlp) -> Path:
    folder = tmp_path_factory.mktemp("wikinews")
    for p in _small_reported_articles(5):
        shutil.copy(p, folder / p.name)
    return folder


@pytest.fixture(scope="module")
def reference(corpus_dir):
    """An uninterrupted in-memory run: what every other way of running must reproduce."""
    return analyze_corpus(corpus_dir, progress=False)


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    """Rows in a canonical order (doc_id, then the row's order within its document)."""
    df = df.copy()
    df["_row"] = df.groupby("doc_id").cumcount()
    return df.sort_values(["doc_id", "_row"]).drop(columns="_row").reset_index(drop=True)


def _assert_same_tables(a, b, tables=None) -> None:
    for name in tables or a.tables:
        pd.testing.assert_frame_equal(_sorted(a.tables[name]), _sorted(b.tables[name]),
                                      obj=f"table {name!r}")


def _missing_as_none(df: pd.DataFrame) -> pd.DataFrame:
    """Values as plain objects, every missing value ``None`` (storage may turn None into NaN)."""
    df = df.reset_index(drop=True).astype(object)
    return df.where(df.notna(), None)


def _table_works(table: str) -> bool:
    """Whether the single-article API can build ``table`` yet (other modules are in progress)."""
    try:
        getattr(newslab.analyze("Talks resume\n\nThe minister said talks would resume."), table)
    except Exception:  # noqa: BLE001
        return False
    return True


# -- the tables -------------------------------------------------------------------------------
def test_every_table_has_doc_id_and_matches_the_single_article_api(reference, corpus_dir, nlp):
    files = sorted(corpus_dir.glob("*.txt"))
    assert reference.tables["articles"].doc_id.tolist() == [p.name for p in files]
    failures = reference.failures
    for p in files:
        single = Analysis(newslab.load_article(p), nlp=nlp)
        blocks = reference.tables["blocks"].query("doc_id == @p.name")
        assert blocks.text.tolist() == [b.text for b in single.article.blocks]
        for name in ANALYSIS_TABLES:
            try:
                expected = getattr(single, name)
            except Exception as err:  # noqa: BLE001 - must then be a recorded failure
                row = failures.query("doc_id == @p.name and stage == @name")
                assert row.error.tolist() == [type(err).__name__]
                continue
            got = reference.tables[name].query("doc_id == @p.name").drop(columns="doc_id")
            pd.testing.assert_frame_equal(_missing_as_none(got), _missing_as_none(expected),
                                          check_dtype=False)
    assert len(reference.tables["entities"]) > 20
    assert reference.tables["entities"].columns[0] == "doc_id"


@pytest.mark.parametrize("table", ANALYSIS_TABLES)
def test_a_healthy_corpus_has_no_failures(reference, table):
    if not _table_works(table):
        pytest.skip(f"Analysis.{table} is not implemented yet")
    assert reference.failures.query("stage == @table").empty
    assert len(reference.tables[table]) > 0 or table == "statements"


def test_parquet_output_round_trips_every_table_including_list_columns(reference, corpus_dir,
                                                                       tmp_path):
    res = analyze_corpus(corpus_dir, out=tmp_path / "out", progress=False)
    assert (tmp_path / "out" / "entities" / "part-00000.parquet").exists()
    _assert_same_tables(reference, res)
    reopened = load_corpus(tmp_path / "out")
    _assert_same_tables(reference, reopened)
    if _table_works("actors"):
        aliases = reopened.tables["actors"]["aliases"]
        assert all(isinstance(v, list) for v in aliases)
    if _table_works("quotes") and len(reopened.tables["quotes"]):
        frags = reopened.tables["quotes"]["fragments"]
        assert all(isinstance(v, list) and all(isinstance(x, int) for f in v for x in f)
                   for v in frags)


# -- bad documents ----------------------------------------------------------------------------
def test_bad_files_are_reported_with_a_reason_and_the_rest_is_kept(corpus_dir, tmp_path):
    folder = tmp_path / "mixed"
    shutil.copytree(corpus_dir, folder)
    good = sorted(p.name for p in folder.glob("*.txt"))
    text = (folder / good[0]).read_text(encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"  \n\n ")
    (folder / "binary.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (folder / "undecodable.txt").write_bytes(bytes(range(128, 256)) * 50)
    (folder / "huge.txt").write_text(text + "\n\n" + "\n\n".join([text] * 12), encoding="utf-8")

    res = analyze_corpus(folder, out=tmp_path / "out", max_chars=10_000, progress=False)
    fails = res.failures.set_index("doc_id")
    expected = {"empty.txt": ("EmptyInputError", "empty"),
                "binary.txt": ("BinaryInputError", "PDF"),
                "undecodable.txt": ("EncodingError", "decode"),
                "huge.txt": ("InputTooLargeError", "limit")}
    for doc_id, (error, word) in expected.items():
        assert fails.loc[doc_id, "stage"] == "read"
        assert fails.loc[doc_id, "error"] == error
        assert word in fails.loc[doc_id, "reason"]
        assert fails.loc[doc_id, "source"].endswith(doc_id)
    assert res.tables["articles"].doc_id.tolist() == good
    assert set(res.tables["entities"].doc_id) == set(good)
    assert "failed 4" in res.summary()


def test_a_table_that_raises_loses_only_that_table_of_that_document(corpus_dir, monkeypatch):
    victim = sorted(corpus_dir.glob("*.txt"))[1]
    headline = newslab.load_article(victim).headline
    real = Analysis.entities

    def entities(self):
        if self.article.headline == headline:
            raise RuntimeError("entity table broke")
        return real.func(self)

    monkeypatch.setattr(Analysis, "entities", property(entities))
    res = analyze_corpus(corpus_dir, tables=("articles", "entities"), progress=False)
    assert res.failures[["doc_id", "stage", "error"]].values.tolist() == [
        [victim.name, "entities", "RuntimeError"]]
    # An unexpected error is a bug: the reason says where it was raised.
    assert res.failures.reason[0].startswith("entity table broke [at test_corpus.py:")
    assert victim.name in res.tables["articles"].doc_id.tolist()
    assert victim.name not in set(res.tables["entities"].doc_id)
    assert res.tables["entities"].doc_id.nunique() == 4


# -- interruption and resume ------------------------------------------------------------------
def test_a_run_killed_after_one_chunk_resumes_to_the_same_tables(reference, corpus_dir,
                                                                 tmp_path, monkeypatch):
    out = tmp_path / "out"
    real_commit = corpus_store.ParquetStore.commit
    calls = []

    def commit_then_die(self, result):
        if calls:
            raise KeyboardInterrupt  # Ctrl-C while the second chunk is being saved
        calls.append(1)
        real_commit(self, result)

    monkeypatch.setattr(corpus_store.ParquetStore, "commit", commit_then_die)
    with pytest.raises(KeyboardInterrupt):
        analyze_corpus(corpus_dir, out=out, chunk_size=2, progress=False)
    monkeypatch.undo()
    assert len(load_corpus(out).doc_ids) == 2

    res = analyze_corpus(corpus_dir, out=out, chunk_size=2, progress=False)
    assert res.stats.n_skipped == 2 and res.stats.n_done == 3
    _assert_same_tables(reference, res)

    again = analyze_corpus(corpus_dir, out=out, progress=False)  # finished: nothing to do
    assert again.stats.n_done == 0 and again.stats.n_skipped == 5
    _assert_same_tables(reference, again)


def test_a_crash_between_part_files_and_manifest_does_not_duplicate_rows(reference, corpus_dir,
                                                                         tmp_path, monkeypatch):
    out = tmp_path / "out"
    real_append = corpus_store.ParquetStore._append_manifest
    calls = []

    def append_then_die(self, record):
        if calls:
            raise SystemExit("killed")  # part files of chunk 2 are on disk, not committed
        calls.append(1)
        real_append(self, record)

    monkeypatch.setattr(corpus_store.ParquetStore, "_append_manifest", append_then_die)
    with pytest.raises(SystemExit):
        analyze_corpus(corpus_dir, out=out, chunk_size=2, progress=False)
    monkeypatch.undo()
    assert (out / "articles" / "part-00001.parquet").exists()  # the orphan
    with open(out / corpus_store.MANIFEST_FILE, "ab") as fh:
        fh.write(b'{"part": 1, "doc_ids": ["torn')  # and a torn manifest line

    res = analyze_corpus(corpus_dir, out=out, chunk_size=2, progress=False)
    _assert_same_tables(reference, res)
    assert res.tables["articles"].doc_id.is_unique


def test_limit_then_resume_gives_the_uninterrupted_result(reference, corpus_dir, tmp_path):
    out = tmp_path / "out"
    first = analyze_corpus(corpus_dir, out=out, limit=3, progress=False)
    assert first.stats.n_done == 3
    _assert_same_tables(reference, analyze_corpus(corpus_dir, out=out, progress=False))


def test_resuming_with_other_tables_is_refused(corpus_dir, tmp_path):
    out = tmp_path / "out"
    analyze_corpus(corpus_dir, out=out, tables=("articles",), limit=1, progress=False)
    with pytest.raises(OutputFolderError, match="different settings"):
        analyze_corpus(corpus_dir, out=out, tables=("articles", "blocks"), progress=False)
    res = analyze_corpus(corpus_dir, out=out, tables=("articles", "blocks"), resume=False,
                         progress=False)
    assert res.stats.n_done == 5 and len(res.tables["blocks"]) > 5


def test_a_folder_of_other_files_is_not_overwritten(corpus_dir, tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(OutputFolderError, match="not a newslab"):
        analyze_corpus(corpus_dir, out=tmp_path, progress=False)
    assert (tmp_path / "notes.txt").read_text() == "mine"


# -- inputs -----------------------------------------------------------------------------------
def _texts(corpus_dir: Path) -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(corpus_dir.glob("*.txt"))]


def _renamed(result, table: str) -> pd.DataFrame:
    """A table with file-name doc_ids turned into stems (JSONL/DataFrame ids here)."""
    df = result.tables[table].copy()
    df["doc_id"] = df.doc_id.str.removesuffix(".txt")
    return df


def test_jsonl_input_with_ids_duplicates_and_bad_lines(reference, corpus_dir, tmp_path):
    texts = _texts(corpus_dir)
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": i, "text": t}) for i, t in texts]
    lines += [json.dumps({"id": texts[0][0], "text": texts[0][1]}),  # a repeated id
              "{not json", json.dumps({"id": "no-text", "body": "x"}), "",
              json.dumps({"text": texts[1][1]})]  # no id: file stem and line number
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    res = analyze_corpus(path, tables=("articles", "entities"), progress=False)
    ids = [i for i, _ in texts]
    assert res.tables["articles"].doc_id.tolist() == ids + [f"{ids[0]}#2", "corpus:10"]
    fails = res.failures.set_index("doc_id")
    assert fails.loc["corpus:7", "stage"] == "read" and "JSON" in fails.loc["corpus:7", "reason"]
    assert "no 'text' or 'html'" in fails.loc["no-text", "reason"]
    got = res.tables["entities"].query("doc_id in @ids")
    pd.testing.assert_frame_equal(_sorted(got), _sorted(_renamed(reference, "entities")),
                                  check_dtype=False)


def test_dataframe_input_uses_id_and_text_columns(reference, corpus_dir):
    texts = _texts(corpus_dir)
    frame = pd.DataFrame({"id": [i for i, _ in texts] + ["blank"],
                          "text": [t for _, t in texts] + ["   "]})
    res = analyze_corpus(frame, tables=("articles", "entities"), progress=False)
    assert res.failures[["doc_id", "stage", "error"]].values.tolist() == [
        ["blank", "read", "EmptyInputError"]]
    pd.testing.assert_frame_equal(_sorted(res.tables["entities"]),
                                  _sorted(_renamed(reference, "entities")), check_dtype=False)


def test_html_column_is_parsed_as_html():
    page = ("<html><body><article><h1>Mayor reopens bridge</h1><p>The mayor of Springfield "
            "said on Monday that the old bridge would reopen next week.</p></article>"
            "</body></html>")
    res = analyze_corpus(pd.DataFrame({"html": [page]}), tables=("articles", "blocks"),
                         progress=False)
    row = res.tables["articles"].iloc[0]
    assert (row.doc_id, row.format, row.headline) == ("0", "html", "Mayor reopens bridge")


def test_folder_ids_are_relative_paths_and_skip_non_article_files(tmp_path):
    src = _small_reported_articles(1)[0]
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        shutil.copy(src, tmp_path / sub / src.name)
    (tmp_path / "a" / "index.jsonl").write_text("{}\n")
    (tmp_path / "a" / "LICENSE.md").write_text("licence")
    ids = [it.doc_id for it in list_items(tmp_path)]
    assert ids == [f"a/{src.name}", f"b/{src.name}"]
    # The same file named twice, and a glob: ids stay unique and stable.
    again = [it.doc_id for it in list_items([tmp_path / "a" / src.name,
                                             str(tmp_path / "*" / "*.txt")])]
    assert again == [src.name, f"a/{src.name}", f"b/{src.name}"]
    twice = [it.doc_id for it in list_items([tmp_path / "a" / src.name] * 2)]
    assert twice == [src.name, f"{src.name}#2"]


def test_missing_input_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusInputError, match="No such file"):
        list_items(tmp_path / "nowhere")
    with pytest.raises(CorpusInputError, match="No documents"):
        list_items(tmp_path)


def test_cli_function_writes_parquet_and_reports_bad_input(corpus_dir, tmp_path, capsys):
    assert main_analyze([str(corpus_dir)], str(tmp_path / "out"), n_process=1,
                        engine="local", batch_size=8) == 0
    assert "5 documents" in capsys.readouterr().out
    assert load_corpus(tmp_path / "out").tables["articles"].shape[0] == 5
    assert main_analyze([str(tmp_path / "missing")], str(tmp_path / "o2"), 1, "local", 8) == 2
    assert "No such file" in capsys.readouterr().err


# -- engines ----------------------------------------------------------------------------------
@pytest.mark.slow  # ~5 s on a quiet machine: two spawned workers each load the model
def test_two_processes_give_the_same_tables_as_one(reference, corpus_dir, tmp_path):
    res = analyze_corpus(corpus_dir, out=tmp_path / "out", n_process=2, chunk_size=2,
                         progress=False)
    assert res.stats.n_done == 5 and not res.stats.lost
    _assert_same_tables(reference, res)


@pytest.mark.slow  # ~6 s on a quiet machine: a LocalCluster of two workers
def test_dask_gives_the_same_tables_as_local(reference, corpus_dir):
    pytest.importorskip("distributed", reason="dask[distributed] is not installed "
                        "(pip install 'newslab[dask]')")
    res = analyze_corpus(corpus_dir, engine="dask", n_process=2, chunk_size=2, progress=False)
    assert res.stats.n_done == 5 and not res.stats.lost
    _assert_same_tables(reference, res)
