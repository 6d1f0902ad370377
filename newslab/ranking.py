"""Rank a statements table for a target phrase: which positions are about "Nato enlargement"?

:func:`stance` reads a statements table (:mod:`newslab.tables`, one row per position) and adds a
``score``: lemma-free word overlap (with a prefix match so ``Russian`` meets ``Russia``), a shared
cue class (``help`` meets ``contribute``), and, when the statement's own target is anaphoric
(``the plans``), overlap with the sentence before. Tables in, a table out: no Doc is read.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicons import cue_classes

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Determiners and pronouns that make a target phrase refer back (``the plans``).
_ANAPHORIC = {"the", "this", "that", "these", "those", "it", "them", "they", "such", "its",
              "their"}
#: Prepositions that may open a target phrase (``to the plans``).
_LEADING_PREPS = {"to", "for", "against", "of", "on", "about", "with", "over", "in", "that"}
#: Shared prefix length that makes two words match (Russian/Russia, absorb/absorption).
PREFIX_MATCH = 5
#: Weights of the relevance score in :func:`stance`.
WEIGHT_TARGET, WEIGHT_STATEMENT, WEIGHT_CONTEXT, WEIGHT_CLASS = 1.0, 0.5, 1.0, 0.3


def _na(x) -> bool:
    """Missing value of any kind (None, NaN, pandas.NA) — ``x != x`` raises on pandas.NA."""
    import pandas as pd

    return x is None or (pd.api.types.is_scalar(x) and bool(pd.isna(x)))


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]+")
_STOPWORDS = {"the", "a", "an", "of", "for", "to", "in", "on", "and", "or", "with", "by", "at",
              "from", "about", "into", "that", "this", "it", "its", "is", "are", "was", "be",
              "as", "their", "his", "her", "they", "them", "we", "our", "i", "he", "she"}


def _content_words(text: str) -> list[str]:
    """Lower-cased words of ``text`` without stop words (what a target phrase is matched on)."""
    return [w.lower().strip("'") for w in _WORD_RE.findall(text or "")
            if w.lower() not in _STOPWORDS and len(w) > 1]


def _match(a: str, b: str) -> bool:
    if a == b:
        return True
    n = min(len(a), len(b))
    return n >= PREFIX_MATCH and a[:PREFIX_MATCH] == b[:PREFIX_MATCH]


def _overlap(target_words: list[str], text: str) -> float:
    words = set(_content_words(text))
    if not target_words or not words:
        return 0.0
    hits = sum(1 for t in target_words if any(_match(t, w) for w in words))
    return hits / len(target_words)


def _anaphoric(target: str | None) -> bool:
    """``the plans``, ``to the plans``, ``it``: a target phrase that points back."""
    words = (target or "").lower().split()
    while words and words[0] in _LEADING_PREPS:
        words = words[1:]
    return not words or words[0] in _ANAPHORIC


def stance(statements_df: "pd.DataFrame", target: str, *, holder: str | None = None,
           min_score: float = 0.0) -> "pd.DataFrame":
    """Statements about ``target`` (a phrase), best first, with a ``score`` column (0-1.x).

    The score adds: the share of the target's content words found in the statement's own
    target, half that share in its sentence (prefix match, so ``Russian`` meets ``Russia``),
    the share in the sentence before when the statement's own target is anaphoric (``the
    request`` means what came before; sentences that are only a quote mark are skipped), and a
    bonus when a cue word there shares a class with a target word (``help`` / ``contribute``).
    ``holder`` keeps only that holder's rows.

    >>> import pandas as pd
    >>> df = pd.DataFrame([{"holder": "Russia", "target": "the plans", "statement":
    ...     "Russia has objected to the plans.", "context": "Nato may absorb Georgia.",
    ...     "cue": "objected", "label": "oppose"}])
    >>> stance(df, "Nato absorbing Georgia")[["holder", "label"]].values.tolist()
    [['Russia', 'oppose']]
    """
    import pandas as pd

    if statements_df is None or len(statements_df) == 0:
        return pd.DataFrame(columns=list(getattr(statements_df, "columns", [])) + ["score"])
    t_words = _content_words(target)
    classes = cue_classes()
    t_classes = {classes[w] for w in t_words if w in classes}
    scores = []
    for r in statements_df.itertuples(index=False):
        own_text = "" if _na(getattr(r, "target", None)) else str(r.target)
        sentence = "" if _na(getattr(r, "statement", None)) else str(r.statement)
        text = f"{sentence} {own_text}"
        score = WEIGHT_TARGET * _overlap(t_words, own_text) + WEIGHT_STATEMENT * _overlap(t_words, sentence)
        own_target = getattr(r, "target", None)
        if _anaphoric(None if _na(own_target) else str(own_target)):
            # "the request" means what the sentence before describes: read it as the target
            context = getattr(r, "context", None)
            context = "" if _na(context) else str(context)
            score += WEIGHT_CONTEXT * _overlap(t_words, context)
            text = f"{text} {context}"
        cue = "" if _na(getattr(r, "cue", None)) else str(r.cue).lower()
        cue_words = {w for w in _content_words(text)}
        if t_classes and any(classes.get(w) in t_classes for w in cue_words | {cue}):
            score += WEIGHT_CLASS
        scores.append(round(score, 3))
    out = statements_df.copy()
    out["score"] = scores
    if holder is not None:
        out = out[out["holder"].astype(str).str.lower() == holder.lower()]
    out = out[out["score"] > min_score]
    return out.sort_values("score", ascending=False, kind="stable").reset_index(drop=True)
