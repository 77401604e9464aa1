"""Lesson 05's figures and HTML views: the two decision planes (answers as disc shapes),
the cost curves, the error surface, the weights table and the status line. Pure builders
and drawing functions: the dashboard's state comes in as arguments."""

from __future__ import annotations

import html

import numpy as np
import plotly.graph_objects as go

from ..figures.curves import cost_figure, error_surface_figure
from ..figures.plane import (
    POINTS_TRACE,
    TARGETS_TRACE,
    answer_discs,
    decision_plane_figure,
    plane_shapes,
    plane_trace_data,
    update_decision_plane,
)
from ..geometry import Box
from ..i18n import number

PLANE_SIZE = 400  # px, each of the two planes (and the caption above it)
DISC = 0.02  # a point's disc on the planes: radius as a fraction of the plot's width
MARGIN = 0.4  # around the points, in standardised units

#: The lesson's own rules, beside the course's stylesheet (figures/style.py).
STYLE = f".dl-plane-caption{{width:{PLANE_SIZE}px;text-align:center;font-weight:600}}"


# Figures ---------------------------------------------------------------------------------
def plane_figure() -> go.FigureWidget:
    """An empty input plane for one model, square, with room for no title (a caption
    above it says the epoch: a new title made plotly.js restyle the whole plot)."""
    figure = decision_plane_figure("x1", "x2")
    figure.layout.width = figure.layout.height = PLANE_SIZE
    figure.layout.margin.t = 20
    return figure


def costs_figure(t) -> go.FigureWidget:
    """ADALINE's cost and both models' error rates per epoch (``t``: the lesson's words)."""
    figure = cost_figure(
        [t("series_cost"), t("series_perceptron"), t("series_adaline")],
        t("cost_axis"),
        x_title=t("epoch"),
        y2_title=t("errors_axis"),
        on_y2=[False, True, True],
    )
    figure.layout.title = {"text": t("cost_title"), "font": {"size": 14}}
    return figure


def surface_figure(t) -> go.FigureWidget:
    """The error surface J(w1, w2) with the descent path (``t``: the lesson's words)."""
    figure = error_surface_figure("w1", "w2", "J", names=(t("path"), t("now"), t("minimum")))
    figure.layout.title = {"text": t("surface_title"), "font": {"size": 13}}
    return figure


# Planes ----------------------------------------------------------------------------------
def answer_plane_data(
    points: np.ndarray, answers, truth, w, threshold: float, box: Box, disc: float
) -> tuple[list[dict], list[dict]]:
    """Trace data and shapes of a decision plane whose answers change at every step.

    The answers are filled disc shapes (radius ``disc`` times the box's width), drawn over
    the half-plane w·x ≥ ``threshold`` and its boundary; the points trace stays empty (new
    per-point colours made plotly.js recompute the plane at every step) and the rings show
    the true class (``truth``). Lesson 03's Hebb plane draws the same way and can share it.
    """
    data = plane_trace_data(points, answers, truth)
    data[POINTS_TRACE] = {"x": [], "y": []}
    drawing = plane_shapes(w, threshold, box)
    drawing += answer_discs(points, answers, disc * (box[1] - box[0]))
    return data, drawing


def plane_box(X: np.ndarray) -> Box:
    """The planes' range: the points with a margin."""
    low, high = X.min(axis=0) - MARGIN, X.max(axis=0) + MARGIN
    return (float(low[0]), float(high[0]), float(low[1]), float(high[1]))


def draw_plane(figure: go.FigureWidget, X: np.ndarray, labels, answers, w, b: float) -> None:
    """One model's plane: its answers as discs, the true classes as rings, its boundary
    w·x + b = 0."""
    box = plane_box(X)
    data, drawing = answer_plane_data(X, answers, labels, w, -b, box, DISC)
    data[TARGETS_TRACE].update({"marker.size": 15, "marker.line.width": 2})
    layout = {"xaxis.range": box[:2], "yaxis.range": box[2:], "xaxis.dtick": 1, "yaxis.dtick": 1}
    update_decision_plane(figure, data, drawing, layout)


def caption_html(title: str) -> str:
    """The line above a plane: the epoch shown and the model's errors."""
    return f"<div class='dl-body dl-plane-caption'>{html.escape(title)}</div>"


# Text views ------------------------------------------------------------------------------
def status_html(text: str, diverged: bool = False) -> str:
    """The status line; a divergence in a warning box (class ``dl-diverged``)."""
    kind = " class='dl-diverged dl-box dl-box-warn'" if diverged else ""
    return f"<div{kind}>{html.escape(text)}</div>"


def weights_table_html(w, b: float, exact_w, exact_b: float, heads: list[str], lang: str) -> str:
    """ADALINE's final weights beside the least-squares ones and their difference."""
    rows = "".join(
        f"<tr><td>{name}</td><td class='dl-num'>{number(got, lang, '.4f')}</td>"
        f"<td class='dl-num'>{number(want, lang, '.4f')}</td>"
        f"<td class='dl-num'>{number(abs(got - want), lang, '.1e')}</td></tr>"
        for name, got, want in zip(("w1", "w2", "b"), (*w, b), (*exact_w, exact_b), strict=True)
    )
    first, *numbers = heads
    head = f"<th>{first}</th>" + "".join(f"<th class='dl-num'>{text}</th>" for text in numbers)
    return (
        f"<table class='dl-table dl-body'><thead><tr>{head}</tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
