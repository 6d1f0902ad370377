"""Actors against the hand-labelled Wikinews set (issue 13, item 7).

The labels (``tests/data/actors_wikinews.json``, rules in ``tests/data/README.md``) are checked
for form; the scorer (``tests/actor_scoring.py``) is checked on made-up outputs whose scores are
known; newslab's own figures must not fall below the floors in :data:`FLOORS`.
``benchmarks/actors_labelled.py`` prints the figures and the errors behind them.
"""

from __future__ import annotations

import pytest

from newslab.analysis import Analysis
from newslab.parse import load_article

from .actor_scoring import (LABELS, WIKINEWS, System, counts, label_problems, load_labels, norm,
                            score, system_view)

#: Floors (ceilings for false merges and leak) set a little under the figures of 2026-11-30
#: (recall 0.913, type 0.948, alias merge 0.778, false merges 1, leak 0.635, links 0.371);
#: leak and role accuracy raised with actor roles and the not-actor lexicon (leak 0.106,
#: role accuracy 0.948 on the whole set; check half: leak 0.231, role accuracy 0.872); type
#: accuracy raised by the types the wording gives (0.965) and link accuracy by first-person
#: words in quotations linked to their speaker (0.586), then by coreference by salience (issue 13
#: item 5: 0.819 on the whole set, study 0.947, check 0.695); recall and type accuracy raised by
#: name repair and the type vote (recall 0.952, type accuracy 0.975 on the whole set); alias
#: merge raised by the other forms of a name (name_variants.py: legal forms, acronyms, first
#: names, double surnames; 0.911, study half 1.000, check half 0.800) and false merges held at 0.
#: Issue 13's targets are higher (recall >= 0.95, type >= 0.95, alias merge >= 0.85, 0 false
#: merges, leak <= 0.15, links >= 0.75, on a set we do not have); raise these floors as the work
#: lands, never lower them to let a change through.
FLOORS = {"actor_recall": 0.94, "type_accuracy": 0.97, "alias_merge_recall": 0.88,
          "link_accuracy": 0.78, "role_accuracy": 0.92}
CEILINGS = {"false_merges": 0, "not_actor_leak": 0.13}


@pytest.fixture(scope="module")
def labels():
    return load_labels()


@pytest.fixture(scope="module")
def systems(labels, nlp):
    return {a["file"]: system_view(Analysis(load_article(WIKINEWS / a["file"]), nlp=nlp))
            for a in labels["articles"]}


# -- the labels -------------------------------------------------------------------------------
def test_labels_are_well_formed(labels):
    assert label_problems(labels) == []
    assert labels["about"] and labels["rules"]


def test_labels_cover_the_set_the_issue_asks_for(labels):
    n = counts(labels)
    assert n["articles"] == 10 and n["links"] >= 60
    assert 0 < n["links_to_none"] < n["links"]
    assert {a["half"] for a in labels["articles"]} == {"study", "check"}
    roles = {g["role"] for a in labels["articles"] for g in a["actors"]}
    assert roles == {"agent", "setting", "source"}
    assert len({a["file"] for a in labels["articles"]}) == 10
    assert all((WIKINEWS / a["file"]).is_file() for a in labels["articles"])


def test_link_offsets_point_at_the_stated_words(labels):
    # Offsets are into Article.text (what every table's start/end refer to), which for these
    # plain-text files is the file's text.
    for article in labels["articles"]:
        text = load_article(WIKINEWS / article["file"]).text
        assert [text[l["start"]:l["end"]] for l in article["links"]] == \
            [l["text"] for l in article["links"]]


def test_problems_are_found_in_bad_labels(labels):
    article = dict(labels["articles"][0])
    link = dict(article["links"][0])
    link["start"] += 1
    alias_twice = dict(article["actors"][1], aliases=article["actors"][0]["aliases"])
    bad = dict(article, links=[link], actors=[article["actors"][0], alias_twice])
    problems = label_problems({"articles": [bad]})
    assert any("does not slice" in p for p in problems)
    assert any("given to two actors" in p for p in problems)


def test_norm_folds_case_article_possessive_and_full_stop():
    assert norm("The Guardian's") == norm("guardian") == "guardian"
    assert norm("Kmart Corp.") == "kmart corp"
    assert norm("Sears’") == "sears"


# -- the scorer on outputs whose scores are known ---------------------------------------------------
def _perfect(article) -> System:
    """What a perfect toolkit would give: every actor under one row, agents alone shown, every
    link resolved."""
    sys_ = System()
    for g in article["actors"]:
        sys_.rows[g["name"]] = {norm(a) for a in g["aliases"]}
        sys_.types[g["name"]] = g["type"]
        sys_.counts[g["name"]] = len(g["aliases"])
        if g["role"] == "agent":
            sys_.shown[g["name"]] = "agent"
    sys_.mentions = [(l["start"], l["end"], l["text"], l["actor"]) for l in article["links"]]
    return sys_


def test_a_perfect_output_scores_perfectly(labels):
    m = score(labels, {a["file"]: _perfect(a) for a in labels["articles"]}).measures()
    assert m["actor_recall"] == m["type_accuracy"] == m["alias_merge_recall"] == 1
    assert m["link_accuracy"] == 1 and m["false_merges"] == 0 and m["not_actor_leak"] == 0


def test_an_empty_output_scores_nothing(labels):
    m = score(labels, {a["file"]: System() for a in labels["articles"]}).measures()
    assert m["actor_recall"] == 0 and m["alias_merge_recall"] == 0 and m["not_actor_leak"] == 0
    n = counts(labels)
    assert m["link_accuracy"] == pytest.approx(n["links_to_none"] / n["links"])


def test_merged_actors_settings_shown_and_wrong_links_are_counted(labels):
    article = next(a for a in labels["articles"] if a["file"].startswith("2019-09-12"))
    sys_ = _perfect(article)
    # Bolton's names put under Trump; Twitter shown as an actor; every link to Trump.
    sys_.rows["Donald Trump"] |= sys_.rows.pop("John Bolton")
    sys_.rows["Twitter"] = {"twitter"}
    sys_.shown["Twitter"] = "agent"
    sys_.mentions = [(s, e, t, "Donald Trump") for s, e, t, _ in sys_.mentions]
    t = score({"articles": [article]}, {article["file"]: sys_})
    m = t.measures()
    assert t.name_merges == 1 and m["false_merges"] == 1
    assert t.leaked == 1
    right = sum(l["actor"] == "Donald Trump" for l in article["links"])
    assert m["link_accuracy"] == pytest.approx(right / len(article["links"]))


# -- newslab's figures ----------------------------------------------------------------------------
def test_newslab_stays_above_the_floors(labels, systems):
    m = score(labels, systems).measures()
    low = {k: round(m[k], 3) for k, floor in FLOORS.items() if m[k] < floor}
    high = {k: m[k] for k, ceiling in CEILINGS.items() if m[k] > ceiling}
    assert not low and not high, (low, high, LABELS.name)
