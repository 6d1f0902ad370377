"""Types the wording corrects (newslab/extract/type_cues.py): a descriptor before the name, an
apposition after it, or "X said its …" make X an organisation, whatever the tagger guessed.

The first input is built after a public report (explosion/spaCy#13480); the others are our own
variants of the same kinds.
"""

from __future__ import annotations

import pytest

import newslab


def types(text: str) -> dict[str, str]:
    df = newslab.actors(text, role="all")
    return dict(zip(df["actor"], df["type"]))


def test_companies_the_wording_marks_are_organisations():
    text = ("Billionaire bids for social network\n\nElias Brandvold, who owns the carmaker Voltura "
            "and the rocket firm Skyreach, has offered to buy Twitter (now X) for $21 billion of "
            "his own money.\n\nTwitter said its board would study the offer. Brandvold said he "
            "wanted to make the platform \"a place for free speech\".")
    got = types(text)
    assert got["Elias Brandvold"] == "PERSON"
    assert (got["Twitter"], got["Voltura"], got["Skyreach"]) == ("ORG", "ORG", "ORG")


@pytest.mark.parametrize("text, name", [
    ("Investors sold shares in the chipmaker Norvalt on Monday after a weak forecast.", "Norvalt"),
    ("Kelmar, a cybersecurity firm, found the exposed records last week.", "Kelmar"),
    ("Brisko said its drivers would strike on Friday over pay.", "Brisko"),
])
def test_one_cue_is_enough(text, name):
    assert types(text).get(name) == "ORG"


def test_a_person_described_by_an_organisation_stays_a_person():
    text = ("Ofelia Brandt, the consumer group's director, said prices had risen too fast. "
            "\"Families are paying twice what they paid,\" she said.")
    assert types(text).get("Ofelia Brandt") == "PERSON"
