"""Lesson 12 (autoencoders) in Voilà and headless Chromium, both languages: the dashboard
becomes ready; an arrow key on the z₁ slider changes the decoded digit; hovering an empty
corner of the code plane walks there; ▶ Train on 4000 images moves the test digits' dots
in the code plane while it trains, and Stop stops it.
Every selector is scoped to ``.dl-autoencoder``; every wait is on a condition.
"""

from __future__ import annotations

import pytest

from . import support
from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

READY_TIMEOUT = 120.0
STEM = "12_autoencoders"
LANGUAGES = ("pl", "en")
ROOT = ".dl-autoencoder"
STOPPED = {"pl": "Zatrzymano", "en": "Stopped"}


def walk_source(page) -> str:
    """The decoded digit's image (a data URL) as the page shows it."""
    return page.evaluate(
        """(root) => {
            const gd = document.querySelector(`${root} .dl-walk .js-plotly-plot`);
            return gd && gd.layout && gd.layout.images ? gd.layout.images[0].source || "" : "";
        }""",
        ROOT,
    )


def first_dots(page) -> list:
    """The x of the first dots of digit 0 in the code plane, as drawn."""
    return page.evaluate(
        """(root) => {
            const gd = document.querySelector(`${root} .dl-codes .js-plotly-plot`);
            if (!gd || !gd.data || !gd.data[1]) { return []; }
            return Array.from(gd.data[1].x || []).slice(0, 5);
        }""",
        ROOT,
    )


def status_text(page) -> str:
    return page.locator(f"{ROOT} .dl-status").first.inner_text()


def check_walk(page, lang: str) -> None:
    before = walk_source(page)
    handle = page.locator(f"{ROOT} .dl-z1 .noUi-handle").first
    handle.focus()
    # To the plane's edge, then back by arrow keys: an untrained decoder's grey blur
    # changes little over a short walk, and might not change a pixel of the image.
    handle.press("End")
    for _ in range(3):
        handle.press("ArrowLeft")
    support.wait_until_changed(
        lambda: walk_source(page) not in ("", before),
        False,
        f"[{lang}] the decoded digit",
        timeout=60,  # the page's kernel also builds the denoising panel's models
    )


def set_epochs(page, value: str) -> None:
    readout = page.locator(f"{ROOT} .dl-epochs {support.SLIDER_READOUT}").first
    readout.click()
    readout.press("Control+a")
    readout.type(value)
    readout.press("Enter")
    support.wait_until_changed(
        lambda: readout.inner_text().strip() == value, False, "the epochs readout"
    )


def z_readouts(page) -> list[str]:
    return [page.locator(f"{ROOT} .dl-z{i} .widget-readout").first.inner_text() for i in (1, 2)]


def check_hover_walks_from_an_empty_corner(page, lang: str) -> None:
    """Hovering where no dot is (the plane's top right corner) moves the walked point."""
    before = z_readouts(page)
    box = page.locator(f"{ROOT} .dl-codes .js-plotly-plot .nsewdrag").first.bounding_box()
    page.mouse.move(box["x"] + 0.97 * box["width"], box["y"] + 0.03 * box["height"], steps=4)
    support.wait_until_changed(lambda: z_readouts(page), before, f"[{lang}] the hover walk")
    page.mouse.move(0, 0)


def check_training_moves_the_dots_and_stops(page, lang: str) -> None:
    set_epochs(page, "50")  # long enough to be stopped (4000 images: 0.25–1 s an epoch)
    page.locator(f"{ROOT} .dl-images select").first.select_option(label="4000")
    support.wait_until_changed(
        lambda: "Press ▶" in status_text(page) or "Naciśnij ▶" in status_text(page),
        False,
        f"[{lang}] the rebuild",
    )
    page.locator(f"{ROOT} button.dl-train").first.click()
    seen = [first_dots(page)]
    for step in ("first", "second"):
        support.wait_until_changed(
            lambda: first_dots(page) != seen[-1], False, f"[{lang}] the {step} move", timeout=60
        )
        seen.append(first_dots(page))
    page.locator(f"{ROOT} button.dl-stop").first.click()
    support.wait_until_changed(
        lambda: STOPPED[lang] in status_text(page), False, f"[{lang}] the stop", timeout=30
    )


def test_autoencoder_walks_trains_live_and_stops(voila_server, open_page):
    pages = {lang: open_page(voila_server, f"{lang}/{STEM}.ipynb") for lang in LANGUAGES}
    for lang, page in pages.items():
        page.locator(f"{ROOT}.dl-ready").first.wait_for(
            state="attached", timeout=READY_TIMEOUT * 1000
        )
        assert support.page_problems(page) == [], lang
        check_walk(page, lang)
        check_hover_walks_from_an_empty_corner(page, lang)
        check_training_moves_the_dots_and_stops(page, lang)
        assert support.page_problems(page) == [], lang
        support.save_screenshot(page, SCREENSHOTS / f"{lang}_{STEM}.png")
