"""Lesson 11 (recurrent networks) in Voilà and headless Chromium, both languages, each page
opened once (every dashboard of the notebook is built per page):

- part 1, the loop unrolled: both dashboards become ready, the W slider moved with the
  keyboard changes the states plot and the unrolled drawing, the step button moves the
  highlight, the gradient panel draws its three lines;
- part 2, memory over time (``.dl-rnn-memory``): a tiny size is set through its sliders,
  ▶ trains the three cells in turns with their loss curves growing live, Stop stops the
  training;
- part 3, the character model (``.dl-rnn-text``): the trained model writes at once, Write
  answers with text after the prompt, the unit slider recolours the excerpt, and Train
  shows live progress until Stop ends it;
- no error shows on the page.

Every wait is on a condition, never a sleep.
"""

from __future__ import annotations

import pytest

from . import support
from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(480)]

STEM = "11_rnn"
LANGUAGES = ("pl", "en")
READY_TIMEOUT = 180.0

# Part 1: the loop unrolled (the page's first dashboards).

LOOP = f"{support.DASHBOARD} .dl-rnn-states{support.PLOTLY_FIGURE}"
UNROLLED = f"{support.DASHBOARD} .dl-unrolled"
GRADIENTS = f"{support.DASHBOARD} .dl-gradients{support.PLOTLY_FIGURE}"

_PLOT_STATE = """(selector) => {
    const gd = document.querySelector(selector);
    if (!gd || !gd.data) { return null; }
    const plain = (key, value) => ArrayBuffer.isView(value) ? Array.from(value) : value;
    return JSON.stringify({data: gd.data.map(t => t.y), shapes: (gd.layout || {}).shapes},
                          plain);
}"""


_BAND_AT = """([selector, expected]) => {
    const gd = document.querySelector(selector);
    const shapes = gd && gd.layout && gd.layout.shapes;
    return !!(shapes && shapes.length) && Math.round(shapes[0].x0 * 10) / 10 === expected;
}"""


def plot_state(page, selector: str) -> str | None:
    return page.evaluate(_PLOT_STATE, selector)


def check_the_loop(page, lang: str) -> None:
    page.locator(LOOP).wait_for(state="visible")

    # The W slider -> the states plot and the unrolled network.
    slider = page.locator(".dl-rnn-w").first
    handle = slider.locator(support.SLIDER_HANDLE).first
    readout = slider.locator(support.SLIDER_READOUT).first
    before, drawing = plot_state(page, LOOP), page.locator(UNROLLED).inner_html()
    readout_before = readout.inner_text()
    handle.focus()
    page.keyboard.press("ArrowRight")
    support.wait_until_changed(readout.inner_text, readout_before, "the W slider's readout")
    support.wait_until_changed(lambda: plot_state(page, LOOP), before, "the states plot")
    support.wait_until_changed(
        lambda: page.locator(UNROLLED).inner_html(), drawing, "the unrolled network"
    )

    # Restart, then step: the highlighted step moves 0 -> 1 -> 2.
    page.locator(f"{support.DASHBOARD} .dl-reset").first.click()
    for expected in (-0.4, 0.6, 1.6):
        if expected > 0:
            page.locator(f"{support.DASHBOARD} .dl-step").first.click()
        page.wait_for_function(_BAND_AT, arg=[LOOP, expected], timeout=10_000, polling=20)
    step_2 = "Krok 2 z 8" if lang == "pl" else "Step 2 of 8"
    page.locator(f"{support.DASHBOARD} .dl-formula", has_text=step_2).first.wait_for(
        state="visible", timeout=10_000
    )  # the formula of step 2, with its numbers

    # The gradient panel has three lines.
    lines = page.evaluate(
        """(selector) => {
            const gd = document.querySelector(selector);
            return gd && gd.data ? gd.data.filter(t => t.y && t.y.length).length : 0;
        }""",
        GRADIENTS,
    )
    assert lines == 3


# Part 2: memory over time.

MEMORY = ".dl-rnn-memory"
STOPPED = {"pl": "Zatrzymano", "en": "Stopped"}
TINY = {"length": "10", "sequences": "500", "units": "4", "epochs": "30"}


def curve_points(page) -> list[int]:
    """How many points each cell's loss curve has in the browser (-1: not drawn yet)."""
    return page.evaluate(
        """(root) => {
            const gd = document.querySelector(`${root} .dl-loss .js-plotly-plot`);
            if (!gd || !gd.data) { return [-1, -1, -1]; }
            return [0, 1, 2].map((i) => Array.from((gd.data[i] || {}).x || []).length);
        }""",
        MEMORY,
    )


def set_slider(page, name: str, value: str) -> None:
    """Type ``value`` into the readout of the slider ``.dl-<name>`` and press Enter."""
    readout = page.locator(f"{MEMORY} .dl-{name} {support.SLIDER_READOUT}").first
    readout.click()
    readout.press("Control+a")
    readout.type(value)
    readout.press("Enter")
    support.wait_until_changed(
        lambda: readout.inner_text().replace("\u00a0", "").replace(" ", "") == value,
        False,
        f"the {name} readout",
    )


def memory_status(page) -> str:
    return page.locator(f"{MEMORY} .dl-status").first.inner_text()


def check_tiny_training_is_live_and_stops(page, lang: str) -> None:
    for name, value in TINY.items():
        set_slider(page, name, value)
    # the rebuild after the last size change has drawn empty curves and said "ready"
    support.wait_until_changed(lambda: curve_points(page) == [0, 0, 0], False, f"[{lang}] reset")
    page.locator(f"{MEMORY} button.dl-play").first.click()
    support.wait_until_changed(
        lambda: min(curve_points(page)) >= 1, False, f"[{lang}] the loss curves", timeout=120
    )
    page.locator(f"{MEMORY} button.dl-stop").first.click()
    support.wait_until_changed(
        lambda: STOPPED[lang] in memory_status(page), False, f"[{lang}] the stop", timeout=30
    )
    points = curve_points(page)
    assert 1 <= min(points) and max(points) < 30, (lang, points)


# Part 3: the character model.

TEXT = ".dl-rnn-text"
WORDS = {"pl": ("Epoka", "Zatrzymano"), "en": ("Epoch", "Stopped")}


def check_the_character_model(page, lang: str) -> None:
    root = page.locator(TEXT).first
    samples = root.locator(".dl-sample")
    samples.first.wait_for(state="visible", timeout=30_000)
    assert len(samples.first.inner_text()) > 100  # the shipped model writes at once

    # Write: text after the prompt appears.
    root.locator(".dl-written").first.wait_for(state="attached")
    root.locator(".dl-write").first.click()
    root.locator(".dl-written .dl-sample").first.wait_for(state="visible", timeout=30_000)

    # The unit slider recolours the excerpt.
    colours = root.locator(".dl-activations").first
    before = colours.inner_html()
    root.locator(f".dl-unit {support.SLIDER_HANDLE}").first.focus()
    page.keyboard.press("ArrowRight")
    support.wait_until_changed(colours.inner_html, before, "the coloured excerpt")

    # Train: live progress in the status line, then Stop ends it.
    progress_word, stopped_word = WORDS[lang]
    root.locator(".dl-train").first.click()
    root.locator(".dl-status", has_text=progress_word).first.wait_for(timeout=60_000)
    root.locator(".dl-stop").first.click()
    root.locator(".dl-status", has_text=stopped_word).first.wait_for(timeout=60_000)
    assert root.locator(".dl-train").first.is_enabled()
    assert page.locator(".dl-error:visible").count() == 0


def test_loop_memory_and_character_model(voila_server, open_page):
    # Both pages first: their kernels load TensorFlow and build the panels meanwhile.
    pages = {lang: open_page(voila_server, f"{lang}/{STEM}.ipynb") for lang in LANGUAGES}
    for lang, page in pages.items():
        support.wait_for_widgets(page, ready=True, timeout=READY_TIMEOUT)
        # Every dashboard of the page is ready: the gradient panel's, memory, the writer.
        for ready in (f"{support.READY} .dl-gradients", f"{MEMORY}.dl-ready", f"{TEXT}.dl-ready"):
            page.locator(ready).first.wait_for(state="attached", timeout=READY_TIMEOUT * 1000)
        assert support.page_problems(page) == [], lang
        check_the_loop(page, lang)
        assert support.page_problems(page) == [], lang
        check_tiny_training_is_live_and_stops(page, lang)
        assert support.page_problems(page) == [], lang
        check_the_character_model(page, lang)
        assert support.page_problems(page) == [], lang
        support.save_screenshot(page, SCREENSHOTS / f"{lang}_{STEM}.png")
