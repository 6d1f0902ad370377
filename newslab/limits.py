"""Every size limit newslab applies, in one place, each with the error it raises.

A leaf module: it imports nothing of newslab's but :mod:`newslab.errors`, so every layer
(parsers, the Doc builder, the JSON-lines quote reader, corpus runs) can read it.

==================  =============  ========================================================
limit               default        what happens above it
==================  =============  ========================================================
``MAX_CHARS``       10,000,000     one article's text (or HTML) is refused with
                                   :class:`~newslab.errors.InputTooLargeError`; raise it
                                   with ``max_chars=`` or ``NEWSLAB_MAX_CHARS``.
``NLP_MAX_CHARS``   1,000,000      spaCy's ``nlp.max_length``: one pipeline call never reads
                                   more.
``PART_CHARS``      20,000         an article longer than this is read in parts of at most
                                   this size, cut at a block (paragraph) boundary, else a
                                   sentence end, else a space.
==================  =============  ========================================================

An article up to ``PART_CHARS`` (nearly every news article) is read by spaCy in one call; a
longer one (up to ``MAX_CHARS``) in parts that are joined back into one Doc (see
:mod:`newslab.long_text`), so nothing at the end of a long text is lost and the pipeline's
working memory stays that of one part: peak memory grows with the Doc, not with the size of
one pipeline call (measured: a 250,000-character text peaked at 860 MB read in one call and
at 240 MB in parts of 20,000; ``benchmarks/long_text.py``).
"""

from __future__ import annotations

import os

from .errors import InputTooLargeError

#: Default limit on one article's size in characters. A long article is ~50,000 characters and
#: a whole saved page rarely passes 2 million; anything above this is almost surely not one
#: article. Raise it with NEWSLAB_MAX_CHARS or ``max_chars=``.
MAX_CHARS = int(os.environ.get("NEWSLAB_MAX_CHARS", 10_000_000))

#: ``nlp.max_length`` set on every pipeline newslab loads: spaCy's own default, the size its
#: authors judge safe for one pass of the parser and entity recogniser (their working memory
#: grows with the length of the text they read at once).
NLP_MAX_CHARS = 1_000_000

#: Characters per part when a long text is read in parts. The tagger, parser and entity
#: recogniser's working memory grows with the text one call reads (about 3 GB per million
#: characters with en_core_web_sm), so a part is kept to the size of a long article; a cut
#: between paragraphs changes nothing (no sentence spans a paragraph break).
PART_CHARS = 20_000


def check_size(text: str | bytes, max_chars: int | None = None) -> None:
    """Raise :class:`~newslab.errors.InputTooLargeError` if ``text`` is above the limit.

    ``max_chars`` defaults to :data:`MAX_CHARS` (characters; bytes count one per byte).

    >>> check_size("short")
    >>> check_size("x" * 11, max_chars=10)
    Traceback (most recent call last):
    ...
    newslab.errors.InputTooLargeError: The input is 11 characters long, above newslab's limit of 10 for one article. Split it into articles, or raise the limit with `max_chars=` (or the NEWSLAB_MAX_CHARS environment variable) if it really is one.
    """
    limit = MAX_CHARS if max_chars is None else max_chars
    if len(text) > limit:
        raise InputTooLargeError(len(text), limit)
