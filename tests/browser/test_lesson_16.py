"""Lesson 16's transfer panel in Voilà and headless Chromium, both languages: ▶ Train (the
first time it trains the source CNN, then the runs), the test-accuracy curves grow while
it trains, and Stop stops it. The Voilà server of this test keeps the source CNN's cache
in a temporary folder (``DL_COURSE_CACHE_DIR``), so the second language loads what the
first one trained. (The applications panel: test_lesson_16_apps.py.)
Every selector is scoped to ``.dl-transfer``; every wait is on a condition.
"""

from __future__ import annotations

import pytest

from . import support
from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

READY_TIMEOUT = 150.0
STEM = "16_pretrained"
LANGUAGES = ("pl", "en")
ROOT = ".dl-transfer"
STOPPED = {"pl": "Zatrzymano", "en": "Stopped"}
CACHED = {"pl": "pamięci podręcznej", "en": "cache"}
# Few labels, many epochs: each epoch is short, and the run is still going when Stop comes.
QUERY = "?labels=2&epochs=100"


@pytest.fixture(scope="module")
def transfer_server(chromium_path, server_logs, tmp_path_factory):
    cache = tmp_path_factory.mktemp("dl-course-cache")
    env = {"DL_COURSE_CACHE_DIR": str(cache)}
    with support.start_voila(
        "lessons", show_tracebacks=True, log_dir=server_logs, env=env
    ) as server:
        yield server


def curve_points(page) -> int:
    """How many epochs the first run's curve shows, as drawn."""
    return page.evaluate(
        """(root) => {
            const gd = document.querySelector(`${root} .dl-curves .js-plotly-plot`);
            if (!gd || !gd.data || !gd.data[0]) { return 0; }
            return (gd.data[0].y || []).length;
        }""",
        ROOT,
    )


def status_text(page) -> str:
    return page.locator(f"{ROOT} .dl-status").first.inner_text()


def check_the_curves_grow_and_stop_stops(page, lang: str) -> None:
    assert curve_points(page) == 0
    page.locator(f"{ROOT} button.dl-train").first.click()
    support.wait_until_changed(
        lambda: curve_points(page) >= 2, False, f"[{lang}] the first epochs", timeout=120
    )
    seen = curve_points(page)
    support.wait_until_changed(
        lambda: curve_points(page) > seen, False, f"[{lang}] the curve growing", timeout=30
    )
    page.locator(f"{ROOT} button.dl-stop").first.click()
    support.wait_until_changed(
        lambda: STOPPED[lang] in status_text(page), False, f"[{lang}] the stop", timeout=30
    )
    assert curve_points(page) < 100


def test_transfer_trains_draws_curves_and_stops(transfer_server, open_page):
    # Both pages first: their kernels load TensorFlow and build the panels meanwhile.
    pages = {lang: open_page(transfer_server, f"{lang}/{STEM}.ipynb{QUERY}") for lang in LANGUAGES}
    for lang, page in pages.items():  # one after the other: the second trains with the
        page.locator(f"{ROOT}.dl-ready").first.wait_for(  # source the first one cached
            state="attached", timeout=READY_TIMEOUT * 1000
        )
        assert support.page_problems(page) == [], lang
        check_the_curves_grow_and_stop_stops(page, lang)
        if lang == LANGUAGES[-1]:
            source = page.locator(f"{ROOT} .dl-source").first.inner_text()
            assert CACHED[lang] in source, source
        assert support.page_problems(page) == [], lang
        support.save_screenshot(page, SCREENSHOTS / f"{lang}_{STEM}_transfer.png")
