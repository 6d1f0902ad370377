"""Which referents a third-person pronoun may take: agreement and the parse's evidence.

* :func:`agrees` — gender and animacy: he/she a person of that gender (or of unknown
  gender), it/they an organisation, place or group;
* :func:`number_agrees`, :func:`collective` — it a singular body, they a group, a
  plural-looking name or a collective body noun ("The team … They": notional concord, Quirk et
  al. 1985, §10.35);
* :func:`nonperson_antecedent` — the noun phrase an it/its/they/itself continues, read from
  the parse (subject continuity as in centering theory, Grosz, Joshi & Weinstein 1995; binding
  principle A for reflexives; Hobbs 1978's left-of-pronoun search in the sentence).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nlp.syntax import subject_of
from .org_references import COLLECTIVE_NOUNS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from .salience import Referent


#: Entity types that ``it``/``they`` can refer to.
NON_PERSON_TYPES = {"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART"}
#: Clauses governed by another clause, whose subject a pronoun in them prefers (Hobbs 1978).
GOVERNED_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "conj"})
#: Verbs whose "it" subject is impersonal ("it seems", "it appears", "it happens").
IMPERSONAL_VERBS = {"seem", "appear", "happen", "turn", "matter", "rain", "take"}
#: How far up the parse a possessive "its" / "their" may look for the verb whose subject owns it.
POSSESSOR_HOPS = 6


def agrees(actor: "Referent", gender: str, number: str) -> bool:
    if gender == "n":
        return actor.type in NON_PERSON_TYPES
    if gender in ("m", "f"):
        return actor.type == "PERSON" and actor.gender in ("", gender)
    # they/them: organisations, nations, groups (singular-they for people is left unresolved)
    return actor.type in NON_PERSON_TYPES


def collective(tok: "Token", pronoun: str) -> bool:
    """A they/their whose antecedent is a collective noun for a body ("The team … They found":
    notional concord, Quirk et al. 1985, §10.35) agrees with the organisation behind it."""
    lemma = tok.lemma_.lower()
    return pronoun.startswith("the") and lemma in COLLECTIVE_NOUNS \
        and (tok.tag_ not in ("NNS", "NNPS") or lemma == "police")


def number_agrees(actor: "Referent", pronoun: str) -> bool:
    """it/its need a singular organisation or place; they/their a group (a nationality or
    party, ``NORP``) or a plural-looking name ("Democrats", "the Yankees")."""
    if pronoun.startswith("it"):
        return actor.type != "NORP"
    return actor.type == "NORP" or actor.name.lower().endswith("s")


def nonperson_antecedent(tok: "Token", sent_subject) -> "Token | None":
    """The token of the noun phrase an ``it`` / ``its`` / ``they`` / ``their`` refers to, when
    the parse gives evidence for one (after the subject-continuity preference of centering
    theory, Grosz, Joshi & Weinstein 1995), else ``None``; the caller asks which actor it names.

    * a reflexive takes the subject of its own clause (binding principle A, Chomsky 1981):
      "Sears, which has confined itself to malls" → (which →) Sears;
    * a possessive takes the subject of the first verb above it that has one: "Moscow
      expressed its willingness" → Moscow; "the plans, which are in their infancy" → (which);
    * a subject pronoun in a reported or subordinate clause takes the subject of the verb that
      governs it: "Nato said it would stay" → Nato;
    * a main-clause subject takes the subject of a subordinate clause before it in the same
      sentence ("While Ruritania is a monarchy, it is not …": Hobbs 1978 searches the
      sentence left of the pronoun first), else the previous sentence's main subject
      (``sent_subject(k)``): "Nato met in Brussels. It said …" → Nato.
    """
    if tok.lower_.endswith(("self", "selves")):
        verb = tok.head if tok.head.pos_ in ("VERB", "AUX") else tok.head.head
        return subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    if tok.dep_ == "poss":
        cur = tok.head
        if cur.dep_ in ("nsubj", "nsubjpass") and cur.head.dep_ == "ROOT":
            # "Its army …": the possessor of a main subject continues the last sentence
            return sent_subject(-1)
        for _ in range(POSSESSOR_HOPS):
            if cur.pos_ in ("VERB", "AUX"):
                subj = subject_of(cur)
                if subj is not None:
                    return subj
            if cur.head.i == cur.i:
                return None
            cur = cur.head
        return None
    if tok.dep_ in ("nsubj", "nsubjpass"):
        verb = tok.head
        copula = verb.lemma_ == "be" or verb.lower_ in ("’s", "'s")
        if tok.lower_ == "it" and (verb.lemma_ in IMPERSONAL_VERBS or copula and any(
                c.dep_ in ("acomp", "ccomp", "xcomp") for c in verb.children)):
            return None  # "it's unclear", "it seems", "it is to deport …": no referent
        if verb.dep_ in ("ccomp", "xcomp", "advcl", "conj") and verb.head.pos_ in ("VERB", "AUX"):
            return subject_of(verb.head)
        if verb.dep_ == "ROOT":
            fronted = [c for c in verb.children if c.dep_ == "advcl" and c.i < tok.i]
            subj = subject_of(fronted[-1]) if fronted else None
            return subj if subj is not None else sent_subject(-1)
    return None
