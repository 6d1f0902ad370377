"""The attitude-cue table (``lexicons/attitude_verbs.csv``) as a lookup keyed by lemma.

Each row says which stance a cue word expresses towards what follows it: ``support``, ``oppose``,
``report`` (a neutral speech or thought verb that passes the stance of the reported clause
through) or ``hedge`` (a tentative verb such as *consider*: the holder has not decided). A row
may need a particle or preposition (``call for`` supports, ``warn against`` opposes).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..lexicons import read_lexicon

LEXICON_DIR = Path(__file__).resolve().parents[1] / "lexicons"
ATTITUDE_CUES_PATH = LEXICON_DIR / "attitude_verbs.csv"
EVALUATIVE_WORDS_PATH = LEXICON_DIR / "evaluative_words.csv"

#: Polarity values in the tables and their sign when cues are chained (report passes through).
POLARITY_SIGN = {"support": 1, "oppose": -1, "report": 0, "hedge": 0}
#: Cue classes that name material acts rather than attitudes or speech: CAMEO's material
#: cooperation (06-07: aid, provide), coerce (17) and assault (18) versus its verbal classes
#: (01-05 statements, consultation, cooperation talk; 10-14 demand, disapprove, reject, threaten,
#: protest). Inside someone else's words an act is what the speaker says about the actor
#: ("X said Russia could help" is X's suggestion), not the actor's own position.
ACTION_CLASSES = frozenset({"help", "assault", "coerce"})


@dataclass(frozen=True)
class Cue:
    """One row of the attitude table."""

    lemma: str
    pos: str
    polarity: str
    prep: str
    cls: str


def _rows(path: Path) -> list[dict[str, str]]:
    return read_lexicon(Path(path).name)


@lru_cache(maxsize=None)
def attitude_cues() -> dict[tuple[str, str], tuple[Cue, ...]]:
    """``(lemma, pos) -> cues`` from the attitude table (prep-specific readings first).

    >>> cues = attitude_cues()
    >>> sorted(c.polarity for c in cues[("condemn", "VERB")])
    ['oppose']
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


HOLDER_NOUNS_PATH = LEXICON_DIR / "holder_nouns.csv"
ROLE_NOUNS_PATH = LEXICON_DIR / "role_nouns.csv"
ACTOR_LABELS_PATH = LEXICON_DIR / "actor_labels.csv"


@lru_cache(maxsize=None)
def holder_nouns() -> frozenset[str]:
    """Common-noun lemmas that name someone who can hold a position (``critic``, ``union``,
    ``minister``): ``lexicons/holder_nouns.csv`` plus the role nouns of ``role_nouns.csv``.

    >>> {"critic", "minister"} <= holder_nouns()
    True
    """
    words = {r["noun"].strip().lower() for r in _rows(HOLDER_NOUNS_PATH)}
    if ROLE_NOUNS_PATH.exists():
        words |= {r["noun"].strip().lower() for r in _rows(ROLE_NOUNS_PATH)}
    return frozenset(words)


@lru_cache(maxsize=None)
def actor_entity_labels() -> frozenset[str]:
    """spaCy entity labels that name actors (``PERSON``, ``ORG``, ``GPE``...), from
    ``lexicons/actor_labels.csv``."""
    if not ACTOR_LABELS_PATH.exists():
        return frozenset({"PERSON", "ORG", "GPE", "NORP"})
    return frozenset(r["label"] for r in _rows(ACTOR_LABELS_PATH) if r["actor"].strip() == "yes")
