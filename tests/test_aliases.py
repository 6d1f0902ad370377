"""Aliases (issue 13, item 6): the other forms news copy gives one name join its actor, and
aliases are counted case-folded.

Inputs are short news paragraphs written for these tests (invented names where the rule is
about form, real ones where the rule is about the name itself), run through the whole pipeline.
"""

from __future__ import annotations

import pytest

import newslab
from newslab.extract.name_variants import (acronym_owner, company_short_forms,
                                           first_name_owner, longer_name_owner, of_prefix_owner,
                                           paternal_surname_owner, surname_names, surname_owner)
from newslab.tables import distinct_aliases


def _owner(a, form: str) -> str:
    """The actor of the mention written ``form`` (a leading "the" may or may not be inside
    the tagger's span)."""
    bare = lambda t: t[4:] if t.lower().startswith("the ") else t  # noqa: E731
    rows = a.mention_frame[a.mention_frame.text.map(bare) == bare(form)]
    assert len(rows), (form, a.mention_frame.text.tolist())
    return rows.actor.iloc[0]


# -- companies: the legal form, the partners' name ------------------------------------------------
@pytest.mark.parametrize("text, short, full", [
    ("Kmart Corp. agreed to buy the chain. Kmart will keep both brands.", "Kmart", "Kmart Corp."),
    ("Delvin Ltd said profits rose. Delvin will pay a dividend in May.", "Delvin", "Delvin Ltd"),
    ("Orla Finch joined Brannock & Sons Co. last year. Brannock & Sons said she would lead "
     "sales.", "Brannock & Sons", "Brannock & Sons Co."),
    ("Sears, Roebuck & Co. reported a loss. Sears will close 50 stores.", "Sears",
     "Sears, Roebuck & Co."),
])
def test_a_company_without_its_legal_form_is_one_actor(text, short, full, nlp):
    a = newslab.analyze(text, nlp=nlp)
    assert _owner(a, full) == _owner(a, short) == short


def test_a_word_that_makes_another_company_is_not_a_legal_form(nlp):
    a = newslab.analyze("Kmart Corp. and Sears agreed to merge. The new firm, Sears Holdings, "
                        "will be based in Illinois. Sears shares rose.", nlp=nlp)
    assert _owner(a, "Sears Holdings") != _owner(a, "Sears")


# -- bodies: the of-complement, the acronym -------------------------------------------------------
def test_a_body_without_its_of_complement(nlp):
    a = newslab.analyze("Pierluisi was once a delegate to the U.S. House of Representatives. "
                        "A vote in the U.S. House is still needed, and the House of "
                        "Representatives of Puerto Rico has not voted.", nlp=nlp)
    assert _owner(a, "the U.S. House") == _owner(a, "the U.S. House of Representatives")


@pytest.mark.parametrize("text, acronym, full", [
    ("Astronomers at University College London found water. UCL said more work was needed.",
     "UCL", "University College London"),
    ("Researchers at the Royal Institute of Marine Studies (RIMS) found plastic. RIMS said the "
     "survey would continue.", "RIMS", "the Royal Institute of Marine Studies"),
    ("The Federal Bureau of Investigation opened a case. The FBI said it had two suspects.",
     "FBI", "The Federal Bureau of Investigation"),
])
def test_an_acronym_of_a_name_in_the_article_is_that_actor(text, acronym, full, nlp):
    a = newslab.analyze(text, nlp=nlp)
    assert _owner(a, acronym) == _owner(a, full)


# -- people: a first name, a paternal surname, a longer full name --------------------------------
def test_a_lone_first_name_is_the_one_person_with_it(nlp):
    a = newslab.analyze('Brigid Kosgei won the race. "When I saw how fast Brigid was running I '
                        'knew," Paula Radcliffe said.', nlp=nlp)
    assert _owner(a, "Brigid") == "Brigid Kosgei"


def test_a_first_name_cut_from_a_longer_name_is_not_the_person(nlp):
    """The tagger may cut 'Bill' out of 'the 1994 Crime Bill': a capitalised word before it
    shows a longer name, not a person's first name."""
    a = newslab.analyze("Former President Bill Clinton signed the 1994 Crime Bill, which "
                        "his critics opposed.", nlp=nlp)
    rows = a.mention_frame[a.mention_frame.text == "Bill"]
    assert "Bill Clinton" not in set(rows.actor)


def test_a_first_name_two_people_share_stays_apart(nlp):
    a = newslab.analyze("John Bolton met John Smith on Monday. Later John said little.", nlp=nlp)
    owners = set(a.mention_frame.actor)
    assert "John Bolton" in owners and "John Smith" in owners
    assert not (a.mention_frame.text == "John").any() or _owner(a, "John") not in (
        "John Bolton", "John Smith")


@pytest.mark.parametrize("text, short, full", [
    ("Governor Ricardo Rosselló Nevares resigned on Friday. Ricardo Rosselló had been governor "
     "since 2017.", "Ricardo Rosselló", "Ricardo Rosselló Nevares"),
    ("Senator Marta Ruiz Campos resigned on Friday. Marta Ruiz said she was tired.",
     "Marta Ruiz", "Marta Ruiz Campos"),
    ("Judge Pedro Alvarez Soto ruled on Monday. Alvarez said the law was clear.", "Alvarez",
     "Pedro Alvarez Soto"),
])
def test_a_shorter_form_of_a_double_surname_name_is_one_person(text, short, full, nlp):
    """First name + paternal surname, or the paternal surname alone, stand for a Spanish or
    Portuguese full name with two surnames."""
    a = newslab.analyze(text, nlp=nlp)
    assert _owner(a, short) == _owner(a, full) == full


# -- the White House ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Senator Ana Reyes will run for the White House in 2028.",
    "Tom Vell launched a bid for the White House on Monday.",
    "Tom Vell hopes to win the White House next year.",
])
def test_the_white_house_sought_in_a_race_is_not_the_country(text, nlp):
    a = newslab.analyze(text + " The U.S. economy grew.", nlp=nlp)
    assert _owner(a, "the White House") != "United States"
    assert _owner(a, "U.S.") == "United States"


def test_the_white_house_that_speaks_still_stands_for_the_state(nlp):
    a = newslab.analyze("The White House said the president would visit Beijing.", nlp=nlp)
    assert _owner(a, "The White House") == "United States"


# -- case-folded counting ------------------------------------------------------------------------------
def test_aliases_are_counted_case_folded(nlp):
    a = newslab.analyze("NATO met on Monday. Nato said it would act. The Kremlin denied it, "
                        "and the Kremlin later said nothing.", nlp=nlp)
    nato = a.actors.set_index("actor").loc["Nato"] if "Nato" in set(a.actors.actor) else \
        a.actors.set_index("actor").loc["NATO"]
    assert [x.casefold() for x in nato.aliases].count("nato") == 1
    russia = a.all_actors.set_index("actor").loc["Russia"]
    assert [x.casefold() for x in russia.aliases].count("the kremlin") == 1


def test_distinct_aliases_keeps_the_most_frequent_spelling():
    assert distinct_aliases(["UCL", "Ucl", "UCL", "he", "He"]) == ["he", "UCL"]


# -- the rules one by one ---------------------------------------------------------------------------
def test_rules_on_names():
    assert company_short_forms("Acme Pty Ltd") == ["acme"]
    assert company_short_forms("Siemens AG") == ["siemens"]
    assert company_short_forms("Procter & Gamble Co.") == ["procter & gamble"]
    assert company_short_forms("Virgin Group") == []
    assert of_prefix_owner("bank", ["bank of england"]) is None  # one word is too vague
    assert of_prefix_owner("tarvo assembly", ["tarvo assembly of delegates",
                                              "tarvo assembly of elders"]) is None
    assert acronym_owner("UN", {"university of nantes": "University of Nantes",
                                "united nations": "United Nations"}) is None  # two fit
    assert acronym_owner("Nato", {"north atlantic treaty": "North Atlantic Treaty"}) is None
    assert first_name_owner("hal", ["hal ober"], ["hal pettit"]) is None
    assert first_name_owner("ober", ["hal ober"]) is None  # a surname is not a first name
    assert paternal_surname_owner("rivera", ["thomas rivera schatz"]) == "thomas rivera schatz"
    assert paternal_surname_owner("schatz", ["thomas rivera schatz"]) is None
    assert paternal_surname_owner("de", ["juan de la cruz"]) is None
    assert longer_name_owner("ricardo rosselló", ["ricardo rosselló nevares",
                                                  "ricardo rosselló torres"]) is None
    # a name the tagger did not call a person, holding a person's surname alone elsewhere
    assert surname_names(["rosselló", "de"], ["ricardo rosselló nevares", "juan de la cruz",
                                              "puerto rico"]) == {"ricardo rosselló nevares"}
    assert surname_owner("vost", ["lena vost", "karl vost"]) is None
