"""Statements (who takes which position on what) and their ranking for a target phrase.

:func:`statements` reads one parsed Doc and returns one row per position taken:

* ``kind="quote"``: a quotation or reported speech (from a :func:`newslab.quotes.quotes` table
  when given, else from reporting verbs in the parse: ``X said (that) ...``). The holder is the
  speaker; the label comes from the first attitude cue in what was said (``I think Russia could
  contribute`` -> support).
* ``kind="attitude"``: an attitude construction with no speech: ``Russia has objected to the
  plans``, ``Moscow expressed its willingness to help``, ``Medvedev would consider the request``.
  The holder is the subject (or the author of an attitude noun: ``Russia's opposition to``).

Which attitude rows are kept (precision on real articles):

* **Someone else's words.** Inside a quotation or a reported clause (``X said [Russia could
  help]``, ``the claim [that ...]``) the embedded subject's verb is what the *speaker* says about
  that subject. A row for the embedded subject is kept only when its predicate is an attitude,
  mental or speech cue (``Medvedev would consider the request``, ``... said Y rejects``), not
  a material act (cue classes ``help``, ``assault``, ``coerce``: ``help``, ``contribute``,
  ``provide``, ``attack``; :data:`~newslab.stance.lexicon.ACTION_CLASSES`). The speaker's own
  quotation row carries the position. Outside reported words an act towards a target stays a
  position of its subject (``The Kremlin has allowed Nato nations to use its territory`` ->
  support): a decision to help or to permit is an observable stance, the way CAMEO codes
  material cooperation as cooperation.
* **Holders are someone**: an actor mention, a named entity of an actor type, a personal
  pronoun, or a person/body noun (``lexicons/holder_nouns.csv``, ``role_nouns.csv``);
  ``bottlenecks that hampered delivery`` is no position. A relative pronoun holder is replaced
  by its antecedent.
* **Targets name something**: the complement passed over when it is only ``more``, a manner
  (``in a concrete way``) or a date, for the goal/theme preposition (``contribute more [to the
  mission]``); relative clauses and appositions are cut (``the plans[, which ...]``). Rows
  whose target names nothing are dropped.

Each row keeps source offsets (``Article.text``) for the holder, the target phrase (what the cue
is about), the cue, and the sentence (``statement``), plus ``context`` (the sentence before, used
to read ``the plans`` / ``the request``). Labels are ``support | oppose | neutral`` with a
``hedged`` flag and an ``evidence`` string such as ``"objected to -> oppose"``.

:func:`stance` ranks those rows for a target phrase by lemma overlap (with a prefix match so
``Russian`` meets ``Russia``), shared cue class (``help`` meets ``contribute``), actor names, and,
when the statement's own target is anaphoric (``the plans``), overlap with the sentence before.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Iterable

from ..nlp import SEGMENTS_KEY, to_source
from ..span_index import IndexedMentions
from .lexicon import (
    ACTION_CLASSES,
    POLARITY_SIGN,
    actor_entity_labels,
    cue_classes,
    holder_nouns,
)
from .rules import (
    _SELF_PRONOUNS,
    _tentative,
    _LIGHT_VERBS,
    _describe,
    _light_verb_cue,
    _modal,
    _negated,
    _own_subject,
    match_cue,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from spacy.tokens import Doc, Span, Token

    from ..mentions import Mention

#: Columns of the table :func:`statements` returns, in order.
STATEMENT_COLUMNS = ["holder", "holder_start", "holder_end", "target", "target_start",
                     "target_end", "statement", "start", "end", "cue", "cue_start", "cue_end",
                     "label", "hedged", "evidence", "kind", "context"]
#: Dependents of a target noun that describe it rather than name it (cut from the target).
_TRAILING_CLAUSES = {"relcl", "appos", "advcl", "parataxis"}
#: Relative pronouns that stand for their antecedent as subject.
_RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
#: Pronouns that can name a holder (``it`` may be a company or a state; ``this`` cannot).
_PERSONAL_PRONOUNS = {"i", "we", "you", "he", "she", "they", "it"}
#: Subject dependencies of a statement's head.
_SUBJ_DEPS = {"nsubj", "csubj"}
#: Complements followed from a cue down to what it is about, in order of preference.
_COMPLEMENT_DEPS = ("xcomp", "ccomp", "dobj", "attr", "acomp", "oprd", "acl")
#: Prepositions that introduce what an attitude is about when the cue names none, most
#: telling first: goal and theme (``contribute to the mission``, ``talks on the treaty``)
#: before place (``in Afghanistan``) and means (``help by providing helicopters``).
_ABOUT_PREPS_BY_RANK = ("to", "for", "against", "towards", "toward", "on", "about", "over",
                        "of", "with", "in", "by")
#: Complement dependencies that should name a thing (``more`` in ``contribute more`` does not).
_NOMINAL_COMPLEMENTS = {"dobj", "attr"}
#: Nouns that describe how something is done, not what it is about (``in a concrete way``).
_MANNER_NOUNS = {"way", "manner", "fashion", "means", "sense", "extent", "degree", "time",
                 "moment", "bit", "lot"}
#: Determiners and pronouns that make a target phrase refer back (``the plans``).
_ANAPHORIC = {"the", "this", "that", "these", "those", "it", "them", "they", "such", "its",
              "their"}
#: Prepositions that may open a target phrase (``to the plans``).
_LEADING_PREPS = {"to", "for", "against", "of", "on", "about", "with", "over", "in", "that"}
#: Shared prefix length that makes two words match (Russian/Russia, absorb/absorption).
PREFIX_MATCH = 5
#: Weights of the relevance score in :func:`stance`.
WEIGHT_TARGET, WEIGHT_STATEMENT, WEIGHT_CONTEXT, WEIGHT_CLASS = 1.0, 0.5, 1.0, 0.3


#: user_data key of the segments sorted by source offset (see :func:`from_source`).
_BY_SOURCE_KEY = "newslab_segments_by_source"


def from_source(doc: "Doc", i: int) -> int:
    """Map an ``Article.text`` offset back to ``doc.text`` (inverse of ``nlp.to_source``)."""
    segments = doc.user_data.get(SEGMENTS_KEY)
    if not segments:
        return i
    cached = doc.user_data.get(_BY_SOURCE_KEY)
    if cached is None or cached[0] is not segments:  # sorted once per Doc, not once per call
        by_src = sorted(segments, key=lambda s: s[1])
        cached = doc.user_data[_BY_SOURCE_KEY] = (segments, by_src, [s[1] for s in by_src])
    _, by_src, keys = cached
    k = bisect.bisect_right(keys, i) - 1
    doc_start, src_start, _ = by_src[max(k, 0)]
    return doc_start + (i - src_start)


def _char_slice(doc: "Doc", start: int, end: int) -> str:
    """``doc.text[start:end]`` read from the tokens around it: spaCy joins every token of the
    Doc on each ``doc.text``, which made one row's cost grow with the whole text."""
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    if span is None:
        return doc.text[start:end]
    return span.text_with_ws[start - span.start_char:end - span.start_char]


def _np_span(tok: "Token") -> tuple[int, int]:
    """Token range of the noun phrase headed by ``tok`` without clauses and appositions."""
    left, right = tok.i, tok.i + 1
    for c in tok.children:
        if c.dep_ in ("compound", "poss", "amod", "det", "nummod", "flat", "nmod", "case") \
                and c.i < tok.i:
            left = min(left, c.left_edge.i)
    if left < tok.i and tok.doc[left].dep_ == "det" and tok.doc[left].lower_ in ("the", "a", "an"):
        left += 1
    return left, right


def _mention_at(mentions: "list[Mention] | None", tok: "Token") -> "Mention | None":
    if not mentions:
        return None
    best = None
    near = mentions.at_token(tok.i) if isinstance(mentions, IndexedMentions) else mentions
    for m in near:
        if m.token_start <= tok.i < m.token_end:
            if best is None or (m.token_end - m.token_start) > (best.token_end - best.token_start):
                best = m
    return best


def _holder_name(doc: "Doc", tok: "Token", mentions, speaker: str | None) -> tuple[str, int, int]:
    """Holder name and its Doc char offsets: the mention's actor, else the phrase itself."""
    s, e = _np_span(tok)
    span = doc[s:e]
    m = _mention_at(mentions, tok)
    if m is not None and m.actor:
        return m.actor, m.start, m.end
    if tok.lower_ in ("i", "we") and speaker:
        return speaker, span.start_char, span.end_char
    return span.text, span.start_char, span.end_char


def _contentful(tok: "Token") -> bool:
    """A complement that names something: not ``more``/``much``, a manner (``in a concrete
    way``) or a date (``on Monday``)."""
    if tok.pos_ in ("ADJ", "ADV", "ADP", "PART", "DET", "SCONJ", "PUNCT", "SPACE", "X"):
        return False
    if tok.lemma_.lower() in _MANNER_NOUNS or tok.ent_type_ in ("DATE", "TIME"):
        return False
    return True


def _complement(tok: "Token", cue) -> "Token | None":
    """What ``tok`` (a cue) is about: the object of its preposition, else its complement.

    Complements that name nothing (``contribute more``, ``in a concrete way``, ``on Monday``)
    are passed over for the next candidate: the goal or theme preposition (``to the mission``),
    then the means (``help by providing helicopters``).
    """
    kids = list(tok.children)
    if cue is not None and cue.prep:
        for c in kids:
            if c.dep_ in ("prep", "agent") and c.lemma_.lower() == cue.prep:
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    return objs[0]
    for dep in _COMPLEMENT_DEPS:
        for c in kids:
            if c.dep_ == dep and not (dep == "acl" and tok.pos_ not in ("NOUN", "PROPN")) \
                    and (dep not in _NOMINAL_COMPLEMENTS or _contentful(c)):
                return c
    for prep in _ABOUT_PREPS_BY_RANK:
        for c in kids:
            if c.dep_ == "prep" and c.lower_ == prep:
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp") and _contentful(g)]
                if objs:
                    return objs[0]
    return None


def _chain(head: "Token", max_len: int = 6) -> list[tuple["Token", object]]:
    """The head and the cues it embeds (``expressed -> willingness -> help``), with readings."""
    out: list[tuple["Token", object]] = []
    tok = head
    for _ in range(max_len):
        cue = _light_verb_cue(tok, None) if tok.pos_ in ("VERB", "AUX") else None
        light = cue is not None
        if cue is None:
            cue = match_cue(tok)
            if cue is None:
                # prep-specific readings need the preposition on the path
                for c in tok.children:
                    if c.dep_ in ("prep", "agent"):
                        cue = match_cue(tok, c)
                        if cue is not None:
                            break
        out.append((tok, cue))
        if cue is None and tok is not head:
            break
        if light:
            obj = next(c for c in tok.children if c.dep_ == "dobj")
            nxt = obj
        else:
            nxt = _complement(tok, cue)
        if nxt is None:
            break
        if match_cue(nxt) is None and not any(match_cue(nxt, c) for c in nxt.children
                                              if c.dep_ in ("prep", "agent")):
            out.append((nxt, None))
            break
        tok = nxt
    return out


def _label(chain: list[tuple["Token", object]], holder_tok: "Token | None",
           head_is_holders: bool = True) -> tuple[str, bool, str, "Token | None"]:
    """Compose the cues of a chain: multiply signs, flip on negation, neutralise on hedges.

    A modal or tentative cue hedges only the holder's own position: on the head when it is the
    holder's verb (``Medvedev would consider``), or on a cue whose subject is the holder or a
    first-person pronoun; ``I think Russia could contribute`` stays support.
    """
    sign, hedged, neutral, polar_seen = 1, False, False, None
    parts: list[str] = []
    for i, (tok, cue) in enumerate(chain):
        if cue is None:
            continue
        subj = _own_subject(tok)
        own = (i == 0 and head_is_holders) or (i > 0 and subj is None) or (
            subj is not None and (subj.lower_ in _SELF_PRONOUNS or subj == holder_tok))
        neg, modal = _negated(tok), _modal(tok)
        if cue.polarity == "report":
            if neg:
                sign = -sign
            parts.append(_describe(tok, cue, neg, None))
            continue
        if cue.polarity == "hedge":
            if own or polar_seen is None:
                parts.append(_describe(tok, cue, neg, modal))
                return "neutral", True, " -> ".join(parts) + " -> neutral, hedged", tok
            continue
        if modal and own:
            hedged = True
            neutral = neutral or _tentative(modal, neg)
        sign *= POLARITY_SIGN[cue.polarity] * (-1 if neg else 1)
        parts.append(_describe(tok, cue, neg, modal if own else None))
        polar_seen = polar_seen or tok
    if polar_seen is None:
        ev = (" -> ".join(parts) + " -> " if parts else "") + "no attitude cue"
        return "neutral", False, ev, None
    if neutral:
        return "neutral", True, " -> ".join(parts) + " -> neutral, hedged", polar_seen
    label = "support" if sign > 0 else "oppose"
    return label, hedged, " -> ".join(parts) + f" -> {label}" + (", hedged" if hedged else ""), polar_seen


def _target_span(chain: list[tuple["Token", object]]) -> tuple[int, int] | None:
    """Char span (Doc) of what the last link of the chain is about."""
    last, cue = chain[-1]
    if len(chain) == 1:
        comp = _complement(last, cue)
        if comp is None:
            return None
        last = comp
    toks = [t for t in last.subtree if not t.is_punct or t.i < last.right_edge.i]
    if last.pos_ in ("VERB", "AUX") and last.dep_ not in ("pobj", "pcomp"):
        toks = list(last.subtree)
    else:
        # "the plans, which are in their infancy ...": the relative clause or apposition says
        # more about the target; the target phrase itself ends before it.
        cut = [c for c in last.children if c.i > last.i and c.dep_ in _TRAILING_CLAUSES]
        if cut:
            toks = [t for t in toks if t.i < min(c.left_edge.i for c in cut)]
    while toks and (toks[0].is_punct or toks[0].lower_ in ("that", "to")):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _subject_of(head: "Token") -> "Token | None":
    """The subject of ``head``; for ``X, who praised ...`` the antecedent X, not ``who``."""
    for c in head.children:
        if c.dep_ in _SUBJ_DEPS:
            if c.lower_ in _RELATIVE_PRONOUNS and head.dep_ == "relcl":
                return head.head
            return c
    if head.dep_ in ("conj", "xcomp") and head.head.pos_ in ("VERB", "AUX"):
        return _subject_of(head.head)
    return None


def _row(doc: "Doc", holder: tuple[str, int, int], label, hedged, evidence, cue_tok,
         kind: str, sent: "Span", target: tuple[int, int] | None) -> dict:
    src = lambda i: to_source(doc, i)  # noqa: E731 - one-line offset map
    prev = doc[sent.start - 1].sent if sent.start > 0 else None
    # skip "sentences" that are only a closing quote mark or blank lines the parser split off
    while prev is not None and not any(t.is_alpha for t in prev) and prev.start > 0:
        prev = doc[prev.start - 1].sent
    ts, te = target if target else (None, None)
    if target:  # a target ending on a block break: keep the separator (Doc-only text) out
        t = _char_slice(doc, ts, te)
        ts, te = ts + len(t) - len(t.lstrip()), te - (len(t) - len(t.rstrip()))
        target = target if te > ts else None
    return {
        "holder": holder[0], "holder_start": src(holder[1]), "holder_end": src(holder[2] - 1) + 1,
        "target": _char_slice(doc, ts, te) if target else None,
        "target_start": src(ts) if target else None,
        "target_end": src(te - 1) + 1 if target else None,
        "statement": sent.text.strip(), "start": src(sent.start_char),
        "end": src(max(sent.end_char - 1, sent.start_char)) + 1,
        "cue": cue_tok.text if cue_tok is not None else None,
        "cue_start": src(cue_tok.idx) if cue_tok is not None else None,
        "cue_end": src(cue_tok.idx + len(cue_tok.text) - 1) + 1 if cue_tok is not None else None,
        "label": label, "hedged": hedged, "evidence": evidence, "kind": kind,
        "context": prev.text.strip() if prev is not None else "",
    }


def _na(x) -> bool:
    """Missing value of any kind (None, NaN, pandas.NA) — ``x != x`` raises on pandas.NA."""
    import pandas as pd

    return x is None or (pd.api.types.is_scalar(x) and bool(pd.isna(x)))


def _quote_rows(doc: "Doc", quotes_df, mentions) -> tuple[list[dict], list[tuple[int, int, str]], set[int]]:
    """One statement per quotation row: the speaker's position on what was said.

    The chain starts at the row's cue (``said`` -> what was said; ``objected`` -> ``to the
    plans``); when that reaches no attitude cue (a direct quotation in its own sentence), the
    clauses of the quotation itself are read.
    """
    rows, spans, heads = [], [], set()
    if quotes_df is None or len(quotes_df) == 0:
        return rows, spans, heads
    composed: set[int] = set()
    if "cue_start" in quotes_df.columns:
        quotes_df = quotes_df.sort_values("cue_start", kind="stable", na_position="last")
    for q in quotes_df.itertuples(index=False):
        if _na(getattr(q, "start", None)) or _na(getattr(q, "end", None)):
            continue
        speaker = getattr(q, "actor", None)
        speaker = getattr(q, "speaker", None) if _na(speaker) else speaker
        if _na(speaker) or not str(speaker).strip():
            continue
        frags = getattr(q, "fragments", None)
        frags = list(frags) if frags is not None and len(frags) else [[q.start, q.end]]
        toks: list["Token"] = []
        for s, e in frags:
            span = doc.char_span(from_source(doc, int(s)), from_source(doc, int(e)),
                                 alignment_mode="expand")
            if span is not None:
                toks.extend(span)
        if not toks:
            continue
        tok_ids = {t.i for t in toks}
        spans.append((toks[0].idx, toks[-1].idx + len(toks[-1].text), str(speaker)))
        best = None
        cue_tok = None
        if not _na(getattr(q, "cue_start", None)):
            cue_span = doc.char_span(from_source(doc, int(q.cue_start)),
                                     from_source(doc, int(q.cue_end)), alignment_mode="expand")
            cue_tok = cue_span.root if cue_span is not None and len(cue_span) else None
        if cue_tok is not None:
            if cue_tok.i in composed:
                continue  # "agreed to [support] X": the row for "agreed" already has it
            heads.add(cue_tok.i)
            chain = _chain(cue_tok)
            # cues this row already composes ("agreed to support") are not rows of their own
            inner = {t.i for t, c in chain[1:] if c is not None and _own_subject(t) is None}
            heads |= inner
            composed |= inner
            label, hedged, ev, polar = _label(chain, _own_subject(cue_tok))
            best = (label, hedged, ev, polar, cue_tok)
        if best is None or (best[3] is None and not best[1]):
            roots = [t for t in toks if t.head.i not in tok_ids or t.head == t]
            roots = [t for t in roots if t.pos_ in ("VERB", "AUX", "ADJ", "NOUN")] or roots[:1]
            for h in roots:
                label, hedged, ev, polar = _label(_chain(h), None, head_is_holders=False)
                if best is None or (best[3] is None and not best[1] and (polar is not None or hedged)):
                    best = (label, hedged, ev, polar, h)
        label, hedged, ev, polar, h = best
        hs, he = getattr(q, "speaker_start", None), getattr(q, "speaker_end", None)
        if not _na(hs) and not _na(he):
            holder = (str(speaker), from_source(doc, int(hs)), from_source(doc, int(he)))
        else:
            holder = (str(speaker), toks[0].idx, toks[0].idx + len(toks[0].text))
        q_span = (toks[0].idx, toks[-1].idx + len(toks[-1].text))
        # A row whose cue is itself an attitude ("objected to", "expressed its willingness")
        # is an attitude construction, not speech: keep the sentence as its statement.
        head_cue = match_cue(h) if h is cue_tok else None
        speech = head_cue is None or (head_cue.polarity == "report"
                                      and h.lemma_.lower() not in _LIGHT_VERBS)
        target = q_span
        if not speech:
            # "objected to the plans": the position is about the cue's complement
            target = _target_span(_chain(h)) or q_span
        row = _row(doc, holder, label, hedged, ev, polar,
                   "quote" if speech else "attitude", h.sent, target)
        if speech:
            row["statement"] = _char_slice(doc, q_span[0], q_span[1])
            row["start"], row["end"] = to_source(doc, q_span[0]), to_source(doc, q_span[1] - 1) + 1
        rows.append(row)
    return rows, spans, heads


def statements(doc: "Doc", quotes_df: "pd.DataFrame | None" = None,
               mentions: "Iterable[Mention] | None" = None) -> "pd.DataFrame":
    """Positions taken in ``doc``: quotations (``kind="quote"``) and attitude constructions
    (``kind="attitude"``), one row each, columns :data:`STATEMENT_COLUMNS`.

    ``quotes_df`` is a :func:`newslab.quotes.quotes` table (speaker and quotation offsets);
    ``mentions`` are actor mentions (``newslab.actors.entity_mentions``) used to name holders
    (``Moscow`` -> ``Russia``). Without them, holders are the subject phrases as written.

    >>> from newslab.nlp import load_model                              # doctest: +SKIP
    >>> doc = load_model()("Russia has objected to the plans.")  # doctest: +SKIP
    >>> statements(doc)[["holder", "cue", "label", "evidence"]].values.tolist()  # doctest: +SKIP
    [['Russia', 'objected', 'oppose', 'objected to -> oppose']]
    """
    import pandas as pd

    mentions = IndexedMentions(mentions) if mentions is not None else None
    rows, quote_spans, quoted_heads = _quote_rows(doc, quotes_df, mentions)
    if len(doc) and doc.has_annotation("DEP"):
        rows += _attitude_rows(doc, mentions, quote_spans, quoted_heads)
    df = pd.DataFrame(rows, columns=STATEMENT_COLUMNS)
    for col in ("holder_start", "holder_end", "target_start", "target_end", "start", "end",
                "cue_start", "cue_end"):
        df[col] = df[col].astype("Int64")
    df["hedged"] = df["hedged"].astype(bool)
    return df.sort_values(["start", "cue_start"], kind="stable").reset_index(drop=True)


def _attitude_rows(doc: "Doc", mentions, quote_spans, quoted_heads: set[int]) -> list[dict]:
    rows = []
    seen: set[int] = set()
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
            continue
        subj = _subject_of(tok) if tok.pos_ != "NOUN" else None
        if tok.pos_ == "NOUN":
            subj = next((c for c in tok.children if c.dep_ == "poss"), None)
            if subj is None or tok.dep_ in ("dobj",) and _light_verb_cue(tok.head, None):
                continue
        if tok.pos_ == "ADJ" and tok.dep_ not in ("acomp", "ROOT"):
            continue
        if subj is None or subj.pos_ not in ("PROPN", "NOUN", "PRON"):
            continue
        if _reduced_passive(tok):
            continue  # "Pelosi elected Speaker" (a headline): the subject is who was elected
        if tok.i in quoted_heads or tok.i in seen:
            continue  # the quotation table, or a longer chain, already has this cue
        chain = _chain(tok)
        if not chain or chain[0][1] is None:
            continue
        # Cues embedded in this holder's chain are not statements of their own
        # ("willingness -> help"), unless they have their own subject ("said Medvedev would").
        seen.update(t.i for t, c in chain[1:] if c is not None and _own_subject(t) is None)
        label, hedged, ev, cue_tok = _label(chain, subj)
        if cue_tok is None and not hedged:
            continue  # a speech verb with nothing polar in what was said
        if label == "neutral" and not hedged:
            continue
        inside = next((q for q in quote_spans if q[0] <= tok.idx < q[1]), None)
        speaker = inside[2] if inside else None
        if inside and subj.lower_ in _SELF_PRONOUNS:
            continue  # the quotation row already gives the speaker's position
        if chain[0][1].cls in ACTION_CLASSES and (inside or _embedded_content(tok)):
            continue  # "X said Russia could help": X's suggestion, the quotation row has it
        if not _can_hold(subj, mentions):
            continue  # "bottlenecks hampered delivery": a thing, not a position holder
        target = _target_span(chain)
        if target is None or not _names_something(doc, target):
            continue  # "contribute more": no target the position is about
        kind = "quote" if chain[0][1].polarity == "report" else "attitude"
        holder = _holder_name(doc, subj, mentions, speaker)
        rows.append(_row(doc, holder, label, hedged, ev, cue_tok, kind, tok.sent, target))
    return rows


#: Dependencies by which a clause is the content of the verb or noun above it
#: ("said [Russia could help]", "the claim [that Russia helped]").
_CONTENT_CLAUSE_DEPS = {"ccomp", "parataxis"}


def _reduced_passive(tok: "Token") -> bool:
    """A past participle with a subject but no auxiliary: the headline passive ("Pelosi
    elected Speaker" = "Pelosi is elected"; Mårdh 1980 on headline grammar), whose subject
    undergoes the act rather than holds a position."""
    return (tok.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in tok.children)
            and not any(c.dep_ in ("aux", "auxpass") for c in tok.children))


def _embedded_content(tok: "Token") -> bool:
    """Whether ``tok`` heads (or is conjoined to) a clause that is someone else's reported or
    thought content: a ``ccomp``/``parataxis`` of a verb, or a ``that`` clause of a noun.

    Content clauses follow the complement-clause analysis of reported speech (Quirk et al. 1985,
    §15.3-15.5; Huddleston & Pullum 2002, ch. 11): the embedded subject's verb states what the
    matrix subject says or thinks, not what the embedded subject itself holds.
    """
    t = tok
    for _ in range(12):
        if t.head == t:
            return False
        if t.dep_ in _CONTENT_CLAUSE_DEPS:
            return True
        if t.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
            return True
        if t.dep_ not in ("conj", "xcomp", "advcl", "aux", "relcl"):
            return False
        t = t.head
    return False


def _can_hold(tok: "Token", mentions) -> bool:
    """Whether the subject ``tok`` names someone who can take a position: an actor mention, a
    named entity of an actor type, a personal pronoun, or a person/body noun
    (``lexicons/holder_nouns.csv`` and ``role_nouns.csv``)."""
    if tok.lower_ in _PERSONAL_PRONOUNS:
        return True
    m = _mention_at(mentions, tok)
    if m is not None and m.actor:
        return True
    if tok.ent_type_ in actor_entity_labels():
        return True
    return tok.lemma_.lower() in holder_nouns() or tok.lower_ in holder_nouns()


def _names_something(doc: "Doc", span: tuple[int, int]) -> bool:
    """A target phrase with at least one word that names something (``the plans``), not only
    ``more`` or ``a very concrete way``."""
    toks = doc.char_span(span[0], span[1], alignment_mode="expand")
    return toks is not None and any(
        t.pos_ in ("NOUN", "PROPN", "PRON", "VERB", "NUM") and _contentful(t) for t in toks)


# -- ranking ---------------------------------------------------------------------------------

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]+")
_STOPWORDS = {"the", "a", "an", "of", "for", "to", "in", "on", "and", "or", "with", "by", "at",
              "from", "about", "into", "that", "this", "it", "its", "is", "are", "was", "be",
              "as", "their", "his", "her", "they", "them", "we", "our", "i", "he", "she"}


def _words(text: str) -> list[str]:
    return [w.lower().strip("'") for w in _WORD_RE.findall(text or "")
            if w.lower() not in _STOPWORDS and len(w) > 1]


def _match(a: str, b: str) -> bool:
    if a == b:
        return True
    n = min(len(a), len(b))
    return n >= PREFIX_MATCH and a[:PREFIX_MATCH] == b[:PREFIX_MATCH]


def _overlap(target_words: list[str], text: str) -> float:
    words = set(_words(text))
    if not target_words or not words:
        return 0.0
    hits = sum(1 for t in target_words if any(_match(t, w) for w in words))
    return hits / len(target_words)


def _anaphoric(target: str | None) -> bool:
    """``the plans``, ``to the plans``, ``it``: a target phrase that points back."""
    words = (target or "").lower().split()
    while words and words[0] in _LEADING_PREPS:
        words = words[1:]
    return not words or words[0] in _ANAPHORIC


def stance(statements_df: "pd.DataFrame", target: str, *, holder: str | None = None,
           min_score: float = 0.0) -> "pd.DataFrame":
    """Statements about ``target`` (a phrase), best first, with a ``score`` column (0-1.x).

    The score adds: the share of the target's content words found in the statement's own
    target, half that share in its sentence (prefix match, so ``Russian`` meets ``Russia``),
    the share in the sentence before when the statement's own target is anaphoric (``the
    request`` means what came before; sentences that are only a quote mark are skipped), and a
    bonus when a cue word there shares a class with a target word (``help`` / ``contribute``).
    ``holder`` keeps only that holder's rows.

    >>> import pandas as pd
    >>> df = pd.DataFrame([{"holder": "Russia", "target": "the plans", "statement":
    ...     "Russia has objected to the plans.", "context": "Nato may absorb Georgia.",
    ...     "cue": "objected", "label": "oppose"}])
    >>> stance(df, "Nato absorbing Georgia")[["holder", "label"]].values.tolist()
    [['Russia', 'oppose']]
    """
    import pandas as pd

    if statements_df is None or len(statements_df) == 0:
        return pd.DataFrame(columns=list(getattr(statements_df, "columns", [])) + ["score"])
    t_words = _words(target)
    classes = cue_classes()
    t_classes = {classes[w] for w in t_words if w in classes}
    scores = []
    for r in statements_df.itertuples(index=False):
        own_text = "" if _na(getattr(r, "target", None)) else str(r.target)
        sentence = "" if _na(getattr(r, "statement", None)) else str(r.statement)
        text = f"{sentence} {own_text}"
        score = WEIGHT_TARGET * _overlap(t_words, own_text) + WEIGHT_STATEMENT * _overlap(t_words, sentence)
        own_target = getattr(r, "target", None)
        if _anaphoric(None if _na(own_target) else str(own_target)):
            # "the request" means what the sentence before describes: read it as the target
            context = getattr(r, "context", None)
            context = "" if _na(context) else str(context)
            score += WEIGHT_CONTEXT * _overlap(t_words, context)
            text = f"{text} {context}"
        cue = "" if _na(getattr(r, "cue", None)) else str(r.cue).lower()
        cue_words = {w for w in _words(text)}
        if t_classes and any(classes.get(w) in t_classes for w in cue_words | {cue}):
            score += WEIGHT_CLASS
        scores.append(round(score, 3))
    out = statements_df.copy()
    out["score"] = scores
    if holder is not None:
        out = out[out["holder"].astype(str).str.lower() == holder.lower()]
    out = out[out["score"] > min_score]
    return out.sort_values("score", ascending=False, kind="stable").reset_index(drop=True)
