"""Who said what: the quote list table and the widget that highlights a quote in the article."""

from pathlib import Path

import pytest

import newslab
from newslab.views.display import FOCUS_STYLE
from newslab.views.quote_list import QUOTE_COLUMNS, QuoteList, quote_list

DEMO = Path(__file__).resolve().parents[1] / "data" / "articles" / "nato-seeks-afghan-help-from-russia.txt"


@pytest.fixture(scope="module")
def analysis():
    return newslab.analyze(DEMO)


def test_quote_list_table_names_speaker_kind_cue_and_rule(analysis):
    t = quote_list(analysis.quotes).frame
    assert t.columns.tolist() == QUOTE_COLUMNS
    assert set(t.kind) <= {"direct", "mixed", "reported"} and "reported" in set(t.kind)
    row = t[t.quote.str.startswith("I would very much like")].iloc[0]
    assert (row.speaker, row.actor, row.kind, row.cue) == ("Rasmussen", "Rasmussen", "direct", "said")
    assert row.quote.endswith("our operation in Afghanistan.")  # whole, never cut
    assert "<NA>" not in t.to_string() and "None" not in t.to_string()


def test_choosing_a_quote_highlights_it_in_the_article(analysis):
    ql = QuoteList(analysis)
    assert ql.chosen is None and FOCUS_STYLE not in ql.article.value
    n = next(i for i, k in enumerate(ql.quotes.kind) if k == "direct")
    ql.select.value = n  # what a click in the list does
    assert ql.chosen == n
    page = ql.article.value
    assert page.count(FOCUS_STYLE) == len(ql.quotes.fragments.iloc[n])
    focus_at = page.index(FOCUS_STYLE)
    assert f'data-quote="{n}"' in page[focus_at - 300:focus_at]
    # the fields and the paragraph under the list
    assert ql.quotes.speaker.iloc[n] in ql.detail.value and FOCUS_STYLE in ql.detail.value
    ql.choose(None)
    assert FOCUS_STYLE not in ql.article.value


def test_choosing_a_quote_that_does_not_exist_says_so(analysis):
    with pytest.raises(IndexError, match="quotes"):
        QuoteList(analysis).choose(999)
