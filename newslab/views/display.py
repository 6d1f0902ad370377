"""The article as HTML with actors and quotes highlighted (like spaCy's displaCy), with a legend.

Used by ``Analysis._repr_html_``; takes the article and its tables (``mentions``, ``quotes``,
``actors``: source offsets), never a Doc, and never re-runs spaCy.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..article import Article

#: Colour-blind-friendly palette (Okabe–Ito, lightened) for the most prominent actors.
PALETTE = ["#f5c26b", "#8ecae6", "#b8e0a0", "#f4a6a6", "#cdb4db", "#ffd6a5", "#a0c4ff",
           "#d0d0d0"]
_KIND_STYLE = {
    "headline": "font-size:1.4em;font-weight:bold;margin:0.3em 0",
    "standfirst": "font-style:italic;margin:0.3em 0",
    "caption": "font-size:0.9em;color:#555;border-left:3px solid #ccc;padding-left:0.5em",
    "heading": "font-weight:bold;margin-top:0.8em",
    "byline": "color:#555", "date": "color:#555", "paragraph": "margin:0.4em 0",
}


def render_article(art: "Article", mentions: "pd.DataFrame", quotes: "pd.DataFrame",
                   actors: "pd.DataFrame", top: int = 8) -> str:
    """HTML of the article: actor mentions coloured by actor, quotes underlined, a legend.

    ``mentions`` is a mentions table (``start``, ``end``, ``actor``), ``quotes`` a quotes table
    (``fragments``) and ``actors`` an actors table (``actor``, most prominent first); offsets
    are into ``art.text``. The ``top`` actors get a colour.
    """
    colours = {a: PALETTE[i % len(PALETTE)] for i, a in enumerate(actors.actor.head(top))}
    marks: list[tuple[int, int, str | None]] = []
    for start, end, actor in zip(mentions["start"], mentions["end"], mentions["actor"]):
        if actor in colours:
            marks.append((int(start), int(end), actor))
    # Nested mentions ("Alliance" inside "Alliance chief"): keep the outer one, which is what the
    # reader sees as one phrase. Done once for the article, not per block.
    marks = [m for m in marks
             if not any(o[0] <= m[0] and m[1] <= o[1] and o != m for o in marks)]
    quoted: list[tuple[int, int]] = []
    for frags in quotes.get("fragments", []):
        quoted.extend((int(s), int(e)) for s, e in frags)

    out = ['<div style="max-width:52em;line-height:1.5;font-family:sans-serif">']
    legend = " ".join(
        f'<span style="background:{c};padding:0 0.3em;border-radius:3px">{html.escape(a)}</span>'
        for a, c in colours.items())
    out.append(f'<div style="margin-bottom:0.6em"><b>Actors:</b> {legend} '
               '&nbsp; <span style="border-bottom:2px solid #333">quoted speech</span></div>')
    for block in art.content_blocks():
        style = _KIND_STYLE.get(block.kind, "")
        inner = _render_span(art.text, block.start, block.end, marks, quoted, colours)
        if block.kind == "caption" and block.credit:
            inner += f' <span style="color:#999">[{html.escape(block.credit)}]</span>'
        out.append(f'<div style="{style}">{inner}</div>')
    if art.dropped:
        reasons = ", ".join(sorted({b.reason or "?" for b in art.dropped}))
        out.append(f'<div style="color:#999;font-size:0.85em;margin-top:0.8em">'
                   f'{len(art.dropped)} block(s) dropped as not part of the article ({reasons}).</div>')
    out.append("</div>")
    return "\n".join(out)


def _render_span(text: str, start: int, end: int, marks, quoted, colours) -> str:
    cuts = {start, end}
    for s, e, _ in marks:
        cuts.update(x for x in (s, e) if start < x < end)
    for s, e in quoted:
        cuts.update(x for x in (s, e) if start < x < end)
    points = sorted(cuts)
    parts = []
    for a, b in zip(points, points[1:]):
        piece = html.escape(text[a:b])
        actor = next((act for s, e, act in marks if s <= a and b <= e), None)
        if actor is not None:
            piece = (f'<span title="{html.escape(actor)}" style="background:{colours[actor]};'
                     f'border-radius:3px;padding:0 1px">{piece}</span>')
        if any(s <= a and b <= e for s, e in quoted):
            piece = f'<span style="border-bottom:2px solid #333">{piece}</span>'
        parts.append(piece)
    return "".join(parts)
