"""The lecturer's URL in Voilà: ``?present`` and settings in the address (widgets/presenter.py)."""

from __future__ import annotations

import pytest

from . import support

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]

LESSON = "{lang}/02_mcculloch_pitts.ipynb"


def _truth_column(page) -> list[str]:
    """The y column of the MCP neuron's truth table, row by row."""
    rows = page.locator(f"{support.DASHBOARD} .dl-truth-table tr").all_inner_texts()
    return [row.split()[-1] for row in rows[1:]]


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_present_shows_the_dashboard_first_with_the_settings_of_the_address(
    voila_server, open_page, lang
):
    query = "?present&weights=1,1&threshold=1&hide=threshold"
    page = open_page(voila_server, LESSON.format(lang=lang) + query)
    page.wait_for_selector(support.READY, timeout=90_000)
    assert "dl-present" in page.evaluate("document.body.className")
    # The narrative before the dashboard is hidden; the dashboard is at the top.
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-MarkdownCell')]"
        ".some((cell) => getComputedStyle(cell).display === 'none')"
    )
    top = page.locator(support.DASHBOARD).first.bounding_box()["y"]
    assert top < 200, top
    # weights 1, 1 and threshold 1: an OR gate, once the model is built.
    page.wait_for_function(
        "() => { const rows = [...document.querySelectorAll('.dl-truth-table tr')];"
        " return rows.length === 5 && rows.slice(1).map((r) => r.innerText.trim().split(/\\s+/)"
        ".pop()).join('') === '0111'; }",
        timeout=30_000,
    )
    assert _truth_column(page) == ["0", "1", "1", "1"]
    sliders = page.locator(f"{support.DASHBOARD} .widget-slider")
    assert sum(slider.is_visible() for slider in sliders.all()) == 2  # θ hidden


def test_a_name_the_dashboard_does_not_know_is_told(voila_server, open_page):
    page = open_page(voila_server, LESSON.format(lang="pl") + "?wagi=1,1")
    page.wait_for_selector(support.READY, timeout=90_000)
    banner = page.locator(f"{support.DASHBOARD} {support.ERROR}").first
    banner.wait_for(state="visible", timeout=20_000)
    text = banner.inner_text()
    assert "wagi" in text and "weights" in text and "Adres strony" in text
