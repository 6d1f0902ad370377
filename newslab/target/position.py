"""Position toward a target: the statements about a target phrase and each holder's position on it.

:func:`stance` takes the statements of an article (or a statements table) and a target phrase
(``"Nato absorbing Georgia and Ukraine"``) and returns the rows that are about the target, with
``relevance`` (0-1, :mod:`newslab.target.relevance`) and a ``label`` that is the holder's
position **on the target**, not the polarity of whatever the statement is about:

* the attitude's own target must be the target or refer to it (``Russia has objected to [the
  plans]``, where the plans are the absorption of Georgia and Ukraine). A statement that is near
  the target only through its sentence (``The Kremlin has allowed Nato nations to use its
  territory ... but ties remain strained over the absorption of Georgia``) takes no position on
  it: its label becomes ``neutral`` and the evidence says why;
* opposing what blocks the target is support, and supporting it is opposition (``criticised the
  delay to the extension`` -> support for the extension; blockers in
  ``lexicons/blocking_words.csv``, after FrameNet's Hindering and Preventing frames);
* negation scope (``not a bad idea`` -> support, ``never supported ... would vote against`` ->
  oppose) is composed in the statement's evidence chain (:mod:`newslab.extract.statements`).

Rows below ``min_relevance`` (default :data:`MIN_RELEVANCE`) are not returned unless
``all_rows=True``.

**The cut-off.** :data:`MIN_RELEVANCE` (0.2) was chosen by sweeping 0.05-0.60 in steps of
0.05 on the check half of newslab's own hand-labelled target-stance set
(``tests/data/target_stance.json``: then 10 Wikinews articles, two targets each, split into
halves by a hash of the file name; the rules were developed on the study half) and taking the
value with the best mean of position recall and 1 - distractor leak among those that keep the demo
article's specification (its four gold rows, and no Afghanistan statement on "Nato absorbing
Georgia and Ukraine"). 0.10 scored a little higher on the check half alone (0.70 against 0.69)
but counts the Kremlin's transit decision as a position on Nato enlargement; 0.2 also lowers
the study half's distractor leak from 0.25 to 0.14. Swept again after the set grew to 16
articles (the six new ones all study, the check half unchanged): 0.15 scored a little higher on
the check half (0.702 against 0.690) but again counts the Kremlin's transit decision as
support for Nato enlargement, so 0.2 stays. ``tests/test_target_stance_set.py`` prints the four
figures per half.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..lexicons import blocking_words, holder_nouns
from ..missing import is_missing
from ..nlp import OffsetMap
from ..polarity.cues import match_cue
from ..polarity.rules import rules_stance
from .relevance import anaphoric, head_word, match, relevance_table, target_phrase, words

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Rows with a lower relevance are left out of :func:`stance` (see the module docstring).
MIN_RELEVANCE = 0.2
#: Columns :func:`stance` adds to the statements table.
TARGET_COLUMNS = ["relevance", "relevance_source", "statement_label"]


def _blocker(phrase: str, target: str) -> str | None:
    """The blocking word heading ``phrase`` when what it blocks is the target.

    ``the delay to the tram extension`` blocks ``the extension``; ``the ban on veils`` does not
    block a target that is itself ``the ban on veils``.

    >>> _blocker("the delay to the tram extension", "the extension")
    'delay'
    >>> _blocker("the ban on face veils", "the face veil ban") is None
    True
    """
    ws = words(phrase)
    t_words = words(target)
    blockers = blocking_words()
    for i, w in enumerate(ws[:3]):
        stem = w[:-1] if w.endswith("s") and w[:-1] in blockers else w
        if stem in blockers and not any(match(stem, t) for t in t_words):
            rest = ws[i + 1:]
            if any(match(t, r) for t in t_words for r in rest):
                return stem
    return None


def position_on_target(row: Any, target: str) -> tuple[str, str]:
    """The holder's position on ``target`` from one relevance-scored statement row.

    Returns ``(label, evidence)``: the statement's label when its attitude is about the target
    (directly or through an anaphor), flipped when the attitude is about something that blocks
    the target, and ``neutral`` when only the sentence around the attitude names the target.
    """
    label, evidence = str(row.label), str(row.evidence)
    source = getattr(row, "relevance_source", "target")
    own = target_phrase(row)
    if source in ("sentence", "none") and label != "neutral":
        return "neutral", f"{evidence} -> about {own!r}, not the target"
    blocker = _blocker(own, target)
    if blocker and label in ("support", "oppose"):
        flipped = "oppose" if label == "support" else "support"
        return flipped, f"{evidence} -> {blocker!r} blocks the target -> {flipped}"
    return label, evidence


def quote_position(analysis, row: Any, target: str) -> tuple[str, str] | None:
    """The speaker's stance on the target where a quotation names it, or None.

    A quotation's first attitude cue may be about something else (``Term limits offer a
    solution``); where the quotation names the target (a noun meeting the target's core words,
    :func:`newslab.target.relevance.core_words`), the holder -> target rules
    (:func:`newslab.polarity.rules.rules_stance`: ``members of Congress have abused their power``
    -> the judgement of an act goes to its agent) read the speaker's stance on that mention.
    """
    if str(getattr(row, "kind", "")) != "quote" or any(
            is_missing(getattr(row, k, None)) for k in ("start", "end", "holder_start", "holder_end")):
        return None
    doc = analysis.doc
    back = OffsetMap(doc, getattr(analysis, "article", None)).doc_offset
    quote = doc.char_span(back(int(row.start)), back(int(row.end)), alignment_mode="expand")
    holder = doc.char_span(back(int(row.holder_start)), back(int(row.holder_end)),
                           alignment_mode="expand")
    if quote is None or holder is None or not len(holder):
        return None
    head = head_word(target)
    for tok in quote:
        if tok.pos_ not in ("NOUN", "PROPN") or not head or not match(head, tok.lower_):
            continue
        res = rules_stance(holder, doc[tok.i:tok.i + 1])
        if res.label != "neutral":
            return res.label, f"{res.evidence} (on {tok.text!r})"
    return None


def act_position(analysis, row: Any, target: str) -> tuple[str, str] | None:
    """The position on a target that names an act, when the row's deciding cue is that act.

    For the target ``expelling US troops from Iraq``, ``the parliament voted on a resolution to
    expel US troops`` opposes the troops (``expel -> oppose``) but supports the expelling: who
    performs or calls for an act is for that act (Deng & Wiebe 2015: the agent of a -effect
    event favours the event). When the cue matches the target's head word and opposes its own
    object, the label on the target is flipped back. ``None`` when the rule does not apply.
    """
    label, head = str(row.label), head_word(target)
    cs = getattr(row, "cue_start", None)
    if label not in ("support", "oppose") or not head or is_missing(cs) or \
            not match(head, str(getattr(row, "cue", "")).lower()):
        return None
    doc = analysis.doc
    back = OffsetMap(doc, getattr(analysis, "article", None)).doc_offset
    span = doc.char_span(back(int(cs)), back(int(cs)) + 1, alignment_mode="expand")
    cue = match_cue(span[0]) if span is not None and len(span) else None
    if cue is None or cue.polarity != "oppose":
        return None
    flipped = "oppose" if label == "support" else "support"
    return flipped, f"{row.evidence} -> {span[0].text!r} is the act the target names -> {flipped}"


def target_referents(analysis, statements_df: "pd.DataFrame") -> list[list[str]]:
    """Actor names each row's target phrase refers to, from the shared resolver's mentions.

    ``the alliance`` -> ``Nato``, ``it`` -> ``Russia``: every resolved mention
    (:attr:`newslab.Analysis.mentions`, names, pronouns and descriptors linked by
    :mod:`newslab.extract.coref`) inside the row's ``target_start``/``target_end`` (source
    offsets).
    """
    span = OffsetMap(analysis.doc, getattr(analysis, "article", None)).source_span
    spans = [(*span(m.start, m.end), m.actor) for m in analysis.mentions if m.actor]
    out = []
    for r in statements_df.itertuples(index=False):
        ts, te = getattr(r, "target_start", None), getattr(r, "target_end", None)
        if is_missing(ts) or is_missing(te):
            out.append([])
            continue
        out.append(sorted({a for s, e, a in spans if s >= int(ts) and e <= int(te)}))
    return out


#: Articles that open a common-noun phrase ("the motion", "a law").
_ARTICLES = frozenset({"a", "an", "the", "this", "that"})


def is_someone(holder: str, actor_names: "frozenset[str]" = frozenset()) -> bool:
    """Whether a holder name stands for someone who can take a position: an actor of the
    article, a name or bare plural the parse found as a subject (``conservatives``), or a
    phrase with an article headed by a person/body noun (``lexicons/holder_nouns.csv``,
    ``role_nouns.csv``: ``the commissioner``); never a phrase a possessor owns.
    Documents and things quoted as sources (``the motion``, ``a law``) and unresolved
    relative pronouns are not holders.

    >>> is_someone("conservatives"), is_someone("The motion"), is_someone("Trump's state")
    (True, False, False)
    """
    name = str(holder).strip()
    if name in actor_names:
        return True
    ws = name.replace("’", "'").lower().split()
    if not ws or "'s" in ws[-1] or any(w.endswith("'s") for w in ws) or ws == ["which"]:
        return False
    if ws[0] not in _ARTICLES:
        return True  # a name, a bare plural ("conservatives"): the parse already found a subject
    nouns = holder_nouns()
    return ws[-1] in nouns or ws[-1].rstrip("s") in nouns


def _sources(source, analysis=None) -> tuple["pd.DataFrame", Any]:
    """``(statements table, Analysis or None)`` from what :func:`stance` accepts."""
    import pandas as pd

    if isinstance(source, pd.DataFrame):
        return source, analysis
    if hasattr(source, "statements") and hasattr(source, "mentions"):
        return source.statements, source
    tables = getattr(source, "tables", None)
    if isinstance(tables, dict) and "statements" in tables:
        return tables["statements"], analysis
    raise TypeError("stance needs an Analysis, a statements DataFrame or a corpus result, not "
                    f"{type(source).__name__}; newslab.stance(...) also reads articles")


def _positions(rows: "pd.DataFrame", target: str, analysis,
               min_relevance: float) -> list[tuple[str, str]]:
    """``(label, evidence)`` on the target per row: :func:`position_on_target`, then, with an
    Analysis, :func:`quote_position` for quotations about the target."""
    positions = [position_on_target(r, target) for r in rows.itertuples(index=False)]
    if analysis is None:
        return positions
    positions = [act_position(analysis, r, target) or p
                 for r, p in zip(rows.itertuples(index=False), positions)]
    for k, r in enumerate(rows.itertuples(index=False)):
        if r.relevance_source in ("target", "antecedent") and r.relevance >= min_relevance:
            found = quote_position(analysis, r, target)
            if found is not None and found[0] != positions[k][0]:
                positions[k] = (found[0], f"{positions[k][1]} -> on the target: {found[1]}")
    return positions


def stance(source, target: str, *, min_relevance: float = MIN_RELEVANCE,
           holder: str | None = None, all_rows: bool = False,
           similarity: str | None = None, analysis=None) -> "pd.DataFrame":
    """Statements about ``target`` with each holder's position on it, most relevant first.

    ``source`` is an :class:`~newslab.Analysis`, a statements DataFrame
    (:data:`newslab.tables.STATEMENT_COLUMNS`; extra columns are kept), or a corpus result
    whose ``tables`` hold ``statements``; ``analysis`` is the Analysis a statements table came
    from, when it is given as a table (its Doc then reads anaphors and quotations).
    :func:`newslab.stance` also takes an article (path, text, Article). Returns the statement columns plus ``relevance``
    (float 0-1), ``relevance_source`` (``target | antecedent | sentence | none``) and
    ``statement_label`` (the statement's own label before it was read against the target);
    ``label`` (``support | oppose | neutral``) and ``evidence`` give the position on the target.
    Offsets stay source offsets (``Article.text``, end-exclusive). Rows with ``relevance`` below
    ``min_relevance`` are dropped unless ``all_rows``; ``holder`` keeps one holder's rows;
    ``similarity`` names a registered similarity backend (none by default). With an Analysis,
    rows whose holder is not someone (:func:`is_someone`: ``the motion``, ``a law``) are left
    out.
    Raises ``TypeError`` for any other ``source``, :class:`~newslab.errors.InputError` for a
    target that is not a non-empty string, and :class:`~newslab.errors.UnknownBackendError`
    for an unknown ``similarity``.

    >>> import newslab                                                     # doctest: +SKIP
    >>> a = newslab.analyze("data/articles/nato-seeks-afghan-help-from-russia.txt")  # doctest: +SKIP
    >>> stance(a, "Nato absorbing Georgia and Ukraine")[["holder", "label"]].values.tolist()  # doctest: +SKIP
    [['Russia', 'oppose']]
    """
    import pandas as pd

    if not isinstance(target, str) or not words(target):
        raise InputError(f"The stance target must be a phrase with at least one word (e.g. "
                         f"\"the border wall\"), not {target!r}")
    table, analysis = _sources(source, analysis)
    cols = list(getattr(table, "columns", [])) + TARGET_COLUMNS
    if table is None or len(table) == 0:
        return pd.DataFrame(columns=cols)
    sentences = referents = None
    if analysis is not None:
        sentences = [s.text for s in analysis.doc.sents if s.text.strip()]
        actor_names = frozenset(analysis.actors.actor) if len(analysis.actors) else frozenset()
        table = table[[is_someone(h, actor_names) for h in table.holder]]
        if len(table) == 0:
            return pd.DataFrame(columns=cols)
        referents = target_referents(analysis, table)
    topic = getattr(getattr(analysis, "article", None), "headline", None)
    out = relevance_table(table, target, sentences=sentences, referents=referents,
                          similarity=similarity, topic=topic)
    out["statement_label"] = out["label"]
    positions = _positions(out, target, analysis, min_relevance)
    out["label"] = [p[0] for p in positions]
    out["evidence"] = [p[1] for p in positions]
    if holder is not None:
        out = out[out["holder"].astype(str).str.lower() == holder.lower()]
    if not all_rows:
        out = out[out["relevance"] >= min_relevance]
        out = out[out["relevance"] > 0]
    return out.sort_values("relevance", ascending=False, kind="stable").reset_index(drop=True)


__all__ = ["MIN_RELEVANCE", "TARGET_COLUMNS", "act_position", "anaphoric", "is_someone",
           "position_on_target", "quote_position", "stance", "target_referents"]
