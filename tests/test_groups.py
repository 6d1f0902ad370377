"""Group actors (issue 13, item 4): "supporters of X", "X's aides", "residents", "the foreign
ministers", "protesters", "critics of X" are their own actors of type GROUP, never X.

Inputs are short news paragraphs written for these tests (invented names), run through the
whole pipeline (``newslab.analyze``).
"""

from __future__ import annotations

import pytest

import newslab
from newslab.extract.groups import group_mentions


def _analysis(text, nlp):
    return newslab.analyze(text, nlp=nlp)


def _group_of(a, phrase: str) -> str | None:
    frame = a.mention_frame
    rows = frame[(frame.text == phrase) & (frame.kind == "group")]
    return rows.actor.iloc[0] if len(rows) else None


# -- the public report: "Supporters of Bernie" --------------------------------------------------
def test_supporters_of_a_person_are_a_group_and_their_quote_is_theirs(nlp):
    a = _analysis('Supporters of Bernie rallied outside the hall. "We want change," they chanted. '
                  'Bernie Sanders did not attend.', nlp)
    actors = a.all_actors.set_index("actor")
    group = _group_of(a, "Supporters of Bernie")
    assert group == "supporters of Bernie" and actors.loc[group, "type"] == "GROUP"
    assert actors.loc[group, "role"] == "agent"
    assert "Bernie" not in actors.index  # the lone first name is Bernie Sanders
    assert "Bernie" in actors.loc["Bernie Sanders", "aliases"]
    q = a.quotes[a.quotes.quote.str.contains("We want change")]
    assert q.actor.tolist() == [group]


def test_a_persons_aides_speak_as_a_group(nlp):
    a = _analysis("Gov. Tilda Harrow signed the bill. Harrow's aides said she would travel to "
                  "Boston next week.", nlp)
    q = a.quotes[a.quotes.quote.str.contains("travel to Boston")]
    assert q.actor.tolist() == ["Harrow's aides"]
    assert a.all_actors.set_index("actor").loc["Harrow's aides", "type"] == "GROUP"
    assert "Tilda Harrow" in set(a.actors.actor)  # she is still an actor of the story


@pytest.mark.parametrize("text, phrase, group, said", [
    ("Critics of Mayor Lena Vost said the plan was rushed.", "Critics of Mayor Lena Vost",
     "critics of Mayor Lena Vost", "the plan was rushed"),
    ("Residents said the water had been brown for a week.", "Residents", "residents",
     "the water had been brown"),
    ("The foreign ministers of France and Germany said the talks would resume.",
     "foreign ministers of France and Germany", "foreign ministers of France and Germany",
     "the talks would resume"),
    ("Protesters said they would march again on Sunday.", "Protesters", "protesters",
     "march again"),
    ("Opposition supporters claimed the count had been rigged.", "Opposition supporters",
     "opposition supporters", "the count had been rigged"),
    ("On Monday hospital officials confirmed that two patients had died.",
     "hospital officials", "hospital officials", "two patients had died"),
])
def test_a_group_phrase_is_its_own_speaker(text, phrase, group, said, nlp):
    a = _analysis(text, nlp)
    assert _group_of(a, phrase) == group
    q = a.quotes[a.quotes.quote.str.contains(said)]
    assert q.actor.tolist() == [group]
    assert a.all_actors.set_index("actor").loc[group, "type"] == "GROUP"


def test_the_name_inside_a_group_is_never_the_speaker(nlp):
    a = _analysis("Colonel Ruth Amsel left on Monday. Critics of Amsel said the mission failed.",
                  nlp)
    q = a.quotes[a.quotes.quote.str.contains("mission failed")]
    assert q.actor.tolist() == ["critics of Amsel"]
    assert "Ruth Amsel" in set(a.all_actors.actor)


def test_later_mentions_join_the_group(nlp):
    a = _analysis("The foreign ministers of Chile and Peru met in Lima. The ministers said "
                  "their talks were useful. Protesters gathered outside; the protesters left "
                  "at dusk.", nlp)
    ministers = a.mention_frame[a.mention_frame.actor == "foreign ministers of Chile and Peru"]
    assert {"foreign ministers of Chile and Peru", "ministers", "their"} <= set(ministers.text)
    protesters = a.mention_frame[a.mention_frame.actor == "protesters"]
    assert set(protesters.text) == {"Protesters", "protesters"}


def test_same_head_with_other_modifiers_is_another_group(nlp):
    a = _analysis("Kenyan officials and Ugandan officials met in Kampala on Monday.", nlp)
    groups = set(a.all_actors[a.all_actors.type == "GROUP"].actor)
    assert groups == {"Kenyan officials", "Ugandan officials"}


@pytest.mark.parametrize("text", [
    "They are critics of the plan, not its authors.",  # a predicate names no one
    "Many people gathered, and two men were hurt.",  # generic nouns name no party
    "The police said the roads were closed.",  # an institution: the resolver's job
    "The resident said the road was closed.",  # one person, not a group
])
def test_no_group_where_none_acts(text, nlp):
    a = _analysis(text, nlp)
    assert "GROUP" not in set(a.all_actors.type)


def test_group_mentions_without_a_parse_are_empty():
    import spacy

    doc = spacy.blank("en")("Protesters said they would return.")
    assert group_mentions(doc, []) == []


def test_groups_are_in_the_actor_table_and_docs(nlp):
    from pathlib import Path

    a = _analysis("Residents said the river had flooded twice.", nlp)
    row = a.actors.set_index("actor").loc["residents"]
    assert row.kinds == {"group": 1} and row.mentions == 1
    docs = (Path(__file__).resolve().parents[1] / "docs" / "tables.md").read_text()
    assert "GROUP" in docs and "`group`" in docs


def test_a_possessive_pronoun_owner_is_named_by_its_actor(nlp):
    a = _analysis("Senator Rhea Tallis ended her campaign on Friday. Her supporters said they "
                  "were stunned.", nlp)
    assert _group_of(a, "Her supporters") == "Rhea Tallis's supporters"
    q = a.quotes[a.quotes.quote.str.contains("stunned")]
    assert q.actor.tolist() == ["Rhea Tallis's supporters"]


def test_counting_words_are_not_part_of_the_group_name(nlp):
    a = _analysis("The island's roughly 9,000 residents were told to stay home. Residents said "
                  "the order came late.", nlp)
    names = set(a.all_actors[a.all_actors.type == "GROUP"].actor)
    assert names == {"island's residents"}
