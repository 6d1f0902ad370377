"""Corpus charts: mentions over time, and who gets quoted by actor, type and gender as referred."""

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import newslab  # noqa: E402
from newslab.views.corpus_charts import (mentions_by_month, plot_mentions_over_time,  # noqa: E402
                                   plot_quote_shares, quote_shares)
from newslab.extract.gender import actor_genders, referring_gender  # noqa: E402


def test_gender_comes_from_pronouns_and_honorifics_never_from_names():
    assert referring_gender(["Nancy Pelosi"]) == "unknown"          # a first name is no evidence
    assert referring_gender(["Nancy Pelosi", "she", "her"]) == "female"
    assert referring_gender(["Tong", "Mr. Tong"]) == "male"
    assert referring_gender(["Dr. Tong"]) == "unknown"              # Dr is not gendered
    assert referring_gender(["Lee", "he", "her"]) == "unknown"      # conflicting: do not guess


@pytest.fixture(scope="module")
def two_articles():
    texts = {
        "a.txt": "Mayor speaks\n\nPublished: 2019-03-02\n\nMaria Lopez, the mayor, said the "
                 "bridge would reopen. She said repairs were finished. The council said it agreed.",
        "b.txt": "Talks end\n\nPublished: 2019-05-10\n\nMr. Okafor said the talks had ended. "
                 "Maria Lopez said she was disappointed.",
    }
    res = newslab.analyze_corpus(pd.DataFrame({"id": list(texts), "text": list(texts.values())}),
                                 progress=False)
    return res


def test_gender_of_each_person_is_read_from_the_article(two_articles):
    t = actor_genders(two_articles.tables["actors"], two_articles.tables["quotes"])
    got = {(r.doc_id, r.actor): r.gender for r in t.itertuples()}
    assert got[("a.txt", "Maria Lopez")] == "female"
    assert got[("b.txt", "Okafor")] == "male"
    assert all(g == "not a person" for (d, a), g in got.items() if "council" in a.lower())


def test_quote_shares_sum_to_100_and_are_sorted(two_articles):
    q, a = two_articles.tables["quotes"], two_articles.tables["actors"]
    for by in ("actor", "type", "gender"):
        share = quote_shares(q, a, by)
        assert share.sum() == pytest.approx(100)
        assert list(share) == sorted(share, reverse=True)
    assert set(quote_shares(q, a, "gender").index) <= {"female", "male", "unknown"}
    fig = plot_quote_shares(q, a)
    assert len(fig.axes) == 3


def test_mentions_by_month_keeps_only_months_with_articles(two_articles):
    dates = two_articles.tables["articles"].set_index("doc_id").date
    t = mentions_by_month(two_articles.tables["entities"], dates, types=("PERSON",))
    assert list(t.index) == ["2019-03", "2019-05"]
    assert t.loc["2019-05", "Maria Lopez"] >= 1
    ax = plot_mentions_over_time(t)
    assert ax.get_legend() is not None and ax.get_xlabel() == "Month of publication"
