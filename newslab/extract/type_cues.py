"""Types the wording of the text gives a name, against the tagger's guess.

News copy introduces an organisation by what it is: a descriptor noun before the name (``the
carmaker Voltura``, ``the rocket firm Skyreach``), an apposition after it (``UpGuard, a
cybersecurity firm,``), or a neuter possessive that refers back to it (``Twitter said its board
would study the offer``) — AP Stylebook, "company names" and "it"; the same cues Lee et al.
(2013) use for mention attributes. :func:`text_type` reads them for one name; the actor's type
is then decided over all its mentions (:func:`newslab.extract.entities` votes), never by the
first one.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from ..lexicons import first_names, org_descriptors, person_nouns, role_nouns
from .name_repair import ORG_WORDS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

#: Business descriptors besides ``lexicons/org_descriptors.csv`` (nouns that name what a company
#: does; any noun ending in ``-maker`` too: carmaker, chipmaker, drugmaker).
COMPANY_NOUNS = frozenset({
    "automaker", "manufacturer", "retailer", "chain", "startup", "start-up", "airline", "carrier",
    "insurer", "publisher", "developer", "operator", "provider", "conglomerate", "brewer",
    "charity", "broadcaster", "outlet", "club", "team", "supplier", "utility", "exchange",
    "platform", "corporation", "business", "enterprise", "subsidiary", "nonprofit"})
#: Role nouns that places and organisations hold too (``China, the host of the games``,
#: ``Voltura, the market leader``): no sign of a person.
SHARED_ROLES = frozenset({"host", "leader", "head", "chief", "chair", "candidate", "nominee",
                          "frontrunner", "front-runner", "actor", "boss", "manager", "body"})
#: Posts in a company: ``the chief executive of X`` makes X an organisation (a person or a
#: place has no chief executive or board).
COMPANY_ROLES = frozenset({"executive", "ceo", "chairman", "chairwoman", "chairperson",
                           "founder", "co-founder", "cofounder", "shareholder", "investor",
                           "employee", "board", "cfo", "coo", "director", "owner",
                           "workforce", "subsidiary", "headquarters"})
#: What only a place has: ``the mayor of X``, ``X's governor``, ``the residents of X``.
PLACE_ROLES = frozenset({"mayor", "governor", "resident", "inhabitant", "citizen", "capital",
                         "province", "suburb", "outskirts", "mayoralty", "townspeople"})
#: Nouns for a part of a place: ``a Chelsea neighborhood``, ``the Velmora district``.
PLACE_AREAS = frozenset({"neighborhood", "neighbourhood", "district", "suburb", "borough",
                         "county", "province", "region", "municipality", "township"})
#: What only a company has, said with a possessive or a modifier: ``Brennwerk shares fell``,
#: ``Brennwerk's founder`` (a city has a board and a director too, but no shareholders).
COMPANY_ASSETS = frozenset({"share", "stock", "shareholder", "stockholder", "ceo", "cfo",
                            "coo", "chairman", "chairwoman", "founder", "co-founder",
                            "cofounder", "subsidiary", "executive"})
#: Verbs of motion and location whose locative object is a place (Levin 1993, §51, §47.1).
MOTION_VERBS = frozenset({"travel", "fly", "arrive", "drive", "sail", "relocate", "emigrate",
                          "immigrate", "flee", "evacuate", "commute", "journey", "trek", "land",
                          "live", "reside", "base", "headquarter", "locate", "head", "walk",
                          "deport", "airlift", "bear", "raise", "grow"})
#: Prepositions whose object, after a verb of motion or location, is a place.
LOCATIVE_PREPS = frozenset({"to", "in", "into", "from", "at", "near"})
#: Prepositions whose object is where something is, never a person.
SETTING_PREPS = frozenset({"in", "at", "near", "into", "inside", "across", "throughout",
                           "outside", "within"})
#: Last words that make a capitalised name a place, whatever its first word (``Victoria Falls``).
PLACE_HEADS = frozenset({"city", "county", "beach", "falls", "lake", "bay", "island", "islands",
                         "springs", "heights", "park", "valley", "river", "mountain", "hills",
                         "harbor", "harbour", "port", "street", "avenue", "square", "bridge"})
#: Entity labels a given name does not override (the tagger's reading of a place name).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: How many modifier words may stand between the article and the descriptor ("the rocket firm").
MAX_MODIFIERS = 3


def _descriptor(lemma: str) -> bool:
    lemma = lemma.lower()
    return lemma in COMPANY_NOUNS or lemma in org_descriptors() or (
        lemma.endswith("maker") and len(lemma) > 5)


def _before(doc: "Doc", start: int) -> bool:
    """``the carmaker Voltura``: a descriptor noun right before the name."""
    i = start - 1
    return i >= 0 and doc[i].pos_ == "NOUN" and _descriptor(doc[i].lemma_)


def _apposition_head(doc: "Doc", end: int):
    """The head noun of an apposition right after the name: ``UpGuard, a cybersecurity firm,``,
    ``Ottavia Brenn, the chief executive of Brennwerk,``, ``Ana Ruiz, Voltura's director,``:
    a comma, an article or a possessive name, modifiers, a head. ``None`` when there is none."""
    if end + 2 >= len(doc) or doc[end].text != ",":
        return None
    i = end + 1
    if doc[i].lower_ in ("a", "an", "the"):
        i += 1
    elif doc[i].pos_ == "PROPN":
        while i < len(doc) and doc[i].pos_ == "PROPN" and i < end + 4:
            i += 1
        if i >= len(doc) or doc[i].tag_ != "POS":
            return None
        i += 1
    else:
        return None
    head = None
    for k in range(i, min(i + 2 + MAX_MODIFIERS, len(doc))):
        tok = doc[k]
        if tok.pos_ not in ("NOUN", "ADJ", "PROPN", "PART") and tok.text != "-":
            break
        head = tok  # the group's last word is its head ("the consumer group's director")
    return head if head is not None and head.pos_ == "NOUN" else None


def _apposition(head: "Token | None") -> bool:
    """``UpGuard, a cybersecurity firm,``: an apposition (head ``head``) headed by a
    descriptor."""
    return head is not None and _descriptor(head.lemma_)


def _person_apposition(root: "Token", end: int, head: "Token | None") -> bool:
    """``Ottavia Brenn, the chief executive of Brennwerk,``: an apposition headed by a noun that
    names a person (:func:`_person_role`). Not after ``in``/``at`` (``In Tulsa, a man …`` is a
    fronted place, not an apposition)."""
    if root.dep_ == "pobj" and root.head.lower_ in SETTING_PREPS:
        return False
    return head is not None and _person_role(head.lemma_) and head.dep_ == "appos" and \
        end - 1 <= head.head.i < end + 1  # not a fronted phrase: "In Tulsa, a man …"


def _person_role(lemma: str) -> bool:
    """A noun that names a person: a role (``lexicons/role_nouns.csv`` less
    :data:`SHARED_ROLES`), an occupation (``lexicons/person_nouns.csv``), or a noun of an
    agent suffix (``-ist``, ``-ian``: ``geologist``, ``historian``)."""
    lemma = lemma.lower()
    if lemma in SHARED_ROLES:
        return False
    return lemma in role_nouns() or lemma in person_nouns() or \
        len(lemma) > 6 and lemma.endswith(("ist", "ian"))


def _holder_of(doc: "Doc", root: "Token", end: int) -> bool:
    """``the chief executive of Brennwerk``, ``Brennwerk's founder``, ``Brennwerk shares``: the
    name is what a company post (:data:`COMPANY_ROLES`) or a company's shares
    (:data:`COMPANY_ASSETS`) belong to, so it is an organisation."""
    if root.dep_ == "pobj" and root.head.lower_ in ("of", "at") and root.head.dep_ == "prep":
        return root.head.head.lemma_.lower() in COMPANY_ROLES
    head = root.head.lemma_.lower()
    if root.head.pos_ != "NOUN":
        return False
    if root.dep_ == "poss" or (end < len(doc) and doc[end - 1].tag_ == "POS"):
        return head in COMPANY_ASSETS  # not "Washington's board": a city has one too
    return root.dep_ == "compound" and head in COMPANY_ASSETS  # not "Hollywood director"


def _place_of(doc: "Doc", root: "Token", end: int) -> bool:
    """``the mayor of Sarandí``, ``Sarandí's governor``, ``residents of Sarandí``, ``a Sarandí
    neighbourhood``: the name is what a mayor, governor or resident belongs to
    (:data:`PLACE_ROLES`) or names a part of a place (:data:`PLACE_AREAS`), so it is a place."""
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.dep_ == "prep":
        return root.head.head.lemma_.lower() in PLACE_ROLES
    if root.head.pos_ != "NOUN":
        return False
    if root.dep_ == "poss" or (end < len(doc) and doc[end - 1].tag_ == "POS"):
        return root.head.lemma_.lower() in PLACE_ROLES
    return root.dep_ == "compound" and root.head.lemma_.lower() in PLACE_AREAS


def _destination(doc: "Doc", root: "Token", start: int) -> bool:
    """``she would travel to Boise``, ``arrived in Boise``, ``based in Boise``, ``born in
    Boise``: the object of a locative preposition after a verb of motion or location is a place
    (Levin 1993, §51 "verbs of motion"; §47.1 "exist": ``live``, ``reside``)."""
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
        verb = root.head.head
        return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in MOTION_VERBS
    # the parser may misread an unknown name after "to" as a verb ("flew to Carnhollow to …")
    return start >= 2 and doc[start - 1].lower_ in LOCATIVE_PREPS and \
        doc[start - 2].lemma_.lower() in MOTION_VERBS and doc[start - 2].pos_ == "VERB"


def _neuter_possessive(doc: "Doc", start: int, end: int) -> bool:
    """``Twitter said its board …``: the name is the subject and ``its`` follows its verb."""
    head = doc[end - 1]
    if head.dep_ != "nsubj":
        return False
    verb = head.head
    for tok in doc[verb.i + 1:min(verb.i + 4, verb.sent.end)]:
        if tok.lower_ in ("its", "itself"):
            return True
        if tok.pos_ in ("PROPN", "NOUN") or tok.lower_ in ("his", "her", "their"):
            return False
    return False


def text_type(doc: "Doc", start: int, end: int) -> str | None:
    """The type the wording around the name at tokens ``[start, end)`` gives it, else ``None``.

    ``"ORG"``: a descriptor before it or in apposition (``the carmaker Voltura``), ``X said
    its``, or a company post it holds (``the chief executive of X``). ``"PERSON"``: an
    apposition headed by a role only a person holds (``X, the chief executive of Y,``).
    ``"GPE"``: the destination or location of a verb of motion (``travel to X``), or what a
    mayor, governor or resident belongs to (``the mayor of X``).

    >>> from newslab.nlp import load_model
    >>> doc = load_model()("He owns the carmaker Voltura. Twitter said its board met.")
    >>> text_type(doc, 4, 5), text_type(doc, 6, 7)
    ('ORG', 'ORG')
    """
    if not doc.has_annotation("DEP"):
        return None
    root, appos = doc[start:end].root, _apposition_head(doc, end)
    if _before(doc, start) or _apposition(appos) or _neuter_possessive(doc, start, end) or \
            _holder_of(doc, root, end):
        return "ORG"
    if _person_apposition(root, end, appos):
        return "PERSON"
    if _destination(doc, root, start) or _place_of(doc, root, end):
        return "GPE"
    return None


def given_name_type(doc: "Doc", start: int, end: int, label: str) -> str | None:
    """``"PERSON"`` when the name at tokens ``[start, end)`` (no title, no article) opens with a
    known given name (``lexicons/given_names.csv``, ``first_names.csv``) and reads as a
    personal name: two to four capitalised proper nouns, none an organisation or place word,
    the last not a given name too (``Morgan Stanley``), and not a place by the tagger unless
    nothing else says so. Else ``None``.

    >>> from newslab.nlp import load_model
    >>> doc = load_model()("Wanda Garced met Morgan Stanley bankers.")
    >>> given_name_type(doc, 0, 2, "ORG"), given_name_type(doc, 3, 5, "ORG")
    ('PERSON', None)
    """
    if end - start < 2 or end - start > 4 or label in PLACE_LABELS:
        return None
    names = first_names()
    words = doc[start:end]
    if _folded(words[0].lower_) not in names or _folded(words[-1].lower_) in names:
        return None
    if words[-1].lower_ in PLACE_HEADS or any(
            not (t.text[:1].isupper() and t.pos_ == "PROPN") or _descriptor(t.lemma_)
            or t.lower_ in ORG_WORDS for t in words):
        return None
    return "PERSON"


def _folded(word: str) -> str:
    """``lucía`` -> ``lucia``: the census lists are written without accents."""
    if word.isascii():
        return word
    return "".join(ch for ch in unicodedata.normalize("NFKD", word)
                   if not unicodedata.combining(ch))


#: Weights of one mention's vote: what the wording says outright, a given name, the tagger.
CUE_WEIGHT, NAME_WEIGHT, TAGGER_WEIGHT = 2.0, 1.5, 1.0


def mention_cue(doc: "Doc", start: int, end: int, name: tuple[int, int],
                label: str) -> tuple[str, float] | None:
    """What the text says of one mention's type, as a vote ``(type, weight)``, else ``None``.

    ``[start, end)`` is the mention's span, ``name`` the token range of the bare name (no
    title or article), ``label`` the tagger's. The wording around the mention
    (:func:`text_type`) counts most, then a given name (:func:`given_name_type`); without
    either the mention votes for the tagger's label (weight :data:`TAGGER_WEIGHT`).
    """
    typ = text_type(doc, start, end)
    if typ:
        return typ, CUE_WEIGHT
    typ = given_name_type(doc, name[0], name[1], label)
    return (typ, NAME_WEIGHT) if typ else None


def vote(cues: "list[tuple[str, float] | None]", labels: "list[str]") -> str | None:
    """The type of an actor from all of its mentions, never from the first one alone.

    ``cues``: one entry per mention, the vote :func:`mention_cue` gives it (``None`` where the
    text says nothing); ``labels``: the tagger's label of each mention. Each wording cue counts
    on its own (each is a separate observation of the context); a given name counts once (one
    name, read once); and the tagger counts once, its weight :data:`TAGGER_WEIGHT` shared out
    by its labels (the tagger labelling the same string again and again is one guess, not
    many). The type with the most weight wins; on a tie, the one with the strongest single
    vote, then the most mentions. ``None`` when there is nothing to count.

    >>> vote([None, ("PERSON", 2.0), None], ["ORG", "ORG", "ORG"])
    'PERSON'
    >>> vote([("PERSON", 1.5), ("PERSON", 1.5)], ["ORG", "ORG"])
    'PERSON'
    >>> vote([None, ("ORG", 2.0)] + [None] * 8, ["PERSON"] * 10)
    'ORG'
    """
    total: dict[str, list[float]] = {}
    named = set()
    for cue in cues:
        if cue is None:
            continue
        typ, weight = cue
        if weight == NAME_WEIGHT:
            if typ in named:
                continue
            named.add(typ)
        total.setdefault(typ, []).append(weight)
    for label in labels:
        total.setdefault(label, []).append(TAGGER_WEIGHT / len(labels))
    if not total:
        return None
    return max(total, key=lambda t: (round(sum(total[t]), 6), max(total[t]), len(total[t])))
