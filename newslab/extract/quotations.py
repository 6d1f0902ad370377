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
    out: list[Quotation] = []
    unbalanced = 0
    carry: Quotation | None = None  # quotation left open at the end of the previous paragraph
    pending_inner: list[list[int]] = []  # nested quotations of the quotation being read
    for p_start, p_end in paragraphs:
        ptext = text[p_start:p_end]
        marks = []
        for m in QUOTE_MARK_RE.finditer(ptext):
            role = _mark_role(ptext, m.start(), m.end(), m.group(0))
            if role:
                marks.append((m.start() + p_start, m.end() + p_start, *role))
        # stack of open marks: (pos_after_mark, family, mark_start)
        stack: list[tuple[int, str, int]] = []
        bad = False
        if carry is not None:
            first = marks[0] if marks else None
            lead = text[p_start:first[0]].strip() if first else "x"
            if first and not lead and first[3] in ("open", "either") and first[2] == carry.family:
                # the quotation goes on in this paragraph
                stack.append((first[1], carry.family, first[0]))
                marks = marks[1:]
            else:
                out.append(carry)
                bad = True
                carry = None
        for n, (s, e, family, role) in enumerate(marks):
            open_same = [k for k, (_, f, _) in enumerate(stack) if f == family]
            if family == SINGLE and role != "open" and _plural_possessive(text, s, e) and any(
                    f == SINGLE and r != "open" for _, _, f, r in marks[n + 1:]):
                continue  # "the voters’ anger": a later mark closes the quotation
            closes = role == "close" or (role == "either" and open_same)
            if closes and open_same:
                k = open_same[-1]
                inner_start, _, mark_start = stack[k]
                del stack[k:]
                if stack:  # nested quotation: remember it inside its parent
                    pending_inner.append([mark_start, e])
                    continue
                frag = [inner_start, s]
                if carry is not None:
                    carry.fragments.append(frag)
                    carry.outer.append([mark_start, e])
                    carry.inner.extend(pending_inner)
                    out.append(carry)
                    carry = None
                else:
                    out.append(Quotation([frag], [[mark_start, e]], family,
                                         inner=list(pending_inner)))
                pending_inner = []
                continue
            if role == "close":
                if family == DOUBLE:
                    bad = True  # a stray closing mark: ignored
                continue
            if role == "open" or role == "either":
                if not stack:
                    pending_inner = []
                if family == DOUBLE and open_same and role == "open":
                    # a second opening double mark while one is open: the first never closed.
                    bad = True
                    k = open_same[-1]
                    inner_start, _, mark_start = stack[k]
                    del stack[k:]
                    if not stack:
                        end = len(text[:s].rstrip())
                        if end > inner_start:
                            out.append(Quotation([[inner_start, end]], [[mark_start, end]],
                                                 family, closed=False))
                        carry = None
                        pending_inner = []
                stack.append((e, family, s))
        if stack:
            inner_start, family, mark_start = stack[0]
            end = len(text[:p_end].rstrip())
            if family == SINGLE and len(stack) == 1 and text[inner_start:end].count(" ") < 3:
                bad = True  # a lone ' that is more likely an apostrophe: drop it
                carry = None
            else:
                q = carry if carry is not None else Quotation([], [], family, closed=False)
                q.fragments.append([inner_start, end])
                q.outer.append([mark_start, end])
                q.closed = False
                carry = q
        if bad:
            unbalanced += 1
    if carry is not None:
        out.append(carry)
    out = [q for q in out if any(e > s for s, e in q.fragments)]
    out.sort(key=lambda q: q.start)
    return out, unbalanced



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


