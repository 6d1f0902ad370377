"""Pasted page text -> :class:`~newslab.article.Article`.

Text copied from a news page holds the article and the page around it: share buttons, bylines,
photo captions, "Read more" links, related-story lists, newsletter boxes, comments. This module
splits such text into lines, labels each line, and keeps source offsets for every block.

How it decides (line-level heuristics, no model, linear time):

* **Segmentation.** One unit per non-blank line; hard-wrapped text (most lines close to one
  fixed width, as in e-mail or terminal copies) is re-joined into paragraphs. Offsets always
  point into the caller's string; only leading/trailing whitespace is trimmed.
* **Line labels.** Boilerplate phrases (``lexicons/cleaning_boilerplate.csv``), rows of sharing
  words (``cleaning_share_words.csv``), photo credits (``cleaning_photo_credits.csv`` plus
  ``Photo:``/``Image copyright``/``Credit…`` prefixes and trailing ``[AFP]``/``(Name/AP)``),
  bylines, date lines and ``SOURCE:`` lines.
* **Good paragraphs.** As in jusText (Pomikálek, *Removing Boilerplate and Duplicate Content
  from Web Corpora*, 2011), a line is a likely body paragraph when it is long and reads as prose
  (ends like a sentence, is not mostly capitalised words); short lines count as body only
  between good ones.
* **Zones.** The first title-like line is the headline; the body starts at the first good
  paragraph that is followed by body text (a lone sentence under the headline and before the
  byline/caption is the standfirst); the body stops at an end-of-article marker (comments,
  "About the author"), and a related/most-read header drops the list below it until real
  paragraphs resume. Short lines after the last good paragraph are page chrome.
* **Sub-headings.** A short line without final punctuation, between body paragraphs and
  followed by one, starts a new section.
* **Page layouts** (from an error analysis of pasted news pages): a first line ending in a
  full stop is the lead, not a headline; three or more dated lines in a row are a list in the
  article (tour dates), not metadata; a list introduced by a line ending in ":" is body; the
  signature line of an embedded post stays with it; a caption printed twice (alt text, then
  caption) and wire-style "In this … file photo, …" sentences are captions; teaser cards (title
  + cut-off teaser above "Read more", or a title repeated around a section label) are related
  links; one long excerpt followed by a share row is a card, not the article resuming.

Everything that is not the article is kept as a ``dropped`` block with a ``reason``, so nothing
disappears silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..article import Article, Block, normalize_span
from ..errors import EmptyInputError
from ..lexicons import read_lexicon
from .limits import check_size

_LEXICON_DIR = Path(__file__).resolve().parents[1] / "lexicons"
BOILERPLATE_FILE = _LEXICON_DIR / "cleaning_boilerplate.csv"
SHARE_WORDS_FILE = _LEXICON_DIR / "cleaning_share_words.csv"
PHOTO_CREDITS_FILE = _LEXICON_DIR / "cleaning_photo_credits.csv"

# -- thresholds (tuned on line statistics of news pages, not on any one page) ----------------
#: A line with at least this many words that ends like a sentence is a likely paragraph.
GOOD_MIN_WORDS = 10
#: A line this long is a likely paragraph even without final punctuation.
GOOD_LONG_WORDS = 25
#: Lines whose words are mostly Capitalised are titles or link lists, not prose.
MAX_CAPITALISED_SHARE = 0.6
#: A sub-heading has at most this many words (and no final punctuation).
HEADING_MAX_WORDS = 12
#: An all-caps line this short that leads a paragraph is a sub-head; longer ones are links.
CAPS_HEADING_MAX_WORDS = 8
#: This many dated lines in a row are a list in the article (tour dates), not page metadata.
DATE_RUN_MIN = 3
#: The one-sentence teaser under a story card's title has at most this many words.
CARD_TEASER_MAX_WORDS = 40
#: A headline has at most this many words.
HEADLINE_MAX_WORDS = 40
#: Boilerplate phrases are only looked for in lines up to this many words.
LEXICON_MAX_WORDS = 30
#: Regex boilerplate rules (author bios, disclosures) are tried on lines up to this many words.
REGEX_MAX_WORDS = 80
#: Lines longer than this (characters) are body text; no chrome pattern is tried on them.
MAX_LABELLED_CHARS = 3000
#: After a related-list header, the body resumes at a paragraph this long even if alone.
RESUME_LONG_WORDS = 50
#: A heading-like line this long, set between paragraphs, is an uncredited photo caption.
CAPTION_MIN_WORDS = 12
#: ... and at most this long (a longer line without a full stop is a paragraph cut short).
CAPTION_MAX_WORDS = 30
#: An author line without "By" is looked for this many lines below the headline.
HEADER_MAX_LINES = 5

# Characters after which a line reads as a finished sentence (closing quotes/brackets stripped).
_TERMINAL = frozenset(".!?:;…。！？؟।")
_CLOSERS = "\"'”’»)]›"
_QUOTES = {"'": "'", '"': '"', "‘": "’", "“": "”", "«": "»", "’": "’", "”": "”"}

# A news dateline opening a paragraph: "WASHINGTON (Reuters) -", "HAYWARD, Calif. (AP) —",
# "MADRID —". A paragraph that opens this way is the story's first paragraph.
_DATELINE = re.compile(
    r"^[A-Z][A-Z'’.-]+(?:[ ,]+[A-Z][\w'’.-]*){0,3}\.?\s*(?:\([A-Za-z .]{1,30}\)\s*)?[-—–]+\s")
# Everything that is blank once normalize_span has run (whitespace, NBSP, zero-width spaces).
_BLANK_CHARS = "".join(c for c in map(chr, range(0x10000))
                       if c.isspace() or normalize_span(c).isspace())
# A line of a data list: figures, or a "label: value" / "date -- place" separator.
_LIST_ITEM = re.compile(r"\d|\S: | -- | [–—-] ")
_DIGIT = re.compile(r"\d")
# A measured figure: a decimal number or a percentage ("225.86", "-5.44%", "3,5").
_FIGURE = re.compile(r"\d[.,]\d|\d\s?%")
_LIST_SEPARATORS = (":", "(", " -- ", " – ", " — ", " - ", "|", "•")
_LINE = re.compile(r"[^\n\r\u2028\u2029\x85]+")
_WORD = re.compile(r"\w[\w'’.-]*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_LETTER = re.compile(r"[^\W\d_]")

# Drop reasons of the rule walk that the line classifier may overrule (never a lexicon hit).
_RESCUABLE = frozenset({"boilerplate", "navigation", "related"})
# Buttons that close a teaser card for another story ("Read more" under a title and teaser).
_CARD_BUTTONS = frozenset({"read more", "read full story", "read the full story", "full story",
                           "read story", "view story"})
# The signature line closing an embedded social-media post, as pages print it under the
# post's text: "— Jane Doe (@janedoe) November 18, 2019". It belongs with the quoted post.
_EMBED_SIGNATURE = re.compile(r"^[—–-]\s*[^()\n]{1,80}\(@\w{1,30}\)\s*(?:on\s+)?\w+\.?\s+\d{1,2},\s+\d{4}$")
# Two sentences in one line: a full stop, "?" or "!" then a capitalised word.
_SENTENCE_BREAK = re.compile(r"[a-z\u00e0-\u024f\d)\"”’][.?!][\"”’]?\s+[\"“‘]?[A-Z\u00c0-\u00de]")
# ``SOURCE: Agencies`` (also "Sources:", "Source -"); the value is the source.
_SOURCE = re.compile(r"(?i)^sources?\s*[:\-–—]\s*(?=\S)")
# ``By Jane Doe``, ``Written by …``, ``Posted by …``; other languages' "by" too.
_BYLINE = re.compile(
    r"(?i)^(?:(?:written|posted|reported|words|text|story|photos?)\s+by|by|von|par|por|di|"
    r"door|av|przez|autor(?:es)?|author|autore|auteur|text|texto|texte)\b\s*[:\-–—]?\s*(?=\S|$)"
)
# English month names plus the other most common European ones (es/pt/fr/de/it).
_MONTH = (r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|"
          r"aug(?:ust|\.)?|sep(?:t(?:ember)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|"
          r"dec(?:ember|\.)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
          r"octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|"
          r"outubro|novembro|dezembro|janvier|février|mars|avril|mai|juin|juillet|août|"
          r"septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|"
          r"dezember|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre)")
# Dates as news pages print them: "Nov. 19, 2019", "19 November 2019", "2019-11-18",
# "11/20/19", "Updated 10:01 pm"; every alternative is short and bounded (no nested repeats),
# so matching stays linear.
_DATE = re.compile(
    rf"(?i)\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|"
    rf"\d{{1,2}}(?:st|nd|rd|th|\.)?\s+(?:de\s+)?{_MONTH}\b|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\d{1,2}:\d{2}\s*(?:[ap]\.?m\b|gmt|utc|"
    r"[ecmp][sd]?t\b)|(?:updated|published|posted|last\s+modified|first\s+published)\b)"
)
# A line that only says when the page was published or changed.
_PUBLISHED = re.compile(r"(?i)^\W*(?:updated|published|posted|last\s+modified|first\s+published|"
                        r"modified|created)\b")
# The wire-agency caption style: "In this Nov. 5, 2019, file photo, …", "This photo provided
# by NASA shows …" — a sentence about "this photo" is the caption, not the story.
_PHOTO_SENTENCE = re.compile(
    r"(?i)^(?:in\s+)?(?:this|these)\b.{0,60}?\b(?:file\s+|handout\s+)?(?:photo|image|picture|"
    r"photograph|frame\s+grab|screenshot)s?\b(?:,|\s+(?:shows?|provided|released|taken|made|"
    r"obtained|from|by)\b)")
# Whole-line prefixes that introduce a caption without a credit.
_CAPTION_PREFIX = re.compile(
    r"(?i)^(?:image\s+caption|photo\s+caption|caption|above|top|pictured|file\s+photo|"
    r"main\s+image|in\s+pictures)\s*[:\-–—]?\s+(?=\S)"
)
# A credit label: "Photo: X", "Image copyright X", "Photograph: X", "Credit... X", "Photo by X".
_CREDIT_LABEL = re.compile(
    r"(?i)(?:^|(?<=[\s(\[]))(?:image\s+copyright|image\s+source|(?:photo|image|picture)\s+credit|"
    r"^(?:photo\s+|image\s+)?courtesy\s+of|"
    r"photo(?:graph)?s?\s+by|(?:photo(?:graph)?|image|picture|credit|foto|bild|source)\s*"
    r"(?::|\.\.\.|…))\s*"
)
# Wording that marks a sentence as describing a photo: "pictured", "(left)", "poses for".
_CAPTION_CUE = re.compile(r"(?i)\b(?:pictured|is seen|are seen|poses? for|from left)\b|"
                          r"\((?:left|right|center|centre|l|r|c|top|above)\)")
# A person's name alone (a photographer before the agency): two to four Capitalised words.
_NAME_ONLY = re.compile(r"^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3}$")
# "Jane Doe, Reuters", "JANE DOE | Staff writer", "Jane Doe — Health editor"
_AUTHOR_SEPARATOR = re.compile(r"\s*(?:\||•|·|—|–|/)\s*|,\s+(?=\S+(?:\s+\S+){0,5}$)")
# Words that open a sub-head put as a question ("How the plan works", "What happens next").
_QUESTION_WORDS = frozenset({"how", "why", "what", "when", "where", "who", "which", "whose",
                             "will", "can", "should", "is", "are", "does", "do"})
_TRAILING_BRACKET = re.compile(r"[\[(]\s*([^\[\]()]{1,80}?)\s*[\])]$")
_COPYRIGHT_YEAR = re.compile(r"(?i)^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}|all rights)")
_MARKUP = re.compile(r"<\s*/?\s*[a-z][a-z0-9]*[\s>/]|&(?:amp|lt|gt|quot|nbsp);|\bdata-[a-z-]+=|"
                     r"\[/?[a-z_]+ [a-z_]+=")


@dataclass(frozen=True)
class _Rule:
    pattern: str
    reason: str
    effect: str  # "drop" | "list" | "end"
    match: str = "line"  # line | prefix | head | contains | regex


@lru_cache(maxsize=1)
def _lexicons():
    """Load the CSV lexicons once: rules by match type, share words, the photo-credit pattern."""
    line_rules: dict[str, _Rule] = {}
    prefix_rules: list[_Rule] = []
    head_rules: list[_Rule] = []
    contains_rules: list[_Rule] = []
    regex_rules: list[tuple[re.Pattern, _Rule]] = []
    for row in read_lexicon(BOILERPLATE_FILE.name):
        rule = _Rule(row["pattern"].lower(), row["reason"], row["effect"], row["match"])
        if row["match"] == "line":
            line_rules[_key(rule.pattern)] = rule
        elif row["match"] == "prefix":
            prefix_rules.append(rule)
        elif row["match"] == "head":
            head_rules.append(rule)
        elif row["match"] == "regex":
            regex_rules.append((re.compile(row["pattern"]), rule))
        else:
            contains_rules.append(rule)
    core, filler = set(), set()
    for row in read_lexicon(SHARE_WORDS_FILE.name):
        (core if row["role"] == "core" else filler).add(row["word"].lower())
    names = [row["name"] for row in read_lexicon(PHOTO_CREDITS_FILE.name)]
    # Longest names first so "Getty Images" wins over "Getty"; short all-caps names (AP, PA)
    # must match case-sensitively, others case-insensitively.
    names.sort(key=len, reverse=True)
    alts = [re.escape(n) if len(n) <= 3 and n.isupper() else "(?i:" + re.escape(n) + ")"
            for n in names]
    # "AP file", "Reuters Photo": an agency credit for an archive or staff picture
    agency = re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?:\s+(?i:file|photo))?(?![\w-])")
    # one alternation per match type (longest first), so a line is scanned once per type
    prefix_rx = re.compile("|".join(re.escape(r.pattern) for r in
                                    sorted(prefix_rules, key=lambda r: -len(r.pattern))))
    contains_rx = re.compile("|".join(re.escape(r.pattern) for r in
                                      sorted(contains_rules, key=lambda r: -len(r.pattern))))
    head_rx = re.compile("|".join(re.escape(r.pattern) for r in
                                  sorted(head_rules, key=lambda r: -len(r.pattern))))
    heads = (head_rx, {r.pattern: r for r in head_rules})
    prefixes = (prefix_rx, {r.pattern: r for r in prefix_rules})
    contains = (contains_rx, {r.pattern: r for r in contains_rules})
    return line_rules, heads, prefixes, contains, regex_rules, (core, filler), agency


def _key(s: str) -> str:
    """Lower-case a line and trim surrounding punctuation, counts and arrows.

    A plain scan rather than a regex: ``[\\W\\d_]+$`` would be quadratic on long runs of
    punctuation.
    """
    i, j = 0, len(s)
    while i < j and not s[i].isalpha():
        i += 1
    while j > i and not s[j - 1].isalpha():
        j -= 1
    return " ".join(s[i:j].lower().split())


# -- units ---------------------------------------------------------------------------------------
@dataclass
class _Unit:
    start: int
    end: int
    text: str
    words: int
    role: str = "text"  # text|source|caption|credit|byline|date|lex|markup
    reason: str | None = None
    effect: str | None = None
    good: bool = False
    terminal: bool = False
    # a list marker that carries its own link text ("Read more: Council to vote on budget")
    inline: bool = False
    # caption parts (absolute offsets)
    cap_start: int | None = None
    cap_end: int | None = None
    credit_start: int | None = None
    credit_end: int | None = None


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Move ``s``/``e`` inward past whitespace (including NBSP, zero-width characters)."""
    span = text[s:e]
    lead = len(span) - len(span.lstrip(_BLANK_CHARS))
    trail = len(span) - len(span.rstrip(_BLANK_CHARS))
    return s + lead, max(s + lead, e - trail)


def _segment(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as trimmed (start, end) spans; hard-wrapped lines re-joined."""
    lines = []
    for m in _LINE.finditer(text):
        s, e = _trim(text, m.start(), m.end())
        if s < e:
            lines.append((s, e, m.start()))
    if len(lines) < 4:
        return [(s, e) for s, e, _ in lines]
    lengths = sorted(e - s for s, e, _ in lines)
    width = lengths[int(len(lengths) * 0.9)]
    near = sum(1 for n in lengths if width * 0.7 <= n <= width)
    wrapped = 30 <= width <= 100 and near >= 0.5 * sum(1 for n in lengths if n > 20)
    if not wrapped:
        return [(s, e) for s, e, _ in lines]
    # Hard-wrapped text: a line that reaches (close to) the wrap width continues on the next
    # line unless a blank line separates them.
    spans: list[tuple[int, int]] = []
    prev_end_raw = -1
    for s, e, raw_start in lines:
        contiguous = spans and not text[prev_end_raw:raw_start].strip("\r\n\u2028\u2029\x85") \
            and text.count("\n", prev_end_raw, raw_start) + text.count("\r", prev_end_raw,
                                                                       raw_start) <= 1
        if contiguous and spans[-1][2] >= width * 0.7:
            spans[-1] = (spans[-1][0], e, e - s)
        else:
            spans.append((s, e, e - s))
        prev_end_raw = e
    return [(s, e) for s, e, _ in spans]


def _size(t: str) -> int:
    """Word count; CJK text (no spaces) counts two characters as a word."""
    words = len(t.split())
    cjk = len(_CJK.findall(t)) if len(t) < 5000 else len(t) // 2
    return max(words, cjk // 2)


def _is_terminal(t: str) -> bool:
    """Does the line end like a sentence? A trailing ellipsis marks a cut teaser, not an end."""
    t = t.rstrip(_CLOSERS + " ")
    return bool(t) and t[-1] in _TERMINAL and not t.endswith(("…", "..."))


def _same_start(a: str, b: str, chars: int = 60) -> bool:
    """Do two lines open with the same text (one may be cut: "… more", "… less")?"""
    k = min(len(a), len(b), chars)
    return k >= 20 and a[:k] == b[:k]


def _mostly_upper(t: str) -> bool:
    """Is the line set in capitals ("TAYLOR SWIFT CLEARED AT AMAs")? 90% of its letters."""
    upper = sum(map(str.isupper, t))  # map over built-ins: no Python loop per character
    return upper > 0 and upper >= 0.9 * sum(map(str.isalpha, t))


def _capitalised_share(t: str) -> float:
    words = [w for w in _WORD.findall(t) if _LETTER.match(w)]
    if not words:
        return 1.0
    return sum(1 for w in words if w[0].isupper()) / len(words)


# -- line labels -----------------------------------------------------------------------------
def _lexicon_rule(t: str, words: int) -> _Rule | None:
    """The boilerplate rule a short line matches, if any."""
    (line_rules, (head_rules, head_by), (prefix_rules, prefix_by), (contains_rules, contains_by),
     regex_rules, (core, filler), _) = _lexicons()
    if words > LEXICON_MAX_WORDS:
        if words <= REGEX_MAX_WORDS:
            for rx, r in regex_rules:
                if rx.search(t):
                    return r
        return None
    low = t.lower()
    key = _key(t)
    rule = line_rules.get(key)
    if rule:
        return rule
    if words <= 8 and not _is_terminal(t):
        m = head_rules.match(key)
        if m:
            return head_by[m.group(0)]
    m = prefix_rules.match(low)
    if m:
        return prefix_by[m.group(0)]
    m = contains_rules.search(low)
    if m:
        return contains_by[m.group(0)]
    for rx, r in regex_rules:
        if rx.search(t):
            return r
    toks = [w.strip(".,:;!?()[]|•·-–—/\"'") for w in low.split()]
    toks = [w for w in toks if w and not w.isdigit()]
    n_core = sum(1 for w in toks if w in core)
    if toks and n_core and (all(w in core or w in filler for w in toks)
                            or (n_core >= 2 and n_core * 2 >= len(toks))):
        return _Rule("share words", "share", "drop")
    return None


def chrome_reason(line: str) -> str | None:
    """The page-chrome reason a line of text matches in the cleaning lexicons, or ``None``.

    Input: one line of visible text. Output: a drop reason (``"newsletter"``, ``"share"``,
    ``"related"``…) from ``lexicons/cleaning_boilerplate.csv`` / ``cleaning_share_words.csv``.

    >>> chrome_reason("Sign up for our daily newsletter"), chrome_reason("The bridge reopened.")
    ('newsletter', None)
    """
    t = normalize_span(line).strip()
    rule = _lexicon_rule(t, _size(t)) if t else None
    return rule.reason if rule else None


def _credit(t: str, s: int, agency: re.Pattern) -> tuple[int, int, int, int] | None:
    """Find a photo credit in line ``t`` (starting at offset ``s``).

    Returns (caption_start, caption_end, credit_start, credit_end) as absolute offsets; the
    caption span may be empty for a credit-only line.
    """
    n = len(t)
    # 1. A credit label: "Photo: Reuters", "… Credit... Jane Doe/The Times", "Image copyright X".
    last = None
    for m in _CREDIT_LABEL.finditer(t):
        last = m
    if last is not None and last.end() < n:
        credit = t[last.end():]
        if len(credit.split()) <= 10:
            cs = last.end()
            ce = n
            # "(Image: X)" -> credit without the brackets
            pre = last.start()
            if pre > 0 and t[pre - 1] in "([":
                pre -= 1
                ce = len(t[:n].rstrip(")] "))
            return s, s + len(t[:pre].rstrip(" -–—|,")), s + cs, s + ce
    # 2. A trailing bracket naming an agency or a photographer/agency pair: "[AFP]",
    #    "(Manu Fernandez/AP)", "(NASA/JPL-Caltech/ASU)".
    m = _TRAILING_BRACKET.search(t)
    if m:
        inner = m.group(1)
        if (agency.search(inner) or "©" in inner
                or re.search(r"[A-Z][\w.-]*\s*/\s*[A-Z]", inner)):
            return s, s + len(t[:m.start()].rstrip()), s + m.start(1), s + m.end(1)
    # 3. "© Name" anywhere (not a copyright notice with a year).
    i = t.find("©")
    if i >= 0 and not _COPYRIGHT_YEAR.match(t[i:]):
        j = i + 1
        while j < n and t[j] == " ":
            j += 1
        if j < n:
            return s, s + len(t[:i].rstrip(" ,.-–—")), s + j, s + n
    # 4. A line ending in an agency name after a separator: "Alex Wong | Getty Images",
    #    "Michael Conroy, AP", "… Timothy Weeks AP".
    if not _is_terminal(t):
        for m in agency.finditer(t):
            if m.end() == n:
                head = t[:m.start()]
                k = max(head.rfind("|"), head.rfind("/"), head.rfind(","), head.rfind("—"))
                if k >= 0 and len(head[k + 1:].split()) <= 4:
                    if _NAME_ONLY.match(head[:k].strip()):
                        return s, s, s, s + n  # "Michael Conroy, AP": photographer + agency
                    return s, s + len(head[:k].rstrip()), s + len(head[:k + 1]) + \
                        (len(head[k + 1:]) - len(head[k + 1:].lstrip())), s + n
                if len(head.split()) <= 3 or head.endswith(" "):
                    # credit-only ("Shutterstock", "Getty Images") or caption + agency
                    cs = m.start() if len(head.split()) > 3 else 0
                    return s, s + len(t[:cs].rstrip()), s + cs, s + n
    return None


def _label_caption(u: _Unit, t: str, agency: re.Pattern) -> bool:
    """Mark ``u`` as a caption or a credit-only line when ``t`` reads as one."""
    s, e = u.start, u.end
    cap = _credit(t, s, agency)
    cm = _CAPTION_PREFIX.match(t)
    if cap is not None:
        cs, ce, ks, ke = cap
        if cm and s + cm.end() < ce:
            cs = s + cm.end()
        u.role = "credit" if ce <= cs else "caption"
        u.cap_start, u.cap_end, u.credit_start, u.credit_end = cs, ce, ks, ke
        return True
    if cm:
        u.role, u.cap_start, u.cap_end = "caption", s + cm.end(), e
        return True
    if _PHOTO_SENTENCE.match(t):
        u.role, u.cap_start, u.cap_end = "caption", s, e
        return True
    return False


def _label(text: str, s: int, e: int) -> _Unit:
    """Label one line by the rules: source, markup, copyright, lexicon, byline, caption, date."""
    t = normalize_span(text[s:e])
    words = _size(t)
    u = _Unit(s, e, t, words, terminal=_is_terminal(t))
    *_, agency = _lexicons()
    if len(t) > MAX_LABELLED_CHARS:
        # far longer than any caption, byline or chrome line: plain text, and no pattern
        # is run over it (keeps very long lines linear)
        u.good = words >= GOOD_MIN_WORDS
        return u
    short = words <= LEXICON_MAX_WORDS
    m = _SOURCE.match(t) if short else None
    if m and words <= 8:
        u.role, u.cap_start = "source", s + m.end()
        return u
    if short and _MARKUP.search(t):
        u.role, u.reason = "markup", "boilerplate"
        return u
    if short and _COPYRIGHT_YEAR.match(t):
        u.role, u.reason, u.effect = "lex", "copyright", "drop"
        return u
    rule = _lexicon_rule(t, words)
    if rule is not None:
        u.role, u.reason, u.effect = "lex", rule.reason, rule.effect
        u.inline = rule.match == "prefix" and len(t[len(rule.pattern):].split()) >= 2
        return u
    if words <= 15 and not u.terminal and _BYLINE.match(t) and not _CREDIT_LABEL.match(t):
        # "By Jane Doe, Reuters" is a byline even though it ends in an agency name
        u.role = "byline"
        return u
    if words <= 80 and _label_caption(u, t, agency):
        return u
    if _EMBED_SIGNATURE.match(t):
        return u  # the closing line of an embedded post is part of the quoted post
    if words <= 15 and _BYLINE.match(t) and not u.terminal or (t.lower() == "by"):
        u.role = "byline"
        return u
    if words <= 20 and _DATE.search(t) and not (u.terminal and words > 8 and t[-1] == "."):
        u.role = "date"
        return u
    # Tag clouds and keyword lists ("stock car 2018, stock car brazil, …") are long but are
    # comma-separated fragments without a sentence end.
    listy = not u.terminal and t.count(",") * 5 > words
    u.good = (words >= GOOD_MIN_WORDS and (u.terminal or words >= GOOD_LONG_WORDS)
              and not listy and _capitalised_share(t) <= MAX_CAPITALISED_SHARE)
    return u


# -- zones ---------------------------------------------------------------------------------------
def _heading_like(u: _Unit) -> bool:
    """A short title-like line: a few words, letters, no final punctuation (``?`` allowed)."""
    t = u.text.rstrip(_CLOSERS + " ")
    return (u.role == "text" and 1 <= u.words <= HEADING_MAX_WORDS and len(u.text) <= 100
            and bool(_LETTER.search(u.text)) and not (t and t[-1] in ".,;:!…"))


def _caption_like(u: _Unit) -> bool:
    """Does a line set between paragraphs read as a photo caption rather than a sub-heading?

    Sub-heads are short labels or questions (news style guides keep them to a few words;
    on the study pages, sub-heads of 9-11 words occur, of 12 or more hardly ever);
    a line of ``CAPTION_MIN_WORDS`` to ``CAPTION_MAX_WORDS`` words without a final full stop
    that describes a scene ("Smoke rises above the warehouse roof as crews work through the
    night") and is not a question, a "label: value" line, Title Case or two sentences (a pull
    quote with its "Click to tweet" button) is a photo caption.
    """
    t = u.text.rstrip(_CLOSERS + " ")
    first = _key(u.text).split(" ", 1)[0]
    return (u.role == "text" and CAPTION_MIN_WORDS <= u.words <= CAPTION_MAX_WORDS
            and not (t and t[-1] in ".?!:;,…") and ":" not in t and u.text[:1] not in _QUOTES
            and not _CJK.search(u.text) and not _SENTENCE_BREAK.search(u.text) and first not in _QUESTION_WORDS and _capitalised_share(u.text) < 0.5)


def _author_line(t: str) -> bool:
    """Is ``t`` an author line without "By": a name alone, names joined by "and"/",", or a
    name then an outlet or role after a separator ("Jane Doe, Reuters", "JANE DOE | Staff
    writer")? Names are two to four Capitalised (or all-capital) words."""
    if len(t) > 120 or _is_terminal(t) or _DIGIT.search(t) or "@" in t:
        return False
    head, rest = t, ""
    m = _AUTHOR_SEPARATOR.search(t)
    if m:
        head, rest = t[:m.start()], t[m.end():]
        if len(rest.split()) > 6 or not rest[:1].isupper():
            return False
    names = [p for p in re.split(r"\s*(?:,|\band\b|&)\s*", head) if p]
    return bool(names) and len(names) <= 4 and all(_NAME_ONLY.match(p) for p in names)


def _mark_header_bylines(units: list[_Unit]) -> None:
    """Under the headline, a line that names the author without "By" is the byline.

    News pages print the author as a name alone, "Name, Outlet", "Name | Outlet" or with a
    role ("Jane Doe, Health Correspondent") right under the headline, or under the standfirst
    or a date line (at most ``HEADER_MAX_LINES`` lines below). Only the first author line
    counts; not one printed under a photo caption (there "Name, Agency" is the credit), nor
    one of a run of short names and topics (a navigation menu: "Bill Barr", "Jeffrey Epstein").
    """
    h = _find_headline(units)
    if h is None:
        return
    for i in range(h + 1, min(len(units), h + 1 + HEADER_MAX_LINES)):
        u = units[i]
        if u.good or u.role == "byline":
            return
        nxt = units[i + 1] if i + 1 < len(units) else None
        if u.role in ("text", "credit") and u.words <= 14 and _author_line(u.text) \
                and units[i - 1].role not in ("caption", "credit") \
                and not (nxt is not None and nxt.role == "text" and nxt.words <= 4
                         and _NAME_ONLY.match(nxt.text)):
            u.role, u.cap_start, u.cap_end, u.credit_start, u.credit_end = \
                "byline", None, None, None, None
            return
        if not (u.role == "date" or (u.role == "text" and u.words >= 5)):
            return  # only a standfirst or a date line sits between headline and byline


def _data_list(lines: list[str]) -> bool:
    """Do these short lines form a data list (teams, dates, prices) rather than a link list?

    Data lists carry figures on most lines, or repeat one template ("Team (Group A): …") so
    that one separator appears on nearly every line; headlines vary.
    """
    n = len(lines)
    if sum(1 for t in lines if _DIGIT.search(t)) >= 0.6 * n:
        return True
    return any(sum(1 for t in lines if sep in t) >= 0.8 * n for sep in _LIST_SEPARATORS)


def _title_line(u: _Unit) -> bool:
    """A headline-style link: 4-20 words, no final full stop, mostly Capitalised Words."""
    return (u.role == "text" and not u.good and 4 <= u.words <= 20
            and not u.text.rstrip(_CLOSERS).endswith(".")
            and _capitalised_share(u.text) >= MAX_CAPITALISED_SHARE)


def _find_headline(units: list[_Unit]) -> int | None:
    """The first title-like line near the top, or ``None`` when the text opens with prose.

    Headlines do not end with a full stop and hold one sentence; a first line that is a good
    paragraph ending in ``.``, or that holds two sentences, is the lead (pasted text often
    starts below the headline).
    """
    for i, u in enumerate(units[:12]):
        if u.role in ("lex", "markup", "credit", "byline", "date"):
            continue
        if u.role == "text" and u.words <= HEADLINE_MAX_WORDS and not (
                u.good and (u.text.rstrip(_CLOSERS)[-1:] == "."
                            or _SENTENCE_BREAK.search(u.text))):
            return i
        return None
    return None


def _starts_body(units: list[_Unit], i: int, meta_seen: bool, last_good: int) -> bool:
    """Is good unit ``i`` the first paragraph of the body (not a standfirst or a teaser)?

    Yes when the text starts with it (no headline), when it is the only good paragraph left,
    when a byline or date came before it, when it opens with a dateline, or when more body
    text follows within a few lines.
    """
    u = units[i]
    if i == 0 or i == last_good or meta_seen or _DATELINE.match(u.text[:150]):
        return True
    # More body text follows within a few lines: short lines (a sub-head, a list) and advert
    # or navigation lines may come between, a byline/caption/share row may not (that is the
    # header zone: a standfirst, then the byline and the lead photo).
    for j in range(i + 1, min(len(units), i + 7)):
        v = units[j]
        if v.good:
            return True
        if v.role == "text" or (v.role == "lex" and v.effect == "drop"
                                and v.reason in ("advert", "navigation", "boilerplate")):
            continue
        return False
    return False


def _find_body_start(units: list[_Unit], first: int) -> int:
    goods = [i for i in range(first, len(units)) if units[i].good]
    if not goods:
        texts = [i for i in range(first, len(units)) if units[i].role == "text"]
        return texts[0] if texts else len(units)
    meta_seen = False
    in_list: str | None = None
    inline = False
    for i in range(first, len(units)):
        u = units[i]
        if u.role in ("byline", "date"):
            meta_seen = True
        elif u.role == "lex" and u.effect in ("list", "end"):
            in_list, inline = u.reason, u.inline
        if not u.good:
            continue
        if in_list:
            # under a related-stories header: only a run of real paragraphs ends the list
            if _resumes(units, i, in_list, inline):
                return i
        elif _starts_body(units, i, meta_seen, goods[-1]):
            return i
    return goods[0]


def _mark_date_lists(units: list[_Unit]) -> None:
    """Turn runs of dated lines (a schedule, a timeline) back into article text.

    Page chrome prints one date (or alternates dates with titles); tour dates, fixtures and
    race calendars print a date on each of ``DATE_RUN_MIN`` or more lines in a row. Lines
    that only say when the page was published or updated stay dates.
    """
    i, n = 0, len(units)
    while i < n:
        j = i
        while j < n and units[j].role == "date" and not _PUBLISHED.match(units[j].text):
            j += 1
        if j - i >= DATE_RUN_MIN:
            for u in units[i:j]:
                u.role, u.good = "text", True
        i = max(j, i + 1)


def _resumes(units: list[_Unit], i: int, reason: str | None = "related",
             inline: bool = False) -> bool:
    """After a list header, does the body resume at good unit ``i``?

    Related-story lists alternate titles and one-sentence teasers; the article resumes with
    two paragraphs in a row, or after a related box with one long paragraph. After an author
    box or other boilerplate header, a long paragraph is still the author's bio. After an
    inline marker that carries its own link ("Read more: Title"), the list ends at the first
    line of article prose: the marker was one link set into the story.
    """
    u = units[i]
    if not u.good:
        return False
    if inline and u.terminal and not _title_line(u):
        return True
    # the next paragraph, looking past photo captions and advert labels set between them
    j = i + 1
    while j < len(units) and (units[j].role in ("caption", "credit") or (
            units[j].role == "lex" and units[j].reason in ("advert", "credit"))):
        j += 1
    # one long paragraph ends a related box when more text follows it; followed by chrome or
    # by nothing it is one card of a list of excerpts (each with its share row)
    return (_DATELINE.match(u.text[:150]) is not None
            or (j < len(units) and units[j].good)
            or (reason == "related" and u.words >= RESUME_LONG_WORDS
                and j < len(units) and units[j].role not in ("lex", "markup")))


Kinds = list  # list[tuple[str, str | None]]: (block kind, drop reason) per unit


def _classify(units: list[_Unit]) -> list[tuple[str, str | None]]:
    """Decide each unit's block kind and drop reason, in named steps.

    1. zones: headline, header zone (standfirst, byline, date, lead caption), body start;
    2. the body walk (lists after related markers, duplicates, story cards, end markers);
    3. trailing chrome after the last good paragraph;
    4. headerless link lists (three or more headline-style lines);
    5. sub-headings, and uncredited captions set between paragraphs.
    """
    n = len(units)
    kinds: list[tuple[str, str | None]] = [("dropped", "navigation")] * n
    h = _find_headline(units)
    first = 0 if h is None else h + 1
    body = _find_body_start(units, first)
    # A sub-heading right above the first paragraph belongs to the body (not a list item).
    if (body - 1 >= first and _heading_like(units[body - 1]) and units[body - 1].words >= 2
            and not (body - 2 >= first and units[body - 2].role == "text"
                     and not units[body - 2].good)):
        body -= 1
    _header_zone(units, kinds, h, first, body)
    _BodyWalk(units, kinds, body, first).run()
    _trailing_chrome(units, kinds, body)
    _headerless_link_lists(units, kinds, body)
    _subheadings(units, kinds)
    return kinds


def _header_zone(units: list[_Unit], kinds: Kinds, h: int | None, first: int,
                 body: int) -> None:
    """Label the lines above the body: headline, standfirst, byline, date, lead caption."""
    if h is not None:
        kinds[h] = ("headline", None)
    standfirst_done = False
    have_byline = False
    for i in range(first, body):
        u = units[i]
        if u.role == "byline" and have_byline:
            kinds[i] = ("dropped", "boilerplate")  # a second author line: related card, bio
        elif u.role in ("byline", "date", "source"):
            kinds[i] = (u.role, None)
            have_byline = have_byline or u.role == "byline"
        elif u.role in ("caption", "credit"):
            kinds[i] = ("caption", None)
        elif u.role == "lex":
            kinds[i] = ("dropped", u.reason)
        elif u.role == "markup":
            kinds[i] = ("dropped", "boilerplate")
        elif (not standfirst_done and h is not None and i <= h + 4 and u.words >= 5
              and (u.terminal or u.words >= 8) and _capitalised_share(u.text) <= 0.7):
            kinds[i] = ("standfirst", None)
            standfirst_done = True
        else:
            kinds[i] = ("dropped", "boilerplate")
    for i in range(0, first - 1):
        kinds[i] = ("dropped", units[i].reason or "navigation")


class _BodyWalk:
    """One pass over the body lines, in a mode: ``body``, ``list`` (under a related-stories
    or other list marker, until the article resumes) or ``end`` (after an end marker)."""

    def __init__(self, units: list[_Unit], kinds: Kinds, body: int, first: int) -> None:
        self.units, self.kinds, self.body = units, kinds, body
        self.mode, self.reason = "body", None
        self.inline = False  # the list marker carried its own link ("Read more: Title")
        self.have_byline = any(k == "byline" for k, _ in kinds[:body])
        self.have_date = any(k == "date" for k, _ in kinds[:body])
        self.seen = {_key(units[i].text) for i in range(max(0, first - 1), body)}
        self.chrome_run = 0
        self.teaser_at = -1

    def run(self) -> None:
        units, kinds = self.units, self.kinds
        for i in range(self.body, len(units)):
            u = units[i]
            key = _key(u.text)
            if self.mode == "end":
                kinds[i] = ("dropped", u.reason if u.role == "lex" else self.reason)
                continue
            if self.mode == "list" and self._in_list(i):
                continue
            kinds[i] = self._decide(i, key)
            if kinds[i][0] == "dropped":
                self.chrome_run += 1
                if self.chrome_run >= 2 and self.mode == "body":
                    # two chrome lines in a row: the article has ended or a box interrupts it
                    self.mode, self.reason, self.inline = "list", kinds[i][1], False
            else:
                self.chrome_run = 0
            if key and kinds[i][0] != "paragraph":
                self.seen.add(key)

    def _in_list(self, i: int) -> bool:
        """Handle line ``i`` inside a list; False when the article resumes there."""
        u = self.units[i]
        if i == self.teaser_at and u.role == "text" and u.words <= CARD_TEASER_MAX_WORDS \
                and not _SENTENCE_BREAK.search(u.text):
            self.kinds[i] = ("dropped", "related")  # the one-sentence teaser of a story card
            return True
        if _resumes(self.units, i, self.reason, self.inline):
            self.mode = "body"
            return False
        if u.role == "lex" and u.effect in ("list", "end"):
            self.mode, self.reason = u.effect, u.reason
            self.inline = self.inline and u.inline
        self.kinds[i] = ("dropped", u.reason if u.role == "lex" else self.reason)
        return True

    def _decide(self, i: int, key: str) -> tuple[str, str | None]:
        """The kind of body line ``i`` (in body mode)."""
        u, units, kinds = self.units[i], self.units, self.kinds
        if u.role == "lex":
            if u.effect in ("list", "end"):
                self.mode, self.reason, self.inline = u.effect, u.reason, u.inline
            elif key in _CARD_BUTTONS:
                self._card_above(i)
            return ("dropped", u.reason)
        if u.role == "markup":
            return ("dropped", "boilerplate")
        if u.role == "source":
            self.mode, self.reason, self.inline = "list", "boilerplate", False
            return ("source", None)
        if u.role in ("caption", "credit"):
            return ("caption", None)
        if u.role in ("byline", "date"):
            have = self.have_byline if u.role == "byline" else self.have_date
            if u.role == "byline":
                self.have_byline = True
            else:
                self.have_date = True
            return ("dropped", "boilerplate") if have else (u.role, None)
        card = self._story_card(i, key)
        if card:
            return ("dropped", "related")
        if key and key in self.seen:
            return ("dropped", "duplicate")
        if key and i + 1 < len(units) and units[i + 1].role in ("caption", "credit") \
                and _same_start(key, _key(units[i + 1].text)):
            return ("dropped", "duplicate")  # the caption printed twice (alt text + caption)
        if (u.words >= 6 and _mostly_upper(u.text) and not u.terminal
                and not _FIGURE.search(u.text)
                and not (u.words <= CAPS_HEADING_MAX_WORDS and i + 1 < len(units)
                         and units[i + 1].good)):
            # an all-caps link to another story (a full headline); a short all-caps line that
            # leads a paragraph is a sub-head, one carrying prices or percentages a data row
            return ("dropped", "related")
        return ("paragraph", None)

    def _card_above(self, i: int) -> None:
        """A "Read more" button closes a teaser card for another story: its title and cut-off
        teaser (lines without a sentence end) sit right above the button."""
        j = i - 1
        while j >= max(self.body, i - 2) and self.kinds[j][0] in ("paragraph", "heading") \
                and not self.units[j].good and not self.units[j].terminal:
            self.kinds[j] = ("dropped", "related")
            j -= 1

    def _story_card(self, i: int, key: str) -> bool:
        """Is line ``i`` a story card's title printed twice (image alt + link text), alone or
        around a one-word section label? Then a list of other stories starts here."""
        u, units, kinds, body = self.units[i], self.units, self.kinds, self.body
        if not key or u.good:
            return False
        if i > body and key == _key(units[i - 1].text) and kinds[i - 1][0] == "paragraph":
            kinds[i - 1] = ("dropped", "related")
        elif (i - 2 > body and key == _key(units[i - 2].text) and units[i - 1].words <= 3
              and kinds[i - 1][0] == kinds[i - 2][0] == "paragraph"):
            for k in range(i - 2, i):
                kinds[k] = ("dropped", "related")
            if kinds[i - 3][0] == "paragraph" and _key(units[i - 3].text) == _key(units[i - 1].text):
                kinds[i - 3] = ("dropped", "related")
        else:
            return False
        self.mode, self.reason, self.inline, self.teaser_at = "list", "related", False, i + 1
        return True


def _trailing_chrome(units: list[_Unit], kinds: Kinds, body: int) -> None:
    """Short lines after the last good paragraph are page chrome, unless they are a data list
    closing the article, the items under a line ending in ":", or an embedded post."""
    n = len(units)
    last_good = max((i for i in range(body, n) if kinds[i][0] == "paragraph" and units[i].good),
                    default=None)
    if last_good is None:
        return
    run = []
    for i in range(last_good + 1, n):
        if kinds[i][0] != "paragraph":
            break
        run.append(i)
    # A data list closing the article (tour dates, results, "Team (Group A): 10th"): many
    # lines, most carrying figures or a "label: value" separator. Link lists rarely do.
    structured = sum(1 for i in run if _LIST_ITEM.search(units[i].text))
    data_list = len(run) >= 5 and structured >= 0.6 * len(run)
    tail_ok = True
    colon_list = False  # under a line ending in ":" — the items of a list it introduces
    for i in range(last_good + 1, n):
        if kinds[i][0] != "paragraph":
            if kinds[i][0] == "dropped":
                tail_ok = False
            continue
        u = units[i]
        embed = _EMBED_SIGNATURE.match(u.text) or (
            i + 1 < n and _EMBED_SIGNATURE.match(units[i + 1].text))  # a quoted post
        if tail_ok and (u.terminal and u.words >= 3 or data_list or embed
                        or colon_list and u.words >= 2):
            colon_list = colon_list or u.text.rstrip(_CLOSERS + " ").endswith(":")
            continue
        tail_ok = False
        kinds[i] = ("dropped", "boilerplate" if u.words > 3 else "navigation")


def _headerless_link_lists(units: list[_Unit], kinds: Kinds, body: int) -> None:
    """Three or more Title-Case headline lines in a row are links to other stories."""
    i, n = body, len(units)
    while i < n:
        j = i
        while j < n and kinds[j][0] == "paragraph" and _title_line(units[j]):
            j += 1
        run = range(i, j)
        if len(run) >= 3 and not _data_list([units[k].text for k in run]):
            for k in run:
                kinds[k] = ("dropped", "related")
        i = j + 1 if j == i else j


def _subheadings(units: list[_Unit], kinds: Kinds) -> None:
    """A short title-like line between body paragraphs, followed by a good one, is a
    sub-heading; a longer descriptive one set between paragraphs is a photo caption."""
    body_idx = [i for i in range(len(units)) if kinds[i][0] == "paragraph"]
    for k, i in enumerate(body_idx):
        u = units[i]
        if u.good or _EMBED_SIGNATURE.match(u.text):
            continue
        nxt = body_idx[k + 1] if k + 1 < len(body_idx) else None
        prv = body_idx[k - 1] if k > 0 else None
        if nxt is None or not units[nxt].good:
            continue
        if prv is not None and units[prv].good and _caption_like(u):
            u.role, u.cap_start, u.cap_end = "caption", u.start, u.end
            kinds[i] = ("caption", None)
            continue
        if not _heading_like(u):
            continue
        if prv is not None and _heading_like(units[prv]) and kinds[prv][0] == "paragraph":
            continue  # a list of short items, not a heading
        kinds[i] = ("heading", None)


def _units(text: str) -> list[_Unit]:
    """The text's lines, each labelled by the rules (lexicons, bylines, dates, captions)."""
    units = [_label(text, s, e) for s, e in _segment(text)]
    _mark_date_lists(units)
    _mark_header_bylines(units)
    _attach_credits(units)
    return units


def _model_features(units: list[_Unit], only: set[int] | None = None):
    """The line classifier's feature matrix for these units (see :mod:`.line_model`).

    With ``only``, the rows of those lines are exact and the others are zeros (a line's row
    reads its own and its neighbours' features, so those are computed too).
    """
    from .line_model import LINE_FEATURES, line_features, page_features

    need = None if only is None else {j for i in only for j in (i - 1, i, i + 1)}
    zeros = [0.0] * len(LINE_FEATURES)
    return page_features([
        line_features(u, _SENTENCE_BREAK, _DATELINE, _NAME_ONLY, _title_line)
        if need is None or i in need else zeros for i, u in enumerate(units)])


def _apply_line_model(units: list[_Unit], kinds: Kinds, proba, rescue_min: float,
                      drop_min: float) -> Kinds:
    """Let the line classifier overrule the rules where it is confident (thresholds chosen by
    cross-validation on the training pages, ``scripts/train_line_classifier.py``).

    A plain text line the rules dropped as chrome (not a lexicon or pattern hit) becomes a
    paragraph when P(body) + P(heading) >= ``rescue_min``; a short line the rules kept as a
    paragraph (not a good paragraph) is dropped when P(other) >= ``drop_min``.
    """
    body = proba[:, 0] + proba[:, 1]
    other = proba[:, -1]
    for i, u in enumerate(units):
        kind, reason = kinds[i]
        if kind == "dropped" and u.role == "text" and reason in _RESCUABLE \
                and body[i] >= rescue_min:
            kinds[i] = ("paragraph", None)
        elif kind == "paragraph" and not u.good and other[i] >= drop_min:
            kinds[i] = ("dropped", "boilerplate")
    return kinds


def _line_model_kinds(units: list[_Unit], kinds: Kinds) -> Kinds:
    """:func:`_apply_line_model` with the shipped model, or ``kinds`` unchanged without it."""
    from .line_model import load_model, predict_proba

    model = load_model()
    if model is None or "thresholds" not in model or not units:
        return kinds
    rescue_min, drop_min = (float(v) for v in model["thresholds"])
    # only lines the model may overrule need a prediction
    candidates = {i for i, u in enumerate(units)
                  if (rescue_min <= 1 and kinds[i][0] == "dropped" and u.role == "text"
                      and kinds[i][1] in _RESCUABLE)
                  or (drop_min <= 1 and kinds[i][0] == "paragraph" and not u.good)}
    if not candidates:
        return kinds
    proba = predict_proba(_model_features(units, candidates), model)
    return _apply_line_model(units, kinds, proba, rescue_min, drop_min)


def _strip_quotes(text: str, s: int, e: int) -> tuple[int, int]:
    """Move a heading's span inside surrounding quote marks: ``'Shared threats'``."""
    if e - s >= 3 and text[s] in _QUOTES and text[e - 1] == _QUOTES[text[s]]:
        return _trim(text, s + 1, e - 1)
    return s, e


def parse_text(text: str, *, max_chars: int | None = None) -> Article:
    """Parse text copied from a web page into an :class:`Article` with source offsets.

    Finds the headline, standfirst, byline, date, photo captions (credit apart), sub-headings
    (each starting a section), body paragraphs and the ``SOURCE:`` line, and keeps page chrome
    (share rows, related stories, newsletters, adverts, comments…) as ``dropped`` blocks with a
    ``reason``. Raises :class:`~newslab.errors.EmptyInputError` for empty or blank text and
    :class:`~newslab.errors.InputTooLargeError` above ``max_chars`` (default 10 million).

    >>> art = parse_text("Bridge to reopen\\n\\nBy Jane Doe\\n\\n"
    ...                  "The city said the bridge will reopen on Monday after repairs.\\n\\n"
    ...                  "Share this article\\n\\nSOURCE: Agencies")
    >>> art.headline, art.byline, art.source
    ('Bridge to reopen', 'By Jane Doe', 'Agencies')
    >>> [b.reason for b in art.dropped]
    ['share']
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_text expects a str, got {type(text).__name__}")
    if not normalize_span(text).strip():
        raise EmptyInputError("text")
    check_size(text, max_chars)
    units = _units(text)
    kinds = _line_model_kinds(units, _classify(units))
    blocks: list[Block] = []
    section, section_used = 0, False
    for u, (kind, reason) in zip(units, kinds):
        s, e = u.start, u.end
        if kind in ("heading", "paragraph"):
            if kind == "heading":
                if section_used:
                    section += 1
                s, e = _strip_quotes(text, s, e)
            section_used = True
            blocks.append(Block(kind, normalize_span(text[s:e]), s, e, section=section))
        elif kind == "caption":
            cs, ce = (u.cap_start, u.cap_end) if u.cap_start is not None else (s, e)
            if u.role == "credit" or ce <= cs:
                cs, ce = s, e
            b = Block("caption", normalize_span(text[cs:ce]), cs, ce)
            if u.credit_start is not None and u.credit_end > u.credit_start:
                b.credit = normalize_span(text[u.credit_start:u.credit_end])
                b.credit_start, b.credit_end = u.credit_start, u.credit_end
            blocks.append(b)
        elif kind == "source":
            cs = u.cap_start if u.cap_start is not None else s
            blocks.append(Block("source", normalize_span(text[cs:e]), cs, e))
        elif kind == "dropped":
            blocks.append(Block("dropped", u.text, s, e, reason=reason or "boilerplate"))
        else:
            blocks.append(Block(kind, u.text, s, e))
    return Article(text=text, blocks=blocks)


def _attach_credits(units: list[_Unit]) -> None:
    """Give a credit-only line ("Photo: Reuters") to the caption it belongs to.

    BBC-style pages put "Image copyright X" above "Image caption Y"; most others put the credit
    right under the caption text. The caption line then carries the credit's span and the
    credit line becomes a dropped block, so the credit is not counted twice.
    """
    for j, u in enumerate(units):
        if u.role != "credit":
            continue
        target = None
        if j + 1 < len(units) and units[j + 1].role == "caption" \
                and units[j + 1].credit_start is None:
            target = units[j + 1]
        elif j > 0 and units[j - 1].credit_start is None and not u.text.lower().startswith(
                "image copyright") and (
                units[j - 1].role == "caption"
                or (units[j - 1].role == "text" and units[j - 1].words <= 50 and j - 1 > 0
                    and not _DATELINE.match(units[j - 1].text[:150]))):
            target = units[j - 1]
        elif j + 1 < len(units) and units[j + 1].role == "text" and units[j + 1].words <= 50 \
                and _CAPTION_CUE.search(units[j + 1].text):
            target = units[j + 1]  # credit printed above a caption that reads as one
        if target is None:
            continue
        if target.role == "text":
            target.role, target.cap_start, target.cap_end = "caption", target.start, target.end
            target.good = False
        target.credit_start, target.credit_end = u.credit_start, u.credit_end
        u.role, u.reason, u.effect = "lex", "credit", "drop"
