"""The ``newslab`` command as a researcher uses it: several files, help, versions, errors."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

import newslab
from newslab.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "articles" / "nato-seeks-afghan-help-from-russia.txt"
WIKINEWS = ROOT / "data" / "wikinews"


@pytest.fixture
def two_articles(tmp_path):
    files = sorted(WIKINEWS.glob("*.txt"))[:2]
    for f in files:
        shutil.copy2(f, tmp_path / f.name)
    return [tmp_path / f.name for f in files]


def test_parse_takes_several_files_and_labels_each_output(two_articles, capsys):
    assert main(["parse", *map(str, two_articles), "--body"]) == 0
    out = capsys.readouterr().out
    for f in two_articles:
        assert f"==> {f} <==" in out
        body = newslab.load_article(f).body
        assert body.split("\n")[0] in out
    # each body follows its own label
    first, second = (out.index(f"==> {f} <==") for f in two_articles)
    assert first < second


def test_parse_takes_a_folder_and_a_glob(two_articles, capsys):
    folder = two_articles[0].parent
    assert main(["parse", str(folder), "--body"]) == 0
    by_folder = capsys.readouterr().out
    assert main(["parse", str(folder / "*.txt"), "--body"]) == 0
    by_glob = capsys.readouterr().out
    assert by_folder.count("==> ") == by_glob.count("==> ") == 2


def test_json_is_one_line_per_file_with_its_path(two_articles, capsys):
    assert main(["parse", *map(str, two_articles), "--json"]) == 0
    lines = capsys.readouterr().out.strip().split("\n")
    assert len(lines) == 2
    rows = [json.loads(line) for line in lines]
    assert [r["path"] for r in rows] == [str(f) for f in two_articles]
    assert all(r["headline"] and r["blocks"] for r in rows)


def test_actors_and_quotes_json_lines_carry_their_tables(capsys):
    assert main(["actors", str(DEMO), "--json"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["path"] == str(DEMO)
    assert [a["actor"] for a in row["actors"]][:2] == ["Russia", "Rasmussen"]
    assert main(["quotes", str(DEMO), "--json"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert any(q["actor"] == "Rasmussen" for q in row["quotes"])


def test_version():
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0


def test_version_names_newslab_and_spacy(capsys):
    with pytest.raises(SystemExit):
        main(["--version"])
    out = capsys.readouterr().out
    assert out.startswith(f"newslab {newslab.__version__} (spaCy ")


def test_missing_values_print_as_empty_cells_and_wide_shows_whole_quotes(tmp_path, capsys):
    # A quote whose speaker is a plain noun phrase resolves to no actor: an empty cell.
    p = tmp_path / "council.txt"
    p.write_text("Council vote\n\n\"We were never consulted about the closure of the library "
                 "on Elm Street, and we will not accept it without a proper public hearing,\" "
                 "one resident said at the meeting on Tuesday evening.\n", encoding="utf-8")
    assert main(["quotes", str(p)]) == 0
    narrow = capsys.readouterr().out
    assert "one resident" in narrow
    assert "NaN" not in narrow and "<NA>" not in narrow and "None" not in narrow
    assert "…" in narrow and "proper public hearing" not in narrow
    assert main(["quotes", str(p), "--wide"]) == 0
    wide = capsys.readouterr().out
    assert "without a proper public hearing" in wide


def test_format_reads_a_file_whose_name_does_not_say(tmp_path, capsys):
    page = tmp_path / "story.dat"
    page.write_text("<html><body><article><h1>Bridge opens</h1><p>The new bridge over the "
                    "river opened on Monday after four years of work, the council said.</p>"
                    "</article></body></html>", encoding="utf-8")
    assert main(["parse", str(page)]) == 2
    err = capsys.readouterr().err
    assert "--format html" in err and "format=" not in err
    assert main(["parse", str(page), "--format", "html", "--body"]) == 0
    assert "The new bridge over the river" in capsys.readouterr().out


def test_a_pdf_is_refused_as_a_pdf_with_no_python_argument_in_the_message(tmp_path, capsys):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert main(["parse", str(pdf)]) == 2
    err = capsys.readouterr().err
    assert "PDF" in err and "pdftotext" in err
    assert "=" not in err.split(":", 2)[-1].replace("==>", "")  # no `format='text'`


def test_a_wrong_encoding_names_the_cli_option(tmp_path, capsys):
    p = tmp_path / "cafe.txt"
    p.write_bytes("Café owners protest\n\nThe café owners said the rent rose.".encode("cp1252"))
    assert main(["parse", str(p), "--encoding", "ascii"]) == 2
    err = capsys.readouterr().err
    assert "--encoding" in err and "encoding=" not in err
    assert main(["parse", str(p), "--encoding", "cp1252", "--body"]) == 0
    assert "The café owners" in capsys.readouterr().out


def test_one_bad_file_is_reported_and_the_others_still_printed(two_articles, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["parse", str(two_articles[0]), str(empty), "--body"]) == 2
    captured = capsys.readouterr()
    assert f"==> {two_articles[0]} <==" in captured.out
    assert "empty" in captured.err and "Traceback" not in captured.err


def _all_parsers(parser: argparse.ArgumentParser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _all_parsers(sub)


def test_every_command_and_option_has_help_text():
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert {c.dest for c in sub._choices_actions} == {"parse", "actors", "quotes", "stance",
                                                      "report", "analyze"}
    assert all(c.help for c in sub._choices_actions)
    for p in _all_parsers(parser):
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            assert action.help, f"{p.prog} {action.option_strings or action.dest} has no help"


def test_stance_help_shows_its_input_format_with_an_example(capsys):
    with pytest.raises(SystemExit):
        main(["stance", "--help"])
    out = capsys.readouterr().out
    example = next(line for line in out.splitlines() if '"sentence"' in line)
    assert '"holder_span"' in out and '"target_span"' in out and "--target" in out
    assert example.strip().startswith("{")


def test_stance_of_an_article_on_a_target(capsys):
    assert main(["stance", str(DEMO), "--target", "Nato absorbing Georgia and Ukraine"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:2] == ["holder", "label"]
    assert "Russia" in out or "Sergei Lavrov" in out
