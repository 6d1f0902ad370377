"""The role of each actor in an article: ``agent``, ``setting`` or ``source``.

News text names three kinds of things with proper names, and only the first are the story's
actors (issue 13):

* ``agent`` - it acts, speaks, is quoted, or is the subject or object of an event.
* ``setting`` - a place that is only where something happened (``talks in Moscow``, ``based
  near Chicago``), where someone is from (``Brigid Kosgei of Kenya``, ``Kenya's Brigid
  Kosgei``) or a dateline. Case grammar calls this the *locative* role, apart from the agent
  and patient (Fillmore 1968, "The case for case"); the AP Stylebook's "datelines" entry gives
  the dateline as where the story was reported, not a participant.
* ``source`` - a news outlet or agency credited for information: ``according to Reuters``,
  ``told the BBC``, ``Reuters reported``, ``(AP)``, ``a BBC report``. The AP Stylebook's
  entries on attribution and on wire-service credits ("(AP)") treat these as credits for the
  news, not as parties to it. An outlet that acts in the story (``Bloomberg contacted
  Facebook``) is an agent.

How an actor's role is decided (:func:`actor_roles`), from all of its named mentions (names,
surnames, metonyms, demonyms; pronouns are left out, their links being less sure):

1. **Places** (type GPE, LOC, FAC): ``agent`` when *any* mention is an argument - the subject of
   a verb, the agent of a passive (``joined by Australia``), the object of a verb that is not a
   movement (``blaming Iran``, but not ``leave the Persian Gulf``), the possessor of a common
   noun (``Iran's president``, not ``Kenya's Brigid Kosgei``), the object of ``with``/
   ``against``/``between`` (``talks with Russia``), the owner of a body that acts (``the navies
   of China``), the object of an event noun (``the absorption of Georgia``) - or the actor of
   a quote (``Moscow said``); else ``setting``. One argument is enough: a place that acts once
   is a participant (any-agent rule), and a place named only in locative or modifier positions
   never acts.
2. **Outlets** (``lexicons/news_outlets.csv``: a listed outlet, or a name ending in a newspaper
   head word such as *Times*, *Post*, *Herald*): ``source`` when at least one mention is a
   credit (frames above) and none is an argument outside a credit frame; else ``agent``.
3. **Everyone else** (persons, organisations, groups of people - type GROUP,
   :mod:`.groups` - whatever their name holds): ``agent``.

Without a dependency parse no frame can be read and every actor is an ``agent`` (best effort,
as in the corpus runner's ``fast`` profile). The frames use :mod:`newslab.nlp.syntax` for the
subject of a verb and the reporting-verb lexicon (:func:`newslab.lexicons.speech_verbs`).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Iterable, Sequence

from ..lexicons import (first_names, holder_nouns, name_key, news_outlets, speech_verbs,
                        web_domains)
from ..records import Mention, Quote
from .entities import NAMED_KINDS, _PLACE_TYPES

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

#: The roles, in the order tables list them.
ROLES = ("agent", "setting", "source")
#: Verbs whose object is where the subject goes or is, not a participant (``leave the Gulf``).
MOVEMENT_VERBS = frozenset({"leave", "visit", "enter", "reach", "cross", "patrol", "tour",
                            "travel", "fly", "return", "arrive", "flee", "exit", "host", "cover",
                            "border", "overlook", "circle", "orbit", "sail", "roam"})
#: Nouns for a body or office that acts for the place owning it (``the navies of China``),
#: beyond ``holder_nouns.csv``.
OWNER_NOUNS = frozenset({"navy", "president", "leader", "minister", "troops", "prime minister",
                         "king", "queen", "ambassador", "envoy", "embassy", "foreign minister"})
#: Suffixes of English event nominalisations, whose ``of``-phrase is an argument of the event
#: (``the absorption of Georgia``, ``the invasion of Ukraine``; Grimshaw 1990, *Argument
#: Structure*, ch. 3: complex event nominals take their object in an ``of``-phrase), and the
#: common nouns with these endings that name no event (``the nation of``, ``the government of``).
EVENT_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ure")
NOT_EVENT_NOUNS = frozenset({"nation", "population", "location", "position", "portion",
                             "section", "station", "jurisdiction", "federation", "delegation",
                             "administration", "government", "parliament", "department",
                             "settlement", "province", "capital", "legislature", "culture",
                             "future", "nature", "territory", "confederation", "coalition",
                             "commission", "mission", "edition", "version", "region"})
#: Event nouns without those endings.
EVENT_NOUNS = frozenset({"attack", "takeover", "defeat", "seizure", "capture", "recognition",
                         "membership", "isolation", "sanction", "blockade", "bombing", "siege",
                         "annexation", "support", "help", "criticism", "visit"})


def is_event_noun(lemma: str) -> bool:
    """Whether a common noun's ``lemma`` names an event whose ``of``-phrase is its argument.

    >>> is_event_noun("absorption"), is_event_noun("invasion"), is_event_noun("nation")
    (True, True, False)
    """
    if lemma in NOT_EVENT_NOUNS:
        return False
    return lemma in EVENT_NOUNS or (len(lemma) > 6 and lemma.endswith(EVENT_SUFFIXES))


#: Nouns for a part or area of a place: its possessor is where (``Gdańsk's streets``,
#: ``Japan's waters``, ``Kenya's capital``), a part-whole locative (Fillmore 1968), not a
#: participant as in ``Iran's president``.
PLACE_PART_NOUNS = frozenset({"street", "road", "suburb", "outskirts", "centre", "center",
                              "downtown", "coast", "coastline", "shore", "border", "territory",
                              "water", "waters", "airspace", "soil", "north", "south", "east",
                              "west", "northeast", "northwest", "southeast", "southwest",
                              "interior", "river", "port", "harbour", "harbor", "airport",
                              "capital", "city", "province", "region", "district",
                              "neighbourhood", "neighborhood", "countryside", "mountain", "sky",
                              "beach", "island", "border", "heartland", "hinterland", "edge"})
#: Nouns for a path, boundary or link between places: ``between`` then gives its ends, not the
#: partners of an event (``the border crossing between El Paso and Juárez``, ``the pipeline
#: between Cyprus and Crete``, but ``talks between Iran and the US``).
PATH_NOUNS = frozenset({"border", "frontier", "crossing", "pipeline", "road", "highway", "route",
                        "bridge", "tunnel", "railway", "rail", "line", "flight", "corridor",
                        "cable", "distance", "gap", "strait", "channel", "journey", "trip",
                        "drive", "ferry", "service", "boundary", "waters"})
#: Prepositions whose object takes part in an event with the subject (``talks with Russia``).
PARTNER_PREPS = frozenset({"with", "against", "between", "among"})
#: Verbs an outlet reports with beyond the speech verbs (``Reuters obtained the letter``).
OUTLET_VERBS = frozenset({"report", "quote", "cite", "publish", "reveal", "learn", "obtain",
                          "broadcast", "air", "see", "review", "confirm",
                          "ask", "interview", "write", "say", "tell", "note", "add", "describe",
                          "call", "project", "estimate", "count", "tally", "verify"})
#: An outlet that contacts or reaches someone acts in the story (``Bloomberg contacted
#: Facebook``, which then removed the files); contacted *by* an outlet, a source answers it.
#: Verbs whose passive agent, when an outlet, is credited (``described by Marine Bulletin``,
#: ``confirmed by Associated Press``, ``reported by the BBC``, ``when contacted by Reuters``).
BY_VERBS = OUTLET_VERBS - {"say", "tell", "add", "ask", "see"} | {"contact", "reach"}
#: Prepositions whose outlet object is the channel the information came through (``via news
#: agency Interfax``, ``said Russell Zimmerman per ABC News``): the AP Stylebook's attribution
#: entry treats these as credits, like ``according to``.
CHANNEL_PREPS = frozenset({"via", "per"})
#: Verbs of speaking on air, whose ``on`` object is the outlet that carried the words (``spoke
#: on Fox News``, ``said on CNN``, ``appeared on NBC``).
ON_AIR_VERBS = frozenset({"say", "speak", "talk", "appear", "tell", "state", "claim", "add",
                          "explain", "admit", "insist", "argue", "comment", "announce"})
#: Nouns a credited outlet modifies or owns (``a BBC report``, ``Reuters' reporter``).
CREDIT_NOUNS = frozenset({"report", "reporting", "interview", "investigation", "poll", "survey",
                          "story", "article", "analysis", "reporter", "correspondent",
                          "journalist", "editor", "broadcast", "documentary", "programme",
                          "program", "podcast", "tally", "count", "estimate", "footage",
                          "photographer", "columnist", "op-ed", "editorial", "newspaper", "website",
                          "projection", "service", "network", "channel", "show", "television",
                          "radio", "anchor", "host", "presenter", "reckoning", "calculation",
                          "tabulation", "figures"})
#: Heads of ``to``/``with`` whose object hears or receives what a source said (``told the BBC``,
#: ``an e-mail to The New York Times``, ``in an interview with CNN``).
HEARER_HEADS = frozenset({"tell", "say", "speak", "talk", "explain", "confirm", "write",
                          "email", "e-mail", "statement", "letter", "comment", "remark", "interview",
                          "message", "note", "complain", "admit", "insist", "describe"})


def _function(tok: "Token") -> "Token":
    """The token whose dependency gives a mention its function: through conjuncts and
    appositions to the first conjunct (``navies of China, India and Oman``)."""
    for _ in range(8):
        if tok.dep_ in ("conj", "appos") and tok.head is not tok:
            tok = tok.head
        else:
            break
    return tok


def is_credit(tok: "Token", span: "tuple[int, int] | None" = None) -> bool:
    """Whether ``tok`` (a mention's root; ``span`` its token range, default the root's
    subtree) stands in a frame that credits a source for information: ``according to X``,
    ``told X``, ``X reported``, ``(X)``, ``an X report``."""
    t = _function(tok)
    head = t.head
    if t.dep_ == "pobj":
        verb, prep = head.head, head.lower_
        lemma = verb.lemma_.lower()
        if prep == "to" and verb.lower_ == "according" or prep in CHANNEL_PREPS:
            return True
        if prep in ("to", "with") and (lemma in HEARER_HEADS or lemma in ON_AIR_VERBS):
            return True  # "told the BBC", "stated to the CBC", "an interview with CNN"
        if prep == "on" and lemma in ON_AIR_VERBS:
            return True  # "spoke on Fox News"
        if prep == "by" and (lemma in BY_VERBS or lemma in CREDIT_NOUNS):
            return True  # "reported by the BBC", "described by Marine Bulletin", "projections by CNN"
    if t.dep_ in ("dative", "dobj") and head.lemma_.lower() == "tell":
        return True
    if t.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX") and (
            head.lemma_.lower() in OUTLET_VERBS or head.lemma_.lower() in speech_verbs()):
        return True
    if t.dep_ in ("poss", "compound", "nmod") and head.lemma_.lower() in CREDIT_NOUNS:
        return True
    if t.dep_ == "poss" and head.ent_type_ == "PERSON":
        return True  # "the BBC's Rachel Harvey": the outlet's reporter carries the news
    doc = tok.doc
    first, last = (span[0], span[1] - 1) if span else (tok.left_edge.i, tok.right_edge.i)
    # "WASHINGTON (Reuters) -": the wire-service credit of a dateline (AP Stylebook, "datelines")
    return first > 0 and last + 1 < len(doc) and doc[first - 1].text == "(" \
        and doc[last + 1].text == ")"


def is_argument(tok: "Token") -> bool:
    """Whether ``tok`` (a mention's root) is a participant of an event: subject, passive agent,
    object of a non-movement verb, possessor of a common noun, partner (``with X``) or owner of
    a body that acts (``the navies of China``)."""
    t = _function(tok)
    head = t.head
    if t.dep_ in ("nsubj", "nsubjpass", "csubj"):
        return True
    if t.dep_ in ("dobj", "dative", "iobj"):
        return head.lemma_.lower() not in MOVEMENT_VERBS
    if t.dep_ == "poss":
        return head.pos_ == "NOUN" and head.lemma_.lower() not in PLACE_PART_NOUNS
    if t.dep_ == "pobj":
        prep = head.lower_
        if prep == "by" and head.head.pos_ in ("VERB", "AUX"):
            return True  # the agent of a passive: "joined by Australia"
        if prep in PARTNER_PREPS:
            return not (prep == "between" and head.head.lemma_.lower() in PATH_NOUNS)
        if prep == "of" and head.head.pos_ == "NOUN":
            noun = head.head.lemma_.lower()
            return noun in holder_nouns() or noun in OWNER_NOUNS or is_event_noun(noun)
    return False


def is_outlet(names: Iterable[str]) -> bool:
    """Whether any of ``names`` (an actor's name and aliases) is a news outlet or agency:
    listed in ``news_outlets.csv``, or ending in a newspaper head word (``The Washington
    Post``).

    >>> is_outlet(["The Guardian"]), is_outlet(["The Washington Post"]), is_outlet(["Nato"])
    (True, True, False)
    """
    outlets, heads = news_outlets()
    for name in names:
        if name.strip().lower().endswith(web_domains()):
            return True  # a web site named by its address: "Znak.com"
        key = name_key(name)
        words = key.split()
        if key in outlets or (len(words) > 1 and words[-1] in heads):
            return True
    return False


def _outlet_taken_for_person(name: str) -> bool:
    """An outlet the tagger took for a person (``Maritime Bulletin``, ``Wikinews``): judged by
    the name shown alone, never by a surname alias (``Bloomberg`` for Michael Bloomberg), and
    not by a head word after a given name (``Emily Post``)."""
    words = name_key(name).split()
    if not words or (len(words) > 1 and words[0] in first_names()):
        return False
    return is_outlet([name])


def actor_roles(doc: "Doc", mentions: Iterable[Mention],
                quotes: Sequence[Quote] = ()) -> dict[str, str]:
    """``{actor: role}`` for every actor of ``mentions``; role is one of :data:`ROLES`.

    ``mentions`` are :class:`~newslab.records.Mention` records (Doc coordinates, as
    :class:`newslab.Analysis` holds them); ``quotes`` attribution records, whose ``actor`` is
    an agent. Rules and sources in the module docstring. Without a dependency parse every
    actor is an ``agent``.

    >>> from newslab.nlp import load_model
    >>> from newslab.extract.entities import entity_mentions
    >>> doc = load_model()("Talks were held in Vienna. Iran said it would attend, "
    ...                    "according to Reuters.")
    >>> sorted(actor_roles(doc, entity_mentions(doc)).items())
    [('Iran', 'agent'), ('Reuters', 'source'), ('Vienna', 'setting')]
    """
    by_actor: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.actor:
            by_actor[m.actor].append(m)
    if not doc.has_annotation("DEP"):
        return {a: "agent" for a in by_actor}
    quoted = {q.actor for q in quotes if q.actor}
    roles = {}
    for actor, ms in by_actor.items():
        named = [m for m in ms if m.kind in NAMED_KINDS and 0 <= m.token_start < m.token_end
                 <= len(doc)]
        roots = [doc[m.token_start:m.token_end].root for m in named]
        typ = _actor_type(ms)
        if typ in _PLACE_TYPES:
            agent = actor in quoted or any(is_argument(r) for r in roots)
            roles[actor] = "agent" if agent else "setting"
        elif typ != "GROUP" and (_outlet_taken_for_person(actor) if typ == "PERSON" else
                                 is_outlet([actor] + [m.text for m in named])):
            credits = [is_credit(r, (m.token_start, m.token_end)) for r, m in zip(roots, named)]
            acts = any(is_argument(r) and not c for r, c in zip(roots, credits))
            roles[actor] = "source" if any(credits) and not acts else "agent"
        else:
            roles[actor] = "agent"
    return roles


def _actor_type(ms: list[Mention]) -> str | None:
    """The actor's type as its named mentions give it (the first named one's cluster type)."""
    return next((m.type for m in ms if m.kind in NAMED_KINDS and m.type), None) or \
        next((m.type for m in ms if m.type), None)

