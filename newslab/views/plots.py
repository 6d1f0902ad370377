"""Charts of actor tables (matplotlib). Every function takes DataFrames, never a Doc.

Each function draws on ``ax`` (a new figure when ``None``), returns the Axes and never calls
``plt.show()`` - Jupyter shows the figure, scripts save it with ``ax.figure.savefig(...)``.

* :func:`plot_actor_counts` - the most prominent actors of one article (``actor_table``).
* :func:`plot_actor_positions` - where in the article each actor appears (``mention_table``).
* :func:`plot_cooccurrence` - which actors share paragraphs (``mention_table``).
* :func:`plot_compare_actors` - the same counts across several articles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes

#: One colour per actor type (colour-blind-safe Okabe-Ito palette), grey for anything else.
TYPE_COLORS = {"PERSON": "#0072B2", "ORG": "#E69F00", "GPE": "#009E73", "NORP": "#CC79A7",
               "LOC": "#56B4E9", "FAC": "#D55E00", "EVENT": "#F0E442", "GROUP": "#000000"}
OTHER_COLOR = "#999999"


def _axes(ax: "Axes | None", size: tuple[float, float]) -> "Axes":
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def _require(df: "pd.DataFrame", columns: tuple[str, ...], what: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{what} needs a DataFrame with columns {list(columns)}; missing "
                         f"{missing}. Pass the output of newslab.actors."
                         f"{'actor_table' if 'mentions' in columns else 'mention_table'}.")


def _empty(ax: "Axes", title: str) -> "Axes":
    ax.set_title(title)
    ax.text(0.5, 0.5, "no actors found", ha="center", va="center", transform=ax.transAxes,
            color=OTHER_COLOR)
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def _top_actors(mentions_df: "pd.DataFrame", top: int) -> list[str]:
    """The ``top`` actors with most mentions, ties broken by first appearance."""
    df = mentions_df.dropna(subset=["actor"])
    counts = df.groupby("actor", sort=False).size()
    first = df.groupby("actor", sort=False)["start"].min()
    order = sorted(counts.index, key=lambda a: (-counts[a], first[a]))
    return order[:top]


def plot_actor_counts(actors_df: "pd.DataFrame", top: int = 10, *, ax: "Axes | None" = None,
                      column: str = "mentions") -> "Axes":
    """Horizontal bars: the ``top`` actors by ``column`` (mentions by default), sorted by
    that same value, largest on top (ties keep the table's prominence order), coloured by
    actor type. The axis and the order always say the same thing.

    >>> ax = plot_actor_counts(actor_table(mentions, doc, article))   # doctest: +SKIP
    """
    _require(actors_df, ("actor", column), "plot_actor_counts")
    data = actors_df.sort_values(column, ascending=False, kind="stable").head(top)
    title = ("Most mentioned actors" if column == "mentions"
             else f"Actors by {column.replace('_', ' ')}")
    ax = _axes(ax, (7, 0.4 * max(len(data), 3) + 1.2))
    if data.empty:
        return _empty(ax, title)
    types = data["type"] if "type" in data.columns else [None] * len(data)
    colors = [TYPE_COLORS.get(t, OTHER_COLOR) for t in types]
    ys = list(range(len(data)))
    ax.barh(ys, data[column].tolist(), color=colors)
    ax.set_yticks(ys, labels=data["actor"].tolist())
    ax.invert_yaxis()  # most prominent on top
    ax.set_xlabel("Mentions" if column == "mentions" else column.capitalize())
    ax.set_ylabel("Actor")
    ax.set_title(title)
    ax.xaxis.get_major_locator().set_params(integer=True)
    seen = list(dict.fromkeys(t for t in types if t))
    if seen:
        from matplotlib.patches import Patch

        ax.legend(handles=[Patch(color=TYPE_COLORS.get(t, OTHER_COLOR), label=t) for t in seen],
                  title="Type", loc="lower right", fontsize="small")
    return ax


def plot_actor_positions(mentions_df: "pd.DataFrame", top: int = 10, *,
                         ax: "Axes | None" = None) -> "Axes":
    """Dot chart: one row per actor, a dot in each paragraph where it is mentioned (bigger for
    more mentions there). Paragraphs are block positions in reading order (0 = headline when
    the article has one).

    >>> ax = plot_actor_positions(mention_table(mentions, doc, article))   # doctest: +SKIP
    """
    _require(mentions_df, ("actor", "paragraph", "start"), "plot_actor_positions")
    title = "Where actors appear"
    df = mentions_df.dropna(subset=["actor", "paragraph"])
    actors = _top_actors(df, top)
    ax = _axes(ax, (8, 0.4 * max(len(actors), 3) + 1.4))
    if not actors:
        return _empty(ax, title)
    row = {a: i for i, a in enumerate(actors)}
    cells = (df[df["actor"].isin(actors)].groupby(["actor", "paragraph"]).size()
             .reset_index(name="n"))
    types = (df.drop_duplicates("actor").set_index("actor")["type"]
             if "type" in df.columns else {})
    colors = [TYPE_COLORS.get(types.get(a) if len(types) else None, OTHER_COLOR)
              for a in cells["actor"]]
    ax.scatter(cells["paragraph"].astype(int), cells["actor"].map(row), s=30 + 40 * cells["n"],
               c=colors, alpha=0.85, edgecolors="white", linewidths=0.5)
    ax.set_yticks(range(len(actors)), labels=actors)
    ax.set_ylim(len(actors) - 0.5, -0.5)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("Paragraph (block in reading order; 0 = first)")
    ax.set_ylabel("Actor")
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    return ax


def cooccurrence_matrix(mentions_df: "pd.DataFrame", top: int = 10,
                        unit: str = "paragraph") -> "pd.DataFrame":
    """Number of ``unit``s (paragraphs or sentences) in which two actors both appear; the
    diagonal is the number of units each actor appears in.

    >>> cooccurrence_matrix(mention_table(mentions, doc)).loc["Russia", "Nato"]  # doctest: +SKIP
    3
    """
    import pandas as pd

    _require(mentions_df, ("actor", unit, "start"), "cooccurrence_matrix")
    df = mentions_df.dropna(subset=["actor", unit])
    actors = _top_actors(df, top)
    if not actors:
        return pd.DataFrame(dtype=int)
    present = (pd.crosstab(df[unit], df["actor"]) > 0).astype(int)
    present = present.reindex(columns=actors, fill_value=0)
    return present.T.dot(present)


def plot_cooccurrence(mentions_df: "pd.DataFrame", top: int = 10, *, unit: str = "paragraph",
                      ax: "Axes | None" = None) -> "Axes":
    """Heatmap with counts: in how many paragraphs (or ``unit="sentence"``) two actors appear
    together. The diagonal shows how many paragraphs each actor appears in.

    >>> ax = plot_cooccurrence(mention_table(mentions, doc, article))   # doctest: +SKIP
    """
    matrix = cooccurrence_matrix(mentions_df, top, unit)
    title = f"Actors in the same {unit}"
    n = len(matrix)
    ax = _axes(ax, (1.6 + 0.6 * max(n, 3), 1.2 + 0.6 * max(n, 3)))
    if n == 0:
        return _empty(ax, title)
    values = matrix.to_numpy()
    image = ax.imshow(values, cmap="Blues", vmin=0)
    high = values.max() / 2 if values.size else 0
    for i in range(n):
        for j in range(n):
            ax.text(j, i, str(values[i, j]), ha="center", va="center", fontsize="small",
                    color="white" if values[i, j] > high else "black")
    labels = list(matrix.index)
    ax.set_xticks(range(n), labels=labels, rotation=45, ha="right", rotation_mode="anchor")
    ax.set_yticks(range(n), labels=labels)
    ax.set_xlabel("Actor")
    ax.set_ylabel("Actor")
    ax.set_title(title)
    ax.figure.colorbar(image, ax=ax, label=f"{unit.capitalize()}s shared", shrink=0.8)
    return ax


def compare_frame(data: "Mapping[str, pd.DataFrame] | pd.DataFrame", top: int = 10,
                  column: str = "mentions") -> "pd.DataFrame":
    """Actors x articles table of ``column`` for the actors most mentioned overall.

    ``data`` is ``{article name: actor_table}`` or a long DataFrame with columns ``article``,
    ``actor`` and ``column``.
    """
    import pandas as pd

    if isinstance(data, Mapping):
        parts = []
        for name, df in data.items():
            _require(df, ("actor", column), "plot_compare_actors")
            parts.append(df[["actor", column]].assign(article=name))
        long = pd.concat(parts, ignore_index=True) if parts else \
            pd.DataFrame(columns=["article", "actor", column])
        articles = list(data)
    else:
        _require(data, ("article", "actor", column), "plot_compare_actors")
        long = data
        articles = list(dict.fromkeys(data["article"]))
    wide = long.pivot_table(index="actor", columns="article", values=column, aggfunc="sum",
                            fill_value=0)
    wide = wide.reindex(columns=articles, fill_value=0)
    order = wide.sum(axis=1).sort_values(ascending=False, kind="stable").index[:top]
    return wide.loc[order]


def plot_compare_actors(data: "Mapping[str, pd.DataFrame] | pd.DataFrame", top: int = 10, *,
                        column: str = "mentions", ax: "Axes | None" = None) -> "Axes":
    """Grouped bars: the same actors' mentions in several articles, for the ``top`` actors
    by total mentions.

    >>> ax = plot_compare_actors({"BBC": bbc_actors, "RT": rt_actors})   # doctest: +SKIP
    """
    import numpy as np

    wide = compare_frame(data, top, column)
    title = "Actor mentions by article"
    n_actors, n_articles = wide.shape
    ax = _axes(ax, (min(11, max(6, 3 + 0.35 * n_actors * (1 + n_articles) / 2 * 1.5)), 4.5))
    if n_actors == 0 or n_articles == 0:
        return _empty(ax, title)
    width = 0.8 / n_articles
    xs = np.arange(n_actors)
    for k, article in enumerate(wide.columns):
        ax.bar(xs + (k - (n_articles - 1) / 2) * width, wide[article].to_numpy(), width,
               label=str(article))
    ax.set_xticks(xs, labels=list(wide.index), rotation=30, ha="right", rotation_mode="anchor")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("Actor")
    ax.set_ylabel("Mentions" if column == "mentions" else column.capitalize())
    ax.set_title(title)
    ax.legend(title="Article", fontsize="small")
    return ax


#: Colours of stance labels (green / grey / red, readable for most colour-blind readers).
STANCE_COLORS = {"support": "#009E73", "neutral": "#BBBBBB", "oppose": "#D55E00"}


def plot_stance_counts(counts: "pd.DataFrame", *, ax: "Axes | None" = None,
                       title: str = "Stance per actor") -> "Axes":
    """Stacked horizontal bars: statements per actor (rows) and label (columns).

    ``counts`` is a crosstab with actors as the index and ``support``/``neutral``/``oppose``
    columns (``StanceExplorer.counts()`` gives one).

    >>> import pandas as pd
    >>> c = pd.DataFrame({"support": [2, 0], "neutral": [0, 1], "oppose": [0, 1]},
    ...                  index=["Rasmussen", "Russia"])
    >>> ax = plot_stance_counts(c)
    >>> [round(p.get_width()) for p in ax.patches]
    [2, 0, 0, 1, 0, 1]
    """
    ax = _axes(ax, (6, 2.8))
    ax.set_title(title)
    if counts is None or counts.empty or counts.to_numpy().sum() == 0:
        ax.text(0.5, 0.5, "no statements for this choice", ha="center", va="center",
                transform=ax.transAxes, color=OTHER_COLOR)
        ax.set_xticks([])
        ax.set_yticks([])
        return ax
    left = [0] * len(counts)
    names = [str(a) for a in counts.index]
    for label in ("support", "neutral", "oppose"):
        values = counts[label].tolist() if label in counts else [0] * len(counts)
        ax.barh(names, values, left=left, color=STANCE_COLORS[label], label=label)
        left = [a + b for a, b in zip(left, values)]
    ax.invert_yaxis()
    ax.set_xlabel("statements")
    ax.set_ylabel("actor")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small", frameon=False)
    return ax
