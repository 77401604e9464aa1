"""Lesson 16's figures: the photo as the network sees it, the top-5 bars, the feature maps.

The photo and the maps are rasters (PNG layout images, :mod:`widgets.figures.feature_maps`):
a new photo sends one image, not 150 000 heatmap cells. The bars are a horizontal bar
chart; :func:`bars_data` and :func:`photo_panel` are pure (tests assert on them).
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..figures.feature_maps import POSITIVE, mosaic, raster, raster_layout
from ..figures.light import LightFigureWidget
from ..figures.png import data_url
from ..figures.style import FIRE, base_layout

MAPS = 16  # channels shown
MAP_COLUMNS = 8


def photo_figure(size: int = 300) -> LightFigureWidget:
    return LightFigureWidget(layout=raster_layout(1, width=size, height=size))


def photo_panel(seen: np.ndarray) -> dict:
    """The (h, w, 3) uint8 image as one raster panel (row 0 on top)."""
    rgba = np.concatenate(
        [seen.astype(np.uint8), np.full(seen.shape[:2] + (1,), 255, np.uint8)], axis=2
    )
    return {"source": data_url(rgba[::-1]), "rows": seen.shape[0], "cols": seen.shape[1]}


def bars_figure(axis_title: str) -> LightFigureWidget:
    bar = go.Bar(x=[], y=[], orientation="h", marker={"color": FIRE}, texttemplate="%{x:.1%}",
                 textposition="auto", hovertemplate="%{y}: %{x:.2%}<extra></extra>")  # fmt: skip
    return LightFigureWidget(
        data=[bar],
        layout=base_layout(
            width=460,
            height=300,
            margin={"l": 170, "r": 20, "t": 20, "b": 45},
            xaxis={"title": axis_title, "range": [0, 1], "tickformat": ".0%"},
            # No row numbers 0-4 before the first classes (the dashboard turns them on).
            yaxis={"autorange": "reversed", "automargin": True, "showticklabels": False},
        ),
    )


def bars_data(rows) -> list[dict]:
    """Trace data of the top-5 ``(id, name, probability)`` rows, most probable on top."""
    return [
        {
            "x": [round(float(p), 5) for _, _, p in rows],
            "y": [name.replace("_", " ") for _, name, _ in rows],
        }
    ]


def maps_figure() -> LightFigureWidget:
    layout = raster_layout(1, width=700, height=170)
    layout["margin"] = {"l": 10, "r": 10, "t": 5, "b": 5}
    return LightFigureWidget(layout=layout)


def maps_panel(maps: np.ndarray) -> dict:
    """The first :data:`MAPS` channels of (h, w, c) maps as one mosaic raster, each
    channel scaled to 0…1 on its own (a pre-activation map may be negative)."""
    channels = np.moveaxis(np.asarray(maps, dtype=np.float32), -1, 0)[:MAPS]
    low = channels.min(axis=(1, 2), keepdims=True)
    span = channels.max(axis=(1, 2), keepdims=True) - low
    channels = np.where(span > 0, (channels - low) / np.where(span > 0, span, 1), 0)
    return raster(mosaic(channels, cols=MAP_COLUMNS), POSITIVE, 0, 1)
