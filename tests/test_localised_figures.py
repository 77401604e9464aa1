"""Every plotly figure of every dashboard writes numbers as the page's language does, in
hover labels and on axes (issue 22: "figures' hover and axis labels included")."""

from __future__ import annotations

import importlib

import pytest

from widgets.figures.style import separators
from widgets.resync import walk

DASHBOARDS = (
    ("widgets.history", "HistoryDashboard"),
    ("widgets.mcculloch_pitts", "McCullochPittsDashboard"),
    ("widgets.hebb", "HebbDashboard"),
    ("widgets.perceptron", "PerceptronDashboard"),
    ("widgets.adaline", "AdalineDashboard"),
    ("widgets.activations", "ActivationsDashboard"),
    ("widgets.playground", "PlaygroundDashboard"),
    ("widgets.deep_vs_shallow", "DeepVsShallowDashboard"),
    ("widgets.keras_workflow", "KerasWorkflowDashboard"),
    ("widgets.convolution", "ConvolutionDashboard"),
    ("widgets.cnn", "CnnDashboard"),
    ("widgets.rnn_memory", "MemoryDashboard"),
    ("widgets.autoencoder", "AutoencoderDashboard"),
    ("widgets.rbm", "RbmDashboard"),
    ("widgets.rbm_exact", "BarsStripesDashboard"),
    ("widgets.dbn", "DbnDashboard"),
    ("widgets.gan_lab", "GanLabDashboard"),
    ("widgets.gan_1d", "OptimalDiscriminatorDashboard"),
    ("widgets.gan_digits", "GanDigitsDashboard"),
    ("widgets.layer_zoo", "LayerZooDashboard"),
    ("widgets.text_prep", "TextPrepDashboard"),
    ("widgets.image_prep", "ImagePrepDashboard"),
    ("widgets.applications", "ApplicationsDashboard"),
    ("widgets.transfer", "TransferDashboard"),
)


@pytest.mark.parametrize(("module", "name"), DASHBOARDS)
def test_every_figure_writes_numbers_in_the_page_language(module, name):
    cls = getattr(importlib.import_module(module), name)
    for lang in ("pl", "en"):
        dashboard = cls(lang=lang).wait_ready()
        figures = [w for w in walk(dashboard) if w.has_trait("_js2py_traceDeltas")]
        assert figures, f"{name} has no plotly figure"
        assert {figure.layout.separators for figure in figures} == {separators(lang)}
    assert separators("pl") == ", " and separators("en") == ".,"  # decimal mark, then thousands
