"""Quotations with no speech cue of their own: the context sieves, run after reported speech.

A quoted phrase inside a sentence joins that sentence's reported speech (``mixed``); a short or
verb-less quotation is a scare quote, a title or a name (``'terror'``, ``"Saturday Night
Live"``) and is not a quotation. A sentence-like quotation goes through :data:`SIEVES`, the
later sieves of Muzny, Fang, Chang & Jurafsky (2017) — a speaker set up just before it, the
previous quotation paragraph's speaker, the only person named in the paragraph, the closest
person mentioned — in order of their precision on PolNeAR train; when none answers it is kept
with no speaker.
"""

from __future__ import annotations

import re
from typing import Callable

from ..lexicons import address_verbs
from ..nlp.syntax import head_depth
from ..records import Quote, Speaker
from .context import ATTRIBUTION_END_RE, Context, word_count
from .quotations import Quotation, starts_sentence
from .speakers import speaker_at


#: Possessive determiners: a mention such as "his players" names an owner, not a speaker.
POSSESSIVES = frozenset({"his", "her", "its", "their", "hers", "theirs"})

RULE_CONVERSATION = "the answer to the quoted question before it (another speaker)"
RULE_PARAGRAPH = "same speaker as the quotation paragraph before"
RULE_PREVIOUS_SENTENCE = "speaker set up in the sentence before the quotation"
RULE_ONLY_PERSON = "the only person named in the paragraph"
RULE_CLOSEST = "the closest person mentioned before the quotation"
RULE_UNKNOWN = "quotation without a speech cue (speaker unknown)"


def _host_row(rows: list[Quote], q: Quotation, sent: tuple[int, int]) -> Quote | None:
    """The reported-speech row whose cue is in the quotation's sentence, before it."""
    for r in reversed(rows):
        if r.kind in ("indirect", "mixed") and r.cue and sent[0] <= r.cue.start < q.start \
                and r.fragments[-1][1] <= q.start + 1 and len(r.fragments) == 1:
            return r
    return None


def _previous_sentence(ctx: Context, k: int, q: Quotation) -> tuple[int, int] | None:
    """The sentence just before quotation ``q`` (in its paragraph, or the previous paragraph's
    last one when ``q`` opens its paragraph), unless that sentence is itself a quotation."""
    i = q.start - 1
    while i >= 0 and (ctx.text[i].isspace() or ctx.in_quote(i) == k):
        i -= 1
    if i < 0 or ctx.in_quote(i) is not None:
        return None
    if ctx.line_of(i) < ctx.line_of(q.start) - 1:
        return None
    s, _e = ctx.sent_bounds(i)
    return max(s, ctx.lines[ctx.line_of(i)][0]), i + 1


def previous_sentence_speaker(ctx: Context, k: int, q: Quotation) -> tuple[str, Speaker] | None:
    """``Marcus Heller rejected the claim. "Our charges are set by the regulator."`` /
    ``Mayor Ana Ruiz addressed residents. "We will rebuild."``: the sentence before a verb-less
    quotation attributes something to a speaker, or its subject addresses an audience — the
    quotation is that person's (Muzny et al. 2017, "previous sentence" sieve)."""
    sent = _previous_sentence(ctx, k, q)
    if sent is None:
        return None
    lines = range(ctx.line_of(sent[0]), ctx.line_of(sent[1] - 1) + 1)
    rows = [r for line in lines for r in ctx.rows_by_line.get(line, ()) if r.speaker and r.cue
            and r.cue.token is not None and sent[0] <= r.cue.start < sent[1]]
    if rows:  # the sentence's own attribution, not one nested in what it reports
        return RULE_PREVIOUS_SENTENCE, min(rows, key=lambda r: head_depth(ctx.doc[r.cue.token])).speaker
    root = ctx.doc[ctx.idx.token_at(sent[0])].sent.root
    if not (sent[0] <= root.idx < sent[1]) or root.lemma_ not in address_verbs():
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"
                 and c.pos_ in ("PROPN", "NOUN", "PRON") and c.lower_ not in ("it", "this")), None)
    return (RULE_PREVIOUS_SENTENCE, speaker_at(subj)) if subj is not None else None


def _people_before(ctx: Context, q: Quotation, ps: int) -> list:
    return [m for m in ctx.mentions.near(ps, q.start) if m.type == "PERSON"
            and ps <= m.start and m.end <= q.start and ctx.in_quote(m.start) is None]


def only_person_in_paragraph(ctx: Context, k: int, q: Quotation) -> tuple[str, Speaker] | None:
    """One person, and only one, is named or referred to in the quotation's paragraph outside
    quote marks: the quotation is theirs (Muzny et al. 2017, "single mention" sieve)."""
    ps, pe = ctx.lines[ctx.line_of(q.start)]
    people = [m for m in ctx.mentions.near(ps, pe) if m.type == "PERSON" and ps <= m.start
              and m.end <= pe and ctx.in_quote(m.start) is None]
    actors = {m.actor or m.text for m in people}
    if len(actors) != 1:
        return None
    named = [m for m in people if m.kind != "pronoun"] or people
    m = min(named, key=lambda m: abs(m.start - q.start))
    return RULE_ONLY_PERSON, Speaker(m.start, m.end, m.start)


def closest_mention(ctx: Context, k: int, q: Quotation) -> tuple[str, Speaker] | None:
    """The person mentioned last before the quotation in its paragraph (Muzny et al. 2017,
    "closest mention" sieve: the last resort)."""
    ps, _pe = ctx.lines[ctx.line_of(q.start)]
    people = [m for m in _people_before(ctx, q, ps) if m.text.lower() not in POSSESSIVES]
    if not people:
        return None
    m = people[-1]
    return RULE_CLOSEST, Speaker(m.start, m.end, m.start)


def paragraph_after_quotation(ctx: Context, k: int, q: Quotation) -> tuple[str, Speaker] | None:
    """A quotation paragraph right after an attributed quotation paragraph goes on in the same
    voice (the news convention for long quotations, AP Stylebook)."""
    p = ctx.line_of(q.start)
    ps, pe = ctx.lines[p]
    if not (q.start <= ps + 1 and not re.search(r"\w", ctx.text[q.end:pe])) or p == 0:
        return None
    prev = [r for r in _direct_rows_ending_in(ctx, p - 1) if r.speaker]
    return (RULE_PARAGRAPH, prev[-1].speaker) if prev else None


def _direct_rows_ending_in(ctx: Context, line: int) -> list[Quote]:
    return [r for r in ctx.rows_by_line.get(line, []) if r.kind == "direct"]


def conversation_turn(ctx: Context, k: int, q: Quotation) -> tuple[str, Speaker | None] | None:
    """A quotation paragraph right after a quoted question is the answer, by someone else: the
    speaker two turns back when the exchange alternates, else nobody known (Muzny et al. 2017,
    conversation sieve; a question and its reply are two people)."""
    p = ctx.line_of(q.start)
    ps, pe = ctx.lines[p]
    if p == 0 or not (q.start <= ps + 1 and not re.search(r"\w", ctx.text[q.end:pe])):
        return None
    asked = _direct_rows_ending_in(ctx, p - 1)
    if not asked or not asked[-1].quotations:
        return None
    last = ctx.quotations[asked[-1].quotations[-1]]
    if not ctx.text[last.fragments[-1][0]:last.fragments[-1][1]].rstrip().endswith("?"):
        return None
    asker = asked[-1].speaker
    before = _direct_rows_ending_in(ctx, p - 2) if p >= 2 else []
    other = next((r.speaker for r in reversed(before) if r.speaker and asker and
                  ctx.text[r.speaker.start:r.speaker.end] != ctx.text[asker.start:asker.end]), None)
    return RULE_CONVERSATION, other


Sieve = Callable[[Context, int, Quotation], "tuple[str, Speaker | None] | None"]

#: Context sieves for a quotation with no cue of its own, in order of their speaker accuracy on
#: PolNeAR train (benchmarks/quotes_polnear.py): the first that answers wins.
SIEVES: tuple[tuple[str, Sieve], ...] = (
    ("the answer to a quoted question", conversation_turn),
    ("only person in the paragraph", only_person_in_paragraph),  # speaker right: 0.76
    ("quotation paragraph after an attributed one", paragraph_after_quotation),  # 0.74
    ("speaker set up in the previous sentence", previous_sentence_speaker),  # 0.40
    ("closest person mentioned", closest_mention),  # 0.42
)


def _mixed_into_host(ctx: Context, k: int, q: Quotation, qtext: str) -> None:
    """A quoted phrase mid-sentence joins the reported speech of its sentence (``mixed``)."""
    host = _host_row(ctx.rows, q, ctx.sent_bounds(q.start))
    if host is not None and word_count(qtext) >= ctx.config.mixed_min_words:
        host.fragments[-1][1] = max(host.fragments[-1][1], q.end)
        host.kind = "mixed"
        host.rule += " (with a quoted fragment)" if "quoted" not in host.rule else ""
        host.quotations.append(k)


def _continued_row(ctx: Context, by_line: dict[int, list[Quote]], k: int,
                   q: Quotation) -> Quote | None:
    """The row that quotation ``q`` goes on from: in the same paragraph, its content ends before
    its own cue, and only that attribution stands between it and ``q`` (``Teachers are "…," NEA
    President Lily García said. "That's got to scare an educator."`` — one attribution in
    PolNeAR and PARC, Pareti 2015)."""
    line = ctx.line_of(q.start)
    for r in reversed(by_line.get(line, [])):
        end = r.fragments[-1][1]
        if r.cue is None or r.cue.token is None or not (end <= r.cue.start < q.start):
            continue
        between = ctx.text[end:q.start]
        if len(between) > ctx.config.join_max_chars or not ATTRIBUTION_END_RE.search(between):
            return None
        if ctx.another_cue(r.cue.token, end, q.start):
            return None
        return r
    return None


def _row_holding(ctx: Context, by_line: dict[int, list[Quote]], q: Quotation) -> Quote | None:
    """A row whose content already holds the whole quotation (a headline claim, a transcript
    line, a reported clause): the quotation is part of that attribution, not another one."""
    for r in by_line.get(ctx.line_of(q.end - 1), []):
        if any(s <= q.start and q.end <= e for s, e in r.fragments):
            return r
    return None


def leftover_quotations(ctx: Context) -> None:
    """Step: quotations no earlier step attributed (see the module docstring)."""
    by_line = ctx.rows_by_line
    for r in sorted(ctx.rows, key=lambda r: r.fragments[-1][1]):
        by_line.setdefault(ctx.line_of(r.fragments[-1][1] - 1), []).append(r)
    for k, q in enumerate(ctx.quotations):
        if k in ctx.consumed or k in ctx.row_of_quote:
            continue
        qtext = " ".join(ctx.text[s:e] for s, e in q.fragments)
        holder = _row_holding(ctx, by_line, q)
        if holder is not None:  # "Sanders: Clinton 'lied' about emails" — part of that claim
            holder.quotations.append(k)
            ctx.row_of_quote[k] = holder
            continue
        if not starts_sentence(ctx.text, q):
            _mixed_into_host(ctx, k, q, qtext)
            continue
        row = _continued_row(ctx, by_line, k, q) if ctx.has_verb(q.fragments) else None
        if row is not None:
            row.fragments.extend(list(f) for f in q.fragments)
            row.quotations.append(k)
            row.kind = "direct" if row.kind == "direct" else "mixed"
            ctx.row_of_quote[k] = row
            continue
        if word_count(qtext) < ctx.config.sentence_quote_min_words or not ctx.has_verb(q.fragments):
            continue  # scare quote, title, name
        found = next((f for _n, sieve in SIEVES if (f := sieve(ctx, k, q)) is not None), None)
        rule, speaker = found if found else (RULE_UNKNOWN, None)
        row = ctx.add(Quote([list(f) for f in q.fragments], "direct", rule, speaker=speaker,
                            quotations=[k]))
        ctx.row_of_quote[k] = row
        by_line.setdefault(ctx.line_of(q.end - 1), []).append(row)
