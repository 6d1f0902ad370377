"""Positions taken by acts and light-verb constructions, the members a group names, and the
contrast that carries a speaker's point (issue 14, item 3: the position toward the target).

Each sentence is invented; each rule has several layouts so that a test cannot pass on one
wording only.
"""

from __future__ import annotations

import pytest

import newslab


def rows(nlp, text: str):
    return newslab.analyze(text, nlp=nlp).statements


def row_for(nlp, text: str, holder: str):
    st = rows(nlp, text)
    mine = st[st.holder.str.lower().str.contains(holder.lower(), regex=False)]
    assert len(mine), (holder, st[["holder", "label", "evidence"]].to_string())
    return mine.iloc[0]


@pytest.mark.parametrize("text, holder, label, target", [
    # the object noun's cue is counted once: opposing nouns stay opposing
    ("Russia expressed opposition to the plans.", "Russia", "oppose", "the plans"),
    ("The mayor voiced concern about the new stadium.", "mayor", "oppose", "stadium"),
    ("Lina Ortiz expressed support for the plans.", "Ortiz", "support", "the plans"),
    # "file a lawsuit against X": the parser hangs "against X" on the verb
    ("Sixteen states filed a lawsuit against the state of emergency on Monday.", "states",
     "oppose", "the state of emergency"),
    ("The party mounted a legal challenge to the ruling.", "party", "oppose", "the ruling"),
    ("Residents filed a petition for a new school.", "Residents", "support", "a new school"),
    # an intention announced is a position on what is intended
    ("Kaczyński publicly declared intent to impose stricter punishment for abuse.",
     "Kaczyński", "support", "stricter punishment"),
    ("The mayor announced her determination to close the plant.", "mayor", "support",
     "close the plant"),
])
def test_light_verb_hands_its_noun_cue_once(nlp, text, holder, label, target):
    row = row_for(nlp, text, holder)
    assert row.label == label, row.evidence
    assert target in row.target


def test_a_light_verb_and_its_noun_make_one_row(nlp):
    st = rows(nlp, "Voters lodged a complaint against the new tax.")
    assert len(st) == 1 and st.iloc[0].label == "oppose"


@pytest.mark.parametrize("text, label, target", [
    ("The Legislative Yuan voted 66 to 27 to legalize same-sex marriage on Friday.", "support",
     "legalize same-sex marriage"),
    ("The council voted to approve the new bridge.", "support", "approve the new bridge"),
    ("The senators voted to block the bill.", "oppose", "block the bill"),
    ("The union voted against the strike.", "oppose", "the strike"),
])
def test_voting_to_do_something_supports_it(nlp, text, label, target):
    st = rows(nlp, text)
    assert len(st), text
    assert st.iloc[0].label == label, st.iloc[0].evidence
    assert target in st.iloc[0].target


@pytest.mark.parametrize("text, members", [
    ("Both President Trump and some Democrats, such as former Representative Beto O'Rourke, "
     "have expressed favorable interest in term limits.", ["Trump", "Democrats", "O'Rourke"]),
    ("Several unions, including Unite and the GMB, voted against the deal.",
     ["unions", "Unite", "GMB"]),
    ("Critics like Anna Berg and Ola Lind condemned the ruling.",
     ["Critics", "Anna Berg", "Ola Lind"]),
])
def test_named_members_of_a_group_hold_its_position(nlp, text, members):
    st = rows(nlp, text)
    labels = {m: set(st[st.holder.str.lower().str.contains(m.lower(), regex=False)].label)
              for m in members}
    assert all(len(v) == 1 for v in labels.values()), labels
    assert len({next(iter(v)) for v in labels.values()}) == 1, labels


def test_examples_need_such_as_not_any_as(nlp):
    st = rows(nlp, "The minister, speaking as chair, condemned the ruling.")
    assert "chair" not in " ".join(st.holder)


@pytest.mark.parametrize("text, label", [
    ('"I oppose the tax, but I support the new school," said Mayor Lena Berg.', "support"),
    ('"Officials call the plan unsuitable. But the vote proves that our city can be open and '
     'generous," said Mayor Lena Berg.', "support"),
    ('"The council praised the budget. However, it is a disastrous plan," said Anna Lind.',
     "oppose"),
])
def test_what_follows_but_is_the_speakers_point(nlp, text, label):
    st = rows(nlp, text)
    quote = st[st.kind == "quote"].iloc[0]
    assert quote.label == label, quote.evidence


def test_without_a_contrast_the_first_reading_stands(nlp):
    st = rows(nlp, '"I strongly oppose the new tax," said Mayor Lena Berg.')
    assert st[st.kind == "quote"].iloc[0].label == "oppose"


@pytest.mark.parametrize("text, target", [
    ("Polish leader Jaroslaw Kaczynski promises stricter punishments for child abusers.",
     "stricter punishments"),
    ("The mayor vowed to build more homes.", "build more homes"),
    ("The minister promised a new hospital for the town.", "a new hospital"),
])
def test_a_promise_supports_what_is_promised(nlp, text, target):
    # commissive speech acts commit the speaker to what they promise (Searle 1976)
    st = rows(nlp, text)
    assert len(st) and st.iloc[0].label == "support", st[["label", "evidence"]].to_string()
    assert target in st.iloc[0].target


@pytest.mark.parametrize("text, holders", [
    # a passive the parser reads as copula + participle ("was co-sponsored by")
    ("The bill was introduced last week. It was co-sponsored by Senators Anna Pike of Ohio, "
     "Tom Ruddle of Utah, and Mary Cole of Iowa.", {"Anna Pike", "Tom Ruddle", "Mary Cole"}),
    ("The amendment was backed by Governors Tilda Harrow and Mateo Quispe.",
     {"Tilda Harrow", "Mateo Quispe"}),
])
def test_every_listed_agent_of_a_passive_holds_the_position(nlp, text, holders):
    st = rows(nlp, text)
    support = set(st[st.label == "support"].holder)
    assert holders <= support, st[["holder", "label", "evidence"]].to_string()


@pytest.mark.parametrize("text, holder, target", [
    ("On Friday, President Lusk declared a state of emergency at the border.", "Lusk",
     "a state of emergency"),
    ("The rebels proclaimed an independent republic in the east.", "rebels",
     "an independent republic"),
])
def test_declaring_something_brings_it_about(nlp, text, holder, target):
    row = row_for(nlp, text, holder)
    assert row.label == "support", row.evidence
    assert target in row.target


@pytest.mark.parametrize("text", [
    "The mayor declared that the talks had failed.",
    "The minister declared the law unconstitutional.",
])
def test_declaring_a_report_or_a_verdict_is_no_enactment(nlp, text):
    st = rows(nlp, text)
    assert not (st.label == "support").any(), st[["holder", "label", "evidence"]].to_string()


@pytest.mark.parametrize("text, people", [
    ("Finnish minister Aino Salo and her Danish and Swedish counterparts, Mads Holm and Elin "
     "Berg, met in Oslo on Monday. The Norwegian minister, Per Dahl, joined as an observer.\n\n"
     "They condemned the new fishing quota.", {"Aino Salo", "Mads Holm", "Elin Berg"}),
    ("Mayor Lena Berg and councillor Tom Hale visited the depot. They said the closure was "
     '"a terrible mistake".', {"Lena Berg", "Tom Hale"}),
])
def test_they_after_named_people_gives_each_a_position(nlp, text, people):
    st = rows(nlp, text)
    oppose = set(st[st.label == "oppose"].holder)
    assert people <= oppose, st[["holder", "label", "evidence"]].to_string()
    assert "They" not in set(st.holder)


def test_they_after_one_person_is_not_split(nlp):
    st = rows(nlp, "Mayor Lena Berg visited the depot. They condemned the closure.")
    assert "Lena Berg" not in set(st.holder), st[["holder", "label"]].to_string()


@pytest.mark.parametrize("text, holder, label", [
    ('The ministers said the agreement was "null and void".', "ministers", "oppose"),
    ("Ruiz said the border deal was a historic breakthrough.", "Ruiz", "support"),
    ("Okafor said the decision was a terrible blunder.", "Okafor", "oppose"),
])
def test_evaluative_words_in_reported_speech(nlp, text, holder, label):
    assert row_for(nlp, text, holder).label == label


@pytest.mark.parametrize("text, holder, target", [
    ("The mayor announced the closure of the night shelter.", "mayor", "closure"),
    ("Lam announced the withdrawal of the extradition bill.", "Lam", "withdrawal"),
])
def test_announcing_an_act_is_taking_it(nlp, text, holder, target):
    row = row_for(nlp, text, holder)
    assert row.label == "support" and target in row.target, row.evidence


@pytest.mark.parametrize("text, holder, label", [
    ("The queen announced she will comply with the request to suspend parliament.", "queen",
     "support"),
    ("The governor said he would defy the order to close the schools.", "governor", "oppose"),
])
def test_complying_with_and_defying_a_request(nlp, text, holder, label):
    assert row_for(nlp, text, holder).label == label


@pytest.mark.parametrize("text, holder, target, label", [
    ('Mitsos called the border agreement "null and void".', "Mitsos", "the border agreement",
     "oppose"),
    ("The ministry characterized the raid as a serious violation of sovereignty.", "ministry",
     "the raid", "oppose"),
    ("Okafor called the new law a historic breakthrough.", "Okafor", "the new law", "support"),
])
def test_a_naming_cue_judges_its_object(nlp, text, holder, target, label):
    row = row_for(nlp, text, holder)
    assert row.target == target and row.label == label, (row.target, row.evidence)
