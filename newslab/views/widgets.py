"""Interactive views (ipywidgets) over analysis tables: compare actors' stance on a target.

:class:`StanceExplorer` shows, for a chosen target, each chosen actor's statements as cards
side by side — coloured by label, the evidence words highlighted in the sentence — with a
toggle on each card so a student can relabel it, each card's relevance to the target, a slider
for the relevance cut-off, and a small chart of each actor's positions (the counts of
:func:`newslab.target.summary.summarize_positions`, what ``stance_summary`` gives). The
student's labels are available as a DataFrame (:attr:`StanceExplorer.labels`) to compare with
the tool's. All state changes go through plain methods (``set_target``, ``set_actors``,
``relabel``, ``set_cutoff``), so callbacks are unit-tested without a browser.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Callable, Sequence

from ..target import MIN_RELEVANCE, summarize_positions
from ..target import stance as on_target
from .plots import plot_stance_counts

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

LABELS = ("support", "neutral", "oppose")
#: Card colours per label (light, readable with dark text).
LABEL_COLOURS = {"support": "#d8f0d2", "neutral": "#ececec", "oppose": "#f8d4d4"}


def _statements_of(source) -> "pd.DataFrame":
    """Accept an Analysis, a corpus result with a statements table, or a DataFrame."""
    import pandas as pd

    if isinstance(source, pd.DataFrame):
        return source
    if hasattr(source, "statements"):
        return source.statements
    tables = getattr(source, "tables", None)
    if isinstance(tables, dict) and "statements" in tables:
        return tables["statements"]
    raise TypeError("StanceExplorer needs an Analysis, a corpus result or a statements DataFrame")


def highlight(text: str, phrase: str | None) -> str:
    """HTML-escape ``text`` and bold the first occurrence of ``phrase`` (case-insensitive).

    >>> highlight("Russia has objected to the plans", "objected")
    'Russia has <mark>objected</mark> to the plans'
    """
    if not phrase:
        return html.escape(text)
    i = text.lower().find(phrase.lower())
    if i < 0:
        return html.escape(text)
    j = i + len(phrase)
    return (html.escape(text[:i]) + "<mark>" + html.escape(text[i:j]) + "</mark>"
            + html.escape(text[j:]))


class StanceExplorer:
    """Pick a target and actors; see their statements side by side; relabel; compare.

    >>> import newslab                                               # doctest: +SKIP
    >>> a = newslab.analyze("data/articles/nato-seeks-afghan-help-from-russia.txt")  # doctest: +SKIP
    >>> ex = StanceExplorer(a, targets=["Russian help in Afghanistan"])  # doctest: +SKIP
    >>> ex                                                             # doctest: +SKIP
    """

    def __init__(self, source, targets: Sequence[str] | None = None, *,
                 actors: Sequence[str] | None = None, top: int = 6,
                 rank: Callable[..., "pd.DataFrame"] | None = None) -> None:
        import ipywidgets as W

        self.statements = _statements_of(source).reset_index(drop=True)
        #: the Analysis, when given: the default ranking then reads its Doc (anaphors, quotations)
        self._analysis = source if hasattr(source, "mentions") else None
        self._rank = rank
        holders = [h for h in self.statements.get("holder", []).dropna().unique()]
        self.targets = list(targets or []) + [h for h in holders if h not in (targets or [])]
        if not self.targets:
            self.targets = ["(all statements)"]
        self.all_actors = sorted(holders, key=lambda h: -int((self.statements.holder == h).sum()))
        chosen = list(actors) if actors else self.all_actors[:top]
        #: the student's labels: statement row index -> label
        self.relabels: dict[int, str] = {}

        from .checkboxes import CheckboxGroup

        self.target_box = W.Dropdown(options=self.targets, value=self.targets[0],
                                     layout=W.Layout(width="100%"))
        #: the whole target text (a drop-down cuts long ones)
        self.target_text = W.HTML()
        self.actor_box = CheckboxGroup(self.all_actors, value=tuple(chosen))
        #: card widgets by statement row, so a relabel redraws its own card
        self._card_bodies: dict[int, object] = {}
        self._card_rows: dict[int, object] = {}
        self.cards = W.HBox(layout=W.Layout(flex_flow="row wrap", align_items="flex-start",
                                            overflow="auto", max_height="640px",
                                            width="62%"))
        #: the relevance cut-off: statements less about the target are hidden
        self.cutoff = W.FloatSlider(value=MIN_RELEVANCE, min=0.0, max=1.0, step=0.05,
                                    description="Relevance ≥", readout_format=".2f",
                                    continuous_update=False)
        self.chart = W.Output()
        self.target_box.observe(lambda ch: self.set_target(ch["new"]), names="value")
        self.actor_box.observe(lambda ch: self.set_actors(ch["new"]), names="value")
        self.cutoff.observe(lambda ch: self.set_cutoff(ch["new"]), names="value")
        # fits 1280x800: choices and chart on the left, the cards (scrolling) on the right
        controls = W.VBox([W.HTML("<b>Target</b> — what the statements are about"),
                           self.target_box, self.target_text,
                           W.HTML("<b>Actors</b> — tick the ones to compare"), self.actor_box,
                           self.cutoff, self.chart],
                          layout=W.Layout(width="37%", margin="0 1% 0 0"))
        self.view = W.HBox([controls, self.cards], layout=W.Layout(width="100%",
                                                                   align_items="flex-start"))
        # stable hooks for the browser tests (tests/browser) and for custom CSS
        self.view.add_class("newslab-stance-explorer")
        self.target_box.add_class("newslab-target")
        self.actor_box.add_class("newslab-actors")
        self.cutoff.add_class("newslab-cutoff")
        self.cards.add_class("newslab-cards")
        self.chart.add_class("newslab-chart")
        self.refresh()

    # -- state changes (what the widgets call; tests call them directly) --------------------
    def set_target(self, target: str) -> None:
        """Show statements about ``target``."""
        if self.target_box.value != target:
            self.target_box.value = target  # fires the observer, which comes back here
            return
        self.refresh()

    def set_actors(self, actors: Sequence[str]) -> None:
        """Show only these actors' columns."""
        actors = tuple(a for a in actors if a in self.all_actors)
        if tuple(self.actor_box.value) != actors:
            self.actor_box.value = actors
            return
        self.refresh()

    def set_cutoff(self, value: float) -> None:
        """Show only statements with ``relevance >= value`` (0-1)."""
        value = min(1.0, max(0.0, float(value)))
        if self.cutoff.value != value:
            self.cutoff.value = value  # fires the observer, which comes back here
            return
        self.refresh()

    def relabel(self, row: int, label: str) -> None:
        """Record the student's label for statement ``row`` (index in ``self.statements``)."""
        if label not in LABELS:
            raise ValueError(f"label must be one of {LABELS}, not {label!r}")
        self.relabels[row] = label
        body = self._card_bodies.get(row)
        if body is not None:  # the card shows the new label and colour at once
            body.value = self._card_html(row, self._card_rows[row])
        self._draw_chart()

    # -- derived tables ---------------------------------------------------------------------
    def current(self) -> "pd.DataFrame":
        """The statements shown now: about the target, by the chosen actors, ranked."""
        target = self.target_box.value
        df = self.statements
        if target != "(all statements)":
            df = self._ranked(df, target)
        df = df[df.holder.isin(self.actor_box.value)]
        return df

    def _ranked(self, df: "pd.DataFrame", target: str) -> "pd.DataFrame":
        """``df`` about ``target``, most relevant first, above the cut-off: the target stance
        (:func:`newslab.target.stance`, reading the Analysis when given) or the custom ``rank``."""
        rows = df.assign(_row=df.index)  # carried through, so a relabel stays on its statement
        if self._rank is None:
            ranked = on_target(rows, target, min_relevance=self.cutoff.value,
                               analysis=self._analysis)
        else:
            ranked = self._rank(rows, target)
        if "_row" in ranked.columns:
            ranked = ranked.set_index("_row").rename_axis(None)
        return ranked

    @property
    def labels(self) -> "pd.DataFrame":
        """Every statement with the tool's label and the student's (``student_label``)."""
        df = self.statements.copy()
        df["student_label"] = [self.relabels.get(i, lab) for i, lab in zip(df.index, df.label)]
        df["changed"] = df.student_label != df.label
        return df

    # -- drawing ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Redraw cards and chart for the current target and actors."""
        import ipywidgets as W

        cur = self.current()
        target = self.target_box.value
        self.target_text.value = (f"<div style='line-height:1.3;margin:0.2em 0 0.6em'>"
                                  f"Statements about: <i>{html.escape(str(target))}</i></div>")
        self._card_bodies, self._card_rows = {}, {}
        columns = []
        for actor in self.actor_box.value:
            rows = cur[cur.holder == actor]
            items = [W.HTML(f"<b>{html.escape(str(actor))}</b> "
                            f"<span style='color:#777'>({len(rows)})</span>")]
            for idx, row in rows.iterrows():
                items.append(self._card(idx, row))
            if len(rows) == 0:
                items.append(W.HTML("<i style='color:#999'>no statement on this target</i>"))
            columns.append(W.VBox(items, layout=W.Layout(width="17em", margin="0 0.6em 0 0")))
        self.cards.children = columns
        self._draw_chart()

    def _card(self, idx: int, row) -> "object":
        import ipywidgets as W

        label = self.relabels.get(idx, row["label"])
        body = W.HTML(self._card_html(idx, row))
        body.add_class("newslab-card")
        self._card_bodies[idx] = body
        self._card_rows[idx] = row  # the row as shown (position on the target, relevance)
        toggle = W.ToggleButtons(options=LABELS, value=label if label in LABELS else "neutral",
                                 style={"button_width": "auto"})
        toggle.observe(lambda ch, i=idx: self.relabel(i, ch["new"]), names="value")
        return W.VBox([body, toggle], layout=W.Layout(margin="0 0 0.5em 0"))

    def _card_html(self, idx: int, row) -> str:
        """One statement card, coloured by the label in force (the student's, if given)."""
        tool = str(row["label"])
        label = self.relabels.get(idx, tool)
        colour = LABEL_COLOURS.get(label, "#fff")
        hedge = " · hedged" if bool(row.get("hedged", False)) else ""
        rel = row.get("relevance")
        relevance = f" · relevance {float(rel):.2f}" if rel is not None and rel == rel else ""
        shown = (f"<b>{html.escape(label)}</b> (your label; the tool said {html.escape(tool)})"
                 if label != tool else f"<b>{html.escape(tool)}</b>")
        return (f"<div data-label='{html.escape(label)}' style='background:{colour};"
                "padding:0.4em;border-radius:4px;line-height:1.35'>"
                f"<div>{highlight(str(row.get('statement', '')), str(row.get('cue') or ''))}</div>"
                f"<div style='font-size:0.85em;color:#333'>{shown}{hedge}{relevance} — "
                f"{html.escape(str(row.get('evidence', '')))}</div></div>")

    def counts(self) -> "pd.DataFrame":
        """Statements per actor and label (student's labels where given) for the current view,
        from :func:`newslab.target.summary.summarize_positions` (what ``stance_summary`` gives)."""
        import pandas as pd

        cur = self.current()
        if "relevance" not in cur.columns:
            cur = cur.assign(relevance=1.0)
        summary = summarize_positions(cur, labels=self.relabels)
        table = summary.set_index("holder")[list(LABELS)] if len(summary) else \
            pd.DataFrame(columns=list(LABELS))
        return table.reindex(list(self.actor_box.value), fill_value=0).astype(int)

    def _draw_chart(self) -> None:
        import matplotlib.pyplot as plt
        from IPython.display import display


        counts = self.counts()
        #: what the chart shows now (tests compare it; the browser test checks the pixels)
        self.chart_data = counts
        self.chart.clear_output(wait=True)
        with self.chart:
            fig, ax = plt.subplots(figsize=(4.4, 2.2 + 0.22 * len(counts)))
            plot_stance_counts(counts, ax=ax, title="Statements per actor")
            fig.tight_layout()
            display(fig)
            plt.close(fig)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.view)


class ActorExplorer:
    """Pick an actor; see every mention of it (alias, sentence) and where it appears.

    >>> ex = ActorExplorer(newslab.analyze(path))   # doctest: +SKIP
    >>> ex.set_actor("Russia")                      # doctest: +SKIP
    """

    def __init__(self, analysis, *, top: int = 10) -> None:
        import ipywidgets as W

        self.analysis = analysis
        self.actors = list(analysis.actors.actor.head(top))
        self.actor_box = W.Dropdown(options=self.actors, value=self.actors[0] if self.actors else None,
                                    description="Actor:")
        self.table = W.HTML()
        self.chart = W.Output()
        self.actor_box.observe(lambda ch: self.set_actor(ch["new"]), names="value")
        self.view = W.VBox([self.actor_box, self.chart, self.table])
        # stable hooks for the browser tests (tests/browser) and for custom CSS
        self.view.add_class("newslab-actor-explorer")
        self.actor_box.add_class("newslab-actor")
        self.table.add_class("newslab-table")
        self.chart.add_class("newslab-chart")
        self.refresh()

    def set_actor(self, actor: str) -> None:
        """Show ``actor``'s mentions."""
        if self.actor_box.value != actor:
            self.actor_box.value = actor
            return
        self.refresh()

    def mentions(self) -> "pd.DataFrame":
        """The chosen actor's mentions (all kinds: names, metonyms, pronouns, role nouns)."""
        df = self.analysis.mention_frame
        return df[df.actor == self.actor_box.value]

    def alias_counts(self) -> "pd.Series":
        """Mentions per alias of the chosen actor, case-folded ("He" and "he" are one alias,
        shown in its most frequent spelling), most frequent first."""
        texts = self.mentions().text
        folded = texts.str.casefold()
        shown = {f: texts[folded == f].value_counts().index[0] for f in folded.unique()}
        counts = folded.value_counts(sort=False).rename(index=shown)
        return counts.sort_values(ascending=False, kind="stable").rename("mentions")

    def mention_rows(self) -> "pd.DataFrame":
        """The chosen actor's mentions with their sentence, the mention in bold (HTML).

        Columns: ``mention``, ``kind``, ``paragraph``, ``sentence`` (HTML, escaped).
        """
        from ..nlp.offsets import to_source

        doc, text = self.analysis.doc, self.analysis.article.text
        sents = list(doc.sents)
        rows = self.mentions()
        contexts = []
        for m in rows.itertuples():
            i = m.sentence
            if i is None or i != i or not 0 <= int(i) < len(sents):
                contexts.append(html.escape(str(m.text)))
                continue
            s = to_source(doc, sents[int(i)].start_char)
            e = to_source(doc, sents[int(i)].end_char)
            contexts.append(" ".join((html.escape(text[s:m.start]) + "<b>"
                                      + html.escape(text[m.start:m.end]) + "</b>"
                                      + html.escape(text[m.end:e])).split()))
        return rows.assign(mention=rows.text, sentence=contexts)[
            ["mention", "kind", "paragraph", "sentence"]]

    def refresh(self) -> None:
        """Redraw the mention table (each mention in its sentence) and the alias chart."""
        import matplotlib.pyplot as plt
        from IPython.display import display

        from .table_view import table_html

        self.chart_data = self.alias_counts()
        self.table.value = table_html(self.mention_rows(), raw=("sentence",))
        self.chart.clear_output(wait=True)
        with self.chart:
            counts = self.chart_data
            fig, ax = plt.subplots(figsize=(6, 0.9 + 0.32 * max(len(counts), 2)))
            ax.barh(counts.index[::-1], counts.values[::-1], color="#0072B2")
            ax.set_title(f"How the article names {self.actor_box.value}")
            ax.set_xlabel("Mentions")
            ax.xaxis.get_major_locator().set_params(integer=True)
            fig.tight_layout()
            display(fig)
            plt.close(fig)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.view)
