"""Lesson 08's figures: the loss of a shallow and a deep net over the steps, the functions
both learnt on a 1-D set, their decision heatmaps on the spirals and their size table.

Each ``*_figure`` builds an empty FigureWidget once (user-facing strings come in as
arguments); each ``*_data`` is pure (tests assert on it) and is written in with
:func:`widgets.figures.live.update_traces`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..figures.curves import cost_figure, finite_or_none
from ..figures.light import LightFigureWidget
from ..figures.style import FIRE, LINE, QUIET, base_layout

NETS = ("shallow", "deep")
PARTS = ("train", "test")  # solid and dotted lines of the loss figure
COLOURS = {"shallow": QUIET, "deep": FIRE}
CURVE_POINTS = 401  # x grid of the 1-D plots: 32 teeth are 64 pieces, ~6 points each
GRID = 61  # heatmap resolution (61 x 61 = 3721 outputs per net, well under 1 ms)
SHOWN_POINTS = 200  # training points drawn on each heatmap (the figures stay light)


# ------------------------------------------------------------------------------ loss


def loss_figure(names: Sequence[str], title: str, x_title: str, y_title: str) -> go.FigureWidget:
    """Training (solid) and test (dotted) loss of both nets over the steps, log scale.

    ``names`` label the traces in the order of :func:`loss_data`: shallow training,
    shallow test, deep training, deep test. It is :func:`~widgets.figures.curves.cost_figure`
    in the nets' colours, without its current-epoch line (the curves end where training is).
    """
    figure = cost_figure(names, y_title, x_title, log_y=True)
    series = [(net, part) for net in NETS for part in PARTS]
    for trace, (net, part) in zip(figure.data, series, strict=True):
        trace.line.color = COLOURS[net]
        trace.line.dash = "dot" if part == "test" else None
    figure.update_layout(
        title={"text": title, "font": {"size": 14}},
        yaxis_dtick="D2",  # log-axis labels 1, 2, 5
        width=560,
        legend_y=-0.3,
    )
    figure.layout.shapes = ()  # update_layout(shapes=[]) would leave the line in place
    return figure


def loss_data(history: dict) -> list[dict]:
    """Trace data for :func:`loss_figure` from a :func:`~widgets.models.depth.empty_history`."""
    steps = list(history["step"])
    return [
        {"x": steps, "y": finite_or_none(history[f"{net}_{part}"])}
        for net in NETS
        for part in PARTS
    ]


# ------------------------------------------------------------------------- 1-D sets


def curve_grid(points: int = CURVE_POINTS) -> np.ndarray:
    """The x values at which the 1-D figure draws the target and both nets."""
    return np.linspace(-1.0, 1.0, points, dtype=np.float32)


def _empty_trace(name: str | None = None, **style) -> go.Scatter:
    """A scatter trace with no points yet (``*_data`` fills it), styled by ``style``."""
    return go.Scatter(x=[], y=[], name=name, **style)


def function_figure(names: dict, title: str) -> go.FigureWidget:
    """1-D sets: training points (trace 0), the target (1), shallow (2) and deep (3) nets.

    ``names`` has the legend labels under ``train_points``, ``target``, ``shallow``, ``deep``.
    """
    points = {"mode": "markers", "marker": {"size": 5, "color": "#999999"}}
    target = {"mode": "lines", "line": {"color": LINE, "dash": "dash"}}
    nets = [
        _empty_trace(names[net], mode="lines", line={"color": COLOURS[net], "width": 3})
        for net in NETS
    ]
    return LightFigureWidget(
        data=[
            _empty_trace(names["train_points"], **points),
            _empty_trace(names["target"], **target),
            *nets,
        ],
        layout=base_layout(
            title={"text": title, "font": {"size": 14}},
            xaxis={"title": "x", "range": [-1.02, 1.02]},
            yaxis={"title": "y"},
            width=560,
            height=340,
            showlegend=True,
            legend={"orientation": "h", "y": -0.25},
        ),
    )


def function_data(split, grid: np.ndarray, target, shallow, deep) -> list[dict]:
    """Trace data for :func:`function_figure` (``target`` may be None: no known curve)."""
    return [
        {"x": split.x_train[:, 0].tolist(), "y": split.y_train[:, 0].tolist()},
        {"x": grid.tolist(), "y": [] if target is None else finite_or_none(target)},
        {"x": grid.tolist(), "y": finite_or_none(np.ravel(shallow))},
        {"x": grid.tolist(), "y": finite_or_none(np.ravel(deep))},
    ]


# -------------------------------------------------------------------------- spirals


def grid_points(size: int = GRID) -> tuple[np.ndarray, np.ndarray]:
    """The heatmap axis and its (size², 2) points, row by row (y outer, x inner)."""
    axis = np.linspace(-1.0, 1.0, size)
    xx, yy = np.meshgrid(axis, axis)
    return axis, np.column_stack([xx.ravel(), yy.ravel()]).astype(np.float32)


def _probability_map(with_scale: bool) -> go.Heatmap:
    """One net's probability of class 1 over the square, from 0 (blue) to 1 (red)."""
    return go.Heatmap(
        x=[],
        y=[],
        z=[],
        zmin=0,
        zmax=1,
        colorscale="RdBu_r",
        showscale=with_scale,
        colorbar={"thickness": 12, "len": 0.9},
        hoverinfo="skip",
    )


def _training_points() -> go.Scatter:
    marker = {"size": 6, "line": {"width": 1, "color": LINE}}
    return _empty_trace(mode="markers", marker=marker, hoverinfo="skip")


def heatmap_figure(titles: Sequence[str]) -> go.FigureWidget:
    """Spirals: each net's probability of class 1 over the square (traces 0, 1) with the
    training points (traces 2, 3); ``titles`` name the two panels (shallow, deep)."""
    figure = make_subplots(rows=1, cols=2, subplot_titles=list(titles))
    for col in (1, 2):
        figure.add_trace(_probability_map(with_scale=col == 2), row=1, col=col)
    for col in (1, 2):
        figure.add_trace(_training_points(), row=1, col=col)
    figure.update_xaxes(range=[-1, 1], constrain="domain")
    figure.update_yaxes(range=[-1, 1], scaleanchor="x")
    figure.update_yaxes(scaleanchor="x2", row=1, col=2)
    figure.update_layout(
        **base_layout(width=640, height=340, margin={"l": 30, "r": 20, "t": 40, "b": 30})
    )
    return LightFigureWidget(figure)


def heatmap_data(split, axis: np.ndarray, shallow: np.ndarray, deep: np.ndarray) -> list[dict]:
    """Trace data for :func:`heatmap_figure`; ``shallow``/``deep`` are (GRID, GRID) grids."""
    x, labels = split.x_train[:SHOWN_POINTS], split.y_train[:SHOWN_POINTS, 0]
    points = {
        "x": x[:, 0].tolist(),
        "y": x[:, 1].tolist(),
        "marker.color": [FIRE if label else QUIET for label in labels],
    }
    maps = [
        {"x": axis.tolist(), "y": axis.tolist(), "z": [finite_or_none(row) for row in grid]}
        for grid in (shallow, deep)
    ]
    return [*maps, points, dict(points)]


# ------------------------------------------------------------------------ size table


def counts_html(headers: Sequence[str], rows: Sequence[tuple]) -> str:
    """A small table of the nets' shapes and parameter counts (no plural forms needed).

    ``rows`` are ``(net, label, depth, width, params)``; ``net`` picks the dot's colour,
    the colour of that net's lines in the figures.
    """
    first, *numbers = headers
    head = f"<th>{first}</th>" + "".join(f"<th class='dl-num'>{h}</th>" for h in numbers)
    lines = [f"<tr>{head}</tr>"]
    for net, label, depth, width, params in rows:
        dot = f"<span style='color:{COLOURS[net]}'>●</span>"  # the net's figure colour
        lines.append(
            f"<tr><td>{dot} {label}</td><td class='dl-num'>{depth} × {width}</td>"
            f"<td class='dl-num'><b>{params}</b></td></tr>"
        )
    return "<table class='dl-table dl-body'>" + "".join(lines) + "</table>"
