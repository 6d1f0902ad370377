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
* **Byline**: trafilatura's author, else an author link (``rel=author``, ``/author/…``) or a
  "By …" / "Written by …" line, the nearest above the body.
* **Captions**: ``<figcaption>`` and caption-classed elements inside the article container
  (never in asides, navigation, related-story or share widgets), each with its photo credit
  from a credit-classed child (``credit``, ``copyright``, ``caption__credit``…) or a written
  credit (``Photo: …``, ``Credit: …``, ``© …``).
* **Metadata** (``Article.meta``): title, author, date, sitename, description, categories,
  tags, language, image, hostname, and ``extraction`` (``"trafilatura"`` or ``"fallback"``).
  Author and date come from the page's own structured data first (JSON-LD, ``article:*`` /
  ``author`` / Dublin Core meta tags, microdata: :mod:`newslab.parse.html_meta`), then from
  trafilatura (its author tidied of job titles and dates), then from a byline on the page; a
  date that is only the footer's copyright year is dropped. ``meta["sources"]`` says where
  each field came from (``"json-ld"``, ``"meta:article:published_time"``, ``"trafilatura"``,
  ``"byline element"``…).
* **Recovered text**: paragraphs trafilatura's precision mode drops (lead paragraphs in a
  teaser/intro container, link text cut out of a paragraph) come back when the raw page holds
  them inside the article container and outside any widget (see ``_recover_dropped``).

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
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..article import Article, Block, normalize_span
from ..errors import EmptyInputError, HTMLParseError, NewslabError
from .html_meta import copyright_year_date, page_metadata, tidy_author
from .limits import check_size
from .text import chrome_reason

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

#: Characters removed outright from rendered text (invisible, or a hyphenation hint).
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
#: Characters lxml refuses in a str (C0 controls except tab/newline/CR, DEL, lone surrogates).
_UNPARSABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")

#: Class/id tokens that mark a photo caption (WordPress ``wp-caption-text``, ``cutline``…).
_CAPTION_CLASS = re.compile(r"(?:^|[-_])(?:caption|cutline|figcaption)s?(?:$|[-_])", re.I)
#: Class/id/itemprop tokens that mark a photo credit inside a caption.
_CREDIT_CLASS = re.compile(
    r"credit|copyright|photographer|attribution|courtesy|(?:^|[-_])source(?:$|[-_])|"
    r"(?:^|[-_])(?:byline|author)(?:$|[-_])", re.I)
#: Written credits at the end of a caption: "Photo: Jane Doe/AFP", "Credit... AP",
#: "(Photo by Jane Doe)", "© Reuters", "[AFP]". The credit is the named group.
_CREDIT_TEXT = (
    re.compile(r"[\s(\[]*\b(?:photo(?:graph)?s?|image|picture|illustration|credit|foto|video)"
               r"(?:\s+(?:by|credit|courtesy(?: of)?))?\s*(?::|\.\.\.|…|-|–|—|\bby\b)\s*"
               r"(?P<credit>[^:()\[\]]{2,100}?)[\s)\]]*$", re.I),
    re.compile(r"[\s(\[]*(?:©|\(c\)|copyright)\s*(?P<credit>[^()\[\]]{2,100}?)[\s)\]]*$", re.I),
    re.compile(r"\s*[(\[]\s*(?P<credit>[A-Z][\w.&'’ /-]{1,60}?)\s*[)\]]\s*$"),
)
#: Labels read aloud by screen readers or galleries before a caption / a credit
#: ("Image caption …", "Image 2 of 8 …", "Image copyright Getty Images", "Photo: …").
_CAPTION_LABEL = re.compile(
    r"^(?:(?:image|photo|picture|media)\s+(?:caption|\d+\s*(?:of|/)\s*\d+)|caption)\s*:?\s*", re.I)
_CREDIT_LABEL = re.compile(
    r"^(?:(?:image|photo(?:graph)?|picture|video|illustration)\s+)?"
    r"(?:credit|copyright|source|courtesy|©|photo(?:graph)?|image|foto|illustration)s?"
    r"(?:\s+(?:by|of))?\s*(?::|\.\.\.|…|\s)\s*", re.I)
#: A caption-classed element holding headings or many paragraphs is a layout block.
_NOT_A_CAPTION_XPATH = "boolean(.//h1 | .//h2 | .//h3 | .//article | (.//p)[4])"
#: Ancestors (tag or class/id token) whose figures are not the article's own: related-story
#: teasers, share and newsletter widgets, navigation, sidebars, comments.
_NOT_ARTICLE_TAGS = frozenset({"aside", "nav", "footer", "noscript", "template", "form"})
_NOT_ARTICLE_CLASS = re.compile(
    r"related|recommend|promo|teaser|newsletter|share|social|comment|sidebar|widget|"
    r"more-stories|trending|popular|most-read|outbrain|taboola|advert|(?:^|[-_])ad(?:$|[-_])|"
    r"nav|menu|footer|subscribe|paywall|cookie|modal", re.I)
#: The same widgets for recovering body text: a "teaser" or "promo" class inside the article
#: container often holds the story's own lead (an intro box), so those tokens are not here.
_NOT_BODY_CLASS = re.compile(
    r"related|recommend|newsletter|share|social|comment|sidebar|widget|more-stories|trending|"
    r"popular|most-read|outbrain|taboola|advert|(?:^|[-_])ad(?:$|[-_])|nav|menu|footer|"
    r"subscribe|paywall|cookie|modal|caption|credit|byline|author|bio|(?:^|[-_])dek(?:$|[-_])|"
    r"standfirst|summary|subtitle|description|excerpt|figure|disclaimer|correction", re.I)
#: Elements that name an author (rel=author, author pages, schema.org markup, byline classes).
_AUTHOR_XPATH = (
    "//a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')]"
    " | //a[contains(@href, '/author/') or contains(@href, '/authors/')]"
    " | //*[@itemprop='author']//*[@itemprop='name'] | //*[@itemprop='author'][not(*)]"
    " | //*[contains(@class, 'author-name') or contains(@class, 'author__name')"
    " or contains(@class, 'byline__name') or contains(@class, 'post-author')"
    " or contains(@class, 'entry-author') or contains(@class, 'article-author')]")
#: A byline label printed apart from the name ("Written by" | "Jane Doe" in two elements).
_BYLINE_LABEL = re.compile(r"(?i)^(?:(?:written|posted|reported|words|article|story)\s+)?by:?$|"
                           r"^(?:author|written by|auteur|autor|autore|von)\s*:?$")
#: A written byline: "By Jane Doe", "Written by Jane Doe", "Words: Jane Doe", "Author: …".
_BYLINE_RE = re.compile(
    r"^\s*(?:(?:written|article|story|words|reporting|posted|published)\s+)?(?:by|author)"
    r"\s*:?\s+(?P<name>\S.*)$", re.I)
_BYLINE_START = re.compile(
    r"\s*(?:(?:written|article|story|words|reporting|posted|published)\s+)?(?:by|author)\b", re.I)
#: Lower-case words allowed inside a name ("Ludwig van Beethoven", "Jane Doe and Li Wei").
_NAME_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "la", "le",
                             "bin", "al", "and", "y", "e"})
#: Site-name separators in <title>: "Headline | Site", "Headline - Site", "Site: Headline".
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—:•·»]|::)\s+")
#: Block-level tags of trafilatura's output tree that hold text of their own.
_TEXT_TAGS = frozenset({"p", "quote", "code", "item", "row", "cell", "head", "list", "table"})
#: Raw HTML elements whose content is never visible text.
_INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "svg",
                             "iframe", "object", "select", "option"})
#: Raw HTML elements that start a new line of visible text (for the fallback rendering).
_BLOCK_LEVEL_TAGS = frozenset(
    "p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 br hr tr td th table section article header "
    "footer nav aside main blockquote pre figure figcaption form address body".split())
#: A standfirst (dek) is one or two sentences; a longer description is the lead paragraph.
_MAX_STANDFIRST = 250
#: Container tags of trafilatura's output tree (walked into, never a block themselves).
_CONTAINER_TAGS = frozenset({"div", "main", "section", "body", "doc", "article"})
#: Raw HTML tags matched against extracted paragraphs to find where the article sits.
_RAW_BLOCK_TAGS = ("p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "dd",
                   "figcaption")


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
    if isinstance(html, bytes):
        from trafilatura.utils import decode_file

        html = decode_file(html)
        if isinstance(html, bytes):  # undecodable: decode_file gave the bytes back
            html = html.decode("utf-8", "replace")
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


def _clean(text: str | None) -> str:
    """One line of visible text: invisible characters removed, whitespace runs collapsed."""
    if not text:
        return ""
    return " ".join(_INVISIBLE.sub("", text).split())


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


def _body_items(body) -> list[tuple[str, str]]:
    """Flatten trafilatura's body tree into ``(kind, text)`` in reading order.

    ``kind`` is ``heading`` (``<head>``), ``paragraph`` (``<p>``, ``<quote>``, ``<code>``, a list
    item, a table row with cells joined by `` | ``) or ``graphic`` (an image, text = its src).
    """
    items: list[tuple[str, str]] = []

    def own_text(el) -> str:
        # text of el without nested block children (they are walked separately)
        parts = [el.text or ""]
        for child in el:
            parts.append(" " if child.tag in _TEXT_TAGS else _flat(child))
            parts.append(child.tail or "")
        return _clean("".join(parts))

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
                items.append(("paragraph", own_text(child)))
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


def _visible_lines(el) -> list[str]:
    """Visible text of a raw element, one string per run between block-level tags.

    Script/style/template content is skipped; inline tags join their text without a space
    (``<b>U</b>.S.`` reads ``U.S.``).
    """
    from lxml import etree

    lines: list[str] = [""]
    skipping = 0
    for event, node in etree.iterwalk(el, events=("start", "end")):
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in _INVISIBLE_TAGS or not tag:
            skipping += 1 if event == "start" else -1
            if event == "end" and not skipping and node is not el:
                lines[-1] += node.tail or ""
            continue
        if skipping:
            continue
        if tag in _BLOCK_LEVEL_TAGS:
            lines.append("")
        if event == "start":
            lines[-1] += node.text or ""
        elif node is not el:
            lines[-1] += node.tail or ""
    return [c for c in (_clean(line) for line in lines) if c]


def _fallback_items(tree) -> list[tuple[str, str]]:
    """Visible text blocks of the page when trafilatura finds no article (best effort):
    one paragraph per block-level element's run of text, script/style content skipped."""
    return [("paragraph", line) for line in _visible_lines(tree)]


# ---------------------------------------------------------------------------------------
# structure from the raw page
# ---------------------------------------------------------------------------------------
def _tokens(el) -> list[str]:
    return re.split(r"\s+", f"{el.get('class') or ''} {el.get('id') or ''} "
                           f"{el.get('itemprop') or ''}".strip())


def _is_credit(el) -> bool:
    return any(_CREDIT_CLASS.search(t) for t in _tokens(el) if t)


def _is_caption(el) -> bool:
    if el.tag == "figcaption":
        return True
    toks = [t for t in _tokens(el) if t]
    return any(_CAPTION_CLASS.search(t) and not _CREDIT_CLASS.search(t) for t in toks)


def _outside_article(el, root, not_article: re.Pattern | None = None) -> bool:
    """Is ``el`` in an aside/nav/related/share widget, or outside the article container?

    ``not_article`` replaces :data:`_NOT_ARTICLE_CLASS` (the class/id tokens of such widgets).
    """
    not_article = not_article or _NOT_ARTICLE_CLASS
    for anc in el.iterancestors():
        if anc is root:
            return False
        tag = anc.tag if isinstance(anc.tag, str) else ""
        if tag in _NOT_ARTICLE_TAGS or any(not_article.search(t) for t in _tokens(anc) if t):
            return True
    return root is not None


def _raw_text(el) -> str:
    """Visible text of a raw element on one line."""
    return " ".join(_visible_lines(el))


def _caption_and_credit(el) -> tuple[str, str | None]:
    """Split a caption element into (caption text, credit or None)."""
    credit_els = [d for d in el.iterdescendants() if isinstance(d.tag, str) and _is_credit(d)]
    # keep outermost credit elements only
    credit_els = [d for d in credit_els if not any(a in credit_els for a in d.iterancestors())]
    if credit_els:
        credit = _clean(" ".join(_raw_text(d) for d in credit_els))
        full = _raw_text(el)
        text = full
        for d in credit_els:
            t = _raw_text(d)
            if t:
                text = text.replace(t, " ", 1)
        text = _CAPTION_LABEL.sub("", _clean(text)).rstrip(" |-–—")
        credit = _CREDIT_LABEL.sub("", credit.strip(" ()[]")).strip(" ()[]")
        return text, (credit if credit and credit != text else None)
    text, credit = split_credit(_CAPTION_LABEL.sub("", _raw_text(el)))
    return text, (_CREDIT_LABEL.sub("", credit).strip() or None) if credit else None


def split_credit(caption: str) -> tuple[str, str | None]:
    """Split a written photo credit off the end of a caption.

    >>> split_credit("Rescuers search the rubble. Photo: Jane Doe/AFP")
    ('Rescuers search the rubble.', 'Jane Doe/AFP')
    >>> split_credit("The mayor at the opening [AFP]")
    ('The mayor at the opening', 'AFP')
    >>> split_credit("A quiet street at dawn")
    ('A quiet street at dawn', None)
    >>> split_credit("Photo: Jane Doe")
    ('', 'Jane Doe')
    """
    caption = _clean(caption)
    for pattern in _CREDIT_TEXT:
        m = pattern.search(caption)
        if m and m.start() == 0 and pattern is not _CREDIT_TEXT[-1]:
            return "", m.group("credit").strip(" .") or None  # a credit with no caption
        if m and m.start() > 0:
            credit = m.group("credit").strip(" .")
            if credit:
                return caption[: m.start()].rstrip(" |-–—,;"), credit
    return caption, None


def _article_root(tree, matched: list) -> Any:
    """The element holding the article: deepest ancestor of most matched paragraphs,
    widened to its ``<article>`` (or a wrapper adding little text) so the lead photo and the
    headline above the body are inside it."""
    if not matched:
        arts = tree.xpath("//article | //*[@itemprop='articleBody']")
        return arts[0] if len(arts) == 1 else None
    counts: Counter = Counter()
    for el in matched:
        for anc in el.iterancestors():
            counts[anc] += 1
    need = max(1, int(0.6 * len(matched) + 0.5))
    best, best_depth = None, -1
    for anc, n in counts.items():
        if n >= need:
            depth = sum(1 for _ in anc.iterancestors())
            if depth > best_depth:
                best, best_depth = anc, depth
    if best is None:
        return None
    size = len(_raw_text(best)) or 1
    article = next((a for a in best.iterancestors() if a.tag == "article"), None)
    if best.tag != "article" and article is not None and len(_raw_text(article)) <= 3 * size:
        return article
    root = best
    for _ in range(3):  # climb through thin wrappers (header + body + footer of the story)
        parent = root.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        if len(_raw_text(parent)) > 1.5 * size:
            break
        root = parent
    return root


def _find_captions(tree, root, order: dict) -> list[tuple[int, str, str | None]]:
    """(document position, caption text, credit) for the article's own photo captions."""
    if root is None:
        return []
    candidates = [el for el in root.iter() if isinstance(el.tag, str) and _is_caption(el)]
    cand_set = set(candidates)
    out, seen = [], set()
    for el in candidates:
        if el.tag != "figcaption" and any(a in cand_set for a in el.iterancestors()):
            continue  # inside another caption element: the outer one is read whole
        if _outside_article(el, root):
            continue
        if el.tag != "figcaption" and el.xpath(_NOT_A_CAPTION_XPATH):
            continue  # a "caption"-classed block holding headings or many paragraphs
        text, credit = _caption_and_credit(el)
        key = text.lower()
        if not text or key in seen or len(text) > 1500:
            continue
        seen.add(key)
        out.append((order.get(el, 0), text, credit))
    return out


def _pick_headline(tree, root, title: str | None, sitename: str | None,
                   first_pos: int | None, order: dict) -> str | None:
    """The story's <h1>, else the metadata title without its site-name part.

    An <h1> is the headline when it matches the metadata title (one contains the other, or
    they share most words), or when it sits in the article container above the body. A
    site logo in an <h1>, or an <h1> lower in the body, is not.
    """
    h1s = [(el, _raw_text(el)) for el in tree.iter("h1")]
    h1s = [(el, t) for el, t in h1s if 0 < len(t) <= 300]
    if title:
        # the site's name in an <h1> (a logo) matches the "| Site" part of the title: skip it
        parts = [_norm_key(p) for p in _TITLE_SEPARATORS.split(title)]
        site_parts = {p for p in parts if len(parts) > 1 and p != max(parts, key=len)}
        site_parts.add(_norm_key(sitename or ""))
        for _, t in h1s:
            if _norm_key(t) not in site_parts and _similar_titles(t, title):
                return t
    above = [(el, t) for el, t in h1s if first_pos is None or order.get(el, 0) < first_pos]
    if root is not None:
        inside = [t for el, t in above if el is root or root in set(el.iterancestors())]
        if inside:
            return inside[0]
    if len(h1s) == 1 and above and not title:
        return above[0][1]
    return strip_site_name(title, sitename) if title else None


def _similar_titles(h1: str, title: str) -> bool:
    a, b = _norm_key(h1), _norm_key(title)
    if not a or not b:
        return False
    if a in b or b in a:
        return len(a) >= 0.3 * len(b)  # "Discord" in a long title is not the headline
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) >= 0.6 * min(len(wa), len(wb))


def strip_site_name(title: str, sitename: str | None = None) -> str:
    """Remove the site-name part of a page title ("Headline | Site" -> "Headline").

    >>> strip_site_name("Dam opens after years of delay | Daily Herald", "Daily Herald")
    'Dam opens after years of delay'
    >>> strip_site_name("Dam opens after years of delay - Herald")
    'Dam opens after years of delay'
    """
    title = _clean(title)
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    site = (sitename or "").lower()
    if site:
        kept = [p for p in parts if p.lower() != site and p.lower() not in site]
        if kept and len(kept) < len(parts):
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    # no known site name: drop a short last (or first) part, the usual site-name slot
    if len(parts[-1].split()) <= 4 and len(" ".join(parts[:-1]).split()) >= 3:
        return title[: title.rfind(parts[-1])].rstrip(" |-–—:•·»")
    return title


def _find_author(tree, root, first_pos: int | None, order: dict) -> str | None:
    """A byline trafilatura missed: an author link (``rel=author``, ``/author/slug``), an
    author-classed element, a short "By …" / "Written by …" line, or a "Written by" label
    followed by the name in the next element; the one nearest above the body wins."""
    found: list[tuple[int, str]] = []
    for el in tree.xpath(_AUTHOR_XPATH):
        name = _author_name(_raw_text(el), prefixed=False)
        if name and not _outside_article(el, None):
            found.append((order.get(el, 0), name))
    for el in tree.iter("p", "span", "div", "h3", "h4", "h5", "h6", "li", "address"):
        # cheap test on the element's own leading text before reading its whole text
        if not el.text or not _BYLINE_START.match(el.text):
            continue
        text = _raw_text(el)
        if 4 < len(text) < 80:
            name = _author_name(text, prefixed=True)
            if name and not _outside_article(el, None):
                found.append((order.get(el, 0), name))
    for el in tree.iter("p", "span", "div", "dt", "strong", "em", "small"):
        # "Written by" in one element, the name in the next one
        if el.text and len(el.text) < 20 and len(el) == 0 and _BYLINE_LABEL.match(el.text.strip()):
            nxt = el.getnext()
            text = _raw_text(nxt) if nxt is not None else (el.tail or "").strip()
            name = _author_name(text, prefixed=False) if 2 < len(text) < 60 else None
            if name and not _outside_article(el, None):
                found.append((order.get(el, 0), name))
    if not found:
        return None
    if first_pos is not None:
        above = [f for f in found if f[0] < first_pos]
        if above:
            return max(above)[1]
    return min(found)[1]


def _author_name(text: str, prefixed: bool) -> str | None:
    """The name in a byline (``By Jane Doe`` -> ``Jane Doe``), or None if it is not one."""
    m = _BYLINE_RE.match(text)
    if prefixed and not m:
        return None
    name = _clean(m.group("name") if m else text).strip(" ,.|")
    name = re.split(r"\s+(?:[|•·]|on|updated|published)\s+|,\s+(?=\w+ \d)", name, flags=re.I)[0]
    words = name.split()
    if not 1 <= len(words) <= 6 or len(name) > 60 or re.search(r"\d|@|http", name):
        return None
    if not all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words):
        return None
    return name


def _format_byline(author: str) -> str:
    names = [n.strip() for n in author.split(";") if n.strip()]
    if len(names) <= 1:
        return f"By {author.strip()}"
    return f"By {', '.join(names[:-1])} and {names[-1]}"


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


def _norm_key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _same_parent(elements: list, i: int) -> bool:
    """Does the raw element of item ``i`` share its parent with the next matched item's?"""
    el = elements[i]
    nxt = next((e for e in elements[i + 1:] if e is not None), None)
    return el is not None and nxt is not None and el.getparent() is nxt.getparent()


#: Metadata fields copied from trafilatura's Document into ``Article.meta``.
_META_FIELDS = ("title", "author", "date", "sitename", "description", "categories", "tags",
                "language", "image", "hostname", "url", "license", "pagetype")
#: A paragraph recovered from trafilatura's recall mode is prose: this many words at least.
RECOVER_MIN_WORDS = 12


@dataclass
class _Layout:
    """Where the extracted blocks sit in the raw page."""

    order: dict          # raw element -> document position
    elements: list       # per item: the raw element it was matched to, or None
    positions: list      # per item: its document position, or None
    root: Any            # the element holding the article, or None
    first_pos: int | None  # position of the first matched block
    texts: dict          # raw block element -> its visible text (read once per page)


def _build(tree, doc, url: str | None) -> Article:
    """Assemble the Article from trafilatura's Document (or ``None``) and the raw tree.

    Steps: the body items and metadata; where each item sits on the page; article text that
    precision mode dropped, recovered from the raw page; author and date from the page's own
    markup first; headline and captions from the page; the body without repeated header
    blocks; the rendering with offsets.
    """
    meta = _doc_meta(doc)
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
        items, layout = _recover_dropped(tree, url, items, layout)
    _set_author_and_date(tree, meta, layout)
    headline = _pick_headline(tree, layout.root, meta.get("title"), meta.get("sitename"),
                              layout.first_pos, layout.order)
    captions = _find_captions(tree, layout.root, layout.order)
    body, standfirst = _body_blocks(items, layout, headline, meta, captions)
    if standfirst is None:
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
    elements = [index.get(_norm_key(text)[:80]) if kind != "graphic" else None
                for kind, text in items]
    positions = [order.get(el) if el is not None else None for el in elements]
    matched = [el for el in elements if el is not None]
    root = _article_root(tree, matched)
    first_pos = next((p for p in positions if p is not None), None)
    return _Layout(order, elements, positions, root, first_pos, texts)


def _recover_dropped(tree, url: str | None, items: list[tuple[str, str]],
                     layout: _Layout) -> tuple[list[tuple[str, str]], _Layout]:
    """Add back article paragraphs that trafilatura's precision mode dropped: lead paragraphs
    in a teaser or intro container, paragraphs wrapped in a link.

    trafilatura drops such blocks in every mode (its boilerplate list names "teaser"
    classes; link-dense blocks look like navigation), so they are found by containment in
    the raw page instead: a ``<p>`` comes back when it is inside the article container,
    outside asides/navigation/share/comment/caption blocks and decks, reads as prose
    (``RECOVER_MIN_WORDS`` words, a sentence end), matches no page-chrome phrase of the
    cleaning lexicons (newsletter, share, related…) and sits above the last paragraph that
    precision mode kept, so teasers, related links and comments below the story stay out.
    """
    items = _restore_link_text(items, layout)
    have = {_norm_key(t)[:80] for _, t in items}
    kept = " | ".join(_norm_key(t) for _, t in items)  # to skip text already inside a block
    last = max((p for p in layout.positions if p is not None), default=None)
    extra: list[tuple[int, str]] = []
    for el in layout.root.iter("p"):
        pos = layout.order.get(el)
        if pos is None or last is None or pos >= last:
            continue
        text = layout.texts.get(el) or _raw_text(el)
        key = _norm_key(text)[:80]
        if key in have or key in kept or len(text.split()) < RECOVER_MIN_WORDS \
                or text.rstrip("\"'”’)» ")[-1:] not in ".!?" or el.find(".//p") is not None \
                or _outside_article(el, layout.root, _NOT_BODY_CLASS) \
                or any(_NOT_BODY_CLASS.search(t) for t in _tokens(el) if t) \
                or chrome_reason(text):
            continue
        extra.append((pos, text))
        have.add(key)
    if not extra:
        return items, layout
    merged: list[tuple[str, str]] = []
    for (kind, text), pos in zip(items, layout.positions):
        while extra and pos is not None and extra[0][0] < pos:
            merged.append(("paragraph", extra.pop(0)[1]))
        merged.append((kind, text))
    merged += [("paragraph", t) for _, t in extra]
    return merged, _locate(tree, merged, layout.texts)


def _restore_link_text(items: list[tuple[str, str]], layout: _Layout) -> list[tuple[str, str]]:
    """Put back link text that precision mode cut out of a paragraph.

    A paragraph that matched no raw element but whose start and end are those of one raw
    ``<p>`` in the article container, a little longer (at most 1.5 times), lost the words of
    a link inside it ("… has reported that [the NFL will fine Rudolph] for his role …"):
    the raw paragraph's text replaces it.
    """
    raw = [(_norm_key(t), t) for t in (layout.texts.get(el) or _raw_text(el)
                                       for el in layout.root.iter("p"))]
    out = []
    for (kind, text), el in zip(items, layout.elements):
        key = _norm_key(text)
        if kind == "paragraph" and el is None and len(key) >= 60:
            head, tail = key[:30], key[-30:]
            for rkey, rtext in raw:
                if len(key) < len(rkey) <= 1.5 * len(key) and rkey.startswith(head) \
                        and rkey.endswith(tail):
                    text = rtext
                    break
        out.append((kind, text))
    return out


def _inside(el, root) -> bool:
    return el is root or any(a is root for a in el.iterancestors())


def _set_author_and_date(tree, meta: dict[str, Any], layout: _Layout) -> None:
    """Author and date from the page's own structured data first, then trafilatura, then a
    byline on the page; a date that is only the footer's copyright year is dropped."""
    stated = page_metadata(tree)
    for field in ("author", "date"):
        if field in stated:
            meta[field], meta["sources"][field] = stated[field]
    if meta.get("author") and meta["sources"].get("author") == "trafilatura":
        meta["author"] = tidy_author(meta["author"])  # "Jane Doe Senior Reporter", "Dec"
        if not meta["author"]:
            del meta["author"], meta["sources"]["author"]
    if meta.get("date") and meta["sources"].get("date") == "trafilatura" \
            and copyright_year_date(meta["date"], _raw_text(tree)[-5000:]):
        del meta["date"], meta["sources"]["date"]
    if not meta.get("author"):
        author = tidy_author(_find_author(tree, layout.root, layout.first_pos, layout.order))
        if author:
            meta["author"], meta["sources"]["author"] = author, "byline element"


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
