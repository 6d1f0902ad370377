"""Names that are never actors: time zones, days, months, planets, platforms used as media and
events, dropped from the named mentions before actors are built.

spaCy's small English model tags "UTC" as ORG and "Twitter" as PERSON in news text, and files
events ("the Chicago Marathon", "the Iran–Iraq War") under ORG or FAC; each then became an actor
(issue 13: in a 100-article corpus "UTC" was an ORG in 29 articles, "Twitter" a PERSON in 25).
The forms are listed in ``lexicons/not_actors.csv`` (:func:`newslab.lexicons.not_actor_forms`,
sources in its header):

* ``time_zone``, ``day``, ``month``, ``celestial`` - the mention is dropped wherever it occurs.
* ``platform`` - a web site or service is dropped only where it is the *medium* of a message:
  the object of ``on``/``via``/``through``/``onto``/``to``/``in`` (``said on Twitter``, ``wrote on
  Facebook``, ``posted to YouTube``) or a modifier of another noun (``a Facebook post``, ``his
  Twitter account``), or the object of *use*, *join*, *quit* or *leave* (``she used Instagram
  to thank supporters``). Where it acts (``Twitter said its board…``, ``Facebook removed the
  posts``) it stays an organisation. The AP Stylebook's social-media guidelines treat a platform
  in these frames as the channel a source used, not as the source.
* ``disease`` - a disease or its agent (``COVID-19``, ``Ebola``), dropped wherever it occurs:
  what happens to people, not a party to the news (spaCy's model tags it ORG or PERSON).
* ``event_prefix`` - a name of two or more words whose first word names an event (``Hurricane
  Dorian``, ``Typhoon Phanfone``, ``Battle of Britain``): an event, as ``event_head``.
* ``event_head`` - a name of two or more words whose last word names an event (``Marathon``,
  ``War``, ``Week``, ``Cup``…) is an event, as OntoNotes 5.0 labels it (EVENT), never an actor.

* ``product_noun`` - a name used for a product or a work: a modifier of an artefact noun
  (``the Kepler space telescope``, ``Martha Stewart brands``), a name right after one (``the
  constellation Leo``, the descriptor-before-name pattern) or an example listed under one
  (``brands including Craftsman Tools``). OntoNotes 5.0 labels these PRODUCT or WORK_OF_ART.
  Only that mention is dropped: the same name acting elsewhere stays an actor.

A later engineer adding forms should keep to names that cannot be actors in news text; names
that are sometimes actors (outlets, cities) get a *role* instead (:mod:`.actor_roles`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from ..lexicons import name_key, not_actor_forms
from ..records import Mention

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

#: Kinds of ``not_actors.csv`` dropped wherever they occur.
ALWAYS = frozenset({"time_zone", "day", "month", "celestial", "disease"})
#: Words that number an event after its head (``World War II``, ``Super Bowl LIV``, ``Expo
#: 2020``): looked past when the head is sought.
_ROMAN = set("ivxlcdm")
NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight",
                          "nine", "ten"})
#: Prepositions whose object, when a platform, is the medium of a message ("on Twitter").
MEDIUM_PREPS = frozenset({"on", "via", "through", "onto", "to", "in", "across"})
#: Dependencies of a name that modifies another noun ("a Facebook post", "Twitter account"); not
#: a possessive: "Twitter's board", "NASA's telescope" name an owner, an agent.
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def not_actor_kind(doc: "Doc", m: Mention) -> str | None:
    """Why mention ``m`` names no actor (a ``not_actors.csv`` kind), or ``None`` when it may.

    >>> from newslab.nlp import load_model
    >>> from newslab.extract.entities import entity_mentions
    >>> doc = load_model()("The mayor said on Twitter at 9 p.m. UTC that Twitter had sued him.")
    >>> [(m.text, not_actor_kind(doc, m)) for m in entity_mentions(doc)]
    [('Twitter', 'platform'), ('UTC', 'time_zone'), ('Twitter', None)]
    """
    forms = not_actor_forms()
    key = name_key(m.text)
    kind = forms.get(key)
    if kind in ALWAYS:
        return kind
    if kind == "platform":
        return kind if _is_medium(doc, m) else None
    if _is_product(doc, m, forms):
        return "product_noun"
    words = key.split()
    while len(words) > 2 and _counts_event(words[-1]):
        words = words[:-1]  # "world war ii" -> "world war"
    if len(words) > 1 and (forms.get(words[-1]) == "event_head"
                           or forms.get(" ".join(words[-2:])) == "event_head"):
        return "event_head"
    if len(words) > 1 and (forms.get(words[0]) == "event_prefix"
                           or forms.get(" ".join(words[:2])) == "event_prefix"):
        return "event_prefix"
    return None


def _counts_event(word: str) -> bool:
    """A word that numbers an event: digits, a Roman numeral, a number word."""
    return word.isdigit() or word in NUMBER_WORDS or (len(word) <= 5 and set(word) <= _ROMAN)


def _is_medium(doc: "Doc", m: Mention) -> bool:
    """A platform mention used as the channel of a message (see the module docstring)."""
    if not doc.has_annotation("DEP") or not 0 <= m.token_start < m.token_end <= len(doc):
        return False
    root: "Token" = doc[m.token_start:m.token_end].root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ in MEDIUM_PREPS:
        return True
    if root.dep_ == "dobj" and root.head.lemma_.lower() in ("use", "join", "quit", "leave"):
        return True  # an instrument or a venue: "she used Instagram to thank supporters"
    return root.dep_ in MODIFIER_DEPS and root.head.pos_ == "NOUN"


#: Heads of an example list ("brands, including Craftsman Tools", "such as", "like").
LIST_HEADS = frozenset({"including", "include", "like", "as"})


def _is_product(doc: "Doc", m: Mention, forms: dict[str, str]) -> bool:
    """A mention naming a product or work (see ``product_noun`` in the module docstring)."""
    if not doc.has_annotation("DEP") or not 0 <= m.token_start < m.token_end <= len(doc):
        return False

    def artefact(tok: "Token") -> bool:
        return tok.pos_ == "NOUN" and forms.get(tok.lemma_.lower()) == "product_noun"

    if m.token_start > 0 and artefact(doc[m.token_start - 1]):
        return True  # "the constellation Leo"
    root: "Token" = doc[m.token_start:m.token_end].root
    for _ in range(8):
        if root.dep_ == "conj" and root.head is not root:
            root = root.head
        else:
            break
    if root.dep_ in MODIFIER_DEPS and artefact(root.head):
        return True
    if root.dep_ == "pobj" and root.head.lower_ in LIST_HEADS:
        return artefact(root.head.head) or artefact(root.head.head.head)
    return False


def drop_not_actors(doc: "Doc", mentions: Iterable[Mention]) -> list[Mention]:
    """``mentions`` without those :func:`not_actor_kind` rejects, order kept.

    Input and output: :class:`~newslab.records.Mention` records in Doc coordinates. Never
    raises for a Doc without a parse (platforms are then kept: no frame can be read).
    """
    return [m for m in mentions if not_actor_kind(doc, m) is None]
