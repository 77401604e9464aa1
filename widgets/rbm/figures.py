"""Lesson 13 figures: the receptive fields as one mosaic, the reconstruction error, the free
energy of training against held-out digits, the histograms of W and of its last update,
the hidden probabilities of a mini-batch, and the Gibbs chain (v and h, a strip of test
digits to start from).

Each ``*_figure`` builds an empty FigureWidget once (its words come in as arguments); each
``*_data``/``*_layout`` is pure (tests assert on it) and is written in with
:func:`widgets.figures.live.update_traces` or
:func:`widgets.figures.live.replace_layout_item`. Every image (the mosaic of up to 256
fields of 28 × 28, the hidden probabilities, v and h) is a small PNG in the layout
(:func:`widgets.figures.png.image_url`): the page redraws a changed image alone, where a
heatmap trace of 230,000 values would be sent as numbers and make plotly recompute the
whole figure at every refresh (see :mod:`widgets.figures.png`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from ..figures.finite import finite_or_none
from ..figures.images import tile_images
from ..figures.light import LightFigureWidget
from ..figures.png import image_url
from ..figures.style import FIRE, QUIET, base_layout

FIELDS_SCALE = "RdBu"  # plotly's: red for the lowest value, white in the middle, blue on top
HIDDEN_SCALE = "Greys"  # probability 0 white, 1 black (ink on paper, like the digits)
GAP = 2  # between tiles, in pixels of the 28 × 28 images (tile_images' gap)
HIST_BINS = 41
STRIP = 12  # test digits in the strip a chain can start from
CLAMP_COLOUR = "#ff7f0e"


def _hidden_axis(**extra) -> dict:
    return {"visible": False, "showgrid": False, "zeroline": False, **extra}


def _image(x: float, y: float, width: float, height: float, source: str = "") -> dict:
    return {
        "source": source,
        "xref": "x",
        "yref": "y",
        "x": x,
        "y": y,
        "sizex": width,
        "sizey": height,
        "sizing": "stretch",
        "layer": "below",
    }


def _frame(x0: float, y0: float, x1: float, y1: float, colour="#999", width=1) -> dict:
    return {
        "type": "rect",
        "x0": x0,
        "y0": y0,
        "x1": x1,
        "y1": y1,
        "line": {"color": colour, "width": width},
    }


# ------------------------------------------------------------------- receptive fields


def mosaic_columns(n_hidden: int) -> int:
    """Tiles a row: a square mosaic (16 → 4, 64 → 8, 144 → 12, 256 → 16)."""
    return max(1, math.ceil(math.sqrt(n_hidden)))


def mosaic_size(n_hidden: int) -> tuple[int, int]:
    """The mosaic's width and height in pixels of the 28 × 28 images."""
    columns = mosaic_columns(n_hidden)
    rows = math.ceil(n_hidden / columns)
    return columns * (28 + GAP) - GAP, rows * (28 + GAP) - GAP


def field_scale(weights: np.ndarray) -> float:
    """The colour scale's end, ±this: the 99.5th percentile of |W| (one huge weight does
    not wash out the rest), never 0."""
    finite = np.abs(np.asarray(weights, dtype=np.float32))
    finite = finite[np.isfinite(finite)]
    if finite.size == 0:
        return 1.0
    return float(max(np.percentile(finite, 99.5), 1e-6))


def fields_mosaic(weights: np.ndarray) -> np.ndarray:
    """The receptive fields (``W``'s columns, shape (784, n_hidden)) as one image: each
    hidden unit's 784 weights as a 28 × 28 tile, in rows of :func:`mosaic_columns`; the
    gaps are NaN (transparent)."""
    weights = np.asarray(weights, dtype=np.float32)
    n_hidden = weights.shape[1]
    return tile_images(weights.T.reshape(n_hidden, 28, 28), mosaic_columns(n_hidden))


def fields_figure(title: str, size: int = 470):
    """The mosaic as a layout image on hidden axes (its range set by :func:`fields_layout`)."""
    return LightFigureWidget(
        data=[],
        layout=base_layout(
            title={"text": title, "font": {"size": 14}},
            width=size,
            height=size + 40,
            margin={"l": 8, "r": 8, "t": 48, "b": 8},
            xaxis=_hidden_axis(range=[0, 1]),
            yaxis=_hidden_axis(range=[1, 0], scaleanchor="x"),
            images=[_image(0, 0, 1, 1)],
        ),
    )


def fields_layout(weights: np.ndarray, title: str) -> dict:
    """The layout of :func:`fields_figure` for ``weights`` (diverging, centred on 0:
    ±:func:`field_scale`); ``title`` may hold ``{scale}``."""
    mosaic = fields_mosaic(weights)
    scale = field_scale(weights)
    height, width = mosaic.shape
    source = image_url(mosaic, FIELDS_SCALE, -scale, scale)
    return {
        "images": [_image(0, 0, width, height, source)],
        "xaxis.range": [0, width],
        "yaxis.range": [height, 0],
        "title.text": title,
    }


# ------------------------------------------------------------------------------ curves


def curve_figure(names: Sequence[str], title: str, x_title: str, y_title: str, width=470):
    """One line per name (the first blue, the second red) over the epochs."""
    styles = ({"color": QUIET, "width": 3}, {"color": FIRE, "width": 3})
    traces = [
        go.Scatter(x=[], y=[], mode="lines", name=name, line=style)
        for name, style in zip(names, styles, strict=False)
    ]
    return LightFigureWidget(
        data=traces,
        layout=base_layout(
            title={"text": title, "font": {"size": 14}},
            width=width,
            height=280,
            showlegend=len(names) > 1,
            legend={"orientation": "h", "y": -0.32},
            xaxis={"title": x_title, "rangemode": "tozero"},
            yaxis={"title": y_title},
            margin={"l": 60, "r": 20, "t": 40, "b": 45},
        ),
    )


def curve_data(*series: tuple[Sequence[float], Sequence[float]]) -> list[dict]:
    """Trace data for :func:`curve_figure`: one ``(x, y)`` per trace."""
    return [
        {"x": [round(float(v), 4) for v in xs], "y": finite_or_none(list(ys))} for xs, ys in series
    ]


# -------------------------------------------------------------------------- histograms


def histogram_figure(titles: Sequence[str], y_title: str, width: int = 470):
    """Two bar charts side by side: the weights W (trace 0) and their last update ΔW
    (trace 1), counts on a log scale (most weights are near 0)."""
    bars = [
        go.Bar(x=[], y=[], marker={"color": colour}, xaxis=xaxis, yaxis=yaxis, hoverinfo="x+y")
        for colour, xaxis, yaxis in ((QUIET, "x", "y"), (FIRE, "x2", "y2"))
    ]
    return LightFigureWidget(
        data=bars,
        layout=base_layout(
            width=width,
            height=280,
            bargap=0,
            xaxis={"domain": [0, 0.44], "exponentformat": "e", "nticks": 4},
            xaxis2={"domain": [0.56, 1], "exponentformat": "e", "nticks": 4},
            yaxis={"type": "log", "title": y_title},
            yaxis2={"type": "log", "anchor": "x2"},
            annotations=histogram_titles(titles),
            margin={"l": 60, "r": 15, "t": 60, "b": 40},
        ),
    )


def histogram_titles(titles: Sequence[str]) -> list[dict]:
    """The two charts' titles as annotations above each (sent whole when one changes)."""
    return [
        {
            "text": text,
            "x": x,
            "y": 1.03,
            "xref": "paper",
            "yref": "paper",
            "xanchor": "center",
            "yanchor": "bottom",
            "showarrow": False,
            "font": {"size": 13},
        }
        for text, x in zip(titles, (0.22, 0.78), strict=True)
    ]


def histogram_data(values: np.ndarray, bins: int = HIST_BINS) -> dict:
    """One bar trace's data: counts of the finite ``values`` in ``bins`` equal bins,
    symmetric around 0 (an empty trace when none is finite)."""
    values = np.asarray(values, dtype=np.float32).ravel()
    values = values[np.isfinite(values)]
    if values.size == 0:
        return {"x": [], "y": [], "width": None}
    edge = float(np.max(np.abs(values))) or 1e-6
    counts, edges = np.histogram(values, bins=bins, range=(-edge, edge))
    centres = (edges[:-1] + edges[1:]) / 2
    return {
        "x": [float(f"{c:.3g}") for c in centres],
        "y": [int(c) if c else None for c in counts],  # log axis: no bar for 0
        "width": float(edges[1] - edges[0]),
    }


def update_ratio(weights: np.ndarray, update: np.ndarray) -> float:
    """mean |ΔW| / mean |W| (Hinton's guide §5: about 10⁻³ is healthy); NaN if undefined."""
    w = float(np.mean(np.abs(weights)))
    dw = float(np.mean(np.abs(update)))
    return dw / w if w > 0 and math.isfinite(w) and math.isfinite(dw) else float("nan")


# ---------------------------------------------------------- hidden probabilities image


def hidden_figure(title: str, x_title: str, y_title: str, width: int = 470):
    """p(h = 1 | v) of a mini-batch as an image: rows are the examples, columns the units."""
    return LightFigureWidget(
        data=[],
        layout=base_layout(
            title={"text": title, "font": {"size": 14}},
            width=width,
            height=260,
            xaxis={"title": x_title, "showgrid": False, "zeroline": False, "range": [0, 1]},
            yaxis={"title": y_title, "showgrid": False, "zeroline": False, "range": [1, 0]},
            images=[_image(0, 0, 1, 1)],
            margin={"l": 60, "r": 15, "t": 40, "b": 45},
        ),
    )


def hidden_layout(probabilities: np.ndarray) -> dict:
    """The layout of :func:`hidden_figure` for ``probabilities`` (examples × units)."""
    probabilities = np.asarray(probabilities, dtype=np.float32)
    rows, units = probabilities.shape
    source = image_url(probabilities, HIDDEN_SCALE, 0.0, 1.0)
    return {
        "images": [_image(0, 0, units, rows, source)],
        "xaxis.range": [0, units],
        "yaxis.range": [rows, 0],
    }


# ---------------------------------------------------------------------- Gibbs sampling

H_LEFT = 28 + 6  # where the hidden units' square starts, in pixels of v


def hidden_square(n_hidden: int) -> int:
    """The side of the square the hidden units are drawn in (8 for 64 units)."""
    return mosaic_columns(n_hidden)


def gibbs_figure(v_title: str, h_title: str, size: int = 420):
    """v (28 × 28 probabilities, left) and h (the hidden units' states in a square, right,
    drawn as large as v), both layout images; the clamped part of v is framed by a shape."""
    titles = [
        {
            "text": text,
            "x": x + 14,
            "y": -1.5,
            "xref": "x",
            "yref": "y",
            "showarrow": False,
            "font": {"size": 14},
        }
        for text, x in ((v_title, 0), (h_title, H_LEFT))
    ]
    return LightFigureWidget(
        data=[],
        layout=base_layout(
            title={"text": "", "font": {"size": 15}},
            width=size,
            height=int(size * 32 / (H_LEFT + 28)) + 60,
            margin={"l": 8, "r": 8, "t": 40, "b": 8},
            xaxis=_hidden_axis(range=[0, H_LEFT + 28]),
            yaxis=_hidden_axis(range=[28, -4], scaleanchor="x"),
            images=[_image(0, 0, 28, 28), _image(H_LEFT, 0, 28, 28)],
            shapes=[_frame(0, 0, 28, 28), _frame(H_LEFT, 0, H_LEFT + 28, 28)],
            annotations=titles,
        ),
    )


CLAMP_BOXES = {  # the clamped half of a 28 × 28 image: rows, columns (x0, y0, x1, y1)
    "top": (0, 0, 28, 14),
    "bottom": (0, 14, 28, 28),
    "left": (0, 0, 14, 28),
    "right": (14, 0, 28, 28),
    "all": (0, 0, 28, 28),
}


def clamp_mask(where: str) -> np.ndarray | None:
    """The 784 visible units a clamp keeps fixed (True), or None for "none"."""
    if where == "none":
        return None
    x0, y0, x1, y1 = CLAMP_BOXES[where]
    mask = np.zeros((28, 28), dtype=bool)
    mask[y0:y1, x0:x1] = True
    return mask.reshape(784)


def gibbs_shapes(clamp: str) -> list[dict]:
    """The two frames, and the clamped part of v framed thick in orange."""
    shapes = [_frame(0, 0, 28, 28), _frame(H_LEFT, 0, H_LEFT + 28, 28)]
    if clamp in CLAMP_BOXES:
        x0, y0, x1, y1 = CLAMP_BOXES[clamp]
        shapes.append(_frame(x0 + 0.3, y0 + 0.3, x1 - 0.3, y1 - 0.3, CLAMP_COLOUR, 4))
    return shapes


def hidden_states_image(h: np.ndarray) -> np.ndarray:
    """The hidden units' values in a square (NaN where the square has no unit)."""
    h = np.asarray(h, dtype=np.float32).ravel()
    side = hidden_square(h.size)
    image = np.full(side * side, np.nan, dtype=np.float32)
    image[: h.size] = h
    return image.reshape(side, side)


def gibbs_layout(v_probs, h, clamp: str, title: str) -> dict:
    """The layout of :func:`gibbs_figure`: v's probabilities, h (None: not sampled yet),
    the clamp frame and the title."""
    v_source = image_url(np.asarray(v_probs, np.float32).reshape(28, 28), "Greys", 0.0, 1.0)
    h_source = "" if h is None else image_url(hidden_states_image(h), "Greys", 0.0, 1.0)
    return {
        "images": [_image(0, 0, 28, 28, v_source), _image(H_LEFT, 0, 28, 28, h_source)],
        "shapes": gibbs_shapes(clamp),
        "title.text": title,
    }


def strip_figure(title: str, count: int = STRIP, width: int = 470):
    """``count`` test digits in a row to click (an invisible heatmap, one cell a digit,
    catches the click; the digits are one layout image)."""
    catcher = go.Heatmap(
        x=[],
        y=[],
        z=[],
        opacity=0.01,
        showscale=False,
        hoverinfo="none",
        colorscale=[[0, "white"], [1, "white"]],
    )
    strip = count * (28 + GAP) - GAP
    return LightFigureWidget(
        data=[catcher],
        layout=base_layout(
            title={"text": title, "font": {"size": 13}},
            width=width,
            height=int(width * 28 / strip) + 45,
            margin={"l": 4, "r": 4, "t": 36, "b": 4},
            xaxis=_hidden_axis(range=[0, strip]),
            yaxis=_hidden_axis(range=[28, 0], scaleanchor="x"),
            images=[_image(0, 0, strip, 28)],
            hovermode="closest",
        ),
    )


def strip_data(images: np.ndarray, chosen: int | None) -> tuple[list[dict], dict]:
    """The strip's catcher (cell i = digit i) and its image, the chosen digit framed."""
    images = np.asarray(images, dtype=np.float32).reshape(-1, 28, 28)
    mosaic = tile_images(images, len(images))
    height, width = mosaic.shape
    step = 28 + GAP
    catcher = {
        "x": [i * step + 14 for i in range(len(images))],
        "y": [14],
        "z": [list(range(len(images)))],
    }
    shapes = []
    if chosen is not None and 0 <= chosen < len(images):
        x0 = chosen * step
        shapes.append(_frame(x0 - 0.5, -0.5, x0 + 28.5, 28.5, CLAMP_COLOUR, 3))
    layout = {
        "images": [_image(0, 0, width, height, image_url(mosaic, "Greys", 0.0, 1.0))],
        "shapes": shapes,
    }
    return [catcher], layout
