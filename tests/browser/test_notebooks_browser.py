"""The notebooks as a student uses them: opened in Voila and JupyterLab in a real Chromium.

Each test opens a notebook, waits until every cell has run and the widgets are drawn, changes a
widget the way a student would (a click in a drop-down / multi-select) and checks what the
student sees: other statement cards, another table, and a chart that changed and is not blank
(checked on the screenshot's pixels). Screenshots go to build/screenshots/ for inspection.

Widgets are found by the CSS classes newslab.widgets gives them (``newslab-stance-explorer``,
``newslab-target``, ``newslab-actors`` (checkboxes), ``newslab-cards``, ``newslab-chart``,
``newslab-actor-explorer``, ``newslab-actor``, ``newslab-table``).

Run: ``pytest -m browser tests/browser`` (needs chromium; see conftest.py).
"""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

#: At most how long a notebook may take to run all its cells (spaCy model load + analysis);
#: every wait ends as soon as the page is ready. Notebook 02 took over 120 s in Voila with a
#: load average of 17 on 2 cores (several test runs and corpus runs at once).
RUN_TIMEOUT_MS = 300_000
#: How long a widget change may take to reach the page.
CHANGE_TIMEOUT_S = 30
#: A view counts as settled when nothing changed for this long.
SETTLE_S = 1.0
#: Not-blank chart: share of pixels darker than near-white, and distinct colours (bars, text
#: antialiasing). Measured: a white image has 0% and 1 colour; empty axes with a title and
#: ticks 2.0% (but ~250 colours); bar charts 19-52%.
MIN_INK = 0.05
MIN_COLOURS = 16

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = REPO / "notebooks"
SCREENSHOTS = REPO / "build" / "screenshots"
STANCE = ".newslab-stance-explorer"
ACTORS = ".newslab-actor-explorer"
#: Where a cell's traceback is shown (Voila with --show_tracebacks, and JupyterLab).
CELL_ERROR = "[data-mime-type='application/vnd.jupyter.stderr']"


# -- opening and running a notebook ---------------------------------------------------------------
def open_voila(page, voila, notebook: str) -> None:
    """Open a notebook in Voila; Voila runs every cell before it shows the page."""
    page.goto(voila.link(f"/voila/render/{notebook}"), wait_until="commit", timeout=RUN_TIMEOUT_MS)
    # the page streams in while the kernel runs the cells; window.voila_finish() swaps the
    # spinner for the hidden #rendered_cells once the last cell has executed
    page.wait_for_selector("#rendered_cells", state="visible", timeout=RUN_TIMEOUT_MS)
    _fail_on_cell_errors(page, notebook)


def open_lab(page, lab, notebook: str) -> None:
    """Open a notebook in JupyterLab, Run All Cells from the Run menu, wait until all have run."""
    page.goto(lab.link(f"/lab/tree/notebooks/{notebook}?reset"), timeout=60_000)
    panel = page.locator(".jp-NotebookPanel").first
    panel.wait_for(state="visible", timeout=60_000)
    page.wait_for_selector(".jp-NotebookPanel .jp-CodeCell", timeout=60_000)
    # The kernel must be connected before Run All, or the queued cells are dropped when it
    # connects (seen: only cell 1 ran). The indicator says 'idle' once before any kernel exists
    # ("No Kernel"), so wait for idle *with* a kernel name. A notebook without a kernelspec
    # first asks which kernel to use: take the default.
    picker = ".jp-Dialog .jp-mod-accept"
    kernel_ready = """() => {
        if (document.querySelector('.jp-Dialog .jp-mod-accept')) return true;
        const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
        const ind = panel && panel.querySelector('.jp-Notebook-ExecutionIndicator');
        const name = panel && panel.querySelector('.jp-KernelName');
        return !!(ind && name) && ind.dataset.status === 'idle' &&
               !['', 'No Kernel'].includes(name.textContent.trim());
    }"""
    page.wait_for_function(kernel_ready, timeout=60_000, polling=100)
    if page.locator(picker).count():
        page.locator(picker).first.click()
        page.wait_for_function(kernel_ready, timeout=60_000, polling=100)
    page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
    # done = every code cell has a number (none queued [*] or skipped [ ]) and the kernel is idle;
    # touching a widget before that gave a blank chart in a third of the runs
    try:
        page.wait_for_function(
            """() => {
                 const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
                 if (!panel) return false;
                 const ind = panel.querySelector('.jp-Notebook-ExecutionIndicator');
                 const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]
                     .map(p => p.textContent.trim());
                 if (prompts.some(t => t.includes('*'))) return false;
                 if (ind && ind.dataset.status !== 'idle') return false;
                 const failed = [...panel.querySelectorAll(
                     "[data-mime-type='application/vnd.jupyter.stderr']")]
                     .some(o => /Traceback|\\w+Error\\b|error when executing/.test(o.textContent));
                 return prompts.length > 0 &&
                        (failed || prompts.every(t => /^\\[\\d+\\]:$/.test(t)));
               }""",
            timeout=RUN_TIMEOUT_MS, polling=250)
    except Exception:
        _fail_on_cell_errors(page, notebook)
        raise
    _fail_on_cell_errors(page, notebook)
    unrun = page.evaluate("""() => [...document.querySelectorAll(
        '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt')]
        .map(p => p.textContent.trim()).filter(t => !/^\\[\\d+\\]:$/.test(t)).length""")
    assert unrun == 0, f"{notebook}: {unrun} code cells did not run after Run All"


def _fail_on_cell_errors(page, notebook: str) -> None:
    errors = [t for t in page.locator(CELL_ERROR).all_inner_texts()
              if re.search(r"Traceback|\w+Error\b|error when executing", t)]
    if errors:
        pytest.fail(f"{notebook} raised while running:\n{errors[0][-3000:]}", pytrace=False)


# -- reading what the student sees ----------------------------------------------------------------
def part(page, root: str, selector: str):
    """``selector`` inside the first widget matching ``root`` (a notebook may show several)."""
    return page.locator(root).first.locator(selector).first


def chart_img(page, root: str):
    return page.locator(root).first.locator(".newslab-chart img").last


def ink(png: bytes) -> tuple[float, int]:
    """(share of non-white pixels, number of distinct colours) of a PNG screenshot."""
    from PIL import Image

    img = Image.open(io.BytesIO(png)).convert("RGB")
    colours = img.getcolors(maxcolors=img.width * img.height)
    dark = sum(n for n, rgb in colours if min(rgb) < 235)
    return dark / (img.width * img.height), len(colours)


def assert_chart_drawn(page, root: str, shot: str | None = None) -> str:
    """The chart image is on screen and has ink; returns its src (the PNG data)."""
    img = chart_img(page, root)
    img.wait_for(state="visible", timeout=CHANGE_TIMEOUT_S * 1000)
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle(),
                           timeout=CHANGE_TIMEOUT_S * 1000)
    png = img.screenshot()
    if shot:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        (SCREENSHOTS / shot).write_bytes(png)
    share, colours = ink(png)
    assert share >= MIN_INK and colours >= MIN_COLOURS, (
        f"the chart looks blank: {share:.1%} non-white pixels, {colours} colours")
    return img.get_attribute("src")


def snapshot(page, root: str, text_part: str) -> dict:
    """What may change after a click: a text part of the widget and the chart's PNG."""
    text = part(page, root, text_part)
    img = chart_img(page, root)
    return {"text": text.inner_text() if text.count() else None,
            "chart": img.get_attribute("src") if img.count() else None}


def wait_changed(page, root: str, text_part: str, before: dict, keys: tuple[str, ...]) -> dict:
    """Wait until ``keys`` differ from ``before`` and the whole view has stopped changing.

    The kernel answers a click with several messages (cards, then the chart); checking too early
    would compare a half-drawn view.
    """
    deadline = time.monotonic() + CHANGE_TIMEOUT_S
    last, since = None, 0.0
    now = before
    while time.monotonic() < deadline:
        now = snapshot(page, root, text_part)
        ready = all(now[k] is not None and now[k] != before[k] for k in keys)
        if ready and now == last:
            if time.monotonic() - since >= SETTLE_S:
                return now
        else:
            last, since = (now if ready else None), time.monotonic()
        page.wait_for_timeout(150)
    changed = [k for k in keys if now[k] != before[k]]
    raise AssertionError(f"after the change, expected {keys} to change; only {changed} did "
                         f"within {CHANGE_TIMEOUT_S}s")


def options(select) -> list[str]:
    return [t.strip() for t in select.locator("option").all_inner_texts()]


def selected(select) -> list[str]:
    return select.evaluate("el => [...el.selectedOptions].map(o => o.textContent.trim())")


def ticked(page) -> list[str]:
    """The actors ticked in the (first) stance explorer, in order."""
    return page.locator(STANCE).first.locator(".newslab-actors .widget-checkbox").evaluate_all(
        "els => els.filter(e => e.querySelector('input').checked)"
        ".map(e => e.textContent.trim())")


def screenshot(page, root: str, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(root).first.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


# -- the tests ------------------------------------------------------------------------------------
@pytest.fixture(params=["voila", "lab"])
def opened(request, page):
    """(page, frontend name, open function) for Voila and for JupyterLab."""
    server = request.getfixturevalue(request.param)
    opener = open_voila if request.param == "voila" else open_lab

    def open_notebook(notebook: str) -> None:
        assert (NOTEBOOK_DIR / notebook).is_file(), f"{NOTEBOOK_DIR / notebook} does not exist"
        opener(page, server, notebook)

    return page, request.param, open_notebook


def test_stance_explorer_follows_target_and_actors(opened):
    page, frontend, open_notebook = opened
    open_notebook("03_compare_stance.ipynb")
    page.locator(STANCE).first.wait_for(state="visible", timeout=CHANGE_TIMEOUT_S * 1000)
    assert_chart_drawn(page, STANCE)
    target = part(page, STANCE, ".newslab-target select")
    start = snapshot(page, STANCE, ".newslab-cards")
    assert start["text"], "the statement cards are empty"

    # another target: the chart must follow (its title names the target)
    targets = options(target)
    assert len(targets) >= 2, f"only one target to choose from: {targets}"
    current = selected(target)
    new_target = next(t for t in targets if t not in current)
    target.select_option(label=new_target)
    after_target = wait_changed(page, STANCE, ".newslab-cards", start, keys=("chart",))
    assert selected(target) == [new_target]
    assert_chart_drawn(page, STANCE)

    # another set of actors (untick the first ticked checkbox): other cards, another chart
    chosen = ticked(page)
    assert len(chosen) >= 2, f"too few actors ticked to change: {chosen}"
    box = page.locator(STANCE).first.locator(".newslab-actors .widget-checkbox",
                                             has_text=chosen[0]).locator("input")
    box.uncheck()
    end = wait_changed(page, STANCE, ".newslab-cards", after_target, keys=("text", "chart"))
    assert ticked(page) == chosen[1:]
    assert end["text"] != start["text"]
    assert_chart_drawn(page, STANCE, shot=f"{frontend}-03_compare_stance-chart.png")
    screenshot(page, STANCE, f"{frontend}-03_compare_stance.png")


def test_actor_explorer_follows_the_actor(opened):
    page, frontend, open_notebook = opened
    open_notebook("02_actor_mentions.ipynb")
    page.locator(ACTORS).first.wait_for(state="visible", timeout=CHANGE_TIMEOUT_S * 1000)
    assert_chart_drawn(page, ACTORS)
    box = part(page, ACTORS, ".newslab-actor select")
    start = snapshot(page, ACTORS, ".newslab-table")
    assert start["text"], "the mention table is empty"

    names = options(box)
    assert len(names) >= 2, f"only one actor to choose from: {names}"
    other = next(a for a in names if a not in selected(box))
    box.select_option(label=other)
    end = wait_changed(page, ACTORS, ".newslab-table", start, keys=("text", "chart"))
    assert selected(box) == [other]
    assert end["text"] != start["text"]
    assert_chart_drawn(page, ACTORS, shot=f"{frontend}-02_actor_mentions-chart.png")
    screenshot(page, ACTORS, f"{frontend}-02_actor_mentions.png")
