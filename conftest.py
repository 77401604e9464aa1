"""Root pytest hooks: they apply to tests/ and to the lesson notebooks (nbval) alike."""

from __future__ import annotations

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
