"""Lesson 08 (deep against shallow) in Voilà and headless Chromium, both languages: the
dashboard becomes ready, ▶ trains both nets in the background with the loss curves growing
live, ⏹ stops the training, the teeth slider redraws the target, the noisy set brings its
spread first-layer bends and a linear loss axis, and no error shows.

Both pages are opened at once, so their kernels start (and import TensorFlow) side by
side; then each page is checked in one visit. Every wait is on a condition, never a sleep.
"""

from __future__ import annotations

import functools

import pytest

from . import support
from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

READY_TIMEOUT = 90.0
STEM = "08_deep_vs_shallow"
LANGUAGES = ("pl", "en")
STOPPED = {"pl": "Zatrzymano", "en": "Stopped"}
NOISY = {"pl": "zaszumiony", "en": "noisy"}
SPREAD = {"pl": "rozłożone", "en": "spread"}


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
    """The first 60 y values of the target curve (trace 1 of the 1-D figure), as JSON."""
    return page.evaluate(
        """() => {
            const gd = document.querySelector('.dl-dashboard .dl-function .js-plotly-plot');
            const y = gd && gd.data && gd.data[1] ? Array.from(gd.data[1].y || []) : [];
            return JSON.stringify(y.slice(0, 60));
        }"""
    )


def check_training_is_live_and_stops(page, lang: str) -> None:
    """▶: the deep net's test-loss curve grows while training runs; ⏹ says it stopped."""
    loss_points = functools.partial(trace_points, page, "loss", 3)
    support.wait_until_changed(loss_points, -1, f"[{lang}] the loss figure")
    before = loss_points()
    page.locator(".dl-play button, button.dl-play").first.click()
    support.wait_until_changed(loss_points, before, f"[{lang}] the loss curve")
    page.locator(".dl-stop button, button.dl-stop").first.click()
    status = page.locator(".dl-status")
    support.wait_until_changed(
        lambda: STOPPED[lang] in status.inner_text(),
        False,
        f"[{lang}] the stopped message",
        timeout=30,
    )
    assert loss_points() > 1, lang


def check_teeth_redraw_the_target(page, lang: str) -> None:
    """A key press on the teeth slider moves its readout and redraws the target curve."""
    slider = page.locator(".dl-teeth").first
    readout = slider.locator(support.SLIDER_READOUT).first
    target_before, readout_before = target_state(page), readout.inner_text()
    slider.locator(support.SLIDER_HANDLE).first.focus()
    page.keyboard.press("ArrowRight")
    support.wait_until_changed(readout.inner_text, readout_before, f"[{lang}] the teeth readout")
    support.wait_until_changed(
        lambda: target_state(page), target_before, f"[{lang}] the target curve"
    )


def loss_axis_type(page) -> str:
    """The loss figure's y-axis type as the browser's plotly has it ("" before drawing)."""
    return page.evaluate(
        """() => {
            const gd = document.querySelector('.dl-dashboard .dl-loss .js-plotly-plot');
            return gd && gd.layout && gd.layout.yaxis ? String(gd.layout.yaxis.type) : '';
        }"""
    )


def check_noisy_set_brings_spread_bends(page, lang: str) -> None:
    """A click on the noisy set selects the spread bends and a linear loss axis."""
    dashboard = page.locator(".dl-dashboard")
    spread = dashboard.locator(f".dl-init button:has-text('{SPREAD[lang]}')").first
    assert "mod-active" not in (spread.get_attribute("class") or ""), lang
    dashboard.locator(f".widget-toggle-buttons button:has-text('{NOISY[lang]}')").first.click()
    support.wait_until_changed(
        lambda: "mod-active" in (spread.get_attribute("class") or ""),
        False,
        f"[{lang}] the spread bends",
    )
    support.wait_until_changed(lambda: loss_axis_type(page), "log", f"[{lang}] the loss axis")
    assert loss_axis_type(page) == "linear", lang


def test_train_live_stop_and_teeth_in_both_languages(voila_server, open_page):
    pages = {lang: open_page(voila_server, f"{lang}/{STEM}.ipynb") for lang in LANGUAGES}
    for lang, page in pages.items():
        support.wait_for_widgets(page, ready=True, timeout=READY_TIMEOUT)
        assert support.page_problems(page) == [], lang
        check_training_is_live_and_stops(page, lang)
        check_teeth_redraw_the_target(page, lang)
        check_noisy_set_brings_spread_bends(page, lang)
        assert support.page_problems(page) == [], lang
        support.save_screenshot(page, SCREENSHOTS / f"{lang}_{STEM}.png")
