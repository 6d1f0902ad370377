"""HTML -> Article. (Placeholder.)"""

from __future__ import annotations

from ..article import Article


def parse_html(html: str, url: str | None = None) -> Article:
    """Parse a saved web page into an Article."""
    import trafilatura
    from .text import parse_text

    text = trafilatura.extract(html) or ""
    art = parse_text(text)
    art.format, art.html, art.url = "html", html, url
    return art
