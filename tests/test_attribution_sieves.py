"""Stage-1 attribution sieves (newslab/extract/quote_sieves.py, unattributed.py) on the newsroom
layouts that public bug reports against other quote tools showed failing.

The first input of each kind is built after a public report (CoreNLP#1090, textacy#383,
sayswho#3, spaCy#13883, neuralcoref#181); the others are our own variants of the same kind, so
the tests probe the layout, not one sentence.
"""

from __future__ import annotations

import pytest

import newslab
from newslab.extract.quote_sieves import (RULE_AFTER, RULE_COLON, RULE_DASH, RULE_INVERTED,
                                          RULE_LEAD_IN)
from newslab.extract.unattributed import RULE_ONLY_PERSON, RULE_PREVIOUS_SENTENCE


def rows(text: str):
    return newslab.quotes(text)


def row_with(df, words: str):
    hit = df[df["quote"].str.contains(words, regex=False)]
    assert len(hit) == 1, f"{words!r}: {len(hit)} rows in\n{df[['quote', 'speaker']]}"
    return hit.iloc[0]


# --- inverted attribution after a quote, any speech verb, any subject ------------------------

INVERTED = [
    ('Strike vote\n\nTalks broke down on Friday.\n\n"The strike will go ahead unless the offer '
     'improves," grumbled Harlan Voss, the union\'s regional secretary.\n\n"It is a fair offer and '
     'the best we can do," sighed Petra Lindqvist, who speaks for the employers.\n\n"We have '
     'members who cannot pay their rent," added Voss.',
     [("The strike will go ahead", "Harlan Voss", "Harlan Voss"),
      ("It is a fair offer", "Petra Lindqvist", "Petra Lindqvist"),
      ("We have members who cannot pay", "Voss", "Harlan Voss")]),
    ('"We love cats!" reply Burton and Nick.', [("We love cats", "Burton and Nick", None)]),
    ('Budget row\n\n"Nobody asked us," fumed councillor Ines Marlowe.\n\n"We will look at it '
     'again," conceded the finance chief, Tomas Berg.',
     [("Nobody asked us", "councillor Ines Marlowe", "Ines Marlowe"),
      ("We will look at it again", "the finance chief, Tomas Berg", "Tomas Berg")]),
    ('"I was not bothered by it," said Sue Seedorff-Keninger, 62, a retired teacher.',
     [("I was not bothered", "Sue Seedorff-Keninger", "Sue Seedorff-Keninger")]),
]


@pytest.mark.parametrize("text, expected", INVERTED)
def test_inverted_attribution_after_the_quote(text, expected):
    df = rows(text)
    for words, speaker, actor in expected:
        row = row_with(df, words)
        assert row["kind"] == "direct" and row["rule"] == RULE_INVERTED
        assert speaker in row["speaker"]
        if actor is not None:
            assert row["actor"] == actor


def test_any_verb_after_a_spliced_quote_with_the_speaker_first():
    df = rows('Harbour news\n\n"The boats will not sail today," harbour master Ewan Kirk '
              'grumbled.\n\n"We expected worse," she shrugged.')
    row = row_with(df, "The boats will not sail")
    assert row["speaker"] == "harbour master Ewan Kirk" and row["rule"] == RULE_AFTER
    assert row_with(df, "We expected worse")["speaker"] == "she"


def test_parser_attaching_the_name_to_the_quote_still_gives_the_speaker():
    # en_core_web_sm reads "Gene Sperling" as part of the quotation's clause here
    df = rows('Voters feel it. "It is not the position that everything is hunky-dory," Gene '
              'Sperling, a top outside adviser, said at a recent event in Iowa.')
    assert row_with(df, "hunky-dory")["speaker"].startswith("Gene Sperling")


# --- attribution without a speech verb -------------------------------------------------------

def test_dash_credit_and_lead_in_line():
    text = ("Regulator names new chief\n\nThe board confirmed Dana Whitcombe as its new director "
            "on Monday.\n\n“As I said when she was put forward, Dana knows this industry inside "
            "out, and her experience will serve the agency and the public well.” -Commissioner "
            "Rafael Okonjo\n\nAnd from board chair Ingrid Halvorsen:\n\n“Dana brings deep knowledge "
            "of the sector, a long record of public service, and a commitment to keeping the "
            "network fair and open.\"")
    df = rows(text)
    credit = row_with(df, "Dana knows this industry inside out")
    assert (credit["rule"], credit["actor"]) == (RULE_DASH, "Rafael Okonjo")
    lead = row_with(df, "Dana brings deep knowledge")
    assert (lead["rule"], lead["actor"]) == (RULE_LEAD_IN, "Ingrid Halvorsen")


@pytest.mark.parametrize("text, speaker", [
    ('Quotes of the week\n\n"We will not be the last town to try this." — Mayor Lucia Ferreira',
     "Mayor Lucia Ferreira"),
    ('"It works, and it is cheap."\n\n– Jonas Pike, founder of the co-op', "Jonas Pike"),
    ('Reactions came quickly.\n\nFrom the opposition leader, Mara Quist:\n\n"This budget fails '
     'every family in the country."', "the opposition leader, Mara Quist"),
    ('Council vote\n\nStatement from the mayor\'s office:\n\n"The council has made the right '
     'decision for the town and its families."', "the mayor's office"),
    ('Reactions\n\n"This is a sad day for the city and for everyone who works here." -- Sen. Jane '
     'Roe (D-Ohio)', "Sen. Jane Roe"),
])
def test_verbless_credits(text, speaker):
    row = row_with(rows(text), " ")
    assert row["speaker"] == speaker and row["rule"] in (RULE_DASH, RULE_LEAD_IN)


@pytest.mark.parametrize("text, speaker", [
    ('Storm damage\n\nMayor Ana Ruiz addressed residents from the town hall steps on Sunday. '
     '"We will rebuild every house on this street, no matter how long it takes." Many in the '
     'crowd applauded.', "Ana Ruiz"),
    ('Coach Pieter Vos turned to his players after the defeat. "We lost because we stopped '
     'running in the second half."', "Pieter Vos"),
    ('The water company\'s chief executive, Marcus Heller, rejected the claim. "Our charges are '
     'set by the regulator and we have kept within them."', "Marcus Heller"),
])
def test_speaker_set_up_in_the_previous_sentence(text, speaker):
    df = rows(text)
    row = df[df["kind"] == "direct"].iloc[0]
    assert speaker in row["speaker"] and row["rule"] in (RULE_PREVIOUS_SENTENCE, RULE_ONLY_PERSON)


def test_previous_sentence_decides_between_two_people():
    df = rows("Minister Karl Ude met union leader Sofia Lind on Monday. Lind addressed the strikers "
              'afterwards. "We will stay out until the offer improves for every member."')
    row = df[df["kind"] == "direct"].iloc[0]
    assert row["speaker"] == "Lind" and row["rule"] == RULE_PREVIOUS_SENTENCE


def test_a_previous_sentence_without_a_speaker_gives_none():
    df = rows('The river rose overnight. "We have never seen water like this in the town, not '
              'once in forty years."')
    assert df[df["kind"] == "direct"]["speaker"].isna().all()


# --- conversation: two speakers never merge --------------------------------------------------

@pytest.mark.parametrize("open_, close", [("« ", " »"), ('"', '"'), ("“", "”")])
def test_two_speakers_introduced_with_colons_keep_two_rows(open_, close):
    text = (f"Talks in Paris\n\nThe French minister told the crowd: {open_}We will not give in! "
            f"The talks go on. And you?{close} The union leader, Claire Moreau, replied: "
            f"{open_}We are waiting for action.{close}")
    df = rows(text)
    first = row_with(df, "We will not give in")
    assert "minister" in first["speaker"] and "waiting" not in first["quote"]
    assert first["rule"] == RULE_COLON
    second = row_with(df, "We are waiting for action")
    assert (second["speaker"], second["actor"]) == ("The union leader, Claire Moreau", "Claire Moreau")


def test_a_second_cue_between_two_quotations_blocks_the_join():
    df = rows('"We are ready," said Anna Holt, and her rival Piet Bakker answered at once, "So '
              'are we, and we have the votes."')
    assert row_with(df, "We are ready")["speaker"] == "Anna Holt"
    assert "So are we" not in row_with(df, "We are ready")["quote"]


def test_one_speaker_quoted_twice_is_one_row():
    df = rows('"I love cats!" insists Burton. "I absolutely do."')
    row = row_with(df, "I love cats")
    assert "I absolutely do" in row["quote"] and row["speaker"] == "Burton"


def test_a_question_and_its_reply_are_two_people():
    df = rows('"We need the new bridge now," Mayor Lina Holm said.\n\n"Who will pay for it?" asked '
              'councillor Ravi Shah.\n\n"The regional fund will pay for most of it, as it did last '
              'time."')
    assert row_with(df, "Who will pay")["speaker"] == "councillor Ravi Shah"
    reply = row_with(df, "The regional fund")
    assert reply["speaker"] == "Mayor Lina Holm"


def test_a_reply_with_nobody_two_turns_back_has_no_speaker():
    df = rows('Interview\n\n"Will you run again next year?" the reporter asked.\n\n"I have not '
              'decided yet, and I will not decide before the spring."')
    reply = row_with(df, "I have not decided")
    assert reply["speaker"] is None or reply["speaker"] != "the reporter"


# --- a quotation inside a longer reported sentence (mixed) -----------------------------------

@pytest.mark.parametrize("text, words, speaker", [
    ('Intro.\n\nTeachers are "looking to see who is on the other side of the ticket," union '
     'president Lily Garcia said.', "Teachers are", "union president Lily Garcia"),
    ('Intro.\n\nThe former secretary of state will play the "woman card," Fiorina said.',
     "The former secretary of state will play", "Fiorina"),
    ('Intro.\n\nThe governor could sign "some kind of executive order on this," said Stephen '
     'Loomis, the union president.', "The governor could sign", "Stephen Loomis"),
    ('Intro.\n\n"You cannot begin that process until you prove to people" that the border is '
     'secure, he said.', "that the border is secure", "he"),
])
def test_reported_sentence_around_a_quotation_is_one_mixed_row(text, words, speaker):
    row = row_with(rows(text), words)
    assert row["kind"] == "mixed" and speaker in row["speaker"]


def test_a_scare_quote_mid_sentence_is_not_reported_speech():
    df = rows("Intro.\n\nOnce a small fringe, this \"alternative\" information ecosystem now "
              "includes websites and radio programs.")
    assert df.empty or not df["quote"].str.contains("alternative").any()


@pytest.mark.parametrize("text, actor", [
    ('Storm damage\n\nMayor Ana Ruiz addressed residents from the town hall steps on Sunday. '
     '"We will rebuild every house on this street, no matter how long it takes." Many in the '
     'crowd applauded.', "Ana Ruiz"),
    ('Flood relief\n\nCouncillor Bram Oduya turned to the volunteers at the depot. "Without you '
     'this town would still be under water tonight."', "Bram Oduya"),
])
def test_a_speaker_set_up_before_the_quote_becomes_an_actor(text, actor):
    df = rows(text)
    row = df[df["kind"] == "direct"].iloc[0]
    assert row["actor"] == actor
    assert actor in set(newslab.actors(text)["actor"])


def test_a_quotation_inside_a_headline_claim_is_not_a_second_row():
    df = rows('Sanders: "We will never raise taxes on working families in this country"\n\n'
              'The senator spoke in Iowa on Monday night.')
    held = df[df["quote"].str.contains("never raise taxes", regex=False)]
    assert len(held) == 1
