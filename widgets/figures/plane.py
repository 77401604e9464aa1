"""The input plane of a threshold unit: points, the firing half-plane and its boundary."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..geometry import Box, boundary_segment, halfplane_polygon
from .live import update_traces
from .style import FIRE, LINE, QUIET, REGION, base_layout

UNIT_BOX: Box = (-0.5, 1.5, -0.5, 1.5)

# Trace order, so updates can address traces by position.
REGION_TRACE, LINE_TRACE, POINTS_TRACE, TARGETS_TRACE = range(4)


def decision_plane_figure(x_title: str, y_title: str, box: Box = UNIT_BOX) -> go.FigureWidget:
    """An empty input-plane figure with the four traces :func:`update_decision_plane` fills."""
    figure = go.FigureWidget(
        data=[
            go.Scatter(
                x=[],
                y=[],
                fill="toself",
                fillcolor=REGION,
                mode="none",
                hoverinfo="skip",
                name="fires",
            ),
            go.Scatter(
                x=[],
                y=[],
                mode="lines",
                line={"color": LINE, "width": 3},
                hoverinfo="skip",
                name="boundary",
            ),
            go.Scatter(
                x=[],
                y=[],
                mode="markers+text",
                textposition="top center",
                marker={"size": 22, "line": {"width": 2, "color": LINE}},
                name="points",
            ),
            go.Scatter(
                x=[],
                y=[],
                mode="markers",
                hoverinfo="skip",
                name="targets",
                marker={"size": 36, "symbol": "circle-open", "line": {"width": 3}},
            ),
        ],
        layout=base_layout(
            xaxis={"title": x_title, "range": box[:2], "zeroline": False, "dtick": 1},
            yaxis={
                "title": y_title,
                "range": box[2:],
                "zeroline": False,
                "dtick": 1,
                "scaleanchor": "x",
            },
            width=420,
        ),
    )
    return figure


def plane_trace_data(
    w,
    threshold: float,
    points: np.ndarray,
    outputs: np.ndarray,
    targets: np.ndarray | None = None,
    box: Box = UNIT_BOX,
) -> list[dict]:
    """The new data of the four traces, as dicts (pure: tests assert on these)."""
    region = halfplane_polygon(w, threshold, box)
    segment = boundary_segment(w, threshold, box)
    colours = [FIRE if o else QUIET for o in outputs]
    data = [
        {"x": region[:, 0].tolist(), "y": region[:, 1].tolist()},
        {
            "x": [] if segment is None else segment[:, 0].tolist(),
            "y": [] if segment is None else segment[:, 1].tolist(),
        },
        {
            "x": points[:, 0].tolist(),
            "y": points[:, 1].tolist(),
            "text": [str(int(o)) for o in outputs],
            "marker.color": colours,
        },
        {"x": [], "y": [], "marker.color": []},
    ]
    if targets is not None:
        data[TARGETS_TRACE] = {
            "x": points[:, 0].tolist(),
            "y": points[:, 1].tolist(),
            # an open symbol is drawn in marker.color, not in its line colour
            "marker.color": [FIRE if t else QUIET for t in targets],
        }
    return data


def update_decision_plane(figure: go.FigureWidget, trace_data: list[dict]) -> None:
    """Write :func:`plane_trace_data` into the figure in one message (changed traces only)."""
    update_traces(figure, trace_data)
