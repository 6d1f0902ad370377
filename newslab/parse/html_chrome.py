"""Page chrome that trafilatura leaves inside an article body, and how it is told apart.

Part of :mod:`newslab.parse.html`, which describes the whole HTML route and its sources.
Three kinds of block are taken out of the body after extraction:

* **Link teasers**: after the story's last paragraph of prose, a block that is not a
  sentence (no final full stop, question or exclamation mark) and whose words are, for the
  most part, the text of one link to another page (or of several: a row of tags): a
  related-story headline (``<a><h3>Jonas Brothers Added to …</h3></a>``), a
  "Related: <a>…</a>" line. A news site links its other stories by their headlines; its
  own sub-heads and paragraphs are not links (Kohlschütter et al. 2010, "Boilerplate
  detection using shallow text features", WSDM: link density is the strongest single cue of
  boilerplate). A paragraph wrapped in a link that reads as a sentence stays: that is
  article text some CMSs link whole. Between the paragraphs, linked lists (a checklist, a
  changelog, sources, "See: …" cross-references) are the article's own and stay.
* **Date lines**: a block whose whole text is that of an element marked as a date
  (``<time>``, HTML5; ``itemprop="datePublished"``/``dateModified``/``dateCreated``,
  schema.org) is the article's date, shown in :class:`~newslab.article.Article` apart from
  the body.
* **Trailing chrome**: blocks at the end of the body that match a page-chrome phrase of the
  cleaning lexicons (``lexicons/cleaning_boilerplate.csv``: "Like this story? Share it",
  "Tell us what you think", "Most read in …", newsletter and subscription offers, copyright
  lines), read from the last block backwards until the first that is not chrome. Phrases of
  the ``boilerplate`` reason (reporting credits, disclosures) are left alone: news sites
  print them as part of the story.
"""

from __future__ import annotations

import re

from .html_common import _norm_key
from .html_structure import _raw_text
from .lines import chrome_reason

#: A link's text must cover this share of a block's text for the block to be a link teaser.
LINK_TEASER_SHARE = 0.7
#: A single link is a story teaser when its text is headline length: this many words at least.
TEASER_MIN_WORDS = 4
#: A paragraph of the story (not a list item or a label) has this many words at least.
PROSE_MIN_WORDS = 8
#: A block longer than this (characters) is never read as a teaser or a row of links.
TEASER_MAX_CHARS = 600
#: Lexicon reasons that end an article body when its last blocks match them.
TRAILING_CHROME_REASONS = frozenset({"share", "newsletter", "comments", "related",
                                     "navigation", "copyright", "advert"})
#: Sentence-final marks (Latin, CJK full-width); a closing quote or bracket may follow.
_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’»)\]]*\s*$")


def link_texts(tree) -> set[str]:
    """Comparison keys (:func:`~newslab.parse.html_common._norm_key`) of the visible text of
    every link to another page (``<a href>``, not an in-page ``#anchor`` nor an ``@handle``)
    in the raw tree.

    >>> from lxml import html
    >>> sorted(link_texts(html.fromstring('<p>See <a href="/b">Dam opens</a> <a href="#x">top</a></p>')))
    ['dam opens']
    """
    keys: set[str] = set()
    for a in tree.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or "#" in href or href.startswith("javascript:"):
            continue  # an in-page anchor (a table of contents, even with the page's URL)
        text = _raw_text(a)
        if text.startswith("@"):
            continue  # a social handle credits a source, it is no story teaser
        key = _norm_key(text)
        if key:
            keys.add(key)
    return keys


#: schema.org properties that mark a date element (https://schema.org/CreativeWork).
_DATE_PROPS = frozenset({"datepublished", "datemodified", "datecreated", "uploaddate"})


def date_texts(tree) -> set[str]:
    """Comparison keys of the text of every element marked as a date in the raw tree:
    ``<time>`` and schema.org ``itemprop="datePublished"`` (or ``dateModified``…).

    >>> from lxml import html
    >>> sorted(date_texts(html.fromstring('<div><span itemprop="datePublished">'
    ...        'Monday, 22 January 2018</span><time>10:40</time></div>')))
    ['10 40', 'monday 22 january 2018']
    """
    keys: set[str] = set()
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        props = set((el.get("itemprop") or "").lower().split())
        if el.tag == "time" or props & _DATE_PROPS:
            key = _norm_key(_raw_text(el))
            if key:
                keys.add(key)
    return keys


def _is_prose(text: str) -> bool:
    """A paragraph of the story: a sentence end, :data:`PROSE_MIN_WORDS` words, and no
    page-chrome phrase ("Like this story? Share it with a friend!")."""
    return bool(_SENTENCE_END.search(text)) and len(text.split()) >= PROSE_MIN_WORDS \
        and chrome_reason(text) not in TRAILING_CHROME_REASONS


def is_link_teaser(text: str, links: set[str] | list[str]) -> bool:
    """Is the block ``text`` a link to another page (or a row of them) rather than article
    text?

    True when it is not a sentence (nor a lead-in ending in a colon) and the texts of links
    (:func:`link_texts` gives ``links``; a list is taken as sorted longest first), each
    found in it as whole words, cover at least
    :data:`LINK_TEASER_SHARE` of its characters, with either two links or more (a row of
    tags) or one of headline length (:data:`TEASER_MIN_WORDS`): a related-story headline, a
    "Related: …" line. A short linked name (a product, a place) in a list is content.

    >>> links = {"jonas brothers added to the lineup", "dams", "water policy", "acme kettle"}
    >>> is_link_teaser("Jonas Brothers Added to the Lineup", links)
    True
    >>> is_link_teaser("Related: Jonas Brothers Added to the Lineup", links)
    True
    >>> is_link_teaser("Jonas Brothers added to the lineup.", links)
    False
    >>> is_link_teaser("dams, water policy", links), is_link_teaser("Acme Kettle", links)
    (True, False)
    """
    if _SENTENCE_END.search(text) or text.rstrip().endswith(":"):
        return False
    key = _norm_key(text)
    if not key or len(key) > TEASER_MAX_CHARS:
        return False
    padded = f" {key} "
    covered = bytearray(len(padded))
    found = []
    ordered = links if isinstance(links, list) else sorted(links, key=len, reverse=True)
    for k in (k for k in ordered if len(k) <= len(key)):
        start = padded.find(f" {k} ")
        while start >= 0:
            if not all(covered[start + 1:start + 1 + len(k)]):  # a link inside a longer one
                found.append(k)                               # adds nothing
                covered[start + 1:start + 1 + len(k)] = b"\x01" * len(k)
            start = padded.find(f" {k} ", start + len(k) + 1)
    if sum(covered) < LINK_TEASER_SHARE * len(key):
        return False
    return len(found) >= 2 or len(found[0].split()) >= TEASER_MIN_WORDS


def without_chrome(body: list[tuple[str, str, int | None]], links: set[str],
                   dates: set[str] | frozenset = frozenset()) -> list[tuple[str, str, int | None]]:
    """The body blocks ``(kind, text, position)`` without link teasers, date lines (``dates``
    from :func:`date_texts`) and trailing chrome.

    Link teasers are looked for only after the story's last paragraph of prose
    (:data:`PROSE_MIN_WORDS` words and a sentence end): linked names, checklists and
    cross-references between the paragraphs are the article's own. See the module
    docstring for the rules and their sources.

    >>> body = [("paragraph", "The dam opened on Monday after years of work on the river.", 1),
    ...         ("paragraph", "It cost more than planned, the council said on Tuesday.", 2),
    ...         ("heading", "Council votes to build a second dam", 3),
    ...         ("paragraph", "Like this story? Share it with a friend!", 4)]
    >>> [t[:20] for _, t, _ in without_chrome(body, {"council votes to build a second dam"})]
    ['The dam opened on Mo', 'It cost more than pl']
    """
    last = max((i for i, (k, t, _) in enumerate(body) if k == "paragraph" and _is_prose(t)),
               default=-1)
    ordered = sorted(links, key=len, reverse=True)  # longest first, sorted once a page
    kept = [b for i, b in enumerate(body) if _norm_key(b[1]) not in dates
            and (i <= last or not is_link_teaser(b[1], ordered))]
    first = next((b for b in body if b[0] == "paragraph"), None)
    while len(kept) > 1 and kept[-1] is not first \
            and chrome_reason(kept[-1][1]) in TRAILING_CHROME_REASONS:
        kept.pop()
    return kept
