"""Resolver: pronouns, role nouns and appositions linked to named actors."""

from __future__ import annotations

import pytest

from newslab.mentions import Mention
from newslab.resolve import mention_for_span, resolve_mentions


@pytest.fixture(scope="module")
def resolve():
    from newslab.actors import entity_mentions
    from newslab.nlp import load_model

    nlp = load_model()

    def run(text: str) -> dict[str, list[str]]:
        doc = nlp(text)
        found = resolve_mentions(doc, entity_mentions(doc))
        out: dict[str, list[str]] = {}
        for m in found:
            assert doc.text[m.start:m.end] == m.text and m.kind in ("pronoun", "nominal")
            out.setdefault(m.text, []).append(m.actor)
        return out

    return run


def test_pronoun_takes_the_recent_person(resolve):
    got = resolve("Jens Stoltenberg arrived in Moscow on Monday. He said Russia could help.")
    assert got["He"] == ["Jens Stoltenberg"]


def test_pronoun_gender_from_first_name(resolve):
    got = resolve("Hillary Clinton met Bernie Sanders in Iowa. She said the race was close.")
    assert got["She"] == ["Hillary Clinton"]


def test_pronoun_gender_from_honorific(resolve):
    got = resolve("Mr Okafor met Ms Adeyemi in Lagos on Friday. She said the talks went well.")
    assert got["She"] == ["Adeyemi"] or got["She"] == ["Ms Adeyemi"]


def test_previous_speaker_beats_a_name_in_an_adverbial(resolve):
    got = resolve("Rasmussen said Russia could help. Referring to his talks with Medvedev, he "
                  "said a package was ready.")
    assert got["he"] == ["Rasmussen"]


def test_pronoun_is_not_a_coargument_of_its_antecedent(resolve):
    got = resolve("Barack Obama met Joe Biden. Obama praised him.")
    assert got.get("him") == ["Joe Biden"]


def test_apposition_is_an_alias_and_role_noun_uses_it(resolve):
    got = resolve("Sergei Lavrov, Russia's foreign minister, met Rasmussen in Moscow. "
                  "Rasmussen spoke first. The minister said Moscow would consider the request.")
    assert got["Russia's foreign minister"] == ["Sergei Lavrov"]
    assert got["The minister"] == ["Sergei Lavrov"]


def test_role_noun_in_a_headline_looks_forward(resolve):
    got = resolve("Alliance chief says Moscow should contribute more\n\n"
                  "Jens Stoltenberg visited Moscow. Stoltenberg met Medvedev. "
                  "Stoltenberg said Russia could help.")
    assert got["Alliance chief"] == ["Jens Stoltenberg"]


def test_indefinite_role_noun_is_someone_new(resolve):
    got = resolve("Rasmussen visited Moscow. A spokesman said the visit went well.")
    assert "spokesman" not in " ".join(got)


def test_it_links_only_to_a_recent_organisation(resolve):
    got = resolve("Nato met in Brussels. It said the mission would continue.")
    assert got["It"] == ["Nato"] or got["It"] == ["NATO"]


def test_mention_for_span_prefers_the_head():
    ms = [Mention("Sergei Lavrov", 0, 13, 0, 2, "PERSON", "Sergei Lavrov", "PERSON"),
          Mention("Russia", 15, 21, 3, 4, "GPE", "Russia", "GPE")]
    assert mention_for_span(ms, 0, 40, head=6).actor == "Sergei Lavrov"
    assert mention_for_span(ms, 0, 40).actor == "Sergei Lavrov"
    assert mention_for_span(ms, 30, 40) is None


@pytest.mark.parametrize("text, pronoun, actor", [
    ("Moscow has repeatedly expressed its willingness to help.", "its", ["Moscow", "Russia"]),
    ("Nato said it would keep its troops in the region.", "it", ["Nato", "NATO"]),
    ("Democrats met in Denver. They chose a new chairman.", "They", ["Democrats"]),
])
def test_it_and_they_link_with_subject_evidence(resolve, text, pronoun, actor):
    assert resolve(text)[pronoun][0] in actor


@pytest.mark.parametrize("text, pronoun", [
    # "they" are the relations, "their" the plans, "it" is impersonal: none is Russia
    ("Relations between Nato and Russia have improved since they were frozen in 2008.", "they"),
    ("Russia has objected to the plans, which are in their infancy.", "their"),
    ("Russia rejected the offer. It is unclear why.", "It"),
    ("Iowa looms larger for the two senators because of their ties to evangelical voters.",
     "their"),
])
def test_it_and_they_stay_unresolved_without_evidence(resolve, text, pronoun):
    assert pronoun not in resolve(text)
