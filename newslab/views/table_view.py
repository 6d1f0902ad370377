"""Tables made ready to read: one helper for notebooks, the HTML report and the terminal.

newslab's tables hold lists (``aliases``), dicts (``kinds``) and pandas' several missing values
(``None``, ``NaN``, ``<NA>``). Shown raw, a notebook cuts them mid-word and right-aligns text.
:func:`show_table` joins lists, writes every missing value the same way (:data:`MISSING`),
keeps text whole and left-aligned; :func:`cell_text` is the one cell formatter behind it.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from ..missing import is_missing

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: How a missing value is shown, everywhere (None, NaN, pandas.NA, NaT alike).
MISSING = "–"
#: CSS of every table cell: text starts at the left and wraps at word boundaries, never cut.
CELL_CSS = "text-align:left;vertical-align:top;white-space:normal;padding:0.2em 0.6em"


def cell_text(value: Any, *, missing: str = MISSING, width: int | None = None) -> str:
    """One cell as plain text: lists joined with ", ", dicts as "key count", missing as
    ``missing``, runs of white space as one space; cut at ``width`` characters with "…" only
    when ``width`` is given.

    >>> cell_text(["Moscow", "the Kremlin"])
    'Moscow, the Kremlin'
    >>> cell_text({"name": 9, "pronoun": 2})
    'name 9, pronoun 2'
    >>> cell_text(None), cell_text(float("nan"))
    ('–', '–')
    """
    if hasattr(value, "tolist") and not isinstance(value, str):  # numpy arrays from Parquet
        value = value.tolist()
    if isinstance(value, (list, tuple, set)):
        value = ", ".join(cell_text(v, missing=missing) for v in value)
    elif isinstance(value, dict):
        value = ", ".join(f"{k} {cell_text(v, missing=missing)}" for k, v in value.items())
    elif is_missing(value):
        return missing
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    if width is not None and len(text) > width:
        text = text[: width - 1].rstrip() + "…"
    return text


def display_frame(df: "pd.DataFrame", columns: Sequence[str] | None = None, *,
                  rename: Mapping[str, str] | None = None) -> "pd.DataFrame":
    """``df`` (optionally only ``columns``, renamed by ``rename``) with every cell as text
    (:func:`cell_text`); the index is reset. Used by :func:`show_table` and the report.

    >>> import pandas as pd
    >>> display_frame(pd.DataFrame({"actor": ["Nato", None], "aliases": [["NATO"], []]})
    ...               ).values.tolist()
    [['Nato', 'NATO'], ['–', '']]
    """
    if columns is not None:
        df = df[[c for c in columns if c in df.columns]]
    out = df.reset_index(drop=True).copy()
    for col in out.columns:
        out[col] = [cell_text(v) for v in out[col]]
    return out.rename(columns=dict(rename or {}))


def table_html(df: "pd.DataFrame", columns: Sequence[str] | None = None, *,
               rename: Mapping[str, str] | None = None, numeric_right: bool = True,
               raw: Sequence[str] = ()) -> str:
    """A self-contained HTML ``<table>`` (inline styles only, so it survives any sanitiser and
    the standalone report): header row, text left-aligned and whole, numbers right-aligned.
    Cells of the ``raw`` columns are HTML already (escaped by the caller) and kept as they are.

    >>> import pandas as pd
    >>> "<td" in table_html(pd.DataFrame({"a": ["x"]}))
    True
    """
    import pandas as pd

    shown = display_frame(df, columns, rename=rename)
    source = df[[c for c in columns if c in df.columns]] if columns is not None else df
    numeric = [numeric_right and pd.api.types.is_numeric_dtype(source[c])
               and not pd.api.types.is_bool_dtype(source[c]) for c in source.columns]
    head = "".join(f'<th style="{CELL_CSS};border-bottom:1px solid #888">{html.escape(str(c))}'
                   "</th>" for c in shown.columns)
    keep = [c in raw for c in source.columns]
    rows = []
    for values in shown.itertuples(index=False):
        cells = "".join(
            f'<td style="{CELL_CSS}{";text-align:right" if num else ""}">'
            f"{v if is_raw else html.escape(v)}</td>"
            for v, num, is_raw in zip(values, numeric, keep))
        rows.append(f'<tr style="border-bottom:1px solid #eee">{cells}</tr>')
    return ('<table class="newslab-table" style="border-collapse:collapse;font-size:0.9em">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


class Table:
    """A table shown by Jupyter as :func:`table_html`; ``.frame`` holds the text cells."""

    def __init__(self, df: "pd.DataFrame", columns: Sequence[str] | None = None, *,
                 rename: Mapping[str, str] | None = None) -> None:
        self._source, self._columns, self._rename = df, columns, rename
        self.frame = display_frame(df, columns, rename=rename)

    def _repr_html_(self) -> str:
        return table_html(self._source, self._columns, rename=self._rename)

    def __repr__(self) -> str:
        return self.frame.to_string(index=False)


def show_table(df: "pd.DataFrame", columns: Sequence[str] | None = None, *,
               rename: Mapping[str, str] | None = None) -> Table:
    """``df`` ready to read in a notebook: lists joined, text left-aligned and whole, every
    missing value shown as :data:`MISSING`, no index column.

    Input: any DataFrame (e.g. ``Analysis.actors``, ``.quotes``); ``columns`` picks and orders
    columns, ``rename`` relabels them. Output: a :class:`Table` (Jupyter shows it as HTML;
    ``.frame`` is the text DataFrame).

    >>> import pandas as pd
    >>> t = show_table(pd.DataFrame({"actor": ["Russia"], "aliases": [["Moscow", "Russia"]],
    ...                              "speaker": [pd.NA]}))
    >>> t.frame.iloc[0].tolist()
    ['Russia', 'Moscow, Russia', '–']
    """
    return Table(df, columns, rename=rename)
