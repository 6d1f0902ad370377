"""Pasted page text -> Article. (Placeholder: blank-line paragraphs, first one the headline.)"""

from __future__ import annotations

import re

from ..article import Article, Block, normalize_span


def parse_text(text: str) -> Article:
    """Parse text copied from a web page into an Article."""
    blocks = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        raw = m.group(0)
        lead = len(raw) - len(raw.lstrip())
        s, e = m.start() + lead, m.start() + len(raw.rstrip())
        if s >= e:
            continue
        kind = "headline" if not blocks else "paragraph"
        blocks.append(Block(kind, normalize_span(text[s:e]), s, e,
                            section=None if kind == "headline" else 0))
    return Article(text=text, blocks=blocks)
