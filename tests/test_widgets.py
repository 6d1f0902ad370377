"""Widget callbacks, without a browser: changing a choice changes what is shown."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

import newslab  # noqa: E402
from newslab.views.widgets import ActorExplorer, StanceExplorer, highlight  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "data" / "articles" / "nato-seeks-afghan-help-from-russia.txt"
HELP = "Russian help for the Nato mission in Afghanistan"
ENLARGE = "Nato absorbing Georgia and Ukraine"


@pytest.fixture(scope="module")
def analysis():
    return newslab.analyze(DEMO)


def _card_texts(ex: StanceExplorer) -> list[str]:
    out = []
    for column in ex.cards.children:
        for item in column.children:
            html_widget = item.children[0] if hasattr(item, "children") and item.children else item
            out.append(html_widget.value)
    return out


def test_changing_target_changes_cards_and_chart(analysis):
    ex = StanceExplorer(analysis, targets=[HELP, ENLARGE])
    before_cards, before_chart = _card_texts(ex), ex.chart_data.copy()
    ex.target_box.value = ENLARGE  # what a click does
    after_cards = _card_texts(ex)
    assert after_cards != before_cards
    assert any("objected" in c for c in after_cards)
    assert not ex.chart_data.equals(before_chart)
    assert ex.chart_data.loc["Russia", "oppose"] >= 1


def test_actor_selection_limits_columns(analysis):
    ex = StanceExplorer(analysis, targets=[HELP])
    ex.actor_box.value = ("Russia",)
    assert len(ex.cards.children) == 1
    assert "Russia" in ex.cards.children[0].children[0].value
    assert list(ex.chart_data.index) == ["Russia"]


def test_relabel_is_kept_as_the_students_label(analysis):
    ex = StanceExplorer(analysis, targets=[HELP])
    row = ex.current().index[0]
    tool = ex.statements.loc[row, "label"]
    new = "oppose" if tool != "oppose" else "support"
    ex.relabel(row, new)
    labels = ex.labels
    assert labels.loc[row, "student_label"] == new and labels.loc[row, "label"] == tool
    assert labels.changed.sum() == 1
    with pytest.raises(ValueError):
        ex.relabel(row, "maybe")


def test_relabel_toggle_on_a_card_updates_counts(analysis):
    ex = StanceExplorer(analysis, targets=[ENLARGE], actors=["Russia"])
    card = ex.cards.children[0].children[1]           # first card of the Russia column
    toggle = card.children[1]
    before = ex.chart_data.loc["Russia"].copy()
    toggle.value = "support" if toggle.value != "support" else "neutral"
    assert not ex.chart_data.loc["Russia"].equals(before)


def test_actor_explorer_switches_actor(analysis):
    ex = ActorExplorer(analysis)
    first = ex.table.value
    ex.actor_box.value = "Rasmussen"
    assert ex.table.value != first
    assert "Alliance chief" in ex.table.value
    assert ex.chart_data.sum() == len(ex.mentions())


def test_highlight_escapes_and_marks():
    assert highlight("a <b> objected", "objected") == "a &lt;b&gt; <mark>objected</mark>"


def test_relabel_updates_the_card_at_once(analysis):
    ex = StanceExplorer(analysis, targets=[ENLARGE], actors=["Russia"])
    card = ex.cards.children[0].children[1]
    body, toggle = card.children
    tool = body.value.split("data-label='")[1].split("'")[0]
    new = "support" if tool != "support" else "oppose"
    toggle.value = new                                  # a click on the card's toggle
    assert f"data-label='{new}'" in body.value           # same widget, new colour and label
    assert f"the tool said {tool}" in body.value
    assert "relevance 0." in body.value                 # the redrawn card keeps its relevance
    assert ex.labels.changed.sum() == 1                  # .labels follows at once
    changed = ex.labels[ex.labels.changed].iloc[0]        # ... for the statement on the card
    assert changed.student_label == new and changed.label == tool
    assert changed.statement.split()[-1] in body.value


def test_actors_are_chosen_with_checkboxes(analysis):
    ex = StanceExplorer(analysis, targets=[HELP])
    boxes = {b.description: b for b in ex.actor_box.boxes}
    ticked = [name for name, b in boxes.items() if b.value]
    assert ticked and set(ticked) == set(ex.actor_box.value)
    boxes[ticked[0]].value = False                      # untick one
    assert ticked[0] not in ex.actor_box.value
    assert ticked[0] not in list(ex.chart_data.index)
    assert len(ex.cards.children) == len(ticked) - 1


def test_the_whole_target_text_is_shown(analysis):
    long = "Russian help for the Nato mission in Afghanistan, including helicopters and transit"
    ex = StanceExplorer(analysis, targets=[long])
    assert long in ex.target_text.value


def test_actor_explorer_folds_case_and_shows_each_mention_in_its_sentence(analysis):
    ex = ActorExplorer(analysis)
    ex.set_actor("Rasmussen")
    forms = list(ex.chart_data.index)
    assert len({f.casefold() for f in forms}) == len(forms)   # "he"/"He" counted once
    rows = ex.mention_rows()
    chief = rows[rows.mention == "Alliance chief"].iloc[0]
    assert "<b>Alliance chief</b> says Moscow should contribute" in chief.sentence
    assert "text-align:left" in ex.table.value and "<b>Alliance chief</b>" in ex.table.value
