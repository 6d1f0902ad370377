"""The pasted-text line classifier: shipped weights, numpy inference, sequence smoothing."""

from __future__ import annotations

import json

import numpy as np

from newslab.parse import line_model
from newslab.parse.text import _model_features, _units


def test_shipped_weights_load_without_pickle_and_match_the_features():
    spec = json.loads(line_model.SPEC_FILE.read_text(encoding="utf-8"))
    assert spec["features"] == list(line_model.FEATURES)
    assert spec["labels"] == list(line_model.LABELS)
    with np.load(line_model.WEIGHTS_FILE, allow_pickle=False) as z:
        assert z["coef"].shape == (len(line_model.LABELS), len(line_model.FEATURES))
    assert line_model.load_model() is not None


def test_viterbi_prefers_a_consistent_sequence():
    # two labels; the middle line is unsure, the transitions favour staying in a label
    proba = np.array([[0.9, 0.1], [0.45, 0.55], [0.9, 0.1]])
    stay = np.log(np.array([[0.9, 0.1], [0.1, 0.9]]))
    start = np.log(np.array([0.5, 0.5]))
    assert line_model.viterbi(proba, stay, start).tolist() == [0, 0, 0]
    assert proba.argmax(axis=1).tolist() == [0, 1, 0]


def test_a_pasted_page_gets_body_lines_and_chrome_lines():
    text = ("Council approves budget\n\nShare\nFacebook\nTwitter\n\n"
            + "\n\n".join("The city council approved the new budget on Tuesday after a debate "
                          f"that lasted more than {n} hours, officials said in a statement."
                          for n in range(3, 9))
            + "\n\nNewsletter\nSign up for our daily briefing\nPrivacy policy\nContact us")
    units = _units(text)
    x = _model_features(units)
    assert x.shape == (len(units), len(line_model.FEATURES))
    labels, proba = line_model.label_lines(x)
    assert np.allclose(proba.sum(axis=1), 1.0)
    body = [u.text for u, lab in zip(units, labels) if lab in ("body", "heading")]
    assert sum(t.startswith("The city council") for t in body) >= 5
    assert "Facebook" not in body and "Privacy policy" not in body
