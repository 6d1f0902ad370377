"""newslab's own target-stance development set: 16 shipped Wikinews articles, two targets each.

``tests/data/target_stance.json`` was labelled by reading the articles (each actor's position on
each target, with a snippet of the sentence that bears it, and off-target distractor sentences);
the articles are CC BY 2.5 (Wikinews). The test prints the four figures of issue 14 per half
(rules were developed on ``study``; the relevance cut-off was chosen on ``check``) and holds
them at floors just under what newslab reaches now, so a change that loses positions, labels
them worse, leaks more distractors or invents holders fails here. The issue's targets (recall
0.60, label accuracy 0.80, leak 0.10, holder accuracy 0.60) are not reached yet.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newslab
from newslab.target.scoring import gold_holder_positions, score_set, same_holder

ROOT = Path(__file__).resolve().parents[1]
GOLD = json.loads((ROOT / "tests" / "data" / "target_stance.json").read_text(encoding="utf-8"))

#: Floors per figure (all articles pooled); "leak" is a ceiling.
FLOORS = {"position_recall": 0.47, "label_accuracy": 0.72, "holder_accuracy": 0.34}
LEAK_CEILING = 0.10


@pytest.fixture(scope="module")
def analyses(nlp):
    return [newslab.analyze(ROOT / a["file"], nlp=nlp) for a in GOLD["articles"]]


def test_gold_is_well_formed(analyses):
    assert len(GOLD["articles"]) == 16
    assert {a["half"] for a in GOLD["articles"]} == {"study", "check"}
    for art, a in zip(GOLD["articles"], analyses):
        assert len(art["targets"]) == 2
        for t in art["targets"]:
            for snippet in [p["evidence"] for p in t["positions"]] + t["distractors"]:
                assert snippet in a.article.text, (art["file"], snippet)
            assert set(gold_holder_positions(t).values()) <= {"support", "oppose", "neutral"}


def test_figures_on_the_labelled_set(analyses, capsys):
    tallies = score_set(GOLD, analyses)
    with capsys.disabled():
        for half in ("study", "check", "all"):
            print(f"\ntarget-stance set, {half}: {tallies[half].figures()}")
    figures = tallies["all"].figures()
    for name, floor in FLOORS.items():
        assert figures[name] >= floor, (name, figures)
    assert figures["distractor_leak"] <= LEAK_CEILING, figures


def test_holder_names_match_across_spellings():
    assert same_holder("Kaczyński", "Jarosław Kaczyński")
    assert same_holder("Erdogan", "Recep Tayyip Erdoğan")
    assert same_holder("environmental group", "an environmental group")
    assert not same_holder("Nigeria", "Niger")
