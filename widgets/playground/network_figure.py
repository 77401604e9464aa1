"""The network drawn as TensorFlow Playground draws it: a column of tiles per layer (each
tile is that neuron's output over the input plane) and a line per link whose colour is the
sign and whose width is the size of its weight. Click a tile to enlarge that neuron; click
the dot in the middle of a link to edit its weight.

Cheap to redraw while training, whatever the network's size: all tiles are one PNG layout
image (see :mod:`.png`), and the links are ``2 × len(WIDTHS)`` line traces, one per sign
and width class, each a numpy array of segments separated by NaN (the serializer sends
arrays as binary buffers). One trace or one layout shape per link made plotly.py's
validation of ~90 objects the largest cost of a frame. Traces: ``TILES`` (invisible
markers on the tiles, for clicks), ``DOTS`` (the links' dots), ``SELECTED`` (a ring),
then the link groups from ``FIRST_LINK`` on.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from ..figures.light import LightFigureWidget
from ..figures.png import data_url, diverging_rgb
from ..figures.style import base_layout
from .neurons import NEGATIVE, POSITIVE, THUMB_PIXELS

THUMB = 10  # a tile's side in plot units
PIXELS = THUMB_PIXELS // THUMB  # image pixels per plot unit
GAP_X = 2.6 * THUMB  # horizontal space for the links between columns
GAP_Y = 0.4 * THUMB
WIDTHS = (0.6, 1.4, 2.4, 3.6, 5.0)  # line widths (px), by |w| relative to the largest
TILES, DOTS, SELECTED, FIRST_LINK = range(4)


@dataclass
class Geometry:
    """Where each tile sits: ``origins[c][r]`` = (x, y) of its lower-left corner."""

    sizes: list[int]  # neurons per column (inputs, hidden layers, outputs)
    origins: list[list[tuple[float, float]]]
    height: float

    @property
    def width(self) -> float:
        return len(self.sizes) * (THUMB + GAP_X) - GAP_X

    def link_ends(self, layer: int, source: int, target: int) -> tuple[float, ...]:
        """(x0, y0, x1, y1): right edge of the source tile to left edge of the target."""
        x0, y0 = self.origins[layer][source]
        x1, y1 = self.origins[layer + 1][target]
        return x0 + THUMB, y0 + THUMB / 2, x1, y1 + THUMB / 2

    def links(self) -> list[tuple[int, int, int]]:
        """Every link as (layer, source, target), in trace order."""
        return [
            (layer, i, j)
            for layer in range(len(self.sizes) - 1)
            for i in range(self.sizes[layer])
            for j in range(self.sizes[layer + 1])
        ]

    def tile_at(self, x: float, y: float) -> tuple[int, int] | None:
        """The (column, row) of the tile under a point, or None."""
        for column, origins in enumerate(self.origins):
            for row, (x0, y0) in enumerate(origins):
                if x0 <= x <= x0 + THUMB and y0 <= y <= y0 + THUMB:
                    return column, row
        return None


def geometry(sizes: list[int]) -> Geometry:
    """Columns centred vertically on the tallest one, on whole image pixels."""
    tallest = max(sizes)
    height = tallest * THUMB + (tallest - 1) * GAP_Y
    origins = []
    for column, n in enumerate(sizes):
        top = (height + n * THUMB + (n - 1) * GAP_Y) / 2
        x = column * (THUMB + GAP_X)
        origins.append(
            [(x, round((top - (r + 1) * THUMB - r * GAP_Y) * PIXELS) / PIXELS) for r in range(n)]
        )
    return Geometry(list(sizes), origins, height)


def network_figure() -> go.FigureWidget:
    """The empty figure; :func:`links_data` and the other ``*_data`` fill it."""
    return LightFigureWidget(
        data=[
            go.Scatter(
                x=[],
                y=[],
                mode="markers",
                hoverinfo="none",
                marker={"size": 24, "symbol": "square", "color": "rgba(0,0,0,0)"},
            ),
            go.Scatter(
                x=[],
                y=[],
                mode="markers",
                hovertemplate="%{text}<extra></extra>",
                text=[],
                marker={"size": 7, "color": "rgba(80,80,80,0.35)"},
            ),
            go.Scatter(
                x=[],
                y=[],
                mode="markers",
                hoverinfo="skip",
                marker={"size": 13, "symbol": "circle-open", "color": "#111", "line": {"width": 2}},
            ),
            *(
                go.Scatter(
                    x=[],
                    y=[],
                    mode="lines",
                    hoverinfo="skip",
                    line={"color": colour, "width": width},
                )  # fmt: skip
                for colour in (NEGATIVE, POSITIVE)
                for width in WIDTHS
            ),
        ],
        layout=base_layout(
            width=620,
            height=440,
            margin={"l": 10, "r": 10, "t": 30, "b": 10},
            xaxis={"visible": False},
            yaxis={"visible": False, "scaleanchor": "x"},
            hovermode="closest",
            images=[{"source": "", "xref": "x", "yref": "y", "layer": "below"}],
        ),
    )


def links_data(geo: Geometry, kernels: list[np.ndarray]) -> list[dict]:
    """The link groups' traces (negative widths, then positive), in figure order."""
    ends = np.array([geo.link_ends(*link) for link in geo.links()]).reshape(-1, 4)
    weights = np.concatenate([np.asarray(k).ravel() for k in kernels])
    largest = float(np.max(np.abs(weights))) or 1.0
    width_class = np.minimum((np.abs(weights) / largest * len(WIDTHS)).astype(int), len(WIDTHS) - 1)
    traces = []
    for positive in (False, True):
        for width in range(len(WIDTHS)):
            chosen = ends[((weights >= 0) == positive) & (width_class == width)]
            gap = np.full(len(chosen), np.nan)
            traces.append(
                {
                    "x": np.column_stack([chosen[:, 0], chosen[:, 2], gap]).ravel(),
                    "y": np.column_stack([chosen[:, 1], chosen[:, 3], gap]).ravel(),
                }
            )
    return traces


def tile_markers(geo: Geometry) -> dict:
    """The invisible markers at the tiles' centres (clicks) with (column, row) each."""
    centres = [
        (x + THUMB / 2, y + THUMB / 2, (c, r))
        for c, origins in enumerate(geo.origins)
        for r, (x, y) in enumerate(origins)
    ]
    xs, ys, custom = zip(*centres, strict=True)
    return {"x": list(xs), "y": list(ys), "customdata": [list(c) for c in custom]}


def dots_data(geo: Geometry, kernels: list[np.ndarray] | None) -> dict:
    """The links' middle dots, with the weight as hover text and (layer, i, j) as data."""
    xs, ys, text, custom = [], [], [], []
    for link in geo.links():
        x0, y0, x1, y1 = geo.link_ends(*link)
        xs.append(0.5 * (x0 + x1))
        ys.append(0.5 * (y0 + y1))
        custom.append(list(link))
        if kernels is not None:
            text.append(f"w = {float(kernels[link[0]][link[1], link[2]]):.3f}")
    data = {"x": xs, "y": ys, "customdata": custom}
    return {**data, "text": text} if kernels is not None else data


def dots_text(geo: Geometry, kernels: list[np.ndarray]) -> list[str]:
    return [f"w = {float(kernels[layer][i, j]):.3f}" for layer, i, j in geo.links()]


def selected_data(geo: Geometry, link: tuple[int, int, int] | None) -> dict:
    """The ring around the selected link's dot (empty when none is selected)."""
    if link is None:
        return {"x": [], "y": []}
    x0, y0, x1, y1 = geo.link_ends(*link)
    return {"x": [0.5 * (x0 + x1)], "y": [0.5 * (y0 + y1)]}


def mosaic(geo: Geometry, tiles: list[list[np.ndarray]]) -> tuple[np.ndarray, dict]:
    """All tiles (values in [-1, 1], ``THUMB_PIXELS`` square) on one transparent image.

    Returns the RGBA pixels (row 0 = bottom) and the layout image that places them.
    """
    bottom = min(y for origins in geo.origins for _, y in origins)
    width = int(round(geo.width * PIXELS))
    height = int(round(geo.height * PIXELS)) + 2 * PIXELS
    values = np.full((height, width), np.nan, dtype=np.float32)
    for column, origins in enumerate(geo.origins):
        for row, (x, y) in enumerate(origins):
            left, low = int(round(x * PIXELS)), int(round((y - bottom) * PIXELS))
            tile = tiles[column][row]
            values[low : low + tile.shape[0], left : left + tile.shape[1]] = tile
    place = {
        "x": 0,
        "y": bottom + height / PIXELS,
        "sizex": width / PIXELS,
        "sizey": height / PIXELS,
        "sizing": "stretch",
        "xref": "x",
        "yref": "y",
        "layer": "below",
    }
    return diverging_rgb(values), place


def mosaic_layout(geo: Geometry, tiles: list[list[np.ndarray]]) -> dict:
    """The layout image (source and placement) holding every tile."""
    pixels, place = mosaic(geo, tiles)
    return {**place, "source": data_url(pixels)}


def labels_layout(geo: Geometry, column_titles: list[str], input_names: list[str]) -> dict:
    """Annotations: a title over each column and the feature names left of the inputs."""
    notes = [
        {
            "x": origins[0][0] + THUMB / 2,
            "y": geo.height + 1.2 * THUMB,
            "text": title,
            "showarrow": False,
            "font": {"size": 12},
        }
        for title, origins in zip(column_titles, geo.origins, strict=True)
    ]
    notes += [
        {
            "x": x - 0.3 * THUMB,
            "y": y + THUMB / 2,
            "text": name,
            "showarrow": False,
            "xanchor": "right",
            "font": {"size": 12},
        }
        for name, (x, y) in zip(input_names, geo.origins[0], strict=True)
    ]
    return {
        "annotations": notes,
        "xaxis": {"visible": False, "range": [-2.2 * THUMB, geo.width + 0.5 * THUMB]},
        "yaxis": {
            "visible": False,
            "range": [-0.5 * THUMB, geo.height + 2 * THUMB],
            "scaleanchor": "x",
        },
    }
