"""The playground's data sets: TensorFlow Playground's four classification and two
regression sets (from :mod:`widgets.data.toy`), split into training and test points."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..data.toy import circles, gaussian_bump, gaussian_clusters, plane, spirals, xor_quadrants

N_POINTS = 500  # as the Playground: 500 points, split by the training share
CLASSIFICATION = ("circle", "xor", "gauss", "spiral")
REGRESSION = ("plane", "bump")
DATASETS = CLASSIFICATION + REGRESSION
MULTICLASS = ("gauss", "spiral")  # the sets that come with 3-5 classes
BOX = 6.0  # the input plane shown is [-6, 6]²


@dataclass
class Split:
    """Points (n, 2) and labels (class index, or a value for regression) of both sets."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    regression: bool
    classes: int

    def add_point(self, x1: float, x2: float, label) -> None:
        """A student's own training point (click-to-add)."""
        self.x_train = np.vstack([self.x_train, np.array([[x1, x2]], dtype=np.float32)])
        self.y_train = np.append(self.y_train, np.asarray(label, dtype=self.y_train.dtype))


def make_dataset(name: str, noise: float = 0.0, seed: int = 0, classes: int = 2):
    """All 500 points of a named set: ``(X, y)``; ``noise`` in [0, 0.5]."""
    if name not in DATASETS:
        raise ValueError(f"unknown data set {name!r}; available: {', '.join(DATASETS)}")
    if name == "circle":
        return circles(N_POINTS, noise, seed)
    if name == "xor":
        return xor_quadrants(N_POINTS, noise, seed)
    if name == "gauss":
        return gaussian_clusters(N_POINTS, noise, seed, classes=classes)
    if name == "spiral":
        return spirals(N_POINTS, noise, seed, classes=classes)
    return (plane if name == "plane" else gaussian_bump)(N_POINTS, noise, seed)


def split(X, y, train_share: float, regression: bool, classes: int) -> Split:
    """The first ``train_share`` of the (already shuffled) points train, the rest test."""
    if not 0.0 < train_share < 1.0:
        raise ValueError("the training share must be between 0 and 1")
    n_train = max(1, int(round(len(X) * train_share)))
    X = np.asarray(X, dtype=np.float32)
    y = np.asarray(y, dtype=np.float32 if regression else np.int64)
    return Split(X[:n_train], y[:n_train], X[n_train:], y[n_train:], regression, classes)


def load_split(name: str, noise: float, train_share: float, seed: int = 0, classes: int = 2):
    """:func:`make_dataset` then :func:`split`; classes apply to gauss and spiral only."""
    classes = classes if name in MULTICLASS else 2
    X, y = make_dataset(name, noise, seed, classes)
    return split(X, y, train_share, name in REGRESSION, classes)
