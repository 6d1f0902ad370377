"""Descriptions of people: what the text says a named person is, and descriptive references.

News style introduces a source by name with an apposition that gives age, hometown and
occupation (``Lena Berg, 27, from Göteborg``; ``Imani Reyes, a 29-year-old astrophysicist``;
AP Stylebook, "ages" and "datelines"), then refers back by the description alone (``the
27-year-old from Göteborg said``). Such a definite description refers to the person whose
introduction stated every fact it repeats (the definite-description reading of Vieira &
Poesio 2000, "An empirically based system for processing definite descriptions",
Computational Linguistics 26(4)); when the text never stated them it introduces someone the
reader cannot name, and stays unresolved.

* :func:`introduced_facts` — the facts an apposition after a name states: ``age``, ``from``
  (a place), ``noun`` (the apposition's head nouns).
* :func:`description_spans` — descriptive noun phrases built on an age (``the 27-year-old``,
  ``a 45-year-old man from Leeds``), with the facts they repeat.
* :func:`matches` — whether a person's facts hold every fact of a description.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

#: Nouns that say nothing beyond "a person": never required to match (``the 27-year-old man``).
GENERIC_PERSON_NOUNS = frozenset({"man", "woman", "person", "boy", "girl", "child", "people",
                                  "individual", "one", "old"})
#: Nouns whose place modifier says where a person is from ("a Göteborg native").
ORIGIN_NOUNS = frozenset({"native", "resident", "local", "man", "woman", "born"})
#: Dependencies of the head nouns an apposition states (``Lena Berg, a nurse and mother``).
NOUN_DEPS = frozenset({"appos", "conj", "attr"})
#: How many tokens after a name an apposition may run.
APPOSITION_WINDOW = 16
#: Plausible ages in years.
AGES = range(1, 121)


def _age(tok: "Token") -> int | None:
    """The age a number token states, if it is a whole number of years."""
    if tok.like_num and tok.text.isdigit() and int(tok.text) in AGES:
        return int(tok.text)
    return None


def _year_old(doc: "Doc", i: int) -> int | None:
    """The age of an ``N-year-old`` whose last token (``old``) is token ``i``, else None."""
    if doc[i].lower_ != "old" or i < 4:
        return None
    words = [t.lower_ for t in doc[i - 3:i]]
    if words[1] in ("year", "years") and words[0] in ("-", "‐") and words[2] in ("-", "‐"):
        return _age(doc[i - 4])
    return None


def _place_after(doc: "Doc", i: int, end: int) -> str | None:
    """The capitalised place after ``from`` at token ``i`` (``from Göteborg``), else None."""
    if doc[i].lower_ != "from":
        return None
    j = i + 1
    while j < end and doc[j].text[:1].isupper() and doc[j].pos_ == "PROPN":
        j += 1
    return doc[i + 1:j].text.lower() if j > i + 1 else None


def _facts(doc: "Doc", start: int, end: int) -> dict[str, set]:
    """Ages, places (after ``from``) and nouns stated in tokens ``[start, end)``."""
    facts: dict[str, set] = {"age": set(), "from": set(), "noun": set()}
    for i in range(start, end):
        tok = doc[i]
        age = _year_old(doc, i)
        if age is not None:
            facts["age"].add(age)
        elif (_age(tok) is not None and i > 0 and doc[i - 1].text in (",", "aged")
              and (i + 1 >= len(doc) or doc[i + 1].text in (",", ")", "."))):
            facts["age"].add(_age(tok))  # "Lena Berg, 27, …" / "aged 27"
        place = _place_after(doc, i, end)
        if place:
            facts["from"].add(place)
        elif tok.pos_ == "PROPN" and tok.dep_ == "compound" and start <= tok.head.i < end \
                and tok.head.lemma_.lower() in ORIGIN_NOUNS:
            facts["from"].add(tok.text.lower())  # "a Göteborg native"
        if tok.pos_ == "NOUN" and tok.lemma_.lower() not in GENERIC_PERSON_NOUNS | {"year"} \
                and tok.dep_ in NOUN_DEPS:
            facts["noun"].add(tok.lemma_.lower())  # an apposition's head: "a paediatric nurse"
    return facts


def introduced_facts(doc: "Doc", name_end: int) -> dict[str, set]:
    """What the apposition right after a name (ending at token ``name_end``) states.

    The apposition runs from a comma after the name to the next comma that is followed by a
    verb, or the sentence end (``Lena Berg, 27, from Göteborg, finished second``).
    Returns ``{"age": {27}, "from": {"göteborg"}, "noun": set()}``; empty sets when the name
    has no apposition.
    """
    empty: dict[str, set] = {"age": set(), "from": set(), "noun": set()}
    if name_end >= len(doc) or doc[name_end].text != ",":
        return empty
    sent_end = doc[name_end].sent.end
    end = min(sent_end, name_end + APPOSITION_WINDOW)
    for i in range(name_end + 1, end):
        if doc[i].pos_ in ("VERB", "AUX") and doc[i].tag_ not in ("VBN", "VBG") \
                and doc[i - 1].text == ",":
            end = i  # the main verb after the closing comma
            break
        if doc[i].lower_ in ("who", "whose", "which", "that", "said", "says"):
            end = i
            break
    return _facts(doc, name_end + 1, end)


def _old_tokens(doc: "Doc") -> list[int]:
    """Indices of the tokens ``old`` (read from an array: the Doc is not walked in Python)."""
    import numpy as np
    from spacy.attrs import LOWER

    if not len(doc):
        return []
    key = doc.vocab.strings.add("old")
    return np.flatnonzero(doc.to_array([LOWER]).astype("uint64") == key).tolist()


def description_spans(doc: "Doc") -> list[tuple[int, int, int, bool, dict[str, set]]]:
    """Descriptive noun phrases built on an age, as ``(start, end, head, definite, facts)``.

    Token offsets, end-exclusive; ``head`` is the ``old`` of ``N-year-old`` or the noun after
    it; ``definite`` is whether ``the``/``this`` opens the phrase. The phrase runs from its
    determiner over an optional noun and an optional ``from`` place (``the 27-year-old from
    Göteborg``, ``a 45-year-old teacher``).
    """
    out = []
    for i in _old_tokens(doc):
        age = _year_old(doc, i)
        if age is None:
            continue
        start, head, end = i - 4, i, i + 1
        if start > 0 and doc[start - 1].pos_ == "DET":
            start -= 1
        while end < len(doc) and doc[end].pos_ == "NOUN":
            head, end = end, end + 1
        if end + 1 < len(doc) and doc[end].lower_ == "from" and doc[end + 1].pos_ == "PROPN":
            end += 1
            while end < len(doc) and doc[end].pos_ == "PROPN":
                end += 1
        definite = doc[start].lower_ in ("the", "this")
        facts = _facts(doc, start + 1, end)
        if head != i:  # "the 27-year-old nurse": the noun is a fact too
            facts["noun"] |= {doc[head].lemma_.lower()} - GENERIC_PERSON_NOUNS - ORIGIN_NOUNS
        out.append((start, end, head, definite, facts))
    return out


def noun_description(doc: "Doc", head: "Token") -> tuple[int, int, dict[str, set]] | None:
    """A definite description headed by a common noun, with the facts it states: ``the nurse
    from Leeds``, ``the Göteborg native`` -> ``(start, end, facts)``; None when it states no
    fact or is not definite (``the``/``this``)."""
    if head.pos_ != "NOUN" or head.tag_ == "NNS" or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children):
        return None
    start = min(c.left_edge.i for c in head.children if c.i < head.i)
    end = head.i + 1
    frm = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    if frm is not None:
        end = frm.right_edge.i + 1
    facts = _facts(doc, start, end)
    facts["noun"] = {head.lemma_.lower()} - GENERIC_PERSON_NOUNS - ORIGIN_NOUNS
    return start, end, facts


def matches(person: dict[str, set], description: dict[str, set]) -> bool:
    """Whether a person's introduced facts hold every fact of a description (and it has one).

    >>> matches({"age": {27}, "from": {"göteborg"}, "noun": set()}, {"age": {27}, "from": set(),
    ...         "noun": set()})
    True
    >>> matches({"age": {27}, "from": set(), "noun": set()}, {"age": {31}, "from": set(),
    ...         "noun": set()})
    False
    """
    stated = [k for k in ("age", "from", "noun") if description[k]]
    return bool(stated) and all(description[k] <= person[k] for k in stated)
