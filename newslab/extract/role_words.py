"""Role nouns as the text uses them: which role a noun names, and whether its phrase is indefinite.

A role noun (``minister``, ``chief``, ``prime minister``) is looked up in
``lexicons/role_nouns.csv`` by its lemma, a two-word role first and a hyphenated one
(``front-runner``) before that. Used by the resolver (:mod:`newslab.extract.coref`) and by the
organisation references (:mod:`newslab.extract.org_references`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicons import role_nouns

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

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
