"""Lesson 15's image panel: the grid of augmented draws as one PNG layout image (a new
``source`` is redrawn alone) and the histogram of pixel values before and after
``Normalization``."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..figures.images import _GAP as GAP
from ..figures.images import tile_images
from ..figures.light import LightFigureWidget
from ..figures.png import image_url
from ..figures.style import FIRE, QUIET, base_layout

COLUMNS = 4
SIDE = 300  # the grid's width in pixels (4 digits of 28 px with gaps, drawn pixelated)
BINS = 40


def grid_url(images: np.ndarray) -> str:
    """``(n, 28, 28)`` in [0, 1] tiled in rows of :data:`COLUMNS`, ink dark on white."""
    return image_url(tile_images(np.asarray(images), COLUMNS), "Greys", 0.0, 1.0)


def grid_figure(title: str, rows: int = 2) -> LightFigureWidget:
    hidden = {"visible": False, "showgrid": False, "zeroline": False}
    width = COLUMNS * (28 + GAP) - GAP
    height = rows * (28 + GAP) - GAP
    image = {
        "source": "", "xref": "x", "yref": "y", "x": 0, "y": 0, "sizex": width,
        "sizey": height, "sizing": "stretch", "layer": "below",
    }  # fmt: skip
    return LightFigureWidget(
        data=[],
        layout=base_layout(
            title={"text": title, "font": {"size": 13}},
            width=SIDE + 100,
            height=int((SIDE + 100) * height / width) + 20,
            margin={"l": 8, "r": 8, "t": 40, "b": 8},
            xaxis={**hidden, "range": [0, width]},
            yaxis={**hidden, "range": [height, 0], "scaleanchor": "x"},
            images=[image],
        ),
    )


def histogram(values: np.ndarray, low: float, high: float) -> tuple[list, list]:
    """Bin centres and the share of values in each of :data:`BINS` bins."""
    counts, edges = np.histogram(np.asarray(values).ravel(), bins=BINS, range=(low, high))
    centres = (edges[:-1] + edges[1:]) / 2
    return np.round(centres, 4).tolist(), np.round(counts / max(counts.sum(), 1), 5).tolist()


def normalization_data(before, after) -> list[dict]:
    """The two histograms' bars over one common range of both."""
    low = float(min(np.min(before), np.min(after)))
    high = float(max(np.max(before), np.max(after)))
    data = []
    for values in (before, after):
        x, y = histogram(values, low, high)
        data.append({"x": x, "y": y})
    return data


def normalization_figure(names: dict) -> LightFigureWidget:
    """Two overlaid bar histograms of pixel values, before (0..1) and after Normalization
    (filled by :func:`normalization_data` once Keras has adapted the layer)."""
    bars = [
        go.Bar(x=[], y=[], name=names[key], marker={"color": colour}, opacity=0.7)
        for key, colour in (("before", QUIET), ("after", FIRE))
    ]
    return LightFigureWidget(
        data=bars,
        layout=base_layout(
            title={"text": names["title"], "font": {"size": 13}},
            width=460,
            height=300,
            barmode="overlay",
            showlegend=True,
            legend={"orientation": "h", "y": -0.25},
            margin={"l": 60, "r": 10, "t": 40, "b": 70},
            xaxis={"title": names["pixel_axis"]},
            # powers of ten only: plotly's minor labels (2, 5) read as values
            yaxis={
                "title": names["share_axis"],
                "type": "log",
                "tickvals": [0.0001, 0.001, 0.01, 0.1, 1],
            },
        ),
    )
