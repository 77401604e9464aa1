"""Lesson 11, part 2 (memory over time) in Voilà and headless Chromium, both languages:
the memory dashboard becomes ready, a tiny size is set through its sliders, ▶ trains the
three cells in turns with their loss curves growing live, Stop stops the training, and
no error shows.

The lesson's page holds other dashboards too (part 1, the loop unrolled): every selector
is scoped to ``.dl-rnn-memory``. Every wait is on a condition, never a sleep.
"""

from __future__ import annotations

import pytest

from . import support
from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

READY_TIMEOUT = 120.0
STEM = "11_rnn"
LANGUAGES = ("pl", "en")
ROOT = ".dl-rnn-memory"
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
        ROOT,
    )


def set_slider(page, name: str, value: str) -> None:
    """Type ``value`` into the readout of the slider ``.dl-<name>`` and press Enter."""
    readout = page.locator(f"{ROOT} .dl-{name} {support.SLIDER_READOUT}").first
    readout.click()
    readout.press("Control+a")
    readout.type(value)
    readout.press("Enter")
    support.wait_until_changed(
        lambda: readout.inner_text().replace("\u00a0", "").replace(" ", "") == value,
        False,
        f"the {name} readout",
    )


def status_text(page) -> str:
    return page.locator(f"{ROOT} .dl-status").first.inner_text()


def check_tiny_training_is_live_and_stops(page, lang: str) -> None:
    for name, value in TINY.items():
        set_slider(page, name, value)
    # the rebuild after the last size change has drawn empty curves and said "ready"
    support.wait_until_changed(lambda: curve_points(page) == [0, 0, 0], False, f"[{lang}] reset")
    page.locator(f"{ROOT} button.dl-play").first.click()
    support.wait_until_changed(
        lambda: min(curve_points(page)) >= 1, False, f"[{lang}] the loss curves", timeout=120
    )
    page.locator(f"{ROOT} button.dl-stop").first.click()
    support.wait_until_changed(
        lambda: STOPPED[lang] in status_text(page), False, f"[{lang}] the stop", timeout=30
    )
    points = curve_points(page)
    assert 1 <= min(points) and max(points) < 30, (lang, points)


def test_memory_dashboard_trains_tiny_sizes_live_and_stops(voila_server, open_page):
    pages = {lang: open_page(voila_server, f"{lang}/{STEM}.ipynb") for lang in LANGUAGES}
    for lang, page in pages.items():
        page.locator(f"{ROOT}.dl-ready").first.wait_for(
            state="attached", timeout=READY_TIMEOUT * 1000
        )
        assert support.page_problems(page) == [], lang
        check_tiny_training_is_live_and_stops(page, lang)
        assert support.page_problems(page) == [], lang
        support.save_screenshot(page, SCREENSHOTS / f"{lang}_{STEM}_memory.png")
