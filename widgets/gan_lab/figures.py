"""Lesson 14 figures: GAN Lab's one plane (D's heatmap, G's manifold, real and fake
samples, the gradient arrows, the drawn points) and two small charts of the training
(both losses, D's mean verdict on data and on fakes).

Each ``*_figure`` builds an empty FigureWidget once (its words come in as arguments); each
``*_data`` is pure (tests assert on it) and is written in with
:func:`widgets.figures.live.update_traces`. Lines and arrows are one trace each, their
segments separated by NaN (sent as gaps): the page redraws six traces a frame, whatever
the number of lines.

D's verdict is painted as a layout image (:func:`heat_image`, one pixel a cell, the
heatmap's colours); the heatmap trace above it is transparent and only gives the colour
bar, the hover values and a surface for clicks. While the game plays, the dashboard moves
the points and lines with ``Plotly.animate`` (no redraw of axes, legend and colour bar)
and swaps the image's source, which plotly redraws alone; new ``z`` would make plotly.js
redraw the whole plot at every frame (about 100 ms of the page's time a frame, measured in
headless Chromium; see ``widgets/gan_lab/dashboard.py``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from ..figures.light import LightFigureWidget
from ..figures.png import data_url, scale_rgb
from ..figures.style import LINE, base_layout

REAL = "#2ca02c"  # GAN Lab's green for the data
FAKE = "#8e44ad"  # and purple for the generator's samples
ARROW = "#4a235a"
MANIFOLD = "rgba(90, 90, 90, 0.45)"
HEAT_SCALE = [[0.0, "#c39bd3"], [0.5, "#ffffff"], [1.0, "#82e0aa"]]
PLANE = (-3.0, 3.0)  # both axes
HEAT_CELLS = 31
HEAT_HOVER = "x₁ %{x:.2f}, x₂ %{y:.2f}<br>D(x) = %{z:.2f}<extra></extra>"
HEAT_HOVER_PLAYING = "x₁ %{x:.2f}, x₂ %{y:.2f}<extra></extra>"  # z is not sent then
ARROW_LENGTH = 0.45  # the longest arrow, in plane units
# Trace indices of the plane.
HEAT, MANIFOLD_LINES, REAL_DOTS, FAKE_DOTS, ARROWS, DRAWN = range(6)
TRACES = ("heatmap", "manifold", "real", "fake", "arrows", "drawn")
POINT_TRACES = (MANIFOLD_LINES, REAL_DOTS, FAKE_DOTS, ARROWS, DRAWN)  # scatter traces


def plane_figure(words: Mapping[str, str]) -> LightFigureWidget:
    """The game's plane. ``words``: title, heat_title, manifold, real, fake, arrows, drawn."""

    def dots(name, colour, size, opacity, symbol="circle"):
        return go.Scatter(
            x=[], y=[], mode="markers", name=name, hoverinfo="skip",
            marker={"color": colour, "size": size, "opacity": opacity, "symbol": symbol},
        )  # fmt: skip

    heat = go.Heatmap(
        x=[], y=[], z=[], zmin=0.0, zmax=1.0, colorscale=HEAT_SCALE, name=words["heat_title"],
        # "fast": plotly paints one pixel a cell and the browser scales the image, instead
        # of painting the plot's every pixel and encoding that PNG at every frame.
        zsmooth="fast",
        colorbar={"title": {"text": words["heat_title"]}, "len": 0.6, "thickness": 12},
        hovertemplate=HEAT_HOVER,
        opacity=0.0,  # the colours are the layout image's (heat_image)
    )  # fmt: skip
    manifold = go.Scatter(
        x=[], y=[], mode="lines", name=words["manifold"], hoverinfo="skip",
        line={"color": MANIFOLD, "width": 1},
    )  # fmt: skip
    arrows = go.Scatter(
        x=[], y=[], mode="lines", name=words["arrows"], hoverinfo="skip",
        line={"color": ARROW, "width": 1.5},
    )  # fmt: skip
    traces = [
        heat,
        manifold,
        dots(words["real"], REAL, 5, 0.55),
        dots(words["fake"], FAKE, 6, 0.85),
        arrows,
        dots(words["drawn"], LINE, 10, 1.0, symbol="x"),
    ]
    axis = {"range": list(PLANE), "zeroline": False, "showgrid": False, "constrain": "domain"}
    return LightFigureWidget(
        data=traces,
        layout=base_layout(
            title={"text": words["title"], "font": {"size": 15}},
            width=600,
            height=630,
            showlegend=True,
            # Below the axis title, inside a bottom margin kept for two rows of entries: a
            # show checkbox changes the entries with a legend-only redraw, which does not
            # move the plot, so the legend must never need more room (and at y −0.08 it
            # hid the x₁ ticks).
            legend={
                "orientation": "h",
                "x": 0,
                "y": -0.12,
                "yanchor": "top",
                "itemsizing": "constant",
            },  # fmt: skip
            xaxis={**axis, "title": "x₁"},
            yaxis={**axis, "title": "x₂", "scaleanchor": "x", "scaleratio": 1},
            hovermode="closest",
            margin={"l": 50, "r": 10, "t": 40, "b": 110},
            images=[heat_image(None, False)],
        ),
    )


def heat_grid(n: int = HEAT_CELLS) -> tuple[np.ndarray, np.ndarray]:
    """The heatmap's cell centres along x and y."""
    ticks = np.linspace(*PLANE, n)
    return ticks, ticks


def heat_pixels(heat) -> np.ndarray:
    """D's verdict (values in [0, 1], NaN transparent) as RGBA pixels, row 0 at the bottom."""
    return scale_rgb(heat, tuple(map(tuple, HEAT_SCALE)), 0.0, 1.0)


def heat_image(heat, visible: bool) -> dict:
    """The layout image that paints D's verdict ``heat`` (an ``n``×``n`` grid as
    :func:`heat_grid`'s cells, y rising with the row) over the plane, one pixel a cell."""
    n = HEAT_CELLS if heat is None else len(heat)
    ticks = heat_grid(n)[0]
    half = (ticks[1] - ticks[0]) / 2 if n > 1 else 0.5
    source = "" if heat is None else data_url(heat_pixels(heat))
    return {
        "source": source, "xref": "x", "yref": "y", "x": float(ticks[0] - half),
        "y": float(ticks[-1] + half), "sizex": float(ticks[-1] - ticks[0] + 2 * half),
        "sizey": float(ticks[-1] - ticks[0] + 2 * half), "sizing": "stretch",
        "xanchor": "left", "yanchor": "top", "layer": "below",
        "visible": bool(visible and heat is not None),
    }  # fmt: skip


def polyline(lines: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Several lines ``(points, 2)`` as one x and one y array, NaN between lines."""
    if not lines:
        return np.array([]), np.array([])
    gap = np.full((1, 2), np.nan)
    joined = np.concatenate([part for line in lines for part in (np.asarray(line), gap)])
    return joined[:, 0], joined[:, 1]


def arrow_segments(starts: np.ndarray, vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Segments from ``starts`` along ``vectors`` (scaled so the longest is
    :data:`ARROW_LENGTH`), as one x and y array with NaN gaps."""
    starts = np.asarray(starts, dtype=np.float64).reshape(-1, 2)
    vectors = np.asarray(vectors, dtype=np.float64).reshape(-1, 2)
    if len(starts) == 0:
        return np.array([]), np.array([])
    lengths = np.linalg.norm(vectors, axis=1)
    longest = np.nanmax(lengths) if np.isfinite(lengths).any() else 0.0
    scale = ARROW_LENGTH / longest if longest > 0 else 0.0
    ends = starts + scale * vectors
    segments = np.stack([starts, ends, np.full_like(starts, np.nan)], axis=1).reshape(-1, 2)
    return segments[:, 0], segments[:, 1]


def plane_data(
    heat: np.ndarray | None,
    manifold: Sequence[np.ndarray],
    real: np.ndarray,
    fakes: np.ndarray,
    arrows: tuple[np.ndarray, np.ndarray],
    drawn: np.ndarray,
    shown: Mapping[str, bool],
) -> list[dict]:
    """Every trace's values; ``shown[name]`` (names in :data:`TRACES`) hides a layer.

    The heatmap trace is hidden with ``visible``. A hidden layer of points or lines keeps
    ``visible`` and gets no points and no legend entry instead: a change of ``visible``
    makes plotly.js compute and redraw the whole plot (43–50 ms of the page's main thread
    after a show checkbox, issue 24), while new points go out as ``Plotly.animate``
    without a redraw and ``showlegend`` redraws the legend alone (editType "style").
    """
    data: list[dict] = [{} for _ in TRACES]
    if heat is not None:
        xs, ys = heat_grid(len(heat))
        data[HEAT] = {"x": xs, "y": ys, "z": np.asarray(heat, dtype=np.float64)}
    data[HEAT]["visible"] = bool(shown.get("heatmap", True))
    mx, my = polyline(manifold)
    data[MANIFOLD_LINES] = {"x": mx, "y": my}
    data[REAL_DOTS] = _xy(real)
    data[FAKE_DOTS] = _xy(fakes)
    data[ARROWS] = {"x": arrows[0], "y": arrows[1]}
    data[DRAWN] = _xy(drawn)
    for index in POINT_TRACES:
        showing = bool(shown.get(TRACES[index], True))
        if not showing:
            data[index] = {"x": np.array([]), "y": np.array([])}
        data[index]["showlegend"] = showing
    return data


def _xy(points) -> dict:
    points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    return {"x": points[:, 0], "y": points[:, 1]}


# ---------------------------------------------------------------------- the charts


def curves_figure(title: str, names: Sequence[str], colours: Sequence[str], x_title: str):
    """A small chart of ``len(names)`` curves over the training steps."""
    traces = [
        go.Scatter(x=[], y=[], mode="lines", name=name, line={"color": colour, "width": 2})
        for name, colour in zip(names, colours, strict=True)
    ]
    return LightFigureWidget(
        data=traces,
        layout=base_layout(
            title={"text": title, "font": {"size": 14}},
            width=460,
            height=300,
            showlegend=True,
            legend={"orientation": "h", "y": -0.3},
            xaxis={"title": x_title, "rangemode": "tozero"},
            margin={"l": 50, "r": 15, "t": 40, "b": 40},
        ),
    )


def loss_figure(words: Mapping[str, str]) -> LightFigureWidget:
    names = (words["d_loss"], words["g_loss"])
    return curves_figure(words["loss_title"], names, (REAL, FAKE), words["step_axis"])


def verdict_figure(words: Mapping[str, str]) -> LightFigureWidget:
    names = (words["d_real"], words["d_fake"])
    figure = curves_figure(words["d_title"], names, (REAL, FAKE), words["step_axis"])
    figure.layout.yaxis.range = [-0.02, 1.02]
    return figure


def equilibrium_lines(values: Sequence[float], label: str) -> tuple[list[dict], list[dict]]:
    """Dashed horizontal lines at ``values`` (the equilibrium), and their labels."""
    shapes = [
        {
            "type": "line",
            "xref": "paper",
            "x0": 0,
            "x1": 1,
            "yref": "y",
            "y0": v,
            "y1": v,
            "line": {"color": LINE, "width": 1, "dash": "dash"},
        }  # fmt: skip
        for v in values
    ]
    notes = [
        {
            "xref": "paper",
            "x": 1,
            "xanchor": "right",
            "yref": "y",
            "y": v,
            "yanchor": "bottom",
            "text": label,
            "showarrow": False,
            "font": {"size": 11},
        }  # fmt: skip
        for v in values[:1]
    ]
    return shapes, notes


def equilibrium(loss: str) -> tuple[float, float]:
    """(D's loss, G's loss) when D(x) = ½ everywhere."""
    if loss == "log":
        return 2 * math.log(2), math.log(2)
    return 0.25, 0.125


def curve_data(steps: Sequence[float], *series: Sequence[float]) -> list[dict]:
    x = np.asarray(steps, dtype=np.float64)
    return [{"x": x, "y": np.asarray(values, dtype=np.float64)} for values in series]
