"""Actor stance, statements, stance ranking and portrayal on real sentences.

The spaCy model is loaded once for the module (a fixture of this file, so no shared conftest
is needed). Sentences are written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from newslab.errors import StanceInputError, UnknownBackendError
from newslab.io.stance import stance_jsonl
from newslab.lexicons import attitude_cues
from newslab.polarity import (
    StanceResult,
    actor_stance,
    actor_stances,
    portrayal_label,
    portrayal_labels,
    register_stance_backend,
)
from newslab.polarity.portrayal import MODEL_PATH
from newslab.target import stance
from newslab.tables import STATEMENT_COLUMNS
from newslab.tables import statements_table as statements

ROOT = Path(__file__).resolve().parents[1]
DEMO_TEXT = ROOT / "data" / "articles" / "nato-seeks-afghan-help-from-russia.txt"
DEMO_GOLD = ROOT / "tests" / "data" / "nato-seeks-afghan-help-from-russia.json"


def spans(sentence: str, holder: str, target: str) -> tuple[tuple[int, int], tuple[int, int]]:
    h = sentence.index(holder)
    t = sentence.index(target)
    return (h, h + len(holder)), (t, t + len(target))


def stance_of(nlp, sentence: str, holder: str, target: str) -> StanceResult:
    h, t = spans(sentence, holder, target)
    return actor_stance(nlp(sentence), h, t)


# -- actor stance: cues, negation, hedges ----------------------------------------------------

@pytest.mark.parametrize("sentence, holder, target, label, evidence", [
    ("Russia has objected to the plans.", "Russia", "plans", "oppose", "objected to"),
    ("The president praised the mayor for her courage.", "president", "mayor", "support",
     "praised"),
    ("The mayor was praised by the president.", "president", "mayor", "support", "praised"),
    ("The opposition condemned the new tax law.", "opposition", "law", "oppose", "condemned"),
    ("Moscow has repeatedly expressed its willingness to help the war effort in Afghanistan.",
     "Moscow", "war effort", "support", "willingness"),
    ("The union called for an inquiry into the closures.", "union", "inquiry", "support",
     "called for"),
    ("Greenpeace is highly critical of the oil company.", "Greenpeace", "oil company", "oppose",
     "critical of"),
    ("Critics accused the mining company of hiding its losses.", "Critics", "mining company",
     "oppose", "accused"),
    ("Germany voiced strong opposition to the pipeline.", "Germany", "pipeline", "oppose",
     "opposition"),
])
def test_cue_decides_label_and_evidence(nlp, sentence, holder, target, label, evidence):
    res = stance_of(nlp, sentence, holder, target)
    assert res.label == label, res
    assert evidence in res.evidence
    assert res.evidence.endswith(label)


def test_negation_flips_support_to_oppose(nlp):
    plain = stance_of(nlp, "The minister supported the plan.", "minister", "plan")
    negated = stance_of(nlp, "The minister did not support the plan.", "minister", "plan")
    assert plain.label == "support"
    assert negated.label == "oppose"
    assert "not" in negated.evidence


def test_refuse_to_and_never_flip(nlp):
    assert stance_of(nlp, "The unions refused to back the deal.", "unions", "deal").label == "oppose"
    res = stance_of(nlp, "The council never opposed the project.", "council", "project")
    assert res.label == "support" and "never" in res.evidence


def test_chained_cues_multiply(nlp):
    # calling for sanctions against Iran opposes Iran: support x oppose
    res = stance_of(nlp, "The senator called for sanctions against Iran.", "senator", "Iran")
    assert res.label == "oppose"
    assert "called for" in res.evidence and "sanctions" in res.evidence


@pytest.mark.parametrize("sentence, holder, target", [
    ("Medvedev would consider the request.", "Medvedev", "request"),
    ("The party may be willing to support the budget.", "party", "budget"),
    ("Officials are weighing the proposal.", "Officials", "proposal"),
])
def test_hedges_give_neutral_and_hedged(nlp, sentence, holder, target):
    res = stance_of(nlp, sentence, holder, target)
    assert res.label == "neutral"
    assert res.hedged
    assert "hedged" in res.evidence


def test_would_keeps_a_firm_cue_but_flags_hedged(nlp):
    res = stance_of(nlp, "The governor said he would veto the bill.", "governor", "bill")
    assert res.label == "oppose"


def test_modal_on_someone_elses_act_does_not_hedge_the_speaker(nlp):
    res = stance_of(nlp, "Rasmussen said Russia could contribute helicopters to the mission.",
                    "Rasmussen", "mission")
    assert res.label != "oppose"
    assert not (res.label == "neutral" and res.hedged)


def test_urge_supports_the_act_not_the_addressee(nlp):
    sentence = "The minister urged parliament to approve the bill."
    assert stance_of(nlp, sentence, "minister", "bill").label == "support"
    addressee = stance_of(nlp, sentence, "minister", "parliament")
    assert addressee.label == "neutral" and "addressee" in addressee.evidence


@pytest.mark.parametrize("sentence, holder, target", [
    ("The minister met the ambassador in Paris on Monday.", "minister", "ambassador"),
    ("Smith's lawyer spoke to reporters about the trial.", "Smith", "lawyer"),
    ("Reporters said the storm hit Florida on Tuesday.", "Reporters", "Florida"),
])
def test_no_attitude_means_neutral(nlp, sentence, holder, target):
    res = stance_of(nlp, sentence, holder, target)
    assert res.label == "neutral" and not res.hedged


def test_evaluative_words_in_reported_speech(nlp):
    sentence = "The senator said the governor is a corrupt liar."
    h, t = spans(sentence, "senator", "governor")
    res = actor_stance(nlp(sentence), h, t, backend="rules_lexical")
    assert res.label == "oppose" and "liar" in res.evidence


def test_holders_words_step_is_opt_in_and_named_in_evidence(nlp):
    sentence = ("The senator said the governor had mishandled the crisis and ignored repeated "
                "warnings from experts.")
    h, t = spans(sentence, "senator", "governor")
    doc = nlp(sentence)
    with_model = actor_stance(doc, h, t, backend="rules_speech")
    assert with_model.label == "oppose" and "holder's words" in with_model.evidence
    assert actor_stance(doc, h, t).label == "neutral"  # the default uses no model
    assert actor_stance(doc, h, t, backend="rules_lexical").label == "neutral"


@pytest.mark.parametrize("sentence, holder, target, label, evidence", [
    # a possessive pronoun in the holder's clause is the holder
    ("The mayor was criticised for her praise of the developer.", "mayor", "developer",
     "support", "praise"),
    # the holder authors the attitude noun; the target follows it
    ("Expressing Canadian support for the rebels, the minister left early.", "Canadian",
     "rebels", "support", "support for"),
    # the judgement of an event goes to its agent
    ("The coach complained that the referee had ignored every foul.", "coach", "referee",
     "oppose", "complained"),
    # asking someone to stop or undo something opposes them
    ("Housing groups have called on the council to stop evicting tenants.", "groups", "council",
     "oppose", "addressee to stop"),
    ("The envoy urged the army to lift the blockade.", "envoy", "army", "oppose",
     "addressee to lift"),
    # the gap of a relative clause is the cue's object
    ("Voters ignored the senator, whom the governor had repeatedly attacked.", "governor",
     "senator", "oppose", "attacked"),
    ("The union reached an agreement with the airline on Monday.", "union", "airline",
     "support", "agreement with"),
])
def test_inferences_beyond_one_cue(nlp, sentence, holder, target, label, evidence):
    res = stance_of(nlp, sentence, holder, target)
    assert res.label == label, res
    assert evidence in res.evidence


def test_request_to_act_keeps_the_addressee_neutral(nlp):
    sentence = "Housing groups have called on the council to support homeless families."
    assert stance_of(nlp, sentence, "groups", "council").label == "neutral"
    assert stance_of(nlp, sentence, "groups", "families").label == "support"


def test_could_not_is_an_inability_not_a_hedge(nlp):
    res = stance_of(nlp, "The minister could not support the plan.", "minister", "plan")
    assert res.label == "oppose"


def test_cue_offsets_point_at_the_cue(nlp):
    sentence = "Russia has objected to the plans."
    res = stance_of(nlp, sentence, "Russia", "plans")
    assert sentence[res.cue_start:res.cue_end] == "objected"


def test_bad_spans_raise_a_newslab_error(nlp):
    doc = nlp("Russia has objected to the plans.")
    with pytest.raises(StanceInputError, match="outside the text"):
        actor_stance(doc, (0, 6), (20, 400))
    with pytest.raises(StanceInputError, match="neither a Span"):
        actor_stance(doc, "Russia", (23, 32))


def test_batch_never_fails_on_one_bad_line(nlp):
    out = actor_stances([
        ("Russia has objected to the plans.", (0, 6), (27, 32)),
        ("", (0, 6), (7, 9)),
        ("Das ist ein deutscher Satz ohne Haltung.", (0, 3), (8, 11)),
    ], nlp=nlp)
    assert out[0].label == "oppose"
    assert out[1].label == "neutral" and out[1].evidence.startswith("skipped")
    assert out[2].label == "neutral"


def test_backends_are_chosen_by_name(nlp):
    @register_stance_backend("test_always_support")
    def _always(holder, target):
        return StanceResult("support", False, "test backend")

    doc = nlp("Russia has objected to the plans.")
    assert actor_stance(doc, (0, 6), (27, 32), backend="test_always_support").label == "support"
    with pytest.raises(UnknownBackendError, match="rules"):
        actor_stance(doc, (0, 6), (27, 32), backend="no_such_backend")


def test_lexicon_has_enough_verbs_with_polarity():
    verbs = {lemma for (lemma, pos), cues in attitude_cues().items() if pos == "VERB"
             and any(c.polarity in ("support", "oppose") for c in cues)}
    assert len(verbs) >= 150
    assert {"welcome", "urge", "object", "condemn", "oppose"} <= verbs


# -- statements and ranking ------------------------------------------------------------------

def test_statements_from_attitude_constructions(nlp):
    text = ("Moscow has repeatedly expressed its willingness to help the war effort. "
            "Russia has objected to the plans. Medvedev would consider the request.")
    df = statements(nlp(text))
    assert list(df.columns) == STATEMENT_COLUMNS
    rows = {r.holder: r for r in df.itertuples()}
    assert rows["Moscow"].label == "support" and rows["Moscow"].kind == "attitude"
    assert rows["Russia"].label == "oppose" and rows["Russia"].cue == "objected"
    assert rows["Medvedev"].label == "neutral" and rows["Medvedev"].hedged
    for r in df.itertuples():
        assert text[r.holder_start:r.holder_end] == r.holder
        assert text[r.cue_start:r.cue_end] == r.cue
        assert text[r.target_start:r.target_end] == r.target
    assert rows["Russia"].target == "the plans"


def _rows(nlp, text):
    df = statements(nlp(text))
    return df, {(r.holder, r.cue): r for r in df.itertuples()}


def test_action_verbs_inside_someone_elses_words_are_not_positions(nlp):
    text = ("The envoy said Russia could help by contributing more helicopters. "
            "Lavrov said that Medvedev would consider the request. "
            "The Kremlin has allowed the convoys to use its roads.")
    df, rows = _rows(nlp, text)
    assert not [r for r in df.itertuples() if r.holder == "Russia"]  # the envoy's suggestion
    medvedev = rows[("Medvedev", "consider")]  # a mental act of Medvedev: his position
    assert medvedev.label == "neutral" and medvedev.hedged and medvedev.target == "the request"
    kremlin = rows[("Kremlin", "allowed")]  # outside reported words an act may stand
    assert kremlin.label == "support"


def test_statement_holders_are_someone_and_targets_name_something(nlp):
    text = ("Supply bottlenecks that hampered the delivery of aid were easing. "
            "The minister, who praised the volunteers, left early. "
            "Germany contributed more to the relief fund in a very generous way. "
            "Russia has objected to the plans, which are still at an early stage.")
    df, rows = _rows(nlp, text)
    assert "that" not in set(df.holder) and "bottlenecks" not in " ".join(df.holder)
    assert rows[("minister", "praised")].target == "the volunteers"
    assert rows[("Germany", "contributed")].target == "the relief fund"
    assert rows[("Russia", "objected")].target == "the plans"
    assert all(len(str(t).split()) > 1 or str(t)[:1].isupper() for t in df.target)


def test_statement_offsets_map_to_the_article_text(nlp):
    import newslab
    from newslab.nlp import article_doc

    art = newslab.parse_text("Talks in Moscow\n\nThe senator condemned the new sanctions.")
    df = statements(article_doc(art, nlp))
    row = df.iloc[0]
    assert art.text[row.cue_start:row.cue_end] == "condemned"
    assert art.text[row.start:row.end] == "The senator condemned the new sanctions."


def test_empty_doc_gives_an_empty_table(nlp):
    df = statements(nlp(""))
    assert len(df) == 0 and list(df.columns) == STATEMENT_COLUMNS
    assert len(stance(df, "anything")) == 0


def test_stance_reads_anaphoric_targets_from_the_sentence_before(nlp):
    text = ("The alliance plans to admit Georgia and Ukraine. Russia has objected to the plans. "
            "Russia has praised the new trade agreement.")
    df = stance(statements(nlp(text)), "admitting Georgia and Ukraine")
    assert df.iloc[0].holder == "Russia" and df.iloc[0].label == "oppose"
    assert df.iloc[0].relevance_source == "antecedent"
    assert ((df.relevance > 0) & (df.relevance <= 1)).all()
    assert (df.relevance.diff().dropna() <= 0).all()
    # the praise is about a trade agreement, not the target: below the cut-off
    assert "praised" not in " ".join(df.statement)


# -- portrayal -------------------------------------------------------------------------------

def test_model_file_is_small_and_loads_without_pickle():
    assert MODEL_PATH.exists()
    assert MODEL_PATH.stat().st_size < 5 * 1024 * 1024
    with np.load(MODEL_PATH, allow_pickle=False) as z:
        config = json.loads(str(z["config"]))
    assert config["classes"] == ["negative", "neutral", "positive"]
    assert "Hamborg" in config["source"]


@pytest.mark.parametrize("sentence, target, label", [
    ("Critics slammed Smith as a corrupt and dishonest liar who betrayed voters.", "Smith",
     "negative"),
    ("Fans cheered as Smith, a brilliant and generous leader, won the award.", "Smith",
     "positive"),
])
def test_portrayal_clear_cases(sentence, target, label):
    i = sentence.index(target)
    got, evidence = portrayal_label(sentence, (i, i + len(target)))
    assert got == label
    assert "p(" in evidence


def test_portrayal_depends_on_the_target():
    from newslab.polarity import load_portrayal_model

    model = load_portrayal_model()
    sentence = "Smith thanked the volunteers and condemned the corrupt mayor."
    items = [(sentence, (sentence.index(t), sentence.index(t) + len(t)))
             for t in ("volunteers", "mayor")]
    p_neg = model.predict_proba(items)[:, model.classes.index("negative")]
    assert p_neg[1] > p_neg[0]  # the condemned mayor reads more negative than the volunteers


def test_portrayal_batch_and_bad_spans():
    out = portrayal_labels([("Smith won.", (0, 5)), ("Smith won.", (3, 99)), ("", (0, 1))])
    assert len(out) == 3
    assert out[1][0] == "neutral" and out[1][1].startswith("skipped")
    assert out[2][0] == "neutral"
    with pytest.raises(StanceInputError):
        portrayal_label("Smith won.", (5, 2))


# -- evaluation JSONL ------------------------------------------------------------------------

def test_stance_jsonl_routes_holder_lines_to_rules(tmp_path):
    s1 = "Russia has objected to the plans."
    s2 = "Critics slammed Smith as a corrupt and dishonest liar."
    lines = [
        {"id": "a", "sentence": s1, "target": "plans", "target_span": [27, 32],
         "holder": "Russia", "holder_span": [0, 6]},
        {"id": "b", "sentence": s2, "target": "Smith", "target_span": [16, 21]},
        {"id": "c", "sentence": s1, "target": "x", "target_span": [50, 60],
         "holder": "Russia", "holder_span": [0, 6]},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n", encoding="utf-8")
    dst = tmp_path / "out" / "pred.jsonl"
    summary = stance_jsonl(src, dst)
    out = {r["id"]: r for r in map(json.loads, dst.read_text().splitlines())}
    assert out["a"]["label"] == "negative" and "objected" in out["a"]["evidence"]
    assert out["b"]["label"] == "negative" and "p(" in out["b"]["evidence"]
    assert out["c"]["label"] == "neutral" and "skipped" in out["c"]["evidence"]
    assert summary["stance"] == 2 and summary["portrayal"] == 1
    assert len(summary["skipped"]) == 1


# -- the demo article ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo_statements(nlp):
    import newslab
    from newslab.extract import coref as resolve_mod
    from newslab.extract import entities as actors_mod
    from newslab.tables import quotes_table
    from newslab.nlp import article_doc

    art = newslab.load_article(DEMO_TEXT)
    doc = article_doc(art, nlp)
    named = actors_mod.entity_mentions(doc)
    mentions = named + resolve_mod.resolve_mentions(doc, named)
    q = quotes_table(doc, mentions, article=art)
    return art, statements(doc, q, mentions)


def test_demo_article_matches_gold_stance(demo_statements):
    art, df = demo_statements
    gold = json.loads(DEMO_GOLD.read_text(encoding="utf-8"))["stance"]
    for g in gold:
        ranked = stance(df, g["target"])
        mine = ranked[ranked.holder == g["holder"]]
        assert len(mine), f"no statement by {g['holder']} about {g['target']!r}"
        hit = mine[mine.apply(lambda r: g["evidence"] in art.text[r.start:r.end]
                              or g["evidence"] in str(r.statement), axis=1)]
        assert len(hit), f"{g['holder']}: evidence {g['evidence']!r} not among {mine.statement.tolist()}"
        row = hit.iloc[0]
        assert row.label == g["stance"], (g, row.evidence)
        if g["holder"] == "Medvedev":
            assert row.hedged


def test_demo_holders_are_resolved_actors(demo_statements):
    _, df = demo_statements
    assert "Moscow" not in set(df.holder)  # metonym resolved to Russia
    assert {"Russia", "Rasmussen", "Medvedev"} <= set(df.holder)


def test_statements_accept_quotes_with_missing_cues():
    """Uncued quotations have NA cue offsets (pandas.NA in nullable columns): no crash."""
    import newslab

    text = ("Mayor backs bridge plan\n\n"
            'The mayor said on Monday that she supported the plan. "It is the right thing to do."\n\n'
            '"We cannot wait another decade," said Ana Ruiz, a councillor.')
    a = newslab.analyze(text)
    q = a.quotes.convert_dtypes()          # nullable dtypes: missing values become pandas.NA
    assert q.cue_start.isna().any() or q.speaker_start.isna().any() or len(q) >= 2

    rows = statements(a.doc, q, a.mentions)
    assert len(rows) >= 1 and rows.holder.notna().all()
