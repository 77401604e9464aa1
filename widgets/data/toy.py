"""Toy 2-D data sets for the early lessons (numpy only, reproducible through ``seed``).

Every function returns ``(X, y)``: ``X`` float32 of shape ``(n, 2)`` and ``y`` of shape
``(n,)``, int64 class labels ``0 .. classes-1`` (the gates' bipolar encoding uses -1/+1)
or float32 targets for the regression sets. Points come shuffled, so an online learning
rule (perceptron, ADALINE) does not see one whole class first.

The sets of the network playground (circles, XOR quadrants, spirals, Gaussian clusters,
plane, Gaussian bump) follow TensorFlow Playground: coordinates within about [-6, 6] and
``noise`` a fraction whose useful range is 0 to 0.5, as on its noise slider.
"""

from __future__ import annotations

import operator

import numpy as np

from ..errors import StudentError
from ..i18n import Strings

__all__ = [
    "BLOBS_NORMAL",
    "BLOBS_OFFSET",
    "GATES",
    "ToyDataError",
    "blobs_with_margin",
    "circles",
    "gaussian_bump",
    "gaussian_clusters",
    "logic_gate",
    "plane",
    "spirals",
    "xor_quadrants",
]

# Truth tables over the corners (0,0), (0,1), (1,0), (1,1), in that order.
GATES: dict[str, tuple[int, int, int, int]] = {
    "AND": (0, 0, 0, 1),
    "OR": (0, 1, 1, 1),
    "XOR": (0, 1, 1, 0),
    "NAND": (1, 1, 1, 0),
    "NOR": (1, 0, 0, 0),
}
_CORNERS = ((0, 0), (0, 1), (1, 0), (1, 1))

# The true boundary of blobs_with_margin: BLOBS_NORMAL . x + BLOBS_OFFSET = 0, class 1 on
# the positive side. A fixed, slanted line not through the origin, so a model needs a bias.
BLOBS_NORMAL = (0.6, 0.8)  # unit length
BLOBS_OFFSET = -0.5

_PLAYGROUND_RADIUS = 6.0  # half-width of the Playground's square input space
_MIN_CLASSES, _MAX_CLASSES = 2, 5


# ---------------------------------------------------------------------------- checks

TEXT = Strings(
    "toy_data",
    {
        "n_whole": {
            "pl": "Liczba punktów n musi być liczbą całkowitą.",
            "en": "The number of points n must be a whole number.",
        },
        "n_low": {
            "pl": "Liczba punktów n musi wynosić co najmniej {minimum}, a podano {value}.",
            "en": "The number of points n must be at least {minimum}, got {value}.",
        },
        "noise": {
            "pl": "Szum (noise) musi być skończoną liczbą, nie mniejszą od 0.",
            "en": "The noise must be a finite number, 0 or more.",
        },
        "margin": {
            "pl": "Margines (margin) musi być skończoną liczbą, nie mniejszą od 0.",
            "en": "The margin must be a finite number, 0 or more.",
        },
        "classes": {
            "pl": "Liczba klas (classes) musi być liczbą całkowitą od {low} do {high}.",
            "en": "The number of classes must be a whole number from {low} to {high}.",
        },
        "gate": {
            "pl": "Nieznana bramka {value!r}; dostępne: {names}.",
            "en": "Unknown gate {value!r}; available: {names}.",
        },
        "encoding": {
            "pl": "Nieznane kodowanie {value!r}; dostępne: {names}.",
            "en": "Unknown encoding {value!r}; available: {names}.",
        },
    },
)


class ToyDataError(StudentError, ValueError):
    """An argument a toy set cannot be made with: a sentence of ``TEXT`` in the page's
    language; ``str()`` is the English sentence, for a notebook's traceback."""


def _check_n(n: int, minimum: int = 1) -> int:
    """Return n as an int, or raise :class:`ToyDataError` if it is not an integer >= minimum."""
    try:
        n = operator.index(n)
    except TypeError as error:
        raise ToyDataError("toy_data.n_whole") from error
    if n < minimum:
        raise ToyDataError("toy_data.n_low", minimum=minimum, value=n)
    return n


def _as_float(value) -> tuple[float, Exception | None]:
    """``(float(value), None)``, or ``(nan, the error)`` if ``value`` is no number."""
    try:
        return float(value), None
    except (TypeError, ValueError) as error:
        return float("nan"), error


def _check_noise(noise: float) -> float:
    """Return noise as a float, or raise :class:`ToyDataError` if it is negative or not finite."""
    number, cause = _as_float(noise)
    if not np.isfinite(number) or number < 0:
        raise ToyDataError("toy_data.noise") from cause
    return number


def _check_margin(margin: float) -> float:
    """Return margin as a float, or raise :class:`ToyDataError` if negative or not finite."""
    number, cause = _as_float(margin)
    if not np.isfinite(number) or number < 0:
        raise ToyDataError("toy_data.margin") from cause
    return number


def _check_classes(classes: int) -> int:
    """Return the number of classes, or raise :class:`ToyDataError` outside 2..5."""
    if not isinstance(classes, int | np.integer) or not (_MIN_CLASSES <= classes <= _MAX_CLASSES):
        raise ToyDataError("toy_data.classes", low=_MIN_CLASSES, high=_MAX_CLASSES)
    return int(classes)


def _class_sizes(n: int, classes: int) -> list[int]:
    """Split n points over the classes as evenly as possible (first classes get the rest)."""
    return [n // classes + (k < n % classes) for k in range(classes)]


def _shuffled(
    rng: np.random.Generator, X: np.ndarray, y: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Shuffle points and labels together; X becomes float32."""
    order = rng.permutation(len(X))
    return np.ascontiguousarray(X[order], dtype=np.float32), np.ascontiguousarray(y[order])


def _perturbed(rng: np.random.Generator, X: np.ndarray, noise: float) -> np.ndarray:
    """Playground's label noise: labels come from the point moved by up to noise * 6."""
    return X + rng.uniform(-_PLAYGROUND_RADIUS, _PLAYGROUND_RADIUS, size=X.shape) * noise


# ----------------------------------------------------------------------------- sets


def logic_gate(name: str, encoding: str = "binary") -> tuple[np.ndarray, np.ndarray]:
    """The four corners of the unit square and a logic gate's outputs.

    Args:
        name: "AND", "OR", "XOR", "NAND" or "NOR" (any case).
        encoding: "binary" (inputs and labels in {0, 1}) or "bipolar" ({-1, +1},
            as in Rosenblatt's perceptron and ADALINE).

    Returns:
        X float32 ``(4, 2)`` in the order (0,0), (0,1), (1,0), (1,1); y int64 ``(4,)``.
    """
    key = str(name).upper()
    if key not in GATES:
        raise ToyDataError("toy_data.gate", value=name, names=", ".join(GATES))
    if encoding not in ("binary", "bipolar"):
        raise ToyDataError("toy_data.encoding", value=encoding, names="binary, bipolar")
    X = np.array(_CORNERS, dtype=np.float32)
    y = np.array(GATES[key], dtype=np.int64)
    if encoding == "bipolar":
        X, y = 2 * X - 1, 2 * y - 1
    return X, y


def blobs_with_margin(
    n: int = 100, margin: float = 1.0, noise: float = 0.0, seed: int | None = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Two linearly separable clouds with an empty band of width ``margin`` between them.

    The true boundary is the line ``BLOBS_NORMAL . x + BLOBS_OFFSET = 0`` (class 1 on its
    positive side); with ``noise == 0`` every point lies at least ``margin / 2`` from it.
    A wider margin lets the perceptron converge in fewer updates (Novikoff's bound).

    Args:
        n: number of points (at least 2), split evenly between labels 0 and 1.
        margin: width of the gap between the classes, >= 0.
        noise: standard deviation of Gaussian jitter added afterwards; it can push
            points across the line and make the set non-separable.
        seed: seed of the random generator (None for a fresh one).
    """
    n = _check_n(n, minimum=2)
    noise = _check_noise(noise)
    margin = _check_margin(margin)
    rng = np.random.default_rng(seed)
    sizes = _class_sizes(n, 2)
    y = np.repeat([0, 1], sizes)
    side = np.where(y == 1, 1.0, -1.0)

    normal = np.array(BLOBS_NORMAL)
    along = np.array([-normal[1], normal[0]])
    along_coord = rng.normal(0.0, 1.2, size=n)
    # Distance beyond the margin: a normal truncated at zero, so the band stays empty.
    beyond = _truncated_normal(rng, mean=0.8, std=0.5, size=n)
    distance = side * (margin / 2 + beyond)
    on_line = -BLOBS_OFFSET * normal  # the boundary's point nearest to the origin
    X = on_line + along_coord[:, None] * along + distance[:, None] * normal
    X = X + rng.normal(0.0, noise, size=X.shape)
    return _shuffled(rng, X, y)


def _truncated_normal(rng: np.random.Generator, mean: float, std: float, size: int) -> np.ndarray:
    """Normal samples redrawn until none is negative (about 5 % are redrawn per round)."""
    values = rng.normal(mean, std, size=size)
    negative = values < 0
    while negative.any():
        values[negative] = rng.normal(mean, std, size=int(negative.sum()))
        negative = values < 0
    return values


def circles(
    n: int = 200, noise: float = 0.0, seed: int | None = 0
) -> tuple[np.ndarray, np.ndarray]:
    """A disc (label 1) inside a ring (label 0), as in TensorFlow Playground.

    The disc has radius 2.5 and the ring radii 3.5 to 5. Like the Playground, ``noise``
    does not move the points: each label is taken at the point moved by a random offset
    of up to ``noise * 6``, so some labels near the border flip.
    """
    n = _check_n(n, minimum=2)
    noise = _check_noise(noise)
    rng = np.random.default_rng(seed)
    radius = 5.0
    n_inside, n_outside = _class_sizes(n, 2)
    r = np.concatenate(
        [
            rng.uniform(0, 0.5 * radius, size=n_inside),
            rng.uniform(0.7 * radius, radius, size=n_outside),
        ]
    )
    angle = rng.uniform(0, 2 * np.pi, size=n)
    X = np.column_stack([r * np.sin(angle), r * np.cos(angle)])
    moved = _perturbed(rng, X, noise)
    y = (np.hypot(moved[:, 0], moved[:, 1]) < 0.5 * radius).astype(np.int64)
    return _shuffled(rng, X, y)


def xor_quadrants(
    n: int = 200, noise: float = 0.0, seed: int | None = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Points in the four quadrants; label 1 where the signs of x1 and x2 differ.

    As in TensorFlow Playground: coordinates uniform in [-5, 5], pushed 0.3 away from
    the axes, and ``noise`` flips labels as in :func:`circles`. The labels follow XOR of
    ``x1 > 0`` and ``x2 > 0`` (the Playground colours them the other way round).
    """
    n = _check_n(n)
    noise = _check_noise(noise)
    rng = np.random.default_rng(seed)
    X = rng.uniform(-5, 5, size=(n, 2))
    X += np.where(X > 0, 0.3, -0.3)  # keep a small gap around the axes
    moved = _perturbed(rng, X, noise)
    y = ((moved[:, 0] > 0) != (moved[:, 1] > 0)).astype(np.int64)
    return _shuffled(rng, X, y)


def spirals(
    n: int = 200, noise: float = 0.0, seed: int | None = 0, classes: int = 2
) -> tuple[np.ndarray, np.ndarray]:
    """Interleaved spiral arms, one per class (2 to 5), as in TensorFlow Playground.

    Each arm turns 1.75 times while its radius grows to 5; arms are rotated by
    ``2 pi / classes`` from each other. ``noise`` moves every point by up to ``noise``
    in each coordinate (labels stay with their arm).
    """
    classes = _check_classes(classes)
    n = _check_n(n, minimum=classes)
    noise = _check_noise(noise)
    rng = np.random.default_rng(seed)
    parts = [
        _spiral_arm(size, 2 * np.pi * k / classes)
        for k, size in enumerate(_class_sizes(n, classes))
    ]
    X = np.concatenate(parts)
    X += rng.uniform(-1, 1, size=X.shape) * noise
    y = np.repeat(np.arange(classes), _class_sizes(n, classes))
    return _shuffled(rng, X, y)


def _spiral_arm(size: int, rotation: float) -> np.ndarray:
    """Evenly spaced points along one spiral arm."""
    fraction = np.arange(size) / max(size, 1)
    r = 5 * fraction
    t = 1.75 * 2 * np.pi * fraction + rotation
    return np.column_stack([r * np.sin(t), r * np.cos(t)])


def gaussian_clusters(
    n: int = 200, noise: float = 0.0, seed: int | None = 0, classes: int = 2
) -> tuple[np.ndarray, np.ndarray]:
    """Round Gaussian clusters, one per class (2 to 5), centred on a circle.

    For two classes the centres are (2, 2) and (-2, -2), as in TensorFlow Playground,
    and the variance grows with ``noise`` as there: 0.5 at 0 and 4 at 0.5.
    """
    classes = _check_classes(classes)
    n = _check_n(n, minimum=classes)
    noise = _check_noise(noise)
    rng = np.random.default_rng(seed)
    sizes = _class_sizes(n, classes)
    angles = np.pi / 4 + 2 * np.pi * np.arange(classes) / classes
    centres = 2 * np.sqrt(2) * np.column_stack([np.cos(angles), np.sin(angles)])
    std = np.sqrt(0.5 + 7 * noise)
    X = np.repeat(centres, sizes, axis=0) + rng.normal(0.0, std, size=(n, 2))
    y = np.repeat(np.arange(classes), sizes)
    return _shuffled(rng, X, y)


def plane(n: int = 200, noise: float = 0.0, seed: int | None = 0) -> tuple[np.ndarray, np.ndarray]:
    """Regression on a tilted plane: ``y = (x1 + x2) / 10`` for x uniform in [-6, 6]².

    As in TensorFlow Playground, ``noise`` evaluates the plane at a point moved by up to
    ``noise * 6`` in each coordinate. Returns float32 targets in about [-1.2, 1.2].
    """
    n = _check_n(n)
    noise = _check_noise(noise)
    rng = np.random.default_rng(seed)
    X = rng.uniform(-_PLAYGROUND_RADIUS, _PLAYGROUND_RADIUS, size=(n, 2))
    moved = _perturbed(rng, X, noise)
    y = ((moved[:, 0] + moved[:, 1]) / 10).astype(np.float32)
    return _shuffled(rng, X, y)


def gaussian_bump(
    n: int = 200, noise: float = 0.0, seed: int | None = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Regression on one Gaussian bump: ``y = exp(-|x|² / 8)`` for x uniform in [-6, 6]².

    The bump has height 1 at the origin and standard deviation 2; ``noise`` works as in
    :func:`plane`. Returns float32 targets in (0, 1].
    """
    n = _check_n(n)
    noise = _check_noise(noise)
    rng = np.random.default_rng(seed)
    X = rng.uniform(-_PLAYGROUND_RADIUS, _PLAYGROUND_RADIUS, size=(n, 2))
    moved = _perturbed(rng, X, noise)
    y = np.exp(-np.sum(moved**2, axis=1) / (2 * 2.0**2)).astype(np.float32)
    return _shuffled(rng, X, y)
