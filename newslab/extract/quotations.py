"""Quotation marks: pairing them into quotations, per line of text, without ever raising.

:func:`quotation_spans` pairs quote marks one line (paragraph) at a time. Every style counts:
“ ” ‘ ’ " ' « » „ “ and the NYT's ``\u0060\u0060`` / ``''``. An apostrophe is not a quote mark
(``don't``, ``Russia's``, ``'90s``, ``rock 'n' roll``): ' and ’ between letters, before a year or
in a short elision never open or close a quotation, and ’ after a word only closes a quotation
that is open. Pairing is local and robust (:func:`pair_paragraph`):

* a mark's role comes from its shape unless the characters around it clearly say the opposite
  (``“It's unusual,“ said``; ``”Sorry…”``; German ``„…“``);
* mismatched marks pair within their paragraph: a quotation opened with one family's mark that
  its own family never closes is closed by the first stray closing mark of the other family
  (``'AMANDA, you stabbed me," a stunned Anna Ramirez told…``, ``"We won,' she said``);
* a line that opens a quotation without closing it continues into the next line when that one
  opens with a quote mark (the news convention for long quotations); otherwise the quotation
  ends with its line (best reading, never an error — unlike textacy's ``direct_quotations``,
  which raises on an odd number of marks and loses the document), and
  :func:`newslab.extract.context.end_at_attribution` ends it before an attribution inside it.

:func:`headline_scare_quote` tells a quoted word in a headline (``Trump 'can' win``) from a
quotation: it is emphasis, and the attribution steps never see it as a quotation.

Offsets are Doc characters, end-exclusive.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import NamedTuple

#: Every quote mark we read; two-character NYT marks first so they win over a single '.
QUOTE_MARK_RE = re.compile(r"``|''|[\"'“”„‟«»‘’‚‹›]")
DOUBLE, SINGLE = "double", "single"
#: mark → (family, role): role "open", "close" or "either" (decided from context).
QUOTE_MARKS = {
    "“": (DOUBLE, "open"), "„": (DOUBLE, "open"), "«": (DOUBLE, "open"), "``": (DOUBLE, "open"),
    "‟": (DOUBLE, "open"), "”": (DOUBLE, "close"), "»": (DOUBLE, "close"),
    '"': (DOUBLE, "either"), "''": (DOUBLE, "either"),
    "‘": (SINGLE, "open"), "‚": (SINGLE, "open"), "‹": (SINGLE, "open"),
    "’": (SINGLE, "close"), "›": (SINGLE, "close"), "'": (SINGLE, "either"),
}
#: Characters after which a mark opens (start of text, space, bracket, dash, slash, other mark).
OPEN_CONTEXT = set(" \t\n([{—–-/“‘«„‚‹\"'`")
#: Characters before which a mark closes.
CLOSE_CONTEXT = set(" \t\n.,;:!?)]}—–-…/”’»›\"'")
#: Short elisions written with a leading apostrophe ('em, 'til, rock 'n' roll, '90s).
ELISION_RE = re.compile(r"'|’|‘")
ELISIONS = re.compile(r"(?:em|til|cause|tis|twas|n|s|d|ll|re|ve|\d\d)s?\b", re.I)


@dataclass
class Quotation:
    """Text between paired quote marks, possibly over several paragraphs.

    ``fragments`` are the inner spans (marks excluded) in Doc characters; ``outer`` spans include
    the marks. ``closed`` is False when the closing mark was missing (read to paragraph end).
    """

    fragments: list[list[int]]
    outer: list[list[int]]
    family: str
    closed: bool = True
    inner: list[list[int]] = field(default_factory=list)  # nested quotations (outer spans)

    @property
    def start(self) -> int:
        return self.outer[0][0]

    @property
    def end(self) -> int:
        return self.outer[-1][1]


class Mark(NamedTuple):
    """One quote mark in the text: Doc characters ``[start, end)``, its family (double or
    single) and its role in context ("open", "close" or "either")."""

    start: int
    end: int
    family: str
    role: str


def _context_role(prev: str, nxt: str, at_start: bool, at_end: bool) -> str:
    """The role the characters around a mark give it: "open" after a space or bracket and
    before a word, "close" after a word or punctuation and before a space, else "either"."""
    left_open = at_start or prev in OPEN_CONTEXT
    right_close = at_end or nxt in CLOSE_CONTEXT
    if left_open and not right_close:
        return "open"
    if right_close and not left_open:
        return "close"
    return "either"


def _mark_role(text: str, i: int, j: int, mark: str) -> tuple[str, str] | None:
    """(family, "open"/"close"/"either") for the mark at text[i:j], or None for an apostrophe.

    A mark's shape gives its role (“ opens, ” closes) unless the characters around it say the
    opposite: scraped and hand-typed text closes with “ (``“It's unusual,“ said``), opens with
    ” (``”Sorry Sarah…”``), and German opens „ and closes “. A mark that starts its paragraph
    opens: nothing before it could be closed."""
    family, role = QUOTE_MARKS[mark]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[j] if j < len(text) else " "
    if family == SINGLE:
        if prev.isalnum() and nxt.isalnum():
            return None  # don't, Russia's, O'Brien
        if mark != "’" and prev not in OPEN_CONTEXT and nxt not in CLOSE_CONTEXT:
            return None
        if (prev in OPEN_CONTEXT or i == 0) and ELISIONS.match(text, j) and (
                mark != "‘" or text[j:j + 2].isdigit()):
            # 'em, 'til, rock 'n' roll, '90s — but ‘Hey’ with a curly opener stays a quote
            m = ELISIONS.match(text, j)
            if m and (m.end() >= len(text) or text[m.end()] in " ,.;:!?'’"):
                if not (mark == "'" and "'" in text[m.end():m.end() + 1] and m.group(0).lower() != "n"):
                    return None
    if i == 0:
        return family, "open"
    context = _context_role(prev, nxt, i == 0, j >= len(text))
    if role == "either" or (family == SINGLE and role == "close"):
        return family, context
    if context != "either" and context != role:
        return family, context  # “…“ / ”…” / „…“: the context wins over the shape
    return family, role


def _plural_possessive(text: str, s: int, e: int) -> bool:
    """True for the ’ of "the voters’ anger": after an s, before a lower-case word."""
    return (s > 0 and text[s - 1] in "sS" and e + 1 < len(text) and text[e] == " "
            and text[e + 1].islower())


def _can_close_other(text: str, m: Mark, p_end: int) -> bool:
    """Whether a stray closing mark may close a quotation opened with the other family's mark
    (``'AMANDA, you stabbed me," a stunned…``, ``"We won,' he said``): any double mark, and a
    single one after punctuation or before punctuation / the paragraph end — not the
    apostrophe of ``the voters' anger`` or ``goin' home``."""
    if m.family == DOUBLE:
        return True
    if _plural_possessive(text, m.start, m.end):
        return False
    prev = text[m.start - 1] if m.start > 0 else " "
    nxt = text[m.end] if m.end < p_end else ""
    return prev in ",.!?…;:—–-" or not nxt or nxt in ",.;:!?)—–-"


class Paired(NamedTuple):
    """How the marks of one paragraph pair: ``pairs`` of (opening, closing) mark indices,
    ``cut`` openers abandoned for a later opener of their family (mark index, end char),
    ``left`` openers still open at the paragraph end (outermost first), ``strays`` closing
    marks with nothing to close, and whether the paragraph was unbalanced."""

    pairs: list[tuple[int, int]]
    cut: list[tuple[int, int]]
    left: list[int]
    strays: list[int]
    bad: bool


def pair_marks(text: str, marks: list[Mark], p_end: int, first_continues: bool = False) -> Paired:
    """Pair the ``marks`` of one paragraph (ending at ``p_end``) with a stack, innermost first.

    A closing mark closes the last open mark of its family; a second opening double mark while
    one is open cuts the first one there (it never closed); a closing mark with nothing to
    close is a stray. ``first_continues``: the first mark opens the continuation of a
    quotation from the previous paragraph (whatever its shape says)."""
    stack: list[int] = []
    pairs, cut, strays, bad = [], [], [], False
    for n, m in enumerate(marks):
        open_same = [k for k, i in enumerate(stack) if marks[i].family == m.family]
        if n == 0 and first_continues:
            stack.append(n)
            continue
        if m.family == SINGLE and m.role != "open" and _plural_possessive(text, m.start, m.end) and (
                any(x.role != "open" if x.family == SINGLE else x.role == "close"
                    for x in marks[n + 1:])
                or (open_same and any(s > stack[open_same[-1]] for s in strays))):
            continue  # "the voters’ anger": a later mark (or a stray before) closes the quotation
        if m.role in ("close", "either") and open_same:
            k = open_same[-1]
            pairs.append((stack[k], n))
            del stack[k:]
        elif m.role == "close":
            bad = bad or m.family == DOUBLE
            if _can_close_other(text, m, p_end):
                strays.append(n)
        else:
            if m.family == DOUBLE and open_same and m.role == "open":
                bad = True  # a second opening double mark while one is open: the first never closed
                k = open_same[-1]
                if k == 0:
                    cut.append((stack[0], m.start))
                del stack[k:]
            stack.append(n)
    return Paired(pairs, cut, stack, strays, bad)


def pair_paragraph(text: str, marks: list[Mark], p_end: int,
                   first_continues: bool = False) -> Paired:
    """:func:`pair_marks`, then mismatched marks paired locally: a quotation opened with one
    family's mark and never closed by its own closes at the first stray closing mark of the
    other family after it, in the same paragraph (``'AMANDA, you stabbed me," a stunned Anna
    Ramirez told…``, ``“We won,' he said``) — so an unclosed quotation never swallows the
    sentences, and attributions, that follow it."""
    marks = list(marks)
    paired = pair_marks(text, marks, p_end, first_continues)
    for _ in range(len(marks)):
        opened = [i for i, _ in paired.cut] + paired.left
        fix = next(((i, j) for i in sorted(opened) for j in paired.strays
                    if j > i and marks[j].family != marks[i].family), None)
        if fix is None:
            return paired
        i, j = fix
        marks[j] = marks[j]._replace(family=marks[i].family, role="close")
        paired = pair_marks(text, marks, p_end, first_continues)
    return paired


def quotation_spans(text: str, paragraphs: list[tuple[int, int]]) -> tuple[list[Quotation], int]:
    """Pair quote marks in ``text``, one paragraph (a ``(start, end)`` range) at a time.

    Returns the top-level quotations and how many paragraphs had unbalanced marks (read as
    best we could: mismatched marks pair within their paragraph, an unclosed quotation ends
    with its paragraph, a stray closing mark is ignored).

    >>> text = 'He said: "We will ‘win’." Don’t.'
    >>> qs, bad = quotation_spans(text, [(0, len(text))])
    >>> [text[s:e] for s, e in qs[0].fragments], bad
    (['We will ‘win’.'], 0)
    >>> text = "'We won,” she said. Bo said it was “clear”."
    >>> qs, bad = quotation_spans(text, [(0, len(text))])
    >>> [text[s:e] for q in qs for s, e in q.fragments]
    ['We won,', 'clear']
    """
    pairing = _Pairing(text)
    unbalanced = sum(1 for p_start, p_end in paragraphs if pairing.paragraph(p_start, p_end))
    out = pairing.out + ([pairing.carry] if pairing.carry is not None else [])
    out = [q for q in out if any(e > s for s, e in q.fragments)]
    out.sort(key=lambda q: q.start)
    return out, unbalanced


class _Pairing:
    """The state of :func:`quotation_spans` across paragraphs: the quotations found and the one
    left open at the end of the previous paragraph (``carry``), which goes on when the next
    paragraph opens with its kind of mark (the news convention for long quotations)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[Quotation] = []
        self.carry: Quotation | None = None
        self.mark_starts = [m.start() for m in QUOTE_MARK_RE.finditer(text)]

    def _marks(self, p_start: int, p_end: int) -> list[Mark]:
        k = bisect.bisect_left(self.mark_starts, p_start)
        if k == len(self.mark_starts) or self.mark_starts[k] >= p_end:
            return []  # most paragraphs hold no quote mark at all
        ptext = self.text[p_start:p_end]
        marks = []
        for m in QUOTE_MARK_RE.finditer(ptext):
            role = _mark_role(ptext, m.start(), m.end(), m.group(0))
            if role:
                marks.append(Mark(m.start() + p_start, m.end() + p_start, *role))
        return marks

    def _goes_on(self, marks: list[Mark], p_start: int) -> bool:
        """Whether the quotation left open goes on here: the paragraph opens with its family."""
        first = marks[0] if marks else None
        return bool(first and not self.text[p_start:first.start].strip()
                    and first.role in ("open", "either") and first.family == self.carry.family)

    def paragraph(self, p_start: int, p_end: int) -> bool:
        """Pair the marks of one paragraph; True when they were unbalanced."""
        marks = self._marks(p_start, p_end)
        if not marks and self.carry is None:
            return False
        bad = False
        goes_on = self.carry is not None and self._goes_on(marks, p_start)
        if self.carry is not None and not goes_on:
            self.out.append(self.carry)
            self.carry, bad = None, True
        paired = pair_paragraph(self.text, marks, p_end, goes_on)
        starts = sorted([(i, j) for i, j in paired.pairs]
                        + [(i, None) for i, _ in paired.cut]
                        + ([(paired.left[0], -1)] if paired.left else []))
        cut_end = dict(paired.cut)
        top_end = -1
        tops: list[tuple[int, int | None]] = []
        for i, j in starts:  # top-level quotations: not inside an earlier pair
            if marks[i].start >= top_end:
                tops.append((i, j))
                top_end = (marks[j].end if j is not None and j >= 0
                           else cut_end.get(i, p_end))
        for i, j in tops:
            bad = self._quotation(marks, paired, i, j, cut_end, p_end) or bad
        return paired.bad or bad

    def _quotation(self, marks: list[Mark], paired: Paired, i: int, j: int | None,
                   cut_end: dict[int, int], p_end: int) -> bool:
        """Record the top-level quotation opened by mark ``i`` (closed by ``j``; ``None``: cut
        before a later opener; ``-1``: still open at the paragraph end); True when a lone
        opening ' was dropped as an apostrophe."""
        o = marks[i]
        if j is not None and j >= 0:
            end, outer_end, closed = marks[j].start, marks[j].end, True
        else:
            stop = cut_end.get(i, p_end)
            end = outer_end = len(self.text[:stop].rstrip())
            closed = False
        inner = [[marks[a].start, marks[b].end] for a, b in paired.pairs
                 if o.end <= marks[a].start and marks[b].end <= end]
        frag, outer = [o.end, end], [o.start, outer_end]
        continued = self.carry is not None and i == 0
        if j == -1 and not continued and o.family == SINGLE and len(paired.left) == 1 \
                and self.text[o.end:end].count(" ") < 3:
            return True  # a lone ' that is more likely an apostrophe: drop it
        q = self.carry if continued else Quotation([], [], o.family, closed=closed, inner=[])
        q.fragments.append(frag)
        q.outer.append(outer)
        q.inner.extend(inner)
        if j == -1:
            q.closed = False
            self.carry = q
            return False
        if continued:
            self.carry = None
        q.closed = j is not None  # closed by a mark, in this paragraph
        self.out.append(q)  # (empty ones are dropped by quotation_spans)
        return False


#: Longest quoted fragment, in words, that a headline puts in quote marks for emphasis.
HEADLINE_SCARE_MAX_WORDS = 2
#: Longest first line, in words, read as a headline.
HEADLINE_MAX_WORDS = 30


def headline_scare_quote(text: str, q: Quotation, lines: list[tuple[int, int]]) -> bool:
    """Whether ``q`` is a scare quote in the headline, not a quotation: one or two words in
    quote marks in the first line of a text that goes on after it (``Trump 'can' win the
    nomination, says adviser``; ``Sanders declares ‘revolution’``).

    News style puts a word in quote marks in a headline to mark it as contested or as someone
    else's term (AP Stylebook, "quotation marks": headlines use single marks; a quoted word
    marks irony or a term not the paper's own), not to report what was said: PolNeAR's
    annotators never mark such a headline word as a direct quotation (they read it as part of
    the reported claim around it). A headline whose quotation is a full clause (``'We will
    win', says Smith``) keeps it.

    >>> text = "Trump 'can' win, says adviser\\n\\nThe adviser spoke."
    >>> qs, _ = quotation_spans(text, text_lines(text))
    >>> headline_scare_quote(text, qs[0], text_lines(text))
    True
    """
    if len(lines) < 2 or not lines[0][0] <= q.start < lines[0][1]:
        return False
    first = text[lines[0][0]:lines[0][1]]
    if len(re.findall(r"\w+", first)) > HEADLINE_MAX_WORDS:
        return False
    words = sum(len(re.findall(r"\w+(?:['’]\w+)*", text[s:e])) for s, e in q.fragments)
    return words <= HEADLINE_SCARE_MAX_WORDS


def text_lines(text: str) -> list[tuple[int, int]]:
    """Non-blank lines of the Doc text as ``(start, end)``, whitespace trimmed: the units quote
    marks are paired in (one per block for an article's Doc)."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out



def starts_sentence(text: str, q: Quotation) -> bool:
    """Whether a quotation opens like a sentence (capital, digit, ellipsis), not mid-phrase."""
    first = text[q.fragments[0][0]:q.fragments[0][0] + 2].lstrip("…. ")[:1]
    return bool(first) and (first.isupper() or first.isdigit())


def cover_quotations(quotations: list[Quotation], s: int, e: int) -> tuple[int, int]:
    """Widen [s, e) so that it never cuts a quotation in two (the parse often leaves the
    closing mark outside the clause)."""
    for q in quotations:
        for qs, qe in q.outer:
            if qs < e <= qe or (s < qe and qe - 1 <= e):
                e = max(e, qe)
            if qs <= s < qe:
                s = min(s, qs)
    return s, e


