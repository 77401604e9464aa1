"""Lesson 10 (CNN) in Voilà and headless Chromium: both dashboards become ready in both
languages, the stride slider and a typed kernel weight redraw the convolution, and (in
the English page) the CNN trains: the feature-map views change while it trains and
the comparison table fills in."""

from __future__ import annotations

import pytest

from widgets.convolution import TEXT

from . import support
from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

READY_TIMEOUT = 120.0
CONV = ".dl-convolution"
CNN = ".dl-cnn"


def figure_state(page, root: str, index: int) -> str | None:
    """Data, shapes and images of the index-th plotly figure inside ``root``, as a
    comparable string (the maps are layout images: a change there is a redraw)."""
    return page.evaluate(
        """([root, index]) => {
            const gd = document.querySelectorAll(root + ' .js-plotly-plot')[index];
            if (!gd) { return null; }
            const plain = (key, value) => ArrayBuffer.isView(value) ? Array.from(value) : value;
            const layout = gd.layout || {};
            const images = (layout.images || []).map((image) => image.source);
            return JSON.stringify({data: gd.data, shapes: layout.shapes, images}, plain);
        }""",
        [root, index],
    )


def drawn_images(page, root: str) -> int:
    """How many PNG images the plotly figures inside ``root`` show."""
    return page.evaluate(
        """(root) => [...document.querySelectorAll(root + ' .js-plotly-plot image')]
            .filter((image) => (image.getAttribute('href') || image.getAttribute('xlink:href')
                                || '').startsWith('data:image/png')).length""",
        root,
    )


def open_lesson(voila_server, open_page, lang):
    page = open_page(voila_server, f"{lang}/10_cnn.ipynb")
    for root in (CONV, CNN):
        page.locator(f"{root}.dl-ready").wait_for(state="attached", timeout=READY_TIMEOUT * 1000)
    assert support.page_problems(page) == []
    return page


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_convolution_controls_redraw_and_the_cnn_trains(voila_server, open_page, lang):
    page = open_lesson(voila_server, open_page, lang)
    before = figure_state(page, CONV, 0)
    handle = page.locator(f"{CONV} .dl-stride {support.SLIDER_HANDLE}").first
    handle.focus()
    page.keyboard.press("ArrowRight")
    after_stride = support.wait_until_changed(
        lambda: figure_state(page, CONV, 0), before, "stride → figure"
    )
    assert "13×13" in page.locator(f"{CONV} .dl-formula").inner_text()
    # The four maps are drawn, as PNG images with square pixels, in the page.
    assert drawn_images(page, CONV) == 4
    rendering = page.evaluate(
        "(root) => getComputedStyle(document.querySelector(root + ' .js-plotly-plot image'))"
        ".imageRendering",
        CONV,
    )
    assert rendering == "pixelated"
    box = page.locator(f"{CONV} .dl-weight-4 input").first
    box.fill("3")
    box.press("Enter")
    support.wait_until_changed(lambda: figure_state(page, CONV, 0), after_stride, "kernel → figure")
    # A typed weight that matches no preset switches the preset list to "custom" (its
    # message may come after the figure's, which the page draws in a few ms).
    page.wait_for_function(
        "([selector, want]) => document.querySelector(selector).value === want",
        arg=[f"{CONV} .dl-preset select", TEXT.get("custom", lang)],
        timeout=10_000,
    )
    assert page.locator(f"{CONV} .dl-preset select").input_value() == TEXT.get("custom", lang)
    assert support.page_problems(page) == []
    support.save_screenshot(page, SCREENSHOTS / f"{lang}_10_cnn.png")
    if lang == "en":  # once is enough (and a page load costs ~15 s)
        click_a_feature_map(page)
        train_in_the_page(page)


def click_a_feature_map(page) -> None:
    """A click on the second tile of the pool1 mosaic explains map 1 of pool1."""
    layers = page.locator(f"{CNN} .js-plotly-plot").nth(3)
    pool1 = layers.locator(".nsewdrag[data-subplot='x3y3']")
    pool1.scroll_into_view_if_needed()  # a mouse click lands only inside the viewport
    box = pool1.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.37, box["y"] + box["height"] * 0.1)
    explain = page.locator(f"{CNN} .dl-explain")
    explain.get_by_text("Map 1 of pool1").wait_for(timeout=15_000)


def train_in_the_page(page) -> None:
    page.locator(f"{CNN} .dl-images select").select_option(label="2,000")
    page.locator(f"{CNN} .dl-with-mlp input").uncheck()
    filters_before = figure_state(page, CNN, 1)
    page.locator(f"{CNN} .dl-train").click()
    support.wait_until_changed(
        lambda: figure_state(page, CNN, 1), filters_before, "filters while training"
    )
    page.locator(f"{CNN} .dl-status").get_by_text("Done").wait_for(timeout=120_000)
    table = page.locator(f"{CNN} .dl-compare").inner_text()
    assert "34,826" in table and "%" in table.split("CNN")[1].splitlines()[0]
    assert support.page_problems(page) == []
    support.save_screenshot(page, SCREENSHOTS / "en_10_cnn_trained.png")
