"""The body a person speaks for: the organisation or country whose office the text gives them.

``Iran's President Hassan Rouhani``, ``President Hassan Rouhani of Iran``, ``Senate President
Thomas Rivera Schatz``, ``Ana Reyes, a spokeswoman for Acme``: the person holds an office of a
named body. When such a person says *we* or *our* in a quotation, they speak for that body
(the "institutional we": Pennycook 1994, "The politics of pronouns", ELT Journal 48(2); and the
labelling rule of the ACE and OntoNotes guidelines that a spokesperson's *we* is the
organisation). Offices only: an astronomer at a university or a runner from Kenya does not
speak for it, so expert, writer, activist and similar roles give no affiliation.

Used by :mod:`newslab.extract.quoted_self`; Doc coordinates throughout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from .role_words import role_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from ..records import Mention

#: Role groups (``lexicons/role_nouns.csv``) that are offices of a body, whose holder speaks for it.
OFFICE_GROUPS = frozenset({"leader", "chair", "president", "vice-president",
                           "head-of-government", "minister", "secretary-general", "monarch",
                           "governor", "mayor", "legislator", "spokesperson", "diplomat",
                           "commander", "official", "director", "executive", "police-officer",
                           "commissioner", "councillor"})
#: Actor types a person can speak for.
BODY_TYPES = frozenset({"ORG", "GPE", "NORP"})
#: Prepositions that tie an office to its body ("president of Iran", "spokeswoman for Acme").
OFFICE_PREPS = frozenset({"of", "for", "at"})


def affiliations(doc: "Doc", mentions: Iterable["Mention"]) -> dict[str, str]:
    """``{person actor: body actor}`` for each person the text gives an office of a named body.

    ``mentions``: named mentions with ``actor`` and ``type`` (Doc token offsets). A person given
    offices of two different bodies gets none (the text does not say which one they speak for).

    >>> from newslab.nlp import load_model
    >>> from newslab.extract.entities import entity_mentions
    >>> doc = load_model()("Iran's President Hassan Rouhani spoke in Tehran.")
    >>> affiliations(doc, entity_mentions(doc))
    {'Hassan Rouhani': 'Iran'}
    """
    mentions = [m for m in mentions if m.actor]
    by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
    found: dict[str, set[str]] = {}
    for m in mentions:
        if m.type != "PERSON":
            continue
        for body in _bodies_of(doc, m, by_token):
            found.setdefault(m.actor, set()).add(body)
    return {person: next(iter(bodies)) for person, bodies in found.items() if len(bodies) == 1}


def _bodies_of(doc: "Doc", m: "Mention", by_token: dict) -> list[str]:
    """Bodies one person mention gives an office of: a title run before the name ("Iran's
    President", "Senate President") with an of-phrase after it ("of Iran"), or an appositive
    office ("…, a spokeswoman for Acme")."""
    out = []
    root = doc[m.token_start:m.token_end].root
    j = m.token_start - 1
    titled = False
    while j >= 0 and m.token_start - j <= 5 and doc[j].pos_ in ("PROPN", "NOUN", "PART", "ADP"):
        tok = doc[j]
        if _office(tok):
            titled = True
        elif titled and _body(tok, by_token):  # the body before the office: "Iran's President"
            out.append(by_token[tok.i].actor)
        j -= 1
    if titled:
        out += _prep_bodies(root, by_token)
    for office in (c for c in root.children if c.dep_ == "appos" and _office(c)):
        out += [by_token[c.i].actor for c in office.children
                if c.dep_ in ("poss", "compound") and _body(c, by_token)]
        out += _prep_bodies(office, by_token)
    return out


def _office(tok: "Token") -> bool:
    role = role_of(tok) if tok.pos_ in ("NOUN", "PROPN") else None
    return role is not None and role[0] in OFFICE_GROUPS


def _body(tok: "Token", by_token: dict) -> bool:
    m = by_token.get(tok.i)
    return m is not None and m.type in BODY_TYPES


def _prep_bodies(tok: "Token", by_token: dict) -> list[str]:
    """Bodies in an of/for/at-phrase on ``tok`` ("President X of Iran", "a spokeswoman for
    Acme")."""
    return [by_token[g.i].actor for p in tok.children if p.dep_ == "prep"
            and p.lower_ in OFFICE_PREPS for g in p.children
            if g.dep_ == "pobj" and _body(g, by_token)]
