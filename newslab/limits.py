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
                                   more; a longer article is analysed in parts (below).
``PART_CHARS``      100,000        size of one part of a long article: cut at a block
                                   (paragraph) boundary, else a sentence end, else a space.
==================  =============  ========================================================

An article up to ``NLP_MAX_CHARS`` is read by spaCy in one call, exactly as before; a longer one
(up to ``MAX_CHARS``) in parts of at most ``PART_CHARS`` characters that are joined back into
one Doc (see :mod:`newslab.long_text`), so nothing at the end of a long text is lost and the
parser's working memory stays that of one part.
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

#: Characters per part when a text longer than :data:`NLP_MAX_CHARS` is read in parts. Small
#: enough that one part's working memory is modest, large enough that a part holds hundreds of
#: paragraphs (a cut between paragraphs changes nothing: no sentence spans a paragraph break).
PART_CHARS = 100_000


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
