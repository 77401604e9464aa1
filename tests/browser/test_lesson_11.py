"""Lesson 11 (the loop unrolled) in Voilà and headless Chromium, both languages: both
dashboards become ready, the W slider moved with the keyboard changes the states plot and
the unrolled drawing, the step button moves the highlight, the page shows no error."""

from __future__ import annotations

import pytest

from . import support
from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

NOTEBOOK = "{lang}/11_rnn.ipynb"
READY_TIMEOUT = 120.0
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


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_lesson_11_slider_and_steps(voila_server, open_page, lang):
    page = open_page(voila_server, NOTEBOOK.format(lang=lang))
    support.wait_for_widgets(page, ready=True, timeout=READY_TIMEOUT)
    page.locator(f"{support.READY} .dl-gradients").wait_for(
        state="attached", timeout=READY_TIMEOUT * 1000
    )  # the second dashboard is ready too
    page.locator(LOOP).wait_for(state="visible")
    assert support.page_problems(page) == []

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
    assert support.page_problems(page) == []
    support.save_screenshot(page, SCREENSHOTS / f"{lang}_11_rnn.png")
