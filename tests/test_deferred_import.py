"""Cold Voilà: the TensorFlow import waits until the dashboard's figures are drawn."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import Future
from pathlib import Path

import pytest

import widgets.ui as ui
from widgets.mcculloch_pitts import McCullochPittsDashboard

ROOT = Path(__file__).resolve().parents[1]


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


@pytest.mark.parametrize(
    "module",
    [
        "widgets.rnn_loop",
        "widgets.models.recurrence",
        "widgets.autoencoder",
        "widgets.models.autoencoder",
        "widgets.denoising",
        "widgets.rbm",
        "widgets.models.rbm",
        "widgets.rbm_exact",
        "widgets.dbn",
        "widgets.gan_lab",
        "widgets.models.gan",
        "widgets.gan_1d",
        "widgets.gan_digits",
        "widgets.models.dcgan",
        "widgets.layer_zoo",
        "widgets.layer_stack",
        "widgets.models.layer_zoo",
        "widgets.text_prep",
        "widgets.image_prep",
        "widgets.models.preprocessing",
        "widgets.applications",
        "widgets.models.applications",
        "widgets.transfer",
        "widgets.models.transfer",
    ],
)
def test_lesson_11_modules_import_without_tensorflow(module):
    """Lesson 11's dashboards draw with numpy before TensorFlow is there: importing their
    package and its model module must not import it (Keras is imported in functions)."""
    code = (
        f"import sys, {module}; "
        "heavy = [m for m in ('tensorflow', 'keras') if m in sys.modules]; "
        "print(heavy); sys.exit(1 if heavy else 0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr
