"""Statements: who takes which position on what.

:func:`find_statements` reads one parsed Doc and yields one
:class:`~newslab.records.Statement` per position taken:

* ``kind="quote"``: a quotation or reported speech (from the attribution records of
  :mod:`newslab.extract.attribution` when given, else from reporting verbs in the parse:
  ``X said (that) ...``). The holder is the
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
  ``provide``, ``attack``; :data:`~newslab.polarity.lexicon.ACTION_CLASSES`). The speaker's own
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

Each statement keeps Doc spans (mapped to ``Article.text`` by :mod:`newslab.tables`) for the holder, the target phrase (what the cue
is about), the cue, and the sentence (``statement``), plus ``context`` (the sentence before, used
to read ``the plans`` / ``the request``). Labels are ``support | oppose | neutral`` with a
``hedged`` flag and an ``evidence`` string such as ``"objected to -> oppose"``.

* **Every holder holds it**: subjects conjoined to the holder or the speaker (``Cruz and
  Rooney proposed ...``) each hold the position; the agent of a passive (``the plan was backed
  by the council``) holds the position on its subject.

Relevance to a target phrase and the position on it are :mod:`newslab.target`'s job.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Sequence

from ..lexicons import actor_entity_labels, attitude_lemmas, holder_nouns
from ..nlp.tokens import entity_range, lemma_indices, text_of
from ..nlp.syntax import modal as _modal
from ..nlp.syntax import negation as _negated
from ..nlp.syntax import noun_phrase, subject_of
from ..nlp.syntax import own_subject as _own_subject
from ..nlp.syntax import tentative as _tentative
from ..polarity.evaluative import clause_evaluation, words_evaluation
from ..polarity.lexicon import ACTION_CLASSES, POLARITY_SIGN
from ..polarity.cues import (LIGHT_VERBS, describe, judged_object, light_verb_cue, match_cue,
                             to_infinitive)
from ..polarity.rules import _SELF_PRONOUNS
from ..records import Quote, Statement
from .span_index import IndexedMentions

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

    from ..records import Mention

#: Dependents of a target noun that describe it rather than name it (cut from the target).
_TRAILING_CLAUSES = {"relcl", "appos", "advcl", "parataxis"}
#: Pronouns that can name a holder (``it`` may be a company or a state; ``this`` cannot).
_PERSONAL_PRONOUNS = {"i", "we", "you", "he", "she", "they", "it"}
#: Sentences read back for the people an unresolved "they" stands for.
PLURAL_LOOKBACK = 3
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
    s, e = noun_phrase(tok, of_phrase=False, articles=False)
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


def _prep_object(tok: "Token", prep: str) -> "Token | None":
    """The object of ``tok``'s preposition ``prep`` (``objected [to] the plans``), or, for
    ``to``, its ``to``-infinitive complement (``voted [to legalize]``)."""
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lemma_.lower() == prep:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return objs[0]
        if prep == "to" and to_infinitive(c, tok):
            return c
    return None


def _complement(tok: "Token", cue) -> "Token | None":
    """What ``tok`` (a cue) is about: the object of its preposition, else its complement.

    Complements that name nothing (``contribute more``, ``in a concrete way``, ``on Monday``)
    are passed over for the next candidate: the goal or theme preposition (``to the mission``),
    then the means (``help by providing helicopters``).
    """
    kids = list(tok.children)
    if cue is not None and cue.prep:
        found = _prep_object(tok, cue.prep)
        if found is not None:
            return found
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
        cue = light_verb_cue(tok, None) if tok.pos_ in ("VERB", "AUX") else None
        light = cue is not None
        if cue is None:
            cue = match_cue(tok)
            if cue is None:
                # prep-specific readings need the preposition on the path
                for c in tok.children:
                    if c.dep_ in ("prep", "agent", "xcomp"):
                        cue = match_cue(tok, c)
                        if cue is not None:
                            break
        out.append((tok, cue))
        if cue is None and tok is not head:
            break
        if light:  # the object noun's cue is counted once, on the verb: go past the noun
            obj = next(c for c in tok.children if c.dep_ == "dobj")
            nxt = _complement(obj, cue) if cue.prep is None or any(
                c.dep_ == "prep" and c.lemma_.lower() == cue.prep for c in obj.children
            ) else _prep_object(tok, cue.prep)
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


def _light_objects(chain: list[tuple["Token", object]]) -> set[int]:
    """Object nouns whose cue a light verb of ``chain`` carries (``lodged [a complaint]``):
    counted on the verb, never a second row."""
    return {c.i for t, cue in chain if cue is not None and cue.lemma != t.lemma_.lower()
            for c in t.children if c.dep_ == "dobj"}


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
            parts.append(describe(tok, cue, neg, None))
            continue
        if cue.polarity == "hedge":
            if own or polar_seen is None:
                parts.append(describe(tok, cue, neg, modal))
                return "neutral", True, " -> ".join(parts) + " -> neutral, hedged", tok
            continue
        if modal and own:
            hedged = True
            neutral = neutral or _tentative(modal, neg)
        sign *= POLARITY_SIGN[cue.polarity] * (-1 if neg else 1)
        parts.append(describe(tok, cue, neg, modal if own else None))
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
        toks = _without_trailing_clauses(last, toks)
    while toks and (toks[0].is_punct or toks[0].lower_ in ("that", "to")):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _without_trailing_clauses(head: "Token", toks: list["Token"]) -> list["Token"]:
    """``toks`` (from ``head``'s subtree) up to the first relative clause or apposition after
    ``head``: in ``the plans, which are in their infancy ...`` the clause says more about the
    target; the target phrase itself ends before it."""
    cut = [c for c in head.children if c.i > head.i and c.dep_ in _TRAILING_CLAUSES]
    if cut:
        toks = [t for t in toks if t.i < min(c.left_edge.i for c in cut)]
    return toks


def _phrase_span(tok: "Token") -> tuple[int, int]:
    """Doc char span of the noun phrase headed by ``tok``, trailing clauses cut."""
    toks = _without_trailing_clauses(tok, list(tok.subtree))
    while len(toks) > 1 and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]  # "the border agreement" before a closing quote mark
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _subject_of(head: "Token") -> "Token | None":
    """The subject of ``head``; for ``X, who praised ...`` the antecedent X, not ``who``;
    conjoined and infinitive verbs share the subject of the verb they hang from."""
    return subject_of(head, deps=_SUBJ_DEPS, climb=("conj", "xcomp"), noun_controls=(),
                      verb_heads_only=True, hops=12)


def _statement(doc: "Doc", holder: tuple[str, int, int], label: str, hedged: bool,
               evidence: str, cue_tok: "Token | None", kind: str, sent: "Span",
               target: tuple[int, int] | None) -> Statement:
    """One :class:`~newslab.records.Statement` about the sentence ``sent`` (Doc coordinates)."""
    prev = doc[sent.start - 1].sent if sent.start > 0 else None
    # skip "sentences" that are only a closing quote mark or blank lines the parser split off
    while prev is not None and not any(t.is_alpha for t in prev) and prev.start > 0:
        prev = doc[prev.start - 1].sent
    if target:  # a target ending on a block break: keep the separator (Doc-only text) out
        t = text_of(doc)[target[0]:target[1]]
        ts, te = target[0] + len(t) - len(t.lstrip()), target[1] - (len(t) - len(t.rstrip()))
        target = (ts, te) if te > ts else None
    return Statement(
        holder=holder[0], holder_span=(holder[1], holder[2]), target=target,
        text=sent.text.strip(), span=(sent.start_char, max(sent.end_char, sent.start_char + 1)),
        cue=(cue_tok.idx, cue_tok.idx + len(cue_tok.text)) if cue_tok is not None else None,
        label=label, hedged=hedged, evidence=evidence, kind=kind,
        context=prev.text.strip() if prev is not None else "")


def _quote_tokens(doc: "Doc", q: Quote) -> list["Token"]:
    toks: list["Token"] = []
    for s, e in q.fragments:
        span = doc.char_span(int(s), int(e), alignment_mode="expand")
        if span is not None:
            toks.extend(span)
    return toks


def _best_reading(q: Quote, toks: list["Token"], cue_tok: "Token | None", composed: set[int],
                  heads: set[int]):
    """``(label, hedged, evidence, polar cue, head)`` for one quotation row: the chain from its
    cue (``said`` -> what was said), else the clauses of the quotation itself."""
    best = None
    if cue_tok is not None:
        heads.add(cue_tok.i)
        chain = _chain(cue_tok)
        # cues this row already composes ("agreed to support") are not rows of their own
        inner = {t.i for t, c in chain[1:] if c is not None and _own_subject(t) is None}
        inner |= _light_objects(chain)
        heads |= inner
        composed |= inner
        label, hedged, ev, polar = _label(chain, _own_subject(cue_tok))
        best = (label, hedged, ev, polar, cue_tok)
    if best is None or (best[3] is None and not best[1]):
        roots = _clause_roots(toks)
        roots = [t for t in roots if t.pos_ in ("VERB", "AUX", "ADJ", "NOUN")] or roots[:1]
        for h in roots:
            label, hedged, ev, polar = _label(_chain(h), None, head_is_holders=False)
            if best is None or (best[3] is None and not best[1] and (polar is not None or hedged)):
                best = (label, hedged, ev, polar, h)
        best = _evaluative_reading(best, roots, toks, cue_tok)
    return _after_contrast(best, toks)


def _clause_roots(toks: list["Token"]) -> list["Token"]:
    """The tokens of ``toks`` whose head lies outside them (or is themselves): the roots of the
    clauses a stretch of quoted words holds."""
    ids = {t.i for t in toks}
    return [t for t in toks if t.head.i not in ids or t.head == t]


#: Discourse markers of contrast: what follows them is the speaker's point.
_CONTRAST_MARKERS = frozenset({"but", "however", "yet", "nevertheless", "nonetheless"})


def _after_contrast(best, toks: list["Token"]):
    """With a contrast marker after the reading's cue (``The government calls it unsuitable.
    But the decision proves our culture can be open``), the position is read from what follows
    the marker when that is polar: "but" discounts what precedes it and carries the speaker's
    own argument (Anscombre & Ducrot 1983; Polanyi & Zaenen 2006, contextual valence shifters)."""
    polar = best[3]
    if polar is None:
        return best
    marker = next((t for t in toks if t.i > polar.i and t.lower_ in _CONTRAST_MARKERS
                   and (t.i == t.sent.start or t.dep_ == "cc" and t.head.pos_ in ("VERB", "AUX")
                        or t.dep_ == "advmod" and t.i <= t.head.left_edge.i + 1)), None)
    if marker is None:
        return best
    after = [t for t in toks if t.i > marker.i]
    roots = [t for t in _clause_roots(after) if t.pos_ in ("VERB", "AUX", "ADJ", "NOUN")]
    for h in roots:
        label, hedged, ev, cue = _label(_chain(h), None, head_is_holders=False)
        if cue is None:
            judged = clause_evaluation(h)
            if judged is None:
                continue
            label, ev, cue = judged[:3]
        return (label, hedged, f"{marker.text} -> {ev}", cue, best[4])
    worded = words_evaluation(after)
    if worded is not None:
        return (worded[0], False, f"{marker.text} -> {worded[1]}", worded[2], best[4])
    return best


def _evaluative_reading(best, roots: list["Token"], toks: list["Token"], cue_tok: "Token | None"):
    """With no attitude cue, a judgement of the clause's subject (``said the extension was not
    a bad idea``), else the balance of the quotation's evaluative words (``treats the rule of law
    with utter contempt``; :mod:`newslab.polarity.evaluative`)."""
    if best[3] is not None or best[1]:
        return best
    prefix = "said -> " if cue_tok is not None else ""
    judged = next(filter(None, map(clause_evaluation, roots)), None)
    if judged is not None:
        best = (judged[0], False, prefix + judged[1], judged[2], best[4])
    worded = words_evaluation(toks) if best[3] is None and not best[1] else None
    if worded is not None:
        best = (worded[0], False, prefix + worded[1], worded[2], best[4])
    return best


def _quote_statements(doc: "Doc", quotes: "Sequence[Quote]", mentions
                      ) -> tuple[list[Statement], list[tuple[int, int, str]], set[int]]:
    """One statement per quotation: the speaker's position on what was said.

    The chain starts at the row's cue (``said`` -> what was said; ``objected`` -> ``to the
    plans``); when that reaches no attitude cue (a direct quotation in its own sentence), the
    clauses of the quotation itself are read.
    """
    rows, spans, heads = [], [], set()
    composed: set[int] = set()
    text = text_of(doc)  # Doc.text joins every token: read it once, never per row
    by_cue = sorted(quotes, key=lambda q: (q.cue is None, q.cue.start if q.cue else 0))
    for q in by_cue:
        speaker = q.actor if q.actor is not None else (
            text[q.speaker.start:q.speaker.end] if q.speaker is not None else None)
        if speaker is None or not str(speaker).strip():
            continue
        toks = _quote_tokens(doc, q)
        if not toks:
            continue
        spans.append((toks[0].idx, toks[-1].idx + len(toks[-1].text), str(speaker)))
        cue_tok = None
        if q.cue is not None:
            cue_span = doc.char_span(q.cue.start, q.cue.end, alignment_mode="expand")
            cue_tok = cue_span.root if cue_span is not None and len(cue_span) else None
            if cue_tok is not None and cue_tok.i in composed:
                continue  # "agreed to [support] X": the row for "agreed" already has it
        label, hedged, ev, polar, h = _best_reading(q, toks, cue_tok, composed, heads)
        if q.speaker is not None:
            holder = (str(speaker), q.speaker.start, q.speaker.end)
        else:
            holder = (str(speaker), toks[0].idx, toks[0].idx + len(toks[0].text))
        q_span = (toks[0].idx, toks[-1].idx + len(toks[-1].text))
        # A row whose cue is itself an attitude ("objected to", "expressed its willingness")
        # is an attitude construction, not speech: keep the sentence as its statement.
        head_cue = match_cue(h) if h is cue_tok else None
        speech = head_cue is None or (head_cue.polarity == "report"
                                      and h.lemma_.lower() not in LIGHT_VERBS)
        judged = judged_object(cue_tok) if speech and cue_tok is not None else None
        target = _judged_span(judged) if judged is not None else \
            q_span if speech else (_target_span(_chain(h)) or q_span)
        st = _statement(doc, holder, label, hedged, ev, polar,
                        "quote" if speech else "attitude", h.sent, target)
        if speech:
            st = replace(st, text=text[q_span[0]:q_span[1]], span=q_span)
        people = _speaker_antecedents(doc, holder, mentions)
        rows += [_with_holder(doc, st, c, mentions) for c in people] or [st]
        rows += [_with_holder(doc, st, c, mentions) for c in _conjoined_speakers(doc, holder, mentions)]
    return rows, spans, heads


def _speaker_antecedents(doc: "Doc", holder: tuple[str, int, int], mentions) -> list["Token"]:
    """The people a speaker ``they`` stands for (:func:`_plural_antecedents`), or ``[]``."""
    span = doc.char_span(holder[1], holder[2], alignment_mode="expand")
    if span is None or len(span) != 1:
        return []
    return _plural_antecedents(span[0], mentions)


def _judged_span(obj: "Token") -> tuple[int, int]:
    """Doc char span of a judged object without the ``as`` phrase the parser hung on it."""
    start, end = _phrase_span(obj)
    as_ = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if as_ is not None and as_.i > obj.i:
        prev = obj.doc[as_.i - 1]
        end = min(end, prev.idx + len(prev.text))
    return start, end


def _conjoined_speakers(doc: "Doc", holder: tuple[str, int, int], mentions) -> list["Token"]:
    """Subjects conjoined to the speaker (``Cruz and Rooney proposed``): each holds the position."""
    span = doc.char_span(holder[1], holder[2], alignment_mode="expand")
    if span is None or not len(span):
        return []
    return [c for c in _co_holders(span.root, mentions)
            if _mention_at(mentions, c) is not None or c.pos_ == "PROPN"]


#: Prepositions that introduce members of a group named just before (``Democrats, such as X``).
_EXAMPLE_PREPS = {"including", "like"}


def _co_holders(subj: "Token", mentions) -> list["Token"]:
    """Who else holds ``subj``'s position: subjects conjoined after it (``Cruz and Rooney
    proposed``), and the members it names as examples (``some Democrats, such as O'Rourke,
    have expressed``; ``groups including X``) — a group's position is its members' (the
    exemplification relation of Quirk et al. 1985, §17.81), with their conjuncts."""
    out = []
    for head in [subj] + _list_members(subj):
        if head is not subj:
            out.append(head)
        for prep in head.children:
            example = prep.dep_ == "prep" and (
                prep.lower_ in _EXAMPLE_PREPS
                or (prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)))
            if example:
                for obj in (g for g in prep.children if g.dep_ == "pobj"):
                    out += [obj] + [c for c in obj.conjuncts if c.i > obj.i]
    return [t for t in out if _can_hold(t, mentions)]


def _plural_antecedents(tok: "Token", mentions) -> list["Token"]:
    """The people an unresolved ``they`` stands for when the sentence before has several named
    people as its subject (``Shoukry and his counterparts, Dendias and Le Drian, gathered in
    Cairo. They concluded ...``): a plural pronoun takes a coordinated subject as its
    antecedent (split antecedents; Quirk et al. 1985, §6.17), and each person holds the
    position. Empty unless ``tok`` is ``they`` with no resolved mention and two or more people
    are named before the main verb of one of the :data:`PLURAL_LOOKBACK` sentences before
    (read before the verb, not from the subject's subtree: the parser often splits a long
    coordinated subject)."""
    m = _mention_at(mentions, tok)
    if tok.lower_ != "they" or m is not None and m.actor:
        return []
    sent = tok.sent
    for _ in range(PLURAL_LOOKBACK):  # a singular subject between cannot be the antecedent
        if sent.start == 0:
            return []
        sent = tok.doc[sent.start - 1].sent
        people = [t for t in tok.doc[sent.start:sent.root.i] if t.ent_type_ == "PERSON"
                  and entity_range(t)[1] == t.i + 1
                  and not _in_adjunct(t, sent.root)]  # the last word of each name
        if len(people) >= 2:
            return people
    return []


def _in_adjunct(tok: "Token", root: "Token") -> bool:
    """Whether ``tok`` sits in a prepositional phrase or a clause below ``root``, not in its
    subject field (``On Monday, with Lee's backing, ...``)."""
    t = tok
    while t.i != root.i and t.head.i != t.i:
        if t.dep_ in ("pobj", "prep", "advcl", "ccomp", "relcl", "acl"):
            return True
        t = t.head
    return False


def _list_members(subj: "Token") -> list["Token"]:
    """The names listed after ``subj``: its later conjuncts, and the names of a list ``A of X,
    B of Y, and C of Z`` read along the text, since the parser often hangs the middle names on
    ``A`` as appositions or the last on the verb. Two people's names do not rename each other
    (apposition gives one referent another description; Quirk et al. 1985, §17.65), so each
    person named in the list is a member of it."""
    later = {c.i: c for c in subj.conjuncts if c.i > subj.i}
    if subj.ent_type_ == "PERSON":
        later.update((t.i, t) for t in _listed_names(subj))
    return [later[i] for i in sorted(later)]


def _listed_names(name: "Token") -> list["Token"]:
    """Last words of the person names that follow ``name`` in a list: each after a comma or
    ``and``, each name optionally followed by ``of`` and a place."""
    doc, out, j = name.doc, [], name.i + 1
    while True:
        if j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].ent_type_ in ("GPE", "ORG", "LOC"):
            j = entity_range(doc[j + 1])[1]
        k = j
        while k < len(doc) and doc[k].lower_ in (",", "and"):
            k += 1
        if k == j or k >= len(doc) or doc[k].ent_iob_ != "B" or doc[k].ent_type_ != "PERSON":
            return out
        j = entity_range(doc[k])[1]
        out.append(doc[j - 1])


def _with_holder(doc: "Doc", st: Statement, tok: "Token", mentions) -> Statement:
    """``st`` with ``tok`` (a conjoined subject) as its holder."""
    name, s, e = _holder_name(doc, tok, mentions, None)
    return replace(st, holder=name, holder_span=(s, e))


def find_statements(doc: "Doc", quotes: "Sequence[Quote]" = (),
                    mentions: "Iterable[Mention] | None" = None) -> list[Statement]:
    """Positions taken in ``doc``: one :class:`~newslab.records.Statement` per quotation
    (``kind="quote"``, from the attribution records ``quotes``) and per attitude construction
    (``kind="attitude"``), in Doc coordinates.

    ``mentions`` are actor mentions used to name holders (``Moscow`` -> ``Russia``); without
    them holders are the subject phrases as written. :func:`newslab.tables.statements_table`
    makes the ``statements`` table.

    >>> from newslab.nlp import load_model                              # doctest: +SKIP
    >>> doc = load_model()("Russia has objected to the plans.")  # doctest: +SKIP
    >>> [(s.holder, s.label, s.evidence) for s in find_statements(doc)]  # doctest: +SKIP
    [('Russia', 'oppose', 'objected to -> oppose')]
    """
    mentions = IndexedMentions(mentions) if mentions is not None else None
    rows, quote_spans, quoted_heads = _quote_statements(doc, quotes, mentions)
    if len(doc) and doc.has_annotation("DEP"):
        rows += _attitude_statements(doc, mentions, quote_spans, quoted_heads)
    return rows


@lru_cache(maxsize=None)
def _head_lemmas() -> frozenset[str]:
    """Lemmas that can head a statement's chain: attitude cues and light verbs."""
    return attitude_lemmas() | frozenset(LIGHT_VERBS)


def _attitude_statements(doc: "Doc", mentions, quote_spans, quoted_heads: set[int]
                         ) -> list[Statement]:
    """Attitude constructions outside the quotation rows (see the module docstring)."""
    rows = []
    seen: set[int] = set()
    for i in lemma_indices(doc, _head_lemmas()):  # only cue words can head a chain
        tok = doc[i]
        if tok.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
            continue
        subj = _subject_of(tok) if tok.pos_ != "NOUN" else None
        if tok.pos_ == "NOUN":
            subj = next((c for c in tok.children if c.dep_ == "poss"), None)
            if subj is None or tok.dep_ in ("dobj",) and light_verb_cue(tok.head, None):
                continue
        if tok.pos_ == "ADJ" and tok.dep_ not in ("acomp", "ROOT"):
            continue
        patient = None
        if subj is None and tok.pos_ == "VERB":
            subj, patient = _passive_agent(tok)  # "It was co-sponsored by Senator Rubio"
        if subj is None or subj.pos_ not in ("PROPN", "NOUN", "PRON"):
            continue
        if _reduced_passive(tok):
            continue  # "Pelosi elected Speaker" (a headline): the subject is who was elected
        if tok.i in quoted_heads or tok.i in seen:
            continue  # the quotation table, or a longer chain, already has this cue
        chain = _chain(tok)
        if not chain or chain[0][1] is None or _light_objects(chain) & quoted_heads:
            continue  # no cue; or "lodged [a complaint]" whose noun heads a quotation row
        # Cues embedded in this holder's chain are not statements of their own
        # ("willingness -> help"), unless they have their own subject ("said Medvedev would").
        seen.update(t.i for t, c in chain[1:] if c is not None and _own_subject(t) is None)
        seen.update(_light_objects(chain))
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
        judged = judged_object(tok) if tok.pos_ == "VERB" else None
        target = _phrase_span(patient) if patient is not None else \
            _judged_span(judged) if judged is not None else _target_span(chain)
        if target is None or not _names_something(doc, target):
            continue  # "contribute more": no target the position is about
        kind = "quote" if chain[0][1].polarity == "report" else "attitude"
        # "Cruz and Rooney proposed ...": each conjoined subject holds the position
        for h in _plural_antecedents(subj, mentions) or [subj] + _co_holders(subj, mentions):
            holder = _holder_name(doc, h, mentions, speaker)
            rows.append(_statement(doc, holder, label, hedged, ev, cue_tok, kind, tok.sent,
                                   target))
    return rows


#: Dependencies by which a clause is the content of the verb or noun above it
#: ("said [Russia could help]", "the claim [that Russia helped]").
_CONTENT_CLAUSE_DEPS = {"ccomp", "parataxis"}


def _passive_agent(verb: "Token") -> tuple["Token | None", "Token | None"]:
    """``(agent, patient)`` of a passive verb with a ``by`` phrase: in ``the plan was backed by
    the council`` the council holds the position and the plan is its target (the agent of a
    passive is the logical subject; Quirk et al. 1985, 3.63-3.65)."""
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if patient is None and verb.dep_ == "acomp" and verb.tag_ == "VBN" and verb.head.lemma_ == "be":
        # the small parser reads many passives as a copula with a participle complement
        # ("It was co-sponsored by ..."): the copula's subject is the patient
        patient = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    agent = next((g for c in verb.children if c.dep_ == "agent"
                  for g in c.children if g.dep_ == "pobj"), None)
    return (agent, patient) if agent is not None and patient is not None else (None, None)


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
