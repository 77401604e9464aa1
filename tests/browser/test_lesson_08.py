"""Lesson 08 (deep against shallow) in Voilà and headless Chromium, both languages: the
dashboard becomes ready, ▶ trains both nets in the background with the loss curves growing
live, ⏹ stops the training, the teeth slider redraws the target, and no error shows."""

from __future__ import annotations

import pytest

from . import support
from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

READY_TIMEOUT = 90.0
STEM = "08_deep_vs_shallow"
STOPPED = {"pl": "Zatrzymano", "en": "Stopped"}


def trace_points(page, box: str, trace: int) -> int:
    """How many x values the trace of the figure inside ``.dl-<box>`` has (-1: none yet)."""
    return page.evaluate(
        """([box, trace]) => {
            const gd = document.querySelector(`.dl-dashboard .dl-${box} .js-plotly-plot`);
            if (!gd || !gd.data || !gd.data[trace]) { return -1; }
            return Array.from(gd.data[trace].x || []).length;
        }""",
        [box, trace],
    )


def target_state(page) -> str:
    return page.evaluate(
        """() => {
            const gd = document.querySelector('.dl-dashboard .dl-function .js-plotly-plot');
            const y = gd && gd.data && gd.data[1] ? Array.from(gd.data[1].y || []) : [];
            return JSON.stringify(y.slice(0, 60));
        }"""
    )


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_train_live_stop_and_teeth(voila_server, open_page, lang):
    page = open_page(voila_server, f"{lang}/{STEM}.ipynb")
    support.wait_for_widgets(page, ready=True, timeout=READY_TIMEOUT)
    assert support.page_problems(page) == []
    # ▶: the loss curves grow while training runs (live, not only at the end)
    support.wait_until_changed(lambda: trace_points(page, "loss", 3), -1, "the loss figure")
    before = trace_points(page, "loss", 3)
    page.locator(".dl-play button, button.dl-play").first.click()
    support.wait_until_changed(lambda: trace_points(page, "loss", 3), before, "the loss curve")
    page.locator(".dl-stop button, button.dl-stop").first.click()
    status = page.locator(".dl-status")
    support.wait_until_changed(
        lambda: STOPPED[lang] in status.inner_text(), False, "the stopped message", timeout=30
    )
    assert trace_points(page, "loss", 3) > 1
    # the teeth slider redraws the target (and starts again)
    slider = page.locator(".dl-teeth").first
    readout = slider.locator(support.SLIDER_READOUT).first
    target_before, readout_before = target_state(page), readout.inner_text()
    slider.locator(support.SLIDER_HANDLE).first.focus()
    page.keyboard.press("ArrowRight")
    support.wait_until_changed(readout.inner_text, readout_before, "the teeth readout")
    support.wait_until_changed(lambda: target_state(page), target_before, "the target curve")
    assert support.page_problems(page) == []
    support.save_screenshot(page, SCREENSHOTS / f"{lang}_{STEM}.png")
