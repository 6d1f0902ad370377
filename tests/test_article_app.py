"""Your own article, no code: paste or upload, analyse, see view/quotes/actors, get the report."""

import base64
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from newslab.views.article_app import ArticleApp  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "data" / "pages" / "us-president-bush-visits-canada.html"
DEMO = ROOT / "data" / "articles" / "nato-seeks-afghan-help-from-russia.txt"
TEXT = DEMO.read_text(encoding="utf-8")


def _report(app) -> str:
    link = app.results.children[0].value
    data = link.split("base64,")[1].split('"')[0]
    return base64.b64decode(data).decode("utf-8")


def test_pasted_text_shows_view_quotes_actors_and_a_report_link():
    app = ArticleApp()
    app.text.value = TEXT
    app.button.click()                      # what pressing Analyse does
    n = len(app.analysis.quotes)
    assert f"{n} quotes" in app.status.value and n >= 10
    assert "Rasmussen" in app.analysis.actors.actor.tolist()
    texts = " ".join(getattr(w, "value", "") for w in app.results.children)
    assert "newslab-report-link" in texts and "Actors" in texts
    quote_list = app.results.children[2]
    assert "newslab-quote-list" in quote_list._dom_classes
    report = _report(app)
    assert report.startswith("<!DOCTYPE html>") and "Nato seeks Afghan help from Russia" in report


def test_an_uploaded_html_page_is_read_as_html():
    app = ArticleApp()
    app.analyse_upload([{"name": PAGE.name, "content": memoryview(PAGE.read_bytes())}])
    assert app.analysis is not None and app.analysis.article.format == "html"
    assert "Bush" in " ".join(app.analysis.actors.actor)


def test_empty_and_binary_input_are_said_in_one_line():
    app = ArticleApp()
    app.analyse_text("   ")
    assert "Paste an article" in app.status.value and app.results.children == ()
    app.analyse_upload([{"name": "photo.txt", "content": memoryview(b"\x89PNG\r\n\x1a\n" + b"\0" * 50)}])
    assert "Could not analyse photo.txt" in app.status.value and "Traceback" not in app.status.value
