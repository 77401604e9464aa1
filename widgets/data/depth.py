"""Data for lesson 08, deep against shallow networks (numpy only, seeded).

Every set comes as a :class:`Split` with inputs scaled to [-1, 1] (both networks see the
same scale, so neither is favoured by its initialisation range):

- :func:`sawtooth`: 1-D regression on a sawtooth (triangle wave) of ``teeth`` teeth. Its
  graph has ``2 * teeth`` linear pieces. A one-hidden-layer ReLU network with ``n``
  neurons draws at most ``n + 1`` pieces, while a deep one can double the count with
  every layer (Telgarsky 2016; Montúfar et al. 2014), so the teeth set how hard the set
  is for a shallow net.
- :func:`nested_spirals`: two interleaved spiral arms (binary classification) turning
  ``turns`` times; more turns need more folds of the plane.
- :func:`noisy_curve`: a small, noisy 1-D regression (20 points of one sine period plus
  noise), where a wide shallow network with its bends spread over the input learns the
  noise: training loss falls far below the noise variance while the test loss rises
  (overfitting, "przetrenowanie").
"""

from __future__ import annotations

import operator
from dataclasses import dataclass

import numpy as np

from ..errors import StudentError
from ..i18n import Strings

__all__ = [
    "DATASETS",
    "DepthDataError",
    "NOISY_NOISE",
    "TEETH_RANGE",
    "TURNS_RANGE",
    "Split",
    "make_split",
    "nested_spirals",
    "noisy_curve",
    "sawtooth",
    "sawtooth_target",
]

DATASETS = ("sawtooth", "spirals", "noisy")
TEETH_RANGE = (1, 32)
TURNS_RANGE = (0.5, 4.0)
NOISY_NOISE = 0.3  # standard deviation of the noisy set's noise (variance 0.09)


@dataclass(frozen=True)
class Split:
    """A training and a test set of one task (``x`` float32 of shape (n, d))."""

    name: str
    task: str  # "regression" (targets float32) or "classification" (labels 0/1, float32)
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray

    @property
    def n_inputs(self) -> int:
        return int(self.x_train.shape[1])

    def __repr__(self) -> str:
        return (
            f"Split({self.name!r}, {self.task}, train={len(self.x_train)}, "
            f"test={len(self.x_test)}, inputs={self.n_inputs})"
        )


TEXT = Strings(
    "depth_data",
    {
        "whole": {
            "pl": "Argument {name} musi być liczbą całkowitą od {low} do {high}.",
            "en": "The argument {name} must be a whole number from {low} to {high}.",
        },
        "int_range": {
            "pl": "Argument {name} musi być liczbą całkowitą od {low} do {high}, a podano {value}.",
            "en": "The argument {name} must be a whole number from {low} to {high}, got {value}.",
        },
        "number": {
            "pl": "Argument {name} musi być liczbą od {low} do {high}.",
            "en": "The argument {name} must be a number from {low} to {high}.",
        },
        "float_range": {
            "pl": "Argument {name} musi być liczbą od {low} do {high}, a podano {value}.",
            "en": "The argument {name} must be a number from {low} to {high}, got {value}.",
        },
        "dataset": {
            "pl": "Nieznany zbiór danych {value!r}; dostępne: {names}.",
            "en": "Unknown data set {value!r}; available: {names}.",
        },
    },
)


class DepthDataError(StudentError, ValueError):
    """An argument a lesson-08 set cannot be made with: a sentence of ``TEXT``, ``str()`` in
    English for a notebook's traceback."""


def _check_int(value, name: str, low: int, high: int) -> int:
    """``value`` as an int in [low, high], or a :class:`DepthDataError` saying what was wrong."""
    try:
        value = operator.index(value)
    except TypeError as error:
        raise DepthDataError("depth_data.whole", name=name, low=low, high=high) from error
    if not low <= value <= high:
        raise DepthDataError("depth_data.int_range", name=name, low=low, high=high, value=value)
    return value


def _check_float(value, name: str, low: float, high: float) -> float:
    low, high = float(low), float(high)
    try:
        value = float(value)
    except (TypeError, ValueError) as error:
        raise DepthDataError("depth_data.number", name=name, low=low, high=high) from error
    if not (np.isfinite(value) and low <= value <= high):
        raise DepthDataError("depth_data.float_range", name=name, low=low, high=high, value=value)
    return value


def _column(values: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(np.asarray(values, dtype=np.float32).reshape(-1, 1))


def sawtooth_target(x, teeth: int) -> np.ndarray:
    """The sawtooth over x in [-1, 1]: ``teeth`` triangles rising 0 -> 1 -> 0."""
    u = (np.asarray(x, dtype=np.float64) + 1.0) / 2.0  # to [0, 1]
    phase = (u * teeth) % 1.0
    return 1.0 - np.abs(2.0 * phase - 1.0)


def sawtooth(teeth: int = 8, n_train: int = 256, n_test: int = 512, seed: int = 0) -> Split:
    """Sawtooth regression: training x on an even grid (every tooth is sampled the same
    way, so a miss is the model's fault, not the data's), test x uniform at random."""
    teeth = _check_int(teeth, "teeth", *TEETH_RANGE)
    n_train = _check_int(n_train, "n_train", 2 * teeth + 1, 100_000)
    n_test = _check_int(n_test, "n_test", 1, 100_000)
    rng = np.random.default_rng(seed)
    x_train = np.linspace(-1.0, 1.0, n_train)
    x_test = rng.uniform(-1.0, 1.0, n_test)
    return Split(
        "sawtooth",
        "regression",
        _column(x_train),
        _column(sawtooth_target(x_train, teeth)),
        _column(x_test),
        _column(sawtooth_target(x_test, teeth)),
    )


def _spiral_points(rng: np.random.Generator, n: int, turns: float, noise: float):
    """n points on two arms (labels alternate), radius 0.05 -> 1."""
    labels = np.arange(n) % 2
    t = np.sqrt(rng.uniform(0.0, 1.0, n))  # sqrt: points spread evenly along the arm
    angle = 2 * np.pi * turns * t + np.pi * labels
    radius = 0.05 + 0.95 * t
    X = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    X += rng.normal(0.0, noise, size=X.shape)
    return np.clip(X, -1.0, 1.0).astype(np.float32), labels.astype(np.float32)


def nested_spirals(
    turns: float = 1.5, n_train: int = 400, n_test: int = 400, noise: float = 0.02, seed: int = 0
) -> Split:
    """Two spiral arms nested in each other, class 0 and 1, inside the square [-1, 1]²."""
    turns = _check_float(turns, "turns", *TURNS_RANGE)
    noise = _check_float(noise, "noise", 0.0, 0.5)
    n_train = _check_int(n_train, "n_train", 2, 100_000)
    n_test = _check_int(n_test, "n_test", 2, 100_000)
    rng = np.random.default_rng(seed)
    x_train, y_train = _spiral_points(rng, n_train, turns, noise)
    x_test, y_test = _spiral_points(rng, n_test, turns, noise)
    return Split("spirals", "classification", x_train, _column(y_train), x_test, _column(y_test))


def noisy_curve(
    n_train: int = 20, n_test: int = 400, noise: float = NOISY_NOISE, seed: int = 0
) -> Split:
    """A few noisy samples of ``sin(pi x)``; the test targets carry the same noise level,
    so the best possible test loss is about ``noise²``.

    Training x lie on an even grid (0.105 apart): random x can fall a hair apart with
    targets far apart, a slope gradient descent reaches only slowly (with random x the
    wide net's training loss stalled at 0.05-0.07 on 3 of 5 seeds, which hid the
    memorising; see ``benchmarks/results-lesson-08.md``).
    """
    n_train = _check_int(n_train, "n_train", 2, 100_000)
    n_test = _check_int(n_test, "n_test", 1, 100_000)
    noise = _check_float(noise, "noise", 0.0, 2.0)
    rng = np.random.default_rng(seed)
    x_train = np.linspace(-1.0, 1.0, n_train)
    x_test = rng.uniform(-1.0, 1.0, n_test)
    y_train = np.sin(np.pi * x_train) + rng.normal(0.0, noise, n_train)
    y_test = np.sin(np.pi * x_test) + rng.normal(0.0, noise, n_test)
    return Split(
        "noisy", "regression", _column(x_train), _column(y_train), _column(x_test), _column(y_test)
    )


def make_split(name: str, teeth: int = 8, turns: float = 1.5, seed: int = 0) -> Split:
    """The set the dashboard names ``name`` (one of :data:`DATASETS`)."""
    if name == "sawtooth":
        return sawtooth(teeth, seed=seed)
    if name == "spirals":
        return nested_spirals(turns, seed=seed)
    if name == "noisy":
        return noisy_curve(seed=seed)
    raise DepthDataError("depth_data.dataset", value=name, names=", ".join(DATASETS))
