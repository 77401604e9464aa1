"""Figures of convolutions: the sliding kernel over an image with its feature map, ReLU and
pooling; mosaics of filters and feature maps; how one map is computed.

Many small maps are tiled into ONE heatmap (a mosaic with blank gaps) rather than one
trace each: a layer of 16 maps is one trace and one message, which keeps the views light
enough to refresh twice a second while a CNN trains (and in 2 GB on Binder). Each tile is
scaled on its own, so a weak map is as visible as a strong one; :func:`tile_at` turns a
click on the mosaic back into a map number.

``*_figure`` builds an empty FigureWidget once; ``*_data`` functions are pure (tests
assert on them) and the dashboards write them in with ``curves.update_traces``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .light import LightFigureWidget
from .live import updating
from .style import FIRE, base_layout

MAX_TILES = 16  # maps shown per layer (memory and message size; see module docstring)
DIVERGING = "RdBu_r"  # negative blue, positive red, 0 white: signed kernels and sums
POSITIVE = "Viridis"
IMAGE_SCALE = "Greys"


def _axis(**extra) -> dict:
    # A thin frame: a white image background would otherwise have no visible edge.
    return {
        "showticklabels": False,
        "showgrid": False,
        "zeroline": False,
        "ticks": "",
        "showline": True,
        "mirror": True,
        "linecolor": "#bbbbbb",
        **extra,
    }


def _square_axes(count: int, titles: Sequence[str] = ()) -> dict:
    """Layout for ``count`` heatmap subplots: no ticks, rows downward, square pixels; each
    of ``titles`` above its subplot."""
    layout = {}
    for i in range(1, count + 1):
        suffix = "" if i == 1 else str(i)
        title = (
            {"text": titles[i - 1], "standoff": 6, "font": {"size": 13}}
            if i <= len(titles)
            else None
        )
        layout[f"xaxis{suffix}"] = _axis(constrain="domain", side="top", title=title)
        layout[f"yaxis{suffix}"] = _axis(
            autorange="reversed", scaleanchor=f"x{suffix}", constrain="domain"
        )
    return layout


def _heatmap(colorscale: str, **extra) -> go.Heatmap:
    return go.Heatmap(z=[[0]], colorscale=colorscale, showscale=False, hoverongaps=False, **extra)


def z_values(array) -> np.ndarray:
    """A heatmap's z as float32 numpy (NaN = a gap plotly leaves blank).

    Numpy, not nested lists: plotly validates a list element by element (0.2 s for the
    five mosaics of a CNN, measured) but copies an array whole, and the widget sends it as
    a binary buffer.
    """
    return np.asarray(array, dtype=np.float32)


def send_changes(figure: go.FigureWidget, trace_data: Sequence[dict], shapes: list[dict]) -> None:
    """Write only the trace values that changed, and the layout's ``shapes``, in one message.

    A kernel edit leaves the input image as it is: it is not sent again.
    """
    with updating(figure):
        for trace, values in zip(figure.data, trace_data, strict=True):
            changed = {k: v for k, v in values.items() if not _same(trace[k], v)}
            if changed:
                trace.update(changed)
        # A layout change makes plotly.js relayout the whole figure, a restyle only redraws
        # the traces: a kernel edit leaves the frames where they are, so they are not sent.
        if [shape.to_plotly_json() for shape in figure.layout.shapes] != shapes:
            figure.layout.shapes = shapes


def _same(current, new) -> bool:
    if isinstance(new, np.ndarray) or isinstance(current, np.ndarray):
        a, b = np.asarray(current, dtype=float), np.asarray(new, dtype=float)
        return a.shape == b.shape and np.array_equal(a, b, equal_nan=True)
    return current == new


# --------------------------------------------------------------- convolution by hand


def convolution_figure(titles: Sequence[str]) -> go.FigureWidget:
    """Four heatmaps in a row: padded input, feature map, after ReLU, after max-pooling.

    Layout shape 0 frames the kernel's window on the input, shape 1 the output cell it
    produces; :func:`window_shapes` gives them at a new position.
    """
    # Titles are the axes' own, not make_subplots' annotations: plotly.js redraws
    # annotations on every update (13.2 against 16.8 ms a stride change, measured).
    fig = make_subplots(rows=1, cols=4, horizontal_spacing=0.04)
    scales = (IMAGE_SCALE, DIVERGING, POSITIVE, POSITIVE)
    for col, scale in enumerate(scales, start=1):
        extra = {"zmid": 0} if scale == DIVERGING else {}
        reverse = scale == IMAGE_SCALE  # the digit dark on white, as on paper
        fig.add_trace(_heatmap(scale, reversescale=False, **extra), row=1, col=col)
        if reverse:
            fig.data[-1].zmin, fig.data[-1].zmax = 0, 1
    fig.update_layout(
        base_layout(
            height=290,
            width=1040,
            margin={"l": 10, "r": 10, "t": 40, "b": 10},
            shapes=window_shapes(0, 0, 0, 0, 0),
        ),
        **_square_axes(4, titles),
    )
    return LightFigureWidget(fig)


def convolution_data(padded_image, feature_map, rectified, pooled) -> list[dict]:
    """Trace data for :func:`convolution_figure`; ``pooled`` may be None (map too small)."""
    # Colour ranges are always sent: a FigureWidget keeps the range plotly.js computed for
    # the first data it drew, so an automatic range would freeze at the first image's.
    fmap = np.asarray(feature_map, dtype=float)
    bound = float(np.abs(fmap).max()) or 1.0
    top = float(np.max(rectified)) or 1.0
    empty = np.full((1, 1), np.nan, dtype=np.float32)
    return [
        {"z": z_values(padded_image)},
        {"z": z_values(fmap), "zmin": -bound, "zmax": bound},
        {"z": z_values(rectified), "zmin": 0.0, "zmax": top},
        {"z": z_values(pooled) if pooled is not None else empty, "zmin": 0.0, "zmax": top},
    ]


def window_shapes(top: int, left: int, kernel: int, row: int, col: int) -> list[dict]:
    """The two frames: the kernel's window on the input and the output cell it fills.

    Sent as a whole list: plotly parses ``"shapes[0].x0"``-style paths slowly (18 ms for
    eight of them, measured; 2 ms for the list), and this runs on every step of the Play.
    """
    window = {
        "x0": left - 0.5,
        "x1": left + kernel - 0.5,
        "y0": top - 0.5,
        "y1": top + kernel - 0.5,
    }
    cell = {"x0": col - 0.5, "x1": col + 0.5, "y0": row - 0.5, "y1": row + 0.5}
    return [
        {"type": "rect", "xref": "x", "yref": "y", "line": {"color": FIRE, "width": 3}, **window},
        {"type": "rect", "xref": "x2", "yref": "y2", "line": {"color": "#111", "width": 3}, **cell},
    ]


def window_table_html(patch, kernel, products, total: float, labels: Sequence[str]) -> str:
    """Window · kernel = products, Σ = total: three small tables side by side (HTML)."""

    def table(values, signed: bool) -> str:
        cells = []
        for row in np.asarray(values, dtype=float):
            tds = "".join(
                f"<td style='padding:2px 6px;border:1px solid #ccc;text-align:right;"
                f"background:{_cell_colour(v) if signed else '#fff'}'>{v:.2f}</td>"
                for v in row
            )
            cells.append(f"<tr>{tds}</tr>")
        return f"<table style='border-collapse:collapse;font-size:14px'>{''.join(cells)}</table>"

    parts = [
        (labels[0], table(patch, False)),
        ("·", None),
        (labels[1], table(kernel, True)),
        ("=", None),
        (labels[2], table(products, True)),
    ]
    html = "".join(
        f"<div style='font-size:22px;padding:18px 6px'>{name}</div>"
        if body is None
        else f"<div><div style='font-size:13px;color:#555'>{name}</div>{body}</div>"
        for name, body in parts
    )
    html += (
        f"<div style='font-size:18px;padding:16px 8px'>Σ = <b class='dl-window-sum'>"
        f"{total:.3f}</b></div>"
    )
    return f"<div style='display:flex;align-items:flex-start;gap:4px'>{html}</div>"


def _cell_colour(value: float) -> str:
    if value > 1e-9:
        return "#fde0dd"
    if value < -1e-9:
        return "#dbe9f6"
    return "#fff"


# ------------------------------------------------------------------------- mosaics


def mosaic_shape(count: int, size: int, cols: int) -> tuple[int, int]:
    """Rows and columns of pixels of a mosaic of ``count`` ``size``×``size`` tiles."""
    rows = math.ceil(count / cols)
    return rows * (size + 1) - 1, min(count, cols) * (size + 1) - 1


def mosaic(maps, cols: int = 8, signed: bool = False, limit: int = MAX_TILES) -> np.ndarray:
    """Tile up to ``limit`` maps ``(n, h, w)`` into one array with NaN gaps of one pixel.

    Each tile is scaled on its own: to [-1, 1] by its largest absolute value when
    ``signed`` (kernels), to [0, 1] by its maximum otherwise (ReLU maps).
    """
    maps = np.asarray(maps, dtype=float)[:limit]
    n, h, w = maps.shape
    cols = max(1, min(cols, n))
    rows = math.ceil(n / cols)
    out = np.full((rows * (h + 1) - 1, cols * (w + 1) - 1), np.nan)
    for i, tile in enumerate(maps):
        scale = float(np.abs(tile).max()) if signed else float(tile.max() - min(tile.min(), 0))
        tile = tile / scale if scale > 0 else tile * 0
        r, c = divmod(i, cols)
        out[r * (h + 1) : r * (h + 1) + h, c * (w + 1) : c * (w + 1) + w] = tile
    return out


def tile_at(x: float, y: float, size: int, cols: int, count: int) -> int | None:
    """The map number under mosaic pixel (x, y), or None on a gap or outside."""
    col, dx = divmod(int(round(x)), size + 1)
    row, dy = divmod(int(round(y)), size + 1)
    if dx == size or dy == size or col >= cols:
        return None
    index = row * cols + col
    return index if 0 <= index < count else None


def layers_figure(titles: Sequence[str]) -> go.FigureWidget:
    """The input image, then one mosaic per layer (conv1, pool1, conv2, pool2), in a row."""
    fig = make_subplots(
        rows=1,
        cols=len(titles),
        subplot_titles=list(titles),
        horizontal_spacing=0.03,
        column_widths=[0.12] + [0.22] * (len(titles) - 1),
    )
    for col in range(1, len(titles) + 1):
        scale = IMAGE_SCALE if col == 1 else POSITIVE
        fig.add_trace(_heatmap(scale, zmin=0, zmax=1), row=1, col=col)
    fig.update_layout(
        base_layout(height=260, width=1060, margin={"l": 10, "r": 10, "t": 40, "b": 10}),
        **_square_axes(len(titles)),
    )
    return LightFigureWidget(fig)


def filters_figure(title: str) -> go.FigureWidget:
    """The first layer's kernels as one signed mosaic."""
    fig = LightFigureWidget(
        data=[_heatmap(DIVERGING, zmin=-1, zmax=1)],
        layout=base_layout(
            title={"text": title, "font": {"size": 14}},
            height=230,
            width=420,
            margin={"l": 10, "r": 10, "t": 40, "b": 10},
            **_square_axes(1),
        ),
    )
    return fig


def explain_figure(titles: Sequence[str]) -> go.FigureWidget:
    """How one map is made: inputs, kernels, per-input terms (mosaics), the result."""
    fig = make_subplots(rows=1, cols=4, subplot_titles=list(titles), horizontal_spacing=0.04)
    for col, scale in enumerate((POSITIVE, DIVERGING, DIVERGING, POSITIVE), start=1):
        extra = {"zmin": -1, "zmax": 1} if scale == DIVERGING else {"zmin": 0, "zmax": 1}
        fig.add_trace(_heatmap(scale, **extra), row=1, col=col)
    fig.update_layout(
        base_layout(height=260, width=1060, margin={"l": 10, "r": 10, "t": 40, "b": 10}),
        **_square_axes(4),
    )
    return LightFigureWidget(fig)
