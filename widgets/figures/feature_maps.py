"""Feature maps as images: the rasters and mosaics both dashboards of lesson 10 draw
(the convolution by hand, :mod:`widgets.convolution.figures`; the CNN,
:mod:`widgets.cnn.figures`), and the new lessons that show a network's maps.

Every map is a *raster*: a PNG drawn as a plotly layout image over one subplot, not a
heatmap trace. New heatmap values make plotly.js redraw the whole figure (20-24 ms for
five mosaics in headless Chromium), a new image source only the images (2 ms); on a
2-core machine where the browser and TensorFlow share the CPU, that is what lets the views
refresh twice a second without slowing the training (see ``png.py``).

Many small maps are tiled into ONE raster (a mosaic with transparent gaps): a layer of 16
maps is one image. Each tile is scaled on its own, so a weak map is as visible as a strong
one; a transparent heatmap of tile numbers lies over each mosaic of the CNN's layers
figure, and :func:`tile_at` turns a click on it back into a map number.

A figure is built once with :func:`square_axes` and :func:`blank_images`; ``raster`` is
pure (tests assert on it) and :func:`draw_rasters` writes rasters in, in one message.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from .live import updating
from .png import image_url
from .style import base_layout

MAX_TILES = 16  # maps shown per layer (memory and message size; see module docstring)
DIVERGING = "RdBu_r"  # negative blue, positive red, 0 white: signed kernels and sums
POSITIVE = "Viridis"
IMAGE_SCALE = "Greys"


def _axis(**extra) -> dict:
    # A thin frame: a white image background would otherwise have no visible edge.
    return {
        "showticklabels": False,
        "showgrid": False,
        "zeroline": False,
        "ticks": "",
        "showline": True,
        "mirror": True,
        "linecolor": "#bbbbbb",
        **extra,
    }


def _suffix(col: int) -> str:
    return "" if col == 1 else str(col)


def square_axes(count: int, titles: Sequence[str] = (), unit: bool = False) -> dict:
    """Layout for ``count`` raster subplots: no ticks, rows downward, square pixels; each
    of ``titles`` above its subplot. Ranges are set by :func:`draw_rasters`, or fixed to
    the unit square when ``unit`` (see :func:`draw_rasters`)."""
    x_range, y_range = ([0, 1], [1, 0]) if unit else ([-0.5, 0.5], [0.5, -0.5])
    layout = {}
    for i in range(1, count + 1):
        title = (
            {"text": titles[i - 1], "standoff": 6, "font": {"size": 13}}
            if i <= len(titles)
            else None
        )
        s = _suffix(i)
        layout[f"xaxis{s}"] = _axis(constrain="domain", side="top", title=title, range=x_range)
        layout[f"yaxis{s}"] = _axis(scaleanchor=f"x{s}", constrain="domain", range=y_range)
    return layout


#: A subplot with nothing to show (a pooling map has no kernels).
EMPTY = {"source": "", "rows": 1, "cols": 1}


def raster(values, colorscale: str, zmin: float, zmax: float) -> dict:
    """One subplot's image: ``values`` (row 0 on top, NaN transparent) in ``colorscale``
    from ``zmin`` to ``zmax``, with its size in cells."""
    values = np.asarray(values, dtype=np.float32)
    rows, cols = values.shape
    return {"source": image_url(values, colorscale, zmin, zmax), "rows": rows, "cols": cols}


def _image(col: int, panel: dict, unit: bool = False) -> dict:
    s = _suffix(col)
    return {
        "source": panel["source"],
        "xref": f"x{s}",
        "yref": f"y{s}",
        "x": 0 if unit else -0.5,
        "y": 0 if unit else -0.5,
        "sizex": 1 if unit else panel["cols"],
        "sizey": 1 if unit else panel["rows"],
        "sizing": "stretch",
        "xanchor": "left",
        "yanchor": "top",
        "layer": "below",
    }


def blank_images(count: int, unit: bool = False) -> list[dict]:
    return [_image(col, EMPTY, unit) for col in range(1, count + 1)]


def raster_layout(count: int, titles: Sequence[str] = (), unit: bool = False, **layout) -> dict:
    """The layout of a figure of ``count`` raster subplots (see :func:`square_axes`): thin
    margins, a blank image a subplot, and ``layout`` (size, title, shapes…)."""
    margin = {"l": 10, "r": 10, "t": 40, "b": 10}
    return {
        **base_layout(margin=margin, images=blank_images(count, unit), **layout),
        **square_axes(count, titles, unit),
    }


def draw_rasters(
    figure, panels: Sequence[dict | None], shapes: list[dict] | None = None, unit: bool = False
) -> None:
    """Write ``panels`` (one per subplot, None = leave it) and ``shapes`` in one message.

    Axis ranges follow a panel's size only when it changes (an architecture change). With
    ``unit`` every subplot stays the unit square and each (square) image is stretched to
    fill it: a new size then moves no axis, which cost the page 15 ms more a redraw
    (headless Chromium) on every stride or padding change.
    """
    with updating(figure):
        images = [image.to_plotly_json() for image in figure.layout.images]
        new = list(images)
        for col, panel in enumerate(panels, start=1):
            if panel is None:
                continue
            new[col - 1] = _image(col, panel, unit)
            if unit:
                continue
            s = _suffix(col)
            x_range, y_range = [-0.5, panel["cols"] - 0.5], [panel["rows"] - 0.5, -0.5]
            if list(figure.layout[f"xaxis{s}"].range) != x_range:
                figure.layout[f"xaxis{s}"].range = x_range
            if list(figure.layout[f"yaxis{s}"].range) != y_range:
                figure.layout[f"yaxis{s}"].range = y_range
        if new != images:
            figure.layout.images = new
        if shapes is not None and [s.to_plotly_json() for s in figure.layout.shapes] != shapes:
            figure.layout.shapes = shapes


def panel_pixels(figure, col: int):
    """The RGBA pixels subplot ``col`` shows, one per cell (for tests)."""
    from .png import decode_image_url

    return decode_image_url(figure.layout.images[col - 1].source)


# ------------------------------------------------------------------------- mosaics


def mosaic_shape(count: int, size: int, cols: int) -> tuple[int, int]:
    """Rows and columns of pixels of a mosaic of ``count`` ``size``×``size`` tiles."""
    rows = math.ceil(count / cols)
    return rows * (size + 1) - 1, min(count, cols) * (size + 1) - 1


def mosaic(maps, cols: int = 8, signed: bool = False, limit: int = MAX_TILES) -> np.ndarray:
    """Tile up to ``limit`` maps ``(n, h, w)`` into one array with NaN gaps of one pixel.

    Each tile is scaled on its own: to [-1, 1] by its largest absolute value when
    ``signed`` (kernels), to [0, 1] by its maximum otherwise (ReLU maps).
    """
    maps = np.asarray(maps, dtype=float)[:limit]
    n, h, w = maps.shape
    cols = max(1, min(cols, n))
    rows = math.ceil(n / cols)
    out = np.full((rows * (h + 1) - 1, cols * (w + 1) - 1), np.nan)
    for i, tile in enumerate(maps):
        scale = float(np.abs(tile).max()) if signed else float(tile.max() - min(tile.min(), 0))
        tile = tile / scale if scale > 0 else tile * 0
        r, c = divmod(i, cols)
        out[r * (h + 1) : r * (h + 1) + h, c * (w + 1) : c * (w + 1) + w] = tile
    return out


def tile_at(x: float, y: float, size: int, cols: int, count: int) -> int | None:
    """The map number under mosaic pixel (x, y), or None on a gap or outside."""
    col, dx = divmod(int(round(x)), size + 1)
    row, dy = divmod(int(round(y)), size + 1)
    if dx == size or dy == size or col >= cols:
        return None
    index = row * cols + col
    return index if 0 <= index < count else None


def tile_numbers(count: int, size: int, cols: int) -> np.ndarray:
    """A mosaic's shape filled with each tile's map number (NaN on the gaps; send it
    through :func:`widgets.figures.finite.finite_or_none`, which makes them None)."""
    cols = max(1, min(cols, count))
    out = np.full(mosaic_shape(count, size, cols), np.nan, dtype=np.float32)
    for i in range(count):
        r, c = divmod(i, cols)
        out[r * (size + 1) : r * (size + 1) + size, c * (size + 1) : c * (size + 1) + size] = i
    return out
