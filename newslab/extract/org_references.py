"""References to organisations and countries by a common noun: "the alliance", "the company",
"the country", "the kingdom", "the Saudi government", "the Montreal team".

Part of the resolver (:mod:`newslab.extract.coref`), which keeps the salience of each actor;
the functions here say whether a noun phrase refers back to a body at all and which named
actor it fits. A definite description with no restrictive post-modifier usually refers back
(Vieira & Poesio 2000, "An empirically based system for processing definite descriptions",
Computational Linguistics 26(4)); among the actors it fits, the most salient one is taken
(Lappin & Leass 1994). No fit, no link.

* **Organisation descriptors** (``the bloc``, ``the company``; ``party leader``):
  :func:`org_reference`, :func:`resolve_org`, from ``lexicons/org_descriptors.csv``.
* **Country nouns** (``the country``, ``the nation``, ``the kingdom``, ``the commonwealth``):
  the most salient place the noun fits, from ``lexicons/country_nouns.csv`` (every country
  for ``country``; the kingdoms for ``kingdom``) and from what the text said of the place
  (``Puerto Rico is a commonwealth``, ``the commonwealth of Puerto Rico``):
  :func:`told_kinds`, :func:`resolve_country`.
* **Bodies acting for a named actor** (``the Saudi government``, ``Iran's government``, ``the
  Montreal team``, ``the team from UCL``, and a bare ``the team`` once the text gave an
  organisation a team): a government acts for its country and a team for the organisation it
  comes from (metonymy of the body for the institution, as in ACE's entity guidelines, where a
  government is a mention of its GPE): :func:`body_owner`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Protocol

from ..lexicons import (canonical_names, country_keys, country_nouns, demonyms, name_key,
                        org_descriptors)
from ..nlp.syntax import noun_phrase
from .role_words import INDEFINITE, role_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


class Actor(Protocol):
    """What the resolver keeps of an actor that the functions here read."""
    name: str
    type: str | None
    salience: float
    count: int


#: Determiners that make a descriptor a reference back ("the alliance").
DEFINITE = frozenset({"the", "this"})
#: Modifiers saying a descriptor names a *different* organisation ("the other party").
CONTRASTIVE = frozenset({"other", "another", "rival", "opposing", "opposition", "new",
                         "former", "different", "second", "third"})
#: How many sentences back an unlisted organisation may be for "the company"/"the group".
ANY_ORG_WINDOW = 1
#: Place types a country noun may refer to.
PLACE_TYPES = frozenset({"GPE", "LOC"})
#: Bodies of people an organisation sends or employs ("the Montreal team").
MEMBER_BODIES = frozenset({"team", "squad", "delegation", "crew", "contingent"})
#: The apparatus that acts for a country ("the Saudi government", "Iran's military").
STATE_BODIES = frozenset({"government", "administration", "regime", "leadership", "cabinet",
                          "military", "army", "navy", "junta"})
#: Nouns for a body of people, which English lets take a plural pronoun ("The team … They
#: found"; notional concord: Quirk et al. 1985, *A Comprehensive Grammar*, §10.35).
COLLECTIVE_NOUNS = MEMBER_BODIES | STATE_BODIES | frozenset({"police", "staff", "group",
                                                            "committee", "board", "council",
                                                            "panel", "jury", "family"})
#: Prepositions that tie a body to the actor it comes from ("a team from UCL").
BODY_PREPS = frozenset({"of", "from", "at", "for"})


@lru_cache(maxsize=4096)
def org_kinds(name: str) -> frozenset[str]:
    """The descriptor nouns an organisation is known by: listed for it in
    ``org_descriptors.csv`` or a word of its own name ("Labour Party" → party)."""
    key = name_key(name)
    keys = {key, canonical_names().get(key, key)}
    own = re.split(r" (?:of|on|for|in|to|and) ", key)[0].split()
    if len(own) < 2 and not keys & _all_known():
        return frozenset()  # a bare "Committee" / "Group" (an NER slip) is no organisation
    head = own[-1]  # "Labour Party" → party; "Bank of England" → bank
    return frozenset(noun for noun, (known, _) in org_descriptors().items()
                     if keys & known or noun == head)


@lru_cache(maxsize=None)
def _all_known() -> frozenset[str]:
    """Keys of every organisation listed in ``org_descriptors.csv``."""
    return frozenset(k for known, _ in org_descriptors().values() for k in known)


def org_reference(tok: "Token", by_token: dict) -> tuple[int, int] | None:
    """Token range of the phrase with which descriptor noun ``tok`` refers back to an
    organisation, or ``None`` when it does not (after the definite-description reading of
    Vieira & Poesio 2000, "An empirically based system for processing definite descriptions",
    Computational Linguistics 26(4): a definite NP with no restrictive post-modifier is
    usually anaphoric).

    * the modifier of a role noun: "Alliance chief", "party leader" → the modifier itself;
    * a singular definite NP, "the (adj)* alliance", with no possessor, no ``of``-phrase, no
      restrictive relative clause and no contrastive adjective ("the other party").
    """
    police = _bare_police(tok)
    if tok.tag_ in ("NNS", "NNPS") and not police or tok.i in by_token:
        return None
    if tok.dep_ == "compound":
        head = tok.head
        if (head.i > tok.i and role_of(head) is not None and head.i not in by_token
                and not any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in head.children)
                and not any(c.dep_ in ("amod", "compound") and c.i < tok.i for c in head.children)):
            return tok.i, tok.i + 1  # "Alliance chief", "the party leader"; not "a state party chairman"
        return None
    if not police and not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children):
        return None
    for c in tok.children:
        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of"):
            return None
        if c.dep_ in ("relcl", "acl") and c.i > tok.i and tok.doc[c.left_edge.i - 1].text != ",":
            return None
        if c.dep_ in ("amod", "compound") and c.lower_ in CONTRASTIVE:
            return None
        if c.dep_ == "compound" and c.i < tok.i:
            return None  # "the county party", "the foreign policy group": a narrower body
    start, end = noun_phrase(tok, of_phrase=False)  # "the alliance", not "the alliance's"
    if any(j in by_token for j in range(start, end)):
        return None  # "the Nato alliance": already named
    return start, end


def _bare_police(tok: "Token") -> bool:
    """``police`` / ``the police`` with no modifier: in news, the force of the place in the
    story, referred to without an article as a definite (Quirk et al. 1985, §5.37: ``police``
    is a plural-only collective); "local police" or "Indonesian police" are left alone."""
    return tok.lemma_.lower() == "police" and not any(
        c.dep_ in ("amod", "compound", "nmod", "poss") or c.dep_ == "det" and c.lower_ not in
        DEFINITE for c in tok.children)


def resolve_org(actors: dict[str, "Actor"], noun: str, sent: int, recent: dict[str, int], *,
                 opening: bool) -> "Actor | None":
    """The organisation a descriptor noun refers to: the most salient compatible one read so far
    (its name holds the noun, or ``org_descriptors.csv`` lists it); in the headline/standfirst
    the most mentioned compatible one of the article; else, for generic nouns ("the company"),
    the most salient organisation named in the last sentence or two that is not known to be
    something else."""
    entry = org_descriptors().get(noun)
    if entry is None:
        return None
    # a party may be named by its members ("Democrats", NORP) when the table lists them
    orgs = [a for a in actors.values() if a.type == "ORG"
            or a.type == "NORP" and name_key(a.name) in entry[0]]
    kinds = {a.name: org_kinds(a.name) for a in orgs}
    compatible = [a for a in orgs if noun in kinds[a.name]]
    seen = [a for a in compatible if a.salience > 0]
    if seen:
        return max(seen, key=lambda a: a.salience)
    if opening and compatible:
        return max(compatible, key=lambda a: a.count)
    if entry[1]:
        near = [a for a in orgs if a.salience > 0 and not kinds[a.name]
                and sent - recent.get(a.name, -99) <= ANY_ORG_WINDOW]
        if near:
            return max(near, key=lambda a: a.salience)
    return None


# -- countries ---------------------------------------------------------------------------------
def place_kinds(name: str, told: dict[str, set[str]]) -> frozenset[str]:
    """The country nouns a place fits: those ``country_nouns.csv`` gives it (``country`` for
    every country it knows, ``kingdom`` for Saudi Arabia …) and those the text gave it
    (``told``, from :func:`told_kinds`).

    >>> sorted(place_kinds("Saudi Arabia", {}))
    ['country', 'kingdom', 'nation', 'republic']
    >>> sorted(place_kinds("Chicago", {}))
    []
    """
    key = name_key(name)
    keys = {key, canonical_names().get(key, key)}
    country = bool(keys & country_keys())
    fits = {noun for noun, (known, every) in country_nouns().items()
            if keys & known or (every and country)}
    return frozenset(fits | told.get(name, set()))


def told_kinds(tokens: Iterable["Token"], actor_at) -> dict[str, set[str]]:
    """What the text says a place is: ``{actor: {country nouns}}`` from a country noun in
    apposition to it (``Ruritania, a kingdom``), predicated of it (``Puerto Rico is a
    commonwealth``) or naming it in an of-phrase (``the commonwealth of Puerto Rico``).
    ``actor_at(token)`` gives the place actor a token names, else ``None``."""
    out: dict[str, set[str]] = {}
    for tok in tokens:
        noun = tok.lemma_.lower()
        if noun not in country_nouns():
            continue
        named = [tok.head] if tok.dep_ == "appos" else []
        named += [c for c in tok.children if c.dep_ == "appos"]
        if tok.dep_ == "attr" and tok.head.lemma_ == "be":
            named += [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not named:  # "the commonwealth of Puerto Rico"; not "X is a commonwealth of the US"
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
                named += [c for c in prep.children if c.dep_ == "pobj"]
        for t in named:
            actor = actor_at(t)
            if actor is not None:
                out.setdefault(actor, set()).add(noun)
    return out


def resolve_country(actors: dict[str, "Actor"], noun: str, told: dict[str, set[str]], *,
                    opening: bool) -> "Actor | None":
    """The place a definite country noun (``the country``, ``the kingdom``) refers to: the most
    salient place read so far that the noun fits (:func:`place_kinds`), the country in focus;
    in the headline/standfirst the most mentioned one of the article (cataphora); else
    ``None`` (a city is never "the country")."""
    if noun not in country_nouns():
        return None
    fits = [a for a in actors.values()
            if a.type in PLACE_TYPES and noun in place_kinds(a.name, told)]
    seen = [a for a in fits if a.salience > 0]
    if seen:
        return max(seen, key=lambda a: a.salience)
    if opening and fits:
        return max(fits, key=lambda a: a.count)
    return None


# -- bodies acting for a named actor ----------------------------------------------------------
def body_owner(tok: "Token", by_token: dict, actors: dict[str, "Actor"],
               teams: dict[str, int]) -> "Actor | None":
    """The named actor a government or team noun ``tok`` belongs to, or ``None``.

    ``the Saudi government`` / ``Iran's government`` / ``the government of Iran`` → the country
    (a place actor); ``the NASA team`` / ``the team from UCL`` → the organisation; ``the
    Montreal team`` → the organisation whose name holds the place (University of Montreal),
    else a country of that name (a national team), never the city itself. ``by_token`` maps
    tokens to named mentions (with ``actor``); ``teams`` counts, per organisation, the teams
    the text gave it (filled here), so that a bare ``the team`` can take the most salient one.
    """
    noun = tok.lemma_.lower()
    if noun not in MEMBER_BODIES and noun not in STATE_BODIES or tok.tag_ in ("NNS", "NNPS"):
        return None
    owners = [c for c in tok.children if c.i < tok.i and c.dep_ in ("compound", "amod", "nmod",
                                                                    "poss")]
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in BODY_PREPS):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            owners.append(pobj)  # "a team from UCL"; "a team of scientists from UCL"
            owners += [g for p in pobj.children if p.dep_ == "prep" and p.lower_ in BODY_PREPS
                       for g in p.children if g.dep_ == "pobj"]
    for t in owners:
        found = _owner_of(t, noun, by_token, actors)
        if found is not None:
            if noun in MEMBER_BODIES:
                teams[found.name] = teams.get(found.name, 0) + 1
            return found
    if owners or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children):
        return None
    if noun in MEMBER_BODIES:  # a bare "the team": the most salient organisation with a team
        have = [actors[n] for n in teams if n in actors and actors[n].salience > 0]
        return max(have, key=lambda a: a.salience) if have else None
    return None


def _owner_of(t: "Token", noun: str, by_token: dict, actors: dict[str, "Actor"]
              ) -> "Actor | None":
    """The actor one modifier or of/from-phrase of a body noun names (see :func:`body_owner`)."""
    m = by_token.get(t.i)
    actor = actors.get(m.actor) if m is not None and m.actor else None
    if noun in STATE_BODIES:
        if actor is None and name_key(t.text) in demonyms():
            actor = _actor_named(actors, demonyms()[name_key(t.text)])
        return actor if actor is not None and actor.type in PLACE_TYPES else None
    if actor is not None and actor.type == "ORG":
        return actor
    if actor is None and t.pos_ != "PROPN":
        return None
    word = name_key(t.text)
    holders = [a for a in actors.values() if a.type == "ORG" and a is not actor
               and re.search(rf"\b{re.escape(word)}\b", name_key(a.name))]
    if holders:  # "the Montreal team" → University of Montreal
        return max(holders, key=lambda a: (a.salience, a.count))
    if actor is not None and actor.type in PLACE_TYPES and "country" in place_kinds(actor.name, {}):
        return actor  # a national team
    return None


def _actor_named(actors: dict[str, "Actor"], name: str) -> "Actor | None":
    """The actor whose name is ``name`` (compared by :func:`name_key` and canonical names)."""
    canon = canonical_names()
    key = canon.get(name_key(name), name_key(name))
    for a in actors.values():
        k = name_key(a.name)
        if canon.get(k, k) == key:
            return a
    return None
