"""Lesson 03's drawings: the input plane, the norm of the weights over the epochs and the
table of one epoch's patterns, increments and weights. Functions of the recorded states,
with no dashboard state; numbers are written as the table prints them."""

from __future__ import annotations

import html

import numpy as np
import plotly.graph_objects as go

from ..figures import shapes
from ..figures.light import LightFigureWidget
from ..figures.live import updating
from ..figures.plane import (
    POINTS_TRACE,
    answer_discs,
    decision_plane_figure,
    plane_shapes,
    plane_trace_data,
    update_decision_plane,
)
from ..figures.style import LINE, base_layout
from ..i18n import number

BOXES = {  # the drawn part of the input plane, per input encoding
    "bipolar": (-1.7, 1.7, -1.7, 1.7),
    "binary": (-0.6, 1.6, -0.6, 1.6),
}
CURRENT = "#f2b705"  # the pattern just shown
DISC = 0.04  # a pattern's disc: radius as a fraction of the plot's width

# Trace indexes of the norm figure.
NORM_LINE, NORM_EPOCHS, NORM_NOW = range(3)

# Lesson 03's own rules, beside the course's stylesheet.
STYLE = ".dl-hebb-notes p{margin:6px 0}"


def format_number(value: float, lang: str = "en") -> str:
    """A number as the table prints it: integers without '.0', a true minus sign, and in
    Polish a decimal comma."""
    value = float(value)
    return number(round(value) if abs(value - round(value)) <= 1e-6 else value, lang)


def format_vector(values, lang: str = "en") -> str:
    """A vector: "(0.5, 1)" in English; in Polish "(1, −1)", but "(0,5; 1)" once a decimal
    comma could be read as the separator."""
    texts = [format_number(v, lang) for v in values]
    separator = "; " if any("," in text for text in texts) else ", "
    return "(" + separator.join(texts) + ")"


# Figures --------------------------------------------------------------------------------------
def plane_figure(title: str) -> go.FigureWidget:
    """The input plane, drawn for bipolar inputs until the first step."""
    plane = decision_plane_figure("x1", "x2", BOXES["bipolar"])
    plane.layout.title = {"text": title, "font": {"size": 13}}
    plane.layout.height = 360
    return plane


def norms_figure(title: str, epoch_axis: str) -> go.FigureWidget:
    """``||(w, b)||`` after every step (a line), after every epoch (dots) and now."""
    return LightFigureWidget(
        data=[
            go.Scatter(x=[], y=[], mode="lines", line={"color": "#999999", "width": 2}),
            go.Scatter(x=[], y=[], mode="markers", marker={"size": 9, "color": LINE}),
            go.Scatter(x=[], y=[], mode="markers", marker={"size": 16, "color": CURRENT}),
        ],
        layout=base_layout(
            title={"text": title, "font": {"size": 13}},
            xaxis={"title": epoch_axis, "rangemode": "tozero"},
            yaxis={"title": "||(w, b)||", "rangemode": "tozero"},
            width=420,
            height=300,
        ),
    )


def draw_plane(plane, k: int, state, X, y, outputs, encoding: str) -> None:
    """The net's answers as discs, its half-plane and boundary after step ``k``, and a
    square round the pattern shown in that step."""
    box = BOXES["bipolar" if encoding == "bipolar" else "binary"]
    fires = (outputs == 1).astype(float)
    data = plane_trace_data(X, fires, (y == 1).astype(float))
    # The answers are disc shapes (the table gives the numbers): new per-point colours
    # and labels made plotly.js recompute the plane at every step.
    data[POINTS_TRACE] = {"x": [], "y": []}
    drawing = plane_shapes(state[:-1], -state[-1], box)
    drawing += answer_discs(X, outputs == 1, DISC * (box[1] - box[0]))
    if k > 0:  # a square round the pattern just presented
        current = X[(k - 1) % len(X)]
        drawing += shapes.ring(current[0], current[1], 23, CURRENT, 4, "current", "rect")
    layout = {"xaxis.range": box[:2], "yaxis.range": box[2:]}
    update_decision_plane(plane, data, drawing, layout)


def draw_norms(figure, states: np.ndarray, k: int) -> None:
    """The norm of every recorded state, the epochs' ends marked, step ``k`` highlighted."""
    norms = np.linalg.norm(states, axis=1)
    epochs = np.arange(len(norms)) / 4
    with updating(figure):
        figure.data[NORM_LINE].update(x=epochs.tolist(), y=norms.tolist())
        figure.data[NORM_EPOCHS].update(x=epochs[::4].tolist(), y=norms[::4].tolist())
        figure.data[NORM_NOW].update(x=[float(epochs[k])], y=[float(norms[k])])


# The table ------------------------------------------------------------------------------------
def table_html(t, states, k: int, X, y, outputs, learning_rate: float) -> str:
    """The epoch that holds step ``k``: each pattern, its increments and the weights after
    it (blank until it is shown), and the net's answer now; step ``k``'s row highlighted."""
    n, lang = len(X), t.lang
    epoch = max(k - 1, 0) // n  # the epoch that holds step k (0-based)
    heads = ["#", "x1", "x2", t("col_bias_input"), t("col_target")]
    heads += ["Δw1", "Δw2", "Δb", "w1", "w2", "b", t("col_answer")]
    rows = []
    for i in range(n):
        step = epoch * n + i + 1
        done = step <= k
        eta = learning_rate
        increments = [eta * X[i, 0] * y[i], eta * X[i, 1] * y[i], eta * y[i]]
        cells = [str(step), *(format_number(v, lang) for v in (X[i, 0], X[i, 1])), "1"]
        cells.append(format_number(y[i], lang))
        cells += [format_number(v, lang) if done else "" for v in increments]
        cells += [format_number(v, lang) if done else "" for v in states[step][:3]]
        ok = outputs[i] == y[i]
        answer = (
            f"<td class='dl-num dl-{'good' if ok else 'bad'}-colour'><b>"
            f"{format_number(outputs[i], lang)} {'✓' if ok else '✗'}</b></td>"
        )
        kind = "dl-current-row" if step == k else "" if done else "dl-muted-colour"
        cells_html = "".join(f"<td class='dl-num'>{c}</td>" for c in cells)
        rows.append(f"<tr class='{kind}'>{cells_html}{answer}</tr>")
    head = "".join(f"<th class='dl-num'>{html.escape(h)}</th>" for h in heads)
    return (
        f"<div class='dl-body'>{t('table_epoch', epoch=epoch + 1)}</div>"
        f"<table class='dl-table dl-text'><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
