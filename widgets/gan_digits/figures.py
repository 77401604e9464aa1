"""Lesson 14's digits figures: the fixed-noise sample grid, the morph strip, two curves.

The grid is a PNG layout image (:mod:`widgets.figures.png`): a new ``source`` is redrawn
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
from ..figures.png import encode_png, image_url, scale_rgb
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


def png_bytes(picture) -> bytes:
    """An image in [0, 1] (ink = 1) as PNG bytes, ink dark on white (an ipywidgets.Image)."""
    return encode_png(scale_rgb(np.asarray(picture, dtype=np.float32), "Greys", 0.0, 1.0))


def morph_images(size: int = 130) -> list:
    """The morph strip: z₀'s image, the one between (index 1, framed), z₁'s, as three
    ``ipywidgets.Image``: a new image is a few hundred bytes sent as a binary buffer and
    the page swaps an ``<img>``, as fast as the bare slider reference (a plotly layout
    image made the page redraw the figure's image layer: 66 ms against 34 ms, measured)."""
    import ipywidgets

    images = [ipywidgets.Image(format="png", width=size, height=size) for _ in range(3)]
    for index, image in enumerate(images):
        image.add_class("dl-morph-image")
        if index == 1:
            image.add_class("dl-morph-between")
    return images


#: The morph strip's pixels stay square and the image between is framed.
MORPH_STYLE = (
    ".dl-morph-image{image-rendering:pixelated;border:2px solid #ddd;margin:2px}"
    f".dl-morph-between{{border-color:{FIRE}}}"
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


def rolling_mean(values: Sequence[float], window: int = 20) -> np.ndarray:
    """The mean of each value and the ``window`` − 1 before it (fewer at the start)."""
    values = np.asarray(values, dtype=np.float64)
    sums = np.cumsum(np.concatenate([[0.0], values]))
    ends = np.arange(1, len(values) + 1)
    starts = np.maximum(ends - window, 0)
    return (sums[ends] - sums[starts]) / (ends - starts)


def curves_data(steps: Sequence[int], *series: Sequence[float], window: int = 20) -> list[dict]:
    """Trace data: each series over ``steps`` as a rolling mean of ``window`` values (one
    step's losses jump around: the game is seen better in their mean), thinned to at most
    :data:`MAX_POINTS` points."""
    steps = np.asarray(steps)
    every = max(1, -(-len(steps) // MAX_POINTS))
    x = steps[::every].tolist()
    return [{"x": x, "y": finite_or_none(rolling_mean(s, window)[::every])} for s in series]
