"""Fast token look-ups over a Doc's arrays: which tokens have a lemma from a lexicon.

Making a spaCy ``Token`` object and reading ``tok.lemma_`` costs far more than reading the
Doc's attribute arrays. Rules that only look at words of a lexicon (reporting nouns, attitude
cues) first ask :func:`lemma_indices` which tokens can match at all, and build Token objects
for those only. Whether a lemma matches is computed once per lemma and lexicon, then cached
(``lemma.lower() in lexicon``: exactly the test the rules apply to each token).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Collection

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

#: ``id(lexicon) -> {lemma hash: matches}``; lexicons are the long-lived sets of the loaders.
_MATCHES: dict[int, tuple[Collection[str], dict[int, bool]]] = {}
#: ``doc.user_data`` key of the Doc's text (spaCy joins every token on each ``doc.text``).
TEXT_KEY = "newslab_text"


def lemma_indices(doc: "Doc", lexicon: Collection[str]) -> list[int]:
    """Indices of the tokens of ``doc`` whose lower-cased lemma is in ``lexicon``, in order.

    >>> from newslab.nlp import load_model
    >>> doc = load_model()("Critics voiced concern. Their concerns grew.")
    >>> lemma_indices(doc, frozenset({"concern"}))
    [2, 5]
    """
    if not len(doc):
        return []
    from spacy.attrs import LEMMA

    entry = _MATCHES.get(id(lexicon))
    if entry is None or entry[0] is not lexicon:
        entry = _MATCHES[id(lexicon)] = (lexicon, {})
    known = entry[1]
    strings = doc.vocab.strings
    out = []
    for i, h in enumerate(doc.to_array(LEMMA).tolist()):
        hit = known.get(h)
        if hit is None:
            hit = known[h] = strings[h].lower() in lexicon
        if hit:
            out.append(i)
    return out


def entity_range(tok: "Token") -> tuple[int, int]:
    """Token range ``[start, end)`` of the named entity ``tok`` is in (``(i, i + 1)`` outside
    any entity), read from the IOB tags.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["Mr", "Ola", "Dahl", "spoke"], ents=["O", "B-PERSON",
    ...                                                                  "I-PERSON", "O"])
    >>> entity_range(doc[2]), entity_range(doc[1]), entity_range(doc[3])
    ((1, 3), (1, 3), (3, 4))
    """
    doc, start, end = tok.doc, tok.i, tok.i + 1
    if tok.ent_iob_ == "O" or not tok.ent_iob_:
        return start, end
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def text_of(doc: "Doc") -> str:
    """``doc.text``, built once per Doc and kept in ``doc.user_data`` (the Doc is never
    changed after the pipeline ran)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def dep_pos_indices(doc: "Doc", deps: Collection[str], pos: Collection[str]) -> list[int]:
    """Indices of the tokens whose dependency label is in ``deps`` and part of speech in
    ``pos`` (read from the Doc's arrays, no Token objects made), in order.

    >>> from newslab.nlp import load_model
    >>> doc = load_model()("Jane Roe said the plan failed.")
    >>> dep_pos_indices(doc, {"nsubj"}, {"PROPN", "NOUN"})
    [1, 4]
    """
    if not len(doc):
        return []
    import numpy as np
    from spacy.attrs import DEP, POS

    strings = doc.vocab.strings
    arr = doc.to_array([DEP, POS]).astype("uint64")
    dep_ids = np.array([strings.add(d) for d in deps], dtype="uint64")
    pos_ids = np.array([strings.add(p) for p in pos], dtype="uint64")
    return np.flatnonzero(np.isin(arr[:, 0], dep_ids) & np.isin(arr[:, 1], pos_ids)).tolist()
