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


# -- issue 13 item 3: a person's role, a company post, a destination, a given name; the vote ----
def test_a_person_role_in_apposition_makes_a_person_and_its_surname_joins():
    text = ("Reuters reported that Ottavia Brenn, the chief executive of Brennwerk, resigned at "
            "10:00 UTC. Brenn posted on Twitter.")
    df = newslab.actors(text, role="all")
    got = dict(zip(df["actor"], df["type"]))
    assert got.get("Ottavia Brenn") == "PERSON" and got.get("Brennwerk") == "ORG"
    assert "Brenn" not in got  # merged into Ottavia Brenn
    assert "Brenn" in df[df.actor == "Ottavia Brenn"].iloc[0].aliases


@pytest.mark.parametrize("text, person, org", [
    ("Anneliese Marrow, the chairwoman of Dunmore, denied the report. Marrow said the figures "
     "were wrong.", "Anneliese Marrow", "Dunmore"),
    ("Lisandro Quiroga, the founder of Veltrano, said the plant would close.",
     "Lisandro Quiroga", "Veltrano"),
    ("Quillbyte's chief executive, Lior Avrahami, said the company was profitable.",
     "Lior Avrahami", "Quillbyte"),
])
def test_a_company_post_types_the_holder_and_the_company(text, person, org):
    got = types(text)
    assert (got.get(person), got.get(org)) == ("PERSON", "ORG")


@pytest.mark.parametrize("text, place", [
    ("Gov. Tilda Harrow signed the bill. She said she would travel to Boise.", "Boise"),
    ("He travelled to Kestrelford on Monday.", "Kestrelford"),
    ("The delegation arrived in Umbrevik late on Sunday.", "Umbrevik"),
    ("Officials flew to Carnhollow to inspect the damage.", "Carnhollow"),
    ("She was born in Tarvik and raised in Umbrevik.", "Tarvik"),
])
def test_the_destination_of_a_verb_of_motion_is_a_place(text, place):
    assert types(text).get(place) == "GPE"


@pytest.mark.parametrize("text, person", [
    ("Critics of Lucía Fernanda Ibarrola said the plan was rushed.", "Lucía Fernanda Ibarrola"),
    ("Ottavia Brenn, the chief executive of Brennwerk, resigned on Friday.", "Ottavia Brenn"),
])
def test_a_known_given_name_or_a_role_outvotes_the_tagger(text, person):
    assert types(text).get(person) == "PERSON"


def test_a_company_named_after_two_given_names_keeps_the_taggers_type():
    got = types("Analysts at Goldman Sachs said Morgan Stanley would gain.")
    assert got.get("Morgan Stanley") == "ORG"


def test_the_type_is_a_vote_over_every_mention_not_the_first():
    # the first mention says nothing; the two later ones call it a company
    text = ("Brennwerk Tarvo cut 300 jobs. Brennwerk Tarvo said its sales had fallen. Shares in "
            "the carmaker Brennwerk Tarvo fell.")
    assert types(text).get("Brennwerk Tarvo") == "ORG"


def test_vote_counts_each_cue_but_the_tagger_once():
    from newslab.extract.type_cues import vote

    # one apposition naming a role outweighs the tagger's ORG, however often it is repeated
    assert vote([("PERSON", 2.0), None, None], ["ORG", "ORG", "ORG"]) == "PERSON"
    # a given name counts once, not once per mention: two cues of a company outweigh it
    assert vote([("PERSON", 1.5), ("ORG", 2.0), ("ORG", 2.0), ("PERSON", 1.5)],
                ["PERSON"] * 4) == "ORG"
    assert vote([None, None], ["GPE", "ORG"]) in ("GPE", "ORG")
    assert vote([], []) is None


@pytest.mark.parametrize("text, name", [
    ("Velloran, a geologist, said the data were thin.", "Velloran"),            # -ist
    ("The farm is owned by Pellworth, a farmer from the valley.", "Pellworth"),  # listed noun
    ("Ottavia Brenn, the chief executive of Brennwerk, resigned.", "Ottavia Brenn"),  # role
])
def test_an_apposition_naming_a_person_makes_a_person(text, name):
    assert types(text).get(name) == "PERSON"


@pytest.mark.parametrize("text, name", [
    ("Brennwerk cut 300 jobs on Monday. Brennwerk shares fell.", "Brennwerk"),
    ("Investors dumped Quillbyte stock after the report.", "Quillbyte"),
])
def test_a_name_whose_shares_are_traded_is_a_company(text, name):
    assert types(text).get(name) == "ORG"


@pytest.mark.parametrize("text, place", [
    ("Talia Voss, the mayor of Sarandí, resigned.", "Sarandí"),
    ("Protests spread in Quelmar. Quelmar's governor declared an emergency.", "Quelmar"),
    ("Residents of Ostrava Nova were evacuated on Sunday.", "Ostrava Nova"),
])
def test_what_a_mayor_governor_or_resident_belongs_to_is_a_place(text, place):
    assert types(text).get(place) == "GPE"
