"""One article's analysis as one self-contained HTML page, to send or open offline.

:func:`report_html` builds the page; :func:`write_report` (``Analysis.to_html``, ``newslab
report FILE --output OUT.html``) writes it. The page loads nothing: CSS is inline, charts are
inline SVG, there are no scripts, fonts or images from elsewhere (the article's own URL is shown
as text, not fetched). It holds, in order: the article highlighted (its structure — headline,
sub-heads, captions — tagged), the cleaned text and its blocks, the actors (table and chart),
the quotes with speakers, and the stance summary (statements per holder and label).
"""

from __future__ import annotations

import html
import io
import os
from datetime import datetime, timezone
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..analysis import Analysis

#: Columns of the report's actor table (the quote list has its own: newslab.views.quote_list).
ACTOR_COLUMNS = ["actor", "type", "mentions", "prominence", "aliases"]
STANCE_LABELS = ("support", "neutral", "oppose")

_PAGE_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#111;
     background:#fafafa}
main{max-width:62em;margin:0 auto;padding:1.2em 1.5em 3em;background:#fff}
h1{font-size:1.6em;margin:0.2em 0}
h2{font-size:1.25em;border-bottom:2px solid #ddd;padding-bottom:0.2em;margin-top:1.8em}
nav a{margin-right:1em}
.meta{color:#444;font-size:0.9em}
.chart svg{max-width:100%;height:auto}
details{margin:0.6em 0} summary{cursor:pointer;color:#0b5394}
pre.cleaned{white-space:pre-wrap;font-family:Georgia,serif;background:#f4f4f4;padding:0.8em}
"""


def stance_by_holder(statements: "pd.DataFrame") -> "pd.DataFrame":
    """Statements per holder and label.

    Input: a statements table (``Analysis.statements`` or ``newslab.stance(...)`` rows) with
    ``holder``, ``label`` and optionally ``hedged``. Output: one row per holder, columns
    ``holder``, ``statements`` (int), ``support``/``neutral``/``oppose`` (int), ``hedged``
    (int), most statements first.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"holder": ["Nato", "Nato", "Russia"],
    ...                    "label": ["support", "neutral", "oppose"], "hedged": [True, False, False]})
    >>> stance_by_holder(df).values.tolist()
    [['Nato', 2, 1, 1, 0, 1], ['Russia', 1, 0, 0, 1, 0]]
    """
    import pandas as pd

    columns = ["holder", "statements", *STANCE_LABELS, "hedged"]
    if statements is None or statements.empty or "holder" not in statements:
        return pd.DataFrame(columns=columns)
    df = statements.dropna(subset=["holder"])
    counts = pd.crosstab(df["holder"], df["label"]).reindex(columns=list(STANCE_LABELS),
                                                            fill_value=0)
    counts["statements"] = counts.sum(axis=1)
    hedged = df.get("hedged")
    counts["hedged"] = (df.assign(h=hedged.fillna(False).astype(bool)).groupby("holder")["h"]
                        .sum().astype(int) if hedged is not None else 0)
    out = counts.reset_index().rename(columns={"index": "holder"})[columns]
    return out.sort_values(["statements", "holder"], ascending=[False, True],
                           kind="stable").reset_index(drop=True)


def figure_svg(fig) -> str:
    """A matplotlib figure as an inline ``<svg>`` element (text drawn as paths: no fonts)."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    svg = buf.getvalue()
    return svg[svg.index("<svg"):]


def _chart(draw, size: tuple[float, float]) -> str:
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, layout="constrained")
    draw(fig.add_subplot())
    return f'<div class="chart">{figure_svg(fig)}</div>'


def _section(anchor: str, title: str, body: str) -> str:
    return f'<section id="{anchor}"><h2>{html.escape(title)}</h2>\n{body}\n</section>'


def _article_parts(analysis: "Analysis") -> str:
    from .display import render_analysis
    from .table_view import table_html

    art = analysis.article
    blocks = art.to_frame()
    blocks["text"] = [t if len(t) <= 90 else t[:89].rsplit(" ", 1)[0] + " …"
                      for t in blocks["text"]]
    return (render_analysis(analysis)
            + "<details><summary>The cleaned text</summary>"
            f'<pre class="cleaned">{html.escape(art.body)}</pre></details>'
            + "<details><summary>Its blocks (kind, section, character offsets)</summary>"
            + table_html(blocks, ["kind", "section", "start", "end", "text"]) + "</details>")


def _actors_part(analysis: "Analysis", top: int) -> str:
    from .plots import plot_actor_counts
    from .table_view import table_html

    actors = analysis.actors
    if actors.empty:
        return "<p>No actors found.</p>"
    chart = _chart(lambda ax: plot_actor_counts(actors, top=top, ax=ax),
                   (7, 0.4 * min(top, len(actors)) + 1.4))
    return chart + table_html(actors, ACTOR_COLUMNS)


def _quotes_part(analysis: "Analysis") -> str:
    from .quote_list import quote_list

    quotes = analysis.quotes
    if quotes.empty:
        return "<p>No quotes found.</p>"
    return (f"<p>{len(quotes)} quotes: who said what, the cue that introduces it and the rule "
            "that found it. <i>reported</i> = indirect speech.</p>"
            + quote_list(quotes)._repr_html_())


def _stance_part(analysis: "Analysis", target: str | None) -> str:
    from .plots import plot_stance_counts
    from .table_view import table_html

    if target:
        from ..analysis import stance

        rows = stance(analysis, target)
        intro = f"Statements about <b>{html.escape(target)}</b>, per holder and label."
    else:
        rows = analysis.statements
        intro = ("Every statement (quote or attitude phrase) per holder and label, whatever it "
                 "is about. Pass a target (<code>--target</code>) for one topic.")
    table = stance_by_holder(rows)
    if table.empty:
        return f"<p>{intro}</p><p>No statements found.</p>"
    counts = table.set_index("holder")[list(STANCE_LABELS)].head(10)
    chart = _chart(lambda ax: plot_stance_counts(counts, ax=ax, title="Statements per holder"),
                   (7, 0.4 * len(counts) + 1.4))
    return f"<p>{intro}</p>" + chart + table_html(table)


def report_html(analysis: "Analysis", *, title: str | None = None, target: str | None = None,
                top: int = 10) -> str:
    """The report page as one HTML string (UTF-8, no external resources, no scripts).

    Input: an :class:`~newslab.analysis.Analysis`; ``target``: a phrase for the stance section
    (default: every statement); ``top``: actors in the chart. Output: a complete HTML document.

    >>> page = report_html(newslab.analyze("data/articles/nato-seeks-afghan-help-from-russia.txt"))  # doctest: +SKIP
    >>> "<script" in page  # doctest: +SKIP
    False
    """
    from ..version import __version__

    art = analysis.article
    heading = title or art.headline or "Article"
    facts = [f"{k}: {html.escape(str(v))}" for k, v in
             (("Source", art.path or art.url), ("Date", art.date), ("Byline", art.byline))
             if v]
    facts.append(f"{len(art.body.split()):,} words, {len(art.paragraphs)} paragraphs")
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    parts = [("article", "The article", _article_parts(analysis)),
             ("actors", "Actors", _actors_part(analysis, top)),
             ("quotes", "Who said what", _quotes_part(analysis)),
             ("stance", "Stance summary", _stance_part(analysis, target))]
    nav = " ".join(f'<a href="#{a}">{html.escape(t)}</a>' for a, t, _ in parts)
    body = "\n".join(_section(*p) for p in parts)
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(heading)} — newslab report</title>"
            f"<style>{_PAGE_CSS}</style></head>\n<body><main>"
            f"<p class=\"meta\">newslab report</p><h1>{html.escape(heading)}</h1>"
            f'<p class="meta">{" · ".join(facts)}</p><nav>{nav}</nav>\n{body}\n'
            f'<p class="meta" style="margin-top:2em">Made by newslab {__version__} on {stamp}. '
            "Machine analysis: check the marks against the text before you rely on them.</p>"
            "</main></body></html>\n")


def write_report(analysis: "Analysis", path: "str | os.PathLike | None" = None, *,
                 title: str | None = None, target: str | None = None) -> str:
    """Build :func:`report_html` and write it to ``path`` (UTF-8) when given; return the HTML.

    Raises ``OSError`` when ``path`` cannot be written.
    """
    page = report_html(analysis, title=title, target=target)
    if path is not None:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(page)
    return page
