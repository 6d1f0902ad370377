"""A page's own structured metadata: author and publication date, with where each came from.

News pages state their author and date for search engines and social networks, in markup a
reader does not see. That markup is the publisher's own statement, so :func:`page_metadata`
reads it before anything is guessed from the visible text, in this order:

1. **JSON-LD** (schema.org ``NewsArticle``/``Article``/``BlogPosting``…: ``author``,
   ``datePublished``), the format Google's publisher guidelines ask for;
2. **meta tags**: Open Graph / Facebook ``article:published_time`` and ``article:author``,
   ``<meta name="author">``, Dublin Core (``dc.creator``, ``dc.date``), Parse.ly and Sailthru
   tags;
3. **microdata**: ``itemprop="datePublished"`` / ``itemprop="author"``, and ``<time
   datetime>`` inside the article.

An author value that names the site or its publisher (``og:site_name``, the JSON-LD
``publisher``, the URL's host: "USA TODAY", "paperium.net") is weak: a person named in other
markup (a later JSON-LD object, another meta tag, Yoast's ``twitter:label1 = "Written by"``
pair) or printed on the page replaces it, and it is kept only when nobody is named (the
publisher is then the author of record). Credits lists ("content: …, design: …") and CMS
account names ("admin") are never authors. The permalink's ``/YYYY/MM/DD/`` date
(:func:`url_date`) settles a one-day, time-zone disagreement, and a personal site with no
byline names its owner (:func:`site_owner`) when its own domain bears the owner's name.

The markup is then weighed against what the page prints under its headline: the date line
(:func:`shown_dates`, :func:`choose_date`: "Published …" and an unlabelled date line win over
markup that disagrees, "Updated …" never replaces a publication date) and, in
:mod:`newslab.parse.html`, the printed byline.

A copyright line ("© 2022 The Daily Ledger") is never a publication date: it gives the year the
site notice was last changed, not the day the story appeared (see :func:`copyright_year_date`).

Each field comes back as ``(value, source)`` where ``source`` names the markup (``"json-ld"``,
``"meta:article:published_time"``…), so ``Article.meta["sources"]`` can say where it came from.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterator

#: schema.org types that describe the story itself (not the site, a breadcrumb or an image).
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenews", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "socialmediaposting",
    "liveblogposting", "techarticle", "scholarlyarticle", "report", "webpage", "medicalwebpage",
})
#: meta tags naming the publication date, best first (property or name attribute, lower case).
DATE_META = ("article:published_time", "og:article:published_time", "og:published_time",
             "datepublished",
             "article.published", "published_time", "publishdate", "pubdate", "publish-date",
             "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
             "dc.date", "dcterms.created", "dc.date.created", "date", "citation_publication_date",
             "citation_date")
#: meta tags naming the last modification, best first.
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified",
                 "dcterms.modified")
#: meta tags naming the author, best first.
#: Highwire Press ``citation_author`` (and its older plural ``citation_authors``) comes before
#: Dublin Core: Google Scholar's inclusion guidelines ask for one tag per author, every author,
#: where journal pages often give ``DC.Creator`` for the first author only.
AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author",
               "citation_author", "citation_authors", "dc.creator", "dcterms.creator", "byl")
#: Meta tags repeated once per author (Highwire Press ``citation_author``, Dublin Core,
#: Open Graph ``article:author``): every occurrence is read.
ONE_TAG_PER_AUTHOR = frozenset({"citation_author", "citation_authors", "dc.creator",
                                "dcterms.creator", "article:author"})
#: Labels of the Twitter "label/data" pairs that name the writer: Yoast SEO (WordPress) writes
#: ``twitter:label1 = "Written by"`` and ``twitter:data1 = <the post author's display name>``.
_TWITTER_AUTHOR_LABEL = re.compile(r"(?i)^(?:written|posted|interview|reported)\s+by$|^authors?$")
#: Words that end the name part of a byline: job titles, degrees, "updated", month names.
#: Written for newslab from the byline styles of news and blog pages (no page text copied).
_NOT_NAME_WORDS = frozenset("""
senior staff reporter writer editor correspondent contributor contributing columnist founder
co-founder ceo cto cfo coo president expert attorney analyst producer manager director
consultant journalist author updated published posted last reviewed edited fact-checked
certified rn bsn md phd dvm mba cpa lvt vmd home hardware tech team's photographer chief head lead
on at in about
""".split())
#: Month names end a name only at its start or before a figure ("Tom May" is a name).
_MONTHS = frozenset("""january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec""".split())
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "bin",
                        "al", "y", "e", "del", "dos", "das", "ter", "ten"})
#: Default CMS account names: the login that posted the page, not a writer's name.
_ACCOUNT_NAMES = frozenset({"admin", "administrator", "webmaster", "root", "user", "guest",
                            "editor", "author", "wordpress", "wpadmin", "superuser"})
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_COPYRIGHT = re.compile(r"(?i)(?:©|&copy;|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*[-–]\s*)?(\d{4})")
_BY = re.compile(r"(?i)^\s*by\s+")


def page_metadata(tree) -> dict[str, tuple[str, str]]:
    """Author and date a page states in its markup.

    Input: an lxml HTML tree. Output: ``{"author": (names, source), "date": (YYYY-MM-DD,
    source), "modified": (YYYY-MM-DD, source)}`` with only the fields found (``modified`` is
    schema.org ``dateModified`` or ``article:modified_time``); several authors are joined
    with ``"; "``.

    >>> from lxml import html
    >>> page = html.fromstring('<html><head><script type="application/ld+json">'
    ...     '{"@type": "NewsArticle", "datePublished": "2021-03-04T10:00:00Z",'
    ...     ' "author": [{"@type": "Person", "name": "Jane Doe"}]}</script>'
    ...     '<meta property="article:published_time" content="2021-03-05"></head></html>')
    >>> page_metadata(page)
    {'date': ('2021-03-04', 'json-ld'), 'author': ('Jane Doe', 'json-ld')}
    """
    found: dict[str, tuple[str, str]] = {}
    metas = _meta_tags(tree)
    sites = _site_names(tree, metas)
    site_author = None  # an author value naming the site: kept only if no one else is named
    for obj in _jsonld_articles(tree):
        if "date" not in found:
            date = iso_date(_first_str(obj.get("datePublished") or obj.get("dateCreated")))
            if date:
                found["date"] = (date, "json-ld")
        names = _person_names(obj.get("author") or obj.get("creator"))
        if "author" not in found and names:
            if any(_is_site(n, sites | _site_names_of(obj)) for n in names):
                site_author = site_author or ("; ".join(names), "json-ld")
            else:
                found["author"] = ("; ".join(names), "json-ld")
    if "date" not in found:
        for key in DATE_META:
            date = iso_date(metas.get(key, [None])[0])
            if date:
                found["date"] = (date, f"meta:{key}")
                break
    if "author" not in found:
        author = _meta_author(metas, sites) or site_author or _meta_author(metas, set())
        if author:
            found["author"] = author
    modified = _modified_date(tree, metas)
    if modified:
        found["modified"] = modified
    if "date" not in found:
        for el in tree.xpath("//*[@itemprop='datePublished'] | //time[@pubdate]"):
            date = iso_date(el.get("content") or el.get("datetime") or el.text_content())
            if date:
                found["date"] = (date, "microdata")
                break
    return found


def _meta_author(metas: dict[str, list[str]], sites: set[str]) -> tuple[str, str] | None:
    """The author named by meta tags (:data:`AUTHOR_META`, best first, then Yoast's Twitter
    "Written by" label/data pair), with its source; a value naming the site itself is skipped."""
    for key in AUTHOR_META:
        values = metas.get(key, []) if key in ONE_TAG_PER_AUTHOR else metas.get(key, [])[:1]
        names = [n for n in (_clean_author(_first_last(v) if key.startswith("citation_author")
                                           else v) for v in values)
                 if n and not _is_site(n, sites)]
        if names:
            return "; ".join(dict.fromkeys(names)), f"meta:{key}"
    for k in range(1, 5):
        label = metas.get(f"twitter:label{k}", [""])[0].strip()
        name = _clean_author(metas.get(f"twitter:data{k}", [None])[0])
        if _TWITTER_AUTHOR_LABEL.match(label) and name and not _is_site(name, sites):
            return name, f"meta:twitter:data{k}"
    return None


def _site_names(tree, metas: dict[str, list[str]]) -> set[str]:
    """Keys (:func:`_site_key`) of the names the site goes by: ``og:site_name``,
    ``application-name``, the publisher of the page's JSON-LD and the host of its URL."""
    names = {metas.get(k, [""])[0] for k in ("og:site_name", "application-name",
                                              "twitter:site")}
    for url in metas.get("og:url", []) + tree.xpath("//link[@rel='canonical']/@href")[:1]:
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url).split("/")[0]
        names.update({host, host.rsplit(".", 1)[0]})
    for obj in _jsonld_articles(tree):
        names |= _site_names_of(obj)
    return {_site_key(n) for n in names if n} - {""}


def _site_names_of(obj: dict[str, Any]) -> set[str]:
    """Keys of the publisher's name in one schema.org object."""
    pubs = obj.get("publisher")
    pubs = pubs if isinstance(pubs, list) else [pubs]
    return {_site_key(p["name"]) for p in pubs
            if isinstance(p, dict) and isinstance(p.get("name"), str)} - {""}


def _site_key(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.lower().lstrip("@"))


def _is_site(name: str, sites: set[str]) -> bool:
    """Does an author value name the site or its publisher ("USA TODAY", "paperium.net")?
    A publication is not a byline: the writer is named elsewhere on the page, or nowhere.
    A personal name stays an author even when the site bears it (a personal blog)."""
    return _site_key(name) in sites and not personal_name(name)


def personal_name(text: str | None) -> bool:
    """Is ``text`` a person's name: two to four capitalised words (not all capitals), the
    first a known given name (:func:`newslab.lexicons.first_names`, the 1990 US Census lists
    and the project's own list), the others words or initials?

    >>> personal_name("Colin Watson"), personal_name("Five Books"), personal_name("USA TODAY")
    (True, False, False)
    """
    from ..lexicons import first_names

    words = (text or "").split()
    if not 2 <= len(words) <= 4 or (text or "").isupper():
        return False
    if not all(re.fullmatch(r"[A-Z][\w'’.-]*", w) or w.lower() in _PARTICLES for w in words):
        return False
    return words[0].lower().strip(".") in first_names()


def _modified_date(tree, metas: dict[str, list[str]]) -> tuple[str, str] | None:
    """The last modification date the markup states (schema.org ``dateModified``, then meta)."""
    for obj in _jsonld_articles(tree):
        date = iso_date(_first_str(obj.get("dateModified")))
        if date:
            return date, "json-ld"
    for key in MODIFIED_META:
        date = iso_date(metas.get(key, [None])[0])
        if date:
            return date, f"meta:{key}"
    return None


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from a date as markup writes it (ISO 8601 or a common written form).

    >>> iso_date("2019-11-19T05:00:00-05:00"), iso_date("Nov 19, 2019"), iso_date("soon")
    ('2019-11-19', '2019-11-19', None)
    """
    if not value or len(value) > 80:
        return None
    m = _ISO_DATE.search(value)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return m.group(0) if 1990 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31 else None
    if not re.search(r"\d{4}", value):
        return None  # a time alone, or a relative date ("2 hours ago")
    try:
        from dateutil import parser

        dt = parser.parse(value, fuzzy=False, ignoretz=True)
    except (ValueError, OverflowError, TypeError):
        return None
    return dt.strftime("%Y-%m-%d") if 1990 <= dt.year <= 2100 else None


def copyright_year_date(date: str | None, page_text: str) -> bool:
    """Is ``date`` only the year of the page's copyright notice (``YYYY-01-01`` from "© YYYY")?

    Date finders that fall back on any year printed on the page turn a footer's
    "Copyright 2022" into 2022-01-01; that is the notice's year, not a publication date.

    >>> copyright_year_date("2022-01-01", "Story text. Copyright 2022 The Daily Ledger")
    True
    >>> copyright_year_date("2022-03-04", "Copyright 2022 The Daily Ledger")
    False
    """
    if not date or not date.endswith("-01-01"):
        return False
    return any(m.group(1) == date[:4] for m in _COPYRIGHT.finditer(page_text))


def _jsonld_articles(tree) -> Iterator[dict[str, Any]]:
    """schema.org objects of an article type from the page's JSON-LD blocks, in page order."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        raw = (script.text or "").strip()
        if not raw or len(raw) > 2_000_000:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            try:  # some sites leave control characters or trailing commas in their JSON-LD
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", re.sub(r"[\x00-\x1f]", " ", raw)))
            except ValueError:
                continue
        yield from (o for o in _objects(data, 0) if _is_article(o))


def _objects(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _objects(data["@graph"], depth + 1)
        if isinstance(data.get("mainEntity"), (dict, list)):
            yield from _objects(data["mainEntity"], depth + 1)


def _is_article(obj: dict[str, Any]) -> bool:
    types = obj.get("@type")
    types = types if isinstance(types, list) else [types]
    return any(isinstance(t, str) and t.lower() in ARTICLE_TYPES for t in types)


def _first_str(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, str) else None


def _person_names(value: Any) -> list[str]:
    """Names of the people in a schema.org ``author`` value (organisations are not bylines)."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):
            kind = item.get("@type")
            kind = kind[0] if isinstance(kind, list) and kind else kind
            if isinstance(kind, str) and kind.lower() in ("organization", "newsmediaorganization"):
                continue
            name = _clean_author(_first_str(item.get("name")))
        else:
            name = _clean_author(item if isinstance(item, str) else None)
        if name and name not in names:
            names.append(name)
    return names


def _clean_author(value: str | None) -> str | None:
    """An author value as a name: no URL, no "By", no handle-only value, whitespace tidied."""
    if not value:
        return None
    value = " ".join(_BY.sub("", value).split()).strip(" ,;|")
    if not value or len(value) > 100 or re.search(r"https?:|www\.|\.com\b|^@|\{|<", value):
        return None
    if not re.search(r"[^\W\d_]{2}", value) or value.lower() in _ACCOUNT_NAMES:
        return None
    if _credits_list(value):
        return None
    # "Jane Doe and Li Wei, The Daily Ledger": the outlet after the names (the "Name, Outlet"
    # byline of partner and syndicated stories) is not an author
    value = re.sub(r"(?<=\w),\s+The\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*$", "", value)
    return value  # the publisher's own wording otherwise, degrees included


def _credits_list(value: str) -> bool:
    """A list of roles and names ("content: Acme, design: Jane Doe, code: Li Wei"), the
    colophon of a page, is not a byline."""
    return len(re.findall(r"(?:^|[,;]\s*)[\w ]{2,20}:\s", value)) >= 2


def tidy_author(value: str | None) -> str | None:
    """The names in an author string as extractors find it, without roles, dates or labels.

    Parts are split on ``;`` (and ``,`` between multi-word parts); in each part the text
    after a "… by" label is kept and the name ends at the first job title, degree, month,
    figure or separator; one-word leftovers after the first name are dropped (a role split
    off by the extractor, "Trial; Attorney"); a part starting with "The" is an outlet.

    >>> tidy_author("Keith Barry Senior Autos Reporter"), tidy_author("Recipe by PJ Hamel")
    ('Keith Barry', 'PJ Hamel')
    >>> tidy_author("Justin C Meserole; Trial Attorney; Morgan; On December 9")
    'Justin C Meserole'
    >>> tidy_author("Roy, Aniruddha"), tidy_author("Dec"), tidy_author("Haley Hoekstra • March")
    ('Aniruddha Roy', None, 'Haley Hoekstra')
    >>> tidy_author("Lizzie Streit, MS, RDN, LD")
    'Lizzie Streit'
    """
    if not value or _credits_list(value):
        return None
    value = _drop_avatar_initials(" ".join(value.split()))
    m = re.fullmatch(r"([A-Z][\w'’-]+),\s*([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]*)?)", value)
    if m:  # "Last, First" (citation metadata)
        value = f"{m.group(2)} {m.group(1)}"
    parts = [p for p in re.split(r"\s*;\s*|,\s+(?=\S+\s+\S)(?<=\S\s\S)|,\s+(?=[A-Z]\S*\s+[A-Z])",
                                 value) if p]
    names: list[str] = []
    for part in parts:
        by = re.search(r"(?i)\bby\s+", part)
        if by:
            part = part[by.end():]
        kept = []
        toks = re.split(r"\s+", part)
        for k, tok in enumerate(toks):
            low = tok.lower().strip(".,:()")
            month = low in _MONTHS and (k == 0 or (k + 1 < len(toks)
                                                   and re.search(r"\d", toks[k + 1])))
            if tok in ("•", "|", "·", "-", "–", "—") or re.search(r"\d|@|www|\.com", tok) \
                    or month \
                    or low in _NOT_NAME_WORDS or (not tok[:1].isupper() and low not in _PARTICLES
                                                  and low != "and"):
                break
            kept.append(tok.strip(",;"))
        name = " ".join(kept).strip()
        if not name or name.lower().startswith("the ") and names or len(kept) > 6:
            continue  # an outlet after the names, or a sentence read as a name
        if names and (" " not in name or all(re.fullmatch(r"[A-Z]{2,4}\.?", w)
                                              for w in name.split())):
            continue  # a role split off, or credentials after the name ("MS, RDN, LD")
        names.append(name)
    return "; ".join(names) or None


def _drop_avatar_initials(value: str) -> str:
    """"CM Craig McCarthy" -> "Craig McCarthy": author cards show the writer's initials in a
    round placeholder where no photo is set, and text extraction reads them with the name.

    >>> _drop_avatar_initials("CM Craig McCarthy"), _drop_avatar_initials("JR Smith")
    ('Craig McCarthy', 'JR Smith')
    """
    words = value.split()
    if words and re.fullmatch(r"[A-Z]{2,3}", words[0]) and len(words) > len(words[0]):
        following = words[1:1 + len(words[0])]
        if all(w[:1].isupper() for w in following) \
                and "".join(w[0] for w in following) == words[0]:
            return " ".join(words[1:])
    return value


def _meta_tags(tree) -> dict[str, list[str]]:
    """``<meta>`` values by lower-cased property/name/itemprop, in page order."""
    out: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if key and content:
            out.setdefault(key, []).append(content)
    return out


def _first_last(name: str) -> str:
    """Highwire's "Last, First" author order as "First Last" ("Roy, Aniruddha")."""
    parts = [p.strip() for p in name.split(",")]
    return f"{parts[1]} {parts[0]}" if len(parts) == 2 and all(parts) else name


# ---------------------------------------------------------------------------------------
# the date a page shows its reader beside the headline
# ---------------------------------------------------------------------------------------
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
#: A written date: "March 3, 2021", "Mar. 3rd 2021", "3 March 2021", "3rd of March, 2021",
#: ISO "2021-03-03" (also at the head of a timestamp), and numeric day/month forms
#: ("25/03/2021", "12.12.2025") only where the order cannot matter (a part above 12, or both
#: the same): day-month and month-day orders differ between countries.
_SHOWN_DATE = re.compile(
    rf"(?i)\b(?:{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}(?=T|\b)"
    rf"|(?P<a>\d{{1,2}})(?P<sep>[./-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})\b)")
#: The label just before a shown date says which date it is ("Published on", "Updated:").
_DATE_LABEL = re.compile(r"(?i)\b(published|posted|first published|created|written|"
                         r"updated|updates|modified|reviewed|edited|fact[- ]checked)\b[^\d]{0,15}$")
_UPDATE_LABELS = frozenset({"updated", "updates", "modified", "reviewed", "edited",
                            "fact-checked", "fact checked"})


def shown_dates(text: str) -> list[tuple[str, str]]:
    """Dates written in a page's header text, in order, each with what its label says.

    Input: the visible text between the headline and the first body paragraph. Output:
    ``[(YYYY-MM-DD, kind)]`` with kind ``"published"`` ("Published", "Posted" before it),
    ``"updated"`` ("Updated", "Last reviewed"…) or ``"shown"`` (no label).

    >>> shown_dates("By Ana Ruiz | Published March 3, 2021 | Updated: 4 Mar 2021")
    [('2021-03-03', 'published'), ('2021-03-04', 'updated')]
    >>> shown_dates("Ana Ruiz · 2021-03-03T10:00 · 5 min read")
    [('2021-03-03', 'shown')]
    >>> shown_dates("25/03/2021"), shown_dates("03/04/2021")
    ([('2021-03-25', 'shown')], [])
    """
    out: list[tuple[str, str]] = []
    for m in _SHOWN_DATE.finditer(text):
        if m.group("a"):
            date = _numeric_date(int(m.group("a")), int(m.group("b")), int(m.group("y")))
        else:
            date = iso_date(re.sub(r"(?i)(\d)(?:st|nd|rd|th)\b|\bof\s+|\.", r"\1 ", m.group(0)))
        if not date:
            continue
        label = _DATE_LABEL.search(text[max(0, m.start() - 40):m.start()])
        word = label.group(1).lower() if label else ""
        kind = "updated" if word in _UPDATE_LABELS else "published" if word else "shown"
        out.append((date, kind))
    return out


def _numeric_date(a: int, b: int, year: int) -> str | None:
    """``YYYY-MM-DD`` from a numeric date whose day/month order cannot matter, else None."""
    if a > 12 and 1 <= b <= 12:
        day, month = a, b
    elif b > 12 and 1 <= a <= 12:
        day, month = b, a
    elif a == b and 1 <= a <= 12:
        day = month = a
    else:
        return None
    if day > 31 or not 1990 <= year <= 2100:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def choose_date(published: str | None, modified: str | None,
                shown: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The publication date from the page's machine-readable dates and the dates it shows.

    ``published``/``modified``: ``YYYY-MM-DD`` from structured data; ``shown``: the output of
    :func:`shown_dates` for the header. Output ``(date, "markup")`` when the structured
    publication date is kept, ``(date, "shown")`` when the header's date is taken, or ``None``
    (the caller keeps its own fallback). A reader trusts the date printed under the headline, so it wins
    over markup that disagrees, except where the markup says what that date is:

    1. the structured publication date when the header shows it too (they agree);
    2. a date labelled "Published"/"Posted";
    3. an unlabelled date, unless the markup names it the modification date (then the
       publication date), or it is a day away from the publication date (a time-zone shift of
       the same moment: the markup's full timestamp is kept);
    4. an "Updated" date only when the page gives no publication date at all (publication is
       preferred over revision: a revised story keeps the day it first appeared).

    >>> choose_date("2021-03-01", "2021-05-02", [("2021-05-02", "updated")])
    >>> choose_date("2021-03-01", "2021-05-02", [("2021-05-02", "shown")])
    ('2021-03-01', 'markup')
    >>> choose_date("2019-01-01", None, [("2021-03-03", "shown")])
    ('2021-03-03', 'shown')
    """
    from datetime import date as _date

    if not shown:
        return None
    if published and any(d == published for d, kind in shown if kind != "updated"):
        return published, "markup"
    for d, kind in shown:
        if kind == "published":
            return d, "shown"
    plain = [d for d, kind in shown if kind == "shown"]
    if plain:
        d = plain[0]
        if published and (d == modified or abs(
                (_date.fromisoformat(d) - _date.fromisoformat(published)).days) <= 1):
            return published, "markup"
        return d, "shown"
    if not published:
        return next(d for d, kind in shown if kind == "updated"), "shown"
    return None


#: A date in a permalink path: "/2025/12/18/slug" (WordPress "day and name" permalinks, the
#: /YYYY/MM/DD/ story paths of news CMSs).
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/")


def url_date(url: str | None) -> str | None:
    """The publication day a story's permalink carries (``/YYYY/MM/DD/``), else None.

    The CMS writes the path once, when the story is first published, in the site's own time
    zone; a markup timestamp in UTC may fall on the next or previous day.

    >>> url_date("https://example.org/2025/12/18/dam-opens/"), url_date("https://x.org/a/b")
    ('2025-12-18', None)
    """
    m = _URL_DATE.search(url or "")
    return "-".join(m.groups()) if m else None


def permalink_date(date: str | None, url: str | None) -> str | None:
    """The URL's date when it should replace ``date`` (``YYYY-MM-DD`` or None): when no date
    was found, or the two are a day apart (one moment in two time zones).

    >>> permalink_date("2025-12-19", "https://x.org/2025/12/18/a/")
    '2025-12-18'
    >>> permalink_date("2024-01-05", "https://x.org/2025/12/18/a/") is None
    True
    """
    from datetime import date as _date

    day = url_date(url)
    if not day or day == date:
        return None
    if date and abs((_date.fromisoformat(day) - _date.fromisoformat(date[:10])).days) > 1:
        return None
    return day


def rejected_by_markup(author: str | None, tree) -> bool:
    """Is ``author`` (as another extractor rewrote it) a ``<meta>`` author value that
    :func:`page_metadata` rejects: a credits list, a CMS account name, a URL?

    >>> from lxml import html
    >>> page = html.fromstring('<html><head><meta name="author" content="admin"></head></html>')
    >>> rejected_by_markup("Admin", page), rejected_by_markup("Jane Doe", page)
    (True, False)
    """
    if not author:
        return False
    metas = _meta_tags(tree)
    rejected = {_site_key(v) for key in AUTHOR_META for v in metas.get(key, [])
                if not _clean_author(v)}
    return _site_key(author) in rejected


def names_site(author: str | None, tree, sitename: str | None = None) -> bool:
    """Does an author value name the site or its publisher, not a writer?

    Input: the author string, the page's lxml tree (its ``og:site_name``, publisher and URL
    host are read) and the site name another extractor found. A personal name never counts
    as the site (a personal blog bears its owner's name).

    >>> from lxml import html
    >>> page = html.fromstring('<html><head><meta property="og:site_name" content="USA TODAY">'
    ...                        '</head><body><p>x</p></body></html>')
    >>> names_site("USA TODAY", page), names_site("Brian Truitt", page)
    (True, False)
    """
    if not author:
        return False
    sites = _site_names(tree, _meta_tags(tree)) | ({_site_key(sitename)} if sitename else set())
    return _is_site(author, sites - {""})


#: "Colin Watson's blog", "Jane Doe's notes": a site named for its owner.
_OWNER_SITE = re.compile(r"^(?P<name>.+?)['’]s\s+(?:blog|site|website|weblog|notes|journal|"
                         r"newsletter|homepage|home page)\b.*$", re.I)
_NAME_SHAPE = re.compile(r"[A-Z][^\W\d_]+(?:[-'’][A-Z]?[^\W\d_]+)?(?:\s+(?:[A-Z]\.\s+)?"
                         r"[A-Z][^\W\d_]+(?:[-'’][A-Z]?[^\W\d_]+)?){1,2}")


#: Words a site or company title uses for itself, never part of a person's name.
_SITE_WORDS = frozenset("""blog blogs news data media journal daily times post tech labs lab
studio studios digital group press review magazine weekly online hub world guide guides store
shop company co inc ltd llc agency team network project projects center centre institute
foundation academy school club official app apps software systems solutions services the
community energy health care insurance college university hospital hospitals bank
partners""".split())


def site_owner(tree, url: str | None) -> str | None:
    """The person a personal site is named for, when its own domain bears that name.

    Personal blog themes print the owner's name as the site title (``og:site_name``, the
    feed's title, the home link, the ``<title>`` suffix) and no byline under each post. A
    title that is a person's name (:func:`personal_name`: a known given name first) counts
    only when the site's host name holds that given name or surname (``erikdemaine.org`` for
    "Erik Demaine"): a personal domain; company sites match their domains too, so the name
    test is needed as well. A title holding a word sites call themselves by ("Engora
    Data Blog", "Acme Labs": :data:`_SITE_WORDS`) is not a person; a copyright line is
    never read.

    >>> from lxml import html
    >>> page = html.fromstring('<html><head><title>Dam opens | Jane Doe</title></head>'
    ...                        '<body><a href="/">Jane Doe</a><p>x</p></body></html>')
    >>> site_owner(page, "https://janedoe.example/posts/dam"), site_owner(page, "https://x.org/a")
    ('Jane Doe', None)
    """
    import unicodedata

    m = re.match(r"(?:https?://)?(?:www\.)?([^/]+)(/~[\w.-]+)?", url or "")
    if not m:
        return None
    host = unicodedata.normalize("NFKD", (m.group(1).rsplit(".", 1)[0] + (m.group(2) or ""))
                                 ).encode("ascii", "ignore").decode().lower()
    for title in _site_titles(tree, m.group(1)):
        own = _OWNER_SITE.match(title)
        name = (own.group("name") if own else title).strip()
        if not _NAME_SHAPE.fullmatch(name) or not personal_name(name) \
                or any(w in _SITE_WORDS for w in name.lower().split()):
            continue
        words = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        if any(len(w) >= 4 and w in host for w in re.findall(r"[a-z]+", words.lower())):
            return name
    return None


def _site_titles(tree, host: str) -> list[str]:
    """What the site calls itself: og:site_name, application-name, the feed titles, the
    home link's text and the parts of ``<title>``."""
    metas = _meta_tags(tree)
    titles = metas.get("og:site_name", []) + metas.get("application-name", [])
    titles += tree.xpath("//link[@rel='alternate'][contains(@type, 'rss') or "
                         "contains(@type, 'atom')]/@title")[:2]
    for a in tree.xpath("//a[@href]")[:200]:
        href = a.get("href").strip()
        if href in ("/", "./", "../") or re.fullmatch(rf"https?://(?:www\.)?{re.escape(host)}/?",
                                                     href):
            titles.append(a.text_content())
    for title in tree.xpath("//title/text()")[:1]:
        titles += re.split(r"\s+[|\-–—:•·]\s+|[()]", title)
    return [" ".join(t.split()) for t in titles if t and len(t) < 60]
