"""Lines, half-planes, rings and arrows drawn as plotly layout shapes, not traces.

Why: when a trace's x or y changes, plotly.js recomputes and redraws every trace and both
axes of the figure. Measured in Chromium on lesson 04's plane (ten traces): 12-15 ms a
step that way, against about 1 ms when the same drawing is a list of layout shapes, which
plotly redraws alone. Drawings that move at every step of an animation (a decision line,
its half-plane, weight arrows, the ring round the current sample) are therefore shapes.
Plotly's own arrow annotations were as slow as the traces (16-18 ms), so an arrow here is
a line and a triangle.

Every builder is pure and gives each shape a ``name``, so tests find a shape by name
(:func:`named`). The figures that use shapes fix their axis ranges and keep x and y on
one scale (``scaleanchor``), so sizes in data units look the same in both directions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np


def _points(x: Sequence[float], y: Sequence[float]) -> str:
    # Three decimals: a thousandth of a unit is well under a pixel on the course's planes,
    # and every character is sent, parsed and drawn again at each step.
    return " L".join(f"{float(a):.3f},{float(b):.3f}" for a, b in zip(x, y, strict=True))


def polygon(x: Sequence[float], y: Sequence[float], fillcolor: str, name: str) -> list[dict]:
    """A filled polygon under the data (a half-plane clipped to the plot); none if empty."""
    if len(x) < 3:
        return []
    path = f"M{_points(x, y)} Z"
    return [
        {
            "type": "path",
            "path": path,
            "fillcolor": fillcolor,
            "line": {"width": 0},
            "layer": "below",
            "name": name,
        }
    ]


def segment(
    x: Sequence[float], y: Sequence[float], colour: str, width: float, name: str, dash=None
) -> list[dict]:
    """A line from (x[0], y[0]) to (x[1], y[1]); none if fewer than two points are given."""
    if len(x) < 2:
        return []
    line = {"color": colour, "width": width}
    if dash:
        line["dash"] = dash
    x0, x1, y0, y1 = (round(float(v), 4) for v in (x[0], x[1], y[0], y[1]))
    return [{"type": "line", "x0": x0, "y0": y0, "x1": x1, "y1": y1, "line": line, "name": name}]


def polyline(
    x: Sequence[float],
    y: Sequence[float],
    colour: str,
    width: float,
    name: str,
    dash=None,
    yref: str = "y",
) -> list[dict]:
    """A line through the points (x, y), in one path shape on axes ``x`` and ``yref``,
    broken where a value is not finite; none if no two neighbouring points are finite."""
    runs, run = [], []
    for a, b in zip(x, y, strict=True):
        if np.isfinite(a) and np.isfinite(b):
            run.append((a, b))
        else:
            runs.append(run)
            run = []
    runs.append(run)
    pieces = [f"M{_points(*zip(*points, strict=True))}" for points in runs if len(points) > 1]
    if not pieces:
        return []
    line = {"color": colour, "width": width}
    if dash:
        line["dash"] = dash
    return [{"type": "path", "path": " ".join(pieces), "yref": yref, "line": line, "name": name}]


def ring(
    x: float,
    y: float,
    radius_px: float,
    colour: str,
    width: float,
    name: str,
    kind="circle",
    fillcolor: str | None = None,
) -> list[dict]:
    """A circle (or with ``kind="rect"`` a square) of ``radius_px`` screen pixels round the
    data point (x, y), filled with ``fillcolor`` if given."""
    fill = {"fillcolor": fillcolor} if fillcolor else {}
    return [
        {
            **fill,
            "type": kind,
            "xsizemode": "pixel",
            "ysizemode": "pixel",
            "xanchor": round(float(x), 4),
            "yanchor": round(float(y), 4),
            "x0": -radius_px,
            "x1": radius_px,
            "y0": -radius_px,
            "y1": radius_px,
            "line": {"color": colour, "width": width},
            "name": name,
        }
    ]


def arrow(
    start: Sequence[float], end: Sequence[float], colour: str, width: float, head: float, name: str
) -> list[dict]:
    """An arrow from ``start`` to ``end``: a shaft and a filled head ``head`` data units long.

    A vector shorter than the head is all head; a zero vector draws nothing.
    """
    start, end = np.asarray(start, dtype=float), np.asarray(end, dtype=float)
    length = float(np.linalg.norm(end - start))
    if length == 0.0:
        return []
    direction = (end - start) / length
    normal = np.array([-direction[1], direction[0]])
    head = min(head, length)
    base = end - head * direction
    left, right = base + 0.45 * head * normal, base - 0.45 * head * normal
    tip = {
        "type": "path",
        "path": f"M{_points(*zip(end, left, right, strict=True))} Z",
        "fillcolor": colour,
        "line": {"width": 0},
        "name": name,
    }
    shaft = segment([start[0], base[0]], [start[1], base[1]], colour, width, name)
    return shaft + [tip]


def crosses(
    x: Sequence[float], y: Sequence[float], half: float, colour: str, width: float, name: str
) -> list[dict]:
    """An ✕ of half-width ``half`` (data units) on every point, all in one path shape.

    One path for all points: plotly redraws a shape per SVG element, and forty crosses as
    separate pixel-sized shapes cost 4 ms a redraw against 1 ms for one path.
    """
    if len(x) == 0:
        return []
    strokes = (
        f"M{a - half:.4f},{b - half:.4f} L{a + half:.4f},{b + half:.4f} "
        f"M{a - half:.4f},{b + half:.4f} L{a + half:.4f},{b - half:.4f}"
        for a, b in zip(map(float, x), map(float, y), strict=True)
    )
    return [
        {
            "type": "path",
            "path": " ".join(strokes),
            "line": {"color": colour, "width": width},
            "name": name,
        }  # fmt: skip
    ]


def discs(
    x: Sequence[float], y: Sequence[float], radius: float, fillcolor: str, line: str, name: str
) -> list[dict]:
    """A filled octagon of ``radius`` (data units) on every point, under the traces.

    For markers whose colour changes often: a few path shapes redraw alone, while a new
    per-marker colour array makes plotly.js recompute the whole figure. Discs that
    overlap go to different paths (plotly fills a path even-odd, so an overlap would be
    left white); usually two or three paths hold them all.
    """
    # An octagon looks round at marker sizes; a 12-gon's path was half as long again
    # (lesson 05 sends 60 at every step: 11.7 kB of path as 12-gons with four decimals,
    # 6.9 kB as octagons with three).
    angles = np.linspace(0, 2 * np.pi, 9)[:-1]
    ring = radius * np.column_stack([np.cos(angles), np.sin(angles)])
    groups: list[list[tuple[float, float]]] = []
    for point in zip(map(float, x), map(float, y), strict=True):
        free = (g for g in groups if all(math.dist(point, q) >= 2 * radius for q in g))
        group = next(free, None)
        if group is None:
            group = []
            groups.append(group)
        group.append(point)
    return [
        {
            "type": "path",
            "path": " ".join(f"M{_points(a + ring[:, 0], b + ring[:, 1])} Z" for a, b in group),
            "fillcolor": fillcolor,
            "line": {"color": line, "width": 1},
            "layer": "between",  # above the grid lines, under the traces
            "name": name,
        }
        for group in groups
    ]


def path_points(path: str) -> np.ndarray:
    """The (x, y) vertices of an SVG path written by :func:`polygon` or :func:`polyline`
    (tests read them)."""
    numbers = path.replace("M", " ").replace("L", " ").replace("Z", " ").split()
    return np.array([[float(v) for v in pair.split(",")] for pair in numbers])


def named(shapes, name: str) -> list:
    """The shapes (dicts, or a figure's ``layout.shapes``) whose name is ``name``."""
    return [shape for shape in shapes if shape["name"] == name]
