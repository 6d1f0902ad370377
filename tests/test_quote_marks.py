"""Quote marks: local, robust pairing (issue 12) and headline scare quotes.

Two kinds of fault, each with inputs beyond the example that showed it:

* a quotation opened with one family's mark and closed with the other's (``'…"``, ``"…'``,
  ``‘…"``, ``«…"``), or with a mark of the wrong shape (``“…“``, ``”…”``), pairs within its
  paragraph; a quotation left open never swallows the sentences, and attributions, after it —
  while apostrophes (``don't``, ``Russia's``, ``'90s``, ``rock 'n' roll``, ``the voters'``) are
  never quote marks (textacy's failing case ``'AMANDA, you stabbed me," a stunned Anna Ramirez
  told…``);
* one or two words in quote marks in a headline are a scare quote, not a direct quotation
  (AP Stylebook: headline quote marks flag a contested word); a headline quoting a clause
  (``'We will win', says Smith``) keeps its quotation.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslab.extract.quotations import quotation_spans, text_lines
from newslab.tables import quotes_table as quotes


@pytest.fixture(scope="module")
def q(nlp):
    def run(text: str):
        return quotes(nlp(text))
    return run


def spans(text: str) -> list[list[str]]:
    """The quotations of ``text`` as lists of fragment texts."""
    found, _ = quotation_spans(text, text_lines(text))
    return [[text[s:e] for s, e in x.fragments] for x in found]


def direct(df):
    return df[df.kind == "direct"]


# -- mismatched marks pair within the paragraph ---------------------------------------------
@pytest.mark.parametrize("open_, close", [
    ("'", '"'), ("‘", '"'), ("“", '"'), ("«", '"'), ('"', "'"), ("“", "'"), ("'", "”"),
    ("‘", "”"), ("“", "“"), ("”", "”"), ("„", "“"),
])
def test_mismatched_marks_pair_locally(open_, close):
    text = (f"{open_}We will win the vote in November,{close} she said. "
            "Bo said the result was \u201cclear\u201d.")
    assert spans(text) == [["We will win the vote in November,"], ["clear"]]


def test_mismatched_quotation_gets_its_speaker_and_the_next_sentence_its_own_row(q):
    text = ("'We will win the vote in November,\" a confident Maria Lopez told reporters on "
            "Monday. Her rival said the polls showed \"a very close race\" in the north.")
    df = q(text)
    row = direct(df)
    assert len(row) == 1
    assert row.iloc[0].quote == "We will win the vote in November"
    assert row.iloc[0].speaker == "a confident Maria Lopez" and row.iloc[0].actor == "Maria Lopez"
    rival = df[df.speaker == "Her rival"]
    assert len(rival) == 1 and rival.iloc[0].quote.startswith("the polls showed")


def test_single_closing_mark_after_a_double_opening(q):
    text = "\"The talks were useful,' Sergei Lavrov told reporters. The meeting ended at noon."
    row = direct(q(text))
    assert len(row) == 1
    assert (row.iloc[0].quote, row.iloc[0].speaker) == ("The talks were useful", "Sergei Lavrov")


def test_mismatch_never_pairs_across_paragraphs():
    text = "'We will win,\n\nthe party leader said. \"Yes,\" he added."
    assert spans(text) == [["Yes,"]]


def test_unclosed_quotation_ends_with_its_paragraph():
    text = 'He said: "We will win the vote.\n\nThe talks ended on Tuesday. Bo said "no".'
    assert spans(text) == [["We will win the vote."], ["no"]]


def test_unclosed_quotation_continued_by_the_next_paragraph():
    text = ('Medvedev said: "We have many reasons.\n\n"These are the challenges."\n\n'
            'The talks ended.')
    assert spans(text) == [["We have many reasons.", "These are the challenges."]]


@pytest.mark.parametrize("text, quote, speaker", [
    ("\"Where are the horses' carrots? he asked. The stable was empty.",
     "Where are the horses' carrots?", "he"),
    ("'We will not back down, said Maria Lopez, the party leader. She spoke in Madrid.",
     "We will not back down", "Maria Lopez, the party leader"),
    ("\u201cThe plan is dead, a senior official told reporters on Monday. The vote is off.",
     "The plan is dead", "a senior official"),
])
def test_unclosed_quotation_stops_before_its_attribution(q, text, quote, speaker):
    rows = direct(q(text))
    assert len(rows) == 1
    assert (rows.iloc[0].quote, rows.iloc[0].speaker) == (quote, speaker)


LINE = st.lists(st.sampled_from(["We", "won", "the", "vote", "she", "said", ",", ".", "?", "don't",
                                  "voters'", "'90s", "'", '"', "“", "”", "‘", "’", "«", "»",
                                  "„"]), max_size=14).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE, min_size=1, max_size=5))
def test_pairing_stays_inside_paragraphs(lines):
    """Whatever the marks: no error, quotations in text order and never overlapping, and each
    fragment inside one paragraph — a quotation goes on to the next paragraph only when that
    one opens with a quote mark (the long-quotation convention)."""
    text = "\n\n".join(lines)
    paras = text_lines(text)
    found, bad = quotation_spans(text, paras)
    assert 0 <= bad <= len(paras)
    ends = -1
    for x in found:
        assert x.start >= ends
        ends = x.end
        for (s, e), (os_, oe) in zip(x.fragments, x.outer):
            assert os_ <= s <= e <= oe
            assert any(ps <= os_ and oe <= pe for ps, pe in paras)
        for (_, _), (os_, _) in zip(x.fragments[1:], x.outer[1:]):
            start = next(ps for ps, pe in paras if ps <= os_ < pe)
            assert os_ == start and text[os_] in "\"'“”‘’«»„"


# -- apostrophes are still not quote marks --------------------------------------------------
@pytest.mark.parametrize("text", [
    "We don't think Russia's role in the '90s was rock 'n' roll, the fans' view goes.",
    "The voters' anger and the players' pay were the ministers' worry in the '80s.",
    "O'Brien said he'd been goin' home since 'til the end of the year.",
    "Don’t blame the voters’ anger on the ’90s, Russia’s envoy said.",
])
def test_apostrophes_are_not_quote_marks(text):
    assert spans(text) == []


@pytest.mark.parametrize("text, expected", [
    ("'AMANDA, you stabbed me,\" said the twins' mother.", [["AMANDA, you stabbed me,"]]),
    ("'The voters' anger is real,\" she said.", [["The voters' anger is real,"]]),
    ("‘The players’ pay is too low,” he said.", [["The players’ pay is too low,"]]),
    ("\"Where are the horses' carrots?\" he asked.", [["Where are the horses' carrots?"]]),
    ("She said: ‘The voters’ anger isn’t new.’", [["The voters’ anger isn’t new."]]),
    ("She praised the players' 'fighting spirit' in the final.", [["fighting spirit"]]),
])
def test_apostrophes_inside_and_around_quotations(text, expected):
    assert spans(text) == expected


# -- headline scare quotes ------------------------------------------------------------------
BODY = "\n\nThe adviser spoke to reporters in Des Moines on Monday evening."


@pytest.mark.parametrize("headline", [
    "Trump 'can' win the nomination, says adviser",
    "Trump says he 'can win'",
    "Trump says: 'Can'",
    "Sanders declares ‘revolution,’ ignores losses",
    "Clinton calls the violence “genocide”",
    "Obama to frame election as 'commander-in-chief' test",
    "Adviser says Trump ‘can’t lose’",
])
def test_headline_scare_quotes_are_not_quotations(q, headline):
    df = q(headline + BODY)
    assert direct(df).empty, df[["quote", "kind", "speaker"]]
    assert not any(df.kind == "mixed"), df[["quote", "kind", "speaker"]]


def test_headline_scare_quote_inside_a_reported_claim_stays_indirect(q):
    df = q("Trump says he 'can win' the nomination" + BODY)
    row = df[df.speaker == "Trump"]
    assert len(row) == 1 and row.iloc[0].kind == "indirect"
    assert row.iloc[0].quote == "he 'can win' the nomination"


@pytest.mark.parametrize("headline, quote, speaker", [
    ("'We will win', says Smith", "We will win", "Smith"),
    ("\u201cWe are not done yet,\u201d Clinton tells supporters", "We are not done yet",
     "Clinton"),
])
def test_headline_quoting_a_clause_keeps_its_quotation(q, headline, quote, speaker):
    row = direct(q(headline + BODY))
    assert len(row) == 1
    assert (row.iloc[0].quote, row.iloc[0].speaker) == (quote, speaker)


def test_short_quotation_in_the_body_is_still_a_quotation(q):
    text = "Talks on the budget ended on Monday\n\n\"Never,\" the minister said."
    row = direct(q(text))
    assert len(row) == 1 and (row.iloc[0].quote, row.iloc[0].speaker) == ("Never",
                                                                           "the minister")


def test_one_line_text_is_not_a_headline(q):
    row = direct(q("\"Never,\" the minister said."))
    assert len(row) == 1 and row.iloc[0].quote == "Never"
