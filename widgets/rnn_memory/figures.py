"""Lesson 11 (memory) figures: the validation loss of each cell per epoch against the
baseline, and one validation sequence with its two marked values, the target and each
net's answer.

Each ``*_figure`` builds an empty FigureWidget once (user-facing strings come in as
arguments); each ``*_data`` is pure (tests assert on it) and is written in with
:func:`widgets.figures.live.update_traces`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..figures.finite import finite_or_none
from ..figures.light import LightFigureWidget
from ..figures.style import FIRE, LINE, QUIET, base_layout
from ..i18n import number
from ..models.memory import CELLS

COLOURS = {"simple_rnn": QUIET, "gru": "#2ca02c", "lstm": FIRE}
VALUES = "#9e9e9e"
MARKED = "#ff7f0e"


# ------------------------------------------------------------------------------ loss


def loss_figure(names: Mapping[str, str], title: str, x_title: str, y_title: str):
    """One line per cell (traces 0–2, in :data:`CELLS` order) and the baseline (trace 3,
    dashed), validation MSE over the epochs on a log axis."""
    cells = [
        go.Scatter(
            x=[],
            y=[],
            mode="lines+markers",
            marker={"size": 6},
            line={"color": COLOURS[cell], "width": 3},
            name=names[cell],
        )
        for cell in CELLS
    ]
    baseline = go.Scatter(
        x=[],
        y=[],
        mode="lines",
        line={"color": LINE, "dash": "dash", "width": 2},
        name="",
        hoverinfo="name+y",
    )
    return LightFigureWidget(
        data=[*cells, baseline],
        layout=base_layout(
            title={"text": title, "font": {"size": 14}},
            xaxis={"title": x_title, "rangemode": "tozero"},
            yaxis={"title": y_title, "type": "log"},
            width=600,
            height=380,
            showlegend=True,
            legend={"orientation": "h", "y": -0.25},
        ),
    )


def loss_data(losses: Mapping[str, Sequence[float]], baseline: float, baseline_name: str):
    """Trace data for :func:`loss_figure`: ``losses[cell]`` is the validation MSE after
    epochs 1, 2, …; the baseline spans the epochs drawn (at least 0 to 1)."""
    longest = max((len(values) for values in losses.values()), default=0)
    data = []
    for cell in CELLS:
        values = list(losses.get(cell, ()))
        data.append({"x": list(range(1, len(values) + 1)), "y": finite_or_none(values)})
    end = max(longest, 1)
    data.append({"x": [0, end], "y": [baseline, baseline], "name": baseline_name})
    return data


def epoch_ticks(epochs: int) -> dict:
    """Whole epochs on the x axis: every one up to 15, then every 5th."""
    return {"xaxis.tick0": 0, "xaxis.dtick": 1 if epochs <= 15 else 5}


# --------------------------------------------------------------------------- example


def example_figure(titles: Sequence[str], names: Mapping[str, str]):
    """Left: one sequence's values (trace 0) with its two marked values (trace 1). Right:
    bars of the target and each cell's answer (trace 2)."""
    figure = make_subplots(rows=1, cols=2, column_widths=[0.68, 0.32], subplot_titles=list(titles))
    figure.add_trace(
        go.Scatter(
            x=[], y=[], mode="lines", line={"color": VALUES, "width": 1}, name=names["values"]
        ),
        row=1,
        col=1,
    )
    figure.add_trace(
        go.Scatter(
            x=[],
            y=[],
            mode="markers+text",
            marker={"size": 13, "color": MARKED, "line": {"width": 1, "color": LINE}},
            textposition="top center",
            text=[],
            name=names["marked"],
        ),
        row=1,
        col=1,
    )
    figure.add_trace(
        go.Bar(x=[], y=[], text=[], textposition="outside", marker={"color": []}),
        row=1,
        col=2,
    )
    figure.update_yaxes(range=[0, 1.25], row=1, col=1)
    figure.update_yaxes(range=[0, 2.3], row=1, col=2)
    figure.update_xaxes(title_text=names["step_axis"], row=1, col=1)
    figure.update_layout(
        **base_layout(width=760, height=300, margin={"l": 40, "r": 20, "t": 40, "b": 45})
    )
    return LightFigureWidget(figure)


def example_data(
    x: np.ndarray,
    target: float,
    answers: Mapping[str, float | None],
    labels: Mapping[str, str],
    lang: str,
) -> list[dict]:
    """Trace data for :func:`example_figure`: the sequence ``x`` (T, 2), its target and
    the answer of each cell in ``answers`` (None: no answer yet); the numbers written on
    the figure as ``lang`` writes them."""
    values = np.asarray(x, dtype=float)
    steps = np.flatnonzero(values[:, 1] > 0.5)
    names = [labels["target"], *(labels[cell] for cell in answers)]
    heights = [float(target), *answers.values()]
    colours = [LINE, *(COLOURS[cell] for cell in answers)]
    return [
        {"x": list(range(len(values))), "y": finite_or_none(values[:, 0])},
        {
            "x": steps.tolist(),
            "y": finite_or_none(values[steps, 0]),
            "text": [number(values[i, 0], lang, ".2f") for i in steps],
        },
        {
            "x": names,
            "y": finite_or_none([np.nan if h is None else h for h in heights]),
            "text": [
                "–" if h is None or not np.isfinite(h) else number(h, lang, ".2f") for h in heights
            ],
            "marker.color": colours,
        },
    ]
