"""Long texts: read in parts, joined back into one Doc.

spaCy refuses a text above ``nlp.max_length`` (error E088) because the parser's and the entity
recogniser's working memory grows with the text read at once (about 3 GB per million
characters with en_core_web_sm, measured). newslab cuts any text longer than a long article into
parts of at most :data:`~newslab.limits.PART_CHARS` characters, runs the pipeline over the
parts (``nlp.pipe``) and joins the parts' Docs with ``Doc.from_docs`` into ONE Doc whose text is
exactly the original text. Everything after that is unchanged: offsets map back to the
article through the same segments, sentences, entities and the parse are the parts' own, and
every table (quotes, actors, statements…) is computed over the whole Doc, so a quotation that
runs across a cut is paired like any other, an actor named in part one is the same actor in
part two, and nothing needs de-duplicating or renumbering.

Where the cuts fall (:func:`part_bounds`), best first:

1. right after a blank line — the separator newslab puts between blocks. No sentence spans a
   block boundary (``newslab_paragraph_breaks`` starts one after every blank line), so such a
   cut changes no sentence, no parse and no entity;
2. after a sentence end (``.``, ``!``, ``?``, optionally closed by a quote mark or bracket,
   then a space) inside a block longer than a part — the parse of that one sentence pair may
   differ, nothing is lost;
3. after any whitespace (a single line of a million words without full stops);
4. anywhere (a million characters without a space): the token at the cut is split in two.

Each cut is looked for in the second half of the part's window, so parts are never tiny and
their number grows linearly with the text. The parts go through the pipeline one at a time, so
peak memory is one part's working memory plus the parts' Docs and the joined Doc (both linear in
the length and small: about 30 MB per 250,000 characters), never a quadratic cost.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import limits

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

#: A blank line: newslab's block separator, the preferred cut.
_BLOCK_BREAK = re.compile(r"\n[ \t]*\n\s*")
#: A sentence end then whitespace: full stop, question or exclamation mark, optionally closed by
#: a quotation mark or bracket (``said "yes." Then``).
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
_SPACE = re.compile(r"\s+")


def _last_cut(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> int | None:
    """End of the last match of ``pattern`` ending in ``(lo, hi]``, or ``None``."""
    cut = None
    for m in pattern.finditer(text, lo, hi):
        cut = m.end()
    return cut


def part_bounds(text: str, max_chars: int | None = None) -> list[tuple[int, int]]:
    """Cut ``text`` into contiguous ``(start, end)`` parts of at most ``max_chars`` characters.

    Character offsets, end-exclusive; the parts cover the text exactly, in order. Cuts prefer a
    blank line, then a sentence end, then whitespace (see the module docstring). ``max_chars``
    defaults to :data:`newslab.limits.PART_CHARS`; below 2 it raises ``ValueError``.

    >>> text = "First paragraph here.\\n\\nSecond one.\\n\\nThird."
    >>> [text[s:e] for s, e in part_bounds(text, 30)]
    ['First paragraph here.\\n\\n', 'Second one.\\n\\nThird.']
    >>> line = "A sentence. Another one here. End."
    >>> [line[s:e] for s, e in part_bounds(line, 20)]
    ['A sentence. ', 'Another one here. ', 'End.']
    >>> part_bounds("", 10)
    []
    """
    max_chars = limits.PART_CHARS if max_chars is None else max_chars
    if max_chars < 2:
        raise ValueError("max_chars must be at least 2")
    bounds = []
    start, n = 0, len(text)
    while start < n:
        hi = min(start + max_chars, n)
        if hi == n:
            bounds.append((start, n))
            break
        lo = start + max_chars // 2
        cut = None
        for pattern in (_BLOCK_BREAK, _SENTENCE_END, _SPACE):
            cut = _last_cut(pattern, text, lo, hi)
            if cut is not None and cut > start:
                break
            cut = None
        cut = cut or hi
        bounds.append((start, cut))
        start = cut
    return bounds


def doc_in_parts(nlp: "Language", text: str, *, max_chars: int | None = None,
                 batch_size: int = 1) -> "Doc":
    """Run ``nlp`` over ``text`` in parts (:func:`part_bounds`) and join them into one Doc.

    Returns a spaCy ``Doc`` with ``doc.text == text``, its tokens, sentences, entities and parse
    taken from the parts (token and character offsets are those of the whole text). The Doc
    carries no ``tensor`` (newslab reads none; it would double the memory). Any length works;
    each pipeline call reads at most ``max_chars`` characters.

    >>> import newslab
    >>> nlp = newslab.load_model()                                  # doctest: +SKIP
    >>> doc = doc_in_parts(nlp, "Rasmussen said so.\\n\\n" * 80_000)  # doctest: +SKIP
    >>> len(doc.text), len(list(doc.sents))                         # doctest: +SKIP
    (1600000, 80000)
    """
    from spacy.tokens import Doc

    bounds = part_bounds(text, max_chars)
    if not bounds:
        return nlp(text)
    docs = list(nlp.pipe((text[s:e] for s, e in bounds), batch_size=batch_size))
    for d in docs:
        d.tensor = None  # not needed by newslab; frees memory before the join
    doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])
    if doc.text != text:  # pragma: no cover - from_docs keeps text exactly; never silent drift
        raise RuntimeError("newslab: joining the parts of a long text changed it")
    return doc
