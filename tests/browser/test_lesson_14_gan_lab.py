"""Lesson 14's GAN Lab panel in Voilà and headless Chromium, both languages: the dashboard
becomes ready; Step moves the generator's samples on the plane; Play moves them again and
again (the plane redrawn live) until Pause, after which nothing moves.
Every selector is scoped to ``.dl-gan-lab``; every wait is on a condition.
"""

from __future__ import annotations

import time

import pytest

from . import support
from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

READY_TIMEOUT = 120.0
STEM = "14_gan"
LANGUAGES = ("pl", "en")
ROOT = ".dl-gan-lab"
PLAY = {"pl": "Graj", "en": "Play"}
PAUSE = {"pl": "Pauza", "en": "Pause"}


def fakes(page) -> list:
    """The first fake samples' x as the page draws them (trace 3 of the plane)."""
    return page.evaluate(
        """(root) => {
            const gd = document.querySelector(`${root} .dl-plane .js-plotly-plot`);
            if (!gd || !gd.data || !gd.data[3]) { return []; }
            return Array.from(gd.data[3].x || []).slice(0, 5);
        }""",
        ROOT,
    )


def play_label(page) -> str:
    return page.locator(f"{ROOT} button.dl-play").first.inner_text().strip()


def check_step_moves_the_fakes(page, lang: str) -> None:
    before = fakes(page)
    assert before, f"[{lang}] no fake samples drawn"
    page.locator(f"{ROOT} button.dl-step").first.click()
    support.wait_until_changed(lambda: fakes(page), before, f"[{lang}] the step", timeout=60)


def check_play_moves_the_fakes_until_paused(page, lang: str) -> None:
    page.locator(f"{ROOT} button.dl-play").first.click()
    support.wait_until_changed(
        lambda: play_label(page) == PAUSE[lang], False, f"[{lang}] the Pause label"
    )
    seen = [fakes(page)]
    for frame in ("first", "second", "third"):
        support.wait_until_changed(
            lambda: fakes(page) != seen[-1], False, f"[{lang}] the {frame} frame", timeout=30
        )
        seen.append(fakes(page))
    page.locator(f"{ROOT} button.dl-play").first.click()
    support.wait_until_changed(
        lambda: play_label(page) == PLAY[lang], False, f"[{lang}] the pause", timeout=30
    )
    paused = fakes(page)
    time.sleep(1.0)  # a frame in flight has landed by now; nothing new may come
    assert fakes(page) == paused, f"[{lang}] the samples moved after Pause"


def test_gan_lab_steps_plays_live_and_pauses(voila_server, open_page):
    pages = {lang: open_page(voila_server, f"{lang}/{STEM}.ipynb") for lang in LANGUAGES}
    for lang, page in pages.items():
        page.locator(f"{ROOT}.dl-ready").first.wait_for(
            state="attached", timeout=READY_TIMEOUT * 1000
        )
        assert support.page_problems(page) == [], lang
        check_step_moves_the_fakes(page, lang)
        check_play_moves_the_fakes_until_paused(page, lang)
        assert support.page_problems(page) == [], lang
        support.save_screenshot(page, SCREENSHOTS / f"{lang}_{STEM}_gan_lab.png")
