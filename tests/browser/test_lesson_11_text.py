"""Lesson 11's character model in Voilà and headless Chromium, both languages: the
trained model writes at once, Write answers with text after the prompt, the unit slider
recolours the excerpt, and Train shows live progress until Stop ends it."""

from __future__ import annotations

import pytest

from . import support

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

NOTEBOOK = "{lang}/11_rnn.ipynb"
READY_TIMEOUT = 180.0
ROOT = ".dl-rnn-text"
WORDS = {"pl": ("Epoka", "Zatrzymano"), "en": ("Epoch", "Stopped")}


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_lesson_11_character_model(voila_server, open_page, lang):
    page = open_page(voila_server, NOTEBOOK.format(lang=lang))
    page.locator(f"{ROOT}.dl-ready").wait_for(state="attached", timeout=READY_TIMEOUT * 1000)
    root = page.locator(ROOT).first
    samples = root.locator(".dl-sample")
    samples.first.wait_for(state="visible", timeout=30_000)
    assert len(samples.first.inner_text()) > 100  # the shipped model writes at once
    assert support.page_problems(page) == []

    # Write: text after the prompt appears.
    root.locator(".dl-written").first.wait_for(state="attached")
    root.locator(".dl-write").first.click()
    root.locator(".dl-written .dl-sample").first.wait_for(state="visible", timeout=30_000)

    # The unit slider recolours the excerpt.
    colours = root.locator(".dl-activations").first
    before = colours.inner_html()
    root.locator(f".dl-unit {support.SLIDER_HANDLE}").first.focus()
    page.keyboard.press("ArrowRight")
    support.wait_until_changed(colours.inner_html, before, "the coloured excerpt")

    # Train: live progress in the status line, then Stop ends it.
    progress_word, stopped_word = WORDS[lang]
    root.locator(".dl-train").first.click()
    root.locator(".dl-status", has_text=progress_word).first.wait_for(timeout=60_000)
    root.locator(".dl-stop").first.click()
    root.locator(".dl-status", has_text=stopped_word).first.wait_for(timeout=60_000)
    assert root.locator(".dl-train").first.is_enabled()
    assert page.locator(".dl-error:visible").count() == 0
