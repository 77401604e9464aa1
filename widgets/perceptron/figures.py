"""Lesson 04's figure: the input plane, and the shapes it shows at each step of a run.

Pure builders (no dashboard state): :func:`perceptron_figure` makes the plane,
:func:`step_drawing` the shapes of one recorded step, which the tests check directly.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from ..figures import shapes
from ..figures.light import LightFigureWidget
from ..figures.live import updating
from ..figures.style import COLOURS, FIRE, LINE, QUIET, REGION, base_layout
from ..geometry import Box, boundary_segment, halfplane_polygon

GATE_BOX: Box = (-0.75, 1.75, -0.75, 1.75)
CUSTOM_BOX: Box = (-3.0, 3.0, -3.0, 3.0)
GRID = 41  # click resolution: a GRID x GRID invisible heatmap covers the plane
ARROW_FRACTION = 0.3  # the longer weight arrow spans this fraction of the plot's width
ARROW_HEAD = 0.035  # arrow heads are this fraction of the plot's width long
CROSS = 0.01  # the ✕ on a misclassified point: half-width as a fraction of the width

# Trace order, so updates can address traces by position; the rest are named shapes.
CLICK_TRACE, POINTS_TRACE = range(2)
DELTA_COLOUR = COLOURS["warn"]  # the legend's colours (texts.py: dl-warn-colour, dl-good-colour)
POCKET_COLOUR = COLOURS["good"]


def box_of(dataset: str, X: np.ndarray | None = None) -> Box:
    """The drawing box of a data set: a square around its points and the origin.

    The origin stays inside because the weight arrows start there; own points get a
    fixed square (they are clicked inside it), gates at least the unit square's frame.
    """
    if dataset == "custom" or X is None or len(X) == 0:
        return CUSTOM_BOX if dataset == "custom" else GATE_BOX
    low = np.minimum(X.min(axis=0), 0.0)
    high = np.maximum(X.max(axis=0), 0.0)
    centre = (low + high) / 2
    half = max(float(np.max(high - low)) / 2 * 1.12, 1.0)
    box = (centre[0] - half, centre[0] + half, centre[1] - half, centre[1] + half)
    if dataset != "blobs":
        box = (min(box[0], GATE_BOX[0]), max(box[1], GATE_BOX[1]),
               min(box[2], GATE_BOX[2]), max(box[3], GATE_BOX[3]))  # fmt: skip
    return tuple(round(float(v), 2) for v in box)


def perceptron_figure(box: Box, title: str) -> go.FigureWidget:
    """The input plane: an invisible click grid and the points; the rest are shapes.

    Everything that moves at each step (half-plane, lines, crosses, ring, arrows) is a
    layout shape (:mod:`widgets.figures.shapes`): a step never changes a trace, so plotly
    redraws only the shapes.
    """
    figure = LightFigureWidget(
        data=[
            go.Heatmap(
                z=[[0.0]],
                colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
                showscale=False,
                hoverinfo="none",
                name="click",
            ),
            go.Scatter(
                x=[],
                y=[],
                mode="markers",
                marker={"size": 11, "line": {"width": 1, "color": "white"}},
                hovertemplate="(%{x:.2f}, %{y:.2f})<extra></extra>",
                name="points",
            ),
        ],
        layout=base_layout(
            title={"text": title, "font": {"size": 13}},
            width=520,
            height=500,
            hovermode="closest",
            clickmode="event",
            dragmode=False,
        ),
    )
    set_box(figure, box)
    return figure


def set_box(figure: go.FigureWidget, box: Box) -> None:
    """Fix the axes to ``box`` and cover it with the invisible click grid."""
    xs = np.linspace(box[0], box[1], GRID).round(3).tolist()
    ys = np.linspace(box[2], box[3], GRID).round(3).tolist()
    with updating(figure):
        figure.data[CLICK_TRACE].update(x=xs, y=ys, z=np.zeros((GRID, GRID)).tolist())
        figure.layout.xaxis.update(range=box[:2], title="x1", zeroline=True, constrain="domain")
        figure.layout.yaxis.update(
            range=box[2:], title="x2", zeroline=True, scaleanchor="x", constrain="domain"
        )


def _line_shapes(w, b, box, colour: str, name: str, dash=None) -> list[dict]:
    segment = boundary_segment(w, -b, box)
    if segment is None:
        return []
    return shapes.segment(segment[:, 0], segment[:, 1], colour, 3, name, dash)


def points_trace_data(X: np.ndarray, y: np.ndarray) -> dict:
    """The point trace's coordinates and class colours (sent only when the data change)."""
    return {
        "x": X[:, 0].round(4).tolist(),
        "y": X[:, 1].round(4).tolist(),
        "marker.color": [FIRE if label else QUIET for label in y],
    }


def step_drawing(trajectory, index: int, box: Box, pocket: bool) -> list[dict]:
    """The shapes the figure shows at state ``index`` of a trajectory.

    Pure (tests assert on it). The shapes are named: "region", "pocket", "boundary",
    "missed" (an ✕ on each misclassified point), "current", "w before", "w", "Δw".
    Per-point marker styles would have been the obvious way to mark the misclassified
    points, but an array-valued style makes plotly.js recompute the whole figure.
    """
    w, b = trajectory.weights[index], float(trajectory.biases[index])
    X, y = trajectory.X, trajectory.y
    missed = ((X @ w.astype(np.float32) + np.float32(b)) >= 0) != (y > 0)
    region = halfplane_polygon(w, -b, box)
    drawing = shapes.polygon(region[:, 0], region[:, 1], REGION, "region")
    if pocket:
        pw, pb, _ = trajectory.pocket(index)
        drawing += _line_shapes(pw, pb, box, POCKET_COLOUR, "pocket", "dash")
    drawing += _line_shapes(w, b, box, LINE, "boundary")
    size = box[1] - box[0]
    drawing += shapes.crosses(X[missed, 0], X[missed, 1], CROSS * size, LINE, 2, "missed")
    w_old = trajectory.weights[index - 1] if index > 0 else w
    scale = arrow_scale(w_old, w, box)
    head = ARROW_HEAD * size
    if index > 0:
        x = X[trajectory.sample[index - 1]]
        drawing += shapes.ring(x[0], x[1], 12, LINE, 3, "current")
        if scale and trajectory.mistake[index - 1]:
            drawing += shapes.arrow((0, 0), scale * w_old, "#9e9e9e", 3, head, "w before")
            drawing += shapes.arrow(scale * w_old, scale * w, DELTA_COLOUR, 4, head, "Δw")
    if scale:
        drawing += shapes.arrow((0, 0), scale * w, LINE, 4, head, "w")
    return drawing


def arrow_scale(w_old, w_new, box: Box) -> float:
    """The factor that draws the longer of two weight vectors at ARROW_FRACTION of the box."""
    longest = max(float(np.linalg.norm(w_old)), float(np.linalg.norm(w_new)))
    if longest == 0:
        return 0.0
    return ARROW_FRACTION * (box[1] - box[0]) / longest
