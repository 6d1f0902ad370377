"""First-person words in a direct quotation refer to its speaker (newslab/extract/quoted_self.py)."""

from __future__ import annotations

import newslab


def linked(text: str) -> dict[str, set]:
    df = newslab.analyze(text).mention_frame
    out: dict[str, set] = {}
    for word, actor in zip(df["text"], df["actor"]):
        out.setdefault(word.lower(), set()).add(actor)
    return out


def test_i_and_my_in_a_quotation_are_its_speaker():
    got = linked('Election night\n\n"I will not resign, and my party knows it," Angela Merkel said '
                 'on Sunday.')
    assert got["i"] == {"Angela Merkel"} and got["my"] == {"Angela Merkel"}


def test_a_body_speaks_as_we_but_a_person_does_not():
    got = linked('Strike\n\n"We will not accept this offer," the union Unite said in a statement.'
                 '\n\n"We are tired," Maria Lopez said.')
    assert "Maria Lopez" not in got.get("we", set())


def test_first_person_outside_quotations_is_not_linked():
    got = linked("Opinion\n\nI think Angela Merkel was right to stay.")
    assert "i" not in got


def test_the_speaker_mentions_count_in_the_actors_table():
    text = '"I will stay, I promise," Angela Merkel said.'
    actors = newslab.actors(text)
    row = actors[actors["actor"] == "Angela Merkel"].iloc[0]
    assert row["mentions"] >= 3
