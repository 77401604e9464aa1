"""Lesson 12 (denoising and PCA) figures: the two models' validation curves, strips of
digits (clean / noisy / reconstructed rows), and the 2-D codes of PCA-2 and the linear
autoencoder side by side.

Each ``*_figure`` builds an empty FigureWidget once (user-facing strings come in as
arguments); each ``*_data`` or ``strip_*`` function is pure (tests assert on it). A strip
of digits is ONE PNG layout image (see :mod:`widgets.figures.png`): a new noise level
changes an image source and the row labels (y-axis tick labels), not a heatmap trace.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..figures.finite import finite_or_none
from ..figures.light import LightFigureWidget
from ..figures.live import updating
from ..figures.png import image_url
from ..figures.style import FIRE, LINE, QUIET, base_layout

MODELS = ("plain", "denoising")
COLOURS = {"plain": QUIET, "denoising": FIRE}
# One colour per digit class (plotly's D3 palette): the same in both scatters.
CLASS_COLOURS = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
)  # fmt: skip
IMAGE = 28
GAP = 2  # transparent pixels between digits


# ---------------------------------------------------------------------------- curves


def curves_figure(names: Mapping[str, str], title: str, x_title: str, y_title: str):
    """One line per model (traces 0, 1 in :data:`MODELS` order) and the error of the
    noisy input itself (trace 2, dashed)."""
    lines = [
        go.Scatter(
            x=[],
            y=[],
            mode="lines+markers",
            marker={"size": 6},
            line={"color": COLOURS[name], "width": 3},
            name=names[name],
        )
        for name in MODELS
    ]
    noisy = go.Scatter(
        x=[], y=[], mode="lines", line={"color": LINE, "dash": "dash", "width": 2}, name=""
    )
    return LightFigureWidget(
        data=[*lines, noisy],
        layout=base_layout(
            title={"text": title, "font": {"size": 14}},
            xaxis={"title": x_title, "rangemode": "tozero"},
            yaxis={"title": y_title, "rangemode": "tozero"},
            width=560,
            height=360,
            showlegend=True,
            legend={"orientation": "h", "y": -0.25},
        ),
    )


def curves_data(losses: Mapping[str, Sequence[float]], noisy_mse: float, noisy_name: str):
    """Trace data for :func:`curves_figure`: ``losses[model]`` is the MSE after epochs
    1, 2, …; the noise line spans the epochs drawn (at least 0 to 1)."""
    data = []
    for name in MODELS:
        values = list(losses.get(name, ()))
        data.append({"x": list(range(1, len(values) + 1)), "y": finite_or_none(values)})
    end = max([len(values) for values in losses.values()] + [1])
    data.append({"x": [0, end], "y": [noisy_mse, noisy_mse], "name": noisy_name})
    return data


def epoch_ticks(epochs: int) -> dict:
    """Whole epochs on the x axis: every one up to 15, then every 5th."""
    return {"xaxis.tick0": 0, "xaxis.dtick": 1 if epochs <= 15 else 5}


# ---------------------------------------------------------------------------- strips


def strip_pixels(rows: Sequence[np.ndarray]) -> np.ndarray:
    """Rows of flat digits ``(n, 784)`` each, tiled into one array (NaN gaps), row 0 on top."""
    rows = [np.clip(np.asarray(r, dtype=np.float32).reshape(-1, IMAGE, IMAGE), 0, 1) for r in rows]
    n = max(len(r) for r in rows)
    size = IMAGE + GAP
    out = np.full((len(rows) * size - GAP, n * size - GAP), np.nan, dtype=np.float32)
    for i, digits in enumerate(rows):
        for j, digit in enumerate(digits):
            out[i * size : i * size + IMAGE, j * size : j * size + IMAGE] = digit
    return out


def row_centres(count: int) -> list[float]:
    """The y of each strip row's middle, in pixels (the tick positions of its labels)."""
    return [i * (IMAGE + GAP) + (IMAGE - 1) / 2 for i in range(count)]


def strip_figure(title: str, rows: int, digits: int, width: int = 620):
    """An empty strip of ``rows`` × ``digits`` digits with a label per row (y ticks)."""
    height_px, width_px = rows * (IMAGE + GAP) - GAP, digits * (IMAGE + GAP) - GAP
    hidden = {"showgrid": False, "zeroline": False, "showline": False, "ticks": ""}
    layout = base_layout(
        title={"text": title, "font": {"size": 14}},
        width=width,
        height=60 + rows * 56,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        xaxis={**hidden, "showticklabels": False, "range": [-0.5, width_px - 0.5],
               "constrain": "domain"},
        yaxis={**hidden, "range": [height_px - 0.5, -0.5], "scaleanchor": "x",
               "constrain": "domain", "automargin": True, "tickmode": "array",
               "tickvals": row_centres(rows), "ticktext": [""] * rows,
               "tickfont": {"size": 13}},
        images=[{"source": "", "xref": "x", "yref": "y", "x": -0.5, "y": -0.5,
                 "sizex": width_px, "sizey": height_px, "sizing": "stretch",
                 "xanchor": "left", "yanchor": "top", "layer": "below"}],
    )  # fmt: skip
    return LightFigureWidget(data=[], layout=layout)


def strip_source(rows: Sequence[np.ndarray]) -> str:
    """The strip's PNG (ink dark on white, as on paper) as a data URL."""
    return image_url(strip_pixels(rows), "Greys", 0.0, 1.0)


def draw_strip(figure, rows: Sequence[np.ndarray], labels: Sequence[str]) -> None:
    """Write the strip's image and row labels in one message (only what changed)."""
    source = strip_source(rows)
    with updating(figure):
        image = figure.layout.images[0]
        if image.source != source:
            figure.layout.images = [{**image.to_plotly_json(), "source": source}]
        if list(figure.layout.yaxis.ticktext or ()) != list(labels):
            figure.layout.yaxis.ticktext = list(labels)


# ----------------------------------------------------------------- codes: PCA and AE


def codes_figure(titles: Sequence[str], axis_titles: Sequence[str], class_names: Sequence[str]):
    """Two scatters side by side, PCA-2's codes (traces 0–9, one per digit) and the
    linear autoencoder's (traces 10–19); a legend entry per digit toggles both."""
    figure = make_subplots(rows=1, cols=2, subplot_titles=list(titles), horizontal_spacing=0.1)
    for col in (1, 2):
        for digit in range(10):
            figure.add_trace(
                go.Scattergl(
                    x=[],
                    y=[],
                    mode="markers",
                    marker={"size": 4, "color": CLASS_COLOURS[digit], "opacity": 0.7},
                    name=str(digit),
                    legendgroup=str(digit),
                    showlegend=col == 1,
                    hovertemplate=f"{class_names[digit]}<extra></extra>",
                ),
                row=1,
                col=col,
            )
        figure.update_xaxes(title_text=axis_titles[0], row=1, col=col)
        figure.update_yaxes(title_text=axis_titles[1], row=1, col=col)
    figure.update_layout(
        base_layout(
            width=900,
            height=420,
            showlegend=True,
            legend={"orientation": "h", "y": -0.22, "itemsizing": "constant"},
        )
    )
    figure.update_annotations(font={"size": 14})
    return LightFigureWidget(figure)


def codes_data(codes: np.ndarray | None, labels: np.ndarray) -> list[dict]:
    """Ten traces' data: the codes ``(n, 2)`` of each digit class (empty if ``codes`` is None)."""
    data = []
    for digit in range(10):
        if codes is None:
            data.append({"x": [], "y": []})
            continue
        chosen = np.asarray(codes)[np.asarray(labels) == digit]
        data.append({"x": chosen[:, 0].round(4).tolist(), "y": chosen[:, 1].round(4).tolist()})
    return data
