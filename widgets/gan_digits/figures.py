"""Lesson 14's digits figures: the fixed-noise sample grid, the morph strip, two curves.

Images are PNG layout images (:mod:`widgets.figures.png`): a new ``source`` is redrawn
alone, where a heatmap trace would redraw the whole figure. The curves are plain traces
(redrawn once a frame while training, a few times a second at most). Each ``*_figure``
builds its FigureWidget once; the ``*_data``/``*_url`` functions are pure.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from ..figures.finite import finite_or_none
from ..figures.light import LightFigureWidget
from ..figures.png import image_url
from ..figures.style import FIRE, LINE, QUIET, base_layout

MAX_POINTS = 400  # points a curve is drawn with (every k-th step when there are more)


def _hidden_axis(**extra) -> dict:
    return {"visible": False, "showgrid": False, "zeroline": False, **extra}


def picture_url(picture) -> str:
    """An image in [0, 1] (ink = 1) as a PNG, ink dark on white."""
    return image_url(np.asarray(picture, dtype=np.float32), "Greys", 0.0, 1.0)


def _image(x: float, size: float, source: str = "") -> dict:
    return {
        "source": source,
        "xref": "x",
        "yref": "y",
        "x": x,
        "y": 0,
        "sizex": size,
        "sizey": size,
        "sizing": "stretch",
        "layer": "below",
    }


def grid_figure(title: str, side: int = 238, size: int = 400):
    """The sample grid: one layout image of ``side`` × ``side`` pixels."""
    return LightFigureWidget(
        data=[],
        layout=base_layout(
            title={"text": title, "font": {"size": 14}},
            width=size,
            height=size + 30,
            margin={"l": 8, "r": 8, "t": 40, "b": 8},
            xaxis=_hidden_axis(range=[0, side]),
            yaxis=_hidden_axis(range=[side, 0], scaleanchor="x"),
            images=[_image(0, side)],
        ),
    )


def morph_figure(title: str, size: int = 130):
    """Three images side by side: z₀'s, the one between (image 1), z₁'s."""
    frame = {"type": "rect", "x0": 31, "x1": 59, "y0": 0, "y1": 28}
    frame["line"] = {"color": FIRE, "width": 2}
    return LightFigureWidget(
        data=[],
        layout=base_layout(
            title={"text": title, "font": {"size": 14}},
            width=3 * size + 40,
            height=size + 40,
            margin={"l": 8, "r": 8, "t": 36, "b": 4},
            xaxis=_hidden_axis(range=[-1, 91]),
            yaxis=_hidden_axis(range=[29, -1], scaleanchor="x"),
            images=[_image(0, 28), _image(31, 28), _image(62, 28)],
            shapes=[frame],
        ),
    )


def curves_figure(names: Sequence[str], title: str, x_title: str, y_title: str, half=False):
    """Two curves over the steps; ``half`` draws a dotted line at ½ (D's equilibrium)."""
    colours = (QUIET, FIRE)
    layout = base_layout(
        title={"text": title, "font": {"size": 14}},
        width=430,
        height=280,
        showlegend=True,
        legend={"orientation": "h", "y": -0.3},
        xaxis={"title": x_title, "rangemode": "tozero"},
        yaxis={"title": y_title, "rangemode": "tozero"},
        margin={"l": 55, "r": 15, "t": 36, "b": 45},
    )
    if half:
        layout["yaxis"]["range"] = [0, 1]
        layout["shapes"] = [
            {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": 0.5, "y1": 0.5,
             "line": {"color": LINE, "width": 1, "dash": "dot"}}
        ]  # fmt: skip
    traces = [
        go.Scatter(x=[], y=[], mode="lines", name=name, line={"color": colour, "width": 2})
        for name, colour in zip(names, colours, strict=True)
    ]
    return LightFigureWidget(data=traces, layout=layout)


def curves_data(steps: Sequence[int], *series: Sequence[float]) -> list[dict]:
    """Trace data: each series over ``steps``, thinned to at most :data:`MAX_POINTS`."""
    steps = np.asarray(steps)
    every = max(1, -(-len(steps) // MAX_POINTS))
    x = steps[::every].tolist()
    return [{"x": x, "y": finite_or_none(np.asarray(s)[::every])} for s in series]
