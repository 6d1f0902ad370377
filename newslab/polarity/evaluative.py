"""Evaluative predications inside reported speech: ``X said the extension was not a bad idea``.

A speaker who calls something good or bad takes a position on it even with no attitude verb:
``said [the extension] was not a bad idea`` supports the extension. :func:`clause_evaluation`
finds, in a reported clause, an evaluative word (``lexicons/evaluative_words.csv``) predicated
of the clause's subject, with the negation of its copula applied (``not a bad idea`` ->
support; the negated negative of Horn 1989, *A Natural History of Negation*, ch. 5: a litotes
that affirms the contrary). The scoring itself is :func:`newslab.polarity.rules._evaluation_of`,
shared with the actor-stance rules
(:mod:`newslab.polarity.rules`). Used by :mod:`newslab.extract.statements`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicons import evaluative_words
from ..nlp.syntax import negation as _negated
from .lexicon import POLARITY_SIGN
from .rules import _evaluation_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

#: Dependencies of a subject whose clause may say how it is judged.
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def clause_evaluation(head: "Token") -> tuple[str, str, "Token", "Token"] | None:
    """``(label, evidence, evaluative word, subject)`` for the clause headed by ``head`` when
    it judges its subject (``the extension was not a bad idea`` -> ``support``), else None.

    >>> import spacy; nlp = spacy.load("en_core_web_sm")                       # doctest: +SKIP
    >>> doc = nlp("She said the extension was not a bad idea.")                # doctest: +SKIP
    >>> clause_evaluation(doc[4])[:2]                                          # doctest: +SKIP
    ('support', 'not + bad -> support')
    """
    subj = next((c for c in head.children if c.dep_ in _SUBJECT_DEPS), None)
    if subj is None or subj.lower_ in ("it", "this", "that", "there") and head.lemma_ == "be" \
            and any(c.dep_ in ("ccomp", "xcomp") for c in head.children):
        return None  # "it was a bad idea to ...": the judgement is of the clause, not "it"
    found = _evaluation_of(subj)
    if found is None:
        return None
    label, word = found
    neg = _negated(word) or (word.dep_ == "amod" and _negated(word.head))
    evidence = (f"{neg} + " if neg else "") + f"{word.text} -> {label}"
    return label, evidence, word, subj


def words_evaluation(tokens) -> tuple[str, str, "Token"] | None:
    """``(label, evidence, first word)`` from the evaluative words of a quotation that has no
    attitude cue and no judged subject: the balance of ``support`` and ``oppose`` words
    (``lexicons/evaluative_words.csv``), each flipped under a negation on it or its head;
    None on a tie. A speaker's evaluative vocabulary is the subjective expression of their
    attitude (Wiebe, Wilson & Cardie 2005, "Annotating expressions of opinions and emotions in
    language": expressive subjective elements of a source).

    >>> import spacy; nlp = spacy.load("en_core_web_sm")                         # doctest: +SKIP
    >>> words_evaluation(nlp("He knows the declaration is unwarranted."))[:2]   # doctest: +SKIP
    ('oppose', 'unwarranted -> oppose')
    """
    table = evaluative_words()
    total, hits = 0, []
    for t in tokens:
        pol = table.get(t.lemma_.lower()) or table.get(t.lower_)
        if pol not in ("support", "oppose"):
            continue
        neg = _negated(t) or (t.dep_ == "amod" and _negated(t.head))
        total += POLARITY_SIGN[pol] * (-1 if neg else 1)
        hits.append((t, neg))
    if not hits or total == 0:
        return None
    label = "support" if total > 0 else "oppose"
    shown = ", ".join((f"{neg} + " if neg else "") + t.text for t, neg in hits[:4])
    return label, f"{shown} -> {label}", hits[0][0]
