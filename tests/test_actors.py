"""Actors: named entities -> canonical actors, and the actor / mention tables.

Real sentences in, expected actors out. The spaCy model is loaded once per session.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from newslab import parse_text
from newslab.extract.entities import entity_mentions, name_key, read_aliases
from newslab.errors import AliasTableError, NewslabError, NotADocError
from newslab.records import Mention
from newslab.tables import actor_table, mention_table
from newslab.nlp import article_doc

ROOT = Path(__file__).resolve().parents[1]
DEMO_TEXT = ROOT / "data" / "articles" / "nato-seeks-afghan-help-from-russia.txt"
DEMO_GOLD = ROOT / "tests" / "data" / "nato-seeks-afghan-help-from-russia.json"

try:
    from newslab.extract.coref import resolve_mentions
except ImportError:  # pragma: no cover - the resolver is written alongside
    resolve_mentions = None

#: Gold aliases that only a resolver (pronouns, role nouns, appositions) can link to an actor.
RESOLVER_FORMS = {"he", "Alliance chief", "the head of Nato", "the military alliance",
                  "Alliance", "Russia's foreign minister"}


def links(nlp, text, **kwargs):
    """``{mention text: (actor, kind)}``; the last mention wins for repeated texts."""
    return {m.text: (m.actor, m.kind) for m in entity_mentions(nlp(text), **kwargs)}


def by_actor(mentions):
    out = {}
    for m in mentions:
        out.setdefault(m.actor, []).append(m.text)
    return out


# -- names --------------------------------------------------------------------------------------
def test_surname_joins_full_name_and_honorific_is_ignored(nlp):
    text = ("Mr Lavrov told reporters that the talks had gone well. "
            "Sergei Lavrov later flew home, and Lavrov's aides stayed behind.")
    ms = entity_mentions(nlp(text))
    lavrov = [m for m in ms if m.actor == "Sergei Lavrov"]
    assert [m.text for m in lavrov] == ["Lavrov", "Sergei Lavrov", "Lavrov's"]
    assert [m.kind for m in lavrov] == ["surname", "name", "surname"]
    assert {m.type for m in lavrov} == {"PERSON"}


def test_person_named_only_by_surname_stays_the_surname(nlp):
    got = links(nlp, "Medvedev said the talks were useful. Later, Medvedev left for Sochi.")
    assert got["Medvedev"] == ("Medvedev", "name")


def test_two_people_with_one_surname(nlp):
    # The bare surname goes to the one named in full most often (then the first introduced).
    text = ("Hillary Clinton spoke in Ohio on Monday. Hillary Clinton thanked the crowd. "
            "Her daughter Chelsea Clinton was there. Clinton said she was proud.")
    ms = entity_mentions(nlp(text))
    last = [m for m in ms if m.text == "Clinton"][-1]
    assert (last.actor, last.kind) == ("Hillary Clinton", "surname")
    assert "Chelsea Clinton" in {m.actor for m in ms}


def test_case_and_possessive_variants_are_one_actor(nlp):
    ms = entity_mentions(nlp("NATO said on Tuesday it would send troops. "
                             "Nato's secretary general welcomed the decision."))
    nato = [m for m in ms if m.type == "ORG"]
    assert [m.text for m in nato] == ["NATO", "Nato's"]
    assert {m.actor for m in nato} == {"NATO"}


def test_us_variants_and_leading_the(nlp):
    text = ("The U.S. and the United States of America are one country. "
            "America said the US would act.")
    ms = entity_mentions(nlp(text))
    assert {m.text for m in ms} >= {"U.S.", "America", "US"}
    assert {m.actor for m in ms} == {"United States"}
    assert {m.type for m in ms} == {"GPE"}
    assert all(m.kind == "variant" for m in ms)


def test_leading_the_is_ignored_when_names_are_compared(nlp):
    ms = entity_mentions(nlp("The Taliban said on Sunday that the Taliban's fighters had left."))
    assert [m.actor for m in ms if m.type == "ORG"] == ["Taliban", "Taliban"]
    assert name_key("the Taliban's") == name_key("Taliban") == "taliban"


def test_dates_and_numbers_are_not_actors(nlp):
    doc = nlp("On 3 May 2021, about 2,000 people marched in Paris for the third time.")
    ms = entity_mentions(doc)
    assert {m.label for m in ms} <= {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}
    assert not any(ch.isdigit() for m in ms for ch in m.text)


# -- metonymy -----------------------------------------------------------------------------------
def test_capitals_and_seats_stand_for_the_state(nlp):
    text = ("The White House said the president would visit Beijing. Downing Street declined "
            "to comment, and the Kremlin said Moscow was ready.")
    got = links(nlp, text)
    assert got["The White House"] == ("United States", "metonym")
    assert got["Beijing"] == ("China", "metonym")
    assert got["Downing Street"] == ("United Kingdom", "metonym")
    assert got["the Kremlin"] == ("Russia", "metonym")  # "the" belongs to the seat's name
    assert got["Moscow"] == ("Russia", "metonym")


def test_a_capital_named_as_the_place_itself_stays_the_city(nlp):
    ms = entity_mentions(nlp("Talks were held in Moscow on Monday. Moscow said it was ready."))
    assert [(m.text, m.actor, m.kind) for m in ms] == [("Moscow", "Moscow", "name"),
                                                       ("Moscow", "Russia", "metonym")]
    # A dateline is where the story was filed, not the state speaking.
    dateline = nlp("WASHINGTON — President Obama, dedicating the museum on Saturday, spoke.")
    assert [(m.text, m.actor) for m in entity_mentions(dateline)][0] == ("WASHINGTON",
                                                                         "Washington")


def test_a_capital_naming_a_thing_is_not_the_state(nlp):
    text = ("Both nations committed to the Paris accord. Moscow officials said a visit to "
            "Beijing was planned, and a White House spokesman agreed.")
    got = {(m.text, m.actor) for m in entity_mentions(nlp(text))}
    assert ("Paris", "Paris") in got and ("Beijing", "Beijing") in got
    assert ("Moscow", "Russia") in got and ("White House", "United States") in got


def test_lower_case_ner_slips_are_dropped(nlp):
    ms = entity_mentions(nlp("They asked for a full, un-redacted copy of the report from the UN."))
    assert [m.actor for m in ms] == ["United Nations"]


def test_metonymy_can_be_turned_off(nlp):
    ms = entity_mentions(nlp("Officials in Moscow said Beijing had agreed."), metonymy=False)
    assert {(m.text, m.actor, m.kind, m.type) for m in ms} == {
        ("Moscow", "Moscow", "name", "GPE"), ("Beijing", "Beijing", "name", "GPE")}


def test_city_inside_a_longer_name_is_not_a_metonym(nlp):
    got = links(nlp, "Students at Moscow State University protested against the Kremlin.")
    assert "Moscow" not in got
    assert got["the Kremlin"] == ("Russia", "metonym")


def test_brussels_means_the_eu(nlp):
    ms = entity_mentions(nlp("Brussels warned London that the talks would fail."))
    assert {(m.text, m.actor, m.type) for m in ms} == {
        ("Brussels", "European Union", "ORG"), ("London", "United Kingdom", "GPE")}


# -- demonyms -----------------------------------------------------------------------------------
def test_demonyms_count_for_the_country_with_their_own_kind(nlp):
    text = "Chinese officials met British diplomats. The Russians objected to Russian engagement."
    ms = entity_mentions(nlp(text))
    got = {(m.text, m.actor, m.kind, m.type) for m in ms}
    assert got >= {("Chinese", "China", "demonym", "GPE"),
                   ("British", "United Kingdom", "demonym", "GPE"),
                   ("Russians", "Russia", "demonym", "GPE"),
                   ("Russian", "Russia", "demonym", "GPE")}


# -- propagation --------------------------------------------------------------------------------
def test_names_the_ner_missed_are_found_from_the_same_document(nlp):
    text = ("Chaffetz said the hearing would go ahead. Jason Chaffetz, a Utah Republican, "
            "chairs the committee. Chaffetz insisted.")
    doc = nlp(text)
    ms = entity_mentions(doc)
    assert [m.text for m in ms if m.actor == "Jason Chaffetz"] == ["Chaffetz", "Jason Chaffetz",
                                                                  "Chaffetz"]


def test_propagation_is_case_sensitive_and_stays_out_of_other_names(nlp):
    ms = entity_mentions(nlp("Mark Rose met Ann Smith in Texas. Prices rose as Rose spoke."))
    assert "rose" not in {m.text for m in ms}
    assert [m.actor for m in ms if m.text == "Rose"] == ["Mark Rose"]


# -- aliases ------------------------------------------------------------------------------------
def test_alias_table_overrides_everything(nlp):
    text = "Brussels said the alliance would meet. Sergei Lavrov said Lavrov had no plans."
    ms = entity_mentions(nlp(text), aliases={"Brussels": "Belgium", "the alliance": "Nato",
                                             "Sergei Lavrov": "Lavrov"})
    got = {(m.text, m.actor) for m in ms}
    assert ("Brussels", "Belgium") in got
    assert ("the alliance", "Nato") in got  # found even though the NER never tagged it
    assert {m.actor for m in ms if "Lavrov" in m.text} == {"Lavrov"}
    assert {m.kind for m in ms if m.actor == "Belgium"} == {"alias"}


def test_alias_table_from_csv(nlp, tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("alias,actor,type\nthe Kremlin,Putin administration,ORG\n", encoding="utf-8")
    ms = entity_mentions(nlp("The Kremlin denied the report."), aliases=path)
    assert [(m.text, m.actor, m.type, m.kind) for m in ms] == [
        ("The Kremlin", "Putin administration", "ORG", "alias")]


def test_bad_alias_tables_say_what_to_do(tmp_path):
    with pytest.raises(AliasTableError, match="does not exist"):
        read_aliases(tmp_path / "missing.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("name,who\nMoscow,Russia\n", encoding="utf-8")
    with pytest.raises(AliasTableError, match="'alias' and 'actor'"):
        read_aliases(bad)


# -- bad input ----------------------------------------------------------------------------------
def test_empty_and_odd_input(nlp):
    assert entity_mentions(nlp("")) == []
    assert entity_mentions(nlp("   \n\n  ")) == []
    assert actor_table([]).empty and list(actor_table([]).columns)[:3] == ["actor", "type",
                                                                           "mentions"]
    ms = entity_mentions(nlp("Der Bundeskanzler sprach am Montag in Berlin mit Journalisten."))
    assert all(isinstance(m, Mention) for m in ms)  # best effort on non-English, no traceback
    with pytest.raises(NotADocError):
        entity_mentions("Nato met Russia.")
    with pytest.raises(NewslabError):
        entity_mentions(None)


# -- tables -------------------------------------------------------------------------------------
def test_tables_use_source_offsets_blocks_and_prominence(nlp):
    source = ("Moscow pledges help\n\n   Talks were held in Moscow on Monday. Vladimir Putin said "
              "Russia would help.\n\nPutin's aides said Russia was ready.")
    art = parse_text(source)
    doc = article_doc(art, nlp)
    ms = entity_mentions(doc)
    mt = mention_table(ms, doc, art)
    assert all(source[r.start:r.end] == r.text for r in mt.itertuples())
    assert mt.paragraph.tolist() == sorted(mt.paragraph.tolist())
    assert set(mt.block) <= {"headline", "standfirst", "paragraph"}

    at = actor_table(ms, doc, art).set_index("actor")
    russia = at.loc["Russia"]
    assert russia.mentions == 3 and russia.type == "GPE"
    assert russia.aliases == ["Moscow", "Russia"]
    assert russia.prominence == 3
    assert russia.in_headline and russia["first"] == 0
    # "held in Moscow" names the city itself (no metonymy), and a setting counts half.
    moscow = at.loc["Moscow"]
    assert (moscow.mentions, moscow.prominence, moscow.type) == (1, 0.5, "GPE")
    at = at.reset_index()
    assert russia.blocks[0] == mt.block.iloc[0]
    putin = at.set_index("actor").loc["Vladimir Putin"]
    assert putin.mentions == 2 and putin.kinds == {"name": 1, "surname": 1}
    assert putin.aliases == ["Putin's", "Vladimir Putin"]
    assert putin["first"] == source.index("Vladimir Putin")
    assert putin["last"] == source.index("Putin's")
    assert at.actor.iloc[0] == "Russia"


def test_actor_table_counts_resolver_mentions(nlp):
    doc = nlp("Sergei Lavrov arrived. He said Nato should help.")
    ms = entity_mentions(doc)
    he = Mention("He", doc.text.index("He"), doc.text.index("He") + 2, 4, 5, "PRON",
                 "Sergei Lavrov", None, "pronoun")
    row = actor_table(ms + [he], doc).set_index("actor").loc["Sergei Lavrov"]
    assert row.mentions == 2 and row.type == "PERSON"
    assert row.aliases == ["He", "Sergei Lavrov"]
    assert row.kinds == {"name": 1, "pronoun": 1}


# -- the demo article ---------------------------------------------------------------------------
def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="session")
def demo(nlp):
    art = parse_text(DEMO_TEXT.read_text(encoding="utf-8"))
    doc = article_doc(art, nlp)
    named = entity_mentions(doc)
    gold = json.loads(DEMO_GOLD.read_text(encoding="utf-8"))
    return art, doc, named, gold


def _aliases(table, actor):
    row = table[table.actor == actor]
    assert len(row) == 1, f"no actor {actor!r} in {table.actor.tolist()}"
    return {_norm(a) for a in row.aliases.iloc[0]}


def test_demo_named_aliases_are_merged(demo):
    art, doc, named, gold = demo
    table = actor_table(named, doc, art)
    for actor, spec in gold["actors"].items():
        row = table[table.actor == actor]
        assert len(row) == 1, actor
        assert row.type.iloc[0] == spec["type"], actor
        named_forms = {_norm(a) for a in spec["aliases_in_text"]} - RESOLVER_FORMS
        assert named_forms <= _aliases(table, actor), actor
    assert set(table.actor.head(4)) == set(gold["most_mentioned"])
    kinds = {(m.text, m.kind) for m in named if m.actor == "Russia"}
    assert {("Moscow", "metonym"), ("The Kremlin", "metonym"), ("Russian", "demonym")} <= kinds


def test_demo_mention_table_matches_source(demo):
    art, doc, named, _ = demo
    mt = mention_table(named, doc, art)
    assert all(_norm(art.text[r.start:r.end]) == _norm(r.text) for r in mt.itertuples())
    assert set(mt.columns) >= {"text", "label", "start", "end", "paragraph", "block", "actor",
                               "kind"}
    for r in mt.itertuples():  # the block kind is the kind of the block holding the offset
        holder = [b for b in art.blocks if b.start <= r.start < b.end]
        assert [b.kind for b in holder] == [r.block]


@pytest.mark.skipif(resolve_mentions is None, reason="needs resolve.py")
def test_demo_with_resolver_ranks_like_the_gold(demo):
    art, doc, named, gold = demo
    table = actor_table(named + resolve_mentions(doc, named), doc, art)
    assert table.actor.head(4).tolist() == gold["most_mentioned"]


@pytest.mark.skipif(resolve_mentions is None, reason="needs resolve.py")
def test_demo_with_resolver_has_every_gold_alias(demo):
    art, doc, named, gold = demo
    assert resolve_mentions is not None
    table = actor_table(named + resolve_mentions(doc, named), doc, art)
    for actor, spec in gold["actors"].items():
        assert {_norm(a) for a in spec["aliases_in_text"]} <= _aliases(table, actor), actor
