"""Lesson 04 in a real browser: the perceptron's step button moves the figure.

For both languages: open the lesson in Voilà, wait for ``.dl-ready``, press *step* a few
times and check that the plotly figure and the counters change, that *step back* returns
to the previous picture, and that no error or traceback shows. Also times the steps from
the click to the figure's change in the page (printed; run with ``-s`` to see them).
"""

from __future__ import annotations

import statistics
import time

import pytest

from . import support
from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

NOTEBOOK = "{lang}/04_perceptron.ipynb"
FIGURE = f"{support.DASHBOARD} .dl-perceptron-plane{support.PLOTLY_FIGURE}"
READY_TIMEOUT = 90.0
CHANGE_TIMEOUT_MS = 10_000

_FIGURE_STATE = """(selector) => {
    const gd = document.querySelector(selector);
    if (!gd || !gd.data) { return null; }
    const plain = (key, value) => ArrayBuffer.isView(value) ? Array.from(value) : value;
    const traces = gd.data.map(t => [t.x, t.y, t.marker && t.marker.symbol]);
    return JSON.stringify([traces, (gd.layout && gd.layout.shapes) || []], plain);
}"""

_TIME_CLICK = """([button, selector]) => new Promise((resolve, reject) => {
    const gd = document.querySelector(selector);
    const started = performance.now();
    const observer = new MutationObserver(() => {
        observer.disconnect();
        resolve(performance.now() - started);
    });
    observer.observe(gd, {subtree: true, childList: true, attributes: true});
    setTimeout(() => { observer.disconnect(); reject(new Error("no change")); }, 10000);
    document.querySelector(button).click();
})"""


def figure_state(page) -> str:
    return page.evaluate(_FIGURE_STATE, FIGURE)


def wait_figure_changed(page, before: str) -> str:
    page.wait_for_function(
        f"(before) => ({_FIGURE_STATE})({FIGURE!r}) !== before",
        arg=before,
        timeout=CHANGE_TIMEOUT_MS,
        polling=20,
    )
    return figure_state(page)


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_step_buttons_move_the_perceptron(voila_server, open_page, lang):
    page = open_page(voila_server, NOTEBOOK.format(lang=lang))
    support.wait_for_widgets(page, ready=True, timeout=READY_TIMEOUT)
    page.locator(FIGURE).first.wait_for(state="visible")
    step = page.locator(f"{support.DASHBOARD} .dl-step").first
    counters = page.locator(f"{support.DASHBOARD} .dl-counters").first
    assert support.page_problems(page) == []

    states = [figure_state(page)]
    texts = [counters.inner_text()]
    for _ in range(4):
        step.click()
        states.append(wait_figure_changed(page, states[-1]))
        page.wait_for_function(
            "([selector, before]) => document.querySelector(selector).innerText !== before",
            arg=[f"{support.DASHBOARD} .dl-counters", texts[-1]],
            timeout=CHANGE_TIMEOUT_MS,
        )
        texts.append(counters.inner_text())
    assert texts[-1].split()[:4] != texts[0].split()[:4]
    assert ("krok 4" if lang == "pl" else "step 4") in texts[-1], texts[-1]

    page.locator(f"{support.DASHBOARD} .dl-step-back").first.click()
    page.wait_for_function(
        f"(want) => ({_FIGURE_STATE})({FIGURE!r}) === want",
        arg=states[-2],
        timeout=CHANGE_TIMEOUT_MS,
        polling=20,
    )

    # The data points are still drawn (a malformed update once erased them).
    points = page.evaluate(
        "(selector) => { const t = document.querySelector(selector).data[1];"
        " return t.x ? t.x.length : 0; }",
        FIGURE,
    )
    assert points == 40, f"the points trace holds {points} points, not 40"

    # A step moves only layout shapes, and with FastFigureUpdates plotly redraws just
    # them: the figure's computed trace data (gd.calcdata) stay the same object. Without
    # the patch every update recomputes them (widgets/figures/fast_updates.py).
    status = page.locator(".dl-fast-updates").first.get_attribute("data-status")
    assert status == "patched", status
    page.evaluate("(selector) => { window.__dlCalc = document.querySelector(selector).calcdata; }",
                  FIGURE)  # fmt: skip
    before = figure_state(page)
    step.click()
    wait_figure_changed(page, before)
    same = page.evaluate(
        "(selector) => document.querySelector(selector).calcdata === window.__dlCalc", FIGURE
    )
    assert same, "a shapes-only step recomputed the whole figure"

    latencies = []
    for _ in range(8):  # the kernel round trip of one step, on the page's clock
        latencies.append(page.evaluate(_TIME_CLICK, [f"{support.DASHBOARD} .dl-step", FIGURE]))
        time.sleep(0.1)
    print(
        f"\n{lang}: step click -> figure change p50 {statistics.median(latencies):.0f} ms, "
        f"max {max(latencies):.0f} ms"
    )
    assert support.page_problems(page) == []
    support.save_screenshot(page, SCREENSHOTS / f"{lang}_04_perceptron_steps.png")
