"""Digit images and the confusion matrix as plotly figures (one trace each, light).

Each ``*_figure`` builds an empty FigureWidget once; each ``*_data`` is pure (tests assert
on it) and is written in with :func:`widgets.figures.curves.update_traces`.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from .light import LightFigureWidget
from .style import base_layout

GRID_COLUMNS = 8
GRID_MAX = 24  # images shown for one confusion cell: enough to see a pattern, still light
_GAP = 2  # pixels between tiles


def _image_axes() -> dict:
    hidden = {"visible": False, "showgrid": False, "zeroline": False}
    return {
        "xaxis": {**hidden, "constrain": "domain"},
        "yaxis": {**hidden, "autorange": "reversed", "scaleanchor": "x"},
    }


def digit_figure(title: str = "", size: int = 260) -> go.FigureWidget:
    """One 28x28 grayscale image (trace 0), ink dark on white like on paper."""
    # The frame shows the 28x28 field: a drawing's white margin is part of the input.
    frame = {
        "type": "rect",
        "x0": -0.5,
        "y0": -0.5,
        "x1": 27.5,
        "y1": 27.5,
        "line": {"color": "#999", "width": 1},
    }
    return LightFigureWidget(
        data=[go.Heatmap(z=[], colorscale="Greys", zmin=0, zmax=1, showscale=False)],
        layout=base_layout(
            title=title,
            shapes=[frame],
            width=size,
            height=size + 30,
            margin={"l": 10, "r": 10, "t": 40, "b": 10},
            **_image_axes(),
        ),
    )


def digit_data(image: np.ndarray | None) -> list[dict]:
    """Trace data for :func:`digit_figure`; ``None`` shows an empty square."""
    if image is None:
        return [{"z": np.zeros((28, 28)).tolist()}]
    return [{"z": np.round(np.asarray(image, dtype=float).reshape(28, 28), 3).tolist()}]


def tile_images(images: np.ndarray, columns: int = GRID_COLUMNS) -> np.ndarray:
    """Images ``(n, 28, 28)`` side by side in rows of ``columns``; gaps are NaN (blank)."""
    images = np.asarray(images, dtype=float).reshape(-1, 28, 28)
    n = len(images)
    rows = max(1, -(-n // columns))
    cols = min(max(n, 1), columns)
    step = 28 + _GAP
    grid = np.full((rows * step - _GAP, cols * step - _GAP), np.nan)
    for i, image in enumerate(images):
        r, c = divmod(i, columns)
        grid[r * step : r * step + 28, c * step : c * step + 28] = image
    return grid


def image_grid_figure(title: str = "") -> go.FigureWidget:
    """Up to :data:`GRID_MAX` digits tiled into one heatmap (trace 0)."""
    return LightFigureWidget(
        data=[go.Heatmap(z=[], colorscale="Greys", zmin=0, zmax=1, showscale=False)],
        layout=base_layout(
            title=title,
            width=560,
            height=260,
            margin={"l": 10, "r": 10, "t": 40, "b": 10},
            **_image_axes(),
        ),
    )


def image_grid_data(images: np.ndarray, title: str) -> tuple[list[dict], dict]:
    """Trace data and layout for :func:`image_grid_figure` (the first GRID_MAX images)."""
    images = np.asarray(images)[:GRID_MAX]
    if len(images) == 0:
        return [{"z": []}], {"title": {"text": title}}
    grid = tile_images(images)
    z = [[None if np.isnan(v) else round(float(v), 3) for v in row] for row in grid]
    rows = -(-len(images) // GRID_COLUMNS)
    return [{"z": z}], {"title": {"text": title}, "height": 60 + 70 * rows}


def confusion_figure(x_title: str, y_title: str) -> go.FigureWidget:
    """A 10x10 heatmap of counts (trace 0) with the count written in each cell."""
    digits = [str(d) for d in range(10)]
    return LightFigureWidget(
        data=[
            go.Heatmap(
                z=[],
                x=digits,
                y=digits,
                colorscale="Blues",
                texttemplate="%{text}",
                text=[],
                showscale=False,
                hovertemplate=f"{y_title}: %{{y}}<br>{x_title}: %{{x}}<br>%{{z}}<extra></extra>",
            )
        ],
        layout=base_layout(
            width=470,
            height=450,
            xaxis={"title": x_title, "side": "top", "type": "category"},
            yaxis={"title": y_title, "autorange": "reversed", "type": "category"},
            margin={"l": 60, "r": 10, "t": 70, "b": 10},
        ),
    )


def confusion_data(matrix: np.ndarray) -> list[dict]:
    """Trace data for :func:`confusion_figure`; colour on a log scale so errors show."""
    matrix = np.asarray(matrix)
    shade = np.log1p(matrix.astype(float))
    return [{"z": shade.round(3).tolist(), "text": matrix.astype(int).tolist()}]
