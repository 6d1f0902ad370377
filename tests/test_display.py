"""The notebook view of an Analysis: the article with actors and quotes highlighted."""

from pathlib import Path

import newslab

DEMO = Path(__file__).resolve().parents[1] / "data" / "articles" / "nato-seeks-afghan-help-from-russia.txt"


def test_analysis_renders_article_with_legend_and_highlights():
    a = newslab.analyze(DEMO)
    page = a._repr_html_()
    top = a.actors.actor.head(4).tolist()
    assert "<b>Actors:</b>" in page and all(f">{name}</span>" in page for name in top)
    # actor mentions carry the actor as a tooltip, including resolved ones ("Alliance chief")
    assert 'title="Rasmussen"' in page and "Alliance chief</span>" in page
    # quoted speech is underlined; dropped blocks are summarised, never shown as article text
    assert page.count("border-bottom:2px solid #333") > 5
    assert "burger" not in page and "dropped as not part of the article" in page
