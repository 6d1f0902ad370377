"""Direct quotations: each quotation in quote marks goes through the stage-1 sieves.

:func:`direct_quotations` runs :data:`newslab.extract.quote_sieves.SIEVES` over every quotation
(the first sieve that names a speaker wins) and then tries to continue an attribution already
made: a quotation that directly follows an attributed one in the same paragraph (``"…," he
said. "…"``) is the same attribution — one row, several ``fragments`` — unless another cue
stands between them (two people introduced in turn are never merged).

:func:`transcript_lines` reads lines with no quote marks (``PENCE: We will…``) and the headline
source convention (``Sanders: Clinton email story has moved``). Quotations no sieve attributed
are read later, after reported speech, by :mod:`newslab.extract.unattributed`.
"""

from __future__ import annotations

import bisect
import re

from ..records import Cue, Quote, Speaker
from .context import ATTRIBUTION_END_RE, Context, word_count
from .quotations import Quotation
from .quote_sieves import SIEVES, headline_label, is_caps_label, label_speaker
from .window import quote_window

#: Shortest claim after a headline label: "Poll: Trump leads" reports a finding; "Update: 3" does not.
HEADLINE_CLAIM_MIN_WORDS = 3
#: A transcript line: a short label, a colon, then text.
TRANSCRIPT_LINE_RE = re.compile(r"([^\W\d][\w.'’ -]{0,40}?)\s*:\s+(?=\S)")
RULE_CONTINUES = "same speaker: the quotation goes on from an attributed one"


def continues(ctx: Context, prev: Quote, q: Quotation) -> bool:
    """Whether quotation ``q`` goes on from the direct row ``prev`` in the same paragraph: only
    ``prev``'s own attribution (or nothing) stands between them, ending in , . : or ;, and no
    other speech cue outside the first one's clause (a second speaker introduced in between keeps
    its own row)."""
    if prev.kind not in ("direct", "mixed") or not prev.quotations:
        return False
    last = ctx.quotations[prev.quotations[-1]]
    if ctx.line_of(last.end - 1) != ctx.line_of(q.start) \
            or q.start - last.end > ctx.config.join_max_chars:
        return False
    between = ctx.text[last.end:q.start]
    if not re.search(r"\w", between):
        return True
    if prev.cue is None or not (last.end <= prev.cue.start < q.start) \
            or ATTRIBUTION_END_RE.search(between) is None:
        return False
    return prev.cue.token is None or not ctx.another_cue(prev.cue.token, last.end, q.start)


def _join(ctx: Context, row: Quote, k: int, q: Quotation) -> None:
    """Add quotation ``k`` to ``row`` as one more fragment."""
    row.fragments.extend(list(f) for f in q.fragments)
    row.quotations.append(k)
    ctx.row_of_quote[k] = row


def _attribute(ctx: Context, k: int, q: Quotation) -> None:
    """Run the sieves on quotation ``k`` and add or extend its row."""
    w = quote_window(ctx, k, q)
    found = None
    for _name, sieve in SIEVES:
        found = sieve(ctx, k, q, w)
        if found is not None:
            break
    if found is None:
        if ctx.rows and continues(ctx, ctx.rows[-1], q):
            _join(ctx, ctx.rows[-1], k, q)
        return
    if found.verb is not None:
        # the same cue can already hold an earlier quotation: "A," he said, "B."
        same = next((r for r in ctx.rows if r.cue is not None and r.cue.token == found.verb
                     and r.kind in ("direct", "mixed")), None)
        if same is not None:
            _join(ctx, same, k, q)
            return
        ctx.used_cues.add(found.verb)
    frags = [list(f) for f in q.fragments]
    if found.start is not None:
        frags[0][0] = found.start
    if found.end is not None:
        frags[-1][1] = max(frags[-1][1], found.end)
    ctx.row_of_quote[k] = ctx.add(Quote(frags, found.kind, found.rule, speaker=found.speaker,
                                        cue=found.cue, quotations=[k]))


def direct_quotations(ctx: Context) -> None:
    """Step: attribute each quotation by the stage-1 sieves, or continue the previous row."""
    for k, q in enumerate(ctx.quotations):
        _attribute(ctx, k, q)


def transcript_lines(ctx: Context) -> None:
    """Step: lines without quote marks that open with a speaker label (``PENCE: We will…``),
    and the headline source convention (``Sanders: Clinton email story has moved``)."""
    text = ctx.text
    # where each row's first quotation starts: looked up by bisection, not per row (long texts)
    firsts = sorted(ctx.quotations[r.quotations[0]].start for r in ctx.rows if r.quotations)
    matches = [(pk, ps, pe, TRANSCRIPT_LINE_RE.match(text[ps:pe]))
               for pk, (ps, pe) in enumerate(ctx.lines)]
    turns = sum(1 for *_, m in matches if m and is_caps_label(m.group(1)))
    named = {w.lower() for s, e in ctx.people for w in text[s:e].split()}
    for pk, ps, pe, m in matches:
        if not m or ctx.in_quote(ps) is not None:
            continue
        label_end = ps + m.end(1)
        if is_caps_label(m.group(1)) and turns < 2 and m.group(1).strip().lower() not in named:
            continue  # "BOOM: …": a transcript has turns, or names its speakers elsewhere
        name = label_speaker(text, ps, label_end, ctx.people)
        headline = name is None and pk == 0 and headline_label(text[ps:label_end])
        if headline:
            name = Speaker(ps, label_end, ps)
        if name is None:
            continue
        body_s = ps + m.end()
        cue = Cue(label_end, label_end + 1)
        if headline:
            if word_count(text[body_s:pe]) >= HEADLINE_CLAIM_MIN_WORDS:
                ctx.add(Quote([[body_s, pe]], "indirect", "headline: source + colon + claim",
                              speaker=name, cue=cue))
            continue
        k = bisect.bisect_left(firsts, body_s)
        if k < len(firsts) and firsts[k] < pe:
            continue
        if word_count(text[body_s:pe]) < HEADLINE_CLAIM_MIN_WORDS \
                or not ctx.has_verb([(body_s, pe)]):
            continue  # "Clinton: 547." / "Carson: A miracle.": a tally or a tag, not speech
        ctx.add(Quote([[body_s, pe]], "direct", "speaker name + colon at line start (transcript)",
                      speaker=name, cue=cue))
