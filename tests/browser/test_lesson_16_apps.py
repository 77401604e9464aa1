"""Lesson 16's applications panel in Voilà and headless Chromium, both languages: the
top-5 bars appear for the sample photo, another sample changes the photo and the bars, and
a network whose weights are not there shows the no-weights box (naming its file).

The server runs with KERAS_HOME at a temporary cache that the test fills with stand-in
MobileNetV2 weights and a class index (tests/application_cache.py), and with its kernels'
HTTP(S) proxy at a closed port of this machine, so a missing file fails at once and no
request leaves the machine. The page is lessons/{lang}/16_pretrained.ipynb; until that
notebook exists, a two-cell notebook written by the test (setup + the panel).
Every selector is scoped to the panel's root class; every wait is on a condition.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from . import support
from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

READY_TIMEOUT = 150.0
STEM = "16_pretrained"
LANGUAGES = ("pl", "en")
ROOT = ".dl-applications"
REFUSED = "http://127.0.0.1:9"  # the discard port: nothing listens, the kernel is refused


def _scratch_notebooks(folder: Path) -> None:
    for lang in LANGUAGES:
        cells = [
            f'from widgets.notebook import setup_lesson\n\nsetup_lesson("{lang}")',
            "from widgets.applications import ApplicationsDashboard\n\n"
            f'dashboard = ApplicationsDashboard(lang="{lang}")\ndashboard',
        ]
        notebook = {
            "cells": [
                {
                    "cell_type": "code",
                    "execution_count": None,
                    "id": f"c{i}",
                    "metadata": {},
                    "outputs": [],
                    "source": source,
                }
                for i, source in enumerate(cells)
            ],  # fmt: skip
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
        (folder / lang).mkdir(parents=True, exist_ok=True)
        (folder / lang / f"{STEM}.ipynb").write_text(json.dumps(notebook))


@pytest.fixture(scope="module")
def apps_server(chromium_path, server_logs, tmp_path_factory):
    sys.path.insert(0, str(support.REPO_ROOT / "tests"))
    from application_cache import write_class_index, write_weights

    cache = tmp_path_factory.mktemp("keras_home")
    write_weights(cache, "MobileNetV2")
    write_class_index(cache)
    root = support.LESSONS_DIR
    if not all((root / lang / f"{STEM}.ipynb").exists() for lang in LANGUAGES):
        root = tmp_path_factory.mktemp("lesson_16")
        _scratch_notebooks(root)
    env = {"KERAS_HOME": str(cache), "HTTPS_PROXY": REFUSED, "HTTP_PROXY": REFUSED,
           "https_proxy": REFUSED, "http_proxy": REFUSED}  # fmt: skip
    with support.start_voila(
        str(root), preheat=False, show_tracebacks=True, env=env, log_dir=server_logs
    ) as server:
        yield server


def bar_labels(page) -> list:
    return page.evaluate(
        """(root) => {
            const gd = document.querySelector(`${root} .dl-bars .js-plotly-plot`);
            return gd && gd.data && gd.data[0] ? Array.from(gd.data[0].y || []) : [];
        }""",
        ROOT,
    )


def photo_source(page) -> str:
    return page.evaluate(
        """(root) => {
            const gd = document.querySelector(`${root} .dl-seen-photo .js-plotly-plot`);
            return gd && gd.layout && gd.layout.images ? gd.layout.images[0].source || "" : "";
        }""",
        ROOT,
    )


def check_a_sample_photo_gets_bars(page, lang: str) -> None:
    support.wait_until_changed(lambda: len(bar_labels(page)) == 5, False, f"[{lang}] bars", 90)
    before, photo = bar_labels(page), photo_source(page)
    page.locator(f"{ROOT} .dl-photo select").first.select_option(index=1)  # the flower
    support.wait_until_changed(lambda: photo_source(page), photo, f"[{lang}] the photo", 30)
    support.wait_until_changed(lambda: bar_labels(page), before, f"[{lang}] new bars", 60)
    assert len(bar_labels(page)) == 5


def check_missing_weights_are_told(page, lang: str) -> None:
    page.locator(f"{ROOT} .dl-application select").first.select_option(label="MobileNet (16 MB)")
    box = page.locator(f"{ROOT} .dl-missing").first
    box.wait_for(state="visible", timeout=60_000)
    assert "mobilenet_1_0_224_tf.h5" in box.inner_text()
    support.wait_until_changed(lambda: bar_labels(page) == [], False, f"[{lang}] no bars", 30)


def test_applications_panel_classifies_and_says_when_weights_are_missing(apps_server, open_page):
    # Both pages first: their kernels load TensorFlow and the network meanwhile.
    pages = {lang: open_page(apps_server, f"{lang}/{STEM}.ipynb") for lang in LANGUAGES}
    for lang, page in pages.items():
        page.locator(f"{ROOT}.dl-ready").first.wait_for(
            state="attached", timeout=READY_TIMEOUT * 1000
        )
        assert support.page_problems(page) == [], lang
        check_a_sample_photo_gets_bars(page, lang)
        support.save_screenshot(page, SCREENSHOTS / f"{lang}_{STEM}_apps.png")
        check_missing_weights_are_told(page, lang)
        support.save_screenshot(page, SCREENSHOTS / f"{lang}_{STEM}_apps_no_weights.png")
        assert support.page_problems(page) == [], lang
