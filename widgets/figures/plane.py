"""The input plane of a threshold unit: points, the firing half-plane and its boundary.

The points are traces; the half-plane and its boundary are layout shapes
(:mod:`widgets.figures.shapes`), which plotly redraws without recomputing the traces: a
weight slider that moves only the line costs the browser a fraction of a full redraw.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..geometry import Box, boundary_segment, halfplane_polygon
from . import shapes
from .light import LightFigureWidget
from .live import update_traces
from .style import FIRE, LINE, QUIET, REGION, base_layout

UNIT_BOX: Box = (-0.5, 1.5, -0.5, 1.5)

# Trace order, so updates can address traces by position.
POINTS_TRACE, TARGETS_TRACE = range(2)


def decision_plane_figure(x_title: str, y_title: str, box: Box = UNIT_BOX) -> go.FigureWidget:
    """An empty input-plane figure: the two traces and the shapes of :func:`update_decision_plane`."""
    figure = LightFigureWidget(
        data=[
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
    points: np.ndarray, outputs: np.ndarray, targets: np.ndarray | None = None
) -> list[dict]:
    """The new data of the two traces (points, targets), as dicts (pure: tests assert on these)."""
    colours = [FIRE if o else QUIET for o in outputs]
    data = [
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


def plane_shapes(w, threshold: float, box: Box = UNIT_BOX) -> list[dict]:
    """The firing half-plane w·x ≥ threshold ("fires") and its boundary ("boundary")."""
    region = halfplane_polygon(w, threshold, box)
    drawing = shapes.polygon(region[:, 0], region[:, 1], REGION, "fires")
    segment = boundary_segment(w, threshold, box)
    if segment is not None:
        drawing += shapes.segment(segment[:, 0], segment[:, 1], LINE, 3, "boundary")
    return drawing


def answer_discs(points: np.ndarray, fires: np.ndarray, radius: float) -> list[dict]:
    """The model's answers as filled discs ("answer 1" red, "answer 0" blue), for planes
    whose answers change at every step: new per-point colours would make plotly.js
    recompute the figure, while these shapes redraw alone."""
    fires = np.asarray(fires).astype(bool)
    drawing = []
    for answer, colour in ((1, FIRE), (0, QUIET)):
        chosen = points[fires == bool(answer)]
        drawing += shapes.discs(
            chosen[:, 0], chosen[:, 1], radius, colour, LINE, f"answer {answer}"
        )
    return drawing


def update_decision_plane(
    figure: go.FigureWidget, trace_data: list[dict], drawing: list[dict], layout: dict | None = None
) -> None:
    """Write :func:`plane_trace_data`, :func:`plane_shapes` and ``layout`` into the figure,
    in one message with only what changed."""
    update_traces(figure, trace_data, {**(layout or {}), "shapes": drawing})
