"""Lesson 13, the DBN (widgets.dbn): the dashboard driven headless at a tiny size (1,000
digits, 1 epoch a layer, 32 and 16 units), its figures' pure data, and its messages in
both languages."""

from __future__ import annotations

import numpy as np
import pytest
from student_errors import assert_student_error, shown_errors

from widgets.dbn import DbnDashboard
from widgets.dbn.figures import (
    curves_data,
    probe_data,
    projections,
    selective_units,
    top_rows,
    units_pixels,
)
from widgets.figures.png import decode_data_url
from widgets.models import rbm as rb


@pytest.fixture(scope="module")
def dashboard():
    board = DbnDashboard(lang="en", images=1000).wait_ready()
    board.configure(hidden_1=32, hidden_2=16, epochs=1)
    return board


def test_greedy_stacking_then_the_probe_and_fine_tuning(dashboard):
    dashboard.reset()
    dbn = dashboard.model
    assert isinstance(dbn, rb.Dbn) and dbn.sizes == (784, 32, 16) and dbn.trained == 0
    errors = shown_errors(dashboard)
    assert dashboard._train_2.disabled and dashboard._tune.disabled
    dashboard.train_layer(2)  # layer 2 needs layer 1's features first
    assert errors[-1].key == "dbn.layer_1_first"
    dashboard.train_layer(1, background=False)
    dashboard.wait_trained(60)
    assert not dashboard._train_2.disabled and not dashboard._tune.disabled
    assert dbn.trained == 1 and len(dashboard.errors[0]) == 1 and dashboard.errors[1] == []
    first = np.asarray(dbn.rbms[0].W).copy()
    dashboard.train_layer(2)
    dashboard.wait_trained(60)
    assert dashboard.error_text == "" and dbn.trained == 2
    np.testing.assert_array_equal(np.asarray(dbn.rbms[0].W), first)  # layer 1 stays
    curve = dashboard.curves.data[1]
    assert list(curve.x) == [1] and curve.y[0] == pytest.approx(dashboard.errors[1][0])
    # what layer 2's units respond to: the strip is the projections and the top digits
    hidden = rb.features(dbn, dashboard.data[2], depth=2)
    units = selective_units(hidden, 8)
    np.testing.assert_array_equal(dashboard.units, units)
    digits = dashboard.data[2][top_rows(hidden, units, 8)]
    W1, W2 = (np.asarray(r.W) for r in dbn.rbms)
    expected = units_pixels(projections(W1, W2, units), digits)
    shown = decode_data_url(dashboard.units_strip.layout.images[0].source)[::-1]
    np.testing.assert_array_equal(shown, expected)
    assert dashboard.units_strip.layout.yaxis.ticktext[0] == f"unit {units[0] + 1}"
    # the probe: one softmax per input, bars with their numbers
    dashboard.compare(background=False)
    dashboard.wait_trained(120)
    accuracies = dashboard.accuracies
    assert all(0.1 < accuracies[key] <= 1 for key in ("raw", "rbm", "dbn"))
    assert accuracies["raw"] > 0.8  # a softmax on pixels, 1,000 digits
    bars = dashboard.probe_bars.data[0]
    assert list(bars.y[:3]) == [accuracies[k] for k in ("raw", "rbm", "dbn")]
    assert bars.text[0] == f"{accuracies['raw']:.1%}"
    dashboard.fine_tune(background=False)
    dashboard.wait_trained(120)
    assert 0.1 < dashboard.accuracies["tuned"] <= 1 and dashboard.tuned.output_shape == (None, 10)
    assert "fine-tuned" in dashboard.status_text


def test_a_new_layer_2_keeps_layer_1(dashboard):
    if dashboard.model.trained < 1:
        dashboard.train_layer(1, background=False)
        dashboard.wait_trained(60)
    first = dashboard.model.rbms[0]
    dashboard._hidden_2.value = 32  # as a student moving the slider
    assert dashboard.model.rbms[0] is first and dashboard.model.trained == 1
    assert dashboard.model.rbms[1].n_hidden == 32 and dashboard.model.sizes[2] == 32
    assert dashboard.accuracies["dbn"] is None and dashboard.units is None
    dashboard.configure(hidden_1=64)
    assert dashboard.model.trained == 0 and dashboard.model.rbms[0].n_hidden == 64
    dashboard.configure(hidden_1=32, hidden_2=16)


def test_stop_and_a_silly_learning_rate():
    for lang in ("en", "pl"):
        board = DbnDashboard(lang=lang, images=1000).wait_ready()
        board.configure(hidden_1=32, hidden_2=16, epochs=10)
        board.train_layer(1)
        board.stop()
        board.wait_trained(60)
        assert board.model.trained == 0 and board.error_text == ""
        errors = shown_errors(board)
        board.configure(learning_rate=100.0, epochs=1)
        board.train_layer(1, background=False)
        board.wait_trained(60)
        assert errors and errors[-1].key == "dbn.diverged"
        if lang == "pl":
            assert_student_error(errors[-1], "dbn.diverged")
            board.train_layer(2)
            assert_student_error(errors[-1], "dbn.layer_1_first")


def test_figure_data():
    assert curves_data([[0.1, 0.05], []], ["a", "b"]) == [
        {"x": [1, 2], "y": [0.1, 0.05], "name": "a"},
        {"x": [], "y": [], "name": "b"},
    ]
    data, layout = probe_data([0.9, None, 0.7, None], ["90%", "", "70%", ""])
    assert data[0]["y"] == [0.9, None, 0.7, None]
    assert layout["yaxis.range"] == [pytest.approx(0.65), 1.0]
    hidden = np.array([[0.0, 0.5, 0.9], [1.0, 0.5, 0.1], [0.2, 0.5, 0.3]])
    np.testing.assert_array_equal(selective_units(hidden, 2), [0, 2])
    np.testing.assert_array_equal(top_rows(hidden, [0, 2], 2), [[1, 2], [0, 2]])
    W1, W2 = np.eye(784)[:, :3], np.array([[1.0], [-2.0], [0.0]])
    projected = projections(W1, W2, [0])
    assert projected.shape == (1, 784) and projected[0, 1] == -1.0 and projected[0, 0] == 0.5
    pixels = units_pixels(projected, np.zeros((1, 2, 784)))
    assert pixels.shape == (28, 3 * 30 - 2, 4)


def test_new_sizes_are_said_before_the_rbms_are_built(dashboard, monkeypatch):
    """Issue 24: the hidden-units sliders changed the page only after the build and the
    figures (90-160 ms in the browser); the status line names the new sizes first."""
    from widgets.dbn import dashboard as module

    seen = []
    build_dbn, build_rbm = rb.build_dbn, rb.build_rbm
    monkeypatch.setattr(  # the dashboard module's own (lazy) name for the model module
        module.rb,
        "build_dbn",
        lambda *a, **k: seen.append(dashboard.status_text) or build_dbn(*a, **k),
    )
    monkeypatch.setattr(
        module.rb,
        "build_rbm",
        lambda *a, **k: seen.append(dashboard.status_text) or build_rbm(*a, **k),
    )
    h1, h2 = int(dashboard._hidden_1.value), int(dashboard._hidden_2.value)
    try:
        dashboard._hidden_1.value = h1 + 32
        assert f"784 → {h1 + 32} → {h2}" in seen[0]
        dashboard._hidden_2.value = h2 + 16
        assert f"{h1 + 32} → {h2 + 16}" in seen[-1] and "layer 2" in seen[-1]
    finally:
        dashboard._hidden_1.value, dashboard._hidden_2.value = h1, h2
