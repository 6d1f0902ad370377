"""What the HTML modules share: the patterns that recognise captions, credits, bylines and page
chrome by class or text, the tag sets, and the small text helpers (whitespace, visible lines,
comparison keys). Part of :mod:`newslab.parse.html`, which describes the route and its sources.
"""

from __future__ import annotations

import re

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


def _clean(text: str | None) -> str:
    """One line of visible text: invisible characters removed, whitespace runs collapsed."""
    if not text:
        return ""
    return " ".join(_INVISIBLE.sub("", text).split())


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


def _norm_key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


#: Raw elements whose loose text (outside any ``<p>``) may be article paragraphs.
_LOOSE_TEXT_TAGS = ("div", "section", "article", "main", "td", "body")


def _loose_runs(el) -> list[tuple[object, str]]:
    """Paragraphs written as loose text straight inside a container, cut at ``<br>`` and at
    block-level children: ``<div>Lead text<br><br>Second paragraph<div>…</div></div>``.

    Output: ``(anchor, text)`` per run, the anchor being the element where the run starts
    in document order (``el`` itself, or the ``<br>``/block child the run follows); text on
    one line, inline tags joined (:func:`_visible_lines`). Many CMSs (and old templates)
    set the body this way, and trafilatura keeps such runs but loses the first one when a
    link or emphasis opens it.

    >>> from lxml import html
    >>> div = html.fromstring("<div>First <em>run</em>.<br><br>Second run.<p>Not loose</p>"
    ...                       "Third</div>")
    >>> [(a.tag, t) for a, t in _loose_runs(div)]
    [('div', 'First run.'), ('br', 'Second run.'), ('p', 'Third')]
    """
    runs: list[tuple[object, str]] = []
    if not (el.text or "").strip() and not any((c.tail or "").strip() for c in el):
        return runs  # no loose text at all (most containers): nothing to cut
    anchor, parts = el, [el.text or ""]

    def flush() -> None:
        text = _clean("".join(parts))
        if text:
            runs.append((anchor, text))

    for child in el:
        if not isinstance(child.tag, str):  # a comment or processing instruction
            parts.append(child.tail or "")
            continue
        tag = child.tag.lower()
        if tag in _BLOCK_LEVEL_TAGS or tag in _INVISIBLE_TAGS:
            flush()
            anchor, parts = child, [child.tail or ""]
        else:
            parts.append(" ".join(_visible_lines(child)) if len(child) else (child.text or ""))
            parts.append(child.tail or "")
    flush()
    return runs
