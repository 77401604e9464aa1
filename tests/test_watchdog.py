"""Every dashboard carries the watchdog that tells a student their kernel was culled."""

from __future__ import annotations

import pytest

from widgets.mcculloch_pitts import McCullochPittsDashboard
from widgets.watchdog import KernelWatchdog


@pytest.mark.parametrize(
    ("lang", "words"),
    [("pl", ["jądro", "Odśwież stronę (F5)"]), ("en", ["kernel", "Reload the page (F5)"])],
)
def test_the_banner_is_in_the_pages_language(lang, words):
    watchdog = KernelWatchdog(lang)
    assert "dl-error-box" in watchdog.banner
    for word in words:
        assert word in watchdog.banner


def test_a_dashboard_has_one_watchdog_in_its_language():
    dashboard = McCullochPittsDashboard(lang="pl")
    (watchdog,) = [child for child in dashboard.children if isinstance(child, KernelWatchdog)]
    assert "Odśwież" in watchdog.banner
    assert 0 < watchdog.seconds <= 30
