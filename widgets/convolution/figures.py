"""Lesson 10's convolution by hand, drawn: the padded input, the feature map, ReLU and
pooling as rasters (:mod:`widgets.figures.feature_maps`), the frames of the kernel's
window and of the cell it fills, the window's products as small tables, and the
output-size formula. Pure functions of their arguments: no dashboard state.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..figures.feature_maps import (
    DIVERGING,
    EMPTY,
    IMAGE_SCALE,
    POSITIVE,
    raster,
    raster_layout,
)
from ..figures.light import LightFigureWidget
from ..figures.style import FIRE
from ..i18n import number

# The window table and the formula's notes (classes of this lesson only).
STYLE = (
    ".dl-window-row{display:flex;align-items:flex-start;gap:4px}"
    ".dl-window-table{border-collapse:collapse}"
    ".dl-window-table td{padding:2px 6px;border:1px solid #ccc;text-align:right;"
    "background:#fff}"
    ".dl-window-table td.dl-plus{background:#fde0dd}"
    ".dl-window-table td.dl-minus{background:#dbe9f6}"
    ".dl-window-op{padding:18px 6px}"
    ".dl-window-total{padding:16px 8px}"
    ".dl-caution{color:#b35900}"
)


def convolution_figure(titles: Sequence[str]) -> go.FigureWidget:
    """Four rasters in a row: padded input, feature map, after ReLU, after max-pooling.

    Layout shape 0 frames the kernel's window on the input, shape 1 the output cell it
    produces; :func:`window_shapes` gives them at a new position.
    """
    # Titles are the axes' own, not make_subplots' annotations: plotly.js redraws
    # annotations on every update (13.2 against 16.8 ms a stride change, measured).
    fig = make_subplots(rows=1, cols=4, horizontal_spacing=0.04)
    shapes = window_shapes(0, 0, 0, 0, 0, 1, 1)
    fig.update_layout(raster_layout(4, titles, unit=True, height=290, width=1040, shapes=shapes))
    return LightFigureWidget(fig)


def convolution_rasters(padded_image, feature_map, rectified, pooled) -> list[dict]:
    """Panels of :func:`convolution_figure`; ``pooled`` may be None (map too small).

    The digit is dark on white, as on paper; the feature map is blue below 0 and red
    above, white at 0, scaled to its largest magnitude; ReLU and pooling share one scale.
    """
    fmap = np.asarray(feature_map, dtype=float)
    bound = float(np.abs(fmap).max()) or 1.0
    top = float(np.max(rectified)) or 1.0
    return [
        raster(padded_image, IMAGE_SCALE, 0.0, 1.0),
        raster(fmap, DIVERGING, -bound, bound),
        raster(rectified, POSITIVE, 0.0, top),
        raster(pooled, POSITIVE, 0.0, top) if pooled is not None else EMPTY,
    ]


def window_shapes(
    top: int, left: int, kernel: int, row: int, col: int, size: int, out: int
) -> list[dict]:
    """The two frames: the kernel's window on the ``size``-pixel (padded) input and the
    output cell it fills in the ``out``-pixel map, on the figure's unit squares.

    Sent as a whole list: plotly parses ``"shapes[0].x0"``-style paths slowly (18 ms for
    eight of them, measured; 2 ms for the list), and this runs on every step of the Play.
    """
    window = {
        "x0": left / size,
        "x1": (left + kernel) / size,
        "y0": top / size,
        "y1": (top + kernel) / size,
    }
    cell = {"x0": col / out, "x1": (col + 1) / out, "y0": row / out, "y1": (row + 1) / out}
    return [
        {"type": "rect", "xref": "x", "yref": "y", "line": {"color": FIRE, "width": 3}, **window},
        {"type": "rect", "xref": "x2", "yref": "y2", "line": {"color": "#111", "width": 3}, **cell},
    ]


def _cell_class(value: float) -> str:
    if value > 1e-9:
        return " class='dl-plus'"
    if value < -1e-9:
        return " class='dl-minus'"
    return ""


def _table(values, signed: bool, lang: str) -> str:
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td{_cell_class(v) if signed else ''}>{number(float(v), lang, '.2f')}</td>"
            for v in row
        )
        + "</tr>"
        for row in np.asarray(values, dtype=float)
    )
    return f"<table class='dl-window-table dl-body'>{rows}</table>"


def window_table_html(
    patch, kernel, products, total: float, labels: Sequence[str], lang: str
) -> str:
    """Window · kernel = products, Σ = total: three small tables side by side (HTML), the
    numbers written as ``lang`` writes them (0,25 in Polish)."""
    parts = [
        (labels[0], _table(patch, False, lang)),
        ("·", None),
        (labels[1], _table(kernel, True, lang)),
        ("=", None),
        (labels[2], _table(products, True, lang)),
    ]
    html = "".join(
        f"<div class='dl-huge dl-window-op'>{name}</div>"
        if body is None
        else f"<div><div class='dl-note'>{name}</div>{body}</div>"
        for name, body in parts
    )
    html += f"<div class='dl-big dl-window-total'>Σ = <b class='dl-window-sum'>{number(total, lang, '.3f')}</b></div>"
    return f"<div class='dl-window-row'>{html}</div>"


def formula_html(formula: str, notes: Sequence[str]) -> str:
    """The output-size formula, and below it the notes (a column left out, no pooling)."""
    warnings = "".join(f"<div class='dl-note dl-caution'>{escape(n)}</div>" for n in notes)
    return f"<div class='dl-text'>{escape(formula)}</div>{warnings}"
