"""Speaker names the NER missed or split: the capitalised subject of a reporting verb.

In news copy the subject of a reporting verb next to a quotation is almost always its source,
and a source is identified by full name on first reference, with an optional title or rank
before it (AP Stylebook, "titles"; Muzny, Fang, Chang & Jurafsky 2017, "A Two-Stage Sieve
Approach for Quote Attribution", EACL: a named speaker mention is the strongest link from a
quote to a character). spaCy's small English NER misses such names ("Sgt Mat Knowles" tagged
WORK_OF_ART) or splits them ("Belinda" NORP + "Wright" PERSON). :func:`speaker_name_spans`
finds them from the parse instead: a run of title-case proper nouns that is the subject of a
reporting verb (from ``lexicons/reporting_verbs.csv``, or any verb right after a closing quote
mark: ``"…," grumbled Harlan Voss``), titles and rank words stripped (``Sgt``, ``Employment
Minister``; ``lexicons/honorifics.csv`` and ``lexicons/role_nouns.csv``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicons import (address_verbs, demonyms, first_names, honorifics, known_names, metonyms, name_key,
                        org_descriptors, role_nouns, speech_verbs)
from ..nlp.tokens import dep_pos_indices

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

#: Lower-case particles inside a personal name ("Piet de Wolde", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "del", "della",
                            "la", "le", "bin", "ibn", "al", "el", "ter", "ten", "dos", "das"})
#: Closing quotation marks (a verb right after one reports the quotation).
CLOSING_QUOTES = frozenset({'"', "”", "’", "'", "»", "''", "›"})
#: Words that make a capitalised run the name of an organisation or a title, not a person
#: (``Human Rights Watch``, ``Breitbart News``, ``Police Scotland``), besides the descriptor
#: nouns of ``lexicons/org_descriptors.csv``.
ORG_WORDS = frozenset({"news", "times", "post", "journal", "watch", "international", "press",
                       "association", "corporation", "corp", "inc", "ltd", "foundation", "center",
                       "centre", "office", "service", "services", "police", "house", "street",
                       "media", "magazine", "tribune", "herald", "daily", "television", "radio",
                       "club", "board", "authority", "administration", "campaign", "school",
                       "college", "hospital", "army", "navy", "force", "forces", "airlines",
                       "group", "team", "reuters", "associated"})
#: Entity labels that, on two or more capitalised words speaking next to a quotation, are an
#: NER slip for a person (``"…," Sgt Mat Knowles said`` tagged WORK_OF_ART).
SLIP_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE", "NORP"})
#: An initial inside a name ("George W. Bush").
_INITIAL = re.compile(r"^[A-Z]\.$")


#: Entity labels that are never part of a name ("On Tuesday Daniel Ferris").
NOT_NAME_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                             "QUANTITY"})


def _name_word(tok: "Token") -> bool:
    """A capitalised proper-noun word of a name: ``Knowles``, ``McAdam``, an initial ``W.``."""
    text = tok.text
    if tok.ent_type_ in NOT_NAME_LABELS:
        return False
    if _INITIAL.match(text):
        return True
    return tok.pos_ == "PROPN" and text[:1].isupper() and any(ch.islower() for ch in text)


def _joins(doc: "Doc", i: int) -> bool:
    """Token ``i`` joins two name words: a particle (``de``) or a hyphen with no spaces."""
    if not (0 < i < len(doc) - 1) or not _name_word(doc[i + 1]):
        return False
    tok = doc[i]
    if tok.lower_ in NAME_PARTICLES and tok.text.islower():
        return True
    return tok.text == "-" and not doc[i - 1].whitespace_ and not tok.whitespace_


def _run(doc: "Doc", head: "Token") -> tuple[int, int]:
    """Token range of the run of name words around ``head`` (one line, no punctuation)."""
    start, end = head.i, head.i + 1
    while start > 0 and (_name_word(doc[start - 1]) or
                         (start > 1 and _joins(doc, start - 1) and _name_word(doc[start - 2]))):
        start -= 1 if _name_word(doc[start - 1]) else 2
    while end < len(doc) and (_name_word(doc[end]) or
                              (_joins(doc, end) and _name_word(doc[end - 1]))):
        end += 1
    return start, end


def _title_word(tok: "Token") -> bool:
    """A title or rank before a name: an honorific (``Sgt``, ``Dr``) or a role noun
    (``Minister``, ``Secretary``)."""
    key = name_key(tok.text)
    return (key,) in honorifics() or key in role_nouns() or tok.lemma_.lower() in role_nouns()


def _strip_titles(doc: "Doc", start: int, end: int) -> tuple[int, bool]:
    """First token of the name after any titles (``Sgt Mat Knowles`` -> ``Mat``; ``Employment
    Minister Jane Roe`` -> ``Jane``), and whether a title was stripped. The last word is
    never a title (``Sarah Judge``)."""
    cut = start
    for i in range(start, end - 1):
        if _title_word(doc[i]):
            cut = i + 1
    while cut < end - 2 and doc[cut].text == "-":
        cut += 2  # the rest of a hyphenated title: "Secretary-Treasurer"
    while cut < end - 1 and doc[cut].lower_ in NAME_PARTICLES:
        cut += 1
    return cut, cut > start


def _reports_quote(verb: "Token", start: int) -> bool:
    """``verb`` is a reporting verb: listed, or right after a closing quote mark (with or
    without a comma), before or after its subject run starting at token ``start``; or the main
    verb of an address (``lexicons/address_verbs.csv``) in a sentence a quotation follows."""
    if verb.lemma_.lower() in speech_verbs():
        return True
    doc = verb.doc
    if verb.lemma_.lower() in address_verbs() and verb.dep_ == "ROOT":
        # "Mayor Ana Ruiz addressed residents. "We will rebuild…"": the next sentence quotes her
        nxt = verb.sent.end
        while nxt < len(doc) and doc[nxt].is_space:
            nxt += 1
        if nxt < len(doc) and doc[nxt].is_quote:
            return True
    i = min(verb.i, start) - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    return i >= 0 and doc[i].text in CLOSING_QUOTES


def _plausible_person(doc: "Doc", start: int, end: int, titled: bool) -> bool:
    """Whether the run ``[start, end)`` can be a person's name, against the NER's reading.

    A person if part of it is already tagged PERSON, its first word is a listed given name, a
    title came before it, or the NER gave it a label no speaker has (WORK_OF_ART, PRODUCT…);
    a run the NER did not tag at all also counts unless it holds an organisation word
    (``Human Rights Watch``) or is a listed place or body (``Downing Street``).
    """
    words = [t.text for t in doc[start:end]]
    key = name_key(" ".join(words))
    if key in metonyms() or key in known_names():
        return False
    if titled or name_key(words[0]) in first_names():
        return True
    types = {t.ent_type_ for t in doc[start:end]}
    if "PERSON" in types:
        return True
    if {w.lower() for w in words} & (ORG_WORDS | set(org_descriptors())):
        return False
    return types == {""} or types <= SLIP_LABELS and len(words) > 1


#: Most name words a person's name has in news copy ("Anneke de Vries", "George W. Bush").
MAX_NAME_WORDS = 3


def _other_name(tok: "Token") -> bool:
    """A word that names a group, place or body, not a person (``Republican``, ``House``)."""
    key = name_key(tok.text)
    return key in demonyms() or key in known_names() or key in metonyms() or \
        _demonym_like(key)


def _demonym_like(key: str) -> bool:
    """``Republican``, ``Democrats``: party members named like a nationality."""
    return key.rstrip("s") in ("republican", "democrat", "democratic", "conservative", "liberal",
                               "labour", "tory", "socialist", "green")


def _name_start(doc: "Doc", start: int, end: int) -> int:
    """Where the person's name begins in the run ``[start, end)`` after its titles.

    The NER's own PERSON span wins when it has two words or more (``House Intelligence
    Republican Mike Pompeo``: ``Mike Pompeo``); a one-word PERSON at the end grows left over
    at most one more name word that names no group, place or body (``Belinda`` + ``Wright``);
    otherwise the name is the last three name words at most.
    """
    person = [t.i for t in doc[start:end] if t.ent_type_ == "PERSON"]
    if person and person[-1] == end - 1:
        first = person[-1]
        while first - 1 >= start and doc[first - 1].ent_type_ == "PERSON" and \
                doc[first].ent_iob_ == "I":
            first -= 1
        if end - first >= 2:
            return first
        prev = first - 1
        return prev if prev >= start and _name_word(doc[prev]) and not _other_name(doc[prev]) \
            else first
    words, i = 0, end
    while i > start and words < MAX_NAME_WORDS:
        i -= 1
        words += _name_word(doc[i])
    while i > start and not _name_word(doc[i]):
        i += 1
    return max(i, next((j + 1 for j in range(end - 1, i - 1, -1) if _other_name(doc[j])), i))


def speaker_name_spans(doc: "Doc") -> list[tuple[int, int, int]]:
    """Person names that are the subject of a reporting verb, as ``(run_start, name_start,
    name_end)`` token offsets (end-exclusive): the run includes the titles, the name does not.

    Needs a parsed Doc (returns ``[]`` without one). The NER's own PERSON entities are found
    too; the caller keeps whichever reading is longer.

    >>> from newslab.nlp import load_model
    >>> doc = load_model()('"Nothing like this has happened," Sgt Mat Knowles said.')
    >>> [doc[s:e].text for _, s, e in speaker_name_spans(doc)]
    ['Mat Knowles']
    """
    if not doc.has_annotation("DEP"):
        return []
    out, seen = [], set()
    for i in dep_pos_indices(doc, ("nsubj", "nsubjpass"), ("PROPN",)):
        tok = doc[i]
        if not _name_word(tok) or tok.i in seen:
            continue
        start, end = _run(doc, tok)
        seen.update(range(start, end))
        if not _reports_quote(tok.head, start):
            continue
        name_start, titled = _strip_titles(doc, start, end)
        name_start = _name_start(doc, name_start, end)
        if name_start >= end or all(_title_word(t) or (name_key(t.text),) in honorifics()
                                    or t.lower_ == "vice" for t in doc[name_start:end]):
            continue  # a group, place or body ("Nato"), or titles alone ("Vice President")
        single = end - name_start == 1
        if single and not titled or not _plausible_person(doc, name_start, end, titled):
            continue
        out.append((start, name_start, end))
    return out
