"""Lessons 05 (ADALINE) and 06 (activations) in Voilà and headless Chromium, both languages:
the dashboard becomes ready, a slider moved with the keyboard changes a plotly figure, and
the page shows no error."""

from __future__ import annotations

import pytest

from . import support
from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

READY_TIMEOUT = 90.0

# lesson stem -> (CSS class of the slider to move, index of the plotly figure that follows it)
LESSONS = {
    "06_activations": ("dl-weight-w1", 1),  # w1 -> the neuron's output curve
    "05_adaline": ("dl-epoch", 0),  # the epoch slider (Play) -> the perceptron's plane
}


def figure_state(page, index: int) -> str | None:
    """Data, title and shapes of the index-th plotly figure of the dashboard, as a string."""
    return page.evaluate(
        """(index) => {
            const plots = document.querySelectorAll('.dl-dashboard .js-plotly-plot');
            const gd = plots[index];
            if (!gd) { return null; }
            const plain = (key, value) => ArrayBuffer.isView(value) ? Array.from(value) : value;
            const layout = gd.layout || {};
            return JSON.stringify({data: gd.data, title: layout.title, shapes: layout.shapes},
                                  plain);
        }""",
        index,
    )


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("stem", list(LESSONS))
def test_slider_moves_figure(voila_server, open_page, lang, stem):
    slider_class, figure_index = LESSONS[stem]
    page = open_page(voila_server, f"{lang}/{stem}.ipynb")
    support.wait_for_widgets(page, ready=True, timeout=READY_TIMEOUT)
    assert support.page_problems(page) == []
    page.locator(f".dl-dashboard .js-plotly-plot >> nth={figure_index}").wait_for(state="visible")
    slider = page.locator(f".{slider_class}").first
    handle = slider.locator(support.SLIDER_HANDLE).first
    readout = slider.locator(support.SLIDER_READOUT).first
    for key in ("ArrowLeft", "ArrowRight"):  # one of them moves it off the end of its range
        readout_before = readout.inner_text()
        figure_before = figure_state(page, figure_index)
        handle.focus()
        page.keyboard.press(key)
        try:
            support.wait_until_changed(readout.inner_text, readout_before, "the slider's readout")
        except AssertionError:
            continue
        support.wait_until_changed(
            lambda: figure_state(page, figure_index), figure_before, f"figure {figure_index}"
        )
        break
    else:
        raise AssertionError(f"neither arrow key moved .{slider_class}")
    assert support.page_problems(page) == []
    support.save_screenshot(page, SCREENSHOTS / f"{lang}_{stem}.png")
