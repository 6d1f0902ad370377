"""Who said what: direct, mixed and indirect quotations with their speakers.

:func:`attributions` reads one spaCy Doc (the article's, see :func:`newslab.nlp.article_doc`) and
returns one :class:`~newslab.records.Quote` record per attribution, in Doc characters;
:func:`newslab.tables.quotes_table` turns them into the ``quotes`` table (source offsets).
The rules run as named steps (:data:`STEPS`) over one shared
:class:`~newslab.extract.context.Context`; each family lives in its own module:
:mod:`~newslab.extract.quotations` (quote marks), :mod:`~newslab.extract.direct` and :mod:`~newslab.extract.quote_sieves` (step 2), :mod:`~newslab.extract.unattributed` (step 4),
:mod:`~newslab.extract.reported` (steps 3–3c), :mod:`~newslab.extract.speakers` and
:mod:`~newslab.extract.cues`.

How a row is found, in the order the rules run (each row's ``rule`` column names its rule):

1. **Quotation marks** are paired per paragraph (:func:`newslab.extract.quotations.quotation_spans`). Every style counts:
   “ ” ‘ ’ " ' « » „ “ and the NYT's ``\u0060\u0060`` / ``''``. An apostrophe is not a quote mark
   (``don't``, ``Russia's``, ``'90s``, ``rock 'n' roll``): ' and ’ between letters, before a
   year or in a short elision never open or close a quotation, and ’ after a word only closes a
   quotation that is open. A paragraph that opens a quotation without closing it continues into
   the next paragraph when that one opens with a quote mark (the news convention for long
   quotations); otherwise the quotation ends with its paragraph (best reading, never an error).
2. **Direct quotations** go through the stage-1 sieves of
   :mod:`~newslab.extract.quote_sieves` (after Muzny, Fang, Chang & Jurafsky 2017), in order of
   their precision: a speech verb and speaker after the quotation, inverted or not and with any
   verb after a quotation that ends in a comma (``"…," added Voss``, ``"…," reply Burton and
   Nick``); a speaker and verb ending in a colon before it (``Medvedev said: "…"``); a lead-in
   line (``Cruz continued:``, ``And from board chair Ingrid Halvorsen:``); a speaker and verb
   just before it (``Erdogan said, "…"``); a dash credit (``"…" — Commissioner X``); a
   transcript label (``PENCE: "…"``). A quotation that directly follows an attributed one in the
   same paragraph (``"…," he said. "…"``) is the same attribution: one row, several
   ``fragments`` — unless another speaker's cue stands between them.
3. **Reported speech** from the dependency parse: a subject + a reporting or attitude verb
   from ``lexicons/reporting_verbs.csv`` + what was said (a that-clause / reported clause, an
   infinitive, or for verbs such as *deny*, *praise* an object), plus ``according to X``,
   ``X told Y that …``, ``X was quoted as saying …`` and ``…, he said`` after a clause.
   When the reported part holds a quoted fragment of two words or more it is ``mixed``.
   PolNeAR's conventions (Newell et al. 2018) decide the spans: an attribution that interrupts
   its sentence (``The plan, she said, failed``) reports the whole sentence, in two fragments
   around ``, she said,``; ``seem`` / ``appear`` + complement and agentless passive reports
   (``is expected to``, ``is said to``, ``was reported that``) report subject to complement with
   no named speaker; the object of *say*, *write*, *tweet*… is what was said when there is no
   clause (``said yes``); a relative pronoun is the speaker mention (``Merkel, who said…``:
   speaker ``who``, actor Angela Merkel).
3b. **Noun cues** from ``lexicons/reporting_nouns.csv``: ``her claim that …``, ``criticism of
   …``, ``voiced concern about …`` — the possessor (or the subject of a light verb such as
   *voice*, *make*) is the speaker; none when the noun stands alone.
3c. **Adjective cues** from ``lexicons/reporting_adjectives.csv``: a predicative adjective with
   a content (``Cruz was critical of the deal``, ``she is confident that …``, ``eager to …``);
   the subject of its verb is the speaker; impersonal ``it is clear that …`` is left out.
3d. **Headline sources**: the article's first line ``Sanders: Clinton email story has moved``
   (a short title-case label, not page furniture such as ``Update:``) attributes the claim
   after the colon to the label.
4. **Quotations with no cue of their own** (:mod:`~newslab.extract.unattributed`): one that
   goes on from an attributed sentence joins its row; a sentence-like one goes through the
   context sieves — the only person named in the paragraph, the previous quotation paragraph's
   speaker, a speaker set up in the sentence before (``Mayor Ana Ruiz addressed residents.
   "…"``), the closest person mentioned — or is kept with no speaker. Everything else in quote
   marks is a scare quote, a title or a name (``'terror'``, ``"Saturday Night Live"``).
5. **One row per attribution**: a row inside another row's content with the same actor
   (``Cruz said he opposed the deal``) is dropped (:func:`one_row_per_attribution`).

Speakers that are pronouns or role nouns (``he``, ``Alliance chief``) are linked to a named
actor by :func:`newslab.extract.coref.resolve_mentions`.

The patterns follow the usual descriptions of news attribution: Pouliquen, Steinberger & Best
(2007) for quotation + verb + speaker layouts, Krestel, Bergler & Witte (2008) for reported
speech with reporting verbs, Pareti (2015) / PolNeAR (Newell et al. 2018) for what counts as an
attribution, and textacy's ``direct_quotations`` as the baseline — except that we never raise on
unbalanced quote marks: a paragraph that cannot be read simply yields fewer rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

from ..errors import ParserRequiredError
from ..nlp.tokens import text_of
from ..records import Mention, Quote
from .context import AttributionConfig, Context, trim
from .coref import mention_for_span, resolve_mentions
from .entities import entity_mentions
from .span_index import IndexedMentions
from .direct import direct_quotations, transcript_lines
from .unattributed import leftover_quotations
from .reported import adjective_cue_rows, noun_cue_rows, reported_speech

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

#: The attribution steps, in the order they run (each reads what the earlier ones found).
STEPS: tuple[tuple[str, Callable[[Context], None]], ...] = (
    ("direct quotations", direct_quotations),
    ("transcript lines", transcript_lines),
    ("reported speech", reported_speech),
    ("noun cues", noun_cue_rows),
    ("adjective cues", adjective_cue_rows),
    ("left-over quotations", leftover_quotations),
)


def attributions(doc: "Doc", mentions: Sequence[Mention] | None = None, *,
                 config: AttributionConfig | None = None) -> list[Quote]:
    """Every attribution in ``doc`` as :class:`~newslab.records.Quote` records, in text order.

    ``mentions`` are the Doc's actor mentions (named, nominal, pronoun; computed with
    :func:`newslab.extract.entities.entity_mentions` and the resolver when ``None``); they give
    each speaker its ``actor``. Fragments are Doc character spans (end-exclusive), trimmed of
    spaces and commas; rows left empty are dropped. Raises
    :class:`~newslab.errors.ParserRequiredError` for a Doc without a dependency parse.

    >>> from newslab.nlp import load_model
    >>> doc = load_model()('Medvedev said: "We have many reasons for interaction."')
    >>> [(q.kind, doc.text[q.speaker.start:q.speaker.end]) for q in attributions(doc)]
    [('direct', 'Medvedev')]
    """
    if len(doc) and not doc.has_annotation("DEP"):
        raise ParserRequiredError("quotes")
    if mentions is None:
        named = named_mentions(doc)
        mentions = named + resolve_mentions(doc, named)
    mentions = IndexedMentions(mentions)  # found near an offset by bisection (long texts)
    if not len(doc):
        return []
    ctx = Context(doc, text_of(doc), mentions, config or AttributionConfig())
    for _name, step in STEPS:
        step(ctx)
    rows = sorted(ctx.rows, key=lambda r: r.fragments[0][0])
    return one_row_per_attribution([q for q in (_finish(ctx.text, r, mentions) for r in rows)
                                    if q is not None])


def _inside(inner: Quote, outer: Quote) -> bool:
    """Every fragment of ``inner`` lies within one fragment of ``outer``."""
    return all(any(os <= s and e <= oe for os, oe in outer.fragments) for s, e in inner.fragments)


def one_row_per_attribution(rows: list[Quote]) -> list[Quote]:
    """Drop a row whose content lies inside another row's content and whose speaker is the same
    actor: ``Cruz said he opposed the deal`` is one statement by Cruz, not a said-clause row plus
    a stance row ``he opposed the deal`` (two families finding one attribution). Nested
    attributions of another source (``Cruz said Obama opposed it``) stay. ``rows`` are in text
    order; the result keeps that order."""
    drop: set[int] = set()
    for i, inner in enumerate(rows):
        if inner.actor is None or inner.kind == "direct":
            continue
        for j in range(i - 1, -1, -1):
            outer = rows[j]
            if outer.end < inner.start:
                if j < i - 8:
                    break
                continue
            if j not in drop and outer.actor == inner.actor and _inside(inner, outer):
                drop.add(i)
                break
    return [r for k, r in enumerate(rows) if k not in drop]


def _finish(text: str, row: Quote, mentions: IndexedMentions) -> Quote | None:
    """The row with trimmed fragments and its speaker's actor (``None`` if nothing is left)."""
    frags = []
    for s, e in row.fragments:
        s, e = trim(text, s, e, " \t\n,")
        if e > s:
            frags.append([s, e])
    if not frags:
        return None
    actor = None
    if row.speaker:
        sp = row.speaker
        if sp.start <= sp.head < sp.end:
            m = mention_for_span(mentions.near(sp.start, sp.end), sp.start, sp.end, sp.head,
                                 text)
        else:  # a relative pronoun: the actor is the one of the noun it stands for
            m = mention_for_span(mentions.near(sp.head, sp.head + 1), sp.head, sp.head + 1,
                                 sp.head)
        actor = m.actor if m else None
    return Quote(frags, row.kind, row.rule, row.speaker, row.cue, list(row.quotations), actor)


def named_mentions(doc: "Doc") -> list[Mention]:
    """Named mentions of ``doc`` (:func:`newslab.extract.entities.entity_mentions`)."""
    return list(entity_mentions(doc))
