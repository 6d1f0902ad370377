"""The data model: an :class:`Article` made of :class:`Block` objects with source offsets.

Every block keeps ``start``/``end`` character offsets into ``Article.text``, the string the
article was parsed from. For pasted text that is the caller's string, unchanged. For HTML it is
the page's visible text as newslab rendered it (``Article.html`` keeps the markup).

The invariant every parser keeps, and the tests check::

    normalize_span(article.text[b.start:b.end]) == b.text

``normalize_span`` only replaces characters one for one (non-breaking and other exotic spaces
become a plain space, soft hyphens and zero-width characters become a plain space), so a block's
text and its source slice always have the same length and offsets never drift.

This module depends on nothing else in newslab.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Iterator

# Characters that render as (or as nothing but) a space. Replaced 1:1 so offsets stay valid.
_SPACE_LIKE = dict.fromkeys(
    map(
        ord,
        "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
        "\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff\u00ad\t\x0b\x0c",
    ),
    " ",
)

#: Block kinds kept as the article, in the order a reader meets them.
CONTENT_KINDS = ("headline", "standfirst", "byline", "date", "caption", "heading", "paragraph")
#: Block kinds that are metadata or removed material, not body text.
OTHER_KINDS = ("source", "dropped")


def normalize_span(text: str) -> str:
    """Replace space-like characters one for one, so offsets stay valid.

    >>> normalize_span("Nato\\u00a0chief")
    'Nato chief'
    """
    return text.translate(_SPACE_LIKE)


@dataclass
class Block:
    """One block of an article: a headline, a paragraph, a caption, a dropped list…

    ``start``/``end`` index into ``Article.text``. ``section`` is the index of the section a
    heading or paragraph belongs to (``None`` outside the body). ``reason`` says why a dropped
    block was removed (``related``, ``share``, ``newsletter``, ``advert``, ``copyright``,
    ``duplicate``, ``navigation``, ``comments``, ``boilerplate``). A caption's ``credit`` (e.g.
    ``AFP``) has its own span.

    >>> Block("paragraph", "Hello.", 0, 6).kind
    'paragraph'
    """

    kind: str
    text: str
    start: int
    end: int
    section: int | None = None
    reason: str | None = None
    credit: str | None = None
    credit_start: int | None = None
    credit_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The block as a plain dict (for JSON and DataFrames)."""
        return asdict(self)


@dataclass
class Section:
    """A sub-heading (``None`` before the first sub-heading) and its paragraphs."""

    heading: Block | None
    paragraphs: list[Block]

    @property
    def title(self) -> str | None:
        """The heading text, or ``None`` for the untitled first section."""
        return self.heading.text if self.heading else None


@dataclass
class Article:
    """A news article cleaned into structure.

    >>> from newslab import parse_text
    >>> art = parse_text("Big news today\\n\\nThe mayor said the bridge will reopen on Monday.")
    >>> art.headline
    'Big news today'
    >>> len(art.paragraphs)
    1
    """

    text: str
    blocks: list[Block] = field(default_factory=list)
    format: str = "text"  # "text" or "html"
    url: str | None = None
    html: str | None = field(default=None, repr=False)
    path: str | None = None
    #: Metadata found outside the text blocks (e.g. HTML <meta> title/author/date).
    meta: dict[str, Any] = field(default_factory=dict)

    # -- single-valued fields -------------------------------------------------------------
    def _first(self, kind: str) -> Block | None:
        return next((b for b in self.blocks if b.kind == kind), None)

    @property
    def headline(self) -> str | None:
        """The headline text, or ``None``."""
        b = self._first("headline")
        return b.text if b else self.meta.get("title")

    @property
    def standfirst(self) -> str | None:
        """The standfirst (dek, summary line under the headline), or ``None``."""
        b = self._first("standfirst")
        return b.text if b else None

    @property
    def byline(self) -> str | None:
        """The byline (``By Jane Doe``) or ``None``; HTML author metadata as a fallback."""
        b = self._first("byline")
        return b.text if b else self.meta.get("author")

    @property
    def date(self) -> str | None:
        """The dateline / publication date as written, or ``None``."""
        b = self._first("date")
        return b.text if b else self.meta.get("date")

    @property
    def source(self) -> str | None:
        """The source line's value (``SOURCE: Agencies`` → ``Agencies``), or ``None``."""
        b = self._first("source")
        return b.text if b else None

    # -- collections ----------------------------------------------------------------------
    @property
    def captions(self) -> list[Block]:
        """Photo captions; each has ``text`` and ``credit`` (``None`` when uncredited)."""
        return [b for b in self.blocks if b.kind == "caption"]

    @property
    def paragraphs(self) -> list[Block]:
        """Body paragraphs in reading order (sub-headings excluded)."""
        return [b for b in self.blocks if b.kind == "paragraph"]

    @property
    def dropped(self) -> list[Block]:
        """Blocks removed as not part of the article, each with its ``reason``."""
        return [b for b in self.blocks if b.kind == "dropped"]

    @property
    def sections(self) -> list[Section]:
        """The body as sections: an optional heading and its paragraphs.

        The first section has ``heading=None`` when the body starts before any sub-heading;
        it is omitted when empty.
        """
        sections: dict[int, Section] = {}
        for b in self.blocks:
            if b.kind not in ("heading", "paragraph") or b.section is None:
                continue
            sec = sections.setdefault(b.section, Section(None, []))
            if b.kind == "heading":
                sec.heading = b
            else:
                sec.paragraphs.append(b)
        return [s for _, s in sorted(sections.items()) if s.heading or s.paragraphs]

    @property
    def body(self) -> str:
        """Sub-heads and paragraphs in reading order, separated by blank lines."""
        return "\n\n".join(b.text for b in self.blocks if b.kind in ("heading", "paragraph"))

    def content_blocks(self) -> Iterator[Block]:
        """Blocks that are part of the article proper (what analyses read), in order."""
        return (b for b in self.blocks if b.kind in CONTENT_KINDS)

    # -- export ---------------------------------------------------------------------------
    def to_frame(self):
        """One row per block: kind, text, section, start, end, reason, credit.

        >>> from newslab import parse_text
        >>> parse_text("Headline here\\n\\nA first paragraph that is long enough.").to_frame().kind.tolist()
        ['headline', 'paragraph']
        """
        import pandas as pd

        cols = ["kind", "text", "section", "start", "end", "reason", "credit"]
        rows = [{c: getattr(b, c) for c in cols} for b in self.blocks]
        df = pd.DataFrame(rows, columns=cols)
        df["section"] = df["section"].astype("Int64")
        return df

    def to_dict(self) -> dict[str, Any]:
        """The whole article as plain data: fields, blocks with offsets, metadata."""
        return {
            "headline": self.headline,
            "standfirst": self.standfirst,
            "byline": self.byline,
            "date": self.date,
            "source": self.source,
            "url": self.url,
            "format": self.format,
            "captions": [{"text": c.text, "credit": c.credit, "start": c.start, "end": c.end}
                         for c in self.captions],
            "sections": [{"heading": s.title, "paragraphs": [p.text for p in s.paragraphs]}
                         for s in self.sections],
            "dropped": [{"reason": d.reason, "text": d.text, "start": d.start, "end": d.end}
                        for d in self.dropped],
            "blocks": [b.to_dict() for b in self.blocks],
            "meta": self.meta,
        }

    def to_json(self, **kwargs: Any) -> str:
        """``to_dict()`` as JSON text."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    def __repr__(self) -> str:
        n = len(self.paragraphs)
        return f"<Article {self.headline!r}: {n} paragraphs, {len(self.dropped)} dropped blocks>"
