"""Controls that change nothing on the page until the next training say so (issue 24).

A learning rate, an optimizer or the epochs of a ▶ take effect at the next training; a
student pressing one sees no change, so its tooltip says why, in the page's language
(``Dashboard._next_training_controls``; found by benchmarks/controls_bench.py's "no
visible change" rows)."""

from __future__ import annotations

import importlib

import numpy as np
import pytest

from widgets.ui import TEXT

DASHBOARDS = [
    ("widgets.playground", "PlaygroundDashboard", "learning rate"),
    ("widgets.deep_vs_shallow", "DeepVsShallowDashboard", "learning rate η"),
    ("widgets.keras_workflow", "KerasWorkflowDashboard", "optimizer"),
    ("widgets.cnn", "CnnDashboard", "epochs"),
    ("widgets.rnn_memory", "MemoryDashboard", "units"),
    ("widgets.rnn_text", "CharModelDashboard", "learning rate"),
    ("widgets.autoencoder", "AutoencoderDashboard", "epochs per ▶"),
    ("widgets.denoising", "DenoisingDashboard", "epochs"),
    ("widgets.rbm", "RbmDashboard", "epochs per ▶"),
    ("widgets.rbm_exact", "BarsStripesDashboard", "epochs"),
    ("widgets.dbn", "DbnDashboard", "epochs a layer"),
    ("widgets.gan_1d", "OptimalDiscriminatorDashboard", "training steps of D"),
    ("widgets.gan_digits", "GanDigitsDashboard", "data"),
    ("widgets.transfer", "TransferDashboard", "epochs"),
    ("widgets.gan_lab", "GanLabDashboard", "learning rate η"),
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


# Controls whose press shows nothing for another reason than the next training: each says
# its own reason (issue 24), in the page's language and the page's typography.
OWN_REASONS = [
    ("widgets.rnn_text", "CharModelDashboard", "_temperature", "„Pisz”", "“Write”"),
    ("widgets.rnn_text", "CharModelDashboard", "_length", "160 znaków", "160 characters"),
    ("widgets.playground", "PlaygroundDashboard", "_adding", "kliknięcie", "a click"),
    ("widgets.playground", "PlaygroundDashboard", "_dropouts", "Porzucanie (dropout)", "Dropout"),
    ("widgets.rbm_exact", "BarsStripesDashboard", "_gibbs_steps", "„Losuj", "“Draw 16"),
]


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize(("module", "name", "attribute", "pl", "en"), OWN_REASONS)
def test_silent_controls_say_their_own_reason(module, name, attribute, pl, en, lang):
    dashboard = getattr(importlib.import_module(module), name)(lang=lang)
    found = getattr(dashboard, attribute)
    controls = found if isinstance(found, list) else [found]  # every layer's dropout menu
    for control in controls:
        tip = control.tooltip or ""
        assert (pl if lang == "pl" else en) in tip
        assert '"' not in tip and " - " not in tip  # typographic quotes, an en dash
        if lang == "pl":
            assert "“" not in tip  # Polish quotes are „…”
        else:
            assert not set("ąęłńśźż„") & set(tip.lower())


def test_the_dropout_tooltip_says_the_truth():
    """The dropout menu's tooltip: a change starts the training again from the same initial
    weights, and the figures (no dropout when predicting) look as they did at the start."""
    from widgets.playground import PlaygroundDashboard

    dashboard = PlaygroundDashboard("en", query="data=xor&layers=4").wait_ready()
    start = dashboard.output_values.copy()
    dashboard.step(3)
    assert not np.allclose(dashboard.output_values, start)
    dashboard._dropouts[0].value = 0.3
    assert dashboard.trainer.epoch == 0
    np.testing.assert_allclose(dashboard.output_values, start, atol=1e-6)
    dashboard.pause()


def test_temperature_and_length_leave_the_written_text_alone():
    """Their tooltips say the text on the page stays until the next writing: moving them
    rewrites neither the samples nor the written text; the next "Write" uses both."""
    from widgets.rnn_text import CharModelDashboard

    dashboard = CharModelDashboard("en", corpus="abcdefgh " * 200, pretrained=False)
    dashboard.wait_ready().configure(units=32, sequence_length=30)
    dashboard._length.value = 50
    dashboard._write.click()
    samples, written = dashboard._samples.value, dashboard._written.value
    dashboard._temperature.value = 1.5
    dashboard._length.value = 100
    assert (dashboard._samples.value, dashboard._written.value) == (samples, written)
    assert len(dashboard.write()) == 100
