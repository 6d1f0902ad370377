"""Attitude cues: which reading of ``lexicons/attitude_verbs.csv`` a word has in its sentence.

One job: given a token (and the child a dependency path goes down through), say whether it is an
attitude cue and which reading applies: a preposition-specific reading (``object to``, ``call
for``), the declarative reading of a verb with a noun object (``declared a state of
emergency``), a ``to``-infinitive standing for a preposition (``voted to legalize``), or a light
verb that hands its object noun's cue on (``voiced opposition to``). Also writes one link of an
evidence chain (:func:`describe`). Used by the stance rules (:mod:`newslab.polarity.rules`) and
by the statements (:mod:`newslab.extract.statements`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicons import attitude_cues
from ..records import AttitudeCue as Cue

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


def pos_key(tok: "Token") -> str:
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        return "VERB"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    if tok.pos_ == "ADJ":
        return "ADJ"
    return tok.pos_


def match_cue(tok: "Token", via: "Token | None" = None) -> Cue | None:
    """The attitude reading of ``tok``, given the child ``via`` the path goes down through.

    A reading that needs a preposition matches when the path passes through that preposition
    (``objected`` -> ``to`` -> the plans) or the cue has that particle (``lash out``).

    >>> import spacy; nlp = spacy.load("en_core_web_sm")   # doctest: +SKIP
    >>> doc = nlp("They called for talks.")                 # doctest: +SKIP
    >>> match_cue(doc[1], doc[2]).polarity                  # doctest: +SKIP
    'support'
    """
    cues = attitude_cues().get((tok.lemma_.lower(), pos_key(tok)))
    if not cues:
        return None
    particles = {c.lemma_.lower() for c in tok.children if c.dep_ == "prt"}
    preps = {c.lemma_.lower() for c in tok.children if c.dep_ in ("prep", "agent")}
    for cue in cues:
        if cue.prep == OBJECT_READING:
            if _object_reading(tok):
                return cue  # "declared a state of emergency": the act, not a report
            continue
        if not cue.prep:
            return cue
        if judged_object(tok) is not None:
            continue  # "called the move a disaster for democracy" is no "call for"
        if cue.prep in particles:  # "lash out at", "throw out": the particle makes the reading
            return cue
        if via is not None and via.lemma_.lower() == cue.prep and via.head == tok:
            return cue
        if via is not None and cue.prep == "to" and to_infinitive(via, tok):
            return cue  # "voted to legalize": the infinitive marker stands for the preposition
        if via is None and cue.prep in preps:
            return cue
    return None


#: ``prep`` value of a reading that needs a direct object and no clause: "declare" reports
#: in "declared that ..." but enacts in "declared a state of emergency".
OBJECT_READING = "+obj"


def _object_reading(tok: "Token") -> bool:
    """``tok`` takes a noun object and no clausal complement (``declared [a state of emergency]``,
    not ``declared [that talks had failed]``): a declaration in Searle's (1976) sense, which
    brings about what its object names."""
    deps = {c.dep_ for c in tok.children}
    return "dobj" in deps and not deps & {"ccomp", "xcomp", "parataxis", "oprd"}


def judged_object(tok: "Token") -> "Token | None":
    """The object ``tok`` names or judges: a direct object with an object predicative or an
    ``as`` phrase (``called [the move] a disaster``, ``characterized [the attack] as a
    violation``; the parser may hang ``as`` on the object). The complex-transitive pattern
    (Quirk et al. 1985, §16.40-16.45): its reading is naming or judging the object, not a
    prepositional verb's (``call for``), and the attitude is about the object."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    judged = any(c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as"
                 for c in list(tok.children) + list(obj.children))
    return obj if judged else None


def to_infinitive(via: "Token", tok: "Token") -> bool:
    """``via`` is a ``to``-infinitive complement of ``tok`` (``voted [to legalize]``)."""
    return via.head == tok and via.dep_ == "xcomp" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in via.children)


def describe(tok: "Token", cue: Cue, negated: str | None, modal: str | None) -> str:
    """``objected to``, ``would consider``, ``not + support``: one link of the evidence chain."""
    word = tok.text if cue.lemma == tok.lemma_.lower() else f"{tok.text} {cue.lemma}"  # light verb
    word = word if cue.prep in ("", OBJECT_READING) else f"{word} {cue.prep}"
    word = f"{modal} {word}" if modal else word
    return f"{negated} + {word}" if negated else word


def light_verb_cue(tok: "Token", nxt: "Token") -> Cue | None:
    """``voice opposition to``, ``lavish praise on``: a light verb takes its object noun's cue."""
    if pos_key(tok) != "VERB" or tok.lemma_.lower() not in LIGHT_VERBS:
        return None
    verb_preps = {c.lemma_.lower() for c in tok.children if c.dep_ in ("prep", "dative")}
    for c in tok.children:
        if c.dep_ == "dobj" and c != nxt:
            cue = match_cue(c)
            if cue is None:  # "filed a lawsuit [against X]": the parser often hangs the
                cue = next((k for k in attitude_cues().get((c.lemma_.lower(), "NOUN"), ())
                            if k.prep and k.prep in verb_preps), None)  # noun's PP on the verb
            if cue is not None and cue.polarity in ("support", "oppose"):
                return cue
    return None


#: Verbs that carry little meaning of their own and hand it to their object noun (light verb
#: constructions: Jespersen 1942; Butt 2010, "The light verb jungle"): "voice opposition",
#: "file a lawsuit", "mount a challenge".
LIGHT_VERBS = {"express", "voice", "show", "offer", "give", "lend", "lavish", "heap", "pour", "pay",
                "cast", "have",
                "signal", "declare", "pledge", "extend", "announce", "register", "take", "point",
                "file", "bring", "lodge", "launch", "mount"}
