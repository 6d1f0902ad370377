"""Charts: what is drawn matches the DataFrame, no warnings, no spaCy in plots.py."""

from __future__ import annotations

import subprocess
import sys
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from newslab import parse_text  # noqa: E402
from newslab.extract.entities import entity_mentions  # noqa: E402
from newslab.nlp import article_doc, load_model  # noqa: E402
from newslab.tables import actor_table, mention_table  # noqa: E402
from newslab.views.plots import (cooccurrence_matrix, plot_actor_counts,  # noqa: E402
                           plot_actor_positions, plot_compare_actors, plot_cooccurrence)

TEXT_A = ("Nato seeks help from Russia\n\n"
          "Anders Fogh Rasmussen met Dmitry Medvedev in Moscow on Monday.\n\n"
          "Rasmussen said Russia could help Nato in Afghanistan.\n\n"
          "Medvedev said Russia would consider the request. The Kremlin agreed.")
TEXT_B = ("Kremlin rebuffs Nato\n\n"
          "Dmitry Medvedev said Russia would not send helicopters to Afghanistan.\n\n"
          "Nato officials said Russia had made no offer.")


@pytest.fixture(scope="module")
def tables():
    nlp = load_model()
    out = {}
    for name, text in (("A", TEXT_A), ("B", TEXT_B)):
        art = parse_text(text)
        doc = article_doc(art, nlp)
        ms = entity_mentions(doc)
        out[name] = (actor_table(ms, doc, art), mention_table(ms, doc, art))
    return out


@pytest.fixture(autouse=True)
def no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield
    plt.close("all")


def test_actor_counts_bars_match_table(tables):
    actors, _ = tables["A"]
    ax = plot_actor_counts(actors, top=3)
    widths = [p.get_width() for p in ax.patches]
    assert widths == actors.mentions.head(3).tolist()
    assert [t.get_text() for t in ax.get_yticklabels()] == actors.actor.head(3).tolist()
    assert ax.get_title() and ax.get_xlabel() == "Mentions" and ax.get_ylabel() == "Actor"
    assert actors.actor.iloc[0] == "Russia"  # Russia, Moscow, the Kremlin: 4 mentions


def test_actor_positions_dots_match_mentions(tables):
    _, mentions = tables["A"]
    ax = plot_actor_positions(mentions)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    dots = {(int(x), labels[int(y)]) for x, y in ax.collections[0].get_offsets()}
    expected = set(zip(mentions.paragraph.astype(int), mentions.actor))
    assert dots == expected
    assert ax.get_xlabel().startswith("Paragraph")


def test_cooccurrence_heatmap_is_annotated_with_counts(tables):
    _, mentions = tables["A"]
    matrix = cooccurrence_matrix(mentions)
    assert (matrix.to_numpy() == matrix.to_numpy().T).all()
    # Diagonal = paragraphs each actor appears in.
    per_actor = mentions.groupby("actor").paragraph.nunique()
    assert all(matrix.loc[a, a] == per_actor[a] for a in matrix.index)
    # Rasmussen and Medvedev share exactly one paragraph (the first body paragraph).
    ras = next(a for a in matrix.index if "Rasmussen" in a)
    med = next(a for a in matrix.index if "Medvedev" in a)
    assert matrix.loc[ras, med] == 1
    ax = plot_cooccurrence(mentions)
    numbers = [int(t.get_text()) for t in ax.texts]
    assert numbers == matrix.to_numpy().ravel().tolist()
    assert [t.get_text() for t in ax.get_yticklabels()] == list(matrix.index)


def test_compare_actors_grouped_bars(tables):
    data = {"A": tables["A"][0], "B": tables["B"][0]}
    ax = plot_compare_actors(data, top=4)
    assert len(ax.containers) == 2
    labels = [t.get_text() for t in ax.get_xticklabels()]
    for name, container in zip(data, ax.containers):
        counts = data[name].set_index("actor").mentions
        assert [b.get_height() for b in container] == [counts.get(a, 0) for a in labels]
    assert labels[0] == "Russia"
    # The long form gives the same chart.
    long = pd.concat([df.assign(article=n) for n, df in data.items()])
    ax2 = plot_compare_actors(long, top=4)
    assert [b.get_height() for b in ax2.containers[1]] == [b.get_height()
                                                           for b in ax.containers[1]]


def test_empty_tables_draw_a_message_not_an_error(tables):
    actors, mentions = tables["A"]
    for ax in (plot_actor_counts(actors.iloc[0:0]), plot_actor_positions(mentions.iloc[0:0]),
               plot_cooccurrence(mentions.iloc[0:0]), plot_compare_actors({})):
        assert any("no actors" in t.get_text() for t in ax.texts)


def test_wrong_frame_says_what_to_pass(tables):
    _, mentions = tables["A"]
    with pytest.raises(ValueError, match="actor_table"):
        plot_actor_counts(mentions)


def test_axes_can_be_given():
    fig, (ax1, ax2) = plt.subplots(1, 2)
    actors = pd.DataFrame({"actor": ["Russia", "Nato"], "type": ["GPE", "ORG"],
                           "mentions": [5, 2]})
    assert plot_actor_counts(actors, ax=ax2) is ax2
    assert not ax1.patches


def test_plots_do_not_import_spacy():
    code = "import sys, newslab.plots; sys.exit('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
