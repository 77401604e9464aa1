"""A hand-drawn digit -> an MNIST-like 28x28 image (numpy only).

MNIST's digits were prepared like this (LeCun et al.): the ink's bounding box was scaled
so its longer side is 20 pixels, keeping the aspect ratio and anti-aliasing, and the result
was put into a 28x28 field so that its centre of mass lies at the centre. A network
trained on MNIST expects exactly that: a digit drawn in a corner, or filling the whole pad,
is recognised only after the same preprocessing.

>>> digit = to_mnist(pad_pixels)   # doctest: +SKIP   (any size, ink high) -> (28, 28) or None
"""

from __future__ import annotations

import numpy as np

__all__ = ["BOX", "SIZE", "to_mnist"]

SIZE = 28  # MNIST's field
BOX = 20  # the longer side of the digit inside it
# Pixels fainter than this share of the brightest one count as background: anti-aliasing
# and a lightly touched pad leave faint specks that would otherwise stretch the box.
INK_THRESHOLD = 0.05


def _area_matrix(n_in: int, n_out: int) -> np.ndarray:
    """``(n_out, n_in)`` weights that average a 1-D signal over each output cell's span.

    Output cell ``i`` covers ``[i, i + 1) * n_in / n_out`` of the input; each weight is the
    overlap with an input cell, divided by the span. Applied along both axes this is an
    exact area-average resize, anti-aliased when shrinking and smooth when enlarging.
    """
    scale = n_in / n_out
    starts = np.arange(n_out)[:, None] * scale
    ends = starts + scale
    cells = np.arange(n_in)[None, :]
    overlap = np.clip(np.minimum(ends, cells + 1) - np.maximum(starts, cells), 0.0, None)
    return overlap / scale


def resize(image: np.ndarray, height: int, width: int) -> np.ndarray:
    """Area-average resize of a 2-D array to ``(height, width)``."""
    rows = _area_matrix(image.shape[0], height)
    cols = _area_matrix(image.shape[1], width)
    return rows @ image @ cols.T


def _crop_to_ink(image: np.ndarray) -> np.ndarray | None:
    ink = image > INK_THRESHOLD
    if not ink.any():
        return None
    rows = np.flatnonzero(ink.any(axis=1))
    cols = np.flatnonzero(ink.any(axis=0))
    return image[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


def _paste_centred(patch: np.ndarray) -> np.ndarray:
    """Put ``patch`` into a 28x28 field with its centre of mass at the field's centre."""
    total = patch.sum()
    rows, cols = np.indices(patch.shape)
    com = np.array([(rows * patch).sum(), (cols * patch).sum()]) / total
    centre = SIZE / 2  # MNIST's centres of mass lie at 14 +- 0.5 (measured on its test set)
    top, left = np.rint(centre - com).astype(int)
    # A very lopsided digit would be pushed out of the field: keep it whole instead.
    top = int(np.clip(top, 0, SIZE - patch.shape[0]))
    left = int(np.clip(left, 0, SIZE - patch.shape[1]))
    field = np.zeros((SIZE, SIZE), dtype=np.float32)
    field[top : top + patch.shape[0], left : left + patch.shape[1]] = patch
    return field


def to_mnist(image: np.ndarray) -> np.ndarray | None:
    """Preprocess a grayscale drawing (ink high) the way MNIST's digits were.

    Args:
        image: a 2-D array of any size and any non-negative scale; larger = more ink.

    Returns:
        A float32 ``(28, 28)`` array in [0, 1] (the brightest pixel scaled to 1): the ink's
        bounding box scaled so its longer side is 20 pixels (aspect ratio kept), pasted so
        that its centre of mass is at the centre. ``None`` for a blank image.
    """
    image = np.asarray(image, dtype=np.float64)
    if image.ndim != 2:
        raise ValueError(f"expected a 2-D grayscale image, got shape {image.shape}")
    image = np.nan_to_num(np.clip(image, 0.0, None))
    peak = image.max(initial=0.0)
    if peak <= 0.0:
        return None
    patch = _crop_to_ink(image / peak)
    if patch is None:
        return None
    height, width = patch.shape
    scale = BOX / max(height, width)
    new_h = max(1, round(height * scale))
    new_w = max(1, round(width * scale))
    patch = resize(patch, new_h, new_w)
    patch = patch / patch.max()
    return np.clip(_paste_centred(patch), 0.0, 1.0).astype(np.float32)
