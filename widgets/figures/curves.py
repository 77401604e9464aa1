"""Curves: activation functions with their derivatives, a neuron's response, probability
bars, the cost per epoch and the error surface with the descent path.

Each ``*_figure`` builds an empty FigureWidget once; each ``*_data`` is pure (tests assert
on it) and ``update_traces`` writes it in through :func:`widgets.figures.live.updating`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from ..i18n import number
from .finite import finite_or_none  # also re-exported: figure builders import it from here
from .light import LightFigureWidget
from .live import update_traces  # noqa: F401  (re-exported: the lessons import it from here)
from .shapes import polyline
from .style import FIRE, LINE, QUIET, base_layout

SATURATION = "rgba(255, 165, 0, 0.18)"
DERIVATIVE = "#2ca02c"
PATH = "#ff7f0e"
PALETTE = (QUIET, FIRE, DERIVATIVE, PATH, "#9467bd")


# ----------------------------------------------------------------------- activations


def activation_figure(f_name: str, df_name: str, band_name: str) -> go.FigureWidget:
    """Saturation bands (trace 0), f(z) (trace 1) and f'(z) (trace 2) over z."""
    return LightFigureWidget(
        data=[
            go.Scatter(
                x=[],
                y=[],
                fill="toself",
                fillcolor=SATURATION,
                mode="none",
                hoverinfo="skip",
                name=band_name,
            ),
            go.Scatter(x=[], y=[], mode="lines", line={"color": QUIET, "width": 3}, name=f_name),
            go.Scatter(
                x=[],
                y=[],
                mode="lines",
                line={"color": DERIVATIVE, "width": 2, "dash": "dash"},
                name=df_name,
            ),
        ],
        layout=base_layout(
            xaxis={"title": "z", "zeroline": True},
            yaxis={"zeroline": True},
            width=560,
            height=340,
            showlegend=True,
            legend={"orientation": "h", "y": -0.2},
        ),
    )


def activation_data(
    z: np.ndarray, f: np.ndarray, df: np.ndarray, bands: Sequence[tuple[float, float]]
) -> tuple[list[dict], dict]:
    """Trace data and the y range for :func:`activation_figure`."""
    values = np.concatenate([f, df])
    low, high = float(np.min(values)), float(np.max(values))
    pad = 0.1 * max(high - low, 1.0)
    low, high = low - pad, high + pad
    xs, ys = [], []
    for start, end in bands:  # one rectangle per band, separated by None
        xs += [start, end, end, start, start, None]
        ys += [low, low, high, high, low, None]
    data = [
        {"x": xs, "y": ys},
        {"x": z.tolist(), "y": finite_or_none(f)},
        {"x": z.tolist(), "y": finite_or_none(df)},
    ]
    return data, {"yaxis.range": [low, high]}


def neuron_figure() -> go.FigureWidget:
    """A neuron's output: a curve over x (trace 0) or a heatmap over (x1, x2) (trace 1)."""
    return LightFigureWidget(
        data=[
            go.Scatter(x=[], y=[], mode="lines", line={"color": QUIET, "width": 3}, name="y"),
            go.Heatmap(
                x=[],
                y=[],
                z=[],
                colorscale="RdBu_r",
                colorbar={"thickness": 12, "len": 0.8},
                visible=False,
                name="y",
            ),
        ],
        layout=base_layout(width=480, height=380),
    )


def neuron_curve_data(x: np.ndarray, y: np.ndarray, y_title: str) -> tuple[list[dict], dict]:
    """One input: the output curve y(x)."""
    data = [
        {"x": x.tolist(), "y": finite_or_none(y), "visible": True},
        {"x": [], "y": [], "z": [], "visible": False},
    ]
    return data, {"xaxis.title.text": "x", "yaxis.title.text": y_title}


def neuron_heatmap_data(axis: np.ndarray, output: np.ndarray) -> tuple[list[dict], dict]:
    """Two inputs: the output over a square grid; ``output`` is (len(axis), len(axis))."""
    z = [finite_or_none(row) for row in output]
    data = [
        {"x": [], "y": [], "visible": False},
        {"x": axis.tolist(), "y": axis.tolist(), "z": z, "visible": True},
    ]
    return data, {"xaxis.title.text": "x1", "yaxis.title.text": "x2"}


def probability_figure(y_title: str) -> go.FigureWidget:
    """Bars of a probability vector (trace 0), values written on the bars."""
    return LightFigureWidget(
        data=[go.Bar(x=[], y=[], text=[], textposition="outside", marker={"color": QUIET})],
        layout=base_layout(yaxis={"title": y_title, "range": [0, 1.12]}, width=420, height=320),
    )


def probability_data(labels: Sequence[str], probabilities: np.ndarray, *, lang: str) -> list[dict]:
    """A bar per label with its probability above it, written as ``lang`` writes numbers
    (0,68 in Polish); a probability that is not a number has no bar and "–" above it."""
    top = int(np.argmax(np.nan_to_num(probabilities, nan=-1.0)))
    return [
        {
            "x": list(labels),
            "y": finite_or_none(probabilities),
            "text": [
                number(float(p), lang, ".2f") if np.isfinite(p) else "–" for p in probabilities
            ],
            "marker.color": [FIRE if i == top else QUIET for i in range(len(labels))],
        }
    ]


# ----------------------------------------------------------------------- cost per epoch


def cost_figure(
    names: Sequence[str],
    y_title: str,
    x_title: str = "epoch",
    log_y: bool = False,
    y2_title: str | None = None,
    on_y2: Sequence[bool] = (),
) -> go.FigureWidget:
    """One line per series over the epochs; series flagged in ``on_y2`` use a right axis.

    The current epoch is a vertical line (layout shape 0), moved by :func:`cost_data`.
    """
    on_y2 = list(on_y2) + [False] * (len(names) - len(on_y2))
    traces = [
        go.Scatter(
            x=[],
            y=[],
            mode="lines+markers",
            marker={"size": 4},
            line={"color": PALETTE[i % len(PALETTE)], "width": 2, "dash": "dot" if y2 else None},
            name=name,
            yaxis="y2" if y2 else "y",
        )
        for i, (name, y2) in enumerate(zip(names, on_y2, strict=True))
    ]
    layout = base_layout(
        xaxis={"title": x_title, "rangemode": "tozero"},
        yaxis={"title": y_title, "type": "log" if log_y else "linear"},
        width=520,
        height=340,
        showlegend=True,
        legend={"orientation": "h", "y": -0.25},
        shapes=[epoch_line(0)],
    )
    if y2_title is not None:
        layout["yaxis2"] = {
            "title": y2_title,
            "overlaying": "y",
            "side": "right",
            "range": [0, 1],
            "type": "linear",
            "tickformat": ".0%",
            "showgrid": False,
        }
        layout["margin"] = {**layout["margin"], "r": 60}
    return LightFigureWidget(data=traces, layout=layout)


def epoch_line(epoch: float) -> dict:
    """The dotted vertical line at the current epoch (layout shape 0 of a cost figure)."""
    return {
        "type": "line",
        "xref": "x",
        "yref": "paper",
        "x0": epoch,
        "x1": epoch,
        "y0": 0,
        "y1": 1,
        "line": {"color": LINE, "width": 1, "dash": "dot"},
    }


def cost_data(series: Sequence[Sequence[float]], current_epoch: int) -> tuple[list[dict], dict]:
    """Trace data (epochs 0, 1, ...) and the current-epoch line for :func:`cost_figure`.

    The line goes out as the whole shapes list: plotly.py would send "shapes.0.x0",
    a path plotly.js answers by redrawing the whole figure (see ``live.replace_layout_item``).
    """
    data = [{"x": list(range(len(values))), "y": finite_or_none(values)} for values in series]
    return data, {"shapes": [epoch_line(current_epoch)]}


# ----------------------------------------------------------------------- live charts
# While a network trains, charts are redrawn a few times a second. New trace values make
# plotly.js redraw the whole figure (axes, legend, every trace: 25 ms a chart in headless
# Chromium, which shares the CPU with the training); a new list of layout shapes on fixed
# axes is drawn alone. So during training the curves and bars are shapes, and the traces
# (with hover) take over again when it ends.


def curve_shapes(figure: go.FigureWidget, series: Sequence[tuple]) -> list[dict]:
    """Layout shapes drawing series i, an ``(x, y)`` pair, as trace i of ``figure`` would
    (its colour, width, dash and y axis; named as the trace); a series of one point has no
    line yet."""
    shapes = []
    for trace, (x, y) in zip(figure.data, series, strict=True):
        line = trace.line
        shapes += polyline(x, y, line.color, line.width, trace.name, line.dash, trace.yaxis or "y")
    return shapes


def bar_shapes(probabilities: np.ndarray) -> list[dict]:
    """The bars of :func:`probability_data` as layout shapes (category i is at x = i)."""
    probabilities = np.nan_to_num(np.asarray(probabilities, dtype=float))
    top = int(np.argmax(probabilities))
    return [
        {
            "type": "rect",
            "xref": "x",
            "yref": "y",
            "x0": i - 0.4,
            "x1": i + 0.4,
            "y0": 0,
            "y1": round(float(p), 4),
            "fillcolor": FIRE if i == top else QUIET,
            "line": {"width": 0},
            "name": "bar",
        }
        for i, p in enumerate(probabilities)
    ]


# ----------------------------------------------------------------------- error surface


def error_surface_figure(
    x_title: str,
    y_title: str,
    cost_title: str,
    names: Sequence[str] = ("path", "now", "minimum"),
) -> go.FigureWidget:
    """Contours of a cost over two weights (trace 0), the descent path (1), the current
    point (2) and the minimum (3); ``names`` are those three traces' names, shown in the
    hover labels, so a dashboard passes them in the student's language."""
    path_name, now_name, minimum_name = names
    return LightFigureWidget(
        data=[
            go.Contour(
                x=[],
                y=[],
                z=[],
                colorscale="Blues_r",
                ncontours=18,
                contours={"coloring": "heatmap", "showlines": True},
                line={"width": 0.5},
                colorbar={"title": {"text": cost_title}, "thickness": 12, "len": 0.8},
                hoverinfo="skip",
            ),
            go.Scatter(
                x=[],
                y=[],
                mode="lines+markers",
                line={"color": PATH, "width": 2},
                marker={"size": 5},
                name=path_name,
            ),
            go.Scatter(
                x=[],
                y=[],
                mode="markers",
                marker={"size": 13, "color": PATH, "line": {"color": LINE, "width": 2}},
                name=now_name,
            ),
            go.Scatter(
                x=[],
                y=[],
                mode="markers",
                marker={"size": 16, "symbol": "star", "color": "#ffd700", "line": {"width": 1}},
                name=minimum_name,
            ),
        ],
        layout=base_layout(
            xaxis={"title": x_title}, yaxis={"title": y_title}, width=460, height=400
        ),
    )


def surface_box(points: np.ndarray, minimum: np.ndarray, limit: float = 10.0) -> tuple:
    """A square-ish drawing box around the minimum and the (finite, clipped) path."""
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    pts = pts[np.isfinite(pts).all(axis=1)]
    pts = np.clip(np.vstack([pts, minimum[None, :]]), minimum - limit, minimum + limit)
    low, high = pts.min(axis=0), pts.max(axis=0)
    half = 0.6 * max(float(np.max(high - low)), 1.0)
    centre = (low + high) / 2
    return (centre[0] - half, centre[0] + half, centre[1] - half, centre[1] + half)


def error_surface_data(
    w1: np.ndarray,
    w2: np.ndarray,
    cost: np.ndarray,
    path: np.ndarray,
    current: int,
    minimum: np.ndarray,
) -> tuple[list[dict], dict]:
    """Trace data for :func:`error_surface_figure`; ``cost`` is (len(w2), len(w1)).

    The path keeps only finite points inside the box, so a diverging run never puts NaN
    or a point at 1e30 into the figure.
    """
    path = np.asarray(path, dtype=float).reshape(-1, 2)
    box = (w1[0], w1[-1], w2[0], w2[-1])
    inside = (
        np.isfinite(path).all(axis=1)
        & (path[:, 0] >= box[0])
        & (path[:, 0] <= box[1])
        & (path[:, 1] >= box[2])
        & (path[:, 1] <= box[3])
    )
    shown = path[: current + 1][inside[: current + 1]]
    now = path[current] if 0 <= current < len(path) and inside[current] else None
    data = [
        {"x": w1.tolist(), "y": w2.tolist(), "z": [finite_or_none(r) for r in cost]},
        {"x": shown[:, 0].tolist(), "y": shown[:, 1].tolist()},
        {"x": [] if now is None else [float(now[0])], "y": [] if now is None else [float(now[1])]},
        {"x": [float(minimum[0])], "y": [float(minimum[1])]},
    ]
    return data, {"xaxis.range": [box[0], box[1]], "yaxis.range": [box[2], box[3]]}
