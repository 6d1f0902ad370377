"""First-person words inside a direct quotation refer to its speaker.

``"I will not resign," Rosselló said`` — *I* is Rosselló. Inside the quotation a speaker's
*I/me/my* is the speaker, and an organisation's or a country's *we/our/us* is that body (Lee et
al. 2013, the speaker sieve of Stanford's deterministic coreference: "I" and "my" in a quotation
corefer with its speaker). A person's *we* is a group that includes them, not the person, so it
stays unlinked — unless the text gave the person an office of a named body (``Iran's President
Rouhani``, ``a spokeswoman for Acme``): then *we/our* is that body, the institutional *we*
(:mod:`newslab.extract.affiliation`). Runs after attribution (it needs each quotation's
actor), so these mentions go into the mentions and actors tables, not into the mentions
attribution reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from ..records import Mention, Quote
from .affiliation import affiliations

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

#: Words for the speaker themself.
SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
#: Words a body uses for itself ("we", "our").
PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
#: Actor types that speak as "we".
BODY_TYPES = frozenset({"ORG", "GPE", "NORP", "GROUP"})


def first_person_mentions(doc: "Doc", quotes: Sequence[Quote],
                          mentions: Sequence[Mention]) -> list[Mention]:
    """Pronoun mentions (kind ``pronoun``) for first-person words inside each direct quotation
    whose speaker has an actor, linked to that actor; Doc characters, end-exclusive. Words
    already a mention are left alone.

    >>> from newslab.nlp import load_model
    >>> from newslab.extract.attribution import attributions, named_mentions
    >>> doc = load_model()('"I will not resign," Angela Merkel said.')
    >>> named = named_mentions(doc)
    >>> [(m.text, m.actor) for m in first_person_mentions(doc, attributions(doc, named), named)]
    [('I', 'Angela Merkel')]
    """
    types = {m.actor: m.type for m in mentions if m.actor}
    offices = affiliations(doc, [m for m in mentions if m.kind not in ("pronoun", "nominal")])
    taken = {m.start for m in mentions}
    out: list[Mention] = []
    for q in quotes:
        if q.kind != "direct" or not q.actor:
            continue
        body = types.get(q.actor) in BODY_TYPES
        for s, e in q.fragments:
            for tok in doc.char_span(s, e, alignment_mode="expand") or ():
                word = tok.lower_
                if tok.idx in taken or not (word in SINGULAR and not body
                                            or word in PLURAL and (body or q.actor in offices)):
                    continue
                who = q.actor if body or word in SINGULAR else offices[q.actor]
                out.append(Mention(tok.text, tok.idx, tok.idx + len(tok), tok.i, tok.i + 1,
                                   types.get(who) or "PERSON", who, types.get(who), "pronoun"))
                taken.add(tok.idx)
    return out
