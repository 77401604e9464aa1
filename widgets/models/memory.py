"""Memory over time: the adding problem, and a SimpleRNN, a GRU and an LSTM that try it.

The adding problem (Hochreiter & Schmidhuber 1997, experiment 4; the form used by Le et
al. 2015 and most papers since): a sequence of ``T`` steps with two channels,

- channel 0: a random value in [0, 1] at every step,
- channel 1: a marker, 1 at exactly two steps (one in the first half of the sequence,
  one in the second half) and 0 everywhere else;

the target is the sum of the two marked values. The network sees the whole sequence and
answers once, at its end, so it must keep the first marked value in its state over
``T/2`` steps on average while ignoring everything between.

Predicting a constant cannot do better than the mean of the targets, whose mean squared
error is their variance: the **baseline**. The sum of two independent U(0, 1) values has
variance 1/12 + 1/12 = 1/6 ≈ 0.167 (:data:`THEORETICAL_BASELINE`); the dashboard uses the
variance of its own validation targets (:func:`baseline_mse`), which is what the mean
predictor scores on them. (Issue 15 quoted 0.179, from a different generator; with this
one the numpy variance of 10,000 targets was 0.163–0.170 over 8 seeds, and the
dashboard's 1,000 validation targets give 0.162 at T = 100, a sample's spread around 1/6;
``tests/test_rnn_memory.py`` checks the variance of 20,000 against 1/6.)

The models (:func:`recurrent_model`): ``Input((T, 2))`` → one recurrent layer of
``units`` (``SimpleRNN``, ``GRU`` or ``LSTM``, Keras' defaults: tanh, orthogonal
recurrent weights; the LSTM's forget-gate bias starts at 1) → ``Dense(1)``; mean squared
error, Adam with ``clipnorm=1`` (a gradient that explodes is cut to length 1).

On a CPU Keras runs a recurrent layer as a ``tf.while_loop`` over the steps (no cuDNN).
XLA (``jit_compile=True``) compiles that loop into one kernel; measured here with
``python benchmarks/rnn_memory_bench.py --jit`` (2 cores shared with a browser benchmark,
load 2–4; one ``train_on_batch`` of batch 64, 32 units, T = 100, median of 30 steps
after the first; two runs, 1 December 2026):

=========  =====================  ====================  =========================
cell       jit off (ms per step)  jit on (ms per step)  first step off / on (s)
=========  =====================  ====================  =========================
SimpleRNN  4.2–12.7               2.5–3.9               0.5–1.5 / 1.5–3.7
GRU        9.3–12.1               4.2–6.0               0.8–1.1 / 1.2–1.3
LSTM       7.1–11.4               3.5–5.9               0.5–0.8 / 1.2–1.9
=========  =====================  ====================  =========================

At T = 50 the same: SimpleRNN 3.1 → 1.2 ms, GRU 5.5 → 3.3, LSTM 5.4 → 3.8. XLA is faster
for every cell (the first step, which compiles, costs about a second more), so
:data:`JIT_COMPILE` turns it on for all three. ``unroll=True`` is not used: with XLA it
made the GRU 13× slower (DESIGN.md).

Keras is imported inside the functions that need it, so the data and the baseline work
(and the dashboard shows) before TensorFlow has loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import keras

CELLS = ("simple_rnn", "gru", "lstm")
LAYER_NAMES = {"simple_rnn": "SimpleRNN", "gru": "GRU", "lstm": "LSTM"}
JIT_COMPILE = {"simple_rnn": True, "gru": True, "lstm": True}
THEORETICAL_BASELINE = 1.0 / 6.0  # Var(a + b) for independent a, b ~ U(0, 1)
BATCH_SIZE = 64
VALIDATION_BATCH_SIZE = 500  # evaluation has no gradient: bigger batches, fewer loop runs
MIN_LENGTH = 4  # two halves with room for a marker each


def adding_problem(n: int, length: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """``n`` sequences of the adding problem of length ``length``.

    Returns ``x`` of shape (n, length, 2), float32 (values, markers) and ``y`` of shape
    (n, 1), float32: the sum of the two marked values. One marker falls uniformly in the
    first half (steps ``0 … length//2 − 1``), the other in the second half.
    """
    n, length = int(n), int(length)
    if n < 1 or length < MIN_LENGTH:
        raise ValueError(f"need n >= 1 and length >= {MIN_LENGTH}, got n={n}, length={length}")
    rng = np.random.default_rng(seed)
    values = rng.random((n, length), dtype=np.float32)
    half = length // 2
    first = rng.integers(0, half, size=n)
    second = rng.integers(half, length, size=n)
    markers = np.zeros((n, length), dtype=np.float32)
    rows = np.arange(n)
    markers[rows, first] = 1.0
    markers[rows, second] = 1.0
    y = (values[rows, first] + values[rows, second]).astype(np.float32).reshape(n, 1)
    return np.stack([values, markers], axis=-1), y


def baseline_mse(y: np.ndarray) -> float:
    """The mean squared error of always answering the mean of ``y``: its variance."""
    y = np.asarray(y, dtype=np.float64)
    return float(np.mean((y - y.mean()) ** 2))


@dataclass
class MemoryData:
    """Training and validation sequences of one length, and the validation baseline."""

    length: int
    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray

    @property
    def baseline(self) -> float:
        return baseline_mse(self.y_val)


def make_data(n_train: int, length: int, n_val: int = 1000, seed: int = 0) -> MemoryData:
    """Training and validation sets drawn from independent seeded streams."""
    x_train, y_train = adding_problem(n_train, length, seed=seed)
    x_val, y_val = adding_problem(n_val, length, seed=seed + 10_000)
    return MemoryData(int(length), x_train, y_train, x_val, y_val)


def recurrent_layer(cell: str, units: int) -> keras.layers.Layer:
    """A ``SimpleRNN``, ``GRU`` or ``LSTM`` layer of ``units``, Keras' defaults."""
    import keras

    if cell not in CELLS:
        raise ValueError(f"unknown cell {cell!r}; choose one of {', '.join(CELLS)}")
    kind = getattr(keras.layers, LAYER_NAMES[cell])
    return kind(int(units), name=cell)


def recurrent_model(
    cell: str,
    units: int,
    length: int,
    learning_rate: float = 1e-3,
    seed: int = 0,
    jit_compile: bool | None = None,
) -> keras.Sequential:
    """``Input((length, 2))`` → ``cell`` of ``units`` → ``Dense(1)``, compiled for
    regression (MSE, Adam with ``clipnorm=1``), seeded; ``jit_compile`` by default the
    faster choice measured for the cell (:data:`JIT_COMPILE`)."""
    import keras

    keras.utils.set_random_seed(int(seed))
    model = keras.Sequential(
        [
            keras.Input(shape=(int(length), 2)),
            recurrent_layer(cell, units),
            keras.layers.Dense(1, name="sum"),
        ],
        name=f"adding_{cell}",
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=float(learning_rate), clipnorm=1.0),
        loss="mse",
        jit_compile=JIT_COMPILE[cell] if jit_compile is None else bool(jit_compile),
    )
    return model


def fit_kwargs(data: MemoryData, epochs: int = 1, initial_epoch: int = 0) -> dict:
    """The ``model.fit`` arguments the dashboard, the tests and the benchmark share."""
    return {
        "epochs": int(epochs),
        "initial_epoch": int(initial_epoch),
        "batch_size": BATCH_SIZE,
        "validation_data": (data.x_val, data.y_val),
        "validation_batch_size": VALIDATION_BATCH_SIZE,
        "verbose": 0,
    }


def predict_one(model: keras.Model, x: np.ndarray) -> float:
    """The model's answer for one sequence ``x`` of shape (T, 2)."""
    batch = np.asarray(x, dtype=np.float32)[None]
    # the compiled predict function: traced once (0.35 s), then 5 ms a call; an eager
    # call runs the recurrent loop step by step in Python, 120-190 ms at T = 100
    return float(np.asarray(model.predict_on_batch(batch)).reshape(-1)[0])


def marked(x: np.ndarray) -> tuple[list[int], list[float]]:
    """The steps of the two markers of one sequence (T, 2) and their values."""
    steps = [int(i) for i in np.flatnonzero(np.asarray(x)[:, 1] > 0.5)]
    return steps, [float(x[i, 0]) for i in steps]
