"""Portrayal: how a sentence treats a target actor (``negative | neutral | positive``).

This is the *writer's* treatment of the target, a different question from actor stance (what a
holder thinks of a target); the two scores are never blended.

The default backend ``"tfidf"`` is a linear model trained by ``scripts/train_portrayal.py`` on
the NewsMTSC training set (Hamborg & Donnay, EACL 2021, MIT licence). It is target-aware: the
target span is replaced by a marker, and besides the whole masked sentence (word and character
n-grams) it reads a window of words on each side of the target. The model ships as
``newslab/models/portrayal.npz``: vocabularies, idf weights, coefficients and a JSON config as
plain arrays, loaded with ``allow_pickle=False`` (no code is unpickled). Evidence lists the
n-grams that pushed the decision most.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

import numpy as np

from ..errors import PortrayalModelError, StanceInputError
from ..lexicons import attitude_cues, evaluative_words
from ..nlp.model import load_model
from .registry import portrayal_backend, register_portrayal_backend

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "portrayal.npz"
#: Marker that replaces the target span, so the model learns context, not names.
TARGET_MARKER = "TGT"
LABELS = ("negative", "neutral", "positive")
#: Feature blocks never shown as evidence (character n-grams are not readable).
NO_EVIDENCE_ANALYZERS = ("char", "char_wb")


def _check_span(sentence: str, span: Sequence[int]) -> tuple[int, int]:
    try:
        a, b = (int(x) for x in span)
    except (TypeError, ValueError):
        raise StanceInputError(f"The target span {span!r} is not (start, end)") from None
    if not 0 <= a < b <= len(sentence):
        raise StanceInputError(f"The target span ({a}, {b}) is outside the sentence "
                               f"(length {len(sentence)})")
    return a, b


def view_texts(sentence: str, span: Sequence[int], window: int = 6,
               parsed: "Doc | Span | None" = None,
               lexicon: "dict[str, str] | None" = None) -> dict[str, str]:
    """The texts the model reads for one (sentence, target span).

    ``full``: the sentence with the target masked; ``win``: ``window`` words each side of it;
    ``dep``: syntactic features from ``parsed`` (the sentence parsed by spaCy), see
    :func:`dependency_features`.

    >>> view_texts("Critics slammed Trump on Monday.", (16, 21))["win"]
    'Critics slammed TGT on Monday.'
    """
    a, b = _check_span(sentence, span)
    left, right = sentence[:a], sentence[b:]
    lw, rw = left.split()[-window:] if window else [], right.split()[:window] if window else []
    return {
        "full": f"{left} {TARGET_MARKER} {right}",
        "win": " ".join(lw + [TARGET_MARKER] + rw),
        "dep": dependency_features(parsed, a, b, lexicon) if parsed is not None else "",
    }


#: Dependents of the target's head that say what is predicated of the target.
_PREDICATE_DEPS = {"acomp", "attr", "dobj", "xcomp", "neg", "oprd", "advmod"}
#: Modifiers of the target itself ("corrupt mayor", "the mayor, a hero, ...").
_MODIFIER_DEPS = {"amod", "compound", "appos", "relcl", "acl"}
#: Words this close to the target (in tokens) count as "near" for lexicon features.
NEAR_TOKENS = 5


def dependency_features(parsed: "Doc | Span", start: int, end: int,
                        lexicon: "dict[str, str] | None" = None) -> str:
    """Target-aware syntactic and lexicon features, as space-separated tokens.

    The target's dependency label and head lemma (``dephead=dobj:attack``), what its head says
    of it (``sib=acomp:corrupt``), its modifiers, content words in its subtree, and counts of
    attitude/evaluative words from newslab's lexicons near it, on its dependency path or
    elsewhere (``lex=oppose_near``): the polarity-word-near-target idea of lexicon-based
    targeted sentiment (e.g. Ding, Liu & Yu 2008), as features for the linear model.
    ``lexicon`` (``lemma -> support|oppose``) defaults to :func:`lexicon_polarity`; a trained
    model passes the copy it was trained with, so editing the CSV files never shifts it.
    """
    sp = parsed.char_span(start, end, alignment_mode="expand")
    if sp is None or not len(sp):
        return ""
    t, h = sp.root, sp.root.head
    feats = [f"dep={t.dep_}", f"head={h.lemma_.lower()}", f"dephead={t.dep_}:{h.lemma_.lower()}",
             f"hh={h.head.lemma_.lower()}"]
    if t.dep_ == "pobj":
        feats.append(f"pp={h.lower_}:{h.head.lemma_.lower()}")
    feats += [f"sib={c.dep_}:{c.lemma_.lower()}" for c in h.children if c.dep_ in _PREDICATE_DEPS]
    feats += [f"mod={c.dep_}:{c.lemma_.lower()}" for c in t.children if c.dep_ in _MODIFIER_DEPS]
    inside = {tok.i for tok in sp}
    feats += [f"sub={c.lemma_.lower()}" for c in t.subtree
              if c.pos_ in ("ADJ", "VERB", "NOUN") and c.i not in inside]
    polarity = lexicon if lexicon is not None else lexicon_polarity()
    ancestors = {a.i for a in list(t.ancestors)[:2]}
    for tok in parsed:
        pol = polarity.get(tok.lemma_.lower()) if tok.i not in inside else None
        if pol is None:
            continue
        dist = min(abs(tok.i - sp.start), abs(tok.i - (sp.end - 1)))
        on_path = tok.head.i in inside or tok.i in ancestors
        feats += [f"lex={pol}", f"lex={pol}_{'near' if dist <= NEAR_TOKENS else 'far'}",
                  f"lex={pol}_{'dep' if on_path else 'nodep'}"]
    return " ".join(feats)


@lru_cache(maxsize=None)
def lexicon_polarity() -> dict[str, str]:
    """``lemma -> support|oppose`` from the evaluative words, then the attitude cues."""
    out: dict[str, str] = {}
    for (lemma, _pos), cues in attitude_cues().items():
        if lemma not in out and cues[0].polarity in ("support", "oppose"):
            out[lemma] = cues[0].polarity
    out.update(evaluative_words())
    return out


class PortrayalModel:
    """A target-aware TF-IDF + logistic regression model read from a safe ``.npz`` file."""

    def __init__(self, path: Path | str = MODEL_PATH) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        path = Path(path)
        if not path.exists():
            raise PortrayalModelError(str(path), "is missing")
        try:
            with np.load(path, allow_pickle=False) as z:
                self.config = json.loads(str(z["config"]))
                self.coef = z["coef"].astype(np.float64)
                self.intercept = z["intercept"].astype(np.float64)
                arrays = {k: z[k] for k in z.files}
        except (OSError, ValueError, KeyError) as err:
            raise PortrayalModelError(str(path), f"cannot be read ({err})") from None
        self.classes = list(self.config["classes"])
        self.lexicon = ({str(w): str(p) for w, p in zip(arrays["lexicon_words"], arrays["lexicon_polarity"])}
                        if "lexicon_words" in arrays else None)
        self.window = int(self.config.get("window", 6))
        self.features: list[tuple[bool, str]] = []  # (readable?, term) per column
        self.vectorizers = []
        for spec in self.config["features"]:
            name = spec["name"]
            terms = [str(t) for t in arrays[f"vocab_{name}"]]
            kwargs = {k: tuple(v) if isinstance(v, list) else v for k, v in spec["params"].items()}
            vec = TfidfVectorizer(vocabulary={t: i for i, t in enumerate(terms)}, **kwargs)
            vec.idf_ = arrays[f"idf_{name}"].astype(np.float64)
            self.vectorizers.append((spec["view"], vec))
            readable = kwargs.get("analyzer", "word") not in NO_EVIDENCE_ANALYZERS
            self.features += [(readable, t) for t in terms]

    @property
    def needs_parse(self) -> bool:
        """True when a feature block reads the dependency view (sentences must be parsed)."""
        return any(view == "dep" for view, _ in self.vectorizers)

    def transform(self, items: Sequence[tuple[str, Sequence[int]]], parsed=None):
        """Feature matrix for ``items``; ``parsed`` are their sentences parsed by spaCy (Docs
        or sentence Spans, same order). They are parsed here when needed and not given."""
        from scipy.sparse import hstack

        if parsed is None and self.needs_parse:
            parsed = list(load_model().pipe(s for s, _ in items))
        parsed = parsed if parsed is not None else [None] * len(items)
        views = [view_texts(s, sp, self.window, d, self.lexicon) for (s, sp), d in zip(items, parsed)]
        return hstack([vec.transform([v[view] for v in views]) for view, vec in self.vectorizers]).tocsr()

    def predict_proba(self, items: Sequence[tuple[str, Sequence[int]]], parsed=None,
                      x=None) -> np.ndarray:
        """Class probabilities (columns in ``self.classes`` order)."""
        x = self.transform(items, parsed) if x is None else x
        z = x @ self.coef.T + self.intercept
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)

    def explain(self, row, k: int, top: int = 3) -> str:
        """The n-grams of one transformed row that pushed class ``k`` most."""
        idx, vals = row.indices, row.data
        contrib = vals * (self.coef[k, idx] - self.coef[:, idx].mean(axis=0))
        order = np.argsort(-contrib)
        words = []
        for j in order:
            if contrib[j] <= 0 or len(words) >= top:
                break
            readable, term = self.features[idx[j]]
            if readable and term not in words and TARGET_MARKER.lower() != term:
                words.append(term)
        return ", ".join(f"'{w}'" for w in words)


@lru_cache(maxsize=4)
def load_portrayal_model(path: str | None = None) -> PortrayalModel:
    """The shipped portrayal model (loaded once per process)."""
    return PortrayalModel(path or MODEL_PATH)


@register_portrayal_backend("tfidf")
def tfidf_portrayal(items: Sequence[tuple[str, Sequence[int]]], parsed=None) -> list[tuple[str, str]]:
    """Label and evidence for each ``(sentence, target_span)`` with the shipped model."""
    if not items:
        return []
    model = load_portrayal_model()
    x = model.transform(items, parsed)
    probs = model.predict_proba(items, x=x)
    out = []
    for i, p in enumerate(probs):
        k = int(np.argmax(p))
        label = model.classes[k]
        why = model.explain(x[i], k)
        out.append((label, f"tfidf model p({label})={p[k]:.2f}" + (f"; cues {why}" if why else "")))
    return out


def portrayal_labels(items: Iterable[tuple[str, Sequence[int]]], *, backend: str = "tfidf",
                     parsed: "Sequence[Doc | Span] | None" = None) -> list[tuple[str, str]]:
    """:func:`portrayal_label` for many ``(sentence, target_span)`` pairs.

    ``parsed`` may give each sentence already parsed (a Doc, or the sentence Span of an
    article's Doc, offsets relative to the sentence), so nothing is parsed twice. An item whose
    span is unusable gets ``("neutral", "skipped: ...")``; the batch never fails on one item.

    >>> portrayal_labels([("Critics slammed Trump's reckless plan.", (16, 21))])[0][0]  # doctest: +SKIP
    'negative'
    """
    fn = portrayal_backend(backend)
    items = list(items)
    parsed = list(parsed) if parsed is not None else None
    good, slots, out = [], [], [("neutral", "")] * len(items)
    for i, (sentence, span) in enumerate(items):
        try:
            _check_span(sentence or "", span)
        except StanceInputError as err:
            out[i] = ("neutral", f"skipped: {err}")
            continue
        good.append((sentence, tuple(int(x) for x in span)))
        slots.append(i)
    sub = [parsed[i] for i in slots] if parsed is not None else None
    results = fn(good, sub) if sub is not None else fn(good)
    for i, res in zip(slots, results):
        out[i] = res
    return out


def portrayal_label(sentence: str, target_span: tuple[int, int], *, backend: str = "tfidf",
                    parsed: "Doc | Span | None" = None) -> tuple[str, str]:
    """How ``sentence`` portrays the target at ``target_span``: (label, evidence).

    Raises :class:`~newslab.errors.StanceInputError` for a span outside the sentence.

    >>> portrayal_label("Critics slammed Trump's reckless plan.", (16, 21))  # doctest: +SKIP
    ('negative', "tfidf model p(negative)=0.71; cues 'slammed tgt', 'reckless'")
    """
    _check_span(sentence, target_span)
    fn = portrayal_backend(backend)
    item = [(sentence, tuple(target_span))]
    return (fn(item, [parsed]) if parsed is not None else fn(item))[0]
