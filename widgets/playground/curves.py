"""Loss curves and the confusion matrix of the playground."""

from __future__ import annotations

import html

import numpy as np
import plotly.graph_objects as go

from ..figures.light import LightFigureWidget
from ..figures.style import base_layout

MAX_POINTS = 300  # the curves keep at most this many points (older ones thinned out)


def loss_figure(names: list[str], x_title: str, y_title: str) -> go.FigureWidget:
    """Training and test loss over the epochs (lines only: cheap to redraw)."""
    colours = ("#444444", "#d62728")
    return LightFigureWidget(
        data=[
            go.Scatter(x=[], y=[], mode="lines", name=name, line={"color": c, "width": 2})
            for name, c in zip(names, colours, strict=True)
        ],
        layout=base_layout(
            width=400,
            height=230,
            showlegend=True,
            legend={"orientation": "h", "y": 1.18, "x": 0},
            margin={"l": 50, "r": 10, "t": 30, "b": 40},
            xaxis={"title": x_title, "rangemode": "tozero"},
            yaxis={"title": y_title, "rangemode": "tozero"},
            font={"size": 12},
        ),
    )


class History:
    """Epochs and losses for the curves, thinned to at most ``MAX_POINTS`` points."""

    def __init__(self):
        self.epochs: list[int] = []
        self.train: list[float] = []
        self.test: list[float] = []
        self._every = 1

    def add(self, epoch: int, train: float, test: float) -> None:
        if self.epochs and epoch == self.epochs[-1]:
            self.train[-1], self.test[-1] = train, test
            return
        if self.epochs and epoch - self.epochs[-1] < self._every:
            return
        self.epochs.append(epoch)
        self.train.append(train)
        self.test.append(test)
        if len(self.epochs) > MAX_POINTS:  # keep every other point, then add more sparsely
            self.epochs, self.train, self.test = self.epochs[::2], self.train[::2], self.test[::2]
            self._every *= 2

    def trace_data(self) -> list[dict]:
        # numpy arrays: plotly validates them at once and sends them as binary buffers;
        # a non-finite loss becomes NaN, a gap in the line.
        epochs = np.array(self.epochs, dtype=np.float64)
        return [
            {"x": epochs, "y": np.array(self.train, dtype=np.float64)},
            {"x": epochs, "y": np.array(self.test, dtype=np.float64)},
        ]


def confusion_html(matrix: np.ndarray, true_label: str, predicted_label: str) -> str:
    """A small table ``rows = true class, columns = predicted class``: the diagonal in
    green, a wrong prediction made in red (classes of the page's stylesheet)."""
    k = len(matrix)
    head = "".join(f"<th class='dl-num'>{j}</th>" for j in range(k))
    rows = []
    for i in range(k):
        cells = "".join(_cell(int(matrix[i, j]), right=i == j) for j in range(k))
        rows.append(f"<tr><th>{i}</th>{cells}</tr>")
    return (
        f"<div class='dl-small'>{html.escape(true_label)} ↓ · "
        f"{html.escape(predicted_label)} →</div>"
        f"<table class='dl-table dl-confusion'>"
        f"<tr><th></th>{head}</tr>{''.join(rows)}</table>"
    )


def _cell(count: int, right: bool) -> str:
    """A count of the confusion matrix: green if right, red if a wrong class was predicted."""
    kind = " dl-right" if right else (" dl-wrong" if count else "")
    return f"<td class='dl-num{kind}'>{count}</td>"
