"""Structure read from the raw page beside trafilatura's text: figure captions and their credits,
the article's root element, the headline and the byline.

Part of :mod:`newslab.parse.html`, which describes the whole HTML route and its sources.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from .html_common import (
    _AUTHOR_XPATH,
    _BYLINE_RE,
    _BYLINE_START,
    _CAPTION_CLASS,
    _CAPTION_LABEL,
    _CREDIT_CLASS,
    _CREDIT_LABEL,
    _CREDIT_TEXT,
    _NAME_PARTICLES,
    _NOT_A_CAPTION_XPATH,
    _NOT_ARTICLE_CLASS,
    _NOT_ARTICLE_TAGS,
    _TITLE_SEPARATORS,
    _clean,
    _norm_key,
    _visible_lines,
)


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


def in_widget(el) -> bool:
    """Is the raw element ``el`` inside a page widget: a link (a teaser card), an aside,
    navigation, footer or form, or an element whose class/id names related stories, promos,
    share buttons, a sidebar, a modal… (:data:`_NOT_ARTICLE_CLASS`)?

    >>> from lxml import html
    >>> page = html.fromstring('<div><div class="sidebar"><p>A</p></div><a href="/x"><p>B</p></a>'
    ...                        '<div class="story"><p>C</p></div></div>')
    >>> [in_widget(p) for p in page.iter("p")]
    [True, True, False]
    """
    for anc in el.iterancestors():
        tag = anc.tag if isinstance(anc.tag, str) else ""
        if tag in ("body", "html"):
            return False  # their classes describe the page ("has-promo-banner"), no widget
        if tag == "a" or tag in _NOT_ARTICLE_TAGS \
                or any(_NOT_ARTICLE_CLASS.search(t) for t in _tokens(anc) if t):
            return True
    return False


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


#: Class/id tokens naming the writer: hAtom/hCard (``author vcard``, ``fn``, ``p-author``),
#: WordPress/Blogger theme classes (``post-author``, ``entry-author``, ``byline``) and author
#: boxes (Elementor's ``elementor-author-box__name``, ``author-box-name``).
_AUTHOR_CLASS = re.compile(r"(?i)^(?:[\w-]*[-_])?(?:author|authors|byline|writer|vcard)"
                           r"(?:[-_]+box)?(?:[-_]+(?:name|link|title))?$|^(?:fn|p-author)$")
#: An author box ("About the author", ``author-box``, ``author-bio``, ``blog-author``): the
#: writer's card after a blog post, the name in its first heading and a bio below.
_AUTHOR_BOX_CLASS = re.compile(r"(?i)(?:author|writer)[-_]*(?:box|bio|card|profile|info)\b"
                               r"|(?:^|[-_])(?:blog|post|about)[-_]*(?:the[-_]*)?author$")
#: Words of an author widget's labels and links, never of a name ("About The Author",
#: "View All Posts", "Follow Jane").
_NOT_IN_A_NAME = frozenset("""author authors about posts post view profile bio follow share
more all contact by written articles stories read""".split())
#: Substrings one of which a writer-naming class/id holds (a cheap filter before the tokens).
_AUTHORISH = ("author", "byline", "writer", "vcard", "fn")
#: A byline label standing alone before the name: "By", "Written by", "Author(s):",
#: "Contributors:" (the credit line of magazine and institutional pages).
_AUTHOR_LABEL = re.compile(
    r"(?i)^(?:(?:written|posted|reported|words|article|story|interview|reporting)\s+)?by\s*:?$"
    r"|^(?:authors?|author\(s\)|contributors?|written by|auteur|autor|autore|von)\s*:?$")


def _find_author(tree, root, first_pos: int | None, order: dict,
                 skip: str | None = None) -> str | None:
    """A byline trafilatura missed: an author link (``rel=author``, ``/author/slug``), an
    element whose class names the writer (hAtom/hCard ``author``/``vcard``, ``post-author``,
    ``byline``, an author box), a short "By …" / "Written by …" line, or a byline label
    followed by the name (in a child, the text after it or the next element), outside page
    widgets (:func:`_outside_story`); the one nearest above the body wins, else the first.
    ``skip``: a name not to return (the team or site name already found)."""
    found = [(order.get(el, 0), name) for el, name in _author_candidates(tree)
             if name and _norm_key(name) != _norm_key(skip or "")
             and not _NOT_IN_A_NAME & set(name.lower().split()) and not _outside_story(el)]
    if not found:
        return None
    if first_pos is not None:
        above = [f for f in found if f[0] < first_pos]
        if above:
            return max(above)[1]
    return min(found)[1]


def _author_candidates(tree):
    """(element, name or None) for every element that may hold the byline."""
    for el in tree.xpath(_AUTHOR_XPATH):
        yield el, _author_name(_raw_text(el), prefixed=False)
    for el in tree.xpath("//*[@class or @id or @itemprop]"):
        attrs = f"{el.get('class')} {el.get('id')} {el.get('itemprop')}".lower()
        if not any(a in attrs for a in _AUTHORISH):
            continue
        toks = [t for t in _tokens(el) if t]
        if any(_AUTHOR_CLASS.match(t) for t in toks):
            text = _without_dates(_raw_text(el))
            yield el, _author_name(text, prefixed=False) if 2 < len(text) < 80 else None
        if any(_AUTHOR_BOX_CLASS.search(t) for t in toks):
            head = next(iter(el.xpath(".//*[self::h2 or self::h3 or self::h4 or self::h5 "
                                      "or self::strong][normalize-space()]")), None)
            if head is not None:
                yield head, _author_name(_raw_text(head), prefixed=False)
    for el in tree.iter("p", "span", "div", "h3", "h4", "h5", "h6", "li", "address", "dt",
                        "strong", "em", "small", "b"):
        # cheap test on the element's own leading text before reading its whole text
        if not el.text or not _BYLINE_START.match(el.text) and len(el.text) > 20:
            continue
        name = None
        if _BYLINE_START.match(el.text):
            text = _raw_text(el)
            name = _author_name(text, prefixed=True) if 4 < len(text) < 80 else None
        yield el, name or _labelled_name(el)


def _without_dates(text: str) -> str:
    """A meta line without its dates and the separators around them ("Dec. 19, 2025 · Jane
    Doe" -> "Jane Doe"): themes print the date and the writer in one author-classed line."""
    from .html_meta import _SHOWN_DATE

    return _SHOWN_DATE.sub(" ", text).strip(" ·•|-–—,")


def _labelled_name(el) -> str | None:
    """The name after a byline label that is an element's whole own text: "By" then
    ``<a>Jane Doe</a>``, "Contributors:" then text, "Written by" | ``<span>Jane Doe</span>``."""
    if not _AUTHOR_LABEL.match(el.text.strip()):
        return None
    if len(el) and isinstance(el[0].tag, str):
        text = _raw_text(el[0])
    elif (el.tail or "").strip():
        text = el.tail.strip()
    else:
        nxt = el.getnext()
        text = _raw_text(nxt) if nxt is not None and isinstance(nxt.tag, str) else ""
    return _author_name(text, prefixed=False) if 2 < len(text) < 60 else None


def _outside_story(el) -> bool:
    """Is a byline candidate in a page widget (aside, nav, related stories, comments…)?

    Like :func:`_outside_article` without a container, except that page-builder wrappers
    around every block (Elementor's ``elementor-widget-container``; a typed widget is read
    by its type: ``elementor-widget-nav-menu`` is a menu), utility classes (Tailwind
    ``lg:mr-[--sidebar-width]``: layout, not a component) and an ``<article>``'s own
    ``<footer>`` (HTML: a footer "typically contains information about its section such as
    who wrote it") do not count as widgets.
    """
    ancestors = list(el.iterancestors())
    for k, anc in enumerate(ancestors):
        tag = anc.tag if isinstance(anc.tag, str) else ""
        if tag in ("body", "html"):
            break  # page-level classes describe the layout ("no-sidebars"), not a widget
        if tag == "footer" and any(a.tag == "article" for a in ancestors[k + 1:]):
            continue
        if tag in _NOT_ARTICLE_TAGS:
            return True
        for tok in _tokens(anc):
            tok = re.sub(r"(?i)^elementor-widget(?:-(?:container|wrap))?-?", "", tok)
            if tok and ":" not in tok and "[" not in tok and _NOT_ARTICLE_CLASS.search(tok):
                return True
    return False


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


#: The header (headline, byline, date line) is read up to this many characters.
HEADER_MAX_CHARS = 1500


def _header_parts(tree, positions: list[int | None], order: dict) -> list[str]:
    """Visible text pieces (one per text node) from the headline (<h1>) down to the next body
    block: where a page prints its byline and date line. ``positions``: the body blocks'
    places in ``order``; the first of them may sit above the headline (a kicker, a heading
    or the box around the headline kept as a block). Empty when the page has no <h1> above
    the body's second block."""
    placed = [p for p in positions if p is not None]  # in body order
    h1 = _headline_h1(tree, positions, order)
    if h1 is None:
        return []
    first_pos = next((p for p in placed if p > order.get(h1, 0)), None) if placed else None
    parts: list[str] = []
    size = 0
    skip_below = None  # an invisible element whose text is skipped
    for el in h1.getroottree().iter():
        pos = order.get(el, 0)
        if pos < order.get(h1, 0) or not isinstance(el.tag, str):
            continue
        if first_pos is not None and pos >= first_pos and el is not h1:
            parts += _opening_byline(el) if pos == first_pos else []
            break
        if first_pos is None and el.tag == "p" and len(el.text_content()) > 200:
            break
        if skip_below is not None and skip_below in el.iterancestors():
            continue
        if el.tag in ("script", "style", "template", "noscript"):
            skip_below = el
            texts = [el.tail]
        else:
            texts = [el.text, el.tail]
        for t in texts:
            t = _clean(t)
            if t:
                parts.append(t)
                size += len(t)
        if size > HEADER_MAX_CHARS:
            break
    return parts


def _headline_h1(tree, positions: list[int | None], order: dict):
    """The page's headline ``<h1>`` (two words or more) above the body's second block."""
    placed = [p for p in positions if p is not None]
    limit = placed[min(1, len(placed) - 1)] if placed else None
    return next((el for el in tree.iter("h1") if len(_raw_text(el).split()) >= 2
                 and (limit is None or order.get(el, 0) < limit)), None)


#: The kicker above a headline is read up to this many characters (else it is not one).
KICKER_MAX_CHARS = 200


def header_kicker(tree, positions: list[int | None], order: dict) -> list[str]:
    """Visible text just above the headline in its own container: the kicker (pre-headline)
    line where many templates print the date ("Last updated: Dec 12, 2025" or "January 23,
    2025" over the title). Up to three elements before the ``<h1>``, at most
    :data:`KICKER_MAX_CHARS` characters in all, else nothing (a menu or a teaser list).

    >>> from lxml import html
    >>> page = html.fromstring('<div><p>News</p><p>May 2, 2023</p><h1>Pier to be rebuilt</h1>'
    ...                        '<p>The pier will be rebuilt.</p></div>')
    >>> header_kicker(page, [], {})
    ['News', 'May 2, 2023']
    """
    h1 = _headline_h1(tree, positions, order)
    anchor = h1
    for _ in range(2):  # a headline first in its box: the kicker is the box's neighbour
        if anchor is None or anchor.getprevious() is not None or anchor.getparent() is None:
            break
        anchor = anchor.getparent()
    parts: list[str] = []
    sib = anchor.getprevious() if anchor is not None else None
    for _ in range(3):
        if sib is None:
            break
        if isinstance(sib.tag, str) and sib.tag not in ("script", "style", "template",
                                                         "noscript", "nav", "form"):
            parts = _date_lines(sib) + parts
        sib = sib.getprevious()
    return parts if sum(len(p) for p in parts) <= KICKER_MAX_CHARS else []


def _date_lines(el) -> list[str]:
    """Visible lines of ``el``; a ``<time>`` whose text gives no unambiguous date
    ("10/12/2023 7:38 PM") is read from its ``datetime`` attribute, the machine-readable
    form of the same moment (HTML Living Standard, the time element)."""
    from .html_meta import iso_date, shown_dates

    lines = _visible_lines(el)
    for t in el.iter("time"):  # a valid datetime value is ISO 8601 ("02-12-2025" is not)
        stamp = (t.get("datetime") or "").strip()
        day = iso_date(stamp) if re.match(r"\d{4}-\d{2}-\d{2}", stamp) else None
        if day and not shown_dates(_raw_text(t)):
            lines.append(day)
    return lines


#: Class/id tokens of the element that prints a story's date (``entry-date``, ``post-date``,
#: ``article__published``, ``pubdate``, ``timestamp``: WordPress/hAtom and news themes).
_DATE_CLASS = re.compile(r"(?i)(?:^|[-_])(?:date|dates|published|pubdate|posted|posted-on|"
                         r"timestamp|dateline|updated)(?:$|[-_])")


def article_date_lines(root) -> list[str]:
    """The article's printed date lines: ``<time>`` elements and date-classed elements inside
    the article container (never in widgets, :func:`_outside_story`), with the label of
    their line ("Published <time>…</time>"), in page order; at most three.

    >>> from lxml import html
    >>> page = html.fromstring('<article><p>Text.</p><div class="post-published">Published '
    ...                        '<time datetime="2025-08-13">August 13, 2025</time></div></article>')
    >>> article_date_lines(page)
    ['Published August 13, 2025']
    """
    if root is None:
        return []
    lines: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or len(lines) >= 3:
            continue
        if el.tag == "time" or any(_DATE_CLASS.search(t) for t in _tokens(el) if t):
            line = " ".join(_date_lines(
                el.getparent() if el.tag == "time" and el.getparent() is not None
                and len(_raw_text(el.getparent())) < 80 else el))
            if 4 < len(line) < 80 and line not in lines and not any(line in k for k in lines) \
                    and not _outside_story(el):
                lines.append(line)
    return lines


def _opening_byline(el) -> list[str]:
    """The body's first block when it is a short "By …" line: the byline a writer types at
    the top of the post in CMSs without a byline field (Squarespace, WordPress's editor)."""
    text = _raw_text(el)
    return [text] if len(text) < 100 and _BYLINE_START.match(text) else []


#: A byline label opening a piece of the header: "By", "By:", "Written by", "Author:".
_HEADER_BY = re.compile(r"(?i)^(?:(?:written|words|story|article|reporting)\s+)?by\s*:?\s*"
                        r"|^authors?\s*:\s*|^authors?$")
#: What joins two names of one byline when each sits in its own element.
_NAME_JOINS = frozenset({",", "and", ", and", "&", "·"})


def header_byline(parts: list[str]) -> str | None:
    """The names of a labelled byline in the header pieces ("By" + names), ``"; "``-joined.

    The label opens its piece (so "Photo by", "Reviewed by", "powered by" are not bylines);
    the name follows in the same piece or in the next ones, joined by "," / "and".

    >>> header_byline(["Pier to be rebuilt", "By", "Ana Ruiz", ",", "Li Wei", "4 min read"])
    'Ana Ruiz; Li Wei'
    >>> header_byline(["Pier to be rebuilt", "Author: Ana Ruiz", "Published: May 2, 2023"])
    'Ana Ruiz'
    >>> header_byline(["Pier to be rebuilt", "Photo by Ana Ruiz"]) is None
    True
    """
    for k, part in enumerate(parts):
        m = _HEADER_BY.match(part)
        if not m:
            continue
        rest = part[m.end():].strip()
        pieces = [rest] if rest else []
        pieces += parts[k + 1:k + 8] if not rest or rest.endswith((",", " and")) else []
        names: list[str] = []
        want = True  # a name is expected: first, or after "," / "and"
        for piece in pieces:
            piece = piece.strip()
            joined = bool(re.match(r"(?i)^(?:,\s*)?and\s+|^,\s*|^&\s*", piece))
            piece = re.sub(r"(?i)^(?:,\s*)?and\s+|^,\s*|^&\s*", "", piece)
            if not piece or piece.lower() in _NAME_JOINS:
                want = True
                continue
            trailing = bool(re.search(r"(?:,|\sand)$", piece))
            piece = re.sub(r",$|\s+and$", "", piece).strip()
            name = _author_name(piece, prefixed=False) if (want or joined) else None
            if not name:
                break
            names.append(name)
            want = trailing
        if names:
            return "; ".join(names)
    return None


#: Header pieces that stand before a date but are not names: labels and section words.
_NOT_A_NAME_LINE = frozenset("""by author authors written published posted updated video audio
podcast photos gallery welcome share advertisement sponsored opinion news home blog""".split())


def header_name_line(parts: list[str]) -> str | None:
    """A name alone on its line right under the headline, followed by the date line
    ("Jane Doe" then "March 5, 2026" or "Last updated: …"): the byline without "By" that
    blogs and company pages print; several names joined by "," / "and" (the author line of
    papers and reports) give them all.

    >>> header_name_line(["Pier to be rebuilt", "Ana Ruiz", "March 5, 2026", "4 min read"])
    'Ana Ruiz'
    >>> header_name_line(["Pier to be rebuilt", "Ana Ruiz, Li Wei and Jo Ng", "5 Mar 2026"])
    'Ana Ruiz; Li Wei; Jo Ng'
    >>> header_name_line(["Pier to be rebuilt", "Video", "March 5, 2026"]) is None
    True
    """
    from .html_meta import _NOT_NAME_WORDS, shown_dates

    for k in range(1, min(len(parts) - 1, 12)):
        nxt = parts[k + 1]
        if not (shown_dates(nxt) or re.match(r"(?i)(?:last\s+)?(?:updated|published|posted)\b",
                                             nxt)):
            continue
        names = [_author_name(p, prefixed=False)
                 for p in re.split(r",\s+(?:and\s+)?|\s+and\s+|\s*&\s*", parts[k])]
        words = [w for n in names for w in (n or "").lower().split()]
        if len(names) > 1 and any(not n or len(n.split()) < 2 for n in names):
            continue  # several names are full names ("Co-Founder & Marketing Director")
        if names and all(n and len(n.split()) <= 4 for n in names) \
                and not any(w in _NOT_A_NAME_LINE or w in _NOT_NAME_WORDS for w in words) \
                and not shown_dates(parts[k]):
            return "; ".join(names)
    return None
