"""Charts of a corpus run's tables: who is mentioned over time, and who gets quoted.

Tables in, figures out (matplotlib); nothing here reads text or a Doc.

* :func:`actors_by_articles` — the actors found in the most articles (notebook 04's top
  actors): agents only when given the corpus ``actors`` table, groups left out.
* :func:`mentions_by_month` / :func:`plot_mentions_over_time` — mentions of the most widely
  mentioned actors per month of publication, only over the months the corpus has articles
  (a gap of years is drawn as a break, not as a long run of zeros).
* :func:`quote_shares` / :func:`plot_quote_shares` — the share of attributed quotes by actor,
  by actor type and by gender as the text refers to the person (:mod:`newslab.extract.gender`), the
  measure of the Gender Gap Tracker (Asr et al. 2021).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: What each quote-share panel groups by, and its axis label.
SHARE_KINDS = {"actor": "Actor", "type": "Actor type", "gender": "Gender (as the text refers)"}


def _month(dates: "pd.Series") -> "pd.Series":
    import pandas as pd

    found = dates.astype(str).str.extract(r"(\d{4}-\d{2})-\d{2}")[0]
    return pd.Series(found.values, index=dates.index)


#: Actor types left out of a corpus count by default: a group (``residents``, ``officials``) is
#: defined by its article, so counting one name across articles would pool different groups.
PER_ARTICLE_TYPES = ("GROUP",)


def actors_by_articles(actors: "pd.DataFrame", top: int | None = 10, *,
                       exclude_types: "tuple[str, ...]" = PER_ARTICLE_TYPES) -> "pd.DataFrame":
    """The actors found in the most articles: columns ``actor``, ``type``, ``articles`` (int,
    number of distinct ``doc_id``), most widespread first (ties in name order), the first
    ``top`` rows (all with ``None``).

    ``actors``: a corpus ``actors`` table (``doc_id``, ``actor``, ``type``): its rows are each
    article's agents, so settings, sources and names that are never actors (time zones, days,
    platforms as media) are already out. Types in ``exclude_types`` (groups, by default) are
    left out. Counting articles, not mentions, keeps one long story from dominating.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": ["a", "b", "b", "a"], "actor": ["Iran", "Iran", "Nato",
    ...                   "residents"], "type": ["GPE", "GPE", "ORG", "GROUP"]})
    >>> actors_by_articles(t).values.tolist()
    [['Iran', 'GPE', 2], ['Nato', 'ORG', 1]]
    """
    df = actors.dropna(subset=["actor"])
    if exclude_types:
        df = df[~df["type"].isin(exclude_types)]
    spread = (df.groupby(["actor", "type"]).doc_id.nunique().rename("articles").reset_index()
              .sort_values(["articles", "actor"], ascending=[False, True], kind="stable")
              .reset_index(drop=True))
    return spread if top is None else spread.head(top)


def mentions_by_month(entities: "pd.DataFrame", dates: "Mapping[str, str] | pd.Series",
                      top: int = 6, types: "tuple[str, ...] | None" = None) -> "pd.DataFrame":
    """Mentions per month (rows, ``"YYYY-MM"``, only months with articles) of the ``top``
    actors found in the most articles (columns, most widespread first).

    ``entities``: a corpus ``entities`` table (``doc_id``, ``actor``); ``dates``: publication
    date per ``doc_id`` (text with a ``YYYY-MM-DD`` date in it, e.g. "Published: 2004-11-16").
    ``types``: only actors of these types (e.g. ``("PERSON",)``). Articles without a date are
    left out.

    >>> import pandas as pd
    >>> e = pd.DataFrame({"doc_id": ["a", "a", "b"], "actor": ["Bush", "Bush", "Bush"]})
    >>> mentions_by_month(e, {"a": "2004-11-16", "b": "2005-01-02"}).Bush.to_dict()
    {'2004-11': 2, '2005-01': 1}
    """
    import pandas as pd

    months = _month(pd.Series(dates))
    df = entities.dropna(subset=["actor"]).assign(month=lambda d: d.doc_id.map(months))
    df = df.dropna(subset=["month"])
    if types is not None:
        df = df[df["type"].isin(types)]
    spread = df.groupby("actor").doc_id.nunique().sort_values(ascending=False, kind="stable")
    actors = list(spread.index[:top])
    table = pd.crosstab(df.month, df.actor).reindex(columns=actors, fill_value=0)
    every_month = sorted(set(months.dropna()))
    return table.reindex(every_month, fill_value=0).rename_axis(index="month", columns="actor")


def plot_mentions_over_time(table: "pd.DataFrame", *, ax: "Axes | None" = None) -> "Axes":
    """Lines: mentions per month of each actor in ``table`` (from :func:`mentions_by_month`).

    Months follow each other on the axis; where the corpus skips months a dotted line marks the
    break and says how long it is. The legend sits outside the plot, one actor per line.
    """
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(11, 4), layout="constrained")
    months = list(table.index)
    xs = range(len(months))
    markers = "osD^vP*X"
    for k, actor in enumerate(table.columns):
        ax.plot(xs, table[actor].to_numpy(), marker=markers[k % len(markers)], markersize=4,
                linewidth=1.4, label=str(actor))
    for i in range(1, len(months)):
        (y0, m0), (y1, m1) = (map(int, months[i - 1].split("-")), map(int, months[i].split("-")))
        skipped = (y1 - y0) * 12 + (m1 - m0) - 1
        if skipped > 0:
            ax.axvline(i - 0.5, color="#777", linestyle=":", linewidth=1)
            ax.text(i - 0.5, 1.0, f" {skipped} months\n without articles", fontsize="x-small",
                    color="#555", va="top", ha="left", transform=ax.get_xaxis_transform())
    step = max(1, len(months) // 16)
    ax.set_xticks(list(xs)[::step], labels=months[::step], rotation=45, ha="right",
                  rotation_mode="anchor")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("Month of publication")
    ax.set_ylabel("Mentions")
    ax.set_title("Mentions per month of the actors found in the most articles")
    ax.legend(title="Actor", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return ax


def quote_shares(quotes: "pd.DataFrame", actors: "pd.DataFrame", by: str = "gender",
                 top: int = 10) -> "pd.Series":
    """Share of attributed quotes (percent, summing to 100) per ``by`` value, largest first.

    ``quotes``/``actors``: corpus (or single-article) tables; quotes whose speaker was not
    resolved to an actor are left out. ``by``: ``"actor"`` (the ``top`` actors, the rest as
    "all others"), ``"type"`` (PERSON, ORG, GPE…) or ``"gender"`` (quotes by people only:
    female / male / unknown, :func:`newslab.extract.gender.actor_genders`).

    >>> import pandas as pd
    >>> q = pd.DataFrame({"doc_id": ["a"] * 3, "actor": ["Tong", "Tong", "UN"], "speaker": ["Mr Tong", "he", "UN"]})
    >>> a = pd.DataFrame({"doc_id": ["a", "a"], "actor": ["Tong", "UN"], "type": ["PERSON", "ORG"],
    ...                   "aliases": [["Tong"], ["UN"]]})
    >>> quote_shares(q, a, "gender").round(1).to_dict()
    {'male': 100.0}
    """
    import pandas as pd

    from ..extract.gender import NOT_PERSON, actor_genders

    if by not in SHARE_KINDS:
        raise ValueError(f"by must be one of {list(SHARE_KINDS)}, not {by!r}")
    keys = [c for c in ("doc_id", "actor") if c in quotes.columns and c in actors.columns]
    q = quotes.dropna(subset=["actor"])
    if by == "actor":
        counts = q.actor.value_counts()
        if len(counts) > top:
            rest = pd.Series({"all others": counts.iloc[top:].sum()})
            counts = pd.concat([counts.head(top), rest])
    else:
        info = actor_genders(actors, quotes) if by == "gender" else actors[keys + ["type"]]
        merged = q[keys].merge(info.drop_duplicates(keys), on=keys, how="left")
        if by == "gender":  # gender is asked of people only
            merged = merged[merged.gender != NOT_PERSON]
        counts = merged[by].fillna("unknown").value_counts()
    share = 100 * counts / counts.sum() if counts.sum() else counts.astype(float)
    order = share.drop("all others", errors="ignore").sort_values(ascending=False, kind="stable")
    if "all others" in share.index:  # the remainder stays last
        order = pd.concat([order, share[["all others"]]])
    return order.rename("share")


def plot_quote_shares(quotes: "pd.DataFrame", actors: "pd.DataFrame", *, top: int = 10,
                      fig: "Figure | None" = None) -> "Figure":
    """Three bar panels: share of attributed quotes by actor, by actor type and by gender as
    the text refers to the person. Bars are sorted by the share the axis shows."""
    import matplotlib.pyplot as plt

    if fig is None:
        fig = plt.figure(figsize=(13, 4.4), layout="constrained")
    axes = fig.subplots(1, 3, gridspec_kw={"width_ratios": [1.4, 1, 1]})
    n = int(quotes.actor.notna().sum())
    for ax, by in zip(axes, SHARE_KINDS):
        share = quote_shares(quotes, actors, by, top=top)
        title = f"By {SHARE_KINDS[by].lower()}"
        if "all others" in share.index:  # a long tail would dwarf every named bar
            title += f"\n(the top {len(share) - 1}; all others: {share['all others']:.0f}%)"
            share = share.drop("all others")
        if by == "gender":
            title += "\n(quotes by people)"
        colors = ["#BBBBBB" if k in ("all others", "unknown") else "#0072B2"
                  for k in share.index]
        ax.barh([str(k) for k in share.index], share.to_numpy(), color=colors)
        ax.invert_yaxis()
        for y, v in enumerate(share.to_numpy()):
            ax.text(v, y, f" {v:.1f}%" if v < 10 else f" {v:.0f}%", va="center",
                    fontsize="small")
        ax.set_xlabel("Share of attributed quotes (%)")
        ax.set_title(title, fontsize="medium")
        ax.set_xlim(0, max(share.max() * 1.2, 1))
    fig.suptitle(f"Who gets quoted: {n:,} quotes attributed to an actor")
    return fig
