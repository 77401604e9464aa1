"""The input plane as heatmaps: the network's output (large) and every neuron (tiles).

All of them come from one compiled call on one grid (:func:`grid_points`): the large view
uses the full ``GRID × GRID`` grid, the tiles every ``GRID // THUMB_PIXELS``-th point.
They are drawn as PNG layout images (see :mod:`widgets.figures.png` for why), in TensorFlow
Playground's colours: orange for negative, white for 0, blue for positive. An invisible
heatmap over the image catches clicks (plotly reports clicks on traces only).
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..figures.light import LightFigureWidget
from ..figures.png import data_url, diverging_rgb, palette_rgb
from ..figures.style import base_layout

GRID = 50  # the large heatmap: 50 × 50 cells
THUMB_PIXELS = 20  # a neuron's tile: 20 × 20 cells
NEGATIVE, POSITIVE = "#f59322", "#0877bd"
CLASS_COLOURS = ("#f59322", "#0877bd", "#2ca02c", "#d62728", "#9467bd")
CLASS_LIGHT = ("#fbd3a7", "#a9cfe8", "#b5e0b5", "#f1b2b2", "#d6c5e6")
CLICKS, TRAIN, TEST = range(3)


def grid_axis(box: float, n: int = GRID) -> np.ndarray:
    """Cell centres of ``n`` cells spanning [-box, box]."""
    step = 2 * box / n
    return -box + step * (np.arange(n) + 0.5)


def grid_points(box: float, n: int = GRID) -> np.ndarray:
    """All ``n × n`` cell centres as rows (x1, x2); row-major with x2 as the row."""
    axis = grid_axis(box, n)
    x1, x2 = np.meshgrid(axis, axis)
    return np.column_stack([x1.ravel(), x2.ravel()])


def thumbnail(values: np.ndarray, n: int = GRID, k: int = THUMB_PIXELS) -> np.ndarray:
    """A ``k × k`` sample of a flattened ``n × n`` grid of values (row 0 = lowest x2)."""
    index = (np.arange(k) * n) // k + n // (2 * k)
    return np.asarray(values).reshape(n, n)[np.ix_(index, index)]


def output_values(outputs: np.ndarray, task: str, discretize: bool) -> np.ndarray:
    """The large heatmap's ``GRID × GRID`` values: the output in [-1, 1] (its sign when
    discretized), or for softmax the index of the most probable class."""
    if task == "multiclass":
        return np.argmax(outputs, axis=1).reshape(GRID, GRID)
    z = np.asarray(outputs, dtype=np.float64).reshape(GRID, GRID)
    return np.sign(z) if discretize else z


def output_image(values: np.ndarray, task: str) -> str:
    """The PNG data URL of :func:`output_values`."""
    if task == "multiclass":
        return data_url(palette_rgb(values, list(CLASS_LIGHT)))
    return data_url(diverging_rgb(values))


def image_layout(source: str, box: float, opacity: float = 0.6) -> dict:
    """A layout image covering [-box, box]², under the traces."""
    return {
        "source": source,
        "xref": "x",
        "yref": "y",
        "x": -box,
        "y": box,
        "sizex": 2 * box,
        "sizey": 2 * box,
        "sizing": "stretch",
        "layer": "below",
        "opacity": opacity,
    }


def output_figure(title: str) -> go.FigureWidget:
    """The large plot: image below, a transparent heatmap for clicks, the points on top."""
    axis = grid_axis(6.0, 25)
    return LightFigureWidget(
        data=[
            go.Heatmap(
                x=axis,
                y=axis,
                z=np.zeros((25, 25)),
                opacity=0,
                showscale=False,
                hoverinfo="none",
            ),
            go.Scatter(
                x=[],
                y=[],
                mode="markers",
                hoverinfo="skip",
                marker={"size": 6, "line": {"width": 1, "color": "white"}},
            ),
            go.Scatter(
                x=[],
                y=[],
                mode="markers",
                hoverinfo="skip",
                visible=False,
                marker={"size": 6, "line": {"width": 1.5, "color": "black"}},
            ),
        ],
        layout=base_layout(
            title={"text": title, "font": {"size": 13}},
            width=400,
            height=400,
            showlegend=False,
            margin={"l": 35, "r": 10, "t": 35, "b": 30},
            xaxis={"range": [-6, 6], "zeroline": False, "showgrid": False},
            yaxis={"range": [-6, 6], "zeroline": False, "showgrid": False, "scaleanchor": "x"},
            images=[image_layout("", 6.0)],
        ),
    )


def click_area(box: float) -> dict:
    """The transparent heatmap's cells over [-box, box]² (so a click anywhere counts)."""
    axis = grid_axis(box, 25)
    return {"x": axis, "y": axis}


def point_colours(labels, regression: bool) -> list:
    """One colour per point: by class, or by value (orange low, blue high)."""
    labels = np.asarray(labels)
    if regression:
        return [NEGATIVE if v < 0 else POSITIVE for v in labels]
    return [CLASS_COLOURS[int(c) % len(CLASS_COLOURS)] for c in labels]


def points_data(X, labels, regression: bool) -> dict:
    X = np.asarray(X).reshape(-1, 2)
    return {
        "x": np.round(X[:, 0], 3),
        "y": np.round(X[:, 1], 3),
        "marker": {"color": point_colours(labels, regression)},
    }
