"""Who said what: the quote list, as a table and as a widget that points into the article.

:func:`quote_list` is the table a reader scans (speaker, actor, kind, cue, the quote, the rule
that found it); :class:`QuoteList` is the same list as an ipywidgets view: choosing a quote
highlights it in the article (:func:`newslab.views.display.render_analysis` with ``focus``) and shows
its fields and its paragraph right under the list. State changes go through :meth:`QuoteList.choose`,
so the callback is tested without a browser.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..analysis import Analysis

#: The columns of the quote list, in reading order (``Analysis.quotes`` has more).
QUOTE_COLUMNS = ["paragraph", "speaker", "actor", "kind", "cue", "quote", "rule"]
#: What each ``kind`` is called for readers (``indirect`` is reported speech).
KIND_NAMES = {"direct": "direct", "mixed": "mixed", "indirect": "reported"}


def quote_list(quotes: "pd.DataFrame"):
    """The quotes as a display-ready table (:func:`newslab.views.table_view.show_table`).

    Input: ``Analysis.quotes`` (or a corpus ``quotes`` table). Output: a
    :class:`newslab.views.table_view.Table` with :data:`QUOTE_COLUMNS`, ``kind`` named as in
    :data:`KIND_NAMES`, missing speakers shown as "–".

    >>> import pandas as pd
    >>> q = pd.DataFrame({"paragraph": [4], "speaker": ["Rasmussen"], "actor": ["Rasmussen"],
    ...                   "kind": ["indirect"], "cue": ["said"], "quote": ["Russia could help"],
    ...                   "rule": ["reported speech"]})
    >>> quote_list(q).frame.kind.tolist()
    ['reported']
    """
    from .table_view import show_table

    shown = quotes.assign(kind=quotes["kind"].map(lambda k: KIND_NAMES.get(k, k)))
    return show_table(shown, QUOTE_COLUMNS)


def option_label(row, width: int = 70) -> str:
    """One line naming a quote in the list: paragraph, speaker, kind and its first words.

    >>> option_label({"paragraph": 4, "actor": "Rasmussen", "kind": "direct",
    ...               "quote": "I would very much like to discuss how we can further"}, width=20)
    '¶4 Rasmussen (direct): I would very much…'
    """
    from .display import quote_speaker
    from .table_view import cell_text

    para = cell_text(row.get("paragraph"), missing="?")
    kind = KIND_NAMES.get(row.get("kind"), row.get("kind"))
    words = cell_text(row.get("quote"))
    if len(words) > width:  # cut between words, never inside one
        words = words[:width].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return f"¶{para} {quote_speaker(row)} ({kind}): {words}"


class QuoteList:
    """Every quote in a list; choose one to see it highlighted in the article.

    >>> ql = QuoteList(newslab.analyze(path))   # doctest: +SKIP
    >>> ql.choose(2)                            # doctest: +SKIP
    """

    def __init__(self, analysis: "Analysis", *, top: int = 8, chips: bool = True) -> None:
        import ipywidgets as W

        self.analysis, self.top, self.chips = analysis, top, chips
        self.quotes = analysis.quotes.reset_index(drop=True)
        labels = [option_label(row, width=100) for _, row in self.quotes.iterrows()]
        self.select = W.Select(options=list(zip(labels, range(len(labels)))), value=None,
                               rows=min(10, max(3, len(labels))),
                               layout=W.Layout(width="100%"))
        self.detail = W.HTML(layout=W.Layout(width="100%"))
        self.article = W.HTML()
        self.select.observe(lambda ch: self.choose(ch["new"]), names="value")
        head = W.HTML("<b>Quotes</b> — choose one to highlight it in the article below"
                      if labels else "<i>No quotes found in this article.</i>")
        # the list, the chosen quote's fields and paragraph under it, then the whole article
        self.view = W.VBox([head, self.select, self.detail, self.article])
        # stable hooks for the browser tests (tests/browser) and for custom CSS
        self.view.add_class("newslab-quote-list")
        self.select.add_class("newslab-quote-select")
        self.detail.add_class("newslab-quote-detail")
        self.article.add_class("newslab-article")
        #: the row of ``self.quotes`` shown now (None: none chosen)
        self.chosen: int | None = None
        self._draw()

    def choose(self, row: int | None) -> None:
        """Highlight quote ``row`` (a row number of ``self.quotes``; None: none)."""
        if row is not None and not 0 <= row < len(self.quotes):
            raise IndexError(f"no quote {row}: this article has {len(self.quotes)} quotes")
        if self.select.value != row:
            self.select.value = row  # fires the observer, which comes back here
            return
        self.chosen = row
        self._draw()

    def _draw(self) -> None:
        from .display import render_analysis

        self.article.value = render_analysis(self.analysis, self.top, chips=self.chips,
                                             focus=self.chosen)
        self.detail.value = self._detail_html()

    def _detail_html(self) -> str:
        from .display import quote_speaker, render_analysis
        from .table_view import cell_text

        if self.chosen is None:
            return "<i style='color:#666'>No quote chosen.</i>"
        row = self.quotes.iloc[self.chosen]
        fields = [("speaker", cell_text(row.get("speaker"))),
                  ("actor", quote_speaker(row) if cell_text(row.get("actor")) != "–" else "–"),
                  ("kind", KIND_NAMES.get(row.get("kind"), row.get("kind"))),
                  ("cue", cell_text(row.get("cue"))), ("rule", cell_text(row.get("rule")))]
        table = "".join(f"<tr><th style='text-align:left;padding-right:0.6em'>{k}</th>"
                        f"<td style='text-align:left'>{html.escape(str(v))}</td></tr>"
                        for k, v in fields)
        context = render_analysis(self.analysis, self.top, chips=self.chips, focus=self.chosen,
                                  legend=False, within=(int(row["start"]), int(row["end"])))
        return ("<div style='border:1px solid #ddd;border-radius:4px;padding:0.3em 0.8em;"
                "margin:0.4em 0;background:#fcfcfc'>"
                f"<table class='newslab-quote-fields'>{table}</table>"
                f"<div style='font-size:0.9em'>{context}</div></div>")

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.view)
