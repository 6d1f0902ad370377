"""The shared state of one attribution pass: the Doc, its quotations and cues, the rows so far.

:func:`newslab.extract.attribution.attributions` builds one :class:`Context` per Doc and hands
it to each named step in turn (direct quotations, transcript lines, reported speech, noun cues,
adjective cues, left-over quotations). A step reads what earlier steps found (``rows``,
``row_of_quote``, ``consumed``…) and adds :class:`~newslab.records.Quote` records; nothing else
is shared. Thresholds live in :class:`AttributionConfig`, not in module globals.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from ..records import Mention, Quote
from .cues import CueHit, find_cues
from .quotations import (Quotation, cover_quotations, headline_scare_quote, quotation_spans,
                         text_lines)
from .span_index import SortedSpans, SpanList
from .speakers import speaker_subject

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token


#: The end of an attribution between two quotations of one speaker: , . : ; ! or ? (a closing
#: quote mark of a title may follow: ``Perez said on NBC's "Meet the Press." "…"``).
ATTRIBUTION_END_RE = re.compile(r"[.,:;!?][\"'”’»]*\s*$")


@dataclass(frozen=True)
class AttributionConfig:
    """Thresholds of the attribution rules (defaults chosen on PolNeAR train).

    ``after_cue_max_tokens``: a reporting verb must follow a quotation within this many tokens
    (``"…," he said``); ``long_speaker_max_tokens``: or further when everything before it is
    the speaker's phrase; ``before_cue_max_tokens``: or precede it within this many
    (``Erdogan said, "…"``); ``sentence_quote_min_words``: a left-over quotation with no cue is
    kept only from this many words (and a verb) — shorter ones are scare quotes or titles;
    ``mixed_min_words``: a quoted fragment inside reported speech makes the row ``mixed`` from
    this many words; ``join_max_chars``: the longest attribution between two quotations that
    still joins them into one row.
    """

    after_cue_max_tokens: int = 8
    long_speaker_max_tokens: int = 40
    before_cue_max_tokens: int = 6
    sentence_quote_min_words: int = 6
    mixed_min_words: int = 2
    join_max_chars: int = 250


class TokenIndex:
    """Character ↔ token look-ups for one Doc."""

    def __init__(self, doc: "Doc") -> None:
        from spacy.attrs import IDX

        self.doc = doc
        self.starts = doc.to_array(IDX).tolist() if len(doc) else []

    def token_at(self, char: int) -> int:
        """Index of the token containing (or starting after) ``char``."""
        k = bisect.bisect_right(self.starts, char) - 1
        return max(k, 0)

    def tokens_in(self, start: int, end: int) -> list["Token"]:
        """Non-space tokens starting in ``[start, end)``."""
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return [t for t in self.doc[i:j] if not t.is_space]


def word_count(text: str) -> int:
    """Words in ``text`` (letters/digits, with inner apostrophes: ``don't`` is one)."""
    return len(re.findall(r"\w+(?:['’]\w+)*", text))


def trim(doc_text: str, s: int, e: int, chars: str = " \t\n,;:—–-") -> tuple[int, int]:
    """``[s, e)`` without leading and trailing ``chars``."""
    while s < e and doc_text[s] in chars:
        s += 1
    while e > s and doc_text[e - 1] in chars:
        e -= 1
    return s, e


def span_of_tokens(tokens: Iterable["Token"]) -> tuple[int, int] | None:
    """Doc character span covering the non-space ``tokens`` (``None`` when there are none)."""
    toks = [t for t in tokens if not t.is_space]
    if not toks:
        return None
    return min(t.idx for t in toks), max(t.idx + len(t) for t in toks)


#: Quote-final punctuation an attribution follows ("…," he said; "…?" asked Smith).
QUOTE_FINAL = frozenset({",", "?", "!", "—", "–"})
#: A finite reporting verb (said, says, tell): not "the need to counter".
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def end_at_attribution(q: Quotation, cues: list[CueHit], idx: TokenIndex,
                       max_tokens: int = 8) -> None:
    """End an unclosed quotation where an attribution starts inside it: quote-final
    punctuation, then a finite speech verb with its subject (``"Where are the horses' carrots?
    he asked. The stable…`` without its closing mark ends at ``carrots?``). The words of a
    quotation never hold its own attribution, so a missing closing mark never lets it swallow
    the attribution and the sentences after it. ``q`` is changed in place."""
    s, e = q.fragments[-1]
    for hit in cues:
        verb = hit.verb
        if not s < verb.idx < e or verb.tag_ not in FINITE_TAGS or hit.entry.cls != "speech":
            continue
        before = idx.tokens_in(s, verb.idx)[-max_tokens:]
        mark = next((k for k in range(len(before) - 1, -1, -1)
                     if before[k].text in QUOTE_FINAL), None)
        if mark is None or mark == 0:
            continue
        between = before[mark + 1:]
        subj = speaker_subject(verb)
        if subj is None or any((t.is_punct and t.text != ",") or t.pos_ in ("CCONJ", "SCONJ")
                               for t in between):
            continue  # "…, and everybody understands it": a clause of the quotation
        if between and not any(t.i == subj.i for t in between):
            continue  # "…, the plan he backed said little": not the speaker
        if not between and subj.i < verb.i:
            continue
        cut = before[mark].idx + len(before[mark])
        q.fragments[-1][1] = cut
        q.outer[-1][1] = cut
        q.inner = [x for x in q.inner if x[1] <= cut]
        return


@dataclass
class Context:
    """One Doc's attribution state (see the module docstring)."""

    doc: "Doc"
    text: str
    mentions: list[Mention]
    config: AttributionConfig
    idx: TokenIndex = field(init=False)
    lines: list[tuple[int, int]] = field(init=False)
    quotations: list[Quotation] = field(init=False)
    scare_quotes: list[Quotation] = field(init=False)
    cues: list[CueHit] = field(init=False)
    cues_at: dict[int, CueHit] = field(init=False)
    people: SpanList = field(init=False)
    rows: list[Quote] = field(default_factory=list)
    row_of_quote: dict[int, Quote] = field(default_factory=dict)
    used_cues: set[int] = field(default_factory=set)
    consumed: set[int] = field(default_factory=set)
    taken: list[tuple[int, int]] = field(default_factory=list)
    #: rows by the line their content ends on (filled by the left-over step: linear look-ups)
    rows_by_line: dict[int, list[Quote]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.idx = TokenIndex(self.doc)
        self.lines = text_lines(self.text)
        self._line_starts = [p[0] for p in self.lines]
        self.quotations, self.scare_quotes = [], []
        for q in quotation_spans(self.text, self.lines)[0]:
            scare = headline_scare_quote(self.text, q, self.lines)
            (self.scare_quotes if scare else self.quotations).append(q)
        cues = find_cues(self.doc)
        for q in self.quotations:
            if not q.closed:
                end_at_attribution(q, cues, self.idx)
        self._q_outer = sorted((s, e, k) for k, q in enumerate(self.quotations) for s, e in q.outer)
        self._q_starts = [s for s, _, _ in self._q_outer]
        self._q_index = SortedSpans((q.start, q.end) for q in self.quotations)
        self.people = SpanList((m.start, m.end) for m in self.mentions
                               if m.type == "PERSON" and m.kind != "pronoun")
        self.cues = [c for c in cues if self.in_quote(c.verb.idx) is None]
        self.cues_at = {c.verb.i: c for c in self.cues}

    def in_quote(self, char: int) -> int | None:
        """Index of the quotation whose marks enclose Doc char ``char``, or ``None``."""
        k = bisect.bisect_right(self._q_starts, char) - 1
        if k >= 0 and self._q_outer[k][0] <= char < self._q_outer[k][1]:
            return self._q_outer[k][2]
        return None

    def line_of(self, char: int) -> int:
        """Index (into :attr:`lines`) of the line holding Doc char ``char``."""
        return max(bisect.bisect_right(self._line_starts, char) - 1, 0)

    def sent_bounds(self, char: int) -> tuple[int, int]:
        """Doc character span of the sentence holding ``char``."""
        tok = self.doc[self.idx.token_at(char)]
        return tok.sent.start_char, tok.sent.end_char

    def has_verb(self, spans) -> bool:
        """Whether a verb stands in the Doc character spans ``[(start, end), …]``: a statement,
        not a name, title or tally."""
        return any(t.pos_ in ("VERB", "AUX") for s, e in spans for t in self.idx.tokens_in(s, e))

    def another_cue(self, cue_token: int, s: int, e: int) -> bool:
        """Whether a cue other than ``cue_token``, and outside its clause, stands in ``[s, e)``:
        a second speaker introduced between two quotations ("…," said Jones, and Smith
        objected, "…"), not a cue inside the first speaker's phrase ("a senator who endorsed")."""
        cue = self.doc[cue_token]
        return any(t.i in self.cues_at and t.i != cue.i and not cue.is_ancestor(t)
                   for t in self.idx.tokens_in(s, e))

    def quotations_in(self, s: int, e: int) -> list[int]:
        """Indices of the quotations overlapping ``[s, e)``."""
        return list(self._q_index.overlapping(s, e))  # by bisection: linear in a long text

    def quoted_words(self, s: int, e: int, inside: list[int]) -> int:
        """Words of the quotations ``inside`` that fall within ``[s, e)``."""
        return sum(word_count(self.text[max(s, fs):min(e, fe)]) for j in inside
                   for fs, fe in self.quotations[j].fragments)

    def add(self, row: Quote) -> Quote:
        """Append ``row``; a fragment never cuts a headline scare quote in two (``calls the
        idea 'stupid'`` keeps its closing mark)."""
        if self.scare_quotes:
            row.fragments = [list(cover_quotations(self.scare_quotes, s, e))
                             for s, e in row.fragments]
        self.rows.append(row)
        return row
