"""Lesson 15's layer zoo, drawn: three slots side by side (input, output…), each either an
image (a raster of one channel or a mosaic of channels, :mod:`widgets.figures.feature_maps`)
or lines (a short sequence, one line a channel; one line figure a slot, see
:func:`line_figures`). The figures are built once; a new layer writes new rasters, new
trace values and axis titles into them, never a new figure.

Pure helpers (:func:`slot_panels`, :func:`line_data`, :func:`window_frames`) return what
the figures get, so tests assert on them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..figures.feature_maps import (
    DIVERGING,
    EMPTY,
    IMAGE_SCALE,
    draw_rasters,
    mosaic,
    raster,
    raster_layout,
)
from ..figures.light import LightFigureWidget
from ..figures.live import update_traces
from ..figures.style import FIRE, base_layout

SLOTS = 3
LINES = 8  # channels drawn per slot
PALETTE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#17becf",
    "#8c564b",
    "#e377c2",
)
LINE_WIDTH = 320  # each slot's line figure: three of them as wide as the raster figure
LINE_HEIGHT = 280
TAP_FILL = "rgba(255, 127, 14, 0.35)"
TAP_LINE = "rgba(255, 127, 14, 0.9)"
STYLE = ".dl-layer-zoo .dl-formula-line{font-family:monospace}"


def raster_figure() -> go.FigureWidget:
    """Three raster subplots (their titles are the axes' own)."""
    fig = make_subplots(rows=1, cols=SLOTS, horizontal_spacing=0.05)
    fig.update_layout(raster_layout(SLOTS, ["", "", ""], height=300, width=960))
    return LightFigureWidget(fig)


def line_figures() -> list[go.FigureWidget]:
    """One figure a slot, of :data:`LINES` traces each.

    Three figures, not one of three subplots: plotly.js replots every trace of a figure
    whose data change, so a new output (an activation menu, Conv1D's eight channels)
    redrew the input's lines and the empty slot's traces too. Measured in headless
    Chromium (main-thread CPU a ``Plotly.update`` of the output's traces): 30 ms for
    eight channels in the 24-trace figure against 16 ms in a figure of their own, 23 ms
    against 11 ms for Dense's single line; the reference's one line costs 12 ms.
    """
    figures = []
    for _ in range(SLOTS):
        traces = [
            go.Scatter(
                x=[],
                y=[],
                mode="lines+markers",
                marker={"size": 4},
                line={"color": PALETTE[channel], "width": 2},
                showlegend=False,
            )
            for channel in range(LINES)
        ]
        layout = base_layout(
            height=LINE_HEIGHT, width=LINE_WIDTH, margin={"l": 40, "r": 10, "t": 40, "b": 35}
        )
        figures.append(LightFigureWidget(go.Figure(traces, layout)))
    return figures


def _suffix(slot: int) -> str:
    return "" if slot == 0 else str(slot + 1)


def slot_panels(arrays: Sequence[np.ndarray | None]) -> list[dict | None]:
    """The raster of each slot holding an image (``(h, w, c)``: one channel in grey, or
    several as a mosaic), :data:`EMPTY` for the others."""
    panels = []
    for values in arrays:
        if values is None or np.ndim(values) != 3:
            panels.append(EMPTY)
            continue
        values = np.asarray(values, dtype=np.float32)
        if values.shape[-1] == 1:
            panels.append(image_raster(values[:, :, 0]))
        else:
            tiles = mosaic(np.moveaxis(values, -1, 0), cols=4, signed=True)
            panels.append(raster(tiles, DIVERGING, -1.0, 1.0))
    return panels


def image_raster(values: np.ndarray) -> dict:
    """One channel: grey (dark = high) from 0 to at least 1 when it is never negative
    (a digit, a dropped-out digit scaled ×2), else blue–white–red around 0."""
    values = np.asarray(values, dtype=np.float32)
    low, high = float(np.nanmin(values)), float(np.nanmax(values))
    if low >= -1e-6:
        return raster(values, IMAGE_SCALE, 0.0, max(high, 1.0))
    bound = max(abs(low), abs(high)) or 1.0
    return raster(values, DIVERGING, -bound, bound)


def line_data(arrays: Sequence[np.ndarray | None]) -> list[list[dict]]:
    """Trace values of each slot's :func:`line_figures` figure: a ``(t, c)`` sequence as
    one line a channel, a vector as one line; images and empty slots draw nothing."""
    data = []
    for values in arrays:
        lines, steps = [], []
        if values is not None and np.ndim(values) in (1, 2):
            values = np.asarray(values, dtype=np.float64)
            columns = values[:, None] if values.ndim == 1 else values
            steps = list(range(columns.shape[0]))
            lines = [
                np.round(columns[:, c], 4).tolist() for c in range(min(columns.shape[1], LINES))
            ]
        data.append(
            [
                {"x": steps, "y": lines[channel]} if channel < len(lines) else {"x": [], "y": []}
                for channel in range(LINES)
            ]
        )
    return data


def draw(
    rasters: go.FigureWidget,
    lines: Sequence[go.FigureWidget],
    arrays: Sequence[np.ndarray | None],
    titles: Sequence[str],
    frames: tuple[list[dict], list[list[dict]]],
) -> None:
    """Write the slots' ``arrays`` under ``titles`` and the window ``frames`` (raster
    shapes, each line figure's shapes); figures with nothing to show are hidden. A line
    figure whose slot did not change gets no message."""
    images = [a is not None and np.ndim(a) == 3 for a in arrays]
    curves = [a is not None and np.ndim(a) in (1, 2) for a in arrays]
    height = LINE_HEIGHT if any(curves) else 20
    for slot, (figure, data) in enumerate(zip(lines, line_data(arrays), strict=True)):
        layout = {
            "xaxis.title.text": titles[slot] if curves[slot] else "",
            "xaxis.visible": curves[slot],
            "yaxis.visible": curves[slot],
            "shapes": frames[1][slot],
            "height": height,
        }
        update_traces(figure, data, layout)
    draw_rasters(rasters, slot_panels(arrays), frames[0])
    raster_titles = {}
    for slot, title in enumerate(titles):
        s = _suffix(slot)
        text = title if images[slot] else ""
        if rasters.layout[f"xaxis{s}"].title.text != text:
            raster_titles[f"xaxis{s}.title.text"] = text
        if rasters.layout[f"xaxis{s}"].visible != images[slot]:
            raster_titles[f"xaxis{s}.visible"] = images[slot]
            raster_titles[f"yaxis{s}.visible"] = images[slot]
    if raster_titles:
        rasters.layout.update(raster_titles)
    rasters.layout.height = 300 if any(images) else 20


def window_frames(
    window, step: int, arrays: Sequence[np.ndarray | None]
) -> tuple[list[dict], list[list[dict]]]:
    """The window's frame on slot 1's view and the output cell's on slot 2, as raster
    shapes (2-D) or shapes of each slot's line figure (1-D); none without a window."""
    nothing = [[] for _ in range(SLOTS)]
    if window is None or arrays[0] is None:
        return [], nothing
    row, col = window.position(step)
    top, left = row * window.stride, col * window.stride
    span = window.span
    line = {"color": FIRE, "width": 3}
    cell = {"color": "#111", "width": 3}
    taps = window.taps()
    if np.ndim(arrays[0]) == 3:
        # The cells the kernel multiplies, tinted: with a dilation they have gaps.
        tinted = [
            _tap("x", "y", left + j - 0.5, left + j + 0.5, top + i - 0.5, top + i + 0.5)
            for i in taps
            for j in taps
        ]
        return [
            *tinted,
            _rect("x", "y", left - 0.5, left + span - 0.5, top - 0.5, top + span - 0.5, line),
            _rect("x2", "y2", col - 0.5, col + 0.5, row - 0.5, row + 0.5, cell),
        ], nothing
    tinted = [_tap("x", "y domain", left + j - 0.5, left + j + 0.5, 0, 1) for j in taps]
    return [], [
        [*tinted, _rect("x", "y domain", left - 0.5, left + span - 0.5, 0, 1, line)],
        [_rect("x", "y domain", col - 0.5, col + 0.5, 0, 1, cell, fill=True)],
        [],
    ]


def _tap(xref, yref, x0, x1, y0, y1) -> dict:
    shape = {"type": "rect", "xref": xref, "yref": yref, "x0": x0, "x1": x1, "y0": y0, "y1": y1}
    # An outline too: the tint alone vanishes on the digit's black strokes.
    return {**shape, "line": {"width": 1, "color": TAP_LINE}, "fillcolor": TAP_FILL}


def _rect(xref, yref, x0, x1, y0, y1, line, fill=False) -> dict:
    shape = {"type": "rect", "xref": xref, "yref": yref, "x0": x0, "x1": x1, "y0": y0, "y1": y1}
    shape["line"] = line
    if fill:
        shape["fillcolor"] = "rgba(214, 39, 40, 0.10)"
    return shape
