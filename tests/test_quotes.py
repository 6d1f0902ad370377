"""Quotes: real sentences in, the expected attribution rows out."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslab.extract.quotations import quotation_spans
from newslab.tables import QUOTE_COLUMNS as COLUMNS
from newslab.tables import quotes_table as quotes
from newslab.extract.quote_sieves import RULE_AFTER, RULE_COLON

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "articles" / "nato-seeks-afghan-help-from-russia.txt"
GOLD = ROOT / "tests" / "data" / "nato-seeks-afghan-help-from-russia.json"


@pytest.fixture(scope="module")
def q(nlp):
    def run(text: str):
        return quotes(nlp(text))
    return run


def one(df, **where):
    """The single row whose columns equal ``where`` (a clear failure otherwise)."""
    rows = df
    for k, v in where.items():
        rows = rows[rows[k] == v]
    assert len(rows) == 1, f"expected one row with {where}, got:\n{df[['quote', 'kind', 'speaker', 'cue']]}"
    return rows.iloc[0]


# -- quote-mark styles ---------------------------------------------------------------------
STYLES = [
    ("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("„", "“"), ("``", "''"), ("'", "'"),
]


@pytest.mark.parametrize("open_, close", STYLES)
def test_every_quote_mark_style(q, open_, close):
    text = f"Medvedev said: {open_}We have many reasons for interaction.{close}"
    row = one(q(text), kind="direct")
    assert row.quote == "We have many reasons for interaction."
    assert text[row.start:row.end] == row.quote
    assert (row.speaker, row.cue) == ("Medvedev", "said")


def test_apostrophes_are_not_quote_marks(q):
    text = ("\"We don't think Russia's role in the '90s was rock 'n' roll,\" Anders Rasmussen "
            "said.")
    row = one(q(text), kind="direct")
    assert row.quote == "We don't think Russia's role in the '90s was rock 'n' roll"
    assert row.speaker == "Anders Rasmussen"


def test_curly_apostrophes_inside_single_quotes():
    text = "She said: ‘The voters’ anger isn’t new.’"
    qs, bad = quotation_spans(text, [(0, len(text))])
    assert [text[s:e] for s, e in qs[0].fragments] == ["The voters’ anger isn’t new."]
    assert bad == 0


# -- layouts ------------------------------------------------------------------------------
def test_speaker_after_quotation(q):
    row = one(q("“The talks were useful,” Sergei Lavrov told reporters."), kind="direct")
    assert (row.quote, row.speaker, row.cue) == ("The talks were useful", "Sergei Lavrov", "told")
    assert row.rule == RULE_AFTER


def test_inverted_speaker_after_quotation(q):
    row = one(q('"We need more helicopters," said Anders Rasmussen.'), kind="direct")
    assert row.speaker == "Anders Rasmussen"


def test_colon_introduction(q):
    row = one(q('Medvedev said: "We have many reasons for interaction."'), kind="direct")
    assert row.rule == RULE_COLON
    assert row.cue_start == 9 and row.cue_end == 13


def test_split_quotation_is_one_row_with_two_fragments(q):
    text = '"We will go to Moscow," Rasmussen said, "and we will ask for helicopters."'
    df = q(text)
    row = one(df, kind="direct")
    assert [text[s:e] for s, e in row.fragments] == [
        "We will go to Moscow", "and we will ask for helicopters."]
    assert row.speaker == "Rasmussen"


def test_second_sentence_after_attribution_joins_the_quotation(q):
    text = ('"The reason is simple," Sanders said. "We are telling the truth about the economy."')
    row = one(q(text), kind="direct")
    assert len(row.fragments) == 2 and row.speaker == "Sanders"


def test_multi_paragraph_quotation(q):
    text = ('Medvedev said: "We have many reasons for interaction.\n\n'
            '"These are the challenges that exist in the world."\n\n'
            'The talks ended on Tuesday.')
    row = one(q(text), kind="direct")
    assert row.quote == ("We have many reasons for interaction. These are the challenges that "
                         "exist in the world.")
    assert len(row.fragments) == 2 and row.speaker == "Medvedev"


def test_colon_at_end_of_previous_paragraph(q):
    text = 'Ted Cruz continued:\n\n"You look at the questions and you see a comic book."'
    row = one(q(text), kind="direct")
    assert row.speaker == "Ted Cruz" and row.cue == "continued"


def test_according_to(q):
    row = one(q("According to the ministry, the talks will resume next week."), kind="indirect")
    assert row.quote == "the talks will resume next week"
    assert (row.speaker, row.cue) == ("the ministry", "According to")


def test_told_someone_that(q):
    row = one(q("Lavrov told reporters that Moscow would consider the request."), cue="told")
    assert (row.kind, row.speaker, row.quote) == ("indirect", "Lavrov",
                                                   "Moscow would consider the request")


def test_was_quoted_as_saying(q):
    row = one(q("Medvedev was quoted as saying that Russia would send helicopters."),
              cue="saying")
    assert row.speaker == "Medvedev" and row.quote == "Russia would send helicopters"


def test_transcript_line(q):
    df = q("PENCE: We are going to win this election in November.\n\nKAINE: We will see about that.")
    row = df.iloc[0]
    assert (row.speaker, row.quote) == ("PENCE", "We are going to win this election in November.")
    assert df.iloc[1].speaker == "KAINE"


def test_one_capitals_label_alone_is_not_a_transcript(q):
    df = q("Budget talks\n\nBOOM: The governor just vetoed the whole spending bill tonight.")
    assert "BOOM" not in set(df.speaker.dropna())


def test_page_furniture_is_not_a_transcript_speaker(q):
    assert q("UPDATE: The talks were moved to Friday afternoon.").empty


def test_quotation_paragraph_after_an_attributed_one_keeps_the_speaker(q):
    text = ('"We will help," Rasmussen said.\n\n'
            '"Russia could contribute in a very concrete way by providing helicopters."')
    df = q(text)
    second = one(df, quote="Russia could contribute in a very concrete way by providing "
                           "helicopters.")
    assert second.speaker == "Rasmussen" and "same speaker" in second.rule


def test_reported_speech(q):
    row = one(q("In particular, Rasmussen said Russia could help by contributing more "
                "helicopters."), kind="indirect")
    assert row.quote == "Russia could help by contributing more helicopters"
    assert row.rule.startswith("reported speech")


def test_parenthetical_said_after_clause(q):
    row = one(q("Russia could help with helicopters, Rasmussen said."), cue="said")
    assert row.kind == "indirect" and row.quote == "Russia could help with helicopters"


def test_mixed_quotation(q):
    row = one(q('Sanders said the primary was "a closed contest where independents cannot '
                'vote."'), cue="said")
    assert row.kind == "mixed" and row.speaker == "Sanders"
    assert row.quote.startswith("the primary was")


def test_single_scare_quoted_word_leaves_reported_speech_indirect(q):
    row = one(q("Rasmussen says Moscow should help counter the 'terror' threat."), cue="says")
    assert row.kind == "indirect"


def test_attribution_in_the_middle_of_a_sentence_splits_the_content(q):
    text = "In the end, officials said, the ceasefire collapsed within hours."
    row = one(q(text), cue="said")
    assert [text[s:e] for s, e in row.fragments] == ["In the end",
                                                     "the ceasefire collapsed within hours"]
    assert (row.kind, row.speaker) == ("indirect", "officials")
    assert row.rule == "reported speech: sentence interrupted by speaker + reporting verb"


@pytest.mark.parametrize("text, cue", [
    ("Voters seem ready to punish the governor.", "seem"),
    ("The mayor appears to have lost the support of the unions.", "appears"),
])
def test_seem_and_appear_are_attributions_with_no_named_source(q, text, cue):
    row = one(q(text), cue=cue)
    assert row.quote == text.rstrip(".")  # subject to complement, as PolNeAR marks them
    assert row.speaker is None and row.rule.startswith("evidential")


def test_appear_without_a_complement_is_not_an_attribution(q):
    assert q("The minister appeared on television on Sunday evening.").empty


def test_impersonal_it_seems_keeps_only_the_clause(q):
    row = one(q("It seems the council has too many members."), cue="seems")
    assert row.quote == "the council has too many members"


@pytest.mark.parametrize("text, quote, speaker", [
    ("The merger is expected to create the largest bank in the country.",
     "The merger is expected to create the largest bank in the country", None),
    ("It was reported that the minister had resigned.", "the minister had resigned", None),
    ("The deal was first reported by The Washington Post.", "The deal", "The Washington Post"),
])
def test_agentless_passive_reports(q, text, quote, speaker):
    row = one(q(text), rule="passive report: subject + is expected/said to + complement")
    assert (row.quote, row.speaker) == (quote, speaker)


@pytest.mark.parametrize("text, cue, quote", [
    ("The senator denounced the new surveillance law.", "denounced", "the new surveillance law"),
    ("The governor touted the drop in unemployment.", "touted", "the drop in unemployment"),
    ("The mayor is hoping to win a third term.", "hoping", "to win a third term"),
])
def test_attitude_and_speech_verbs_from_the_lexicon(q, text, cue, quote):
    row = one(q(text), cue=cue)
    assert row.quote == quote and row.kind == "indirect"


@pytest.mark.parametrize("text, cue, quote, speaker", [
    ("Her claim that the economy was booming turned out to be false.", "claim",
     "the economy was booming", "Her"),
    ("The bill drew sharp criticism of the tax cuts.", "criticism", "the tax cuts", None),
    ("The senator has made the argument that the program costs too much.", "argument",
     "the program costs too much", "The senator"),
])
def test_noun_cues(q, text, cue, quote, speaker):
    row = one(q(text), cue=cue)
    assert (row.quote, row.speaker) == (quote, speaker)
    assert row.rule == "reported stance: noun cue + content"


@pytest.mark.parametrize("text, cue, quote, speaker", [
    ("Senator Ted Cruz was sharply critical of the nuclear deal with Iran.", "critical",
     "the nuclear deal with Iran", "Senator Ted Cruz"),
    ("Party leaders were eager to move on from the scandal.", "eager",
     "to move on from the scandal", "Party leaders"),
    ("The governor remains confident that the budget will pass.", "confident",
     "the budget will pass", "The governor"),
])
def test_predicative_adjective_cues(q, text, cue, quote, speaker):
    row = one(q(text), cue=cue)
    assert (row.quote, row.speaker, row.kind) == (quote, speaker, "indirect")
    assert row.rule == "reported stance: subject + be + adjective + content"


@pytest.mark.parametrize("text", [
    "It is clear that the plan failed.",  # impersonal: no one holds the stance
    "The critical vote on the deal is on Monday.",  # attributive, not predicative
])
def test_adjectives_that_report_no_stance(q, text):
    assert q(text).empty


def test_headline_source_colon_claim(q):
    row = one(q("Sanders: Clinton email story has moved on\n\nBernie Sanders spoke in Iowa."),
              cue=":")
    assert (row.speaker, row.quote, row.kind) == ("Sanders", "Clinton email story has moved on",
                                                   "indirect")
    # only the first line is a headline, and page furniture is no source
    assert q("Update: the markets closed higher on Monday afternoon.").empty
    body = q("Markets rise\n\nTraders were calm.\n\nOne trader: prices will fall again soon.")
    assert "headline: source + colon + claim" not in set(body.rule)


def test_object_of_say_is_what_was_said(q):
    row = one(q("The governor tweeted a photo of the flooded bridge."), cue="tweeted")
    assert (row.quote, row.speaker) == ("a photo of the flooded bridge", "The governor")


def test_relative_pronoun_is_the_speaker_mention_and_the_actor_is_its_noun(q):
    row = one(q("Putin met Angela Merkel, who said the talks were useful."), cue="said")
    assert (row.speaker, row.actor, row.quote) == ("who", "Angela Merkel", "the talks were useful")


def test_speaker_with_a_long_apposition_after_the_quotation(q):
    text = ('"The plank means a tougher attitude toward banks," Jane Doe, a senior fellow at a '
            'research institute in Washington and a party delegate, wrote in an analysis.')
    row = one(q(text), kind="direct")
    assert row.speaker.startswith("Jane Doe") and row.cue == "wrote"
    assert row.rule == RULE_AFTER


def test_attribution_after_an_exclamation_that_ends_the_sentence(q):
    row = one(q("“Loved the show — wish they had another season coming!” Bush said."),
              kind="direct")
    assert (row.speaker, row.cue) == ("Bush", "said")


@pytest.mark.parametrize("text", [
    "The rise of Pakistan's 'burger' generation",
    "She read \"War and Peace\" on the train to Moscow last summer.",
    "Nato calls it a \"partnership\" in its documents.",
    "'Shared threats'",
])
def test_scare_quotes_and_titles_are_not_quotes(q, text):
    assert not any(q(text).kind == "direct")


def test_unbalanced_marks_degrade_to_end_of_paragraph(q):
    text = 'Medvedev said: "We have many reasons for interaction.\n\nThe talks ended on Tuesday.'
    row = one(q(text), kind="direct")
    assert row.quote == "We have many reasons for interaction."


def test_empty_and_markless_text(q):
    assert list(q("").columns) == COLUMNS
    assert q("The sky is blue.").empty


# -- the demo article ----------------------------------------------------------------------
def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    s = re.sub(r"^(that)\s+", "", s.strip())
    return re.sub(r"\s+", " ", s).strip(" .,")


@pytest.fixture(scope="module")
def demo(nlp):
    import newslab
    from newslab.nlp import article_doc

    art = newslab.parse_text(DEMO.read_text(encoding="utf-8"))
    return art, quotes(article_doc(art, nlp), article=art)


def test_demo_gold_quotes(demo):
    art, df = demo
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for g in gold["quotes"]:
        rows = df[df.quote.map(norm) == norm(g["text"])]
        assert len(rows) == 1, f"missing {g['text']!r}:\n{df[['quote', 'kind', 'speaker']]}"
        row = rows.iloc[0]
        assert row.kind == g["kind"], g["text"]
        assert row.speaker.startswith(g["speaker_mention"]), (row.speaker, g)
        assert row.actor in g["speaker"].split("|"), (row.actor, g)
        if g.get("block"):
            assert row.block == g["block"]
        if g.get("multi_paragraph"):
            assert len(row.fragments) == 2
        for s, e in row.fragments:  # offsets are into Article.text
            assert norm(art.text[s:e]) in norm(g["text"])


def test_demo_not_quotes(demo):
    _, df = demo
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for text in gold["not_quotes"]:
        assert not (df.quote.map(norm) == norm(text)).any(), text


# -- never an exception -------------------------------------------------------------------
PIECES = st.sampled_from(["He said", "Smith", "told", " ", " ", "\n", "\n\n", ":", ",", ".",
                          '"', "'", "“", "”", "‘", "’", "«", "»", "„", "``", "''", "we", "win",
                          "don't", "according to", "that", "PENCE:", "—"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(PIECES, max_size=40).map("".join))
def test_random_quote_marks_never_raise(q, text):
    df = q(text)
    for r in df.itertuples():
        assert 0 <= r.start < r.end <= len(text)
        for s, e in r.fragments:
            assert r.start <= s < e <= r.end
        if r.speaker is not None:
            assert text[r.speaker_start:r.speaker_end] == r.speaker


def test_quotes_jsonl_writes_spans_into_each_text(nlp, tmp_path):
    from newslab.io.quotes import quotes_jsonl

    texts = {"a": 'Medvedev said: "We have many reasons for interaction."',
             "b": "No quotations here at all."}
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": k, "text": v}) for k, v in texts.items()),
                   encoding="utf-8")
    assert quotes_jsonl(src, tmp_path / "out.jsonl", progress=False, nlp=nlp) == 2
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [o["id"] for o in out] == ["a", "b"] and out[1]["quotes"] == []
    (rec,) = out[0]["quotes"]
    s, e = rec["quote_span"]
    assert texts["a"][s:e] == rec["quote"] and rec["kind"] == "direct"
    s, e = rec["speaker_span"]
    assert texts["a"][s:e] == "Medvedev" and rec["actor"] == "Medvedev"


def test_quotes_jsonl_marks_cut_texts_instead_of_losing_them_silently(tmp_path, monkeypatch):
    import json

    import newslab.io.quotes as qio

    monkeypatch.setattr(qio, "MAX_CHARS", 60)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": 'The mayor said: "We will rebuild the bridge by '
                                                  'spring, whatever it costs the city."'}) + "\n"
                   + json.dumps({"id": "b", "text": "Short text."}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert qio.quotes_jsonl(src, out, progress=False) == 2
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert "warning" in lines[0] and "warning" not in lines[1]
