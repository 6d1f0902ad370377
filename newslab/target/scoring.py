"""Score target stance against positions labelled by reading (newslab's own development set).

A gold file (``tests/data/target_stance.json``) lists articles, each with targets; a target has
``positions`` (holder, ``support | oppose | neutral``, an evidence snippet of the sentence that
bears it), ``distractors`` (snippets of off-target sentences) and optionally
``holder_positions`` (a holder's overall position where their positions differ). The four
figures follow the definitions of the project's target-stance set (issue 14):

* **position recall**: a gold position is found when a row of the right holder covers its
  evidence (the row's source span overlaps the snippet);
* **label accuracy**: among found positions, the row's label (the most relevant such row)
  equals the gold position;
* **distractor leak**: share of distractor sentences that appear as rows (any holder);
* **holder accuracy**: gold holders whose summarised position
  (:func:`newslab.target.summary.summarize_positions`) is right, over gold holders plus
  holders given a position they never took.

Holders match when the words of one name are among the other's or they share the last word (``Erdogan`` /
``Recep Tayyip Erdoğan`` after accents are folded).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from .position import MIN_RELEVANCE, stance
from .summary import summarize_positions

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    return " ".join(text.lower().replace("'s", "").split())


def same_holder(gold: str, predicted: str) -> bool:
    """Whether a predicted holder name stands for the gold one.

    >>> same_holder("Erdogan", "Recep Tayyip Erdoğan"), same_holder("Nigeria", "Niger")
    (True, False)
    """
    g, p = _fold(gold).split(), _fold(predicted).split()
    if not g or not p:
        return False
    return set(g) <= set(p) or set(p) <= set(g) or g[-1] == p[-1]


@dataclass
class Tally:
    """Counts behind the four figures; add tallies to pool articles or halves."""

    positions: int = 0
    found: int = 0
    correct: int = 0
    distractors: int = 0
    leaked: int = 0
    holders: int = 0
    holders_right: int = 0
    extra_holders: int = 0
    misses: list = field(default_factory=list)

    def __add__(self, other: "Tally") -> "Tally":
        out = Tally()
        for k in ("positions", "found", "correct", "distractors", "leaked", "holders",
                  "holders_right", "extra_holders"):
            setattr(out, k, getattr(self, k) + getattr(other, k))
        out.misses = self.misses + other.misses
        return out

    def figures(self) -> dict[str, float]:
        """``position_recall``, ``label_accuracy``, ``distractor_leak``, ``holder_accuracy``."""
        div = lambda a, b: round(a / b, 3) if b else 0.0  # noqa: E731
        return {"position_recall": div(self.found, self.positions),
                "label_accuracy": div(self.correct, self.found),
                "distractor_leak": div(self.leaked, self.distractors),
                "holder_accuracy": div(self.holders_right, self.holders + self.extra_holders)}


def _span(text: str, snippet: str) -> tuple[int, int]:
    i = text.find(snippet)
    if i < 0:
        raise ValueError(f"evidence not in the article: {snippet[:60]!r}")
    return i, i + len(snippet)


def _covers(rows: "pd.DataFrame", span: tuple[int, int]) -> "pd.DataFrame":
    return rows[(rows.start < span[1]) & (rows.end > span[0])]


def gold_holder_positions(target: dict) -> dict[str, str]:
    """Each gold holder's overall position: ``holder_positions`` or the majority (first wins)."""
    out = dict(target.get("holder_positions", {}))
    by: dict[str, Counter] = {}
    for p in target["positions"]:
        by.setdefault(p["holder"], Counter())[p["position"]] += 1
    for holder, counts in by.items():
        out.setdefault(holder, counts.most_common(1)[0][0])
    return out


def score_target(text: str, rows: "pd.DataFrame", summary: "pd.DataFrame",
                 target: dict) -> Tally:
    """Tally one (article, target): ``rows`` from :func:`newslab.target.position.stance`, ``summary``
    from :func:`newslab.target.summary.summarize_positions`, ``text`` the article text."""
    t = Tally()
    for p in target["positions"]:
        t.positions += 1
        mine = _covers(rows, _span(text, p["evidence"]))
        mine = mine[[same_holder(p["holder"], h) for h in mine.holder]]
        if len(mine):
            t.found += 1
            got = mine.sort_values("relevance", ascending=False).iloc[0].label
            t.correct += got == p["position"]
            if got != p["position"]:
                t.misses.append(("label", target["target"], p["holder"], got, p["position"]))
        else:
            t.misses.append(("missed", target["target"], p["holder"], p["evidence"][:50]))
    for d in target["distractors"]:
        t.distractors += 1
        hit = _covers(rows, _span(text, d))
        if len(hit):
            t.leaked += 1
            t.misses.append(("leak", target["target"], d[:50], list(hit.holder)))
    gold = gold_holder_positions(target)
    t.holders = len(gold)
    for holder, position in gold.items():
        pred = summary[[same_holder(holder, h) for h in summary.holder]]
        t.holders_right += bool(len(pred)) and pred.iloc[0].position == position
    extra = [h for h in summary.holder if not any(same_holder(g, h) for g in gold)]
    t.extra_holders = len(extra)
    if extra:
        t.misses.append(("extra holders", target["target"], extra))
    return t


def score_set(gold: dict, analyses: Iterable, *, min_relevance: float | None = None,
              halves: Iterable[str] = ("study", "check")) -> dict[str, Tally]:
    """Tallies per half (and ``all``) for a gold set; ``analyses`` yields one
    :class:`~newslab.Analysis` per gold article, in order."""
    cut = MIN_RELEVANCE if min_relevance is None else min_relevance
    out = {h: Tally() for h in halves}
    for art, analysis in zip(gold["articles"], analyses):
        for target in art["targets"]:
            rows = stance(analysis, target["target"], min_relevance=cut)
            tally = score_target(analysis.article.text, rows, summarize_positions(rows), target)
            out[art["half"]] = out.get(art["half"], Tally()) + tally
    out["all"] = sum((out[h] for h in halves), Tally())
    return out
