"""Display-ready tables: lists joined, text whole and left-aligned, one spelling of missing."""

import numpy as np
import pandas as pd

from newslab.views.table_view import MISSING, show_table, table_html


def test_lists_dicts_and_every_kind_of_missing_read_the_same():
    df = pd.DataFrame({"actor": ["Russia", None, "Nato"],
                       "aliases": [["Moscow", "the Kremlin"], [], np.array(["NATO"])],
                       "kinds": [{"name": 9, "metonym": 4}, {}, {"name": 1}],
                       "paragraph": pd.array([1, pd.NA, 3], dtype="Int64"),
                       "score": [0.5, float("nan"), 2.0]})
    t = show_table(df).frame
    assert t.aliases.tolist() == ["Moscow, the Kremlin", "", "NATO"]
    assert t.kinds.iloc[0] == "name 9, metonym 4"
    assert t.actor.iloc[1] == t.paragraph.iloc[1] == t.score.iloc[1] == MISSING
    assert t.score.tolist() == ["0.5", MISSING, "2"]


def test_long_text_is_whole_and_left_aligned_numbers_right():
    long = "Moscow should contribute more to the mission to counter 'terror' threat " * 3
    page = table_html(pd.DataFrame({"quote": [long], "n": [3]}))
    assert long.strip().replace("'", "&#x27;") in page and "…" not in page
    assert page.count("text-align:left") >= 2 and "text-align:right" in page
