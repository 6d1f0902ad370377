"""Quotation marks: pairing them into quotations, per line of text, without ever raising.

:func:`quotation_spans` pairs quote marks one line (paragraph) at a time. Every style counts:
“ ” ‘ ’ " ' « » „ “ and the NYT's ``\u0060\u0060`` / ``''``. An apostrophe is not a quote mark
(``don't``, ``Russia's``, ``'90s``, ``rock 'n' roll``): ' and ’ between letters, before a year or
in a short elision never open or close a quotation, and ’ after a word only closes a quotation
that is open. A line that opens a quotation without closing it continues into the next line when
that one opens with a quote mark (the news convention for long quotations); otherwise the
quotation ends with its line (best reading, never an error) — unlike textacy's
``direct_quotations``, which raises on an odd number of marks and loses the document.

Offsets are Doc characters, end-exclusive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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


def _mark_role(text: str, i: int, j: int, mark: str) -> tuple[str, str] | None:
    """(family, "open"/"close"/"either") for the mark at text[i:j], or None for an apostrophe."""
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
    left_open = i == 0 or prev in OPEN_CONTEXT
    right_close = j >= len(text) or nxt in CLOSE_CONTEXT
    if role == "either" or (family == SINGLE and role == "close"):
        if left_open and not right_close:
            role = "open"
        elif right_close and not left_open:
            role = "close"
        else:
            role = "either"
    return family, role


def _plural_possessive(text: str, s: int, e: int) -> bool:
    """True for the ’ of "the voters’ anger": after an s, before a lower-case word."""
    return (s > 0 and text[s - 1] in "sS" and e + 1 < len(text) and text[e] == " "
            and text[e + 1].islower())


def quotation_spans(text: str, paragraphs: list[tuple[int, int]]) -> tuple[list[Quotation], int]:
    """Pair quote marks in ``text``, one paragraph (a ``(start, end)`` range) at a time.

    Returns the top-level quotations and how many paragraphs had unbalanced marks (read as
    best we could: an unclosed quotation ends with its paragraph, a stray closing mark is
    ignored).

    >>> text = 'He said: "We will ‘win’." Don’t.'
    >>> qs, bad = quotation_spans(text, [(0, len(text))])
    >>> [text[s:e] for s, e in qs[0].fragments], bad
    (['We will ‘win’.'], 0)
    """
    pairing = _Pairing(text)
    unbalanced = sum(1 for p_start, p_end in paragraphs if pairing.paragraph(p_start, p_end))
    out = pairing.out + ([pairing.carry] if pairing.carry is not None else [])
    out = [q for q in out if any(e > s for s, e in q.fragments)]
    out.sort(key=lambda q: q.start)
    return out, unbalanced


class _Pairing:
    """The state of :func:`quotation_spans` across paragraphs: the quotations found, the one
    left open at the end of the previous paragraph (``carry``) and the nested quotations of the
    quotation being read. Within a paragraph, ``stack`` holds the open marks as
    ``(position after the mark, family, mark start)``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[Quotation] = []
        self.carry: Quotation | None = None
        self.pending_inner: list[list[int]] = []
        self.stack: list[tuple[int, str, int]] = []
        self.bad = False

    def _marks(self, p_start: int, p_end: int) -> list[tuple[int, int, str, str]]:
        ptext = self.text[p_start:p_end]
        marks = []
        for m in QUOTE_MARK_RE.finditer(ptext):
            role = _mark_role(ptext, m.start(), m.end(), m.group(0))
            if role:
                marks.append((m.start() + p_start, m.end() + p_start, *role))
        return marks

    def _go_on(self, marks: list, p_start: int) -> list:
        """A quotation left open goes on when the paragraph opens with its kind of mark."""
        first = marks[0] if marks else None
        lead = self.text[p_start:first[0]].strip() if first else "x"
        if first and not lead and first[3] in ("open", "either") and first[2] == self.carry.family:
            self.stack.append((first[1], self.carry.family, first[0]))
            return marks[1:]
        self.out.append(self.carry)
        self.bad = True
        self.carry = None
        return marks

    def paragraph(self, p_start: int, p_end: int) -> bool:
        """Pair the marks of one paragraph; True when they were unbalanced."""
        marks = self._marks(p_start, p_end)
        self.stack, self.bad = [], False
        if self.carry is not None:
            marks = self._go_on(marks, p_start)
        for n, (s, e, family, role) in enumerate(marks):
            open_same = [k for k, (_, f, _) in enumerate(self.stack) if f == family]
            if family == SINGLE and role != "open" and _plural_possessive(self.text, s, e) and any(
                    f == SINGLE and r != "open" for _, _, f, r in marks[n + 1:]):
                continue  # "the voters’ anger": a later mark closes the quotation
            if (role == "close" or role == "either") and open_same:
                self._close(open_same[-1], s, e, family)
            elif role == "close":
                self.bad = self.bad or family == DOUBLE  # a stray closing mark: ignored
            else:
                self._open(open_same, s, e, family, role)
        self._end(p_end)
        return self.bad

    def _close(self, k: int, s: int, e: int, family: str) -> None:
        inner_start, _, mark_start = self.stack[k]
        del self.stack[k:]
        if self.stack:  # nested quotation: remember it inside its parent
            self.pending_inner.append([mark_start, e])
            return
        frag = [inner_start, s]
        if self.carry is not None:
            self.carry.fragments.append(frag)
            self.carry.outer.append([mark_start, e])
            self.carry.inner.extend(self.pending_inner)
            self.out.append(self.carry)
            self.carry = None
        else:
            self.out.append(Quotation([frag], [[mark_start, e]], family,
                                      inner=list(self.pending_inner)))
        self.pending_inner = []

    def _open(self, open_same: list[int], s: int, e: int, family: str, role: str) -> None:
        if not self.stack:
            self.pending_inner = []
        if family == DOUBLE and open_same and role == "open":
            # a second opening double mark while one is open: the first never closed.
            self.bad = True
            inner_start, _, mark_start = self.stack[open_same[-1]]
            del self.stack[open_same[-1]:]
            if not self.stack:
                end = len(self.text[:s].rstrip())
                if end > inner_start:
                    self.out.append(Quotation([[inner_start, end]], [[mark_start, end]],
                                              family, closed=False))
                self.carry = None
                self.pending_inner = []
        self.stack.append((e, family, s))

    def _end(self, p_end: int) -> None:
        """A quotation still open at the paragraph's end is carried to the next one."""
        if not self.stack:
            return
        inner_start, family, mark_start = self.stack[0]
        end = len(self.text[:p_end].rstrip())
        if family == SINGLE and len(self.stack) == 1 and self.text[inner_start:end].count(" ") < 3:
            self.bad = True  # a lone ' that is more likely an apostrophe: drop it
            self.carry = None
            return
        q = self.carry if self.carry is not None else Quotation([], [], family, closed=False)
        q.fragments.append([inner_start, end])
        q.outer.append([mark_start, end])
        q.closed = False
        self.carry = q


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


