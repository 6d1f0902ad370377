"""Analyse your own article without writing code: paste text or HTML, or upload a file.

:class:`ArticleApp` is the whole page of ``notebooks/00_try_your_article.ipynb`` (made to run in
Voila): a text area and a file upload, an *Analyse* button, then the highlighted article with
the quote list (:class:`newslab.views.quote_list.QuoteList`), the actors (table and chart) and a link
that downloads the one-page report (:func:`newslab.views.report.report_html`) — the link carries the
page itself (a ``data:`` URL), so nothing is stored on the server. Bad input (empty, binary,
too long) is said in one line, never as a traceback. :meth:`ArticleApp.analyse_text` and
:meth:`ArticleApp.analyse_upload` are what the widgets call; tests call them directly.
"""

from __future__ import annotations

import base64
import html
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis

#: How many actors the chart and table show.
TOP_ACTORS = 10


def report_link(page: str, filename: str = "newslab-report.html") -> str:
    """An ``<a download>`` link carrying ``page`` as a ``data:`` URL (no server round trip).

    >>> report_link("<html></html>", "r.html")[:60]
    '<a class="newslab-report-link" download="r.html" href="data:'
    """
    data = base64.b64encode(page.encode("utf-8")).decode("ascii")
    return (f'<a class="newslab-report-link" download="{html.escape(filename)}" '
            f'href="data:text/html;charset=utf-8;base64,{data}" '
            'style="display:inline-block;font-weight:bold;background:#0B5394;color:#fff;'
            'padding:0.35em 0.9em;border-radius:4px;text-decoration:none">'
            '⬇ Download the report (one HTML page, opens offline)</a>')


def _slug(text: str | None) -> str:
    words = re.findall(r"[a-z0-9]+", (text or "article").lower())[:8]
    return "-".join(words) or "article"


class ArticleApp:
    """Paste or upload an article; see what newslab finds; download the report.

    >>> app = ArticleApp()                              # doctest: +SKIP
    >>> app.analyse_text("Nato seeks help\\n\\nRasmussen said Russia could help.")  # doctest: +SKIP
    """

    def __init__(self) -> None:
        import ipywidgets as W

        self.text = W.Textarea(placeholder="Paste the article here: its text, or the page's "
                               "HTML source", layout=W.Layout(width="100%", height="11em"))
        self.upload = W.FileUpload(accept=".txt,.html,.htm", multiple=False,
                                   description="Upload a file")
        self.button = W.Button(description="Analyse", button_style="primary",
                               icon="search")
        self.status = W.HTML()
        self.results = W.VBox()
        self.button.on_click(lambda _b: self.analyse_text(self.text.value))
        self.upload.observe(lambda ch: self.analyse_upload(ch["new"]), names="value")
        self.view = W.VBox([
            W.HTML("<b>1.</b> Paste the article (text or HTML) <i>or</i> upload a .txt / .html "
                   "file. <b>2.</b> Press <i>Analyse</i>."),
            self.text, W.HBox([self.button, self.upload]), self.status, self.results])
        # stable hooks for the browser tests (tests/browser) and for custom CSS
        self.view.add_class("newslab-article-app")
        self.text.add_class("newslab-paste")
        self.button.add_class("newslab-analyse")
        self.status.add_class("newslab-status")
        self.results.add_class("newslab-results")
        #: the last analysis shown (None before the first)
        self.analysis: "Analysis | None" = None

    # -- what the widgets call --------------------------------------------------------------
    def analyse_text(self, text: str) -> None:
        """Analyse pasted text or HTML (the format is guessed from the content)."""
        from ..parse.load import sniff_format

        if not text or not text.strip():
            self._say("Paste an article into the box first (or upload a file).", error=True)
            return
        self._run(lambda: self._parse(text, sniff_format(text)), "the pasted text")

    def analyse_upload(self, files) -> None:
        """Analyse an uploaded file: ``files`` is the FileUpload value (name, content)."""
        from ..parse.load import decode_bytes, sniff_format

        if not files:
            return
        item = files[0]
        name, data = item["name"], bytes(item["content"])
        is_html = name.lower().endswith((".html", ".htm"))
        self._run(lambda: self._parse(decode_bytes(data, where=name, html=is_html),
                                      "html" if is_html else None, sniff_format), name)

    # -- the work -----------------------------------------------------------------------------
    @staticmethod
    def _parse(text: str, format: str | None, sniff=None):
        from ..parse import parse_html, parse_text

        if format is None:
            format = sniff(text)
        return parse_html(text) if format == "html" else parse_text(text)

    def _run(self, parse, what: str) -> None:
        from ..analysis import Analysis
        from ..errors import NewslabError

        self._say(f"Analysing {html.escape(what)}…")
        try:
            article = parse()
            analysis = Analysis(article)
            analysis.quotes  # compute now, so an error is reported here, not half-drawn
        except NewslabError as err:
            self._say(f"Could not analyse {html.escape(what)}: {html.escape(str(err))}",
                      error=True)
            return
        self.analysis = analysis
        self._show(analysis)
        self._say(f"Analysed {html.escape(what)}: {len(analysis.actors)} actors, "
                  f"{len(analysis.quotes)} quotes.")

    def _say(self, message: str, *, error: bool = False) -> None:
        colour = "#B00020" if error else "#333"
        self.status.value = f"<div style='color:{colour};margin:0.4em 0'>{message}</div>"

    def _show(self, analysis: "Analysis") -> None:
        import ipywidgets as W

        from .quote_list import QuoteList
        from .report import report_html
        from .table_view import table_html

        page = report_html(analysis)
        link = W.HTML(report_link(page, f"newslab-{_slug(analysis.article.headline)}.html"))
        chart = W.Output()
        with chart:
            self._actor_chart(analysis)
        actors = W.HTML(table_html(analysis.actors.head(TOP_ACTORS),
                                   ["actor", "type", "mentions", "aliases"]))
        actors.add_class("newslab-actors-table")
        self.results.children = [
            link, W.HTML("<h3>The article, and who said what</h3>"), QuoteList(analysis).view,
            W.HTML("<h3>Actors</h3>"), W.HBox([chart, actors])]

    @staticmethod
    def _actor_chart(analysis: "Analysis") -> None:
        import matplotlib.pyplot as plt
        from IPython.display import display

        from .plots import plot_actor_counts

        n = min(TOP_ACTORS, len(analysis.actors))
        fig, ax = plt.subplots(figsize=(5.5, 0.35 * max(n, 3) + 1.2))
        plot_actor_counts(analysis.actors, top=TOP_ACTORS, ax=ax)
        fig.tight_layout()
        display(fig)
        plt.close(fig)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.view)
