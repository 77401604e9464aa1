"""Lesson 14 (GAN) in Voilà and headless Chromium, both languages, each page opened once
(every dashboard of the notebook is built per page):

- GAN Lab's 2-D panel (``.dl-gan-lab``) becomes ready; Step moves the generator's samples
  on the plane; Play moves them again and again (the plane redrawn live) until Pause,
  after which nothing moves;
- the 1-D panel's μ_g slider moves D*;
- the digits panel's ▶ Train changes the fixed-noise grid while it trains, and Stop stops it.

Every selector is scoped to the panel's root class; every wait is on a condition.
"""

from __future__ import annotations

import time

import pytest

from . import support
from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(420)]

READY_TIMEOUT = 150.0
STEM = "14_gan"
LANGUAGES = ("pl", "en")
GAN_LAB = ".dl-gan-lab"
ONE_D = ".dl-gan-1d"
DIGITS = ".dl-gan-digits"
PLAY = {"pl": "Graj", "en": "Play"}
PAUSE = {"pl": "Pauza", "en": "Pause"}
STOPPED = {"pl": "Zatrzymano", "en": "Stopped"}


# GAN Lab's 2-D panel.


def fakes(page) -> list:
    """The first fake samples' x as the page draws them (trace 3 of the plane)."""
    return page.evaluate(
        """(root) => {
            const gd = document.querySelector(`${root} .dl-plane .js-plotly-plot`);
            if (!gd || !gd.data || !gd.data[3]) { return []; }
            return Array.from(gd.data[3].x || []).slice(0, 5);
        }""",
        GAN_LAB,
    )


def play_label(page) -> str:
    return page.locator(f"{GAN_LAB} button.dl-play").first.inner_text().strip()


def check_step_moves_the_fakes(page, lang: str) -> None:
    before = fakes(page)
    assert before, f"[{lang}] no fake samples drawn"
    page.locator(f"{GAN_LAB} button.dl-step").first.click()
    support.wait_until_changed(lambda: fakes(page), before, f"[{lang}] the step", timeout=60)


def check_play_moves_the_fakes_until_paused(page, lang: str) -> None:
    page.locator(f"{GAN_LAB} button.dl-play").first.click()
    support.wait_until_changed(
        lambda: play_label(page) == PAUSE[lang], False, f"[{lang}] the Pause label"
    )
    seen = [fakes(page)]
    for frame in ("first", "second", "third"):
        support.wait_until_changed(
            lambda: fakes(page) != seen[-1], False, f"[{lang}] the {frame} frame", timeout=30
        )
        seen.append(fakes(page))
    page.locator(f"{GAN_LAB} button.dl-play").first.click()
    support.wait_until_changed(
        lambda: play_label(page) == PLAY[lang], False, f"[{lang}] the pause", timeout=30
    )
    paused = fakes(page)
    time.sleep(1.0)  # a frame in flight has landed by now; nothing new may come
    assert fakes(page) == paused, f"[{lang}] the samples moved after Pause"


def fake_legend(page) -> list:
    """(points drawn, legend entry shown) of the fake samples' trace, as the page has it."""
    return page.evaluate(
        """(root) => {
            const gd = document.querySelector(`${root} .dl-plane .js-plotly-plot`);
            const trace = gd && gd.data ? gd.data[3] : null;
            return trace ? [(trace.x || []).length, trace.showlegend !== false] : [];
        }""",
        GAN_LAB,
    )


def check_hiding_the_fakes_and_showing_them_again(page, lang: str) -> None:
    """Issue 24: the show checkboxes empty a layer (points out, legend entry off) without
    a redraw of the whole plot; the page must apply it, and the layer must come back."""
    box = page.locator(f"{GAN_LAB} .widget-checkbox input").nth(5)  # G's samples
    box.click()
    support.wait_until_changed(lambda: fake_legend(page) == [0, False], False, f"[{lang}] hide")
    box.click()
    support.wait_until_changed(
        lambda: fake_legend(page)[0] > 0 and fake_legend(page)[1], False, f"[{lang}] show"
    )


# The 1-D panel and the digits panel.


def d_star(page) -> list:
    """The first values of D* as the page draws them."""
    return page.evaluate(
        """(root) => {
            const gd = document.querySelector(`${root} .dl-curves .js-plotly-plot`);
            if (!gd || !gd.data || !gd.data[2]) { return []; }
            return Array.from(gd.data[2].y || []).slice(100, 140);
        }""",
        ONE_D,
    )


def grid_source(page) -> str:
    return page.evaluate(
        """(root) => {
            const gd = document.querySelector(`${root} .dl-grid .js-plotly-plot`);
            return gd && gd.layout && gd.layout.images ? gd.layout.images[0].source || "" : "";
        }""",
        DIGITS,
    )


def status_text(page) -> str:
    return page.locator(f"{DIGITS} .dl-status").first.inner_text()


def check_d_star_follows_the_slider(page, lang: str) -> None:
    before = d_star(page)
    handle = page.locator(f"{ONE_D} .dl-mu-g {support.SLIDER_HANDLE}").first
    handle.focus()
    for _ in range(3):
        handle.press("ArrowRight")
    support.wait_until_changed(lambda: d_star(page), before, f"[{lang}] D*")


def check_training_changes_the_grid_and_stops(page, lang: str) -> None:
    seen = [grid_source(page)]
    page.locator(f"{DIGITS} button.dl-train").first.click()
    for step in ("first", "second"):
        support.wait_until_changed(
            lambda: grid_source(page) not in ("", seen[-1]),
            False,
            f"[{lang}] the grid's {step} change",
            timeout=90,
        )
        seen.append(grid_source(page))
    page.locator(f"{DIGITS} button.dl-stop").first.click()
    support.wait_until_changed(
        lambda: STOPPED[lang] in status_text(page), False, f"[{lang}] the stop", timeout=30
    )


def test_gan_lab_optimal_discriminator_and_digits_gan(voila_server, open_page):
    # Both pages first: their kernels load TensorFlow and build the panels meanwhile.
    pages = {lang: open_page(voila_server, f"{lang}/{STEM}.ipynb") for lang in LANGUAGES}
    for lang, page in pages.items():
        for root in (GAN_LAB, ONE_D, DIGITS):
            page.locator(f"{root}.dl-ready").first.wait_for(
                state="attached", timeout=READY_TIMEOUT * 1000
            )
        assert support.page_problems(page) == [], lang
        check_step_moves_the_fakes(page, lang)
        check_play_moves_the_fakes_until_paused(page, lang)
        check_hiding_the_fakes_and_showing_them_again(page, lang)
        assert support.page_problems(page) == [], lang
        check_d_star_follows_the_slider(page, lang)
        check_training_changes_the_grid_and_stops(page, lang)
        assert support.page_problems(page) == [], lang
        support.save_screenshot(page, SCREENSHOTS / f"{lang}_{STEM}.png")
