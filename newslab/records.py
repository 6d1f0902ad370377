"""Records: the small frozen results extractors hand to each other, in Doc coordinates.

Extractors (:mod:`newslab.extract`) read a spaCy Doc and yield these records; only
:mod:`newslab.tables` turns them into DataFrames with source offsets. Offsets here are *Doc*
character offsets (end-exclusive); :class:`newslab.nlp.offsets.OffsetMap` maps them to
``Article.text`` when tables are built. Lexicon rows (:class:`ReportingCue`,
:class:`AttitudeCue`) are records too, read by :mod:`newslab.lexicons`.

This module imports nothing of newslab: every layer may use it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: A Doc character span ``(start, end)``, end-exclusive.
Span = tuple[int, int]


@dataclass
class Mention:
    """One reference to an actor in a Doc.

    ``kind`` says how it was linked: ``name`` (an entity's full form), ``surname`` / ``variant``
    (a shorter or differently styled form of a name), ``metonym``, ``demonym``, ``alias`` (user
    table), ``group`` (a plural phrase for a group of people acting as one party, ``supporters of
    X``, type ``GROUP``), ``nominal`` (role noun / apposition), ``pronoun`` or ``unnamed`` (a reference to
    someone the text does not name: ``a neighbour``, ``one reporter``; its ``actor`` is
    ``None``). ``actor`` is the canonical actor name (``None`` when unresolved). ``type`` is the actor's type (PERSON, ORG, GPE, NORP…).
    ``start``/``end`` are Doc characters, ``token_start``/``token_end`` Doc tokens.
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


@dataclass(frozen=True)
class ReportingCue:
    """One row of ``lexicons/reporting_verbs.csv``: a reporting cue and how its content is
    expressed (``clause``, ``xcomp``, ``object``), its class (``speech``, ``cognition``,
    ``attitude``, ``appearance``…) and whether it takes a hearer (``told reporters``)."""

    cue: str
    cls: str
    content: str
    addressee: bool


@dataclass(frozen=True)
class AttitudeCue:
    """One row of ``lexicons/attitude_verbs.csv``: the stance a word expresses towards what
    follows it (``support``, ``oppose``, ``report``, ``hedge``), possibly only with a
    preposition or particle (``call for``), and its class (``help``, ``criticize``…)."""

    lemma: str
    pos: str
    polarity: str
    prep: str
    cls: str


@dataclass(frozen=True)
class Speaker:
    """Who an attribution names as its source: the phrase ``[start, end)`` and the character
    ``head`` of the word that decides the actor (outside the phrase for a relative pronoun:
    ``Lavrov, who said`` → phrase ``who``, head at ``Lavrov``)."""

    start: int
    end: int
    head: int


@dataclass(frozen=True)
class Cue:
    """Where a cue stands in the Doc: characters ``[start, end)`` and its first token."""

    start: int
    end: int
    token: int | None = None


@dataclass
class Quote:
    """One attribution: what was said (``fragments``, Doc character spans in reading order),
    ``kind`` (``direct``, ``mixed``, ``indirect``), the ``rule`` that found it, its
    :class:`Speaker` and :class:`Cue` (either may be ``None``), the indices of the quotations
    (quote-mark pairs) it holds, and the speaker's ``actor`` once resolved.

    Mutable while the attribution steps build it; treat it as frozen afterwards.
    """

    fragments: list[list[int]]
    kind: str
    rule: str
    speaker: Speaker | None = None
    cue: Cue | None = None
    quotations: list[int] = field(default_factory=list)
    actor: str | None = None

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


@dataclass(frozen=True)
class Statement:
    """A position taken in a Doc: ``holder`` (a name) and its span, the ``target`` span (what
    the position is about, or ``None``), the statement's ``text`` and ``span`` (its sentence,
    or what was said for a quotation), the ``cue`` span (or ``None``), ``label`` (``support``,
    ``oppose``, ``neutral``), ``hedged``, ``evidence``, ``kind`` (``quote`` or ``attitude``)
    and ``context`` (the text of the sentence before). Spans are Doc characters."""

    holder: str
    holder_span: Span
    target: Span | None
    text: str
    span: Span
    cue: Span | None
    label: str
    hedged: bool
    evidence: str
    kind: str
    context: str
