"""Lesson 09 (the Keras workflow on MNIST) in Voilà and headless Chromium.

Polish: train 2 epochs from the page (live curves, test accuracy, confusion matrix), then
draw a digit with the mouse on the pad (the anywidget canvas) and see the prediction.
English: a layer with 0 units gives the message in the banner, not a traceback.
"""

from __future__ import annotations

import pytest

from . import support
from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

READY_TIMEOUT = 90.0
NOTEBOOK = "{lang}/09_keras_mnist.ipynb"


def plot_points(page, index: int) -> int:
    """Number of points in all traces of the index-th plotly figure of the dashboard."""
    return page.evaluate(
        """(index) => {
            const gd = document.querySelectorAll('.dl-dashboard .js-plotly-plot')[index];
            if (!gd || !gd.data) { return -1; }
            return gd.data.reduce((n, t) => n + (t.x ? t.x.length : 0), 0);
        }""",
        index,
    )


def trace_x(page, figure: int, trace: int) -> list:
    """The x values the page holds for one trace of the figure-th plotly figure."""
    return page.evaluate(
        """([figure, trace]) => {
            const gd = document.querySelectorAll('.dl-dashboard .js-plotly-plot')[figure];
            return gd && gd.data && gd.data[trace] ? Array.from(gd.data[trace].x) : null;
        }""",
        [figure, trace],
    )


def set_text(page, selector: str, value: str) -> None:
    field = page.locator(selector).first
    field.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(value)
    page.keyboard.press("Enter")


def draw_stroke(page) -> None:
    pad = page.locator(".dl-digit-pad").first
    pad.scroll_into_view_if_needed()
    box = pad.bounding_box()
    x, y = box["x"], box["y"]
    page.mouse.move(x + box["width"] * 0.5, y + 25)
    page.mouse.down()
    page.mouse.move(x + box["width"] * 0.52, y + box["height"] - 25, steps=10)
    page.mouse.up()


def test_train_evaluate_and_draw_pl(voila_server, open_page):
    page = open_page(voila_server, NOTEBOOK.format(lang="pl"))
    support.wait_for_widgets(page, ready=True, timeout=READY_TIMEOUT)
    assert support.page_problems(page) == []
    # Polish writes a four-digit number without a separator, and a decimal comma
    assert "8000 obrazów uczących" in page.locator(".dl-data-source").inner_text()
    set_text(page, ".dl-epochs .widget-readout", "2")
    page.locator(".dl-train").first.click()
    result = page.locator(".dl-test-result").first
    page.wait_for_function(
        "() => /dokładność/.test(document.querySelector('.dl-test-result').innerText)",
        timeout=60_000,
    )
    shown = result.inner_text().split("dokładność")[1].split("%")[0].strip()
    assert "." not in shown, f"an English decimal point on the Polish page: {shown}"
    accuracy = float(shown.replace(",", "."))
    assert accuracy > 85.0
    assert plot_points(page, 0) >= 4  # loss/accuracy curves: training and validation
    # a validation dot for every epoch, in the page, not only in the kernel
    assert trace_x(page, 0, 1) == [1, 2] and trace_x(page, 0, 3) == [1, 2]
    assert "Uczenie zakończone (2 epoki" in page.locator(".dl-fit-status").inner_text()
    # the pad: pixels drawn in the page and a prediction computed in the kernel
    answer = page.locator(".dl-prediction").first
    before = answer.inner_text()
    assert "prawdziwa cyfra" in before  # a test image is shown first, with its label
    draw_stroke(page)
    # Wait for the drawing's prediction: "Model: ..." without a true label. (Waiting for
    # any change raced with the test image's prediction redrawn after training.)
    page.wait_for_function(
        """() => { const t = document.querySelector('.dl-prediction').innerText;
            return t.includes('Model:') && !t.includes('prawdziwa'); }""",
        timeout=30_000,
    )
    painted = page.evaluate(
        """() => { const c = document.querySelector('.dl-digit-pad');
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; }"""
    )
    assert painted > 500
    page.locator(".dl-canvas-clear").first.click()
    # Wait for the empty-pad message itself: reading "the text before" after the click
    # raced with a kernel that answered first (the wait then never saw a change).
    page.wait_for_function(
        "() => document.querySelector('.dl-prediction').innerText.includes('puste')",
        timeout=15_000,
    )
    assert "puste" in answer.inner_text()
    assert support.page_problems(page) == []
    support.save_screenshot(page, SCREENSHOTS / "pl_09_keras_mnist.png")


def test_bad_layer_shows_message_en(voila_server, open_page):
    page = open_page(voila_server, NOTEBOOK.format(lang="en"))
    support.wait_for_widgets(page, ready=True, timeout=READY_TIMEOUT)
    assert "235,146" in page.locator(".dl-summary-box").inner_text()
    set_text(page, ".dl-units input", "0")
    banner = page.locator(support.ERROR).first
    banner.wait_for(state="visible", timeout=10_000)
    assert "needs 1 to 4096 units, not 0" in banner.inner_text()
    assert "235,146" in page.locator(".dl-summary-box").inner_text()  # old model kept
    assert "Traceback" not in page.locator("body").inner_text()
    support.save_screenshot(page, SCREENSHOTS / "en_09_keras_mnist.png")
