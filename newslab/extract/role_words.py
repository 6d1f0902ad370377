"""Nouns for people and their roles, as the text uses them: which role a noun names, whether its
phrase is indefinite, which modifiers narrow it, whether its holder has left it, and who in the
text holds it.

A role noun (``minister``, ``chief``, ``prime minister``) is looked up in
``lexicons/role_nouns.csv`` by its lemma, a two-word role first and a hyphenated one
(``front-runner``) before that. A role noun refers to its holder (Poesio & Vieira 1998, "A
corpus-based investigation of definite description use", Computational Linguistics 24(2)):
:func:`resolve_role` takes only a person the text gave that role. Used by the resolver
(:mod:`newslab.extract.coref`), the organisation references
(:mod:`newslab.extract.org_references`) and the affiliations (:mod:`newslab.extract.affiliation`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicons import holder_nouns, role_nouns

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from .salience import Referent

#: Dependencies of a title before a name ("Foreign Minister Lavrov"; "Secretary of State
#: Hillary Clinton", where spaCy makes the title an nmod).
TITLE_DEPS = frozenset({"compound", "nmod"})
#: Determiners that make a noun phrase indefinite (a new person, not a reference back).
INDEFINITE = frozenset({"a", "an", "another", "some", "any", "one", "no", "every", "each"})


def role_of(tok: "Token") -> tuple[str, str] | None:
    """The role group and gender of a noun token, ``(group, gender)``, trying two-word roles
    ("prime minister") first; ``None`` for a noun that names no role.

    >>> from newslab.nlp import load_model
    >>> role_of(load_model()("The prime minister spoke.")[2])
    ('head-of-government', '')
    """
    roles = role_nouns()
    lemma = tok.lemma_.lower()
    if tok.i > 1 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 1].whitespace_:
        hyphenated = f"{tok.doc[tok.i - 2].lower_}-{tok.lower_}"  # "front-runner"
        if hyphenated in roles:
            return roles[hyphenated]
    if tok.i > 0:
        two = f"{tok.doc[tok.i - 1].lemma_.lower()} {lemma}"
        if two in roles:
            return roles[two]
    return roles.get(lemma) or roles.get(tok.text.lower())


def indefinite(tok: "Token") -> bool:
    """Whether the phrase ``tok`` heads introduces someone new: ``a``/``another``/``one``/
    ``some`` … (a reference back takes ``the``)."""
    return any(c.dep_ in ("det", "nummod", "quantmod", "predet") and c.lower_ in INDEFINITE
               for c in tok.children)


#: Nouns for a person that the role and holder lexicons leave out, typical of unnamed sources
#: in news copy ("a source close to…", "a friend of…", "a local man"); after the anonymous-
#: source descriptions of the AP Stylebook ("anonymous sources").
SOURCE_NOUNS = frozenset({"source", "friend", "relative", "man", "woman", "person", "insider",
                          "staffer", "colleague", "associate", "acquaintance", "passenger",
                          "driver", "bystander", "local", "villager", "farmer", "mother",
                          "father", "wife", "husband", "son", "daughter", "brother", "sister",
                          "nurse", "veteran", "survivor", "volunteer", "shopkeeper", "onlooker",
                          "eyewitness", "confidant", "partner", "tenant", "commuter", "diner"})
#: Holder nouns that stand for one person, not a body ("a voter", "the witness").
PEOPLE_HOLDERS = frozenset({"citizen", "critic", "customer", "democrat", "demonstrator",
                            "doctor", "employee", "employer", "fan", "investigator", "investor",
                            "member", "militant", "negotiator", "neighbour", "neighbor",
                            "observer", "opponent", "owner", "parent", "participant", "player",
                            "protester", "protestor", "rebel", "republican", "resident",
                            "scientist", "shareholder", "student", "supporter", "teacher",
                            "user", "victim", "voter", "witness", "worker"})
#: Nouns for a person that say their gender ("a 36-year-old man": he).
MALE_NOUNS = frozenset({"man", "boy", "father", "husband", "son", "brother", "gentleman",
                        "grandfather", "uncle", "nephew", "king", "prince", "policeman"})
FEMALE_NOUNS = frozenset({"woman", "girl", "mother", "wife", "daughter", "sister", "lady",
                          "grandmother", "aunt", "niece", "queen", "princess", "policewoman"})
#: Nouns for an unnamed person typical of crime and accident reports.
INCIDENT_NOUNS = frozenset({"suspect", "victim", "officer", "teenager", "boy", "girl", "child",
                            "pedestrian", "gunman", "attacker", "assailant", "defendant",
                            "patient", "prisoner", "detainee", "lady", "gentleman"})
#: Marker among a role's modifiers: the person no longer holds it.
FORMER = "!former"
#: Words saying a role is no longer held ("the former governor", "the outgoing mayor").
FORMER_WORDS = frozenset({"former", "outgoing", "exiting", "departing", "ex", "retired",
                          "ousted", "erstwhile", "previous", "late"})
#: Verbs of leaving a role: "resigned as governor" says the subject is governor no more.
LEAVING_VERBS = frozenset({"resign", "quit", "retire", "leave", "step", "oust", "fire", "sack",
                           "dismiss", "remove", "depose", "expel"})
#: Modifiers of a role noun that do not narrow the role ("the new minister", "the then mayor").
UNNARROWING = frozenset({"new", "former", "then", "current", "incumbent", "outgoing", "acting",
                         "interim", "top", "senior", "junior", "longtime", "veteran",
                         "presumptive", "likely", "prospective", "eventual"})


def person_noun(tok: "Token") -> bool:
    """A noun for a person or a body of people (not ``a poll``, ``a report``)."""
    lemma = tok.lemma_.lower()
    return lemma in SOURCE_NOUNS or lemma in holder_nouns()


def former_role(tok: "Token") -> bool:
    """Whether the role noun ``tok`` is one its holder left: a modifier says so (``the former
    governor``, ``ex-minister``) or the noun is the as-phrase of a verb of leaving
    (``resigned as governor``)."""
    if any(c.lower_ in FORMER_WORDS for c in tok.children if c.i < tok.i):
        return True
    if tok.i > 1 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ == "ex":
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "as" \
        and tok.head.head.lemma_.lower() in LEAVING_VERBS


def role_modifiers(tok: "Token", by_token: dict) -> frozenset[str]:
    """Lower-cased words that narrow a role noun (``employment`` in ``the employment minister``,
    ``foreign`` in ``Russia's foreign minister``); a named modifier counts as its actor
    (``@France`` for ``the French minister``, so ``the GOP front-runner`` is not the
    ``Democratic front-runner``); possessors and the first word of a two-word role (``prime
    minister``) are not modifiers."""
    roles = role_nouns()
    words = [c for c in tok.children if c.i < tok.i and c.dep_ in ("amod", "compound", "nmod",
                                                                     "poss")]
    if tok.dep_ in TITLE_DEPS:  # a title: "Employment Minister Jane Roe" (flat compounds)
        j = tok.i - 1
        while j >= 0 and tok.doc[j].dep_ == "compound" and tok.doc[j].head.i == tok.head.i:
            words.append(tok.doc[j])
            j -= 1
    mods = set()
    for c in words:
        if c.i in by_token:
            mods.add("@" + by_token[c.i].actor)
        elif c.dep_ == "poss":
            continue  # "his spokesman": a pronoun possessor narrows nothing we can compare
        elif not (c.lower_ in UNNARROWING or c.lower_ in roles
                  or f"{c.lemma_.lower()} {tok.lemma_.lower()}" in roles):
            mods.add(c.lemma_.lower())
    return frozenset(mods)


def resolve_role(actors: dict[str, "Referent"], role: tuple[str, str],
                  modifiers: frozenset[str], *, former: bool = False) -> "Referent | None":
    """The person who holds ``role`` (group, gender) in the text, most salient first, else
    None — never merely the most prominent person (a role noun refers to its holder: Poesio &
    Vieira 1998, "A corpus-based investigation of definite description use").

    ``role`` is ``(groups, gender)``, the groups joined by ``|``: the noun's own, then those
    its hypernym covers (``the officer`` → ``Sergeant X``: ``lexicons/role_hypernyms.csv``).
    The holder got the role from an apposition, a title or a predicate; the reference's own
    modifiers (``the employment minister``) must be among the holder's (``Employment Minister
    Jane Roe``) unless the holder's role was given bare (``Minister Jane Roe``). A holder who
    left the role (``resigned as governor``, ``the former governor``) is taken for ``the
    governor`` only when no current holder is known, and the other way round for ``the former
    governor`` (the role's time must match: Poesio & Vieira's "same head" links fail across a
    change of holder)."""
    groups, gender = role[0].split("|"), role[1]  # the noun's group, then broader ones
    held_by = {a.name: [held for g in groups if g for held in a.roles.get(g, ())]
               for a in actors.values() if a.type == "PERSON"}
    matching = [a for a in actors.values() if a.type == "PERSON"
                and a.gender in ("", gender or a.gender)
                and any(narrower_or_equal(held, modifiers) for held in held_by[a.name])]
    if not matching:
        return None
    return max(matching, key=lambda a: (any((FORMER in held) == former
                                            for held in held_by[a.name]),
                                        a.salience, a.count))


def narrower_or_equal(held: frozenset[str], said: frozenset[str]) -> bool:
    """Whether a role given with modifiers ``held`` can be the one referred to with ``said``.

    Plain words must be among the holder's unless the role was given bare (``Minister Jane
    Roe`` may be ``the employment minister``); a named place, nation or body (``@France``)
    must have been given with the role (``the French president`` is not ``President Obama``).
    """
    held, said = held - {FORMER}, said - {FORMER}
    plain_held = {m for m in held if not m.startswith("@")}
    plain_said = {m for m in said if not m.startswith("@")}
    return (not plain_held or plain_said <= plain_held) and said - plain_said <= held - plain_held
