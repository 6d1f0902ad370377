"""The notebook view of an Analysis: the article with actors and quotes marked, like displaCy."""

import html
import itertools
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import newslab
from newslab.views.display import PALETTE, Span, render_spans

DEMO = Path(__file__).resolve().parents[1] / "data" / "articles" / "nato-seeks-afghan-help-from-russia.txt"


@pytest.fixture(scope="module")
def analysis():
    return newslab.analyze(DEMO)


class _Balance(HTMLParser):
    """Checks that every tag opened is closed in order (well-formed nesting)."""

    VOID = {"br", "meta", "img", "hr", "input", "link"}

    def __init__(self):
        super().__init__()
        self.stack, self.errors = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append((tag, list(self.stack)))
        else:
            self.stack.pop()


def balanced(page: str) -> bool:
    p = _Balance()
    p.feed(page)
    return not p.errors and not p.stack


def test_every_mention_carries_a_chip_with_its_actor(analysis):
    page = analysis._repr_html_()
    chips = re.findall(r'class="newslab-chip"[^>]*>([^<]+)</span>', page)
    # one chip per marked mention, naming the actor the mention resolved to ("Alliance chief")
    assert len(chips) == page.count('<mark class="newslab-mention"') - _split_marks(page)
    assert "Rasmussen" in chips and chips.count("Russia") >= 10
    assert re.search(r"Alliance.*?chief.*?newslab-chip[^>]*>Rasmussen<", page)


def _split_marks(page: str) -> int:
    """Marks reopened after a quote edge cut them carry no second chip."""
    marks = re.findall(r'<mark class="newslab-mention"[^>]*>(.*?)</mark>', page)
    return sum("newslab-chip" not in m for m in marks)


def test_chips_can_be_turned_off_and_names_stay_in_tooltips(analysis):
    page = analysis.view(chips=False).data
    assert "newslab-chip" not in page and 'title="Rasmussen"' in page
    assert "Hover over a mark" in page


def test_top_actors_get_distinct_colours_and_the_rest_a_stated_style(analysis):
    page = analysis._repr_html_()
    legend = page[page.index("newslab-legend"):page.index("</div>", page.index("newslab-legend"))]
    top = analysis.actors.actor.head(8).tolist()
    fills = [re.search(rf'background:(#[0-9A-Fa-f]{{6}})">{re.escape(a)}</mark>', legend).group(1)
             for a in top]
    assert len(set(fills)) == 8
    # actors 9+ are outlined and the legend says what that means
    assert len(analysis.actors) > 8 and "other actors" in legend
    ninth = analysis.actors.actor.iloc[8]
    assert re.search(rf'title="{re.escape(ninth)}" style="[^"]*dashed', page)


def test_quotes_are_styled_by_kind_and_name_their_speaker(analysis):
    page = analysis._repr_html_()
    q = analysis.quotes
    assert {"direct", "indirect"} <= set(q.kind)
    assert "solid #222" in page and "dotted #222" in page  # direct vs reported
    chips = re.findall(r'class="newslab-quote-chip"[^>]*>([^<]+)</span>', page)
    assert "Rasmussen · direct quote" in chips and "Medvedev · direct quote" in chips
    assert "Rasmussen · reported speech" in chips
    assert len(chips) == sum(1 for f in q.fragments if len(f))


def test_the_whole_view_is_well_formed_and_dropped_blocks_are_summarised(analysis):
    page = analysis._repr_html_()
    assert balanced(page)
    assert "burger" not in page and "dropped as not part of the article" in page
    # the structure is named: headline and sub-heads are tagged
    assert 'data-kind="headline"' in page and ">sub-head</span>" in page


def test_overlapping_and_nested_spans_stay_well_formed_with_one_chip_each():
    text = "Moscow's envoy said Russia would help Nato."
    spans = [Span(0, 14, 1, 0, "Sergei Lavrov", "background:#56B4E9", "<i>SL</i>"),  # outer
             Span(0, 6, 1, 1, "Russia", "background:#EEEEBB", "<i>RU</i>"),          # nested
             Span(3, 25, 0, 0, "Lavrov", "border-bottom:1px solid", ""),              # overlaps
             Span(15, 19, 2, 0, "", "font-weight:bold", "")]
    out = render_spans(text, 0, len(text), spans)
    assert balanced(f"<div>{out}</div>")
    assert out.count("<i>SL</i>") == 1 and out.count("<i>RU</i>") == 1
    shown = re.sub(r"<[^>]+>", "", out.replace("<i>SL</i>", "").replace("<i>RU</i>", ""))
    assert html.unescape(shown) == text
    # the nested chip comes before the outer one, and the outer chip closes the outer span
    assert out.index("<i>RU</i>") < out.index("<i>SL</i>") < out.index("envoy") + 10


# -- the palette is distinct, also for colour-blind readers ---------------------------------------
# sRGB -> CIELAB (D65) and the Machado, Oliveira & Fernandes (2009) simulation matrices (severity
# 1.0), written out here so the test does not trust the module it checks.
_CVD = {"deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                         [-0.011820, 0.042940, 0.968881]],
        "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                       [-0.003882, -0.048116, 1.051998]],
        "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                       [0.004733, 0.691367, 0.303900]]}


def _lin(c):
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(lin):
    r, g, b = lin
    xyz = (0.4124 * r + 0.3576 * g + 0.1805 * b, 0.2126 * r + 0.7152 * g + 0.0722 * b,
           0.0193 * r + 0.1192 * g + 0.9505 * b)
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
         for t in (xyz[0] / 0.95047, xyz[1], xyz[2] / 1.08883)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def _seen(hex_colour, matrix=None):
    lin = [_lin(int(hex_colour[i:i + 2], 16)) for i in (1, 3, 5)]
    if matrix:
        lin = [min(max(sum(m * c for m, c in zip(row, lin)), 0), 1) for row in matrix]
    return _lab(lin)


@pytest.mark.parametrize("vision", [None, *_CVD])
def test_palette_colours_differ_for_every_kind_of_vision(vision):
    matrix = _CVD.get(vision)
    labs = [_seen(c, matrix) for c in PALETTE]
    worst = min(sum((x - y) ** 2 for x, y in zip(a, b)) ** 0.5
                for a, b in itertools.combinations(labs, 2))
    assert worst >= 15, f"two palette colours are near-twins for {vision or 'normal'} vision"
    # light enough for dark text
    assert min(lab[0] for lab in (_seen(c) for c in PALETTE)) >= 55
