"""Cold Voilà: the TensorFlow import waits until the dashboard's figures are drawn."""

from __future__ import annotations

from concurrent.futures import Future

import widgets.ui as ui
from widgets.mcculloch_pitts import McCullochPittsDashboard


def test_import_starts_when_every_figure_reports_it_was_drawn(monkeypatch):
    dashboard = McCullochPittsDashboard(lang="en").wait_ready()
    starts = []

    def fake_future(start=True):
        if start:
            starts.append(True)
        return Future()  # not done: the import has not run

    monkeypatch.setattr(ui, "import_deferred", lambda: True)
    monkeypatch.setattr(ui, "keras_future", fake_future)
    monkeypatch.setattr(
        ui.threading,
        "Timer",
        lambda *args: type("T", (), {"daemon": True, "start": lambda self: None})(),
    )  # no fallback in this test
    dashboard._start_import_when_drawn()
    assert starts == []  # shown, but the plane is not drawn yet
    dashboard.plane._js2py_traceDeltas = {"trace_deltas": [], "trace_edit_id": 0}
    assert starts == [True]
