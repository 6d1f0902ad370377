"""Read an article file: detect format and encoding, refuse binary, empty or huge input clearly.

Encoding detection, in order: a byte-order mark; an HTML ``<meta charset>`` declaration;
strict UTF-8; then charset-normalizer's best guess (it handles cp1252, Latin-1, UTF-16 and
most legacy encodings). Pass ``encoding=`` to skip detection.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from ..article import Article
from ..errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    UnsupportedFormatError,
)
from .limits import MAX_CHARS, check_size

_TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
#: File endings newslab reads (a one-word string ending so is a path, not article text).
READ_SUFFIXES = tuple(sorted((_TEXT_SUFFIXES | _HTML_SUFFIXES) - {""}))

# Magic numbers of formats people are likely to hand us by mistake.
_MAGIC = {
    b"%PDF": " (a PDF)",
    b"PK\x03\x04": " (a ZIP/DOCX/EPUB archive)",
    b"\x89PNG": " (a PNG image)",
    b"\xff\xd8\xff": " (a JPEG image)",
    b"GIF8": " (a GIF image)",
    b"\x1f\x8b": " (a gzip archive)",
    b"\xd0\xcf\x11\xe0": " (an old MS Office file)",
}
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_LOOKS_HTML = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<\?xml)|<(?:p|div|article|h1)\b",
                         re.I)


def decode_bytes(data: bytes, *, where: str = "input", encoding: str | None = None,
                 html: bool = False) -> str:
    """Decode ``data`` to text, detecting the encoding; refuse binary and empty input.

    >>> decode_bytes("Café".encode("cp1252"))
    'Café'
    """
    if not data.strip():
        raise EmptyInputError(where)
    for magic, hint in _MAGIC.items():
        if data.startswith(magic):
            raise BinaryInputError(where, hint)
    if encoding:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as err:
            raise EncodingError(f"{where} with encoding {encoding!r} ({err})") from None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    head = data[:8192]
    if b"\x00" in head:
        # NUL bytes without a BOM: UTF-16 without BOM is possible, binary far likelier.
        if not _looks_utf16(head):
            raise BinaryInputError(where)
    if html:
        m = _META_CHARSET.search(data[:4096])
        if m:
            try:
                return data.decode(m.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration is common: fall through to detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Mostly-ASCII text with a few high bytes is, in news, nearly always Windows-1252/Latin-1;
    # statistical detectors misread short samples of it (e.g. as a CJK encoding).
    non_ascii = sum(1 for b in data[:200_000] if b > 127) / max(1, min(len(data), 200_000))
    if non_ascii < 0.3:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:2_000_000]).best()
    if best is None:
        raise EncodingError(where)
    text = data.decode(best.encoding, errors="replace")
    if _control_share(text) > 0.05:
        raise BinaryInputError(where)
    return text


def _looks_utf16(head: bytes) -> bool:
    even, odd = head[0::2], head[1::2]
    return even.count(0) > 0.3 * len(even) or odd.count(0) > 0.3 * len(odd)


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return bad / len(sample)


def read_text(path: str | os.PathLike, *, encoding: str | None = None,
              max_chars: int | None = None) -> str:
    """Read a text or HTML file with encoding detection and newslab's input checks.

    >>> read_text("data/articles/nato-seeks-afghan-help-from-russia.txt")[:4]  # doctest: +SKIP
    'Nato'
    """
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"No such file: {str(p)!r}")
    if p.is_dir():
        raise IsADirectoryError(f"{str(p)!r} is a folder; pass one article file "
                                "(use newslab's corpus functions for folders).")
    limit = MAX_CHARS if max_chars is None else max_chars
    size = p.stat().st_size
    # Every character takes at least one byte; 4x the limit is surely too big to decode.
    if size > 4 * limit:
        raise InputTooLargeError(size, limit)
    data = p.read_bytes()
    text = decode_bytes(data, where=f"file {p.name!r}", encoding=encoding,
                        html=p.suffix.lower() in _HTML_SUFFIXES)
    check_size(text, limit)
    if not text.strip():
        raise EmptyInputError(f"file {p.name!r}")
    return text


def _binary_kind(p: Path) -> str:
    """``"a PDF"`` if the file at ``p`` starts like a known binary format, else ``""``."""
    try:
        with open(p, "rb") as fh:
            head = fh.read(8)
    except OSError:
        return ""  # read_text reports a missing or unreadable file with its own message
    return next((hint.strip(" ()") for magic, hint in _MAGIC.items() if head.startswith(magic)),
                "")


def sniff_format(text: str) -> str:
    """``"html"`` if ``text`` looks like markup, else ``"text"``."""
    return "html" if _LOOKS_HTML.search(text[:4096]) else "text"


def load_article(path: str | os.PathLike, *, format: str | None = None,
                 encoding: str | None = None, url: str | None = None,
                 max_chars: int | None = None) -> Article:
    """Read a ``.txt`` (pasted page text) or ``.html``/``.htm`` (saved page) file as an Article.

    ``format`` (``"text"`` or ``"html"``) overrides the guess from the file name.

    >>> art = load_article("data/articles/nato-seeks-afghan-help-from-russia.txt")  # doctest: +SKIP
    >>> art.headline  # doctest: +SKIP
    'Nato seeks Afghan help from Russia'
    """
    from .html import parse_html
    from .text import parse_text

    p = Path(path)
    suffix = p.suffix.lower()
    if format is None:
        if suffix in _HTML_SUFFIXES:
            format = "html"
        elif suffix in _TEXT_SUFFIXES:
            format = None  # decide from the content below
        else:
            raise UnsupportedFormatError(str(path), _binary_kind(p))
    elif format not in ("text", "html"):
        raise ValueError(f"format must be 'text' or 'html', not {format!r}")
    text = read_text(p, encoding=encoding, max_chars=max_chars)
    if format is None:
        format = sniff_format(text) if suffix == "" else "text"
    art = (parse_html(text, url=url, max_chars=max_chars) if format == "html"
           else parse_text(text, max_chars=max_chars))
    art.path = str(path)
    return art
