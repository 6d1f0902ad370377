"""Size limit shared by every parser (one article; a corpus is many calls)."""

from __future__ import annotations

import os

from ..errors import InputTooLargeError

#: Default limit on one article's size in characters. A long article is ~50,000 characters and
#: a whole saved page rarely passes 2 million; anything above this is almost surely not one
#: article. Raise it with NEWSLAB_MAX_CHARS or ``max_chars=``.
MAX_CHARS = int(os.environ.get("NEWSLAB_MAX_CHARS", 10_000_000))


def check_size(text: str | bytes, max_chars: int | None = None) -> None:
    """Raise :class:`~newslab.errors.InputTooLargeError` if ``text`` is above the limit.

    >>> check_size("short")
    """
    limit = MAX_CHARS if max_chars is None else max_chars
    if len(text) > limit:
        raise InputTooLargeError(len(text), limit)
