"""'Show the code' in a real browser (issue 23): the panel opens, follows a slider, and its
Copy button puts the code on the clipboard, in both languages (lesson 02 in Voilà)."""

from __future__ import annotations

import pytest

from . import support

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]

NOTEBOOK = "{lang}/02_mcculloch_pitts.ipynb"
CODE = ".dl-show-code pre.dl-code"
COPIED = {"pl": "Skopiowano do schowka.", "en": "Copied to the clipboard."}


def code_text(page) -> str:
    return page.locator(CODE).first.text_content()


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_code_panel_opens_follows_a_slider_and_copies(voila_server, open_page, lang):
    page = open_page(voila_server, NOTEBOOK.format(lang=lang))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    support.wait_for_widgets(page, ready=True, timeout=90)
    assert not page.locator(CODE).first.is_visible()  # closed until the student opens it
    page.locator(".dl-show-code > summary").first.click()
    page.wait_for_function(
        "(s) => document.querySelector(s).textContent.includes('threshold = 2.0')", arg=CODE
    )
    # The threshold slider one step down (0.5): the open panel rewrites the code.
    handle = page.locator(f".dl-dashboard .widget-slider {support.SLIDER_HANDLE}").nth(3)
    handle.focus()
    page.keyboard.press("ArrowLeft")
    page.wait_for_function(
        "(s) => document.querySelector(s).textContent.includes('threshold = 1.5')", arg=CODE
    )
    page.locator(".dl-copy-code").first.click()
    page.locator(".dl-copy-status", has_text=COPIED[lang]).wait_for(timeout=5000)
    assert page.evaluate("navigator.clipboard.readText()") == code_text(page)
    assert not support.page_problems(page)
