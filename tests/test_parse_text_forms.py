"""Bylines, captions and related-story markers in their common forms (issue 15).

Each test pastes a small invented article and checks the block kinds a careful reader would
give its lines.
"""

from __future__ import annotations

import pytest

from newslab import parse_text

LEAD = ("The city council approved the new budget on Tuesday after a debate that lasted "
        "more than four hours, officials said.")
SECOND = ("The plan raises spending on schools and roads while holding property taxes at "
          "last year's level, according to the finance office.")
THIRD = ("Opposition members said the figures relied on optimistic forecasts and promised to "
         "revisit the plan in the autumn.")


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in parse_text(text).blocks]


@pytest.mark.parametrize("line, name", [
    ("By Jane Doe", "Jane Doe"),
    ("By Jane Doe and Li Wei", "Jane Doe and Li Wei"),
    ("By Jane Doe, Reuters", "Jane Doe"),
    ("Jane Doe, Reuters", "Jane Doe"),
    ("Jane Doe | The Daily Ledger", "Jane Doe"),
    ("JANE DOE", "JANE DOE"),
    ("Jane Doe", "Jane Doe"),
    ("Jane Doe, Health Correspondent", "Jane Doe"),
])
def test_byline_forms_under_the_headline(line, name):
    art = parse_text(f"Council approves budget\n\n{line}\n\n{LEAD}\n\n{SECOND}")
    assert art.byline is not None and name in art.byline
    assert art.captions == []
    assert LEAD in art.body and line not in art.body


def test_author_names_in_a_related_list_are_not_the_byline():
    text = (f"Council approves budget\n\nJane Doe\n\n{LEAD}\n\n{SECOND}\n\nLatest\n\n"
            "Port strike ends after deal\n2 hours ago\nLi Wei")
    art = parse_text(text)
    assert art.byline == "Jane Doe"
    assert "Li Wei" not in art.body


def test_uncredited_caption_between_paragraphs_is_not_a_subheading():
    text = (f"Council approves budget\n\n{LEAD}\n\n{SECOND}\n\n"
            "Councillors leave the chamber after the vote on the budget late on Tuesday\n\n"
            f"{THIRD}")
    kinds = _kinds(text)
    assert ("caption", "Councillors leave the chamber after the vote on the budget late on "
            "Tuesday") in kinds
    assert not any(k == "heading" for k, _ in kinds)


@pytest.mark.parametrize("heading", ["What happens next", "How the money is spent",
                                     "Schools and roads"])
def test_short_subheadings_stay_headings(heading):
    kinds = _kinds(f"Council approves budget\n\n{LEAD}\n\n{SECOND}\n\n{heading}\n\n{THIRD}")
    assert ("heading", heading) in kinds


@pytest.mark.parametrize("marker", ["Mehr zum Thema", "Lire aussi", "Más información",
                                    "Leggi anche", "Leia também", "Lees ook"])
def test_related_markers_in_european_languages(marker):
    text = (f"Council approves budget\n\n{LEAD}\n\n{SECOND}\n\n{marker}\n\n"
            f"Port strike ends after deal\nCarmaker recalls vans\n\n{THIRD}\n\n{LEAD[:60]} again.")
    art = parse_text(text)
    assert not any(b.kind == "heading" for b in art.blocks)
    assert marker not in art.body and "Port strike" not in art.body
    assert THIRD in art.body


@pytest.mark.parametrize("marker", ["READ MORE: ", "Lire aussi : ", "Lees ook: "])
def test_inline_read_more_drops_the_link_but_not_the_closing_paragraph(marker):
    text = (f"Council approves budget\n\n{LEAD}\n\n{SECOND}\n\n"
            f"{marker}Mayor promises lower bus fares\n\n{THIRD}")
    art = parse_text(text)
    assert "bus fares" not in art.body
    assert THIRD in art.body
