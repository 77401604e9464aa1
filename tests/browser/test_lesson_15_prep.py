"""Lesson 15's preprocessing panels in Voilà and headless Chromium, both languages: a
sentence typed into the text panel changes the vocabulary on the page when the box is
left (not before: it does not adapt again at every key); a move of the
rotation slider changes the augmentation grid (a new image computed by the layers).
(The layer zoo and the sequence builder: test_lesson_15.py.)
Every selector is scoped to the panel's root class; every wait is on a condition.
"""

from __future__ import annotations

import time

import pytest

from . import support
from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

READY_TIMEOUT = 150.0
STEM = "15_keras_layers"
LANGUAGES = ("pl", "en")
TEXT = ".dl-text-prep"
IMAGE = ".dl-image-prep"
WORD = {"pl": "chrząszcz", "en": "zebra"}


def vocabulary(page) -> str:
    return page.locator(f"{TEXT} .dl-vocabulary").first.inner_text()


def grid_source(page) -> str:
    return page.evaluate(
        """(root) => {
            const gd = document.querySelector(`${root} .js-plotly-plot`);
            return gd && gd.layout && gd.layout.images ? gd.layout.images[0].source || "" : "";
        }""",
        IMAGE,
    )


def check_typing_changes_the_vocabulary(page, lang: str) -> None:
    before = vocabulary(page)
    assert WORD[lang] not in before
    box = page.locator(f"{TEXT} .dl-sentences textarea").first
    box.fill(f"W Szczebrzeszynie {WORD[lang]} brzmi w trzcinie\nAla ma kota")
    time.sleep(1.5)  # typed, still in the box: nothing sent yet (not a new adapt a key)
    assert WORD[lang] not in vocabulary(page), f"[{lang}] sent before leaving the box"
    box.press("Tab")  # the box sends its text when it loses the focus
    support.wait_until_changed(
        lambda: WORD[lang] in vocabulary(page), False, f"[{lang}] the vocabulary"
    )


def check_a_slider_changes_the_grid(page, lang: str) -> None:
    support.wait_until_changed(lambda: grid_source(page) != "", False, f"[{lang}] the grid")
    before = grid_source(page)
    handle = page.locator(f"{IMAGE} .dl-rotation {support.SLIDER_HANDLE}").first
    handle.focus()
    for _ in range(3):
        handle.press("ArrowRight")
    support.wait_until_changed(lambda: grid_source(page), before, f"[{lang}] the grid")


def test_text_and_image_preprocessing(voila_server, open_page):
    # Both pages first: their kernels load TensorFlow and build the panels meanwhile.
    pages = {lang: open_page(voila_server, f"{lang}/{STEM}.ipynb") for lang in LANGUAGES}
    for lang, page in pages.items():
        for root in (TEXT, IMAGE):
            page.locator(f"{root}.dl-ready").first.wait_for(
                state="attached", timeout=READY_TIMEOUT * 1000
            )
        assert support.page_problems(page) == [], lang
        check_typing_changes_the_vocabulary(page, lang)
        check_a_slider_changes_the_grid(page, lang)
        assert support.page_problems(page) == [], lang
        support.save_screenshot(page, SCREENSHOTS / f"{lang}_{STEM}_prep.png")
