"""Lesson 12 figures: the code space (test digits' 2-D codes by class), the decoded digit
of one point, the decoded grid of the plane, input against reconstruction, and the loss.

Each ``*_figure`` builds an empty FigureWidget once (its words come in as arguments); each
``*_data`` is pure (tests assert on it) and is written in with
:func:`widgets.figures.live.update_traces`. Digit images are small PNGs in the layout
(:func:`widgets.figures.png.image_url`): the page redraws a changed image alone, where a
heatmap trace would make plotly redraw the whole figure at every step of the walk.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from ..figures.finite import finite_or_none
from ..figures.light import LightFigureWidget
from ..figures.png import image_url
from ..figures.style import FIRE, LINE, QUIET, base_layout

# Ten colours that stay apart on a projector (plotly's "D3"/Tableau 10), digit d = COLOURS[d].
COLOURS = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)
HOVER_CELLS = 61  # the invisible grid that makes hover fire anywhere on the plane
# Trace indices of the code-space figure.
HOVER, FIRST_DIGIT, CHOSEN, DRAWN = 0, 1, 11, 12
DIGITS = range(10)
MARGIN = 0.08  # the plane's range: the codes' 1st to 99th percentile, plus 8% each side


def digit_url(image) -> str:
    """A digit (784 values in [0, 1], any shape) as a PNG, ink dark on white."""
    return image_url(np.asarray(image, dtype=np.float32).reshape(28, 28), "Greys", 0.0, 1.0)


def _hidden_axis(**extra) -> dict:
    return {"visible": False, "showgrid": False, "zeroline": False, **extra}


# ------------------------------------------------------------------------ code space


def codes_figure(names: Mapping[str, str]):
    """The code plane: an invisible heatmap catching hover (trace 0), one marker trace per
    digit 0–9 (traces 1–10, the legend), the chosen test digit (11) and the student's
    drawing (12); the walked point is a cross of layout shapes (:func:`cross_shapes`:
    the page redraws shapes alone, a moved trace would redraw the 1000 dots).
    ``names``: legend_title, chosen, drawn, z1, z2, title."""
    catcher = go.Heatmap(
        x=[],
        y=[],
        z=[],
        opacity=0.01,  # white, nearly transparent: unseen, but plotly.js hovers on it
        showscale=False,
        hoverinfo="none",
        colorscale=[[0, "white"], [1, "white"]],
    )
    digits = [
        go.Scatter(
            x=[],
            y=[],
            mode="markers",
            marker={"size": 6, "color": COLOURS[d], "opacity": 0.75},
            name=str(d),
            customdata=[],
            hovertemplate=f"{names['legend_title']} {d}<extra></extra>",
        )
        for d in DIGITS
    ]

    def marker(symbol: str, size: int, name: str, colour: str = LINE, width: int = 3):
        return go.Scatter(
            x=[],
            y=[],
            mode="markers",
            name=name,
            hoverinfo="skip",
            marker={"symbol": symbol, "size": size, "color": colour, "line": {"width": width}},
        )

    markers = [
        marker("circle-open", 20, names["chosen"]),
        marker("star", 22, names["drawn"], colour=FIRE, width=1),
    ]
    markers[1].marker.line.color = LINE
    return LightFigureWidget(
        data=[catcher, *digits, *markers],
        layout=base_layout(
            title={"text": names["title"], "font": {"size": 14}},
            width=620,
            height=540,
            showlegend=True,
            legend={"title": {"text": names["legend_title"]}, "itemsizing": "constant"},
            xaxis={"title": names["z1"], "zeroline": True},
            yaxis={"title": names["z2"], "zeroline": True},
            hovermode="closest",
            margin={"l": 60, "r": 20, "t": 40, "b": 50},
        ),
    )


def plane_range(codes: np.ndarray) -> tuple[tuple[float, float], tuple[float, float]]:
    """The plane shown: each axis from the codes' 1st to 99th percentile, widened by
    :data:`MARGIN` each side (one far-out code does not squeeze the rest into a corner)."""
    codes = np.asarray(codes, dtype=np.float64)
    finite = codes[np.isfinite(codes).all(axis=1)]
    if len(finite) == 0:
        return (-1.0, 1.0), (-1.0, 1.0)
    ranges = []
    for axis in (0, 1):
        low, high = np.percentile(finite[:, axis], [1, 99])
        span = max(high - low, 1e-3)
        ranges.append((round(low - MARGIN * span, 3), round(high + MARGIN * span, 3)))
    return ranges[0], ranges[1]


def cross_shapes(point, x_range, y_range, colour: str = LINE) -> list[dict]:
    """The walked point as a cross of two lines (3% of the plane's width each way)."""
    if point is None or not np.all(np.isfinite(point)):
        return []
    x, y = float(point[0]), float(point[1])
    dx = 0.03 * (x_range[1] - x_range[0])
    dy = 0.03 * (y_range[1] - y_range[0])
    line = {"color": colour, "width": 4}
    return [
        {"type": "line", "x0": x - dx, "x1": x + dx, "y0": y, "y1": y, "line": line},
        {"type": "line", "x0": x, "x1": x, "y0": y - dy, "y1": y + dy, "line": line},
    ]


def hover_data(x_range, y_range, cells: int = HOVER_CELLS) -> dict:
    """The hover catcher's grid over the plane (z is constant: only its cells matter)."""
    return {
        "x": np.linspace(*x_range, cells).round(4).tolist(),
        "y": np.linspace(*y_range, cells).round(4).tolist(),
        "z": np.zeros((cells, cells), dtype=np.int8).tolist(),
    }


def digits_data(codes: np.ndarray, labels: np.ndarray) -> list[dict]:
    """Traces 1–10: each digit's codes; ``customdata`` is the test digit's index."""
    codes = np.asarray(codes, dtype=np.float64)
    data = []
    for d in DIGITS:
        where = np.flatnonzero(np.asarray(labels) == d)
        data.append(
            {
                "x": codes[where, 0].astype(np.float32),
                "y": codes[where, 1].astype(np.float32),
                "customdata": where.tolist(),
            }
        )
    return data


def point_data(point) -> dict:
    """A marker trace at ``point`` (z₁, z₂), or an empty one for None."""
    if point is None or not np.all(np.isfinite(point)):
        return {"x": [], "y": []}
    return {"x": [round(float(point[0]), 4)], "y": [round(float(point[1]), 4)]}


# ---------------------------------------------------------------------- decoded digit


def walk_figure(title: str, size: int = 250):
    """The digit the decoder draws at one point of the plane: a layout image."""
    return LightFigureWidget(
        data=[],
        layout=base_layout(
            title={"text": title, "font": {"size": 14}},
            width=size,
            height=size + 30,
            margin={"l": 8, "r": 8, "t": 40, "b": 8},
            xaxis=_hidden_axis(range=[0, 28]),
            yaxis=_hidden_axis(range=[28, 0], scaleanchor="x"),
            images=[_image(0, 0, 28)],
            shapes=[_frame(0, 0, 28)],
        ),
    )


def _image(x: float, y: float, size: float, source: str = "") -> dict:
    return {
        "source": source,
        "xref": "x",
        "yref": "y",
        "x": x,
        "y": y,
        "sizex": size,
        "sizey": size,
        "sizing": "stretch",
        "layer": "below",
    }


def _frame(x: float, y: float, size: float) -> dict:
    return {
        "type": "rect",
        "x0": x,
        "y0": y,
        "x1": x + size,
        "y1": y + size,
        "line": {"color": "#999", "width": 1},
    }


# ----------------------------------------------------------------------- decoded grid


def grid_figure(title: str, z1: str, z2: str):
    """The decoded grid over the plane as one image, on axes in code units (the walked
    point: :func:`cross_shapes`)."""
    return LightFigureWidget(
        data=[],
        layout=base_layout(
            title={"text": title, "font": {"size": 14}},
            width=540,
            height=540,
            xaxis={"title": z1, "showgrid": False, "zeroline": False},
            yaxis={"title": z2, "showgrid": False, "zeroline": False},
            images=[{**_image(0, 0, 1), "yanchor": "top"}],
            margin={"l": 60, "r": 20, "t": 40, "b": 50},
        ),
    )


def grid_layout(grid: np.ndarray, x_range, y_range) -> dict:
    """The layout of :func:`grid_figure` for a decoded grid (row 0 on top = highest z₂)
    spanning ``x_range`` × ``y_range``."""
    (x0, x1), (y0, y1) = x_range, y_range
    image = {
        **_image(x0, y1, 1, image_url(np.asarray(grid, np.float32), "Greys", 0.0, 1.0)),
        "sizex": x1 - x0,
        "sizey": y1 - y0,
        "yanchor": "top",
    }
    return {"images": [image], "xaxis.range": [x0, x1], "yaxis.range": [y0, y1]}


# ----------------------------------------------------------- input and reconstruction

GAP = 4  # between the input and its reconstruction, in pixels of the 28 × 28 image


def inspect_figure(input_title: str, output_title: str):
    """A digit (left) and its reconstruction (right), both layout images."""
    right = 28 + GAP
    titles = [
        {
            "text": text,
            "x": x + 14,
            "y": -1.5,
            "xref": "x",
            "yref": "y",
            "showarrow": False,
            "font": {"size": 14},
        }
        for text, x in ((input_title, 0), (output_title, right))
    ]
    return LightFigureWidget(
        data=[],
        layout=base_layout(
            width=380,
            height=230,
            margin={"l": 8, "r": 8, "t": 12, "b": 8},
            xaxis=_hidden_axis(range=[0, right + 28]),
            yaxis=_hidden_axis(range=[28, -4], scaleanchor="x"),
            images=[_image(0, 0, 28), _image(right, 0, 28)],
            shapes=[_frame(0, 0, 28), _frame(right, 0, 28)],
            annotations=titles,
        ),
    )


def inspect_sources(image, reconstruction) -> list[str]:
    """The two image sources of :func:`inspect_figure` ('' leaves a panel empty)."""
    return ["" if a is None else digit_url(a) for a in (image, reconstruction)]


# ------------------------------------------------------------------------------- loss

LOSS_KEYS = ("loss", "val_loss", "val_reconstruction_loss", "val_kl_loss")
LOSS_STYLES = (
    {"color": QUIET, "width": 3},
    {"color": FIRE, "width": 3},
    {"color": "#2ca02c", "width": 2, "dash": "dot"},
    {"color": "#9467bd", "width": 2, "dash": "dash"},
)


def loss_figure(names: Sequence[str], title: str, x_title: str, y_title: str):
    """One line per :data:`LOSS_KEYS` entry over the epochs (a trace with no points stays
    out of the legend: the plain autoencoder has no KL term)."""
    traces = [
        go.Scatter(x=[], y=[], mode="lines+markers", name=name, line=style, marker={"size": 5})
        for name, style in zip(names, LOSS_STYLES, strict=True)
    ]
    return LightFigureWidget(
        data=traces,
        layout=base_layout(
            title={"text": title, "font": {"size": 14}},
            width=520,
            height=300,
            showlegend=True,
            legend={"orientation": "h", "y": -0.3},
            xaxis={"title": x_title, "rangemode": "tozero"},
            yaxis={"title": y_title, "type": "log"},
            margin={"l": 60, "r": 20, "t": 40, "b": 40},
        ),
    )


def loss_data(history: Mapping[str, Sequence[float]]) -> list[dict]:
    """Trace data for :func:`loss_figure`: ``history[key]`` after epochs 1, 2, …"""
    data = []
    for key in LOSS_KEYS:
        values = list(history.get(key, ()))
        data.append({"x": list(range(1, len(values) + 1)), "y": finite_or_none(values)})
    return data
