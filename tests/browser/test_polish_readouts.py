"""Polish pages write slider readouts with a decimal comma, and a typed "0,5" still sets
the slider (widgets/readouts.py). Lesson 02's weights and threshold, in Voilà and Chromium.
"""

from __future__ import annotations

import time

import pytest

from . import support

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

READY_TIMEOUT = 90.0
CHANGE_TIMEOUT = 15.0
READOUTS = (
    "() => [...document.querySelectorAll('.dl-dashboard .widget-readout')].map(r => r.textContent)"
)


def wait_until(read, check, what: str):
    deadline = time.monotonic() + CHANGE_TIMEOUT
    value = read()
    while time.monotonic() < deadline:
        value = read()
        if check(value):
            return value
        time.sleep(0.1)
    raise AssertionError(f"{what}: {value!r}")


def test_polish_readouts_use_a_decimal_comma_and_accept_one(voila_server, open_page):
    page = open_page(voila_server, "pl/02_mcculloch_pitts.ipynb")
    support.wait_for_widgets(page, ready=True, timeout=READY_TIMEOUT)
    shown = wait_until(
        lambda: page.evaluate(READOUTS),
        lambda texts: texts[:2] == ["1,0", "1,0"],
        "the weights' readouts were not written the Polish way",
    )
    assert not any("." in text for text in shown), shown
    handle = page.locator(f".dl-dashboard {support.SLIDER_HANDLE}").first
    handle.press("ArrowLeft")  # w1: 1.0 -> 0.5, written as the slider moves
    wait_until(lambda: page.evaluate(READOUTS)[0], lambda text: text == "0,5", "w1 after a key")
    readout = page.locator(".dl-dashboard .widget-readout").first
    readout.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("-1,5")
    page.keyboard.press("Enter")
    wait_until(lambda: page.evaluate(READOUTS)[0], lambda text: text == "−1,5", "a typed -1,5")
    label = page.locator(".dl-function").first
    wait_until(label.inner_text, lambda text: "AND" not in text, "the neuron after -1,5")
    assert support.page_problems(page) == []


def test_english_readouts_keep_the_decimal_point(voila_server, open_page):
    page = open_page(voila_server, "en/02_mcculloch_pitts.ipynb")
    support.wait_for_widgets(page, ready=True, timeout=READY_TIMEOUT)
    texts = page.evaluate(READOUTS)
    assert texts[:2] == ["1.0", "1.0"], texts
