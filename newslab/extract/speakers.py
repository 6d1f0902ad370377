"""Speakers: who an attribution names as its source, as a :class:`~newslab.records.Speaker`.

The speaker of a reporting verb is its subject (:func:`newslab.nlp.syntax.subject_of`, climbing
participles and conjuncts: ``expected to say``, ``…, saying``), the object of ``according to``,
or the agent of a passive report (``reported by The Washington Post``). The speaker *phrase*
keeps names, titles, possessives and appositions (``Sergei Lavrov, Russia's foreign minister``)
and drops clauses and participles. A relative pronoun is the speaker mention itself
(``Merkel, who said…``: PolNeAR marks ``who``), its head pointing at the noun it stands for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nlp.syntax import relative_subject, subject_of
from ..nlp.tokens import entity_range
from ..records import ReportingCue, Speaker

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

#: Dependents left out of a speaker's noun phrase ("Rasmussen, making his first visit…, said").
SPEAKER_EXCLUDE_DEPS = {"relcl", "acl", "advcl", "punct", "parataxis", "cc", "prep", "ccomp"}
#: Prepositions kept after a common-noun speaker: ``of`` (``the head of Nato``) and ``from``,
#: the hometown or employer that identifies an unnamed or described source (``the
#: 27-year-old from Göteborg``; AP Stylebook: identify sources by age and hometown).
KEPT_PREPS = frozenset({"of", "from"})
#: Hyphens that join one word's parts (spaCy splits "27-year-old" and "Al-Amin" at them).
WORD_HYPHENS = frozenset({"-", "‐", "‑"})


def _joins(tok: "Token") -> bool:
    """A token that joins two kept parts of one speaker phrase: an apposition comma or a
    conjunction (``Burton and Nick``); hyphens inside a word are kept with the word."""
    return tok.text == "," or tok.dep_ == "cc"


def speaker_tokens(head: "Token") -> tuple[int, int]:
    """Token range [start, end) of the speaker phrase headed by ``head``.

    Keeps names, titles, possessives and appositions (``Sergei Lavrov, Russia's foreign
    minister``); drops clauses and participles (``who also held talks…``, ``making his first
    visit…``) and a preposition phrase after a name.
    """
    keep = set()

    def collect(t: "Token", depth: int) -> None:
        keep.add(t.i)
        for c in t.children:
            if c.dep_ in SPEAKER_EXCLUDE_DEPS and not (c.dep_ == "prep" and c.lower_ in KEPT_PREPS
                                                        and depth == 0 and head.pos_ != "PROPN"):
                continue
            if c.dep_ == "punct" or c.is_space:
                continue
            collect(c, depth + 1)

    collect(head, 0)
    doc = head.doc
    for i in range(max(head.i - 8, 1), min(head.i + 8, len(doc) - 1)):
        if doc[i].text in WORD_HYPHENS and i - 1 in keep and not doc[i - 1].whitespace_ \
                and not doc[i].whitespace_:
            keep.update((i, i + 1))  # one word written with hyphens: "27-year-old", "Al-Amin"
    start = end = head.i
    while start - 1 in keep or (start - 2 in keep and _joins(doc[start - 1])):
        start -= 1
    while end + 1 in keep or (end + 2 in keep and _joins(doc[end + 1])):
        end += 1
    while start < end and (doc[start].is_punct or doc[start].dep_ == "cc"):
        start += 1
    while end > start and (doc[end].is_punct or doc[end].dep_ == "cc"):
        end -= 1
    return start, end + 1


#: Links a speech verb climbs to find its speaker ("expected to say", "…, saying").
SPEAKER_CLIMB_DEPS = ("advcl", "xcomp", "pcomp", "conj", "prep", "acl")
#: Passive verbs whose subject is still the source ("X was quoted as saying").
PASSIVE_SOURCE_VERBS = ("quote", "cite", "report")


def speaker_subject(verb: "Token") -> "Token | None":
    """Who speaks for ``verb``: its subject, found through participles, infinitives, conjuncts,
    ``was quoted as saying`` and relative clauses (``Lavrov, who said``); none for an
    impersonal passive ("it was said that…"). See :func:`newslab.nlp.syntax.subject_of`."""
    return subject_of(verb, climb=SPEAKER_CLIMB_DEPS, noun_controls=("acl",), hops=5,
                      passive_ok=lambda tok: tok.lemma_ in PASSIVE_SOURCE_VERBS)


#: Prepositions of an office held before a name (``Ambassador to the UN Nikki Haley``).
OFFICE_PREPS = frozenset({"to", "for", "at", "of"})


def titled_name(head: "Token") -> "Token | None":
    """The person named after an office phrase that heads a subject: ``US Ambassador to the
    United Nations Nikki Haley`` (the parser makes *Haley* the object of *to* and the office
    the head). A title with its office before a name is a close apposition whose name is the
    referent (Quirk et al. 1985, §17.75; AP Stylebook, "titles"). Returns the name's last word,
    or ``None`` when ``head`` is a name itself or no person's name ends its preposition's
    object."""
    if head.pos_ == "PROPN" and head.ent_type_ == "PERSON":
        return None
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in OFFICE_PREPS:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.pos_ != "PROPN" or obj.i + 1 < len(obj.doc) and \
                obj.doc[obj.i + 1].pos_ == "PROPN":
            continue
        first = entity_range(obj)[0]  # the first word of the entity the object ends
        before = obj.doc[first - 1]
        if obj.ent_type_ in ("PERSON", "ORG") and obj.i > first and before.pos_ == "PROPN" \
                and before.ent_iob_ != "O":
            return obj  # two names in a row: an organisation or place, then the person
    return None


def speaker_at(head: "Token") -> Speaker:
    """The :class:`Speaker` whose phrase is headed by ``head``."""
    s, e = speaker_tokens(head)
    doc = head.doc
    return Speaker(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), head.idx)


def agent(verb: "Token") -> Speaker | None:
    """The source of a passive report ("first reported by The Washington Post"), or None."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    pobj = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
    if pobj is None:
        return None
    return speaker_at(pobj)


def first_report(verb: "Token") -> "Token | None":
    """For a subject-less finite verb coordinated inside another report's clause ("He said the
    plan was dead, and accused X of …" parsed with *accused* joined to *was*), the reporting
    verb whose clause the parser put it in; None otherwise. Both share one subject."""
    from ..lexicons import reporting_cues

    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ") or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    tok = verb.head
    for _ in range(4):
        if tok.dep_ == "ccomp" and tok.head.lemma_ in reporting_cues() and \
                tok.head.tag_ == verb.tag_:
            return tok.head
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def speaker_of(verb: "Token", last: "Token", cue: ReportingCue) -> Speaker | None:
    """Who speaks for the cue ``verb``…``last`` (a :class:`Speaker`), or None."""
    if cue.cue == "according to":
        pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        return speaker_at(pobj)
    first = first_report(verb)
    if first is not None:  # "He said …, and accused X of …": the speaker of "said"
        subj = speaker_subject(first)
        return speaker_at(subj) if subj is not None else None
    subj = speaker_subject(verb)
    if subj is None:
        return agent(verb)  # "as reported by The Washington Post, …"
    if subj.pos_ == "PRON" and subj.lower_ in ("it", "there") and subj.dep_ == "expl":
        return None
    named = titled_name(subj)
    if named is not None:  # "US Ambassador to the UN Nikki Haley said": the name speaks
        start = named.doc[entity_range(named)[0]]
        return Speaker(start.idx, named.idx + len(named), named.idx)
    rel = relative_subject(verb)
    if rel is not None and rel.head.head.i == subj.i:
        # "Lavrov, who said …": PolNeAR marks the relative pronoun as the speaker mention; the
        # head character points at the noun it stands for, so the actor is that noun's
        return Speaker(rel.idx, rel.idx + len(rel), subj.idx)
    return speaker_at(subj)

