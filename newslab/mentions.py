"""The mention record shared by actors, the resolver and quotes.

A :class:`Mention` is a span of the article's spaCy Doc that refers to an actor: a named entity
(``Sergei Lavrov``), a shortened name (``Lavrov``), a metonym (``the Kremlin``), a demonym
(``Russian``), a role noun (``the minister``) or a pronoun (``he``). Offsets are *Doc* character
offsets; :func:`newslab.nlp.to_source` maps them to the original text when tables are built.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Mention:
    """One reference to an actor in a Doc.

    ``kind`` says how it was linked: ``name`` (an entity's full form), ``surname`` / ``variant``
    (a shorter or differently styled form of a name), ``metonym``, ``demonym``, ``alias`` (user
    table), ``nominal`` (role noun / apposition) or ``pronoun``. ``actor`` is the canonical actor
    name (``None`` when unresolved). ``type`` is the actor's type (PERSON, ORG, GPE, NORP…).
    """

    text: str
    start: int
    end: int
    token_start: int
    token_end: int
    label: str
    actor: str | None
    type: str | None
    kind: str = "name"
