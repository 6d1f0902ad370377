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

from typing import TYPE_CHECKING

from ..lexicons import org_descriptors

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

#: Business descriptors besides ``lexicons/org_descriptors.csv`` (nouns that name what a company
#: does; any noun ending in ``-maker`` too: carmaker, chipmaker, drugmaker).
COMPANY_NOUNS = frozenset({
    "automaker", "manufacturer", "retailer", "chain", "startup", "start-up", "airline", "carrier",
    "insurer", "publisher", "developer", "operator", "provider", "conglomerate", "brewer",
    "charity", "broadcaster", "outlet", "club", "team", "supplier", "utility", "exchange",
    "platform", "corporation", "business", "enterprise", "subsidiary", "nonprofit"})
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


def _apposition(doc: "Doc", end: int) -> bool:
    """``UpGuard, a cybersecurity firm,``: a comma, an article, modifiers, a descriptor."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ("a", "an", "the"):
        return False
    head = None
    for i in range(end + 2, min(end + 4 + MAX_MODIFIERS, len(doc))):
        tok = doc[i]
        if tok.pos_ not in ("NOUN", "ADJ", "PROPN", "PART") and tok.text != "-":
            break
        head = tok  # the group's last word is its head ("the consumer group's director")
    return head is not None and head.pos_ == "NOUN" and _descriptor(head.lemma_)


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
    """``"ORG"`` when the wording around the name at tokens ``[start, end)`` says it is an
    organisation, else ``None``.

    >>> from newslab.nlp import load_model
    >>> doc = load_model()("He owns the carmaker Voltura. Twitter said its board met.")
    >>> text_type(doc, 4, 5), text_type(doc, 6, 7)
    ('ORG', 'ORG')
    """
    if not doc.has_annotation("DEP"):
        return None
    if _before(doc, start) or _apposition(doc, end) or _neuter_possessive(doc, start, end):
        return "ORG"
    return None
