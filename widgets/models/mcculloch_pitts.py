"""The McCulloch-Pitts neuron (1943) as a Keras layer: weighted sum, threshold, no learning.

In the 1943 model an active *inhibitory* synapse vetoes firing absolutely, whatever the
excitatory sum; the layer models that with an optional extra input column ``h``.
"""

from __future__ import annotations

import keras
import numpy as np
from keras import ops

from ..logic import input_rows


@keras.saving.register_keras_serializable(package="dl_course")
class McCullochPitts(keras.layers.Layer):
    """``y = [w·x >= θ] · [h == 0]``: fires (1) or not (0); nothing here is trainable.

    Inputs have ``n_inputs`` excitatory columns, then one inhibitory column ``h`` when
    ``inhibitory=True``.
    """

    def __init__(self, n_inputs: int = 2, inhibitory: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.n_inputs = n_inputs
        self.inhibitory = inhibitory

    def build(self, input_shape):
        self.kernel = self.add_weight(
            name="weights", shape=(self.n_inputs, 1), initializer="ones", trainable=False
        )
        self.threshold = self.add_weight(
            name="threshold", shape=(), initializer="ones", trainable=False
        )

    def weighted_sum(self, inputs):
        """``w·x`` over the excitatory inputs, shape (batch, 1)."""
        return ops.matmul(inputs[:, : self.n_inputs], self.kernel)

    def call(self, inputs):
        fires = ops.cast(self.weighted_sum(inputs) >= self.threshold, "float32")
        if self.inhibitory:
            vetoed = ops.cast(inputs[:, self.n_inputs :] > 0, "float32")
            fires = fires * (1.0 - vetoed)
        return fires

    def get_config(self):
        return {**super().get_config(), "n_inputs": self.n_inputs, "inhibitory": self.inhibitory}


def build_mcp_model(n_inputs: int = 2, inhibitory: bool = False) -> keras.Model:
    """A Keras model that is exactly one MCP neuron; ``model.layers[0]`` is the neuron."""
    width = n_inputs + int(inhibitory)
    return keras.Sequential(
        [keras.Input(shape=(width,)), McCullochPitts(n_inputs, inhibitory, name="mcp")],
        name="mcculloch_pitts",
    )


def set_parameters(model: keras.Model, weights, threshold: float) -> None:
    """Load weights and threshold from the controls into the neuron."""
    neuron = model.layers[0]
    neuron.kernel.assign(np.asarray(weights, dtype="float32").reshape(neuron.n_inputs, 1))
    neuron.threshold.assign(float(threshold))


def truth_table(model: keras.Model) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """All input rows, their weighted sums and the neuron's outputs, computed by Keras.

    With an inhibitory input the rows cover ``h`` too (it is the last column).
    """
    neuron = model.layers[0]
    rows = input_rows(neuron.n_inputs + int(neuron.inhibitory))
    sums = ops.convert_to_numpy(neuron.weighted_sum(rows)).ravel()
    outputs = ops.convert_to_numpy(model(rows, training=False)).ravel()
    return rows, sums, outputs


def reference_outputs(rows: np.ndarray, weights, threshold: float, n_inputs: int) -> np.ndarray:
    """The same neuron in plain numpy (the tests' reference)."""
    sums = rows[:, :n_inputs].astype(np.float32) @ np.asarray(weights, dtype=np.float32)
    fires = (sums >= np.float32(threshold)).astype(np.float32)
    if rows.shape[1] > n_inputs:
        fires = fires * (rows[:, n_inputs] == 0)
    return fires
