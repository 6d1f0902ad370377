"""Tables: the only layer that turns records into DataFrames (columns, source offsets, dtypes).

Extractors (:mod:`newslab.extract`) work in Doc coordinates and hand records
(:mod:`newslab.records`) to each other; the functions here map them to ``Article.text``
offsets (end-exclusive, through one :class:`~newslab.nlp.offsets.OffsetMap` per table) and fix
each table's columns and dtypes. :data:`TABLES` names every per-article table; both
:class:`newslab.analysis.Analysis` and the corpus runner read it. ``docs/tables.md`` lists every
column.

``paragraph`` means one thing in every table: the 0-based position of the content block
holding the row's start (headline 0); ``block`` is that block's kind.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

from .errors import NotADocError
from .extract.actor_roles import ROLES
from .extract.attribution import attributions
from .extract.entities import (_PLACE_TYPES, _SETTING_PREPS, NAMED_KINDS, WEAK_MENTION_WEIGHT,
                               entity_mentions)  # noqa: F401 - used by the doctests
from .extract.statements import find_statements
from .nlp.docs import article_doc
from .nlp.offsets import OffsetMap
from .nlp.tokens import text_of
from .polarity.portrayal import portrayal_labels
from .missing import is_missing
from .records import Cue, Mention, Quote, Speaker, Statement

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from spacy.tokens import Doc

    from .article import Article


def _frame(rows: list[dict[str, Any]], columns: Sequence[str],
           ints: Sequence[str] = ()) -> "pd.DataFrame":
    """A DataFrame with ``columns`` from ``rows`` (dicts), built column by column (much cheaper
    than pandas reading a list of dicts); ``ints`` become nullable ``Int64``."""
    import pandas as pd

    if not rows:  # no values to infer types from: object columns, as pandas makes them
        return pd.DataFrame(columns=list(columns)).astype({c: "Int64" for c in ints})
    data: dict[str, Any] = {c: [r[c] for r in rows] for c in columns}
    for c in ints:
        data[c] = pd.array(data[c], dtype="Int64")
    return pd.DataFrame(data, columns=list(columns))



# -- entities and actors -----------------------------------------------------------------------
def _fold_the(text: str) -> str:
    """``The Kremlin`` at a sentence start is the same alias as ``the Kremlin``."""
    return "the" + text[3:] if text.startswith("The ") else text


def distinct_aliases(texts: Iterable[str]) -> list[str]:
    """An actor's distinct surface forms, counted case-folded (``NATO`` and ``Nato`` are one
    alias, ``The Kremlin`` and ``the Kremlin`` too), each in its most frequent spelling (the
    first on ties), sorted case-folded.

    >>> distinct_aliases(["Nato", "NATO", "Nato", "The Kremlin", "the Kremlin", "he", "He"])
    ['he', 'Nato', 'the Kremlin']
    """
    spellings: dict[str, Counter] = defaultdict(Counter)
    for t in texts:
        t = _fold_the(t)
        spellings[t.casefold()][t] += 1
    best = [max(c, key=lambda s: c[s]) for c in spellings.values()]  # first on ties (dict order)
    return sorted(best, key=lambda a: (a.casefold(), a))


def _is_setting(doc: "Doc", m: Mention) -> bool:
    """A place named only as where something happens (``talks in Moscow``)."""
    if m.type not in _PLACE_TYPES or not doc.has_annotation("DEP"):
        return False
    if not 0 <= m.token_start < m.token_end <= len(doc):
        return False
    root = doc[m.token_start:m.token_end].root
    return root.dep_ == "pobj" and root.head.lower_ in _SETTING_PREPS


def mention_weight(m: Mention, doc: "Doc | None" = None) -> float:
    """How much one mention adds to its actor's prominence (1, or 0.5 for a weak reference)."""
    if m.kind == "demonym" or (doc is not None and _is_setting(doc, m)):
        return WEAK_MENTION_WEIGHT
    return 1.0


ACTOR_COLUMNS = ["actor", "type", "mentions", "role", "prominence", "in_headline", "aliases", "kinds",
                 "first", "last", "blocks", "paragraphs"]
MENTION_COLUMNS = ["text", "label", "start", "end", "paragraph", "sentence", "block", "actor",
                   "type", "kind"]


def actor_table(mentions: Iterable[Mention], doc: "Doc | None" = None,
                article: "Article | None" = None,
                roles: "dict[str, str] | None" = None) -> "pd.DataFrame":
    """One row per actor, most prominent first.

    Columns: ``actor``, ``type``, ``role`` (``agent``, ``setting`` or ``source``, from
    ``roles`` = :func:`newslab.extract.actor_roles.actor_roles`; ``agent`` for an actor it
    does not name), ``mentions`` (count, all kinds incl. the resolver's pronouns
    and role nouns), ``prominence`` (the ranking score), ``in_headline``, ``aliases`` (sorted
    distinct surface forms), ``kinds`` (count per mention kind), ``first``/``last`` (source
    offsets of the first and last mention), ``blocks`` (block kinds, needs ``article``) and
    ``paragraphs`` (0-based block positions in reading order).

    Ranking: ``prominence`` = mentions, where a demonym or a place named as the setting
    (``in Moscow``) counts half (:data:`WEAK_MENTION_WEIGHT`); ties go to the actor named in the
    headline, then to the one mentioned first.

    >>> from newslab import parse_text
    >>> from newslab.nlp import article_doc
    >>> art = parse_text("Moscow rebuffs Nato\\n\\nMedvedev said Russia would not help Nato.")
    >>> doc = article_doc(art)
    >>> actor_table(entity_mentions(doc), doc, art)[["actor", "mentions", "in_headline"]]
          actor  mentions  in_headline
    0    Russia         2         True
    1      Nato         2         True
    2  Medvedev         1        False
    """
    import pandas as pd

    by_actor: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.actor:
            by_actor[m.actor].append(m)
    places = OffsetMap(doc, article)
    rows = []
    for actor, ms in by_actor.items():
        ms.sort(key=lambda m: m.start)
        named = [m.type for m in ms if m.type and m.kind in NAMED_KINDS]
        types = Counter(named or [m.type for m in ms if m.type])
        kinds_seen = [places.block_kind(m.start) for m in ms]
        rows.append({
            "actor": actor,
            "type": types.most_common(1)[0][0] if types else None,
            "role": (roles or {}).get(actor, "agent"),
            "mentions": len(ms),
            "prominence": sum(mention_weight(m, doc) for m in ms),
            "in_headline": "headline" in kinds_seen,
            "aliases": distinct_aliases(m.text for m in ms),
            "kinds": dict(Counter(m.kind for m in ms)),
            "first": places.source(ms[0].start),
            "last": places.source(ms[-1].start),
            "blocks": list(dict.fromkeys(k for k in kinds_seen if k)),
            "paragraphs": sorted({p for m in ms if (p := places.paragraph(m.start)) is not None}),
        })
    df = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
    if df.empty:
        return df
    df = df.sort_values(["prominence", "in_headline", "first"], ascending=[False, False, True])
    return df.reset_index(drop=True)


def select_role(actors: "pd.DataFrame", role: "str | Sequence[str]" = "agent"
                ) -> "pd.DataFrame":
    """The rows of an actor table (:func:`actor_table`) whose ``role`` is ``role``: one of
    ``agent``, ``setting``, ``source``, a list of them, or ``"all"``. Order kept, index reset.
    Raises ``ValueError`` for an unknown role.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"actor": ["Iran", "Tehran", "Reuters"],
    ...                   "role": ["agent", "setting", "source"]})
    >>> select_role(t).actor.tolist(), select_role(t, ["setting", "source"]).actor.tolist()
    (['Iran'], ['Tehran', 'Reuters'])
    """
    wanted = set(ROLES) if role == "all" else {role} if isinstance(role, str) else set(role)
    unknown = wanted - set(ROLES)
    if unknown:
        raise ValueError(f"Unknown role(s) {sorted(unknown)}; choose from {list(ROLES)} "
                         "or 'all'.")
    if "role" not in actors.columns:
        return actors
    return actors[actors["role"].isin(wanted)].reset_index(drop=True)


def mention_table(mentions: Iterable[Mention], doc: "Doc", article: "Article | None" = None
                  ) -> "pd.DataFrame":
    """One row per mention, in text order: ``text``, ``label``, ``start``/``end`` (offsets into
    the article's original text), ``paragraph`` (0-based block position), ``sentence``,
    ``block`` (kind, needs ``article``), ``actor``, ``type``, ``kind``. References to someone
    the text does not name (the resolver's ``unnamed`` mentions, actor ``None``) are left out.

    >>> from newslab import parse_text
    >>> from newslab.nlp import article_doc
    >>> art = parse_text("Moscow rebuffs Nato\\n\\nMedvedev said Russia would not help Nato.")
    >>> doc = article_doc(art)
    >>> mention_table(entity_mentions(doc), doc, art)[["text", "start", "paragraph", "actor"]]
           text  start  paragraph     actor
    0    Moscow      0          0    Russia
    1      Nato     15          0      Nato
    2  Medvedev     21          1  Medvedev
    3    Russia     35          1    Russia
    4      Nato     57          1      Nato
    """
    if not hasattr(doc, "user_data"):
        raise NotADocError(type(doc).__name__)
    places = OffsetMap(doc, article)
    sent_starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else []
    rows = []
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        if m.actor is None:
            continue  # an "unnamed" reference (a neighbour, one reporter) is no actor's mention
        rows.append({
            "text": m.text, "label": m.label,
            "start": places.source(m.start), "end": places.source(m.start) + (m.end - m.start),
            "paragraph": places.paragraph(m.start),
            "sentence": bisect.bisect_right(sent_starts, m.start) - 1 if sent_starts else None,
            "block": places.block_kind(m.start),
            "actor": m.actor, "type": m.type, "kind": m.kind,
        })
    return _frame(rows, MENTION_COLUMNS, ints=("paragraph", "sentence"))


# -- quotes --------------------------------------------------------------------------------------
#: Columns of the ``quotes`` table, in order.
QUOTE_COLUMNS = ["quote", "start", "end", "fragments", "kind", "block", "paragraph", "speaker",
                 "speaker_start", "speaker_end", "actor", "cue", "cue_start", "cue_end", "rule"]


def quotes_table(doc: "Doc", mentions: "Sequence[Mention] | None" = None, *,
                 article: "Article | None" = None,
                 records: "Sequence[Quote] | None" = None) -> "pd.DataFrame":
    """One row per attribution in ``doc``: direct, mixed and indirect quotations.

    Columns (:data:`QUOTE_COLUMNS`): ``quote`` (the fragments joined by a space), ``start`` /
    ``end`` and ``fragments`` (``[[start, end], …]``), ``speaker_start`` / ``speaker_end``,
    ``cue_start`` / ``cue_end``: character offsets into ``Article.text`` (into ``doc.text`` for
    a Doc made from a plain string), end-exclusive, nullable ``Int64``; ``kind`` (``direct``,
    ``mixed``, ``indirect``); ``paragraph`` (0-based content-block position, as in every
    table) and ``block`` (its kind, needs ``article``); ``speaker`` and ``cue`` (text),
    ``actor`` (the speaker's canonical actor) and ``rule`` (which rule found the row).

    ``records`` are :func:`newslab.extract.attribution.attributions` of ``doc`` (computed
    from ``mentions`` when not given). Raises :class:`~newslab.errors.ParserRequiredError` for
    a Doc without a dependency parse.

    >>> from newslab.nlp import load_model
    >>> doc = load_model()('Medvedev said: "We have many reasons for interaction."')
    >>> quotes_table(doc)[["quote", "kind", "speaker", "cue"]].values.tolist()
    [['We have many reasons for interaction.', 'direct', 'Medvedev', 'said']]
    """
    if records is None:
        records = attributions(doc, mentions)
    text = text_of(doc)
    places = OffsetMap(doc, article)
    src = places.source
    rows = []
    for q in records:
        frags = q.fragments
        row: dict[str, Any] = {
            "quote": " ".join(text[s:e] for s, e in frags),
            "start": src(frags[0][0]), "end": src(frags[-1][1] - 1) + 1,
            "fragments": [[src(s), src(e - 1) + 1] for s, e in frags],
            "kind": q.kind, "block": places.block_kind(frags[0][0]),
            "paragraph": places.paragraph(frags[0][0]),
            "speaker": None, "speaker_start": None, "speaker_end": None, "actor": q.actor,
            "cue": None, "cue_start": None, "cue_end": None, "rule": q.rule,
        }
        if q.speaker:
            s, e = q.speaker.start, q.speaker.end
            row.update(speaker=text[s:e], speaker_start=src(s), speaker_end=src(e - 1) + 1)
        if q.cue:
            s, e = q.cue.start, q.cue.end
            row.update(cue=text[s:e], cue_start=src(s), cue_end=src(e - 1) + 1)
        rows.append(row)
    return _frame(rows, QUOTE_COLUMNS, ints=("start", "end", "paragraph", "speaker_start",
                                               "speaker_end", "cue_start", "cue_end"))


def quotes_for_article(article: "Article", doc: "Doc | None" = None) -> "pd.DataFrame":
    """:func:`quotes_table` for an :class:`~newslab.article.Article` (its Doc is made if not
    given).

    >>> import newslab
    >>> art = newslab.parse_text('Talks in Moscow\\n\\nMedvedev said: "We have many reasons."')
    >>> quotes_for_article(art).speaker.tolist()
    ['Medvedev']
    """
    doc = doc if doc is not None else article_doc(article)
    return quotes_table(doc, article=article)


def quote_records(quotes: "pd.DataFrame", doc: "Doc") -> list[Quote]:
    """The inverse of :func:`quotes_table`: a quotes table (source offsets) back to
    :class:`~newslab.records.Quote` records in ``doc``'s characters. Rows without offsets are
    skipped; missing speaker or cue offsets (``None``, NaN, ``pandas.NA``) become ``None``.
    For callers that hold only a table; inside newslab records flow directly."""
    places = OffsetMap(doc)
    back = places.doc_offset
    out = []
    for q in quotes.itertuples(index=False):
        if is_missing(getattr(q, "start", None)) or is_missing(getattr(q, "end", None)):
            continue
        frags = getattr(q, "fragments", None)
        frags = list(frags) if frags is not None and len(frags) else [[q.start, q.end]]
        hs, he = getattr(q, "speaker_start", None), getattr(q, "speaker_end", None)
        speaker = None if is_missing(hs) or is_missing(he) else Speaker(back(int(hs)), back(int(he)),
                                                          back(int(hs)))
        cs, ce = getattr(q, "cue_start", None), getattr(q, "cue_end", None)
        cue = None if is_missing(cs) or is_missing(ce) else Cue(back(int(cs)), back(int(ce)))
        actor = getattr(q, "actor", None)
        actor = None if is_missing(actor) else actor
        name = getattr(q, "speaker", None)
        out.append(Quote([[back(int(s)), back(int(e))] for s, e in frags], str(q.kind),
                         str(getattr(q, "rule", "") or ""), speaker, cue, [],
                         actor if actor is not None else (None if is_missing(name) else name)))
    return out


# -- statements ------------------------------------------------------------------------------------
#: Columns of the ``statements`` table, in order.
STATEMENT_COLUMNS = ["holder", "holder_start", "holder_end", "target", "target_start",
                     "target_end", "statement", "start", "end", "cue", "cue_start", "cue_end",
                     "label", "hedged", "evidence", "kind", "context"]


def statements_table(doc: "Doc", quotes: "Sequence[Quote] | pd.DataFrame | None" = None,
                     mentions: "Iterable[Mention] | None" = None, *,
                     article: "Article | None" = None,
                     records: "Sequence[Statement] | None" = None) -> "pd.DataFrame":
    """Positions taken in ``doc``: quotations (``kind="quote"``) and attitude constructions
    (``kind="attitude"``), one row each, columns :data:`STATEMENT_COLUMNS`.

    ``holder_start``/``holder_end``, ``target_start``/``target_end``, ``start``/``end`` (the
    ``statement``: its sentence, or what was said) and ``cue_start``/``cue_end`` are offsets
    into ``Article.text``, end-exclusive, nullable ``Int64``; ``label`` is ``support``,
    ``oppose`` or ``neutral``, ``hedged`` a bool, ``evidence`` the rule's reading, ``context``
    the sentence before. Rows are sorted by ``start``, then ``cue_start``.

    ``quotes`` are attribution records (or a quotes table, read back with
    :func:`quote_records`); ``mentions`` name holders (``Moscow`` -> ``Russia``); ``records``
    are :func:`newslab.extract.statements.find_statements` results when already made.

    >>> from newslab.nlp import load_model                              # doctest: +SKIP
    >>> doc = load_model()("Russia has objected to the plans.")  # doctest: +SKIP
    >>> statements_table(doc)[["holder", "cue", "label", "evidence"]].values.tolist()  # doctest: +SKIP
    [['Russia', 'objected', 'oppose', 'objected to -> oppose']]
    """
    import pandas as pd

    if records is None:
        if isinstance(quotes, pd.DataFrame):
            quotes = quote_records(quotes, doc)
        records = find_statements(doc, list(quotes or ()), mentions)
    text = text_of(doc)
    omap = OffsetMap(doc, article)
    span = omap.source_span
    rows = []
    for st in records:
        hs, he = span(*st.holder_span)
        if st.target:  # a target phrase ends with its paragraph (a parse run across blocks)
            st = replace(st, target=_within_block(omap, text, *st.target))
        ts, te = span(*st.target) if st.target else (None, None)
        cs, ce = span(*st.cue) if st.cue else (None, None)
        start, end = span(*st.span)
        rows.append({
            "holder": st.holder, "holder_start": hs, "holder_end": he,
            "target": text[st.target[0]:st.target[1]] if st.target else None,
            "target_start": ts, "target_end": te, "statement": st.text, "start": start,
            "end": end, "cue": text[st.cue[0]:st.cue[1]] if st.cue else None,
            "cue_start": cs, "cue_end": ce, "label": st.label, "hedged": st.hedged,
            "evidence": st.evidence, "kind": st.kind, "context": st.context,
        })
    rows.sort(key=lambda r: (r["start"], r["cue_start"] is None, r["cue_start"] or 0))
    df = _frame(rows, STATEMENT_COLUMNS, ints=("holder_start", "holder_end", "target_start",
                                               "target_end", "start", "end", "cue_start",
                                               "cue_end"))
    df["hedged"] = df["hedged"].astype(bool)
    return df


def _within_block(omap: OffsetMap, text: str, start: int, end: int) -> tuple[int, int]:
    """The Doc span ``[start, end)`` cut where the next block begins, trailing space dropped."""
    stop = omap.next_block_start(start)
    if stop is not None and end > stop:
        end = start + len(text[start:stop].rstrip())
    return start, max(end, start + 1)


# -- portrayal ------------------------------------------------------------------------------------
PORTRAYAL_COLUMNS = ["actor", "mention", "kind", "sentence", "start", "end", "mention_start",
                     "mention_end", "label", "evidence"]


def portrayal_table(doc: "Doc", mentions: "Sequence[Mention]", *, backend: str = "tfidf",
              kinds: Sequence[str] | None = None) -> "pd.DataFrame":
    """Label how each sentence portrays each actor it mentions: negative / neutral / positive.

    ``kinds`` limits which mentions count (default: every kind except pronouns, whose
    sentences mostly portray the antecedent's action rather than the actor).

    >>> import newslab                                   # doctest: +SKIP
    >>> newslab.portrayal("Critics slammed the mayor's reckless plan.").label.tolist()  # doctest: +SKIP
    ['negative']
    """
    import pandas as pd

    src = OffsetMap(doc).source
    skip = {"pronoun"} if kinds is None else None
    seen: set[tuple[int, str]] = set()
    rows, items, parsed = [], [], []
    for m in sorted(mentions, key=lambda m: m.start):
        if not m.actor or (skip is not None and m.kind in skip) or (
                kinds is not None and m.kind not in kinds):
            continue
        sent = doc[m.token_start].sent
        key = (sent.start, m.actor)
        if key in seen:
            continue
        seen.add(key)
        span = (m.start - sent.start_char, m.end - sent.start_char)
        items.append((sent.text, span))
        parsed.append(sent)
        rows.append({
            "actor": m.actor, "mention": m.text, "kind": m.kind, "sentence": sent.text.strip(),
            "start": src(sent.start_char), "end": src(sent.end_char),
            "mention_start": src(m.start), "mention_end": src(m.end),
        })
    for row, (label, evidence) in zip(rows, portrayal_labels(items, backend=backend,
                                                               parsed=parsed)):
        row["label"], row["evidence"] = label, evidence
    return pd.DataFrame(rows, columns=PORTRAYAL_COLUMNS)


# -- the registry ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Table:
    """One per-article table: its ``name``, ``columns`` and how to ``build`` it from an
    :class:`~newslab.analysis.Analysis` (which holds the Doc and the records, made once);
    ``attribute`` is the Analysis attribute that caches it (default: ``name``); ``corpus``
    says whether the corpus runner can write it."""

    name: str
    columns: Sequence[str]
    build: Callable[[Any], "pd.DataFrame"]
    description: str
    attribute: str = ""
    corpus: bool = True

    def __post_init__(self) -> None:
        if not self.attribute:
            object.__setattr__(self, "attribute", self.name)


def _entities(a) -> "pd.DataFrame":
    return mention_table(a.named_mentions, a.doc, a.article)


def _mentions(a) -> "pd.DataFrame":
    return mention_table(a.table_mentions, a.doc, a.article)


def _all_actors(a) -> "pd.DataFrame":
    return actor_table(a.table_mentions, a.doc, a.article, roles=a.roles)


def _actors(a) -> "pd.DataFrame":
    return select_role(a.all_actors, "agent")


def _quotes(a) -> "pd.DataFrame":
    return quotes_table(a.doc, a.mentions, article=a.article, records=a.quote_records)


def _statements(a) -> "pd.DataFrame":
    return statements_table(a.doc, a.quote_records, a.mentions, article=a.article,
                            records=a.statement_records)


def _portrayal(a) -> "pd.DataFrame":
    return portrayal_table(a.doc, a.mentions)


#: Every per-article table by name, in the order the corpus runner writes them.
TABLES: dict[str, Table] = {t.name: t for t in (
    Table("entities", MENTION_COLUMNS, _entities, "named-entity mentions with their actor"),
    Table("mentions", MENTION_COLUMNS, _mentions,
          "every actor mention, incl. resolved pronouns and role nouns", "mention_frame",
          corpus=False),
    Table("actors", ACTOR_COLUMNS, _actors, "one row per agent (actors that act, speak or are "
          "acted on), by prominence"),
    Table("all_actors", ACTOR_COLUMNS, _all_actors,
          "one row per actor of every role (agent, setting, source), by prominence"),
    Table("quotes", QUOTE_COLUMNS, _quotes, "direct, mixed and indirect attributions"),
    Table("statements", STATEMENT_COLUMNS, _statements,
          "positions taken: holder, target, stance label"),
    Table("portrayal", PORTRAYAL_COLUMNS, _portrayal,
          "how each sentence portrays each actor it mentions"),
)}
