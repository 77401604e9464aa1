"""Lesson 14's 1-D figure: p_data, p_g (left axis), D* and the trained D (right axis, 0–1).

:func:`curves_figure` builds the FigureWidget once; :func:`curves_data` is pure (tests
assert on it) and is written in with :func:`widgets.figures.live.update_traces`. The x
grid never changes, so a slider move sends only new y values.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import plotly.graph_objects as go

from ..figures.finite import finite_or_none
from ..figures.light import LightFigureWidget
from ..figures.style import FIRE, LINE, QUIET, base_layout

X = np.linspace(-6.0, 6.0, 241)
TRAINED_COLOUR = "#2ca02c"
# Trace indices.
P_DATA, P_G, D_STAR, D_TRAINED = 0, 1, 2, 3


def curves_figure(names: Mapping[str, str]):
    """``names``: p_data, p_g, d_star, d_trained, density_axis, d_axis."""

    def line(name, colour, width=3, dash=None, axis="y", fill=None):
        return go.Scatter(
            x=X.round(3).tolist(),
            y=[],
            mode="lines",
            name=name,
            yaxis=axis,
            fill=fill,
            line={"color": colour, "width": width, "dash": dash},
        )

    return LightFigureWidget(
        data=[
            line(names["p_data"], QUIET, fill="tozeroy"),
            line(names["p_g"], FIRE, fill="tozeroy"),
            line(names["d_star"], LINE, width=3, dash="dash", axis="y2"),
            line(names["d_trained"], TRAINED_COLOUR, width=3, axis="y2"),
        ],
        layout=base_layout(
            width=700,
            height=400,
            showlegend=True,
            legend={"orientation": "h", "y": -0.18},
            xaxis={"title": "x", "range": [-6, 6]},
            yaxis={"title": names["density_axis"], "rangemode": "tozero"},
            yaxis2={
                "title": names["d_axis"],
                "overlaying": "y",
                "side": "right",
                "range": [-0.02, 1.02],
                "showgrid": False,
            },
            margin={"l": 60, "r": 60, "t": 20, "b": 45},
        ),
    )


def curves_data(p_data, p_g, d_star, d_trained=None) -> list[dict]:
    """Trace data for :func:`curves_figure` (y only; None for no trained D yet)."""
    trained = [] if d_trained is None else finite_or_none(np.round(d_trained, 4))
    return [
        {"y": finite_or_none(np.round(p_data, 5))},
        {"y": finite_or_none(np.round(p_g, 5))},
        {"y": finite_or_none(np.round(d_star, 4))},
        {"y": trained},
    ]
