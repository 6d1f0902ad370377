"""Pasted page text, line by line: segmentation into units, and the label of each line on its own.

The first stage of :mod:`newslab.parse.text`: lexicons of page chrome, thresholds, the regular
expressions for bylines, dates, captions and credits, and :func:`_label`, which reads one line
with no context. The zones (headline, body, tail) that read lines in context are in
:mod:`newslab.parse.text`, which describes the rules and their sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..article import normalize_span
from ..lexicons import read_lexicon

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
