"""Plane geometry for decision boundaries: where w·x = θ crosses a drawing box."""

from __future__ import annotations

import numpy as np

Box = tuple[float, float, float, float]  # x_min, x_max, y_min, y_max


def _corners(box: Box) -> np.ndarray:
    x0, x1, y0, y1 = box
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=float)


def _edges(w, threshold: float, box: Box):
    """Each edge of the box as (p, q, vp, vq): its ends and their values of w·x - θ."""
    corners = _corners(box)
    values = corners @ np.asarray(w, dtype=float) - threshold
    for i in range(4):
        j = (i + 1) % 4
        yield corners[i], corners[j], values[i], values[j]


def halfplane_polygon(w: np.ndarray, threshold: float, box: Box) -> np.ndarray:
    """The part of ``box`` where ``w·x >= threshold``, as polygon vertices (k, 2).

    One step of Sutherland-Hodgman clipping; empty (0, 2) when no point of the box fires.
    """
    polygon = []
    for p, q, vp, vq in _edges(w, threshold, box):
        if vp >= 0:
            polygon.append(p)
        if (vp >= 0) != (vq >= 0):  # the edge crosses the line: add the crossing point
            polygon.append(p + (q - p) * vp / (vp - vq))
    return np.array(polygon, dtype=float).reshape(-1, 2)


def boundary_segment(w: np.ndarray, threshold: float, box: Box) -> np.ndarray | None:
    """The segment of the line ``w·x = threshold`` inside ``box`` (2, 2), or None."""
    if np.allclose(np.asarray(w, dtype=float), 0):
        return None
    points = []
    for p, q, vp, vq in _edges(w, threshold, box):
        if vp == 0:
            points.append(p)
        elif vp * vq < 0:
            points.append(p + (q - p) * vp / (vp - vq))
    if len(points) < 2:
        return None
    points = np.array(points)
    # Keep the two points furthest apart (a corner on the line can be found twice).
    far = max(
        ((a, b) for a in range(len(points)) for b in range(a + 1, len(points))),
        key=lambda ab: np.linalg.norm(points[ab[0]] - points[ab[1]]),
    )
    return points[list(far)]
