"""The error banner in a real page (issue 13): lesson 09 in Polish with an empty MNIST folder.

The student reads one Polish sentence; the technical detail is in a closed "Szczegóły"
toggle that opens on a click. (An empty folder rather than no folder: a machine with
network access would otherwise download MNIST.)
"""

from __future__ import annotations

import pytest

from . import support
from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]


@pytest.fixture(scope="module")
def server_without_mnist(chromium_path, server_logs, tmp_path_factory):
    empty = tmp_path_factory.mktemp("no-mnist")
    with support.start_voila(
        "lessons",
        preheat=False,
        show_tracebacks=True,
        env={"DL_COURSE_MNIST_DIR": str(empty)},
        log_dir=server_logs,
    ) as server:
        yield server, str(empty)


def test_missing_mnist_is_one_polish_sentence_with_details_behind_a_toggle(
    server_without_mnist, open_page
):
    server, empty = server_without_mnist
    page = open_page(server, "pl/09_keras_mnist.ipynb")
    sentence = page.locator(".dl-error .dl-error-sentence")
    sentence.wait_for(state="visible", timeout=120_000)
    text = sentence.inner_text()
    assert text.startswith(f"W folderze {empty}")
    assert "DL_COURSE_MNIST_DIR" in text and "TensorFlow" not in text
    assert "brak MNIST" in page.locator(".dl-data-source").inner_text()
    details = page.locator(".dl-error details pre")
    assert not details.is_visible()
    page.locator(".dl-error summary").click()
    details.wait_for(state="visible", timeout=5_000)
    assert "MnistUnavailableError: MNIST is not available" in details.inner_text()
    assert page.locator(".dl-error summary").inner_text() == "Szczegóły"
    assert "Traceback" not in page.locator("body").inner_text()
    support.save_screenshot(page, SCREENSHOTS / "pl_09_without_mnist.png")
