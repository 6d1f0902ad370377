"""Each holder's position on a target: the majority of their statements about it.

:func:`stance_summary` reads :func:`newslab.target.position.stance` (rows above the relevance
cut-off, labelled as positions on the target) and returns one row per holder. The explorer's
chart (:class:`newslab.views.widgets.StanceExplorer`) draws from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping

from .position import MIN_RELEVANCE, stance

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Columns of :func:`stance_summary`, in order.
SUMMARY_COLUMNS = ["holder", "position", "support", "oppose", "neutral", "statements",
                   "relevance", "evidence", "evidence_label", "evidence_start", "evidence_end"]
#: Order in which a tie between labels of equal count and relevance is broken (the firmer
#: reading last: a tie between support and oppose is no clear position).
_TIE_ORDER = ("neutral", "oppose", "support")


def summarize_positions(rows: "pd.DataFrame", labels: "Mapping[int, str] | None" = None, *,
                        facts: bool = False) -> "pd.DataFrame":
    """One row per holder from target-stance rows (``holder``, ``label``, ``relevance``,
    ``statement``, ``start``, ``end``); ``labels`` overrides row labels by index (a student's
    relabelling). Columns :data:`SUMMARY_COLUMNS`; sorted by number of statements.

    ``position`` is the label with most statements, counting a neutral row only when it is
    hedged (undecided): an unhedged neutral row is a statement of fact and does not outvote a
    stated position; a tie goes to the label with the larger summed relevance, and a tie
    between support and oppose on both counts is ``neutral``. The counts columns count every
    row.
    ``evidence`` is the statement of the most relevant row with that label. A holder whose
    every row is neutral and unhedged (``said -> no attitude cue``: statements of fact, a
    news agency cited as a source) took no position and is left out unless ``facts=True``;
    an undecided holder (hedged neutral: ``would consider the request``) stays.

    >>> import pandas as pd
    >>> rows = pd.DataFrame({"holder": ["A", "A", "B"], "label": ["oppose", "oppose", "support"],
    ...     "relevance": [0.9, 0.5, 0.4], "statement": ["A objected.", "A said no.", "B agreed."],
    ...     "start": [0, 20, 40], "end": [11, 30, 49]})
    >>> summarize_positions(rows)[["holder", "position", "oppose", "evidence"]].values.tolist()
    [['A', 'oppose', 2, 'A objected.'], ['B', 'support', 0, 'B agreed.']]
    """
    import pandas as pd

    out = []
    if rows is None or len(rows) == 0:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    labs = pd.Series([(labels or {}).get(i, lab) for i, lab in zip(rows.index, rows["label"])],
                     index=rows.index)
    hedged = rows["hedged"].astype(bool) if "hedged" in rows else pd.Series(False, rows.index)
    for holder, grp in rows.groupby("holder", sort=False):
        g_labs = labs.loc[grp.index]
        if not facts and (g_labs == "neutral").all() and not hedged.loc[grp.index].any():
            continue  # only statements of fact: no position on the target
        counts = {lab: int((g_labs == lab).sum()) for lab in ("support", "oppose", "neutral")}
        # statements of fact (unhedged neutral) take no position: they do not outvote one
        votes = dict(counts, neutral=int(((g_labs == "neutral") & hedged.loc[grp.index]).sum()))
        if not (votes["support"] or votes["oppose"] or votes["neutral"]):
            votes = counts  # only facts, kept with facts=True
        weight = {lab: float(grp.relevance[g_labs == lab].sum()) for lab in counts}
        best = max(_TIE_ORDER, key=lambda lab: (votes[lab], round(weight[lab], 6),
                                                _TIE_ORDER.index(lab)))
        if votes["support"] == votes["oppose"] == votes[best] and \
                round(weight["support"], 6) == round(weight["oppose"], 6):
            best = "neutral"
        pick = grp[g_labs == best] if counts[best] else grp
        top = pick.sort_values("relevance", ascending=False, kind="stable").iloc[0]
        out.append({"holder": holder, "position": best, **counts, "statements": len(grp),
                    "relevance": float(grp.relevance.max()), "evidence": top.statement,
                    "evidence_label": labs.loc[top.name], "evidence_start": top.start,
                    "evidence_end": top.end})
    df = pd.DataFrame(out, columns=SUMMARY_COLUMNS)
    return df.sort_values(["statements", "relevance"], ascending=False,
                          kind="stable").reset_index(drop=True)


def stance_summary(source, target: str, *, min_relevance: float = MIN_RELEVANCE,
                   similarity: str | None = None, analysis=None) -> "pd.DataFrame":
    """Each holder's majority position on ``target``, with counts and the strongest evidence.

    ``source`` is what :func:`newslab.target.position.stance` accepts (an Analysis, a
    statements table, a corpus result; ``analysis`` as there). Returns one row per holder with columns :data:`SUMMARY_COLUMNS`:
    ``position`` (``support | oppose | neutral``), ``support``/``oppose``/``neutral``
    (statement counts, int), ``statements`` (int), ``relevance`` (the best, float 0-1),
    ``evidence`` (the most relevant statement with that position), ``evidence_label`` and its
    source offsets ``evidence_start``/``evidence_end`` (end-exclusive).

    >>> import newslab                                                    # doctest: +SKIP
    >>> a = newslab.analyze("data/articles/nato-seeks-afghan-help-from-russia.txt")  # doctest: +SKIP
    >>> stance_summary(a, "Nato absorbing Georgia and Ukraine")[["holder", "position"]].values.tolist()  # doctest: +SKIP
    [['Russia', 'oppose']]
    """
    rows = stance(source, target, min_relevance=min_relevance, similarity=similarity,
                  analysis=analysis)
    return summarize_positions(rows)
