"""Root pytest hooks: they apply to tests/ and to the lesson notebooks (nbval) alike."""

from __future__ import annotations

import os
import time

import pytest

BROWSER_TESTS = "tests/browser/"


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist, absent with -p no:xdist
def pytest_xdist_make_scheduler(config, log):
    """With pytest-xdist (``dev.py test`` runs two workers): whole files per worker, in
    order (nbval runs a notebook's cells as consecutive tests in one kernel, and module
    fixtures are built once), and all browser tests as one unit, so they run one after
    another against one Voilà server and one Chromium while the other worker runs the
    rest."""
    from xdist.scheduler import LoadFileScheduling

    class BrowserTestsTogether(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            scope = super()._split_scope(nodeid)
            return BROWSER_TESTS if scope.startswith(BROWSER_TESTS) else scope

    return BrowserTestsTogether(config, log)


TIMELINE = os.environ.get("DL_TEST_TIMELINE")  # a file: where each worker's time went


if TIMELINE:

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(item, nextitem):
        """Append "worker start end test" (wall-clock seconds) for every test: which worker
        was busy when, i.e. whether the browser tests or the rest are the suite's longest
        path (``DL_TEST_TIMELINE=/tmp/timeline.txt python3 dev.py test``)."""
        started = time.time()
        yield
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        with open(TIMELINE, "a", encoding="utf-8") as log:
            log.write(f"{worker} {started:.2f} {time.time():.2f} {item.nodeid}\n")
