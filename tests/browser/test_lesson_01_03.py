"""Lessons 01 (history timeline) and 03 (Hebb's rule) in Voilà, driven by a real browser.

The history timeline: the 1943 card shows the live Keras MCP truth table, the Dropdown
and a click on a plotly marker both change the card. Hebb's rule: the "step" button moves
the table, the status and the input plane; the encoding switch explains the 0/1 failure.
Run: ``python -m pytest tests/browser/test_lesson_01_03.py -v`` (needs Debian's Chromium).
"""

from __future__ import annotations

import time

import pytest

from . import support
from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

READY_TIMEOUT = 90.0
CHANGE_TIMEOUT = 15.0


def wait_for_text(read, wanted: str, what: str) -> str:
    deadline = time.monotonic() + CHANGE_TIMEOUT
    text = ""
    while time.monotonic() < deadline:
        text = read()
        if wanted in text:
            return text
        time.sleep(0.1)
    raise AssertionError(f"{what} did not show {wanted!r} within {CHANGE_TIMEOUT:.0f} s: {text!r}")


def open_ready(open_page, server, notebook: str):
    page = open_page(server, notebook)
    support.wait_for_widgets(page, ready=True, timeout=READY_TIMEOUT)
    assert support.page_problems(page) == []
    return page


def plotly_state(page, index: int) -> str:
    return page.evaluate(
        """(index) => {
            const gd = document.querySelectorAll('.dl-dashboard .js-plotly-plot')[index];
            const plain = (key, value) => ArrayBuffer.isView(value) ? Array.from(value) : value;
            const shapes = gd && gd.layout ? gd.layout.shapes : null;
            return gd ? JSON.stringify({data: gd.data, shapes: shapes}, plain) : null;
        }""",
        index,
    )


def test_history_timeline_selects_events_by_list_and_click(voila_server, open_page):
    page = open_ready(open_page, voila_server, "en/01_history.ipynb")
    card = page.locator(".dl-history-card").first
    read = card.inner_text
    # The 1943 card fills in the Keras MCP neuron's AND table once the model is built.
    wait_for_text(read, "computes AND", "the 1943 card")
    assert page.locator(".dl-mcp-live tbody tr").count() == 4

    page.locator(".dl-dashboard select").first.select_option(
        label="1969 · " + "Minsky and Papert: what the perceptron cannot do"
    )
    wait_for_text(read, "Minsky", "the card after choosing 1969 in the list")
    before = plotly_state(page, 0)

    # A click on the 2012 marker (the third trace's 10th point).
    point = page.locator(".js-plotly-plot .scatterlayer .trace").nth(2).locator("path.point")
    box = point.nth(9).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    wait_for_text(read, "AlexNet", "the card after clicking the 2012 marker")
    assert plotly_state(page, 0) != before  # the highlighted marker moved
    assert support.page_problems(page) == []
    support.save_screenshot(page, SCREENSHOTS / "en_01_history_2012.png")


def test_hebb_steps_and_encoding_switch(voila_server, open_page):
    page = open_ready(open_page, voila_server, "pl/03_hebb.ipynb")
    status = page.locator(".dl-hebb-status").first
    table = page.locator(".dl-hebb-table").first
    wait_for_text(status.inner_text, "Krok 0 z 12", "the status")
    plane_before = plotly_state(page, 0)

    step = page.locator(".dl-step").first
    step.click()
    wait_for_text(status.inner_text, "Krok 1 z 12", "the status after one step")
    step.click()
    text = wait_for_text(status.inner_text, "Krok 2 z 12", "the status after two steps")
    assert "w = (0, 2)" in text and "b = 0" in text  # the classic Hebb-net table
    assert "−1" in table.inner_text()
    assert plotly_state(page, 0) != plane_before
    # The half-plane, its boundary and the square round the current pattern are shapes:
    # check that plotly.js took them (it once rejected every update of them).
    plane = f"{support.DASHBOARD} {support.PLOTLY_FIGURE}"
    names = [shape.get("name") for shape in support.plotly_shapes(page, plane)]
    assert {"fires", "boundary", "current"} <= set(names), names

    page.locator(".dl-dashboard button", has_text="binarne 0/1").first.click()
    notes = page.locator(".dl-hebb-notes").first
    wait_for_text(notes.inner_text, "Dlaczego 0/1 zawodzi?", "the notes after the switch")
    assert support.page_problems(page) == []
    support.save_screenshot(page, SCREENSHOTS / "pl_03_hebb_binary.png")
