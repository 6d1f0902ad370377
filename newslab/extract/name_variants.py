"""Other forms of one name in one article: which shorter or styled name stands for a longer one.

:mod:`newslab.extract.entities` joins a person's surname to the full name; the functions here
give the other forms English news copy uses for one actor, each a convention of news style
that holds beyond any one article:

* **legal form** - a company is named once with its legal form and then without it (AP
  Stylebook, "company names"): ``Kmart Corp.`` and ``Kmart`` are one actor. A firm named after
  its partners is shortened to the first partner (``Sears, Roebuck & Co.`` -> ``Sears``;
  ``Procter & Gamble Co.`` keeps ``Procter & Gamble``). The forms are in
  ``lexicons/legal_forms.csv``; words that make another company (``Sears Holdings``) are not.
* **of-complement** - a body named ``X of Y`` is shortened by dropping the complement
  (``the U.S. House`` for ``the U.S. House of Representatives``) when one name in the article
  fits and the short form keeps at least two words (a lone ``House`` or ``University`` is
  too vague).
* **acronym** - an all-capital short form whose letters are the initials of a longer name in
  the same article (``UCL`` / ``University College London``, ``FBI`` / ``Federal Bureau of
  Investigation``), the way news copy introduces an abbreviation after the full name (AP
  Stylebook, "abbreviations and acronyms"). Exactly one name must fit.
* **first name** - a lone given name (``Brigid``) is the person whose full name starts with
  it, when exactly one person in the article has that first name (a relative sharing it makes
  it ambiguous, and then it stays apart).
* **paternal surname** - in Spanish and Portuguese naming a person carries two surnames
  (``Ricardo Rosselló Nevares``: paternal, then maternal) and is shortened to the first of
  them (``Rosselló``; Real Academia Española, *Diccionario panhispánico de dudas*,
  "apellido"). A lone name equal to the second-to-last word of exactly one full name of three
  or more words joins it, when no name ends in it.
* **a name the tagger did not call a person** - a name of two or more words (any NER label)
  whose last word, or second-to-last for a double surname, the text also uses alone as a
  person's name (``Ricardo Rosselló Nevares`` tagged ORG, then ``Rosselló`` as PERSON) is that
  person's full name: news copy introduces a person in full and then by surname.
* **longer full name** - a two-word full name that begins exactly one longer full name
  (``Ricardo Rosselló`` / ``Ricardo Rosselló Nevares``) is that person.

All functions compare :func:`newslab.lexicons.name_key` forms and look only at names of one
article.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from ..lexicons import legal_forms, name_key
from .speaker_names import NAME_PARTICLES

#: Words left out of an acronym's initials (``Federal Bureau of Investigation`` -> FBI).
ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "&", "de", "du", "des", "la", "le", "in",
                          "on", "at", "to"})
#: Name particles that are not a surname on their own (``de``, ``van``…).
PARTICLES = NAME_PARTICLES | frozenset({"do", "y", "e"})  # + the connectors of Iberian names


def company_short_forms(surface: str) -> list[str]:
    """Name keys a company written ``surface`` is also called by: without its legal form, and
    for a partnership (``A, B & Co.``) its first partner. Longest first; empty when the name
    has no legal form.

    >>> company_short_forms("Kmart Corp.")
    ['kmart']
    >>> company_short_forms("Sears, Roebuck & Co.")
    ['sears roebuck', 'sears']
    >>> company_short_forms("Sears Holdings")
    []
    """
    words = surface.replace("’", "'").split()
    forms = legal_forms()
    cut = len(words)
    for n in (2, 1):  # "Pty Ltd", then one word
        if cut > n and name_key(" ".join(words[cut - n:])) in forms:
            cut -= n
            break
    if cut == len(words):
        return []
    while cut > 1 and words[cut - 1] in ("&", "and", ","):
        cut -= 1
    rest = " ".join(words[:cut]).rstrip(",")
    out = [name_key(rest)]
    if "," in rest:  # "Sears, Roebuck": the first partner's name
        out.append(name_key(rest.split(",")[0]))
    return [k for k in dict.fromkeys(out) if k]


def of_prefix_owner(key: str, keys: Iterable[str]) -> str | None:
    """The one longer name of ``keys`` that ``key`` shortens by dropping an ``of``-complement
    (``u.s. house`` -> ``u.s. house of representatives``), else ``None``.

    >>> of_prefix_owner("us house", ["us house of representatives", "house of representatives"])
    'us house of representatives'
    >>> of_prefix_owner("house", ["house of representatives"]) is None
    True
    """
    words = key.split()
    if len(words) < 2:
        return None
    n = len(words)
    fits = {k for k in keys if k.split()[:n] == words and len(k.split()) > n + 1
            and k.split()[n] == "of"}
    return fits.pop() if len(fits) == 1 else None


@lru_cache(maxsize=4096)
def _initials(surface: str, every_word: bool) -> str:
    words = [w for w in re.split(r"[\s\-–—]+", surface) if w]
    if not every_word:
        words = [w for w in words if w.lower() not in ACRONYM_SKIP]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def is_acronym(surface: str) -> bool:
    """An all-capital short form of 2-6 letters (full stops allowed: ``U.C.L.``)."""
    letters = surface.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def acronym_owner(short: str, longer: dict[str, str]) -> str | None:
    """The key of the one name in ``longer`` (``{key: surface}``, names of two or more words)
    whose initials spell the acronym ``short`` (surface form), else ``None``.

    >>> acronym_owner("UCL", {"university college london": "University College London",
    ...                       "university of montreal": "University of Montreal"})
    'university college london'
    >>> acronym_owner("FBI", {"federal bureau of investigation":
    ...                       "Federal Bureau of Investigation"})
    'federal bureau of investigation'
    """
    if not is_acronym(short):
        return None
    letters = short.replace(".", "").upper()
    fits = {k for k, s in longer.items() if len(k.split()) > 1 and letters in
            (_initials(s, False), _initials(s, True))}
    return fits.pop() if len(fits) == 1 else None


def _proper_words(key: str) -> list[str]:
    return [w for w in key.split() if w not in PARTICLES]


def first_name_owner(key: str, people: Iterable[str], names: Iterable[str] = ()) -> str | None:
    """The one full name of ``people`` (person name keys) whose first word is ``key``, when no
    other name of ``people`` or ``names`` (every other name in the article, whatever the
    tagger called it) holds that word, else ``None``.

    >>> first_name_owner("brigid", ["brigid kosgei", "paula radcliffe"])
    'brigid kosgei'
    >>> first_name_owner("john", ["john bolton", "john smith"]) is None
    True
    >>> first_name_owner("hal", ["hal ober"], ["hal pettit"]) is None
    True
    """
    if " " in key:
        return None
    fits = {p for p in people if len(p.split()) > 1 and p.split()[0] == key}
    if len(fits) != 1:
        return None
    owner = fits.pop()
    others = {n for n in (*people, *names) if n not in (owner, key) and key in n.split()}
    return None if others else owner


def paternal_surname_owner(key: str, people: Iterable[str]) -> str | None:
    """The one full name of three or more words whose second-to-last word is ``key`` (a
    Spanish or Portuguese paternal surname), when no name ends in ``key``, else ``None``.

    >>> paternal_surname_owner("rosselló", ["ricardo rosselló nevares", "pedro pierluisi"])
    'ricardo rosselló nevares'
    """
    if " " in key or key in PARTICLES:
        return None
    fulls = [p for p in people if len(p.split()) > 1]
    if any(p.split()[-1] == key for p in fulls):
        return None
    fits = {p for p in fulls if len(_proper_words(p)) >= 3 and _proper_words(p)[-2] == key}
    return fits.pop() if len(fits) == 1 else None


def longer_name_owner(key: str, people: Iterable[str]) -> str | None:
    """The one longer full name of ``people`` that begins with the full name ``key`` (two or
    more words), else ``None``.

    >>> longer_name_owner("ricardo rosselló", ["ricardo rosselló nevares", "pedro pierluisi"])
    'ricardo rosselló nevares'
    """
    words = key.split()
    if len(words) < 2:
        return None
    fits = {p for p in people if len(p.split()) > len(words) and p.split()[:len(words)] == words}
    return fits.pop() if len(fits) == 1 else None


def surname_names(singles: Iterable[str], names: Iterable[str]) -> set[str]:
    """The names of ``names`` (keys of two or more words, whatever their NER label) whose last
    word, or second-to-last (a paternal surname), is one of ``singles`` (one-word person
    names the text uses alone).

    >>> sorted(surname_names(["rosselló"], ["ricardo rosselló nevares", "puerto rico"]))
    ['ricardo rosselló nevares']
    """
    singles = set(singles) - PARTICLES
    out = set()
    for n in names:
        words = _proper_words(n)
        if len(words) > 1 and (words[-1] in singles or len(words) > 2 and words[-2] in singles):
            out.add(n)
    return out


def surname_owner(key: str, people: Iterable[str]) -> str | None:
    """The one full name of ``people`` that ends in the word ``key``, else ``None``.

    >>> surname_owner("vost", ["lena vost", "ana reyes"])
    'lena vost'
    """
    fits = {p for p in people if len(p.split()) > 1 and p.split()[-1] == key}
    return fits.pop() if len(fits) == 1 else None

