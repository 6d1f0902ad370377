"""Where trafilatura's blocks sit in the raw page, and the article text read back from it:
blocks kept from a widget outside the article container are left out, text that
trafilatura's precision mode dropped is recovered by containment in the container.

Part of :mod:`newslab.parse.html`, which describes the whole HTML route and its sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .html_common import (
    _LOOSE_TEXT_TAGS,
    _NOT_BODY_CLASS,
    _RAW_BLOCK_TAGS,
    _loose_runs,
    _norm_key,
)
from .html_meta import shown_dates
from .html_structure import (
    _article_root,
    _outside_article,
    _raw_text,
    _tokens,
    in_widget,
)
from .lines import chrome_reason

#: A paragraph recovered from trafilatura's recall mode is prose: this many words at least.
RECOVER_MIN_WORDS = 12


#: Share of the matched text the article container must hold before blocks kept from
#: widgets outside it are left out.
CONTAINER_MIN_SHARE = 2 / 3


@dataclass
class _Layout:
    """Where the extracted blocks sit in the raw page."""

    order: dict          # raw element -> document position
    elements: list       # per item: the raw element it was matched to, or None
    positions: list      # per item: its document position, or None
    root: Any            # the element holding the article, or None
    first_pos: int | None  # position of the first matched block
    texts: dict          # raw block element -> its visible text (read once per page)


def _locate(tree, items: list[tuple[str, str]], texts: dict | None = None) -> _Layout:
    """Match each extracted block to the raw element it came from (by its text).

    ``texts`` holds raw elements' visible texts already read (they are reused)."""
    order = {el: i for i, el in enumerate(tree.iter())}
    texts = {} if texts is None else texts
    index: dict[str, Any] = {}
    for el in tree.iter(*_RAW_BLOCK_TAGS):
        if el not in texts:
            texts[el] = _raw_text(el)
        key = _norm_key(texts[el])[:80]
        if len(key) >= 20:
            index.setdefault(key, el)
    for el in tree.iter(*_LOOSE_TEXT_TAGS):  # paragraphs set as loose text between <br>s
        for anchor, text in _loose_runs(el):
            key = _norm_key(text)[:80]
            if len(key) >= 20:
                index.setdefault(key, anchor)
    elements = [index.get(_norm_key(text)[:80]) if kind != "graphic" else None
                for kind, text in items]
    positions = [order.get(el) if el is not None else None for el in elements]
    matched = [el for el in elements if el is not None]
    root = _article_root(tree, matched)
    first_pos = next((p for p in positions if p is not None), None)
    return _Layout(order, elements, positions, root, first_pos, texts)


def _without_widget_blocks(tree, items: list[tuple[str, str]],
                           layout: _Layout) -> tuple[list[tuple[str, str]], _Layout]:
    """Leave out blocks that trafilatura kept from outside the article container when they
    sit in a page widget (:func:`~newslab.parse.html_structure.in_widget`: a sidebar, a
    promo strip, a share or reprint dialog, a link teaser).

    Blocks outside the container but in no widget stay: an article is sometimes split
    over two containers (a lead box and the rest), and the container is only the deepest
    element holding most of the matched blocks (``_article_root``). The rule is applied only
    when the container holds :data:`CONTAINER_MIN_SHARE` of the matched text: page builders
    name their content panels "widget" too, and a container found from a few short blocks
    may be the wrong one.
    """
    inside = [_inside(el, layout.root) if el is not None else None for el in layout.elements]
    held = sum(len(t) for (_, t), i in zip(items, inside) if i)
    matched = sum(len(t) for (_, t), i in zip(items, inside) if i is not None)
    if held < CONTAINER_MIN_SHARE * matched:
        return items, layout
    keep = [k for k, (el, i) in enumerate(zip(layout.elements, inside))
            if el is None or i or not in_widget(el)]
    if len(keep) == len(items):
        return items, layout
    items = [items[i] for i in keep]
    return items, _locate(tree, items, layout.texts)


def _recover_dropped(tree, url: str | None, items: list[tuple[str, str]],
                     layout: _Layout) -> tuple[list[tuple[str, str]], _Layout]:
    """Add back article paragraphs that trafilatura's precision mode dropped: lead paragraphs
    in a teaser or intro container, paragraphs wrapped in a link.

    trafilatura drops such blocks in every mode (its boilerplate list names "teaser"
    classes; link-dense blocks look like navigation), so they are found by containment in
    the raw page instead: a ``<p>`` or a run of loose text between ``<br>`` tags
    (:func:`_raw_paragraphs`) comes back when it is inside the article container, outside
    asides/navigation/share/comment/caption blocks and decks, reads as prose
    (``RECOVER_MIN_WORDS`` words, a sentence end), matches no page-chrome phrase of the
    cleaning lexicons (newsletter, share, related…) and sits above the last paragraph that
    precision mode kept, so teasers, related links and comments below the story stay out.
    A sub-head set as a classed element (``<div class="subheadline">``) comes back as a
    sub-head under the same conditions, without the prose test.
    """
    items = _restore_link_text(items, layout)
    have = {_norm_key(t)[:80] for _, t in items}
    kept = " | ".join(_norm_key(t) for _, t in items)  # to skip text already inside a block
    pieces = [k for k in (_norm_key(t) for _, t in items) if len(k) >= 15]
    last = max((p for p in layout.positions if p is not None), default=None)
    first = min((p for (k, _), p in zip(items, layout.positions) if p is not None
                 and k == "paragraph"), default=last)
    extra: list[tuple[int, str, str]] = []
    for pos, el, text, kind in _raw_paragraphs(layout):
        if pos is None or last is None or pos >= last:
            continue
        key = _norm_key(text)[:80]
        prose = len(text.split()) >= RECOVER_MIN_WORDS and text.rstrip("\"'”’)» ")[-1:] in ".!?"
        if key in have or key in kept or (kind == "paragraph" and not prose) \
                or (kind == "heading" and pos < first) or _dateline(text) \
                or _mostly_kept(_norm_key(text), pieces) \
                or (el.tag == "p" and el.find(".//p") is not None) \
                or (el is not layout.root and _outside_article(el, layout.root,
                                                              _NOT_BODY_CLASS)) \
                or any(_NOT_BODY_CLASS.search(t) for t in _tokens(el) if t) \
                or chrome_reason(text):
            continue
        extra.append((pos, kind, text))
        have.add(key)
    extra.sort(key=lambda x: x[0])
    if not extra:
        return items, layout
    merged: list[tuple[str, str]] = []
    for (kind, text), pos in zip(items, layout.positions):
        while extra and pos is not None and extra[0][0] < pos:
            merged.append(extra.pop(0)[1:])
        merged.append((kind, text))
    merged += [x[1:] for x in extra]
    return merged, _locate(tree, merged, layout.texts)


def _dateline(text: str) -> bool:
    """Does the text open with a labelled date ("Posted on December 20, 2025 by …",
    "Updated 3 May")? That is the story's date line, not a paragraph."""
    return any(kind != "shown" for _, kind in shown_dates(text[:60]))


def _mostly_kept(key: str, pieces: list[str]) -> bool:
    """Is most of a raw paragraph (comparison key) already in the body, as pieces that
    trafilatura cut at its links ("Small and medium businesses remain the" | "backbone of
    the economy" | …)? Half of its characters inside kept blocks is enough."""
    covered = 0
    for piece in pieces:
        if len(piece) < len(key) and piece in key:
            covered += len(piece)
            if covered >= len(key) / 2:
                return True
    return False


#: Class/id tokens of an in-body sub-head set as a plain element (``<div class="subhead">``,
#: "crosshead" in British newsroom usage, "intertitre" in French, "Zwischentitel" in German).
_SUBHEAD_CLASS = re.compile(r"(?i)(?:^|[-_])(?:sub-?head(?:line|ing)?|cross-?head(?:ing)?|"
                            r"inter-?titre|inter-?title|zwischen-?titel)s?(?:$|[-_])")
#: A recovered sub-head is a title, not a paragraph: at most this many words.
SUBHEAD_MAX_WORDS = 20


def _raw_paragraphs(layout: _Layout):
    """``(position, element, text, kind)`` of the raw blocks in the article container: a
    sub-head set as a classed element (``kind == "heading"``, :data:`_SUBHEAD_CLASS`), every
    other ``<p>``, and every run of loose text straight inside a container
    (:func:`~newslab.parse.html_common._loose_runs`; its element is the container)."""
    heads = set()
    for el in layout.root.iter():
        if isinstance(el.tag, str) and el.get("class") and el.tag not in ("h1", "h2", "h3") \
                and any(_SUBHEAD_CLASS.search(t) for t in _tokens(el) if t):
            heads.add(el)
            text = _raw_text(el)
            if 0 < len(text.split()) <= SUBHEAD_MAX_WORDS:
                yield layout.order.get(el), el, text, "heading"
    for el in layout.root.iter("p"):
        if el not in heads:
            yield layout.order.get(el), el, layout.texts.get(el) or _raw_text(el), "paragraph"
    for el in layout.root.iter(*_LOOSE_TEXT_TAGS):
        if el not in heads:
            for anchor, text in _loose_runs(el):
                yield layout.order.get(anchor), el, text, "paragraph"


def _restore_link_text(items: list[tuple[str, str]], layout: _Layout) -> list[tuple[str, str]]:
    """Put back link text that precision mode cut out of a paragraph.

    A paragraph whose start and end are those of one raw ``<p>`` in the article container
    (the one it was matched to by its opening, or any when it matched none), a little longer
    (at most 1.5 times), lost the words of a link inside it ("… has reported that [the NFL
    will fine Rudolph] for his role …"): the raw paragraph's text replaces it.
    """
    raw = [(_norm_key(t), t) for t in (layout.texts.get(el) or _raw_text(el)
                                       for el in layout.root.iter("p"))]
    out = []
    for (kind, text), el in zip(items, layout.elements):
        key = _norm_key(text)
        if kind == "paragraph" and len(key) >= 60:
            head, tail = key[:30], key[-30:]
            if el is None:
                candidates = raw
            elif el.tag == "p" and el in layout.texts:
                candidates = [(_norm_key(layout.texts[el]), layout.texts[el])]
            else:
                candidates = []
            for rkey, rtext in candidates:
                if len(key) < len(rkey) <= 1.5 * len(key) and rkey.startswith(head) \
                        and rkey.endswith(tail):
                    text = rtext
                    break
        out.append((kind, text))
    return out


def _inside(el, root) -> bool:
    return el is root or any(a is root for a in el.iterancestors())
