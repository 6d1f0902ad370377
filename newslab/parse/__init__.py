"""Turn pasted text or a saved web page into an :class:`~newslab.article.Article`.

``parse_text`` (``text.py``) reads text copied from a web page; ``parse_html`` (``html.py``)
reads HTML through trafilatura; ``load_article`` (``load.py``) reads a file, detects its
encoding and format, and calls one of them.
"""

from .html import parse_html
from .load import load_article, read_text
from .text import parse_text

__all__ = ["load_article", "parse_html", "parse_text", "read_text"]
