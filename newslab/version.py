"""newslab's version, read once from the installed package's metadata.

>>> __version__.count(".") >= 1
True
"""

from __future__ import annotations

from importlib import metadata


def _installed_version() -> str:
    try:
        return metadata.version("newslab")
    except metadata.PackageNotFoundError:  # running from a checkout that was never installed
        return "0+unknown"


__version__ = _installed_version()


def version_line() -> str:
    """``newslab X.Y.Z (spaCy A.B.C, Python D.E.F)``: what ``newslab --version`` prints."""
    import platform

    try:
        spacy = metadata.version("spacy")
    except metadata.PackageNotFoundError:  # pragma: no cover
        spacy = "not installed"
    return f"newslab {__version__} (spaCy {spacy}, Python {platform.python_version()})"
