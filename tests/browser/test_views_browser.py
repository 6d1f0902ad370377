"""What newslab shows, in a real Chromium: the article view, the quote list, your own article,
relabel feedback in the stance explorer, and the standalone report.

Every wait is on page state (an element, a class, a style, a changed image), never a fixed
sleep; a failure saves its screenshot and the browser console log (see conftest.py).
Screenshots go to build/screenshots/ for inspection.

Run: ``pytest -m browser tests/browser`` (needs chromium; see conftest.py).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from .test_notebooks_browser import (CHANGE_TIMEOUT_S, REPO, SCREENSHOTS, STANCE,  # noqa: F401
                                     assert_chart_drawn, ink, opened, snapshot, wait_changed)

pytestmark = pytest.mark.browser

VIEW = ".newslab-view"
QUOTES = ".newslab-quote-list"
APP = ".newslab-article-app"
DEMO = REPO / "data" / "articles" / "nato-seeks-afghan-help-from-russia.txt"
WAIT_MS = CHANGE_TIMEOUT_S * 1000
#: An analysis in the own-article app loads the spaCy model first: allow for a busy machine.
ANALYSE_TIMEOUT_MS = 120_000


def shoot(page, locator, name: str) -> None:
    """The window with ``locator``'s top at its top, into build/screenshots/ (an element
    screenshot in JupyterLab would show the toolbars over a scrolled panel)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    locator.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(SCREENSHOTS / name))


def mark_colours(view) -> list[str]:
    """Computed fill of every actor mark in ``view`` (transparent for outlined ones)."""
    return view.locator("mark.newslab-mention").evaluate_all(
        "els => els.map(e => getComputedStyle(e).backgroundColor)")


def test_article_view_has_chips_and_colours_and_a_chosen_quote_is_highlighted(opened):
    page, frontend, open_notebook = opened
    open_notebook("02_actor_mentions.ipynb")
    view = page.locator(VIEW).first
    view.wait_for(state="visible", timeout=WAIT_MS)
    chips = view.locator(".newslab-chip").all_inner_texts()
    assert len(chips) >= 30 and "Rasmussen" in chips and "Russia" in chips
    assert view.locator(".newslab-chip").first.is_visible()
    fills = {c for c in mark_colours(view) if c not in ("rgba(0, 0, 0, 0)", "transparent")}
    assert len(fills) == 8, f"expected 8 distinct actor colours, saw {sorted(fills)}"
    assert view.locator(".newslab-legend", has_text="other actors").count() == 1
    kinds = view.locator(".newslab-quote-chip").all_inner_texts()
    assert any("direct quote" in k for k in kinds) and any("reported speech" in k for k in kinds)
    shoot(page, view, f"{frontend}-02_article_view.png")
    # the same notebook (run once: it is the slowest part) has the quote list
    choose_a_quote_and_see_it_highlighted(page, frontend)


def choose_a_quote_and_see_it_highlighted(page, frontend: str) -> None:
    ql = page.locator(QUOTES).first
    ql.wait_for(state="visible", timeout=WAIT_MS)
    select = ql.locator(".newslab-quote-select select")
    labels = [t.strip() for t in select.locator("option").all_inner_texts()]
    n = next(i for i, t in enumerate(labels) if "(direct)" in t and "Medvedev" in t)
    assert ql.locator(".newslab-article [style*='outline']").count() == 0
    select.select_option(index=n)
    # the article is redrawn (new elements): ask the page each time, never hold an old element
    page.wait_for_function(
        """n => [...document.querySelector('.newslab-quote-list').querySelectorAll(
                 `.newslab-article .newslab-quote[data-quote="${n}"]`)]
               .some(e => getComputedStyle(e).outlineStyle === 'solid')""",
        arg=n, timeout=WAIT_MS, polling=100)
    focused = ql.locator(f".newslab-article .newslab-quote[data-quote='{n}']").first
    # the same quote, and only it, is highlighted; its fields are shown under the list
    assert ql.locator(".newslab-article [style*='outline']").count() == \
        ql.locator(f".newslab-article .newslab-quote[data-quote='{n}']").count()
    detail = ql.locator(".newslab-quote-detail")
    detail.locator("text=Medvedev").first.wait_for(timeout=WAIT_MS)
    assert "We have many reasons for interaction" in detail.inner_text()
    shoot(page, ql.locator(".newslab-quote-detail"), f"{frontend}-02_quote_detail.png")
    focused.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / f"{frontend}-02_quote_chosen.png"))


def test_own_article_notebook_with_pasted_text(opened):
    page, frontend, open_notebook = opened
    open_notebook("00_try_your_article.ipynb")
    app = page.locator(APP).first
    app.wait_for(state="visible", timeout=WAIT_MS)
    app.locator(".newslab-paste textarea").fill(DEMO.read_text(encoding="utf-8"))
    app.locator(".newslab-analyse").click()
    link = app.locator(".newslab-report-link")
    link.wait_for(state="visible", timeout=ANALYSE_TIMEOUT_MS)
    app.locator(".newslab-status", has_text="quotes").wait_for(timeout=WAIT_MS)
    assert (link.get_attribute("href") or "").startswith("data:text/html")
    assert link.get_attribute("download", timeout=WAIT_MS).endswith(".html")
    view = app.locator(VIEW).first
    view.wait_for(state="visible", timeout=WAIT_MS)
    assert view.locator(".newslab-chip").count() >= 30
    assert app.locator(".newslab-quote-select option").count() >= 10
    assert "Rasmussen" in app.locator(".newslab-actors-table").inner_text()
    app.locator(".newslab-results .jp-OutputArea-output img, .newslab-results img").first.wait_for(
        state="visible", timeout=WAIT_MS)
    page.screenshot(path=str(SCREENSHOTS / f"{frontend}-00_try_your_article.png"), full_page=True)


def test_relabel_updates_the_card_and_the_explorer_fits_1280x800(opened):
    page, frontend, open_notebook = opened
    page.set_viewport_size({"width": 1280, "height": 800})
    open_notebook("03_compare_stance.ipynb")
    explorer = page.locator(STANCE).first
    explorer.wait_for(state="visible", timeout=WAIT_MS)
    assert_chart_drawn(page, STANCE)
    # the whole target text is on screen, not cut by the drop-down
    target = explorer.locator(".newslab-target select").evaluate("s => s.value")
    assert target in explorer.inner_text()
    # fits 1280x800: with the explorer at the top of the window, the chart is fully visible
    explorer.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.wait_for_function(
        """() => { const imgs = document.querySelector('.newslab-stance-explorer')
                                   .querySelectorAll('.newslab-chart img');
                   const img = imgs[imgs.length - 1];
                   if (!img) return false;
                   const r = img.getBoundingClientRect();
                   return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight &&
                          r.right <= window.innerWidth; }""",
        timeout=WAIT_MS, polling=100)
    page.screenshot(path=str(SCREENSHOTS / f"{frontend}-03_explorer_1280x800.png"))

    card = explorer.locator(".newslab-card").first
    before_label = card.locator("[data-label]").get_attribute("data-label")
    new = "oppose" if before_label != "oppose" else "support"
    before = snapshot(page, STANCE, ".newslab-cards")
    toggles = card.locator("xpath=..").locator(".widget-toggle-buttons button")
    toggles.filter(has_text=new).first.click()
    page.wait_for_function(
        "([el, want]) => el.querySelector('[data-label]').dataset.label === want",
        arg=[card.element_handle(), new], timeout=WAIT_MS, polling=100)
    assert f"the tool said {before_label}" in card.inner_text()
    wait_changed(page, STANCE, ".newslab-cards", before, keys=("chart",))
    assert_chart_drawn(page, STANCE, shot=f"{frontend}-03_relabel-chart.png")
    shoot(page, explorer, f"{frontend}-03_relabelled.png")


def test_report_page_renders_offline_in_chromium(page, tmp_path):
    out = tmp_path / "r.html"
    subprocess.run([sys.executable, "-m", "newslab", "report", str(DEMO), "--output", str(out)],
                   cwd=REPO, check=True, capture_output=True, timeout=300)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(out.as_uri())
    page.locator("#quotes table").wait_for(state="visible")
    assert requests == [out.as_uri()], f"the report fetched more than itself: {requests}"
    assert page.locator("h1").inner_text() == "Nato seeks Afghan help from Russia"
    assert page.locator(".newslab-block[data-kind='heading']").count() >= 2
    body = page.locator("body").inner_text()
    for name in ("Rasmussen", "Medvedev", "Sergei Lavrov"):
        assert name in page.locator("#actors table").inner_text()
    assert "Rasmussen · direct quote" in body
    chart = page.locator("#actors svg").first
    share, colours = ink(chart.screenshot())
    assert share >= 0.05 and colours >= 16, f"the actor chart looks blank ({share:.1%})"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "report-first-screen.png"))
    page.screenshot(path=str(SCREENSHOTS / "report.png"), full_page=True)
