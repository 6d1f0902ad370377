"""The one-page HTML report: self-contained, with the article, actors, quotes and stance."""

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import newslab
from newslab.cli import main
from newslab.views.report import stance_by_holder

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "articles" / "nato-seeks-afghan-help-from-russia.txt"


class _Resources(HTMLParser):
    """Every attribute that would make a browser fetch something."""

    def __init__(self):
        super().__init__()
        self.fetches, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "srcset", "data", "poster", "action", "xlink:href") \
                    and value and not value.startswith("#"):
                self.fetches.append((tag, name, value))


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "r.html"
    assert main(["report", str(DEMO), "--output", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def test_report_loads_nothing_from_elsewhere(page):
    p = _Resources()
    p.feed(page)
    assert p.fetches == []
    assert "script" not in p.tags and "link" not in p.tags and "iframe" not in p.tags
    # CSS may only refer to the page itself (SVG clip paths: url(#id))
    assert re.findall(r"url\((?!#)", page) == [] and "@import" not in page


def test_report_holds_article_structure_actors_quotes_chart_and_stance(page):
    art = newslab.load_article(DEMO)
    assert art.headline in page
    for block in art.paragraphs:  # the cleaned text, whole
        assert html.escape(block.text) in page
    subheads = [b.text for b in art.blocks if b.kind == "heading"]
    assert subheads and all(h in page for h in subheads)
    for actor in ("Rasmussen", "Medvedev", "Sergei Lavrov"):
        assert f">{actor}</td>" in page
    assert "Rasmussen · direct quote" in page  # quotes with their speakers, in the view
    quotes = page[page.index('id="quotes"'):page.index('id="stance"')]
    assert quotes.count("<tr") >= 10 and ">Medvedev</td>" in quotes
    assert page.count("<svg") >= 2  # actor chart and stance chart, inline
    assert 'id="stance"' in page and ">support</th>" in page


def test_analysis_to_html_writes_the_same_kind_of_page(tmp_path):
    a = newslab.analyze("Nato seeks help\n\nRasmussen said Russia could help Nato in Afghanistan.")
    text = a.to_html(tmp_path / "one.html", target="Russian help")
    assert (tmp_path / "one.html").read_text(encoding="utf-8") == text
    assert "Statements about <b>Russian help</b>" in text


def test_report_cli_names_the_option_when_the_output_cannot_be_written(tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        main(["report", str(DEMO), "--output", str(tmp_path / "missing" / "r.html")])
    assert "--output" in str(info.value.code)


def test_report_cli_reports_an_unreadable_input(tmp_path, capsys):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    assert main(["report", str(bad), "--output", str(tmp_path / "r.html")]) == 2
    assert "newslab report:" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()


def test_stance_by_holder_counts_each_label():
    import pandas as pd

    rows = pd.DataFrame({"holder": ["Russia", "Russia", "Nato", None],
                         "label": ["oppose", "oppose", "support", "support"],
                         "hedged": [False, True, pd.NA, False]})
    t = stance_by_holder(rows)
    assert t.holder.tolist() == ["Russia", "Nato"]
    assert t.set_index("holder").loc["Russia", ["statements", "oppose", "hedged"]].tolist() == [2, 2, 1]
