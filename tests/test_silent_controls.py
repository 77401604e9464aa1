"""Controls that change nothing on the page until the next training say so (issue 24).

A learning rate, an optimizer or the epochs of a ▶ take effect at the next training; a
student pressing one sees no change, so its tooltip says why, in the page's language
(``Dashboard._next_training_controls``; found by benchmarks/controls_bench.py's "no
visible change" rows)."""

from __future__ import annotations

import importlib

import pytest

from widgets.ui import TEXT

DASHBOARDS = [
    ("widgets.playground", "PlaygroundDashboard", "learning rate"),
    ("widgets.deep_vs_shallow", "DeepVsShallowDashboard", "learning rate η"),
    ("widgets.keras_workflow", "KerasWorkflowDashboard", "optimizer"),
    ("widgets.cnn", "CnnDashboard", "epochs"),
    ("widgets.rnn_memory", "MemoryDashboard", "units"),
    ("widgets.rnn_text", "CharModelDashboard", "learning rate"),
]


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize(("module", "name", "first"), DASHBOARDS)
def test_next_training_controls_say_why_a_press_shows_nothing(module, name, first, lang):
    dashboard = getattr(importlib.import_module(module), name)(lang=lang)
    controls = dashboard._next_training_controls()
    note = TEXT.get("applies_next", lang)
    assert controls and all(note in control.tooltip for control in controls)
    if lang == "en":
        assert controls[0].description == first
    else:
        assert "następnego uczenia" in note
