"""Fixtures for the browser tests: Voilà servers, Debian's Chromium, pages that clean up.

Every test in this folder is marked ``browser``. Without /usr/bin/chromium (or without
Playwright) the tests are skipped, unless ``CI=true`` or ``DL_COURSE_REQUIRE_BROWSER=1``,
where they fail: a CI that silently skips its browser tests tests nothing.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from . import support

HERE = Path(__file__).resolve().parent
SCREENSHOTS = HERE / "screenshots"
VIEWPORT = {"width": 1400, "height": 1400}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if Path(str(item.fspath)).resolve().is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


def _browser_required() -> bool:
    return (
        os.environ.get("CI", "").lower() == "true"
        or os.environ.get("DL_COURSE_REQUIRE_BROWSER") == "1"
    )


def _unavailable(reason: str) -> None:
    if _browser_required():
        pytest.fail(
            f"{reason} (required here: CI=true or DL_COURSE_REQUIRE_BROWSER=1)", pytrace=False
        )
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """Debian's Chromium, or skip/fail the test as the module docstring says."""
    if not support.chromium_available():
        _unavailable(support.CHROMIUM_MISSING)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("Playwright for Python is not installed: pip install -e '.[test]'")
    return support.CHROMIUM_PATH


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = support.launch_chromium(playwright)
    except Exception as error:
        playwright.stop()
        _unavailable(f"Chromium at {chromium_path} did not start: {error}")
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture(scope="session")
def server_logs(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("server-logs")


@pytest.fixture(scope="session")
def voila_server(chromium_path, server_logs) -> Iterator[support.Server]:
    """Standalone Voilà over lessons/ without preheating (each page starts its kernel).

    Preheating would start a pool kernel for every notebook at once, so the suite would
    pay for kernels it never uses. Tracebacks are shown, so a failing cell's message ends
    up in the assertion.
    """
    with support.start_voila(
        "lessons", preheat=False, show_tracebacks=True, log_dir=server_logs
    ) as server:
        yield server


@pytest.fixture(scope="session")
def jupyter_server(chromium_path, server_logs) -> Iterator[support.Server]:
    """jupyter-server with Voilà as its extension, serving the repository, as on Binder."""
    with support.start_jupyter_server(show_tracebacks=True, log_dir=server_logs) as server:
        yield server


@pytest.fixture
def open_page(browser, request) -> Iterator[Callable[..., object]]:
    """``open_page(server, notebook)``: a new browser context and page at the notebook.

    The page is left at the end of the test so that Voilà shuts its kernel down. Voilà's
    front end posts that shutdown on ``beforeunload`` with the ``_xsrf`` cookie, which a
    page opened straight at a /voila/render/ URL does not have (see
    ``test_leaving_a_page_shuts_its_kernel_down``); the context gets such a cookie here.
    A failed test leaves a screenshot in tests/browser/screenshots/.
    """
    opened: list[tuple[object, support.Server]] = []

    def _open(server: support.Server, notebook: str, *, xsrf_cookie: bool = True):
        context = browser.new_context(viewport=VIEWPORT)
        if xsrf_cookie:
            context.add_cookies(
                [{"name": "_xsrf", "value": secrets.token_hex(16), "url": server.base_url}]
            )
        # Every page of the context, so also a link's popup, is closed at the end.
        context.on("page", lambda new_page: opened.append((new_page, server)))
        page = context.new_page()
        page.goto(server.render_url(notebook), wait_until="commit")
        return page

    yield _open

    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    name = request.node.name.replace("/", "_").replace("[", "_").rstrip("]")
    contexts = []
    for number, (page, server) in enumerate(opened):
        if page.context not in contexts:
            contexts.append(page.context)
        if page.is_closed():
            continue
        if failed:
            try:
                support.save_screenshot(page, SCREENSHOTS / f"FAILED_{name}_{number}.png")
            except Exception:
                pass
        support.close_page(page, server, wait=False)
    for context in contexts:
        context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
