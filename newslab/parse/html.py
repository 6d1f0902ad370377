"""Saved web page (HTML) -> :class:`~newslab.article.Article`, through trafilatura.

trafilatura (Barbaresi 2021, "Trafilatura: A Web Scraping Library and Command-Line Tool for
Text Discovery and Extraction", ACL demos) finds the article body and its metadata. It flattens
or drops what newslab needs as structure, so :func:`parse_html` adds it back from the page:

* **Body**: trafilatura's body tree (``bare_extraction`` with :data:`TRAFILATURA_OPTIONS`)
  gives sub-heads (``<head rend="h2">``), paragraphs, list items, quotes and table rows, in
  reading order. Each sub-head starts a new section index. Leading blocks that repeat the
  headline, the standfirst or the byline, and paragraphs that repeat a caption, are not body.
* **Headline**: the page's ``<h1>`` when it matches the metadata title or sits in the article
  container above the body, else the metadata title without its site-name part
  (``"Title | Site"``). A site logo in an ``<h1>`` is not taken.
* **Standfirst**: the page description when the page shows it apart from the body paragraphs.
* **Byline**: trafilatura's author, else an author link (``rel=author``, ``/author/…``), an
  author-classed element (hAtom/hCard ``author``/``vcard``, ``post-author``, ``byline``, an
  author box's heading) or a "By …" / "Written by …" / "Contributors:" line, the nearest
  above the body; it also replaces an author that is only the site or its publisher.
* **Captions**: ``<figcaption>`` and caption-classed elements inside the article container
  (never in asides, navigation, related-story or share widgets), each with its photo credit
  from a credit-classed child (``credit``, ``copyright``, ``caption__credit``…) or a written
  credit (``Photo: …``, ``Credit: …``, ``© …``).
* **Metadata** (``Article.meta``): title, author, date, sitename, description, categories,
  tags, language, image, hostname, and ``extraction`` (``"trafilatura"`` or ``"fallback"``).
  Author and date come from the page's own structured data first (JSON-LD, ``article:*`` /
  ``author`` / Dublin Core meta tags, microdata: :mod:`newslab.parse.html_meta`), then from
  trafilatura (its author tidied of job titles and dates), then from a byline on the page.
  What the page prints between the headline and the body is weighed against the markup: a
  labelled byline ("By …", "Author: …") that names someone else replaces the markup author
  (a CMS account or the publisher), a name alone above the date line fills a missing or
  team author; a "Published …" or plain date line beats a disagreeing markup date, an
  "Updated …" line never replaces a publication date; a date in the kicker line above the
  headline counts as shown; the permalink's ``/YYYY/MM/DD/`` date settles a one-day
  (time-zone) disagreement; without a date line near the headline, the article's own date
  element (``<time>``, ``entry-date``…) is weighed the same way. Without any date, htmldate
  (``original_date=True``, extensive search) reads the parsed tree. A date that is only the
  footer's copyright year is dropped. ``meta["sources"]`` says where each field came from
  (``"json-ld"``, ``"meta:article:published_time"``, ``"trafilatura"``, ``"htmldate"``,
  ``"url"`` (the permalink's date), ``"given"`` (the ``url`` the caller passed, for the
  ``url`` field), ``"date element"``, ``"shown under the headline"``, ``"byline under the
  headline"``, ``"byline element"``, ``"site owner"``…).
* **Recovered text**: paragraphs trafilatura's precision mode drops (lead paragraphs in a
  teaser/intro container, paragraphs set as loose text between ``<br>`` tags, sub-heads set
  as ``<div class="subhead">``, link text cut out of a paragraph) come back when the raw page
  holds them inside the article container and outside any widget (see ``_recover_dropped``).
  Two line breaks in a row inside one of trafilatura's paragraphs separate two paragraphs.
* **Chrome left out**: blocks trafilatura kept from a widget outside the article container
  (a sidebar teaser, a promo strip, a reprint dialog), link teasers inside it (related-story
  headlines, "Related: …" lines, rows of tags), the date line and page chrome closing the
  body (share, newsletter and comment prompts): :mod:`newslab.parse.html_chrome`.

``Article.text`` is newslab's plain-text rendering of the article, one block a line group,
blocks separated by a blank line: headline, standfirst, byline (``By …``), date, captions (the
credit follows its caption on the same line, in brackets), then sub-heads and paragraphs. Every
block's ``start``/``end`` indexes into it. ``Article.html`` keeps the raw page.

Bad input, documented behaviour:

* empty or whitespace-only HTML, or a page with no visible text:
  :class:`~newslab.errors.EmptyInputError`;
* malformed HTML (unclosed tags, truncated, stray bytes): lxml's HTML parser repairs it; control
  characters and lone surrogates are replaced first so the parser never rejects the string;
* a page where trafilatura finds no article (too short, a login wall, garbage): best effort,
  the page's visible text blocks become the paragraphs and ``meta["extraction"] == "fallback"``;
* an internal parser failure is never shown as an lxml/trafilatura traceback: it becomes
  :class:`~newslab.errors.HTMLParseError`.
"""

from __future__ import annotations

import re
from typing import Any

from ..article import Article, Block, normalize_span
from ..errors import EmptyInputError, HTMLParseError, NewslabError
from .html_chrome import date_texts, link_texts, without_chrome
from .html_common import (
    _CONTAINER_TAGS,
    _MAX_STANDFIRST,
    _TEXT_TAGS,
    _UNPARSABLE,
    _clean,
    _norm_key,
    _visible_lines,
)
from .html_meta import (
    choose_date,
    copyright_year_date,
    names_site,
    page_metadata,
    permalink_date,
    rejected_by_markup,
    shown_dates,
    site_owner,
    tidy_author,
)
from .html_recover import _Layout, _locate, _recover_dropped, _without_widget_blocks
from .html_structure import (
    _find_author,
    _find_captions,
    _format_byline,
    _header_parts,
    _pick_headline,
    _raw_text,
    article_date_lines,
    header_byline,
    header_kicker,
    header_name_line,
)
from .limits import check_size

#: trafilatura options, measured on the ScrapingHub article-extraction benchmark
#: (benchmarks/cleaning_html.py, body shingle F1 over 120 pages): precision mode 0.959,
#: default 0.956, recall mode 0.952. Images (0.920) and formatting (0.957) change which blocks
#: trafilatura keeps, for the worse, so they stay off: sub-heads survive without formatting
#: (``<head rend="h2">``) and captions are read from the raw page instead.
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "favor_precision": True,
    "include_comments": False,
    "include_formatting": False,
    "include_images": False,
    "include_tables": True,
    "with_metadata": True,
}



# ---------------------------------------------------------------------------------------
# public API
# ---------------------------------------------------------------------------------------
def parse_html(html: str | bytes, url: str | None = None, *,
               max_chars: int | None = None) -> Article:
    """Parse a saved web page into an Article: headline, captions, sections, metadata.

    ``Article.text`` is newslab's plain-text rendering of the article (see the module
    docstring); ``Article.html`` keeps the page. Raises
    :class:`~newslab.errors.EmptyInputError` for a page without visible text.

    >>> page = ("<html><head><title>Dam opens | Daily</title></head><body><article>"
    ...         "<h1>Dam opens</h1><p>" + "The new dam opened on Monday after years of work. " * 6
    ...         + "</p><h2>Cost</h2><p>" + "It cost more than planned, the council said. " * 6
    ...         + "</p></article></body></html>")
    >>> art = parse_html(page)
    >>> art.headline, [s.title for s in art.sections]
    ('Dam opens', [None, 'Cost'])
    """
    raw = html
    if isinstance(html, bytes):  # binary formats are refused, the encoding detected
        from .load import decode_bytes  # load reads files through this module

        html = decode_bytes(html, where="HTML page", html=True)
    if not isinstance(html, str):
        raise TypeError(f"parse_html expects the page as str or bytes, not {type(html).__name__}")
    if not html.strip():
        raise EmptyInputError("HTML page")
    check_size(html, max_chars)
    clean = _UNPARSABLE.sub(" ", html)

    tree = _load_tree(clean)
    if tree is None:
        if not _visible_words(clean):
            raise EmptyInputError("HTML page")
        tree = _load_tree(f"<html><body><div>{clean}</div></body></html>")
        if tree is None:
            raise HTMLParseError("could not be parsed as HTML")

    try:
        doc = _with_default_body(tree, url, _trafilatura(tree, url))
    except RecursionError:
        raise HTMLParseError("is nested too deeply to extract (a broken or generated page)")
    try:
        try:
            art = _build(tree, doc, url)
        except EmptyInputError:
            if not _visible_words(clean):
                raise
            # lxml dropped text it could not place (nesting deeper than libxml2's limit):
            # read the markup as plain text instead
            art = _build(_load_tree(_markup_to_paragraphs(clean)), None, url)
    except NewslabError:
        raise
    except (ValueError, TypeError, AttributeError, RecursionError) as err:
        # lxml raises ValueError/TypeError on pathological trees; never show its traceback.
        raise HTMLParseError(f"could not be read ({type(err).__name__}: {err})") from err
    art.html = raw if isinstance(raw, str) else html
    return art


# ---------------------------------------------------------------------------------------
# parsing and extraction
# ---------------------------------------------------------------------------------------
def _load_tree(html: str):
    """The page as an lxml tree via trafilatura's loader (repairs, encoding declarations)."""
    from trafilatura.utils import load_html

    try:
        return load_html(html)
    except (ValueError, TypeError, LookupError, RecursionError):
        return None
    except Exception:  # lxml.etree.ParserError and friends: treat as unparsable
        return None


def _trafilatura(tree, url: str | None):
    """trafilatura's Document (body tree + metadata), or ``None`` when it finds no article."""
    return _run_trafilatura(tree, url, TRAFILATURA_OPTIONS)


def _trafilatura_default(tree, url: str | None):
    """trafilatura's default (balanced) mode, body only."""
    return _run_trafilatura(tree, url, {**TRAFILATURA_OPTIONS, "favor_precision": False,
                                        "with_metadata": False})


def _run_trafilatura(tree, url: str | None, options: dict[str, Any]):
    """``trafilatura.bare_extraction`` with ``options``, quiet, ``None`` on its failures."""
    import logging

    import trafilatura

    # trafilatura logs "discarding data" at WARNING for pages it cannot extract; newslab
    # handles that case itself (fallback), so keep notebooks free of that noise.
    logger = logging.getLogger("trafilatura")
    level = logger.level
    logger.setLevel(logging.ERROR + 10)
    try:
        return trafilatura.bare_extraction(tree, url=url, **options)
    except RecursionError:
        raise
    except Exception:  # a bug inside trafilatura/htmldate on an odd page: fall back
        try:
            return trafilatura.bare_extraction(tree, url=url, fast=True,
                                               **{**options, "with_metadata": False})
        except Exception:
            return None
    finally:
        logger.setLevel(level)


#: Below this many words, precision mode may have kept a notice instead of the article.
SHORT_BODY_WORDS = 100


def _with_default_body(tree, url: str | None, doc):
    """Precision mode's Document, with the default mode's body when precision kept almost
    nothing (a reprint notice, a subscription line) and default mode finds at least twice
    as much text: reconciling the two modes where precision mode threw the article out."""
    if doc is None or len((doc.text or "").split()) >= SHORT_BODY_WORDS:
        return doc  # no article at all is the visible-text fallback's job
    words = len((doc.text or "").split())
    other = _trafilatura_default(tree, url)
    if other is None or other.body is None \
            or len((other.text or "").split()) < max(2 * words, SHORT_BODY_WORDS):
        return doc
    doc.body = other.body
    doc.text = other.text
    return doc


_SCRIPT_RE = re.compile(r"(?is)<(script|style|template)\b.*?(?:</\1\s*>|$)|<!--.*?(?:-->|$)")
_TAG_RE = re.compile(r"<[^>]*>?")


def _visible_words(html: str) -> bool:
    """Does the markup hold any visible word (a regex check that no parser limit affects)?"""
    return bool(re.search(r"\w", _TAG_RE.sub(" ", _SCRIPT_RE.sub(" ", html))))


def _markup_to_paragraphs(html: str) -> str:
    """Markup flattened by regex into a flat page of <p> lines (last-resort reading)."""
    from html import escape, unescape

    text = _SCRIPT_RE.sub(" ", html)
    text = re.sub(r"(?i)<(?:/?(?:p|div|li|h\d|br|tr|td|section|article|blockquote)\b)[^>]*>?",
                  "\n", text)
    lines = [_clean(unescape(_TAG_RE.sub(" ", line))) for line in text.split("\n")]
    return "<html><body>" + "".join(f"<p>{escape(x)}</p>" for x in lines if x) + "</body></html>"


def _flat(el) -> str:
    """Text of an element of trafilatura's tree; a line break (``<lb/>``) reads as a space."""
    if el.tag == "lb":
        return " "
    parts = [el.text or ""]
    for child in el:
        parts.append(_flat(child))
        parts.append(child.tail or "")
    return "".join(parts)


#: A line break (``<lb/>``) in trafilatura's tree while a paragraph's text is read; two in a
#: row, with only spaces between, separate paragraphs (``<br><br>``).
_LINE_BREAK = "\x00"
_PARAGRAPH_BREAK = re.compile("\x00\\s*\x00[\\s\x00]*")


def _body_items(body) -> list[tuple[str, str]]:
    """Flatten trafilatura's body tree into ``(kind, text)`` in reading order.

    ``kind`` is ``heading`` (``<head>``), ``paragraph`` (``<p>``, ``<quote>``, ``<code>``, a list
    item, a table row with cells joined by `` | ``) or ``graphic`` (an image, text = its src).
    """
    items: list[tuple[str, str]] = []

    def own_texts(el) -> list[str]:
        # text of el without nested block children (they are walked separately), cut into
        # paragraphs at two line breaks in a row ("<br><br>" between paragraphs)
        parts = [el.text or ""]
        for child in el:
            parts.append(_LINE_BREAK if child.tag == "lb"
                         else " " if child.tag in _TEXT_TAGS else _flat(child))
            parts.append(child.tail or "")
        return [_clean(t.replace(_LINE_BREAK, " "))
                for t in _PARAGRAPH_BREAK.split("".join(parts))]

    def walk(el, container: bool = True) -> None:
        # loose text and inline elements directly in a container form paragraphs of their
        # own, cut at each block child ("<body>Intro<p>…</p>More</body>")
        loose: list[str] = [el.text or ""] if container else []

        def flush() -> None:
            text = _clean("".join(loose))
            if text:
                items.append(("paragraph", text))
            loose.clear()

        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            block = tag in _TEXT_TAGS or tag in _CONTAINER_TAGS or tag == "graphic"
            if block or not container:
                flush()
            if tag == "head":
                items.append(("heading", _clean(_flat(child))))
            elif tag == "graphic":
                items.append(("graphic", child.get("src") or ""))
            elif tag == "row":
                cells = [_clean(_flat(c)) for c in child if c.tag == "cell"]
                items.append(("paragraph", " | ".join(c for c in cells if c)))
            elif tag in ("list", "table"):
                walk(child, container=False)
            elif tag in ("p", "quote", "code", "item"):
                items.extend(("paragraph", t) for t in own_texts(child))
                walk(child, container=False)
            elif tag in _CONTAINER_TAGS:
                walk(child)
            elif container:
                loose.append(_flat(child))
            if container:
                loose.append(child.tail or "")
        flush()

    walk(body)
    return [(k, t) for k, t in items if t]


def _fallback_items(tree) -> list[tuple[str, str]]:
    """Visible text blocks of the page when trafilatura finds no article (best effort):
    one paragraph per block-level element's run of text, script/style content skipped."""
    return [("paragraph", line) for line in _visible_lines(tree)]




# ---------------------------------------------------------------------------------------
# assembling the Article
# ---------------------------------------------------------------------------------------
class _Renderer:
    """Builds Article.text block by block, keeping each block's offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.blocks: list[Block] = []

    def add(self, kind: str, text: str, section: int | None = None,
            credit: str | None = None) -> None:
        if self.parts:
            self.parts.append("\n\n")
            self.pos += 2
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        block = Block(kind, normalize_span(text), start, self.pos, section=section)
        if credit:
            self.parts.append(f" [{credit}]")
            block.credit = normalize_span(credit)
            block.credit_start = self.pos + 2
            block.credit_end = block.credit_start + len(credit)
            self.pos += len(credit) + 3
        self.blocks.append(block)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _same_parent(elements: list, i: int) -> bool:
    """Does the raw element of item ``i`` share its parent with the next matched item's?"""
    el = elements[i]
    nxt = next((e for e in elements[i + 1:] if e is not None), None)
    return el is not None and nxt is not None and el.getparent() is nxt.getparent()


#: Metadata fields copied from trafilatura's Document into ``Article.meta``.
_META_FIELDS = ("title", "author", "date", "sitename", "description", "categories", "tags",
                "language", "image", "hostname", "url", "license", "pagetype")


def _build(tree, doc, url: str | None) -> Article:
    """Assemble the Article from trafilatura's Document (or ``None``) and the raw tree.

    Steps: the body items and metadata; where each item sits on the page; article text that
    precision mode dropped, recovered from the raw page; author and date from the page's own
    markup first; headline and captions from the page; the body without repeated header
    blocks; the rendering with offsets.
    """
    meta = _doc_meta(doc)
    if url:  # the address the caller gave is the page's, whatever the markup says
        meta["url"], meta["sources"]["url"] = url, "given"
    items = _body_items(doc.body) if doc is not None and doc.body is not None else []
    if items:
        meta["extraction"] = "trafilatura"
    if not any(k == "paragraph" for k, _ in items):
        items = _fallback_items(tree)
        meta["extraction"] = "fallback"
    if not items:
        raise EmptyInputError("HTML page")
    layout = _locate(tree, items)
    if meta["extraction"] == "trafilatura" and layout.root is not None:
        items, layout = _without_widget_blocks(tree, items, layout)
        items, layout = _recover_dropped(tree, url, items, layout)
    _set_author_and_date(tree, meta, layout, url)
    headline = _pick_headline(tree, layout.root, meta.get("title"), meta.get("sitename"),
                              layout.first_pos, layout.order)
    captions = _find_captions(tree, layout.root, layout.order)
    body, standfirst = _body_blocks(items, layout, headline, meta, captions)
    body = without_chrome(body, link_texts(tree if layout.root is None else layout.root),
                          date_texts(tree))
    if standfirst is None and not any(_norm_key(t) == _norm_key(meta.get("description") or "")
                                      for _, t, _ in body):
        # the page shows its description near the article; never a second copy of a body block
        standfirst = _shown_description(meta.get("description"), layout.root)
    return _render(headline, standfirst, meta, captions, body, url)


def _doc_meta(doc) -> dict[str, Any]:
    """trafilatura's metadata fields (cleaned), each with ``sources[field] = "trafilatura"``."""
    meta: dict[str, Any] = {"sources": {}}
    if doc is None:
        return meta
    for key in _META_FIELDS:
        value = getattr(doc, key, None)
        if value:
            meta[key] = _clean(value) if isinstance(value, str) else value
            meta["sources"][key] = "trafilatura"
    return meta


def _set_author_and_date(tree, meta: dict[str, Any], layout: _Layout,
                         url: str | None = None) -> None:
    """Author and date from the page's own structured data first, then trafilatura, then a
    byline on the page; the date printed under the headline is weighed against the markup
    (:func:`~newslab.parse.html_meta.choose_date`); a date that is only the footer's
    copyright year is dropped."""
    stated = page_metadata(tree)
    for field in ("author", "date"):
        if field in stated:
            meta[field], meta["sources"][field] = stated[field]
    if meta.get("author") and meta["sources"].get("author") == "trafilatura":
        meta["author"] = tidy_author(meta["author"])  # "Jane Doe Senior Reporter", "Dec"
        if not meta["author"] or rejected_by_markup(meta["author"], tree):
            del meta["author"], meta["sources"]["author"]
    header = _header_parts(tree, layout.positions, layout.order)
    shown, where = " ".join(header_kicker(tree, layout.positions, layout.order) + header), \
        "shown under the headline"
    if not shown_dates(shown):  # no date line near the headline: the article's date element
        shown, where = " ".join(article_date_lines(layout.root)), "date element"
    _weigh_shown_date(tree, meta, stated, shown, where)
    day = permalink_date(meta.get("date"), url)
    if day:
        meta["date"], meta["sources"]["date"] = day, "url"
    _prefer_header_byline(meta, header, tree)
    if meta.get("date") and meta["sources"].get("date") in ("trafilatura", "htmldate") \
            and copyright_year_date(meta["date"], _raw_text(tree)[-5000:]):
        del meta["date"], meta["sources"]["date"]
    _fill_author(tree, meta, layout, url)


def _fill_author(tree, meta: dict[str, Any], layout: _Layout, url: str | None) -> None:
    """Without a writer's name (none, a team or desk, or the site itself), a byline element
    on the page (:func:`~newslab.parse.html_structure._find_author`) names the writer; a
    site or team author is kept when the page names no one (the publisher is then the
    author of record). With no author at all, the owner a personal site is named for
    (:func:`~newslab.parse.html_meta.site_owner`)."""
    author = meta.get("author")
    if author and not _COLLECTIVE_AUTHOR.search(re.split(r"[|;,]", author)[0]) \
            and not names_site(author, tree, meta.get("sitename")):
        return
    found = tidy_author(_find_author(tree, layout.root, layout.first_pos, layout.order,
                                     skip=author))
    if found:
        meta["author"], meta["sources"]["author"] = found, "byline element"
    elif not author and site_owner(tree, url):
        meta["author"], meta["sources"]["author"] = site_owner(tree, url), "site owner"


#: An author value naming a group rather than a writer ("Acme Team", "News Desk").
_COLLECTIVE_AUTHOR = re.compile(r"(?i)\b(?:team|staff|editors?|editorial|desk|newsroom)\b")


def _prefer_header_byline(meta: dict[str, Any], header: list[str], tree=None) -> None:
    """The labelled byline printed under the headline ("By …", "Author: …") names the
    author when the markup names nobody or someone else: markup authors are often the CMS
    account that posted the story or the publisher itself, the printed byline is the credit
    the newsroom gives (a name inside the markup's value, or containing it, agrees).
    Without a label, a name alone on the line above the date is taken only when nothing
    names a writer (no author, or a team, desk or the site's own name)."""
    byline = tidy_author(header_byline(header))
    source = "byline under the headline"
    author = meta.get("author") or ""
    if not byline:
        if author and not _COLLECTIVE_AUTHOR.search(author) \
                and _norm_key(author) != _norm_key(meta.get("sitename") or "") \
                and not (tree is not None and names_site(author, tree, meta.get("sitename"))):
            return
        byline, source = tidy_author(header_name_line(header)), "name line under the headline"
        if not byline:
            return
    first = _norm_key(byline.split(";")[0])
    stated = [_norm_key(n) for n in author.split(";") if n.strip()]
    if any(first in n or n in first for n in stated):
        return
    meta["author"], meta["sources"]["author"] = byline, source


def _weigh_shown_date(tree, meta: dict[str, Any], stated: dict, header: str,
                      where: str = "shown under the headline") -> None:
    """Set ``meta["date"]`` from the header's shown date when :func:`choose_date` prefers it
    (source ``where``); without any date, ask htmldate (publication date, extensive search)
    on the parsed tree."""
    published = stated["date"][0] if "date" in stated else None
    modified = stated["modified"][0] if "modified" in stated else None
    shown = shown_dates(header)
    chosen = choose_date(published, modified, shown)
    if chosen and chosen[1] == "shown":
        meta["date"], meta["sources"]["date"] = chosen[0], where
    elif chosen:
        meta["date"], meta["sources"]["date"] = stated["date"]
    if not meta.get("date"):
        date = _htmldate(tree)
        if date:
            meta["date"], meta["sources"]["date"] = date, "htmldate"


def _htmldate(tree) -> str | None:
    """htmldate's publication date (``original_date=True``, extensive search) for the parsed
    tree (a tree, never a string: htmldate fetches a string that looks like a URL)."""
    try:
        from htmldate import find_date

        return find_date(tree, original_date=True, extensive_search=True)
    except Exception:  # a bug inside htmldate on an odd page: no date
        return None


def _body_blocks(items, layout: _Layout, headline: str | None, meta: dict[str, Any],
                 captions) -> tuple[list[tuple[str, str, int | None]], str | None]:
    """The body (kind, text, position) and the standfirst: leading blocks that repeat the
    headline, the description or the byline are not body text, nor are caption texts."""
    caption_keys = {_norm_key(t) for _, t, _ in captions}
    caption_keys |= {_norm_key(f"{t} {c}") for _, t, c in captions if c}
    description, author = meta.get("description"), meta.get("author")
    standfirst = None
    body: list[tuple[str, str, int | None]] = []
    seen_para = False
    for i, ((kind, text), pos) in enumerate(zip(items, layout.positions)):
        key = _norm_key(text)
        if kind == "graphic" or key in caption_keys:
            continue  # a caption is kept as a caption block
        if not seen_para:
            if headline and key == _norm_key(headline):
                continue
            if description and key == _norm_key(description) and (
                    kind == "heading"
                    or (len(text) <= _MAX_STANDFIRST and not _same_parent(layout.elements, i))):
                # a dek set apart from the body; a lead paragraph reused as the page's
                # description (long, or among the body paragraphs) stays in the body
                standfirst = text
                continue
            if author and kind == "paragraph" and re.match(r"(?i)by\s", text) and len(text) < 120 \
                    and _norm_key(author.split(";")[0]) in key:
                continue
        if kind == "paragraph":
            seen_para = True
        body.append((kind, text, pos))
    return body, standfirst


def _shown_description(description: str | None, root) -> str | None:
    """The page description when the page shows it near the article (a standfirst)."""
    if not description or root is None:
        return None
    dkey = _norm_key(description)
    for el in root.iter("p", "h2", "div", "span"):
        if _norm_key(_raw_text(el)) == dkey:
            return description
    return None


def _render(headline, standfirst, meta, captions, body, url) -> Article:
    """Article.text block by block: header blocks, then captions where their photo is, then
    sub-heads (each opening a section) and paragraphs."""
    out = _Renderer()
    if headline:
        out.add("headline", headline)
    if standfirst:
        out.add("standfirst", standfirst)
    if meta.get("author"):
        out.add("byline", _format_byline(meta["author"]))
    if meta.get("date"):
        out.add("date", meta["date"])
    # captions go where the photo is: before the first body block that follows it
    pending = sorted(captions, key=lambda c: c[0])
    para_positions = [p for _, _, p in body if p is not None]
    first_body = min(para_positions) if para_positions else None
    while pending and (first_body is None or pending[0][0] < first_body):
        _, text, credit = pending.pop(0)
        out.add("caption", text, credit=credit)
    section = 0
    for kind, text, pos in body:
        while pending and pos is not None and pending[0][0] < pos:
            _, ctext, credit = pending.pop(0)
            out.add("caption", ctext, credit=credit)
        if kind == "heading":
            section += 1
            out.add("heading", text, section=section)
        else:
            out.add("paragraph", text, section=section)
    for _, text, credit in pending:
        out.add("caption", text, credit=credit)
    if not meta.get("sources"):
        meta.pop("sources", None)
    return Article(text=out.text, blocks=out.blocks, format="html", url=url, meta=meta)
