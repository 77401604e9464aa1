"""JupyterHub for a class (``python3 dev.py hub``, deploy/jupyterhub/) in Chromium.

The hub starts on loopback with a temporary data folder; two students log in through the
login page at once, each gets a server of their own (its own process and home with the
lessons) and lands on the lesson index in Voilà, opens lesson 02 and moves a slider; one
opens JupyterLab. Then the hub is stopped with SIGTERM, and nothing it started may be left.

Needs configurable-http-proxy from npm (``python3 dev.py test`` installs it); without it
the test skips, or fails where the browser tests are required (CI).
"""

from __future__ import annotations

import pytest

from . import hub_support, support
from .conftest import SCREENSHOTS, VIEWPORT, _unavailable

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

STUDENTS = ("ada", "alan")


@pytest.fixture
def hub(chromium_path, tmp_path, server_logs):
    if not hub_support.proxy_installed():
        _unavailable(hub_support.PROXY_MISSING)
    server = hub_support.start_hub(tmp_path / "hub-data", server_logs)
    yield server
    server.stop()  # only does something when the test failed before its clean stop


def test_two_students_log_in_get_their_own_servers_and_working_lessons(browser, hub, tmp_path):
    contexts = [browser.new_context(viewport=VIEWPORT) for _ in STUDENTS]
    pages = dict(zip(STUDENTS, (context.new_page() for context in contexts), strict=True))
    try:
        for name, page in pages.items():  # both log in before either server is up
            hub_support.log_in(page, hub, name)
        for name, page in pages.items():
            page.wait_for_selector(hub_support.INDEX_LINK, timeout=120_000)
            assert page.url == hub_support.index_url(hub, name), page.url

        servers = hub_support.servers_of(hub)
        assert sorted(servers) == sorted(STUDENTS), hub.log_tail()
        assert servers["ada"].pid != servers["alan"].pid
        for name in STUDENTS:  # each home got its copy of the lessons
            home = tmp_path / "hub-data" / "homes" / name
            assert (home / "lessons" / "pl" / hub_support.LESSON_02).is_file()

        for page in pages.values():  # both kernels start at once, as in a class
            hub_support.open_lesson_02(page)
        for page in pages.values():
            hub_support.move_a_slider(page)
        for process in hub_support.hub_processes(hub):  # Binder's caps on every kernel
            if any("ipykernel" in part for part in process.cmdline()):
                assert process.environ().get("TF_NUM_INTRAOP_THREADS") == "1"
                assert process.environ().get("MALLOC_ARENA_MAX") == "2"

        lab = pages["ada"]  # JupyterLab, one click away, shows the student's lessons
        lab.goto(f"{hub.base_url}/user/ada/lab", wait_until="domcontentloaded")
        lab.locator(".jp-DirListing-item", has_text="lessons").first.wait_for(timeout=90_000)
        assert "/user/ada/lab" in lab.url
    except Exception as error:
        for name, page in pages.items():
            try:
                support.save_screenshot(page, SCREENSHOTS / f"FAILED_jupyterhub_{name}.png")
            except Exception:
                pass
        urls = {name: page.url for name, page in pages.items()}
        raise AssertionError(f"{error}\npages: {urls}\nhub log:\n{hub.log_tail(60)}") from error
    finally:
        for context in contexts:
            context.close()

    left = hub_support.stop_cleanly(hub)
    assert hub.proc.returncode is not None, "the hub did not exit on SIGTERM"
    assert left == [], [(p.pid, p.cmdline()) for p in left]
