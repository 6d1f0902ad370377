"""The discourse model of the resolver: each referent and its salience, after Lappin & Leass
(1994), "An algorithm for pronominal anaphora resolution", Computational Linguistics 20(4).

A referent is a named actor, or a person the text does not name (``a 36-year-old man``) or
whose name the tagger missed ("Mayor Hugo Brandt"): :func:`anonymous_heads` finds those, so a
pronoun meaning them stays unlinked instead of taking a named actor. Each noun phrase standing
for a referent adds :func:`weight` (L&L's Table 1: sentence recency, subject, object, head noun,
non-adverbial; plus a speaker bonus), read off the head of the phrase it sits in
(:func:`phrase_head`); :mod:`newslab.extract.coref` halves every weight at each new sentence and
adds role parallelism (:data:`SALIENCE_PARALLEL`) and the headline's topic
(:data:`SALIENCE_TOPIC`) when it compares candidates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicons import first_names
from ..nlp.tokens import dep_pos_indices
from .gender import honorific_gender
from .role_words import FEMALE_NOUNS, INCIDENT_NOUNS, MALE_NOUNS, person_noun, role_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token


#: Lappin & Leass (1994) salience factors (weights from their Table 1), plus a speaker bonus.
SALIENCE_SENTENCE = 100
SALIENCE_ROLE = {"nsubj": 80, "nsubjpass": 80, "expl": 70, "dobj": 50, "oprd": 50, "dative": 40}
SALIENCE_OTHER_ROLE = 40
SALIENCE_HEAD = 80
SALIENCE_NON_ADVERBIAL = 50
SALIENCE_SPEAKER = 50
#: Dependency labels that put a mention inside an adverbial (no "non-adverbial" bonus).
ADVERBIAL_DEPS = {"advcl", "advmod", "npadvmod", "prep", "pcomp"}
#: Lappin & Leass's (1994) reward for an antecedent in the pronoun's grammatical role.
SALIENCE_PARALLEL = 35
#: Reward for an actor the headline names (Mitkov 1998's heading preference).
SALIENCE_TOPIC = 75
#: Name prefix of a referent the text does not name (never in the output).
ANONYMOUS = "\x00unnamed:"


class Referent:
    """One discourse referent: an actor of the text (or an anonymous person) and what the
    resolver knows of it: gender, the roles the text gave it, its salience."""

    __slots__ = ("name", "type", "gender", "guessed", "roles", "count", "salience", "last_token",
                 "first", "last_role")

    def __init__(self, name: str, type_: str | None) -> None:
        self.name, self.type = name, type_
        self.gender = ""
        self.guessed = False  # gender only from the first-name list, not from the text
        # role group -> the modifier sets the text gave it ("employment" of "Employment Minister")
        self.roles: dict[str, list[frozenset[str]]] = {}
        self.first: int | None = None  # token of the first named mention
        self.count = 0
        self.salience = 0.0
        self.last_token: int | None = None
        self.last_role = ""  # "subject" / "object" / "" of the last mention (parallelism)


def phrase_head(tok: "Token") -> "Token":
    """The head of the noun phrase a mention sits in, whose grammatical role the mention has
    (Lappin & Leass 1994 weigh the NP, not its words): an appositive shares its head's role
    ("One senator, Eduardo Bhatia, said" — Bhatia is a subject), and so does a name the tagger
    cut short ("Wanda Vázquez" in "Wanda Vázquez Garced has said": the name's last word is the
    head). A title is a head of its own ("Senate" in "Senate President X" stays a modifier)."""
    for _ in range(3):
        head = tok.head
        if head.i == tok.i:
            break
        if tok.dep_ == "appos" or (tok.dep_ in ("compound", "flat") and head.i > tok.i
                                   and head.pos_ == "PROPN" and head.ent_type_ in ("", "PERSON")
                                   and role_of(head) is None
                                   and not honorific_gender(head.lower_)):
            tok = head
        else:
            break
    return tok


def weight(tok: "Token", speaker: bool) -> float:
    w = SALIENCE_SENTENCE + SALIENCE_HEAD + SALIENCE_ROLE.get(tok.dep_, SALIENCE_OTHER_ROLE)
    if not any(a.dep_ in ADVERBIAL_DEPS for a in [tok, *tok.ancestors][:4]):
        w += SALIENCE_NON_ADVERBIAL
    if speaker:
        w += SALIENCE_SPEAKER
    return w


def role_class(tok: "Token") -> str:
    """``subject``, ``object`` or ``""``: the grammatical role parallelism compares."""
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return "subject"
    if tok.dep_ in ("dobj", "dative", "oprd"):  # "appointed X as …" parses X as oprd
        return "object"
    return ""


def anonymous_heads(doc: "Doc") -> list[int]:
    """Heads of noun phrases that may be a person no name mention stands for: a singular
    person noun as subject or object (``the man``, ``a witness``, ``the suspect``), or a
    proper noun the tagger left untagged after a first name (``Hugo| Brandt``)."""
    out = []
    for i in dep_pos_indices(doc, ("nsubj", "nsubjpass", "dobj", "dative"), ("NOUN", "PROPN")):
        tok = doc[i]
        if tok.pos_ == "NOUN":
            lemma = tok.lemma_.lower()
            if tok.tag_ == "NN" and (lemma in MALE_NOUNS or lemma in FEMALE_NOUNS
                                     or lemma in INCIDENT_NOUNS or person_noun(tok)
                                     or role_of(tok) is not None):
                out.append(i)
        elif tok.ent_type_ in ("", "PERSON") and any(
                c.dep_ == "compound" and (c.lower_ in first_names() or honorific_gender(c.lower_)
                                          or role_of(c) is not None) for c in tok.children):
            out.append(i)  # "Hugo Brandt", "Mayor Hugo Brandt", "Ms Brandt"
    return out


def anonymous_gender(tok: "Token") -> str:
    """``m`` / ``f`` when the noun or the first name says so, else ``""``."""
    lemma = tok.lemma_.lower()
    if lemma in MALE_NOUNS or lemma in FEMALE_NOUNS:
        return "m" if lemma in MALE_NOUNS else "f"
    role = role_of(tok) if tok.pos_ == "NOUN" else None
    if role is not None:
        return role[1]
    for c in tok.children:
        if c.dep_ == "compound" and (honorific_gender(c.lower_) or c.lower_ in first_names()):
            return honorific_gender(c.lower_) or first_names()[c.lower_]
    return ""
