"""The attitude-cue table (``lexicons/attitude_verbs.csv``) as a lookup keyed by lemma.

Each row says which stance a cue word expresses towards what follows it: ``support``, ``oppose``,
``report`` (a neutral speech or thought verb that passes the stance of the reported clause
through) or ``hedge`` (a tentative verb such as *consider*: the holder has not decided). A row
may need a particle or preposition (``call for`` supports, ``warn against`` opposes).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parents[1] / "lexicons"
ATTITUDE_CUES_PATH = LEXICON_DIR / "attitude_verbs.csv"
EVALUATIVE_WORDS_PATH = LEXICON_DIR / "evaluative_words.csv"

#: Polarity values in the tables and their sign when cues are chained (report passes through).
POLARITY_SIGN = {"support": 1, "oppose": -1, "report": 0, "hedge": 0}


@dataclass(frozen=True)
class Cue:
    """One row of the attitude table."""

    lemma: str
    pos: str
    polarity: str
    prep: str
    cls: str


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]
    return list(csv.DictReader(lines))


@lru_cache(maxsize=None)
def attitude_cues() -> dict[tuple[str, str], tuple[Cue, ...]]:
    """``(lemma, pos) -> cues`` from the attitude table (prep-specific readings first).

    >>> cues = attitude_cues()
    >>> sorted(c.polarity for c in cues[("call", "VERB")])
    ['support']
    """
    table: dict[tuple[str, str], list[Cue]] = {}
    for row in _rows(ATTITUDE_CUES_PATH):
        cue = Cue(row["cue"].strip().lower(), row["pos"].strip().upper(),
                  row["polarity"].strip().lower(), (row.get("prep") or "").strip().lower(),
                  (row.get("class") or "").strip().lower())
        table.setdefault((cue.lemma, cue.pos), []).append(cue)
    # Readings that need a preposition are tried before the bare one.
    return {k: tuple(sorted(v, key=lambda c: c.prep == "")) for k, v in table.items()}


@lru_cache(maxsize=None)
def evaluative_words() -> dict[str, str]:
    """``lemma -> support|oppose`` for evaluative adjectives and nouns (``corrupt``, ``hero``)."""
    if not EVALUATIVE_WORDS_PATH.exists():
        return {}
    return {r["word"].strip().lower(): r["polarity"].strip().lower()
            for r in _rows(EVALUATIVE_WORDS_PATH)}


@lru_cache(maxsize=None)
def cue_classes() -> dict[str, str]:
    """``lemma -> semantic class`` for support/oppose cues (``contribute -> help``)."""
    out: dict[str, str] = {}
    for (lemma, _pos), cues in attitude_cues().items():
        for c in cues:
            if c.polarity in ("support", "oppose") and c.cls and lemma not in out:
                out[lemma] = c.cls
    return out
