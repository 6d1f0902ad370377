"""Find the spans near an offset by bisection instead of scanning every span.

Quote attribution and statements look up, for each row, the quotations or mentions around a
character or token offset. Scanning the whole list each time costs nothing in a news article but
grows with the square of the length in a book-length text (see :mod:`newslab.long_text`); these
two small indexes give the same answers in logarithmic time.
"""

from __future__ import annotations

import bisect
from typing import Iterable, Sequence, TypeVar

T = TypeVar("T")


class SortedSpans:
    """Non-overlapping ``(start, end)`` spans in order of ``start`` (e.g. top-level quotations).

    >>> spans = SortedSpans([(0, 5), (10, 20), (30, 31)])
    >>> list(spans.overlapping(4, 11)), list(spans.overlapping(20, 30))
    ([0, 1], [])
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        spans = list(spans)
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]
        # bisection needs starts and ends both in order; otherwise scan (same answers)
        self.ordered = all(a <= b for a, b in zip(self.starts, self.starts[1:])) and all(
            a <= b for a, b in zip(self.ends, self.ends[1:]))

    def overlapping(self, start: int, end: int) -> Sequence[int]:
        """Positions of the spans with ``span.start < end`` and ``span.end > start``, in order."""
        if not self.ordered:
            return [k for k, (s, e) in enumerate(zip(self.starts, self.ends))
                    if s < end and e > start]
        lo = bisect.bisect_right(self.ends, start)
        hi = bisect.bisect_left(self.starts, end)
        return range(lo, max(lo, hi))


class _Interval:
    """Items with ``[lo, hi)`` keys, sorted by ``lo``; the longest item bounds the look-back."""

    def __init__(self, items: Sequence[T], keys: list[tuple[int, int]]) -> None:
        order = sorted(range(len(items)), key=lambda k: keys[k][0])
        self.items, self.order = items, order
        self.los = [keys[k][0] for k in order]
        self.keys = keys
        self.longest = max((hi - lo for lo, hi in keys), default=0)

    def touching(self, start: int, end: int) -> list[T]:
        """Items with ``lo <= end`` and ``hi >= start``, in their original order."""
        a = bisect.bisect_left(self.los, start - self.longest)
        b = bisect.bisect_right(self.los, end)
        hits = sorted(k for k in self.order[a:b] if self.keys[k][1] >= start)
        return [self.items[k] for k in hits]


class IndexedMentions(list):
    """A list of :class:`~newslab.records.Mention` that finds mentions near an offset.

    Behaves as the list it copies; the indexes are built on first use (do not change the list
    after that).

    >>> from newslab.records import Mention
    >>> ms = IndexedMentions([Mention("he", 10, 12, 2, 3, "PERSON", "Rasmussen", "PERSON",
    ...                                "pronoun")])
    >>> [m.text for m in ms.near(11, 30)], [m.text for m in ms.at_token(2)]
    (['he'], ['he'])
    """

    _chars: _Interval | None = None
    _tokens: _Interval | None = None

    def near(self, start: int, end: int) -> list:
        """Mentions with ``m.start <= end`` and ``m.end >= start`` (characters), in order."""
        if self._chars is None:
            self._chars = _Interval(self, [(m.start, m.end) for m in self])
        return self._chars.touching(start, end)

    def at_token(self, i: int) -> list:
        """Mentions whose tokens include token ``i``, in order."""
        if self._tokens is None:
            self._tokens = _Interval(self, [(m.token_start, m.token_end) for m in self])
        return [m for m in self._tokens.touching(i, i) if m.token_start <= i < m.token_end]


class SpanList(list):
    """A list of ``(start, end)`` spans that finds the spans covering a range by bisection.

    >>> SpanList([(0, 10), (20, 25)]).covering(21, 24)
    [(20, 25)]
    """

    _index: _Interval | None = None

    def covering(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans with ``span_start <= start`` and ``span_end >= end``, in order."""
        if self._index is None:
            self._index = _Interval(self, list(self))
        return [sp for sp in self._index.touching(end, start) if sp[0] <= start and sp[1] >= end]
