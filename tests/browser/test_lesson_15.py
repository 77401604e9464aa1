"""Lesson 15 (Keras layers) in Voilà and headless Chromium, both languages, each page
opened once (every dashboard of the notebook is built per page):

- in the layer zoo a new stride changes the output shape and the output image, and a new
  layer (a transposed convolution) changes them again;
- in the sequence builder, adding a layer adds a row to the summary table;
- a sentence typed into the text panel changes the vocabulary on the page when the box
  is left (not before: it does not adapt again at every key);
- one move of the image panel's rotation slider changes the augmentation grid (a new
  image computed by the layers), and more moves change it again.

Every selector is scoped to the panel's root class; every wait is on a condition.
"""

from __future__ import annotations

import time

import pytest

from . import support
from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(360)]

READY_TIMEOUT = 150.0
STEM = "15_keras_layers"
LANGUAGES = ("pl", "en")
ZOO = ".dl-layer-zoo"
STACK = ".dl-layer-stack"
TEXT_PREP = ".dl-text-prep"
IMAGE_PREP = ".dl-image-prep"
WORD = {"pl": "chrząszcz", "en": "zebra"}


# The layer zoo and the sequence builder.


def summary(page) -> str:
    return page.locator(f"{ZOO} .dl-summary").first.inner_text()


def output_image(page) -> str:
    """The source of the output raster (the second subplot's image)."""
    return page.evaluate(
        """(root) => {
            const plots = document.querySelectorAll(`${root} .js-plotly-plot`);
            for (const gd of plots) {
                if (gd.layout && gd.layout.images && gd.layout.images.length === 3) {
                    return gd.layout.images[1].source || "";
                }
            }
            return "";
        }""",
        ZOO,
    )


def table_rows(page) -> int:
    return page.locator(f"{STACK} .dl-stack-table tr").count()


def check_stride_changes_shape_and_image(page, lang: str) -> None:
    before_text, before_image = summary(page), output_image(page)
    assert "(None, 26, 26, 8)" in before_text, before_text
    handle = page.locator(f"{ZOO} .dl-arg-strides {support.SLIDER_HANDLE}").first
    handle.focus()
    handle.press("ArrowRight")  # stride 1 → 2: 26 → 13
    support.wait_until_changed(
        lambda: "(None, 13, 13, 8)" in summary(page), False, f"[{lang}] the output shape"
    )
    # The shape comes from the formulas at once; the image when Keras has built the layer.
    support.wait_until_changed(lambda: output_image(page), before_image, f"[{lang}] the image")


def check_a_new_layer_changes_the_output(page, lang: str) -> None:
    before = output_image(page)
    page.locator(f"{ZOO} .dl-layer select").first.select_option(value="Conv2DTranspose")
    support.wait_until_changed(
        lambda: "(None, 15, 15, 4)" in summary(page), False, f"[{lang}] Conv2DTranspose"
    )
    support.wait_until_changed(lambda: output_image(page), before, f"[{lang}] its image")


def check_adding_a_layer_adds_a_row(page, lang: str) -> None:
    rows = table_rows(page)
    page.locator(f"{STACK} button.dl-stack-add").first.click()
    support.wait_until_changed(lambda: table_rows(page), rows, f"[{lang}] the new row")
    # The row comes from the formulas at once; Keras' own layer name when it has built.
    support.wait_until_changed(
        lambda: "dense" in page.locator(f"{STACK} .dl-stack-table").first.inner_text(),
        False,
        f"[{lang}] Keras' table",
    )


# The preprocessing panels.


def vocabulary(page) -> str:
    return page.locator(f"{TEXT_PREP} .dl-vocabulary").first.inner_text()


def prep_grid(page) -> str:
    return page.evaluate(
        """(root) => {
            const gd = document.querySelector(`${root} .js-plotly-plot`);
            return gd && gd.layout && gd.layout.images ? gd.layout.images[0].source || "" : "";
        }""",
        IMAGE_PREP,
    )


def check_typing_changes_the_vocabulary(page, lang: str) -> None:
    before = vocabulary(page)
    assert WORD[lang] not in before
    box = page.locator(f"{TEXT_PREP} .dl-sentences textarea").first
    box.fill(f"W Szczebrzeszynie {WORD[lang]} brzmi w trzcinie\nAla ma kota")
    time.sleep(1.5)  # typed, still in the box: nothing sent yet (not a new adapt a key)
    assert WORD[lang] not in vocabulary(page), f"[{lang}] sent before leaving the box"
    box.press("Tab")  # the box sends its text when it loses the focus
    support.wait_until_changed(
        lambda: WORD[lang] in vocabulary(page), False, f"[{lang}] the vocabulary"
    )


def check_the_rotation_slider_changes_the_grid(page, lang: str) -> None:
    support.wait_until_changed(lambda: prep_grid(page) != "", False, f"[{lang}] the grid")
    before = prep_grid(page)
    handle = page.locator(f"{IMAGE_PREP} .dl-rotation {support.SLIDER_HANDLE}").first
    handle.focus()
    handle.press("ArrowRight")
    after_one = support.wait_until_changed(
        lambda: prep_grid(page), before, f"[{lang}] the augmentation"
    )
    for _ in range(2):
        handle.press("ArrowRight")
    support.wait_until_changed(lambda: prep_grid(page), after_one, f"[{lang}] the grid")


def test_layers_sequences_and_preprocessing(voila_server, open_page):
    # Both pages first: their kernels load TensorFlow and build the panels meanwhile.
    pages = {lang: open_page(voila_server, f"{lang}/{STEM}.ipynb") for lang in LANGUAGES}
    for lang, page in pages.items():
        for root in (ZOO, STACK, TEXT_PREP, IMAGE_PREP):
            page.locator(f"{root}.dl-ready").first.wait_for(
                state="attached", timeout=READY_TIMEOUT * 1000
            )
        assert support.page_problems(page) == [], lang
        check_stride_changes_shape_and_image(page, lang)
        check_a_new_layer_changes_the_output(page, lang)
        check_adding_a_layer_adds_a_row(page, lang)
        check_typing_changes_the_vocabulary(page, lang)
        check_the_rotation_slider_changes_the_grid(page, lang)
        assert support.page_problems(page) == [], lang
        support.save_screenshot(page, SCREENSHOTS / f"{lang}_{STEM}.png")
