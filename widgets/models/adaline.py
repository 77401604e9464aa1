"""ADALINE (Widrow and Hoff, 1960) as Keras does it: ``Dense(1)``, linear activation,
mean squared error, SGD.

ADALINE learns from the *linear* output ``z = w·x + b`` and minimises the cost
``J(w, b) = mean((y − z)²)`` by gradient descent, with targets ``y = ±1``; only to
classify does it take the sign of ``z``. With ``batch_size=1`` each step uses one sample
(online, the original Widrow-Hoff / LMS rule); with the whole set as one batch each
epoch is one step of batch gradient descent. The cost is convex, so a small enough
learning rate reaches the closed-form least-squares solution (:func:`least_squares`); a
too large one overshoots further every step and diverges, which
:class:`EpochRecorder` detects (non-finite or exploding cost), stopping the fit and
putting back the last finite weights.

Inputs are standardised (mean 0, standard deviation 1 per column; :func:`standardise`).
Then the cost splits as ``J(w, b) = mean((Xw − y)²) + b² − 2b·mean(y)``: the best bias
``b* = mean(y)`` does not depend on ``w``, and the batch-descent path of ``(w1, w2)`` is
exactly the descent on the slice ``J(w1, w2, b*)`` that :func:`cost_surface` draws.
"""

from __future__ import annotations

import keras
import numpy as np
import tensorflow as tf

#: Cost above this multiple of the starting cost (or non-finite) counts as divergence.
EXPLODE_FACTOR = 1e4


def standardise(X) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(X − mean) / std`` per column (float32), with the mean and std used."""
    X = np.asarray(X, dtype=np.float64)
    mean, std = X.mean(axis=0), X.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    return ((X - mean) / std).astype(np.float32), mean, std


def bipolar(labels) -> np.ndarray:
    """Class labels 0/1 as ADALINE's targets −1/+1 (float32)."""
    return np.where(np.asarray(labels).ravel() > 0, 1.0, -1.0).astype(np.float32)


def build_adaline(n_inputs: int = 2, learning_rate: float = 0.1, steps_per_epoch: int = 1):
    """``Dense(1)`` with a linear activation, compiled with SGD and mean squared error.

    ``steps_per_epoch`` becomes Keras' ``steps_per_execution``: a whole epoch runs in one
    call of the compiled train function (one Python round trip instead of one per sample),
    which makes online training about 10x faster here. Weights start at zero.
    """
    model = keras.Sequential(
        [
            keras.Input(shape=(n_inputs,)),
            keras.layers.Dense(1, activation="linear", kernel_initializer="zeros", name="adaline"),
        ],
        name="adaline",
    )
    compile_adaline(model, learning_rate, steps_per_epoch)
    return model


def compile_adaline(model, learning_rate: float, steps_per_epoch: int = 1) -> None:
    """(Re)compile with ``SGD(learning_rate)`` and MSE; no XLA for a 3-weight model."""
    model.compile(
        optimizer=keras.optimizers.SGD(learning_rate=float(learning_rate)),
        loss="mse",
        steps_per_execution=int(steps_per_epoch),
        jit_compile=False,
    )


def set_learning_rate(model, learning_rate: float) -> None:
    """Change η of a compiled ADALINE in place (SGD keeps it in a variable): no new
    ``compile``, so Keras keeps its traced train function."""
    model.optimizer.learning_rate = float(learning_rate)


def get_parameters(model) -> tuple[np.ndarray, float]:
    """``(w, b)`` of the neuron as float64 numpy."""
    kernel, bias = model.layers[0].get_weights()
    return kernel.ravel().astype(float), float(bias[0])


def set_parameters(model, w, b: float) -> None:
    layer = model.layers[0]
    layer.set_weights(
        [np.asarray(w, dtype="float32").reshape(-1, 1), np.array([b], dtype="float32")]
    )


def dataset(X, y, batch_size: int):
    """A cached ``tf.data`` pipeline in a fixed order (Keras re-wraps numpy every epoch)."""
    return (
        tf.data.Dataset.from_tensor_slices(
            (np.asarray(X, dtype="float32"), np.asarray(y, dtype="float32").reshape(-1, 1))
        )
        .batch(int(batch_size))
        .cache()
    )


# ---------------------------------------------------------------------------- numpy side


def least_squares(X, y) -> tuple[np.ndarray, float]:
    """The minimum of ``mean((y − Xw − b)²)`` in closed form (``np.linalg.lstsq``)."""
    X = np.asarray(X, dtype=np.float64)
    A = np.hstack([X, np.ones((len(X), 1))])
    solution, *_ = np.linalg.lstsq(A, np.asarray(y, dtype=np.float64).ravel(), rcond=None)
    return solution[:-1], float(solution[-1])


def cost(X, y, w, b) -> float:
    """``mean((y − Xw − b)²)``, Keras' MSE on the whole set."""
    with np.errstate(all="ignore"):
        z = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64) + b
        return float(np.mean((np.asarray(y, dtype=np.float64).ravel() - z) ** 2))


def cost_surface(X, y, b: float, w1_axis, w2_axis) -> np.ndarray:
    """``J(w1, w2, b)`` on a grid, shape ``(len(w2_axis), len(w1_axis))`` (rows = w2)."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64).ravel()
    W1, W2 = np.meshgrid(w1_axis, w2_axis)
    # mean((x1 w1 + x2 w2 + b - y)^2) expanded, so the grid costs O(grid), not O(grid * n).
    x1, x2, r = X[:, 0], X[:, 1], b - y
    return (
        W1**2 * np.mean(x1 * x1)
        + W2**2 * np.mean(x2 * x2)
        + 2 * W1 * W2 * np.mean(x1 * x2)
        + 2 * W1 * np.mean(x1 * r)
        + 2 * W2 * np.mean(x2 * r)
        + np.mean(r * r)
    )


def classify(X, w, b) -> np.ndarray:
    """Class 1 where ``w·x + b >= 0``, else 0 (the sign of ADALINE's output, as 0/1)."""
    with np.errstate(all="ignore"):
        z = np.asarray(X, dtype=np.float64) @ np.asarray(w, dtype=np.float64) + b
    return (z >= 0).astype(int)


def error_rate(X, labels, w, b) -> float:
    """Fraction of points (labels 0/1) on the wrong side of ``w·x + b = 0``."""
    return float(np.mean(classify(X, w, b) != np.asarray(labels).ravel()))


# ---------------------------------------------------------------------------- callbacks


class EpochRecorder(keras.callbacks.Callback):
    """Record ``(w, b)`` and the whole-set cost after every epoch; stop on divergence.

    ``weights[k]``, ``biases[k]``, ``costs[k]`` describe the state after ``k`` epochs
    (``k = 0``: the start). The cost is ``mean((y − Xw − b)²)`` at those weights, so it
    matches the error surface (Keras' own epoch loss averages over the steps instead).
    When the cost is not finite or exceeds ``EXPLODE_FACTOR`` times the starting cost,
    ``diverged`` becomes True, ``diverged_at`` holds the epoch, training stops and the
    model gets back the last finite weights, which end the record.
    """

    def __init__(self, X, y, explode_factor: float = EXPLODE_FACTOR):
        super().__init__()
        self.X = np.asarray(X, dtype=np.float64)
        self.y = np.asarray(y, dtype=np.float64).ravel()
        self.explode_factor = explode_factor
        self.weights: list[np.ndarray] = []
        self.biases: list[float] = []
        self.costs: list[float] = []
        self.diverged = False
        self.diverged_at: int | None = None

    def on_train_begin(self, logs=None):
        w, b = get_parameters(self.model)
        self.weights, self.biases, self.costs = [w], [b], [cost(self.X, self.y, w, b)]
        self.diverged, self.diverged_at = False, None

    def on_epoch_end(self, epoch, logs=None):
        w, b = get_parameters(self.model)
        value = cost(self.X, self.y, w, b)
        limit = self.explode_factor * max(self.costs[0], 1e-12)
        finite = np.all(np.isfinite(w)) and np.isfinite(b) and np.isfinite(value)
        if not finite or value > limit:
            self.diverged, self.diverged_at = True, epoch + 1
            set_parameters(self.model, self.weights[-1], self.biases[-1])
            self.model.stop_training = True
            return
        self.weights.append(w)
        self.biases.append(b)
        self.costs.append(value)


class PerceptronEpochs(keras.callbacks.Callback):
    """Record a :class:`~widgets.models.perceptron.Perceptron`'s ``(w, b)`` per epoch."""

    def __init__(self):
        super().__init__()
        self.weights: list[np.ndarray] = []
        self.biases: list[float] = []

    def on_train_begin(self, logs=None):
        w, b = self.model.get_parameters()
        self.weights, self.biases = [w], [b]

    def on_epoch_end(self, epoch, logs=None):
        w, b = self.model.get_parameters()
        self.weights.append(w)
        self.biases.append(b)


def build_perceptron_for(n_samples: int, initial_weights=None):
    """The team's Keras :class:`Perceptron` (η = 1), one epoch per train-function call."""
    from .perceptron import build_perceptron

    model = build_perceptron(2, 1.0, initial_weights)
    model.compile(jit_compile=False, steps_per_execution=int(n_samples))
    return model


def fit_closed_form_check(X, y, learning_rate: float = 0.5, epochs: int = 60):
    """Batch gradient descent with Keras from zero; returns ``(model, recorder)``."""
    model = build_adaline(X.shape[1], learning_rate, steps_per_epoch=1)
    recorder = EpochRecorder(X, y)
    model.fit(dataset(X, y, len(X)), epochs=epochs, shuffle=False, verbose=0, callbacks=[recorder])
    return model, recorder
