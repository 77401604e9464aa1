"""Activation functions as Keras computes them, their derivatives by ``tf.GradientTape``,
and a single neuron ``keras.Sequential([Input, Dense(1, activation=f)])``.

Every activation is a ``keras.activations`` function (or a ``keras.ops`` one for the step
and sign, which Keras does not ship). Its derivative is what backpropagation would use:
``tf.GradientTape`` on the same function. Plain numpy formulas (:func:`reference`,
:func:`reference_derivative`) are the tests' reference for both.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import keras
import numpy as np
import tensorflow as tf
from keras import activations, ops

from .activation_names import ACTIVATIONS  # noqa: F401  (re-exported)

#: Activations with a parameter α (leaky ReLU: the slope for z < 0; ELU: the limit −α).
WITH_ALPHA = {"leaky_relu": 0.2, "elu": 1.0}
#: |f'(z)| below this counts as saturated: a gradient step barely moves the weights.
SATURATION_LIMIT = 0.05


def check_activation(name: str) -> str:
    """Return ``name`` if it is one of :data:`ACTIVATIONS`, else raise a ValueError."""
    if name not in ACTIVATIONS:
        raise ValueError(f"unknown activation {name!r}; choose one of {', '.join(ACTIVATIONS)}")
    return name


def _alpha(name: str, alpha: float | None) -> float:
    return WITH_ALPHA.get(name, 0.0) if alpha is None else float(alpha)


def activation_function(name: str, alpha: float | None = None) -> Callable:
    """The Keras function ``f(z)`` (tensor in, tensor out) of the named activation."""
    check_activation(name)
    a = _alpha(name, alpha)
    if name == "step":  # the unit step of the perceptron: 1 for z >= 0, else 0
        return lambda z: ops.where(z >= 0, ops.ones_like(z), ops.zeros_like(z))
    if name == "sign":
        return ops.sign
    if name == "leaky_relu":
        return lambda z: activations.leaky_relu(z, negative_slope=a)
    if name == "elu":
        return lambda z: activations.elu(z, alpha=a)
    if name == "gelu":
        return lambda z: activations.gelu(z, approximate=False)
    return getattr(activations, name)


def values_and_derivative(
    name: str, z, alpha: float | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """``f(z)`` and ``f'(z)`` as numpy, the derivative taken by ``tf.GradientTape``.

    Where ``f`` does not depend on ``z`` at all (the step) the tape has no path and the
    derivative is 0, as backpropagation would see it.
    """
    f = activation_function(name, alpha)
    z = tf.convert_to_tensor(np.asarray(z, dtype=np.float32))
    with tf.GradientTape() as tape:
        tape.watch(z)
        y = f(z)
    dy = tape.gradient(y, z, unconnected_gradients=tf.UnconnectedGradients.ZERO)
    return y.numpy(), dy.numpy()


# ------------------------------------------------------------------------ numpy references


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _normal_cdf(z):
    return 0.5 * (1.0 + np.vectorize(math.erf)(z / math.sqrt(2.0)))


def reference(name: str, z, alpha: float | None = None) -> np.ndarray:
    """``f(z)`` from its textbook formula, in float64 numpy."""
    z = np.asarray(z, dtype=float)
    a = _alpha(check_activation(name), alpha)
    formulas = {
        "step": lambda: (z >= 0).astype(float),
        "sign": lambda: np.sign(z),
        "linear": lambda: z,
        "sigmoid": lambda: _sigmoid(z),
        "tanh": lambda: np.tanh(z),
        "relu": lambda: np.maximum(z, 0.0),
        "leaky_relu": lambda: np.where(z > 0, z, a * z),
        "elu": lambda: np.where(z > 0, z, a * np.expm1(np.minimum(z, 0))),
        "softplus": lambda: np.logaddexp(0.0, z),
        "swish": lambda: z * _sigmoid(z),
        "gelu": lambda: z * _normal_cdf(z),
    }
    return formulas[name]()


def reference_derivative(name: str, z, alpha: float | None = None) -> np.ndarray:
    """``f'(z)`` from the analytic formula (at a kink, the one-sided value of z > 0)."""
    z = np.asarray(z, dtype=float)
    a = _alpha(check_activation(name), alpha)
    s = _sigmoid(z)
    formulas = {
        "step": lambda: np.zeros_like(z),
        "sign": lambda: np.zeros_like(z),
        "linear": lambda: np.ones_like(z),
        "sigmoid": lambda: s * (1 - s),
        "tanh": lambda: 1 - np.tanh(z) ** 2,
        "relu": lambda: (z > 0).astype(float),
        "leaky_relu": lambda: np.where(z > 0, 1.0, a),
        "elu": lambda: np.where(z > 0, 1.0, a * np.exp(np.minimum(z, 0))),
        "softplus": lambda: s,
        "swish": lambda: s + z * s * (1 - s),
        "gelu": lambda: _normal_cdf(z) + z * np.exp(-(z**2) / 2) / math.sqrt(2 * math.pi),
    }
    return formulas[name]()


def saturation_intervals(
    z: np.ndarray, derivative: np.ndarray, limit: float = SATURATION_LIMIT
) -> list[tuple[float, float]]:
    """The stretches of the sorted grid ``z`` where ``|f'(z)| < limit``, as (start, end)."""
    flat = np.abs(np.asarray(derivative)) < limit
    intervals, start = [], None
    for i, saturated in enumerate(flat):
        if saturated and start is None:
            start = i
        if start is not None and (not saturated or i == len(flat) - 1):
            end = i if saturated else i - 1
            intervals.append((float(z[start]), float(z[end])))
            start = None
    return intervals


# ------------------------------------------------------------------------ one neuron


def build_neuron(n_inputs: int = 1, name: str = "sigmoid", alpha: float | None = None):
    """``keras.Sequential([Input((n_inputs,)), Dense(1, activation=f)])``: one neuron."""
    if n_inputs not in (1, 2):
        raise ValueError(f"the neuron has 1 or 2 inputs, not {n_inputs}")
    return keras.Sequential(
        [
            keras.Input(shape=(n_inputs,)),
            keras.layers.Dense(1, activation=activation_function(name, alpha), name="neuron"),
        ],
        name="single_neuron",
    )


def set_neuron(model, weights, bias: float, name: str, alpha: float | None = None) -> None:
    """Load weights, bias and the activation into the neuron (the dashboard's sliders)."""
    layer = model.layers[0]
    n_inputs = layer.kernel.shape[0]
    weights = np.asarray(weights, dtype="float32").reshape(-1)
    if weights.size != n_inputs:
        raise ValueError(f"the neuron has {n_inputs} input(s), got {weights.size} weight(s)")
    layer.kernel.assign(weights.reshape(n_inputs, 1))
    layer.bias.assign(np.array([bias], dtype="float32"))
    # Dense.call applies self.activation: swapping it swaps the neuron's activation.
    layer.activation = activation_function(name, alpha)


def neuron_output(model, points) -> np.ndarray:
    """The neuron's output on ``points`` (n, n_inputs), as a flat numpy array."""
    points = np.asarray(points, dtype="float32")
    return ops.convert_to_numpy(model(points, training=False)).reshape(-1)


# ------------------------------------------------------------------------ softmax


def softmax(logits, temperature: float = 1.0) -> np.ndarray:
    """``keras.activations.softmax(z / T)``: a probability vector (sums to 1)."""
    if not np.isfinite(temperature) or temperature <= 0:
        raise ValueError(f"the temperature must be a number > 0, got {temperature}")
    z = np.asarray(logits, dtype="float32").reshape(1, -1) / np.float32(temperature)
    return ops.convert_to_numpy(activations.softmax(ops.convert_to_tensor(z))).reshape(-1)


def reference_softmax(logits, temperature: float = 1.0) -> np.ndarray:
    """Softmax in numpy (shifted by the maximum, so large logits do not overflow)."""
    z = np.asarray(logits, dtype=float) / temperature
    e = np.exp(z - z.max())
    return e / e.sum()
