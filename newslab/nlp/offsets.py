"""Doc characters ↔ source characters, block index and paragraph number: one map per Doc.

An article's Doc reads its content blocks joined by blank lines (:mod:`newslab.nlp.docs`); the
segments ``(doc_start, src_start, block_index)`` it keeps in ``doc.user_data`` are read here and
nowhere else. Every table that gives offsets into ``Article.text`` goes through
:class:`OffsetMap`.

Offsets are character offsets, end-exclusive. ``paragraph`` means one thing in every table: the
0-based position, in reading order, of the *content* block holding the text (the headline is 0
when the article has one; dropped blocks and the source line are not counted). ``block`` is the
index into ``article.blocks`` (dropped blocks included) and ``block_kind`` its kind.

A Doc made from a plain string (no segments) maps to itself; its paragraphs are the runs of text
between blank lines.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from .docs import SEGMENTS_KEY
from .tokens import text_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from ..article import Article

#: A paragraph break in a plain-string Doc: a blank line.
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n\s*")


class OffsetMap:
    """Maps Doc character offsets of one Doc to the article's source text and its blocks.

    Built once per Doc (and per table that needs it): the look-ups are a bisection each.

    >>> from newslab import parse_text
    >>> from newslab.nlp import article_doc
    >>> art = parse_text("Nato chief visits Moscow\\n\\nRasmussen met Medvedev.")
    >>> doc = article_doc(art)                      # doctest: +SKIP
    >>> om = OffsetMap(doc, art)                    # doctest: +SKIP
    >>> om.source(doc.text.index("Rasmussen")), om.paragraph(doc.text.index("Rasmussen"))  # doctest: +SKIP
    (26, 1)
    """

    def __init__(self, doc: "Doc | None", article: "Article | None" = None) -> None:
        self.doc, self.article = doc, article
        self.segments = list((doc.user_data.get(SEGMENTS_KEY) or [])
                             if doc is not None else [])
        self._starts: list[int] | None = [seg[0] for seg in self.segments] or None
        self._by_source = sorted(self.segments, key=lambda s: s[1])
        self._source_starts = [s[1] for s in self._by_source]

    @property
    def starts(self) -> list[int]:
        """Doc offsets where each paragraph starts (blank-line runs for a plain-string Doc)."""
        if self._starts is None:
            text = text_of(self.doc) if self.doc is not None else ""
            self._starts = [0] + [m.end() for m in _BLANK_LINE_RE.finditer(text)]
        return self._starts

    def _k(self, i: int) -> int:
        return max(bisect.bisect_right(self.starts, i) - 1, 0)

    def source(self, i: int) -> int:
        """Offset in ``Article.text`` of Doc character ``i``."""
        if not self.segments:
            return i
        doc_start, src_start, _ = self.segments[self._k(i)]
        return src_start + (i - doc_start)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """``(start, end)`` in ``Article.text`` of the Doc span ``[start, end)`` (end-exclusive;
        the end is mapped from its last character so a span never crosses a block gap)."""
        return self.source(start), self.source(max(end - 1, start)) + (1 if end > start else 0)

    def next_block_start(self, i: int) -> int | None:
        """Doc offset where the block after the one holding Doc char ``i`` starts (``None``
        in the last block)."""
        k = self._k(i)
        return self.starts[k + 1] if k + 1 < len(self.starts) else None

    def doc_offset(self, i: int) -> int:
        """Inverse of :meth:`source`: the Doc character of ``Article.text`` offset ``i``."""
        if not self.segments:
            return i
        k = max(bisect.bisect_right(self._source_starts, i) - 1, 0)
        doc_start, src_start, _ = self._by_source[k]
        return doc_start + (i - src_start)

    def paragraph(self, i: int) -> int | None:
        """0-based position, in reading order, of the content block holding Doc char ``i``."""
        return None if self.doc is None else self._k(i)

    def block(self, i: int) -> int | None:
        """Index into ``article.blocks`` of the block holding Doc char ``i`` (``None`` for a
        Doc without segments)."""
        return self.segments[self._k(i)][2] if self.segments else None

    def block_kind(self, i: int) -> str | None:
        """The kind (``headline``, ``caption``, ``paragraph``…) of that block; needs the article."""
        b = self.block(i)
        if b is None or self.article is None or not 0 <= b < len(self.article.blocks):
            return None
        return self.article.blocks[b].kind


def to_source(doc: "Doc", i: int) -> int:
    """Map a character offset in ``doc.text`` to one in the article's original text.

    Docs made from a plain string (no segments) map to themselves. For many look-ups build one
    :class:`OffsetMap` instead.
    """
    return OffsetMap(doc).source(i)


def block_index(doc: "Doc", i: int) -> int | None:
    """Index into ``article.blocks`` of the block holding Doc character ``i`` (or ``None``)."""
    return OffsetMap(doc).block(i)
