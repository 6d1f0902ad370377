"""A learned line classifier for pasted page text, with sequence smoothing (plain numpy).

Each line of a pasted page gets a feature vector (:data:`FEATURES`: its length and sentence
shape, capitalisation, punctuation, handles and links, its position on the page, the same for
the neighbouring lines, and what the rule labeller in :mod:`newslab.parse.text` found: lexicon
hits, byline, date and caption patterns). A multinomial logistic regression gives per-line label
probabilities and a Viterbi pass over the page (first-order transitions between labels, as in
an HMM with discriminative emissions) picks the most likely label sequence, so that a body line
between body lines stays body and a list of related links stays one list.

Labels (:data:`LABELS`): ``body`` (article paragraphs), ``heading`` (sub-heads, part of the
body), ``headline``, ``byline``, ``date``, ``other`` (page chrome: navigation, share rows,
related links, captions, adverts, comments). The training pages give gold article bodies and
gold title/author/date, not finer chrome labels, so chrome is one label; the rule labeller's
reasons keep the finer distinction.

The weights (``newslab/models/line_classifier.npz`` and ``.json``) were trained by
``scripts/train_line_classifier.py`` on the study half of two licensed dev sets only
(ScrapingHub article-extraction benchmark, MIT; WCXB dev, CC BY 4.0); see
``newslab/models/README.md``. No pickle: arrays and a JSON description.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_DIR = Path(__file__).resolve().parents[1] / "models"
WEIGHTS_FILE = MODEL_DIR / "line_classifier.npz"
SPEC_FILE = MODEL_DIR / "line_classifier.json"

LABELS = ("body", "heading", "headline", "byline", "date", "other")

#: Features of one line (the neighbours' copies are added by :func:`page_features`).
LINE_FEATURES = (
    "log_words", "log_chars", "terminal", "ends_colon", "ends_question", "cap_share",
    "mostly_upper", "digit_share", "punct_share", "comma_rate", "sentence_breaks",
    "mean_word_len", "has_handle", "has_url", "has_pipe", "opens_quote", "good",
    "role_lex", "lex_list", "lex_end", "role_byline", "role_date", "role_caption",
    "role_credit", "role_source", "name_only", "title_case_line", "dateline",
)
#: Page-level features of a line.
POSITION_FEATURES = ("rel_pos", "is_first", "is_last", "log_index")
FEATURES = (LINE_FEATURES + tuple(f"prev_{f}" for f in LINE_FEATURES[:17])
            + tuple(f"next_{f}" for f in LINE_FEATURES[:17]) + POSITION_FEATURES)

_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk)\b")
_HANDLE = re.compile(r"(?<!\w)@\w{2,}")
_PUNCT = re.compile(r"[^\w\s]")


def line_features(u, sentence_break: re.Pattern, dateline: re.Pattern,
                  name_only: re.Pattern, title_line) -> list[float]:
    """The :data:`LINE_FEATURES` of one labelled unit (see ``newslab.parse.lines._Unit``)."""
    t = u.text[:3000]
    words = max(u.words, 1)
    # map over str methods counts characters without a Python-level loop
    letters = sum(map(str.isalpha, t)) or 1
    toks = t.split()
    stripped = t.rstrip("\"'”’»)] ")
    return [
        math.log1p(u.words), math.log1p(len(t)), float(u.terminal), float(stripped.endswith(":")),
        float(stripped.endswith("?")), _cap_share(toks),
        float(sum(map(str.isupper, t)) >= 0.9 * letters),
        sum(map(str.isdigit, t)) / max(len(t), 1), len(_PUNCT.findall(t)) / max(len(t), 1),
        t.count(",") / words, min(len(sentence_break.findall(t)), 5) / 5,
        min(sum(len(w) for w in toks) / max(len(toks), 1), 15) / 15,
        float(bool(_HANDLE.search(t))), float(bool(_URL.search(t))),
        float("|" in t or "•" in t), float(t[:1] in "\"“‘«'"), float(u.good),
        float(u.role == "lex"), float(u.role == "lex" and u.effect == "list"),
        float(u.role == "lex" and u.effect == "end"), float(u.role == "byline"),
        float(u.role == "date"), float(u.role == "caption"), float(u.role == "credit"),
        float(u.role == "source"), float(bool(name_only.match(t)) and u.words <= 4),
        float(title_line(u)), float(bool(dateline.match(t[:150]))),
    ]


def _cap_share(toks: list[str]) -> float:
    words = [w for w in toks if w[:1].isalpha()]
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def page_features(rows: list[list[float]]) -> np.ndarray:
    """Stack per-line features with the previous/next line's and the line's page position."""
    n = len(rows)
    if not n:
        return np.zeros((0, len(FEATURES)))
    own = np.asarray(rows, dtype=float)
    k = 17
    prev = np.vstack([np.zeros((1, k)), own[:-1, :k]])
    nxt = np.vstack([own[1:, :k], np.zeros((1, k))])
    idx = np.arange(n, dtype=float)
    pos = np.column_stack([idx / max(n - 1, 1), idx == 0, idx == n - 1, np.log1p(idx)])
    return np.hstack([own, prev, nxt, pos.astype(float)])


@lru_cache(maxsize=1)
def load_model() -> dict[str, np.ndarray] | None:
    """The shipped weights, or ``None`` when the model files are absent."""
    if not WEIGHTS_FILE.exists() or not SPEC_FILE.exists():
        return None
    spec = json.loads(SPEC_FILE.read_text(encoding="utf-8"))
    if tuple(spec["features"]) != FEATURES or tuple(spec["labels"]) != LABELS:
        return None  # weights from another feature set: do not use them silently wrong
    with np.load(WEIGHTS_FILE, allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def predict_proba(x: np.ndarray, model: dict[str, np.ndarray]) -> np.ndarray:
    """Per-line label probabilities (lines x labels) from the logistic regression."""
    z = (x - model["mean"]) / model["scale"]
    logits = z @ model["coef"].T + model["intercept"]
    logits -= logits.max(axis=1, keepdims=True)
    p = np.exp(logits)
    return p / p.sum(axis=1, keepdims=True)


def viterbi(proba: np.ndarray, log_trans: np.ndarray, log_start: np.ndarray) -> np.ndarray:
    """The most likely label index sequence given per-line probabilities and transitions."""
    n, k = proba.shape
    if n == 0:
        return np.zeros(0, dtype=int)
    emit = np.log(np.clip(proba, 1e-9, 1.0))
    score = log_start + emit[0]
    back = np.zeros((n, k), dtype=int)
    for i in range(1, n):
        cand = score[:, None] + log_trans
        back[i] = cand.argmax(axis=0)
        score = cand.max(axis=0) + emit[i]
    path = np.zeros(n, dtype=int)
    path[-1] = int(score.argmax())
    for i in range(n - 1, 0, -1):
        path[i - 1] = back[i, path[i]]
    return path


def label_lines(x: np.ndarray, model: dict[str, np.ndarray] | None = None,
                smooth: bool = True) -> tuple[list[str], np.ndarray]:
    """Labels (one of :data:`LABELS` per line) and their probabilities for a page's features."""
    model = model or load_model()
    if model is None or not len(x):
        return [], np.zeros((len(x), len(LABELS)))
    proba = predict_proba(x, model)
    path = (viterbi(proba, model["log_trans"], model["log_start"]) if smooth
            else proba.argmax(axis=1))
    return [LABELS[i] for i in path], proba
