"""Lesson 13 (DBN) figures: the reconstruction error of each layer per epoch, what the
second layer's units respond to (a PNG strip: W₁·W₂ in colour, then the top test digits),
and the linear probe's accuracies as bars.

Each ``*_figure`` builds an empty FigureWidget once (user-facing strings come in as
arguments); each ``*_data``/``*_pixels`` function is pure (tests assert on it).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from ..figures.finite import finite_or_none
from ..figures.light import LightFigureWidget
from ..figures.png import data_url, diverging_rgb
from ..figures.style import COLOURS, FIRE, QUIET, base_layout

IMAGE = 28
GAP = 2
LAYER_COLOURS = (QUIET, FIRE)
BAR_COLOURS = (COLOURS["muted"], QUIET, FIRE, COLOURS["good"])


def curves_figure(title: str, x_title: str, y_title: str, names: Sequence[str]):
    """One line per layer (traces 0, 1): reconstruction error per visible unit, per epoch."""
    lines = [
        go.Scatter(x=[], y=[], mode="lines+markers", marker={"size": 6},
                   line={"color": colour, "width": 3}, name=name)
        for colour, name in zip(LAYER_COLOURS, names, strict=True)
    ]  # fmt: skip
    return LightFigureWidget(
        data=lines,
        layout=base_layout(
            title={"text": title, "font": {"size": 14}},
            xaxis={"title": x_title, "rangemode": "tozero", "dtick": 1},
            yaxis={"title": y_title, "rangemode": "tozero"},
            width=520,
            height=340,
            showlegend=True,
            legend={"orientation": "h", "y": -0.28},
        ),
    )


def curves_data(errors: Sequence[Sequence[float]], names: Sequence[str]) -> list[dict]:
    """``errors[layer]`` per epoch (epochs 1, 2, …), already divided by the visible units."""
    return [
        {"x": list(range(1, len(values) + 1)), "y": finite_or_none(values), "name": name}
        for values, name in zip(errors, names, strict=True)
    ]


# --------------------------------------------------------------- what units respond to


def selective_units(hidden: np.ndarray, count: int) -> np.ndarray:
    """Indices of the ``count`` units whose p(h) varies most over the rows (most selective),
    most selective first."""
    spread = np.asarray(hidden).std(axis=0)
    return np.argsort(-spread, kind="stable")[:count]


def top_rows(hidden: np.ndarray, units: Sequence[int], top: int) -> np.ndarray:
    """For each unit, the indices of the ``top`` rows exciting it most (highest first)."""
    hidden = np.asarray(hidden)
    return np.stack([np.argsort(-hidden[:, u], kind="stable")[:top] for u in units])


def projections(W1: np.ndarray, W2: np.ndarray, units: Sequence[int]) -> np.ndarray:
    """W₁·W₂[:, unit] for each unit, ``(len(units), 784)``, each scaled to max |·| = 1."""
    projected = np.asarray(W1, dtype=np.float64) @ np.asarray(W2, dtype=np.float64)[:, units]
    scale = np.maximum(np.abs(projected).max(axis=0), 1e-12)
    return (projected / scale).T


def _grey(images: np.ndarray) -> np.ndarray:
    level = np.round(255 * (1.0 - np.clip(images, 0.0, 1.0))).astype(np.uint8)
    return np.stack([level, level, level, np.full_like(level, 255)], axis=-1)


def units_pixels(projected: np.ndarray, digits: np.ndarray) -> np.ndarray:
    """RGBA strip, row 0 on top: per unit its projection (diverging colours) then its top
    digits ``digits[unit, j]`` (flat 784 each, ink dark on white); transparent gaps."""
    rows, top = digits.shape[0], digits.shape[1]
    size = IMAGE + GAP
    out = np.zeros((rows * size - GAP, (top + 1) * size - GAP, 4), dtype=np.uint8)
    for r in range(rows):
        tiles = [diverging_rgb(projected[r].reshape(IMAGE, IMAGE))]
        tiles += [_grey(d.reshape(IMAGE, IMAGE)) for d in digits[r]]
        for c, tile in enumerate(tiles):
            out[r * size : r * size + IMAGE, c * size : c * size + IMAGE] = tile
    return out


def units_figure(title: str, rows: int, columns: int, width: int = 620):
    """An empty strip of ``rows`` units × ``columns`` tiles, a label per row (y ticks)."""
    height_px, width_px = rows * (IMAGE + GAP) - GAP, columns * (IMAGE + GAP) - GAP
    hidden = {"showgrid": False, "zeroline": False, "showline": False, "ticks": ""}
    centres = [i * (IMAGE + GAP) + (IMAGE - 1) / 2 for i in range(rows)]
    layout = base_layout(
        title={"text": title, "font": {"size": 14}},
        width=width,
        height=60 + rows * 62,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        xaxis={**hidden, "showticklabels": False, "range": [-0.5, width_px - 0.5],
               "constrain": "domain"},
        yaxis={**hidden, "range": [height_px - 0.5, -0.5], "scaleanchor": "x",
               "constrain": "domain", "automargin": True, "tickmode": "array",
               "tickvals": centres, "ticktext": [""] * rows, "tickfont": {"size": 13}},
        images=[{"source": "", "xref": "x", "yref": "y", "x": -0.5, "y": -0.5,
                 "sizex": width_px, "sizey": height_px, "sizing": "stretch",
                 "xanchor": "left", "yanchor": "top", "layer": "below"}],
    )  # fmt: skip
    return LightFigureWidget(data=[], layout=layout)


def units_source(pixels: np.ndarray) -> str:
    return data_url(pixels[::-1])


# ------------------------------------------------------------------------ the probe


def probe_figure(title: str, y_title: str, names: Sequence[str]):
    """One bar per classifier input (trace 0), its accuracy written on it."""
    return LightFigureWidget(
        data=[go.Bar(x=list(names), y=[None] * len(names), text=[""] * len(names),
                     textposition="outside", marker={"color": list(BAR_COLOURS[: len(names)])},
                     hovertemplate="%{x}: %{y:.1%}<extra></extra>")],
        layout=base_layout(
            title={"text": title, "font": {"size": 14}},
            yaxis={"title": y_title, "range": [0.8, 1.0], "tickformat": ".0%"},
            width=520,
            height=340,
        ),
    )  # fmt: skip


def probe_data(accuracies: Sequence[float | None], texts: Sequence[str]) -> tuple[list, dict]:
    """Bar heights (None: not measured yet), their labels, and a y range that shows them."""
    known = [a for a in accuracies if a is not None]
    low = min([0.8, *(a - 0.05 for a in known)])
    return [{"y": list(accuracies), "text": list(texts)}], {"yaxis.range": [max(low, 0), 1.0]}
