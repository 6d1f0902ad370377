"""Direct quotations: a quotation in quote marks and the speaker + reporting verb around it.

Layouts, tried in this order for each quotation (Pouliquen, Steinberger & Best 2007 describe
the quotation + verb + speaker layouts of news text):

(a) speaker and verb after it: ``"…," he said``, ``"…?" asked Smith``; a long speaker phrase is
    fine (``"…," Jane Doe, a senior fellow at …, wrote``);
(b) before it: ``Medvedev said: "…"``, ``Erdogan said, "…"``, ``he told reporters "…"``, or a
    transcript label ``PENCE: "…"``;
(c) at the end of the previous paragraph: ``Cruz continued:`` + a quotation paragraph;
(d) a quotation that directly follows an attributed one in the same paragraph (``"…," he
    said. "…"``) is the same attribution: one row, several ``fragments``.

:func:`transcript_lines` reads lines with no quote marks (``PENCE: We will…``) and the headline
source convention (``Sanders: Clinton email story has moved``); :func:`leftover_quotations`
credits a quotation paragraph right after an attributed one to the same speaker and keeps other
sentence-like quotations with no speaker. Everything else in quote marks is a scare quote, a
title or a name (``'terror'``, ``"Saturday Night Live"``).

Each public function here is one named step over a :class:`~newslab.extract.context.Context`.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, NamedTuple

from ..lexicons import not_speaker_labels
from ..records import Cue, Quote, ReportingCue, Speaker
from .context import Context, word_count
from .cues import CueHit
from .quotations import Quotation, starts_sentence
from .speakers import speaker_of, speaker_subject

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from .span_index import SpanList

#: A sentence end inside a window: . ! ? (and closing marks) then a space.
SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’»)]*\s+")
#: Tokens allowed between a reporting verb and a quotation that follows it ("told reporters").
BETWEEN_CUE_AND_QUOTE_POS = {"ADV", "ADP", "PART", "PUNCT", "DET", "PRON", "SPACE"}
#: Words that show an all-capitals line label is a heading, not a name ("STAT OF THE WEEK").
FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "in", "on", "to", "at", "with", "by", "a"})
#: Longest source label before a headline colon ("Former AG Mukasey at RNC: …").
HEADLINE_LABEL_MAX_WORDS = 6
#: Shortest claim after it: a headline "Poll: Trump leads" reports a finding; "Update: 3" does not.
HEADLINE_CLAIM_MIN_WORDS = 3
#: A transcript line: a short label, a colon, then text.
TRANSCRIPT_LINE_RE = re.compile(r"([^\W\d][\w.'’ -]{0,40}?)\s*:\s+(?=\S)")

RULE_AFTER = "quotation + speaker + reporting verb"
RULE_BEFORE = "speaker + reporting verb + quotation"
RULE_BEFORE_COLON = "speaker + reporting verb + colon + quotation"
RULE_LABEL = "speaker name + colon + quotation (transcript style)"
RULE_PREVIOUS_PARAGRAPH = "speaker + verb + colon ending the previous paragraph"


class Window(NamedTuple):
    """The text around quotation ``q``: ``before`` (from ``b_start``) and ``after`` (to
    ``a_end``), with their tokens, the first/last line indices and their bounds."""

    b_start: int
    a_end: int
    before: str
    after: str
    b_toks: list
    a_toks: list
    line_first: int
    line_start: int


class Found(NamedTuple):
    """A layout that matched: the cue hit and the rule's name."""

    hit: CueHit
    rule: str


def _window(ctx: Context, k: int, q: Quotation) -> Window:
    """Before and after ``q``, within its lines, the neighbouring quotations and sentences."""
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


def find_cue(tokens: list["Token"], cues_at: dict[int, CueHit],
             reverse: bool = False) -> CueHit | None:
    """The first (or last) cue among ``tokens``."""
    for t in (reversed(tokens) if reverse else tokens):
        if t.i in cues_at:
            return cues_at[t.i]
    return None


def cue_after_long_speaker(tokens: list["Token"], cues_at: dict[int, CueHit]) -> CueHit | None:
    """The cue after a long speaker phrase ("…," Jane Doe, a senior fellow at the Brookings
    Institution, wrote): the first cue whose subject phrase fills everything before it."""
    for k, t in enumerate(tokens):
        if t.i not in cues_at:
            continue
        subj = speaker_subject(t)
        if subj is None or subj.i >= t.i:
            return None
        span = {x.i for x in subj.subtree}
        if all(x.i in span or x.is_punct for x in tokens[:k]):
            return cues_at[t.i]
        return None
    return None


def colon_verb(tokens: list["Token"]) -> CueHit | None:
    """The main verb of a colon introduction without a reporting verb ("Cruz called them on
    it:"): the last verb whose subject is in the window."""
    for t in reversed(tokens):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass") \
                and speaker_subject(t) is not None:
            return CueHit(t, t, ReportingCue(t.lemma_, "speech", "clause", False))
    return None


def headline_label(label: str) -> bool:
    """Whether the text before a colon in an article's first line names a source, as in the
    news headline convention "Sanders: Clinton email story has moved", "Poll: …" (PolNeAR counts
    these as attributions): a short title-case phrase that is not page furniture."""
    words = label.split()
    if not words or len(words) > HEADLINE_LABEL_MAX_WORDS \
            or label.strip().lower() in not_speaker_labels():
        return False
    return all(w[:1].isupper() or w.lower() in FUNCTION_WORDS for w in words) \
        and words[0][:1].isupper()


def label_speaker(text: str, s: int, e: int, people: "SpanList") -> Speaker | None:
    """A transcript label before a colon: an all-capitals name (``PENCE``, ``Q``) or a person's
    name (one of ``people``, Doc char spans), but not page furniture (``UPDATE``, ``The Latest``)."""
    label = text[s:e].strip()
    if not label or label.lower() in not_speaker_labels() or len(label.split()) > 4:
        return None
    letters = [c for c in label if c.isalpha()]
    words = label.lower().split()
    if len(letters) > 1 and all(c.isupper() for c in letters) and len(words) <= 3 \
            and not FUNCTION_WORDS.intersection(words):
        return Speaker(s, s + len(label), s)
    if people.covering(s + 1, s + len(label) - 1):
        return Speaker(s, s + len(label), s)
    return None


def _layout_after(ctx: Context, q: Quotation, w: Window) -> Found | None:
    """(a) ``"…," he said`` / ``"…?" asked Smith``."""
    inner_last = ctx.text[q.fragments[-1][0]:q.fragments[-1][1]].rstrip()
    before_empty = not re.search(r"\w", w.before)
    if not ((before_empty or w.before.rstrip().endswith(":")) and w.a_toks and (
            inner_last[-1:] in ",?!—–-…" or w.after.lstrip()[:1] in ",—–-"
            or w.after.strip()[:1].islower())):
        return None
    cfg = ctx.config
    hit = find_cue(w.a_toks[:cfg.after_cue_max_tokens], ctx.cues_at) or cue_after_long_speaker(
        w.a_toks[:cfg.long_speaker_max_tokens], ctx.cues_at)
    return Found(hit, RULE_AFTER) if hit else None


def _layout_before(ctx: Context, k: int, q: Quotation, w: Window) -> Found | Quote | None:
    """(b) ``Medvedev said: "…"`` / ``Erdogan said, "…"`` / ``he said "…"``; a transcript
    label before a colon gives a finished row."""
    inner_last = ctx.text[q.fragments[-1][0]:q.fragments[-1][1]].rstrip()
    after_empty = not re.search(r"\w", w.after)
    if not (w.b_toks and (after_empty or inner_last[-1:] in ".?!…")):
        return None
    tail = w.before.rstrip()
    if tail.endswith(":") or tail.endswith(","):
        hit = find_cue(w.b_toks[-(ctx.config.before_cue_max_tokens + 1):], ctx.cues_at,
                       reverse=True)
        if hit is None and tail.endswith(":"):
            hit = colon_verb(w.b_toks)
        if hit:
            return Found(hit, RULE_BEFORE_COLON if tail.endswith(":") else RULE_BEFORE)
        if tail.endswith(":"):
            colon = w.b_start + len(tail) - 1
            name = label_speaker(ctx.text, w.b_start, colon, ctx.people)
            if name:
                return Quote([list(f) for f in q.fragments], "direct", RULE_LABEL,
                             speaker=name, cue=Cue(colon, colon + 1), quotations=[k])
        return None
    if starts_sentence(ctx.text, q):
        hit = find_cue(w.b_toks[-4:], ctx.cues_at, reverse=True)
        if hit and all(t.pos_ in BETWEEN_CUE_AND_QUOTE_POS or (
                hit.entry.addressee and t.pos_ in ("PROPN", "NOUN"))
                for t in w.b_toks if t.i > hit.last.i):
            return Found(hit, RULE_BEFORE)
    return None


def _layout_previous_paragraph(ctx: Context, q: Quotation, w: Window) -> Found | None:
    """(c) ``Cruz continued:`` ¶ ``"…"``."""
    if re.search(r"\w", w.before) or re.search(r"\w", w.after) \
            or q.start != w.line_start or w.line_first == 0:
        return None
    prev_ps, prev_pe = ctx.lines[w.line_first - 1]
    if not ctx.text[prev_ps:prev_pe].rstrip().endswith(":") or ctx.in_quote(prev_pe - 1) is not None:
        return None
    s0 = ctx.sent_bounds(prev_pe - 1)[0]
    toks = ctx.idx.tokens_in(max(s0, prev_ps), prev_pe)
    hit = find_cue(toks, ctx.cues_at, reverse=True) or colon_verb(toks)
    return Found(hit, RULE_PREVIOUS_PARAGRAPH) if hit else None


def continues(ctx: Context, prev: Quote, q: Quotation) -> bool:
    """Whether quotation ``q`` goes on from the direct row ``prev`` in the same paragraph: only
    ``prev``'s own attribution (or nothing) stands between them, ending in , . : or ;."""
    if prev.kind != "direct" or not prev.quotations:
        return False
    last = ctx.quotations[prev.quotations[-1]]
    if ctx.line_of(last.end - 1) != ctx.line_of(q.start) \
            or q.start - last.end > ctx.config.join_max_chars:
        return False
    between = ctx.text[last.end:q.start]
    if not re.search(r"\w", between):
        return True
    return (prev.cue is not None and last.end <= prev.cue.start < q.start
            and re.search(r"[.,:;!?]\s*$", between) is not None)


def _join(ctx: Context, row: Quote, k: int, q: Quotation) -> None:
    """Add quotation ``k`` to ``row`` as one more fragment."""
    row.fragments.extend(list(f) for f in q.fragments)
    row.quotations.append(k)
    ctx.row_of_quote[k] = row


def _attribute(ctx: Context, k: int, q: Quotation) -> None:
    """Find the layout of quotation ``k`` and add or extend its row."""
    w = _window(ctx, k, q)
    found = _layout_after(ctx, q, w)
    if found is None:
        found = _layout_before(ctx, k, q, w)
        if isinstance(found, Quote):
            ctx.row_of_quote[k] = ctx.add(found)
            return
    if found is None:
        found = _layout_previous_paragraph(ctx, q, w)
    if found is None:
        # (d) "…," he said. "…" — the next quotation in the paragraph goes with this one
        if ctx.rows and continues(ctx, ctx.rows[-1], q):
            _join(ctx, ctx.rows[-1], k, q)
        return
    verb, last, cue = found.hit
    # the same cue can already hold an earlier quotation: "A," he said, "B."
    same = next((r for r in ctx.rows if r.cue is not None and r.cue.token == verb.i
                 and r.kind == "direct"), None)
    if same is not None:
        _join(ctx, same, k, q)
        return
    speaker = speaker_of(verb, last, cue) if cue.cue != ":" else None
    ctx.row_of_quote[k] = ctx.add(Quote(
        [list(f) for f in q.fragments], "direct", found.rule, speaker=speaker,
        cue=Cue(verb.idx, last.idx + len(last), verb.i), quotations=[k]))
    ctx.used_cues.add(verb.i)


def direct_quotations(ctx: Context) -> None:
    """Step: attribute each quotation by the layouts (a)–(d) of the module docstring."""
    for k, q in enumerate(ctx.quotations):
        _attribute(ctx, k, q)


def transcript_lines(ctx: Context) -> None:
    """Step: lines without quote marks that open with a speaker label (``PENCE: We will…``),
    and the headline source convention (``Sanders: Clinton email story has moved``)."""
    text = ctx.text
    # where each row's first quotation starts: looked up by bisection, not per row (long texts)
    firsts = sorted(ctx.quotations[r.quotations[0]].start for r in ctx.rows if r.quotations)
    for pk, (ps, pe) in enumerate(ctx.lines):
        m = TRANSCRIPT_LINE_RE.match(text[ps:pe])
        if not m or ctx.in_quote(ps) is not None:
            continue
        label_end = ps + m.end(1)
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
        ctx.add(Quote([[body_s, pe]], "direct", "speaker name + colon at line start (transcript)",
                      speaker=name, cue=cue))


def _host_row(rows: list[Quote], q: Quotation, sent: tuple[int, int]) -> Quote | None:
    """The reported-speech row whose cue is in the quotation's sentence, before it."""
    for r in reversed(rows):
        if r.kind in ("indirect", "mixed") and r.cue and sent[0] <= r.cue.start < q.start \
                and r.fragments[-1][1] <= q.start + 1 and len(r.fragments) == 1:
            return r
    return None


def _has_verb(ctx: Context, q: Quotation) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for s, e in q.fragments
               for t in ctx.idx.tokens_in(s, e))


def leftover_quotations(ctx: Context) -> None:
    """Step: quotations no rule attributed. A quoted phrase mid-sentence joins the reported
    speech of its sentence (``mixed``); a quotation paragraph right after an attributed one, or
    a quotation after an attribution in its paragraph, takes that speaker; another quotation
    that reads as a sentence is kept with no speaker; the rest are scare quotes and titles."""
    text, cfg = ctx.text, ctx.config
    last_in_para: dict[int, Quote] = {}
    direct_by_para: dict[int, Quote] = {}
    for r in sorted(ctx.rows, key=lambda r: r.fragments[0][0]):
        if r.speaker:
            last_in_para[ctx.line_of(r.fragments[-1][1] - 1)] = r
            if r.kind == "direct":
                direct_by_para[ctx.line_of(r.fragments[-1][1] - 1)] = r
    for k, q in enumerate(ctx.quotations):
        if k in ctx.consumed or k in ctx.row_of_quote:
            continue
        qtext = " ".join(text[s:e] for s, e in q.fragments)
        if not starts_sentence(text, q):
            # a quoted phrase mid-sentence: part of reported speech in the same sentence
            host = _host_row(ctx.rows, q, ctx.sent_bounds(q.start))
            if host is not None and word_count(qtext) >= cfg.mixed_min_words:
                host.fragments[-1][1] = max(host.fragments[-1][1], q.end)
                host.kind = "mixed"
                host.rule += " (with a quoted fragment)" if "quoted" not in host.rule else ""
                host.quotations.append(k)
            continue
        if word_count(qtext) < cfg.sentence_quote_min_words or not _has_verb(ctx, q):
            continue  # scare quote, title, name
        p = ctx.line_of(q.start)
        ps, pe = ctx.lines[p]
        whole_para = q.start <= ps + 1 and not re.search(r"\w", text[q.end:pe])
        frags = [list(f) for f in q.fragments]
        prev = direct_by_para.get(p - 1)
        if whole_para and prev is not None:
            direct_by_para[ctx.line_of(q.end - 1)] = ctx.add(Quote(
                frags, "direct", "quotation paragraph right after an attributed quotation: "
                "same speaker", speaker=prev.speaker, quotations=[k]))
            continue
        before = last_in_para.get(p)
        if before is not None and before.fragments[-1][1] <= q.start:
            ctx.add(Quote(frags, "direct", "quotation after an attribution in the same "
                          "paragraph: same speaker", speaker=before.speaker, quotations=[k]))
            continue
        ctx.add(Quote(frags, "direct", "quotation without a speech cue (speaker unknown)",
                      quotations=[k]))
