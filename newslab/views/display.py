"""The article as HTML with actors and quotes marked, in displaCy's manner, with a legend.

Used by ``Analysis._repr_html_``, the quote list and the HTML report; it reads the article and
the tables, never re-runs spaCy. Conventions follow spaCy's displaCy ``ent`` view (a coloured
``<mark>`` per span, a label chip after the text, inline styles only so the markup survives
notebook sanitisers and standalone pages):

* each actor mention is a mark with a **chip naming its actor** (``chips=False`` keeps the name
  in the tooltip only). The ``top`` (at most 8) most prominent actors get distinct fills from a
  colour-blind-safe palette (:data:`PALETTE`); every other actor is drawn **outlined, without
  fill** (:data:`OTHER_STYLE`), and the legend says so;
* each quote is underlined by its kind — direct solid, mixed dashed, reported (indirect) dotted —
  and opens with a chip naming its speaker (an outlined "…, continued" chip where it resumes
  after an interruption or a paragraph break); its cue (the reporting verb) is bold;
* spans may nest (a name inside a role noun, a mention inside a quote) or overlap (a mention
  across a quote's edge): tags are closed and reopened so the HTML stays well formed, and each
  span's chip is drawn once, where the span ends (quote chips where the quote begins).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis

#: Fills for the most prominent actors, in order. Picked from the Okabe–Ito (Okabe & Ito 2008)
#: and Paul Tol (Tol 2021, SRON/EPS/TN/09-002) colour-blind-safe palettes as the 8 whose closest
#: pair is farthest apart: every two differ by a CIELAB ΔE of at least 15 for normal vision and
#: under simulated deuteranopia, protanopia and tritanopia (Machado, Oliveira & Fernandes 2009);
#: all are light enough for dark text. Tol's own "light" scheme has a pair at ΔE 10.6. The
#: palest comes last, so the most prominent actors get the strongest fills.
PALETTE = ["#56B4E9", "#CC79A7", "#999933", "#FFCCCC", "#009E73", "#BBCCEE", "#BBCC33",
           "#EEEEBB"]
#: How actors beyond the coloured ones are drawn (stated in the legend).
OTHER_STYLE = "background:transparent;border:1px dashed #777"
#: Underline of a quote by kind; ``indirect`` is what the legend calls reported speech.
QUOTE_STYLES = {"direct": "border-bottom:3px solid #222",
                "mixed": "border-bottom:3px dashed #222",
                "indirect": "border-bottom:2px dotted #222"}
QUOTE_NAMES = {"direct": "direct quote", "mixed": "mixed quote", "indirect": "reported speech"}
#: The quote chosen in the quote list (:mod:`newslab.views.quote_list`).
FOCUS_STYLE = "background:#FFF1A8;outline:2px solid #E69F00;outline-offset:1px"
_MARK = "border-radius:0.35em;padding:0.05em 0.3em;margin:0 0.1em;line-height:1"
_CHIP = ("font-size:0.68em;font-weight:bold;line-height:1;border-radius:0.35em;"
         "vertical-align:middle;margin-left:0.35em;font-family:sans-serif")
_BLOCK_STYLE = {
    "headline": "font-size:1.4em;font-weight:bold;margin:0.3em 0",
    "standfirst": "font-style:italic;margin:0.3em 0",
    "caption": "font-size:0.9em;color:#444;border-left:3px solid #ccc;padding-left:0.5em",
    "heading": "font-weight:bold;margin-top:0.8em",
    "byline": "color:#444", "date": "color:#444", "paragraph": "margin:0.4em 0",
}
#: How a block kind is named in the margin tag (what a journalist calls it).
_BLOCK_NAMES = {"heading": "sub-head", "standfirst": "standfirst", "caption": "caption",
                "byline": "byline", "date": "date", "headline": "headline"}


class Span(NamedTuple):
    """One marked stretch of source text: ``layer`` 0 quote, 1 mention, 2 cue."""

    start: int
    end: int
    layer: int
    key: int          # quote row / mention number: identifies the span across its pieces
    label: str        # actor name (mention), speaker (quote), "" (cue)
    style: str        # the mark's CSS
    chip: str         # the chip's HTML ("" for none)


def actor_colours(actor_names, top: int = 8) -> dict[str, str]:
    """``{actor: fill colour}`` for the first ``top`` names (at most len(PALETTE)).

    >>> actor_colours(["Russia", "Nato", "Georgia"], top=2)
    {'Russia': '#56B4E9', 'Nato': '#CC79A7'}
    """
    names = list(actor_names)[: min(top, len(PALETTE))]
    return {a: PALETTE[i] for i, a in enumerate(names)}


def _mention_spans(analysis: "Analysis", colours: dict[str, str], chips: bool) -> list[Span]:
    spans, seen = [], set()
    frame = analysis.mention_frame  # source offsets: a view reads tables, never the Doc
    for m in frame.itertuples(index=False):
        if not isinstance(m.actor, str) or not m.actor:
            continue
        s, e = int(m.start), int(m.end)
        if (s, e) in seen:
            continue
        seen.add((s, e))
        fill = colours.get(m.actor)
        style = f"{_MARK};background:{fill}" if fill else f"{_MARK};{OTHER_STYLE}"
        chip = ""
        if chips:
            tint = "color:#222" if fill else "color:#555"
            chip = (f'<span class="newslab-chip" style="{_CHIP};{tint}">'
                    f"{html.escape(m.actor)}</span>")
        spans.append(Span(s, e, 1, len(spans), m.actor, style, chip))
    return spans


def quote_speaker(row) -> str:
    """Who a quote row is attributed to, for display: the actor, else the speaker's words."""
    from ..missing import is_missing

    for col in ("actor", "speaker"):
        value = row.get(col) if hasattr(row, "get") else None
        if not is_missing(value) and str(value).strip():
            return str(value)
    return "unknown speaker"


def _quote_spans(quotes, focus: int | None, chips: bool) -> list[Span]:
    spans = []
    for key, (_, row) in enumerate(quotes.iterrows()):
        kind = str(row.get("kind") or "indirect")
        style = QUOTE_STYLES.get(kind, QUOTE_STYLES["indirect"])
        if focus is not None and key == focus:
            style += ";" + FOCUS_STYLE
        speaker = quote_speaker(row)
        frags = sorted((int(s), int(e)) for s, e in (row.get("fragments") or []))
        for n, (s, e) in enumerate(frags):
            chip = ""
            if chips and n == 0:
                chip = (f'<span class="newslab-quote-chip" style="{_CHIP};margin:0 0.35em 0 0;'
                        f'padding:0.1em 0.35em;background:#333;color:#fff">'
                        f"{html.escape(speaker)} · {QUOTE_NAMES.get(kind, kind)}</span>")
            elif chips:  # a quote resumed after an interruption or in a new paragraph
                chip = (f'<span class="newslab-quote-cont" style="{_CHIP};margin:0 0.35em 0 0;'
                        f'padding:0.05em 0.3em;border:1px solid #333;color:#333">'
                        f"{html.escape(speaker)}, continued</span>")
            spans.append(Span(s, e, 0, key, speaker, style, chip))
        if not frags and not any(map(_missing, (row.get("start"), row.get("end")))):
            spans.append(Span(int(row["start"]), int(row["end"]), 0, key, speaker, style, ""))
        cs, ce = row.get("cue_start"), row.get("cue_end")
        if not _missing(cs) and not _missing(ce):
            spans.append(Span(int(cs), int(ce), 2, key, "", "font-weight:bold", ""))
    return spans


def _missing(value) -> bool:
    from ..missing import is_missing

    return is_missing(value)


def render_spans(text: str, start: int, end: int, spans: list[Span]) -> str:
    """HTML of ``text[start:end]`` with ``spans`` marked; spans may nest or overlap.

    Each piece between two span edges is wrapped in the spans covering it, outer first
    (quotes, then mentions longest first, then cues). Where a span ends inside another that
    began after it, the inner one is closed and reopened, so tags always balance. A mention's
    chip follows its last piece; a quote's chip precedes its first.

    >>> s = [Span(0, 6, 1, 0, "Russia", "background:#77AADD", "<i>R</i>"),
    ...      Span(3, 10, 0, 0, "Lavrov", "border-bottom:1px solid", "")]
    >>> render_spans("Russia said no", 0, 14, s).count("<span") == render_spans(
    ...     "Russia said no", 0, 14, s).count("</span>")
    True
    """
    inside = [sp for sp in spans if sp.start < end and sp.end > start and sp.start < sp.end]
    cuts = sorted({start, end, *(min(max(x, start), end) for sp in inside
                                  for x in (sp.start, sp.end))})
    out: list[str] = []
    stack: list[Span] = []
    for a, b in zip(cuts, cuts[1:]):
        want = sorted((sp for sp in inside if sp.start <= a and b <= sp.end),
                      key=lambda sp: (sp.layer, sp.start, -sp.end, sp.key))
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] == want[keep]:
            keep += 1
        for sp in reversed(stack[keep:]):
            out.append(_close(sp, a))
        for sp in want[keep:]:
            out.append(_open(sp, a))
        stack = want
        out.append(html.escape(text[a:b]))
    for sp in reversed(stack):
        out.append(_close(sp, end))
    return "".join(out)


def _open(sp: Span, at: int) -> str:
    tag = "mark" if sp.layer == 1 else "span"
    cls = {0: "newslab-quote", 1: "newslab-mention", 2: "newslab-cue"}[sp.layer]
    title = f' title="{html.escape(sp.label)}"' if sp.label else ""
    head = sp.chip if sp.layer == 0 and at == sp.start else ""
    data = f' data-quote="{sp.key}"' if sp.layer == 0 else ""
    return f'<{tag} class="{cls}"{data}{title} style="{sp.style}">{head}'


def _close(sp: Span, at: int) -> str:
    tag = "mark" if sp.layer == 1 else "span"
    tail = sp.chip if sp.layer == 1 and at == sp.end else ""
    return f"{tail}</{tag}>"


def legend_html(colours: dict[str, str], *, others: bool, chips: bool) -> str:
    """The legend: one swatch per coloured actor, the style of other actors, the quote kinds."""
    items = [f'<mark style="{_MARK};background:{c}">{html.escape(a)}</mark>'
             for a, c in colours.items()]
    if others:
        items.append(f'<mark style="{_MARK};{OTHER_STYLE}">other actors</mark>')
    quotes = [f'<span style="{QUOTE_STYLES[k]}">{QUOTE_NAMES[k]}</span>' for k in QUOTE_STYLES]
    note = ("Each mark's chip names the actor it refers to (pronouns and role nouns included)."
            if chips else "Hover over a mark to see the actor it refers to.")
    return ('<div class="newslab-legend" style="margin-bottom:0.8em;line-height:2;'
            'font-size:0.9em">'
            f'<b>Actors</b> (the {len(colours)} most prominent in colour): {" ".join(items)}<br>'
            f'<b>Quotes</b>: {" &nbsp; ".join(quotes)}; the dark chip before a quote names its '
            'speaker (outlined: the quote goes on); <b>bold</b> is the cue (e.g. the reporting '
            'verb).<br>'
            f'<span style="color:#555">{note}</span></div>')


def render_analysis(analysis: "Analysis", top: int = 8, *, chips: bool = True,
                    focus: int | None = None, legend: bool = True,
                    block_tags: bool = True, within: tuple[int, int] | None = None) -> str:
    """HTML of the article: actor mentions and quotes marked, with a legend.

    Input: an :class:`~newslab.analysis.Analysis`. ``top``: how many actors (by prominence,
    at most ``len(PALETTE)``) get their own colour; ``chips``: name the actor on each mark;
    ``focus``: a row number of ``analysis.quotes`` to highlight (the quote list uses it);
    ``block_tags``: name non-paragraph blocks (headline, sub-head, caption…) in a small tag;
    ``within``: ``(start, end)`` source offsets — only the blocks that overlap them.
    Output: one ``<div class="newslab-view">`` with inline styles only (no scripts, no
    external resources). Offsets are source offsets, end-exclusive.

    >>> html_text = render_analysis(newslab.analyze(path))   # doctest: +SKIP
    """
    art = analysis.article
    colours = actor_colours(analysis.actors.actor, top)
    spans = _mention_spans(analysis, colours, chips) + _quote_spans(analysis.quotes, focus, chips)
    out = ['<div class="newslab-view" style="max-width:52em;line-height:2.1;'
           'font-family:Georgia,serif;color:#111">']
    if legend:
        others = any(sp.layer == 1 and sp.label not in colours for sp in spans)
        out.append(legend_html(colours, others=others, chips=chips))
    for block in art.content_blocks():
        if within is not None and not (block.start < within[1] and within[0] < block.end):
            continue
        inner = render_spans(art.text, block.start, block.end, spans)
        if block.kind == "caption" and getattr(block, "credit", None):
            inner += f' <span style="color:#666">[{html.escape(block.credit)}]</span>'
        tag = ""
        if block_tags and block.kind in _BLOCK_NAMES:
            tag = ('<span class="newslab-block-tag" style="font:0.55em sans-serif;color:#666;'
                   'text-transform:uppercase;letter-spacing:0.05em;margin-right:0.6em;'
                   f'vertical-align:middle">{_BLOCK_NAMES[block.kind]}</span>')
        out.append(f'<div class="newslab-block" data-kind="{block.kind}" '
                   f'style="{_BLOCK_STYLE.get(block.kind, "")}">{tag}{inner}</div>')
    if art.dropped and within is None:
        reasons = ", ".join(sorted({b.reason or "?" for b in art.dropped}))
        out.append('<div style="color:#666;font-size:0.85em;margin-top:0.8em;'
                   f'font-family:sans-serif">{len(art.dropped)} block(s) dropped as not part '
                   f"of the article ({html.escape(reasons)}).</div>")
    out.append("</div>")
    return "\n".join(out)
