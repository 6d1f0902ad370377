"""Gender as the text refers to a person: by the pronouns and honorifics it uses for them.

Media researchers' first question of a corpus is who gets quoted, by gender (the Gender Gap
Tracker: Asr, Mazraeh, Lopes et al. 2021, PLoS ONE 16(1): e0245533). newslab answers it only
from the article's own words: the gendered pronouns linked to the person (``he``/``she``, from
``lexicons/pronouns.csv``) and gendered honorifics (``Mr``/``Ms``, ``lexicons/honorific_gender.csv``)
in their aliases or speaker phrases. A person the text never refers to that way is ``unknown``;
names are never used (a first name says nothing certain about how a person is referred to).
When both kinds of word are linked to one actor (a resolver error or two people merged) the
answer is ``unknown`` too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Values of the ``gender`` column.
FEMALE, MALE, UNKNOWN, NOT_PERSON = "female", "male", "unknown", "not a person"
_GENDER_OF_PRONOUN = {"f": FEMALE, "m": MALE}


@lru_cache(maxsize=1)
def _words() -> tuple[dict[str, str], dict[str, str]]:
    from ..lexicons import read_lexicon

    pronouns = {r["pronoun"].lower(): _GENDER_OF_PRONOUN[r["gender"]]
                for r in read_lexicon("pronouns.csv") if r["gender"] in _GENDER_OF_PRONOUN}
    titles = {r["title"].lower(): r["gender"] for r in read_lexicon("honorific_gender.csv")}
    return pronouns, titles


def honorific_gender(word: str) -> str:
    """``m`` / ``f`` for a gendered honorific (``Mr``, ``Ms.``, ``Dame``; case and a final full
    stop ignored, ``lexicons/honorific_gender.csv``), else ``""``. The resolver reads a name's
    gender from it.

    >>> honorific_gender("Mrs."), honorific_gender("mr"), honorific_gender("Dr")
    ('f', 'm', '')
    """
    gender = _words()[1].get(word.lower().rstrip("."), "")
    return {FEMALE: "f", MALE: "m"}.get(gender, "")


def referring_gender(phrases: Iterable[str]) -> str:
    """``female``, ``male`` or ``unknown``, from the words a text uses for one person.

    ``phrases``: the person's aliases and speaker phrases (e.g. ``["Tong", "Mr Tong", "he"]``).
    A phrase counts when it is a gendered pronoun or starts with a gendered honorific.

    >>> referring_gender(["Anders Fogh Rasmussen", "he", "his"])
    'male'
    >>> referring_gender(["Ms. Pelosi"]), referring_gender(["Pelosi"])
    ('female', 'unknown')
    >>> referring_gender(["he", "she"])
    'unknown'
    """
    pronouns, titles = _words()
    seen = set()
    for phrase in phrases:
        words = re.findall(r"[A-Za-z]+", str(phrase))
        if not words:
            continue
        first = words[0].lower()
        if len(words) == 1 and first in pronouns:
            seen.add(pronouns[first])
        elif first in titles and len(words) > 1:
            seen.add(titles[first])
    return seen.pop() if len(seen) == 1 else UNKNOWN


def actor_genders(actors: "pd.DataFrame", quotes: "pd.DataFrame | None" = None) -> "pd.DataFrame":
    """The gender each person actor is referred to by, per article.

    Input: an actors table (``Analysis.actors`` or a corpus ``actors`` table with ``doc_id``;
    columns ``actor``, ``type``, ``aliases``) and optionally the matching quotes table, whose
    ``speaker`` phrases ("Mr. Lula said") count too. Output: the actors' key columns
    (``doc_id`` when present, ``actor``, ``type``) and ``gender``: ``female`` / ``male`` /
    ``unknown`` for PERSON actors, ``not a person`` for the rest.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"actor": ["Nancy Pelosi", "Congress"], "type": ["PERSON", "ORG"],
    ...                   "aliases": [["Nancy Pelosi", "she"], ["Congress"]]})
    >>> actor_genders(t).gender.tolist()
    ['female', 'not a person']
    """
    keys = [c for c in ("doc_id", "actor") if c in actors.columns]
    speakers: dict[tuple, list[str]] = {}
    if quotes is not None and not quotes.empty:
        for row in quotes.dropna(subset=["actor"]).itertuples(index=False):
            key = tuple(getattr(row, k) for k in keys)
            speakers.setdefault(key, []).append(str(row.speaker))
    genders = []
    for row in actors.itertuples(index=False):
        if getattr(row, "type", None) != "PERSON":
            genders.append(NOT_PERSON)
            continue
        aliases = row.aliases.tolist() if hasattr(row.aliases, "tolist") else list(row.aliases)
        key = tuple(getattr(row, k) for k in keys)
        genders.append(referring_gender(aliases + speakers.get(key, [])))
    out = actors[keys + ["type"]].copy()
    out["gender"] = genders
    return out.reset_index(drop=True)
