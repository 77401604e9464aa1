"""The input features of TensorFlow Playground, computed from the point (x1, x2).

A network that gets x1² and x2² separates the circle with a single neuron; one that gets
only x1, x2 needs a hidden layer. Students switch the features on and off to see that.
"""

from __future__ import annotations

import numpy as np

# name -> (label shown on the button, function of the (n, 2) input array)
FEATURES = {
    "x1": ("x₁", lambda X: X[:, 0]),
    "x2": ("x₂", lambda X: X[:, 1]),
    "x1sq": ("x₁²", lambda X: X[:, 0] ** 2),
    "x2sq": ("x₂²", lambda X: X[:, 1] ** 2),
    "x1x2": ("x₁·x₂", lambda X: X[:, 0] * X[:, 1]),
    "sinx1": ("sin x₁", lambda X: np.sin(X[:, 0])),
    "sinx2": ("sin x₂", lambda X: np.sin(X[:, 1])),
}
DEFAULT_FEATURES = ("x1", "x2")


def check_features(names) -> tuple[str, ...]:
    """The names in the canonical order; ValueError for unknown names or none at all."""
    names = tuple(names)
    unknown = [name for name in names if name not in FEATURES]
    if unknown:
        raise ValueError(f"unknown features {unknown}; available: {', '.join(FEATURES)}")
    if not names:
        raise ValueError("choose at least one input feature")
    return tuple(name for name in FEATURES if name in names)


def compute_features(X, names) -> np.ndarray:
    """The chosen features of points ``X`` (shape (n, 2)) as an (n, k) float32 array."""
    X = np.asarray(X, dtype=np.float64).reshape(-1, 2)
    columns = [FEATURES[name][1](X) for name in check_features(names)]
    return np.column_stack(columns).astype(np.float32)


def feature_label(name: str) -> str:
    return FEATURES[name][0]
