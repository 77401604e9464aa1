"""Lesson 16 (pretrained networks) in Voilà and headless Chromium, both languages, each page
opened once (every dashboard of the notebook is built per page):

- the applications panel: the top-5 bars appear for the sample photo, another sample
  changes the photo and the bars, and a network whose weights are not there shows the
  no-weights box (naming its file);
- the transfer panel: ▶ Train (the first time it trains the source CNN, then the runs),
  the test-accuracy curves grow while it trains, and Stop stops it; the second language
  loads the source CNN the first one trained.

The Voilà server of this test runs with KERAS_HOME at a temporary cache that the test
fills with stand-in MobileNetV2 weights and a class index (tests/application_cache.py),
with the transfer panel's cache of the source CNN in another temporary folder
(``DL_COURSE_CACHE_DIR``), and with its kernels' HTTP(S) proxy at a closed port of this
machine, so a missing file fails at once and no request leaves the machine.
Every selector is scoped to the panel's root class; every wait is on a condition.
"""

from __future__ import annotations

import sys

import pytest

from . import support
from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(420)]

READY_TIMEOUT = 150.0
STEM = "16_pretrained"
LANGUAGES = ("pl", "en")
APPS = ".dl-applications"
TRANSFER = ".dl-transfer"
STOPPED = {"pl": "Zatrzymano", "en": "Stopped"}
CACHED = {"pl": "pamięci podręcznej", "en": "cache"}
REFUSED = "http://127.0.0.1:9"  # the discard port: nothing listens, the kernel is refused
# The transfer panel: few labels, many epochs: each epoch is short, and the run is still
# going when Stop comes.
QUERY = "?labels=2&epochs=100"


@pytest.fixture(scope="module")
def lesson_16_server(chromium_path, server_logs, tmp_path_factory):
    sys.path.insert(0, str(support.REPO_ROOT / "tests"))
    from application_cache import write_class_index, write_weights

    keras_home = tmp_path_factory.mktemp("keras_home")
    write_weights(keras_home, "MobileNetV2")
    write_class_index(keras_home)
    cache = tmp_path_factory.mktemp("dl-course-cache")
    env = {"KERAS_HOME": str(keras_home), "DL_COURSE_CACHE_DIR": str(cache),
           "HTTPS_PROXY": REFUSED, "HTTP_PROXY": REFUSED,
           "https_proxy": REFUSED, "http_proxy": REFUSED}  # fmt: skip
    with support.start_voila(
        "lessons", preheat=False, show_tracebacks=True, env=env, log_dir=server_logs
    ) as server:
        yield server


# The applications panel.


def bar_labels(page) -> list:
    return page.evaluate(
        """(root) => {
            const gd = document.querySelector(`${root} .dl-bars .js-plotly-plot`);
            return gd && gd.data && gd.data[0] ? Array.from(gd.data[0].y || []) : [];
        }""",
        APPS,
    )


def photo_source(page) -> str:
    return page.evaluate(
        """(root) => {
            const gd = document.querySelector(`${root} .dl-seen-photo .js-plotly-plot`);
            return gd && gd.layout && gd.layout.images ? gd.layout.images[0].source || "" : "";
        }""",
        APPS,
    )


def check_a_sample_photo_gets_bars(page, lang: str) -> None:
    support.wait_until_changed(lambda: len(bar_labels(page)) == 5, False, f"[{lang}] bars", 90)
    before, photo = bar_labels(page), photo_source(page)
    page.locator(f"{APPS} .dl-photo select").first.select_option(index=1)  # the flower
    support.wait_until_changed(lambda: photo_source(page), photo, f"[{lang}] the photo", 30)
    support.wait_until_changed(lambda: bar_labels(page), before, f"[{lang}] new bars", 60)
    assert len(bar_labels(page)) == 5


def check_missing_weights_are_told(page, lang: str) -> None:
    page.locator(f"{APPS} .dl-application select").first.select_option(label="MobileNet (16 MB)")
    box = page.locator(f"{APPS} .dl-missing").first
    box.wait_for(state="visible", timeout=60_000)
    assert "mobilenet_1_0_224_tf.h5" in box.inner_text()
    support.wait_until_changed(lambda: bar_labels(page) == [], False, f"[{lang}] no bars", 30)


# The transfer panel.


def curve_points(page) -> int:
    """How many epochs the first run's curve shows, as drawn."""
    return page.evaluate(
        """(root) => {
            const gd = document.querySelector(`${root} .dl-curves .js-plotly-plot`);
            if (!gd || !gd.data || !gd.data[0]) { return 0; }
            return (gd.data[0].y || []).length;
        }""",
        TRANSFER,
    )


def transfer_status(page) -> str:
    return page.locator(f"{TRANSFER} .dl-status").first.inner_text()


def check_the_curves_grow_and_stop_stops(page, lang: str) -> None:
    assert curve_points(page) == 0
    page.locator(f"{TRANSFER} button.dl-train").first.click()
    support.wait_until_changed(
        lambda: curve_points(page) >= 2, False, f"[{lang}] the first epochs", timeout=120
    )
    seen = curve_points(page)
    support.wait_until_changed(
        lambda: curve_points(page) > seen, False, f"[{lang}] the curve growing", timeout=30
    )
    page.locator(f"{TRANSFER} button.dl-stop").first.click()
    support.wait_until_changed(
        lambda: STOPPED[lang] in transfer_status(page), False, f"[{lang}] the stop", timeout=30
    )
    assert curve_points(page) < 100


def test_applications_and_transfer(lesson_16_server, open_page):
    # Both pages first: their kernels load TensorFlow and the network meanwhile.
    pages = {lang: open_page(lesson_16_server, f"{lang}/{STEM}.ipynb{QUERY}") for lang in LANGUAGES}
    for lang, page in pages.items():  # one after the other: the second trains with the
        for root in (APPS, TRANSFER):  # source the first one cached
            page.locator(f"{root}.dl-ready").first.wait_for(
                state="attached", timeout=READY_TIMEOUT * 1000
            )
        assert support.page_problems(page) == [], lang
        check_a_sample_photo_gets_bars(page, lang)
        check_missing_weights_are_told(page, lang)
        assert support.page_problems(page) == [], lang
        check_the_curves_grow_and_stop_stops(page, lang)
        if lang == LANGUAGES[-1]:
            source = page.locator(f"{TRANSFER} .dl-source").first.inner_text()
            assert CACHED[lang] in source, source
        assert support.page_problems(page) == [], lang
        support.save_screenshot(page, SCREENSHOTS / f"{lang}_{STEM}.png")
