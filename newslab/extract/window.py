"""The text around one quotation: what stands before and after it in its paragraph and sentence.

Every stage-1 sieve (:mod:`newslab.extract.quote_sieves`) reads the same :class:`Window`: the
words before the quotation back to the start of its sentence (or the previous quotation of the
paragraph), and the words after it up to the end of the next sentence (or the next quotation).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .context import Context
from .quotations import Quotation

#: A sentence end inside a window: . ! ? (and closing marks) then a space.
SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’»)]*\s+")


class Window(NamedTuple):
    """The text around quotation ``q``: ``before`` (from ``b_start``) and ``after`` (to
    ``a_end``), with their tokens, the first line index and its start; all Doc characters."""

    b_start: int
    a_end: int
    before: str
    after: str
    b_toks: list
    a_toks: list
    line_first: int
    line_start: int


def quote_window(ctx: Context, k: int, q: Quotation) -> Window:
    """Before and after quotation ``k`` (``q``), within its lines, the neighbouring quotations
    and sentences (Doc characters, end-exclusive)."""
    text, quotations = ctx.text, ctx.quotations
    p_first, p_last = ctx.line_of(q.start), ctx.line_of(q.end - 1)
    ps, pe = ctx.lines[p_first][0], ctx.lines[p_last][1]
    prev_q_end = max((quotations[j].end for j in ctx.quotations_in(ps, q.start)
                      if j < k and quotations[j].end <= q.start
                      and ctx.line_of(quotations[j].end - 1) == p_first), default=ps)
    next_q = next((quotations[j] for j in ctx.quotations_in(q.end, pe)
                   if j > k and ctx.line_of(quotations[j].start) == p_last), None)
    b_start = max(ps, prev_q_end, ctx.sent_bounds(q.start - 1)[0] if q.start > ps else ps)
    # the sentence after the quotation: the parser often ends a sentence at the closing
    # mark ("…!” | Bush said.), so read the sentence of the next word
    nxt = q.end + len(text[q.end:pe]) - len(text[q.end:pe].lstrip())
    a_end = min(pe, next_q.start if next_q else pe,
                max(ctx.sent_bounds(q.end)[1], ctx.sent_bounds(nxt)[1]) if nxt < pe else pe)
    # the parser may glue a quotation to the sentence before it: cut at the last full stop
    cut = list(SENTENCE_END_RE.finditer(text, b_start, q.start))
    if cut:
        b_start = cut[-1].end()
    return Window(b_start, a_end, text[b_start:q.start], text[q.end:a_end],
                  ctx.idx.tokens_in(b_start, q.start), ctx.idx.tokens_in(q.end, a_end),
                  p_first, ps)
