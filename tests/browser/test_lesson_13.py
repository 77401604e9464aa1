"""Lesson 13 (RBM) in Voilà and headless Chromium, both languages: the dashboard becomes
ready; Gibbs ▶ Step changes v and shows the step; ▶ Play advances the chain by itself and
Pause stops it; ▶ Train of a 16-unit RBM changes the receptive fields while it trains, and
Stop stops it. Screenshots before training, after it, and of the Gibbs chain.
Every selector is scoped to ``.dl-rbm``; every wait is on a condition.
"""

from __future__ import annotations

import pytest

from . import support
from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

READY_TIMEOUT = 120.0
STEM = "13_rbm"
LANGUAGES = ("pl", "en")
ROOT = ".dl-rbm"
STOPPED = {"pl": "Zatrzymano", "en": "Stopped"}
STEP = {"pl": "krok", "en": "step"}


def image_source(page, box: str, index: int = 0) -> str:
    """A layout image's source (a data URL) in the figure inside ``.dl-<box>``, as drawn."""
    return page.evaluate(
        """([root, box, index]) => {
            const gd = document.querySelector(`${root} .dl-${box} .js-plotly-plot`);
            const images = gd && gd.layout && gd.layout.images;
            return images && images[index] ? images[index].source || "" : "";
        }""",
        [ROOT, box, index],
    )


def gibbs_title(page) -> str:
    return page.evaluate(
        """(root) => {
            const gd = document.querySelector(`${root} .dl-gibbs .js-plotly-plot`);
            const title = gd && gd.layout && gd.layout.title;
            return title ? (title.text || "") : "";
        }""",
        ROOT,
    )


def step_number(page) -> int:
    """The Gibbs chain's step as the figure's title shows it ("step 12: v → h → v")."""
    words = gibbs_title(page).split(":")[0].split()
    return int(words[-1]) if words and words[-1].isdigit() else -1


def status_text(page) -> str:
    return page.locator(f"{ROOT} .dl-status").first.inner_text()


def click(page, css: str) -> None:
    page.locator(f"{ROOT} button.{css}").first.click()


def check_gibbs_step_and_play(page, lang: str) -> None:
    before = image_source(page, "gibbs")
    click(page, "dl-gibbs-step")
    support.wait_until_changed(
        lambda: image_source(page, "gibbs") not in ("", before), False, f"[{lang}] v after a step"
    )
    support.wait_until_changed(
        lambda: gibbs_title(page).startswith(f"{STEP[lang]} 1:"), False, f"[{lang}] step 1"
    )
    click(page, "dl-gibbs-play")
    support.wait_until_changed(lambda: step_number(page) >= 5, False, f"[{lang}] the play")
    click(page, "dl-gibbs-pause")


def set_epochs(page, value: str) -> None:
    readout = page.locator(f"{ROOT} .dl-epochs {support.SLIDER_READOUT}").first
    readout.click()
    readout.press("Control+a")
    readout.type(value)
    readout.press("Enter")
    support.wait_until_changed(
        lambda: readout.inner_text().strip() == value, False, "the epochs readout"
    )


def check_training_changes_the_fields_and_stops(page, lang: str) -> None:
    before = image_source(page, "fields")
    page.locator(f"{ROOT} .dl-hidden select").first.select_option(label="16")
    rebuilt = support.wait_until_changed(
        lambda: image_source(page, "fields"), before, f"[{lang}] the 16-unit RBM"
    )
    set_epochs(page, "50")
    click(page, "dl-train")
    seen = [rebuilt]
    for step in ("first", "second"):
        support.wait_until_changed(
            lambda: image_source(page, "fields") != seen[-1],
            False,
            f"[{lang}] the {step} change of the fields",
            timeout=60,
        )
        seen.append(image_source(page, "fields"))
    click(page, "dl-stop")
    support.wait_until_changed(
        lambda: STOPPED[lang] in status_text(page), False, f"[{lang}] the stop", timeout=30
    )


def test_rbm_gibbs_steps_and_plays_trains_live_and_stops(voila_server, open_page):
    pages = {lang: open_page(voila_server, f"{lang}/{STEM}.ipynb") for lang in LANGUAGES}
    for lang, page in pages.items():
        page.locator(f"{ROOT}.dl-ready").first.wait_for(
            state="attached", timeout=READY_TIMEOUT * 1000
        )
        assert support.page_problems(page) == [], lang
        support.save_screenshot(page, SCREENSHOTS / f"{lang}_{STEM}_untrained.png")
        check_gibbs_step_and_play(page, lang)
        check_training_changes_the_fields_and_stops(page, lang)
        click(page, "dl-gibbs-restart")
        click(page, "dl-gibbs-play")
        support.wait_until_changed(
            lambda page=page: step_number(page) >= 8, False, f"[{lang}] the trained chain"
        )
        click(page, "dl-gibbs-pause")
        assert support.page_problems(page) == [], lang
        support.save_screenshot(page, SCREENSHOTS / f"{lang}_{STEM}.png")
