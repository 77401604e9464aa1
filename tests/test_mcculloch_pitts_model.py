"""The Keras MCP neuron against a numpy reference, and the pure helpers it relies on."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from widgets.backend import load_keras
from widgets.geometry import boundary_segment, halfplane_polygon
from widgets.logic import input_rows, linearly_separable_count, name_of, truth_vector
from widgets.mcculloch_pitts import PRESETS, preset_parameters

load_keras()
from widgets.models import mcculloch_pitts as mcp  # noqa: E402  (needs Keras imported)


def keras_outputs(n_inputs, weights, threshold, inhibitory=False):
    model = mcp.build_mcp_model(n_inputs, inhibitory)
    mcp.set_parameters(model, weights, threshold)
    return mcp.truth_table(model)


@pytest.mark.parametrize("n_inputs", [2, 3])
@pytest.mark.parametrize("gate", PRESETS)
def test_presets_compute_their_gate(gate, n_inputs):
    weights, threshold = preset_parameters(gate, n_inputs)
    rows, _, outputs = keras_outputs(n_inputs, weights, threshold)
    expected = truth_vector("NOT x1" if gate == "NOT" else gate, n_inputs)
    np.testing.assert_array_equal(outputs, expected)
    np.testing.assert_array_equal(
        outputs, mcp.reference_outputs(rows, weights, threshold, n_inputs)
    )


@pytest.mark.parametrize("seed", range(20))
def test_random_weights_match_numpy(seed):
    rng = np.random.default_rng(seed)
    n_inputs = int(rng.integers(2, 4))
    inhibitory = bool(rng.integers(0, 2))
    weights = rng.uniform(-2, 2, n_inputs).astype(np.float32)
    threshold = float(rng.uniform(-3, 3))
    rows, sums, outputs = keras_outputs(n_inputs, weights, threshold, inhibitory)
    np.testing.assert_allclose(sums, rows[:, :n_inputs] @ weights, rtol=1e-6)
    np.testing.assert_array_equal(
        outputs, mcp.reference_outputs(rows, weights, threshold, n_inputs)
    )


def test_inhibitory_input_vetoes_whatever_the_sum():
    rows, sums, outputs = keras_outputs(2, [2.0, 2.0], -3.0, inhibitory=True)
    vetoed = rows[:, -1] == 1
    assert (sums[vetoed] >= -3).all()  # the sum alone would fire...
    assert (outputs[vetoed] == 0).all()  # ...but h = 1 blocks it
    assert (outputs[~vetoed] == 1).all()


def test_model_is_not_trainable_and_round_trips_through_keras_saving(tmp_path):
    keras = load_keras()
    model = mcp.build_mcp_model(3, inhibitory=True)
    mcp.set_parameters(model, [1.0, -1.0, 0.5], 0.5)
    assert model.trainable_weights == []
    path = tmp_path / "mcp.keras"
    model.save(path)
    again = keras.models.load_model(path)
    np.testing.assert_array_equal(mcp.truth_table(again)[2], mcp.truth_table(model)[2])


def test_logic_names_and_counts():
    assert name_of(truth_vector("XOR", 2), 2) == "XOR"
    assert name_of([0, 0, 0, 1, 0, 1, 1, 1], 3) == "MAJORITY"
    assert name_of([0, 1, 1, 0, 1, 0, 0, 0], 3) is None
    assert input_rows(3).shape == (8, 3)
    # Exactly 14 of the 16 two-input functions are computable by one threshold unit: all
    # but XOR and XNOR. Check it by brute force over a grid of weights.
    grid = np.arange(-2, 2.5, 0.5)
    rows = input_rows(2)
    seen = {
        tuple(((rows @ np.array([a, b])) >= t).astype(int))
        for a, b, t in itertools.product(grid, grid, np.arange(-3, 3.5, 0.5))
    }
    assert len(seen) == linearly_separable_count(2) == 14
    assert tuple(truth_vector("XOR", 2).astype(int)) not in seen


def test_halfplane_and_boundary_geometry():
    box = (-0.5, 1.5, -0.5, 1.5)
    polygon = halfplane_polygon([1.0, 1.0], 2.0, box)  # x + y >= 2: the upper-right corner
    assert polygon.shape[1] == 2 and len(polygon) == 3
    assert np.all(polygon @ np.array([1.0, 1.0]) >= 2.0 - 1e-9)
    segment = boundary_segment([1.0, 1.0], 2.0, box)
    np.testing.assert_allclose(segment @ np.array([1.0, 1.0]), [2.0, 2.0])
    assert boundary_segment([0.0, 0.0], 1.0, box) is None
    assert len(halfplane_polygon([1.0, 0.0], 5.0, box)) == 0  # nothing fires in the box
