"""Lesson 13 (bars and stripes) figures: the exact log-likelihood per epoch, the model's
p(v) of each valid pattern (the patterns drawn under their bars), and 16 Gibbs samples
framed green (valid) or red (invalid).

Each ``*_figure`` builds an empty FigureWidget once (user-facing strings come in as
arguments); each ``*_data``/``*_pixels`` function is pure (tests assert on it). Patterns
and samples are small PNG layout images (:mod:`widgets.figures.png`): 4×4 pixels each,
drawn with square pixels (the page's ``dl-sharp-images`` class).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from ..figures.finite import finite_or_none
from ..figures.light import LightFigureWidget
from ..figures.png import data_url
from ..figures.style import COLOURS, FIRE, LINE, QUIET, base_layout

SIDE = 4  # the patterns are 4×4
BORDER_GREY = 170  # the frame of a pattern under its bar (an empty pattern stays visible)
SAMPLE_COLUMNS = 8
GAP = 2  # transparent pixels between framed samples


def _rgba(grey: np.ndarray) -> np.ndarray:
    """Values in [0, 1] (1 = on = black) as RGBA pixels, ink dark on white."""
    level = np.round(255 * (1.0 - np.clip(grey, 0.0, 1.0))).astype(np.uint8)
    return np.stack([level, level, level, np.full_like(level, 255)], axis=-1)


def _hex(colour: str) -> list[int]:
    return [int(colour[i : i + 2], 16) for i in (1, 3, 5)] + [255]


def framed(pattern: np.ndarray, colour: Sequence[int]) -> np.ndarray:
    """One 4×4 pattern as ``(6, 6, 4)`` RGBA pixels inside a one-pixel frame of ``colour``."""
    out = np.zeros((SIDE + 2, SIDE + 2, 4), dtype=np.uint8)
    out[:, :] = colour
    out[1:-1, 1:-1] = _rgba(np.asarray(pattern, dtype=np.float32).reshape(SIDE, SIDE))
    return out


def pattern_source(pattern: np.ndarray) -> str:
    """The PNG data URL of one pattern in a grey frame (row 0 on top)."""
    return data_url(framed(pattern, [BORDER_GREY] * 3 + [255])[::-1])


# ------------------------------------------------------------------- log-likelihood


def likelihood_figure(
    title: str, x_title: str, y_title: str, names: Sequence[str]
) -> go.FigureWidget:
    """The model's exact mean log p(v) per epoch (trace 0), the bound −log 30 (trace 1,
    dashed) and the uniform start −16 log 2 (trace 2, dotted)."""
    model = go.Scatter(x=[], y=[], mode="lines+markers", marker={"size": 5},
                       line={"color": QUIET, "width": 3}, name=names[0])  # fmt: skip
    bound = go.Scatter(x=[], y=[], mode="lines", name=names[1],
                       line={"color": COLOURS["good"], "dash": "dash", "width": 2})  # fmt: skip
    uniform = go.Scatter(x=[], y=[], mode="lines", name=names[2],
                         line={"color": LINE, "dash": "dot", "width": 2})  # fmt: skip
    return LightFigureWidget(
        data=[model, bound, uniform],
        layout=base_layout(
            title={"text": title, "font": {"size": 14}},
            xaxis={"title": x_title, "rangemode": "tozero"},
            yaxis={"title": y_title},
            width=560,
            height=360,
            showlegend=True,
            legend={"orientation": "h", "y": -0.25},
        ),
    )


def likelihood_data(values: Sequence[float], bound: float, uniform: float) -> list[dict]:
    """Trace data: ``values[i]`` is the log-likelihood after epoch i (0 = before any)."""
    end = max(len(values) - 1, 1)
    return [
        {"x": list(range(len(values))), "y": finite_or_none(values)},
        {"x": [0, end], "y": [bound, bound]},
        {"x": [0, end], "y": [uniform, uniform]},
    ]


# --------------------------------------------------------------------- p(v) as bars


def distribution_figure(
    patterns: np.ndarray, y_title: str, true_name: str, hover: Sequence[str]
) -> go.FigureWidget:
    """A bar per valid pattern (trace 0: the model's p(v)), the true 1/30 (trace 1, dashed)
    and each pattern drawn under its bar (layout images)."""
    count = len(patterns)
    images = [
        {"source": pattern_source(p), "xref": "x", "yref": "paper", "x": i + 1, "y": -0.03,
         "sizex": 0.85, "sizey": 0.13, "xanchor": "center", "yanchor": "top",
         "sizing": "contain", "layer": "above"}
        for i, p in enumerate(patterns)
    ]  # fmt: skip
    bars = go.Bar(x=list(range(1, count + 1)), y=[0.0] * count, marker={"color": QUIET},
                  hovertext=list(hover), hovertemplate="%{hovertext}: %{y:.4f}<extra></extra>",
                  name="p(v)")  # fmt: skip
    true = go.Scatter(x=[0.5, count + 0.5], y=[1 / count] * 2, mode="lines", name=true_name,
                      line={"color": FIRE, "dash": "dash", "width": 2})  # fmt: skip
    return LightFigureWidget(
        data=[bars, true],
        layout=base_layout(
            title={"text": "", "font": {"size": 14}},
            xaxis={"showticklabels": False, "range": [0.4, count + 0.6], "showgrid": False},
            yaxis={"title": y_title, "rangemode": "tozero"},
            images=images,
            width=760,
            height=380,
            margin={"l": 60, "r": 20, "t": 70, "b": 70},
            showlegend=True,
            legend={"orientation": "h", "x": 1, "xanchor": "right", "y": 1.0,
                    "yanchor": "top", "bgcolor": "rgba(255, 255, 255, 0.8)"},
            bargap=0.25,
        ),
    )  # fmt: skip


def distribution_data(probabilities: np.ndarray) -> tuple[list[dict], dict]:
    """Trace data and the y range (at least up to twice the true 1/30)."""
    p = np.asarray(probabilities, dtype=float)
    top = max(float(np.max(p)) if p.size else 0.0, 2.0 / max(len(p), 1)) * 1.08
    return [{"y": finite_or_none(p.round(6))}, {}], {"yaxis.range": [0, top]}


# ------------------------------------------------------------------------- samples


def samples_pixels(samples: np.ndarray | None, valid: Sequence[bool]) -> np.ndarray:
    """16 samples in 2 rows of 8, each framed green (valid) or red (invalid), RGBA with
    transparent gaps, row 0 on top. ``None``: empty grey frames."""
    size = SIDE + 2
    rows = 2
    out = np.zeros((rows * (size + GAP) - GAP, SAMPLE_COLUMNS * (size + GAP) - GAP, 4), np.uint8)
    grey = [BORDER_GREY] * 3 + [255]
    for i in range(rows * SAMPLE_COLUMNS):
        r, c = divmod(i, SAMPLE_COLUMNS)
        if samples is None:
            tile = framed(np.zeros(SIDE * SIDE), grey)
        else:
            colour = _hex(COLOURS["good"] if valid[i] else COLOURS["bad"])
            tile = framed(samples[i], colour)
        top, left = r * (size + GAP), c * (size + GAP)
        out[top : top + size, left : left + size] = tile
    return out


def samples_figure(title: str) -> go.FigureWidget:
    """One PNG layout image of 16 framed samples."""
    height_px = 2 * (SIDE + 2 + GAP) - GAP
    width_px = SAMPLE_COLUMNS * (SIDE + 2 + GAP) - GAP
    hidden = {"visible": False, "showgrid": False, "zeroline": False}
    return LightFigureWidget(
        data=[],
        layout=base_layout(
            title={"text": title, "font": {"size": 14}},
            width=560,
            height=200,
            margin={"l": 10, "r": 10, "t": 40, "b": 10},
            xaxis={**hidden, "range": [0, width_px], "constrain": "domain"},
            yaxis={**hidden, "range": [height_px, 0], "scaleanchor": "x",
                   "constrain": "domain"},
            images=[{"source": "", "xref": "x", "yref": "y", "x": 0, "y": 0,
                     "sizex": width_px, "sizey": height_px, "sizing": "stretch",
                     "xanchor": "left", "yanchor": "top", "layer": "below"}],
        ),
    )  # fmt: skip


def samples_source(samples: np.ndarray | None, valid: Sequence[bool]) -> str:
    return data_url(samples_pixels(samples, valid)[::-1])
