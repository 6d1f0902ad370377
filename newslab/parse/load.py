"""Read an article file: detect format and encoding, refuse binary/empty input clearly."""

from __future__ import annotations

import os
from pathlib import Path

from ..article import Article
from ..errors import (BinaryInputError, EmptyInputError, EncodingError, InputTooLargeError,
                      UnsupportedFormatError)

#: Default limit on one article's size in characters (a long article is ~50k; pages ~1M).
MAX_CHARS = int(os.environ.get("NEWSLAB_MAX_CHARS", 20_000_000))


def read_text(path: str | os.PathLike) -> str:
    """Placeholder."""
    return Path(path).read_text(encoding="utf-8")


def load_article(path: str | os.PathLike, *, format: str | None = None) -> Article:
    """Placeholder."""
    from .html import parse_html
    from .text import parse_text
    text = read_text(path)
    suffix = Path(path).suffix.lower()
    art = parse_html(text) if suffix in (".html", ".htm") else parse_text(text)
    art.path = str(path)
    return art
