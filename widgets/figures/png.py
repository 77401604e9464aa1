"""Heatmaps as small PNG images, for plotly layout images instead of heatmap traces.

Measured in Voilà and headless Chromium on the course machine: redrawing the playground's
output as a heatmap trace made plotly recalculate the whole plot, 500 points included, and
the page drew 1-8 frames a second. A layout image whose ``source`` changes is redrawn alone
(plotly calls that edit "arraydraw"), and a 50 × 50 PNG is a few kB. For five feature-map
mosaics, new ``z`` cost the page 20-24 ms a redraw (plotly redraws axes, drag boxes and
every trace), new image sources 2 ms (measured in headless Chromium, plotly.js 2.35).

Two orientations: :func:`data_url` takes pixels whose row 0 is the *bottom* (a plane with
y up, the playground); :func:`image_url` takes row 0 at the *top* (an image or a mosaic on
a reversed y axis, the CNN lessons), coloured with a plotly colour scale.
"""

from __future__ import annotations

import base64
import functools
import struct
import zlib

import numpy as np

# Playground colours: orange for -1, white-ish for 0, blue for +1.
NEGATIVE_RGB = np.array([245, 147, 34], dtype=np.float64)
MIDDLE_RGB = np.array([247, 247, 247], dtype=np.float64)
POSITIVE_RGB = np.array([8, 119, 189], dtype=np.float64)


def _diverging_table(levels: int = 256) -> np.ndarray:
    """RGBA colours of ``levels`` values from -1 to 1, plus a transparent one for NaN."""
    v = np.linspace(-1.0, 1.0, levels)[:, None]
    rgb = np.where(v < 0, MIDDLE_RGB + (NEGATIVE_RGB - MIDDLE_RGB) * -v,
                   MIDDLE_RGB + (POSITIVE_RGB - MIDDLE_RGB) * v)  # fmt: skip
    table = np.concatenate([rgb.round(), np.full((levels, 1), 255.0)], axis=1)
    return np.vstack([table, np.zeros((1, 4))]).astype(np.uint8)


_TABLE = _diverging_table()


def _lookup(table: np.ndarray, values, low: float, high: float) -> np.ndarray:
    """Values as the colours of ``table`` (its last row, transparent, for NaN): ``low``
    gets the first colour, ``high`` the last. A table lookup, because a frame colours tens
    of thousands of pixels."""
    levels = len(table) - 1
    values = np.asarray(values, dtype=np.float32)
    position = np.clip((values - low) / ((high - low) or 1.0), 0.0, 1.0) * (levels - 1)
    index = np.where(np.isnan(values), levels, np.rint(np.nan_to_num(position)))
    return table[index.astype(np.intp)]


def diverging_rgb(values: np.ndarray) -> np.ndarray:
    """Values in [-1, 1] (NaN = transparent) as RGBA uint8 pixels, same shape + (4,)."""
    return _lookup(_TABLE, values, -1.0, 1.0)


def palette_rgb(indices: np.ndarray, colours: list[str]) -> np.ndarray:
    """Integer class indices as RGBA pixels from ``#rrggbb`` colours."""
    table = np.array([[int(c[i : i + 2], 16) for i in (1, 3, 5)] + [255] for c in colours])
    return table[np.asarray(indices, dtype=int)].astype(np.uint8)


def encode_png(pixels: np.ndarray) -> bytes:
    """An (h, w, 4) uint8 RGBA array as PNG bytes (row 0 is the top of the image)."""
    height, width, _ = pixels.shape
    raw = np.concatenate(
        [np.zeros((height, 1), dtype=np.uint8), pixels.reshape(height, width * 4)], axis=1
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw.tobytes(), 1))  # speed over size
        + chunk(b"IEND", b"")
    )


def _url(pixels: np.ndarray) -> str:
    """``data:image/png;base64,...`` of RGBA pixels whose row 0 is the top."""
    return "data:image/png;base64," + base64.b64encode(encode_png(pixels)).decode()


def data_url(pixels: np.ndarray) -> str:
    """The PNG data URL of RGBA pixels whose row 0 is the *bottom* (y up)."""
    return _url(pixels[::-1])


def decode_data_url(url: str) -> np.ndarray:
    """The RGBA pixels of a :func:`data_url` (row 0 = bottom again), for tests."""
    png = base64.b64decode(url.split(",", 1)[1])
    width, height = struct.unpack(">II", png[16:24])
    position, data = 8, b""
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind = png[position + 4 : position + 8]
        if kind == b"IDAT":
            data += png[position + 8 : position + 8 + length]
        position += 12 + length
    rows = np.frombuffer(zlib.decompress(data), dtype=np.uint8).reshape(height, 1 + 4 * width)
    return rows[:, 1:].reshape(height, width, 4)[::-1]


# ------------------------------------------------------------------ images, row 0 on top


@functools.lru_cache(maxsize=16)
def colour_table(colorscale: str | tuple, levels: int = 256) -> np.ndarray:
    """RGBA colours of ``levels`` values along a plotly colour scale (a name, or a tuple of
    ``(position, colour)`` pairs: hashable, for the cache), plus a transparent one for NaN
    (the same colours plotly gives a heatmap with that scale)."""
    from plotly.colors import sample_colorscale, unlabel_rgb

    scale = colorscale if isinstance(colorscale, str) else [list(pair) for pair in colorscale]
    colours = sample_colorscale(scale, list(np.linspace(0.0, 1.0, levels)))
    rgb = np.array([unlabel_rgb(c) for c in colours], dtype=np.float64).round()
    table = np.concatenate([rgb, np.full((levels, 1), 255.0)], axis=1)
    return np.vstack([table, np.zeros((1, 4))]).astype(np.uint8)


def scale_rgb(values, colorscale: str | tuple, zmin: float, zmax: float) -> np.ndarray:
    """Values as RGBA pixels: ``zmin`` gets the scale's first colour, ``zmax`` its last,
    NaN is transparent (a gap between mosaic tiles)."""
    return _lookup(colour_table(colorscale), values, zmin, zmax)


def image_url(values, colorscale: str, zmin: float, zmax: float) -> str:
    """``data:image/png`` of ``values`` (row 0 on top) in ``colorscale``, one pixel a value.

    The browser would smooth a 28 × 28 image drawn 200 px wide into a blur: pages that show
    such images add :data:`SHARP_IMAGES_CSS`. Enlarging them here instead (repeated
    pixels) made the messages 5-10 times larger and cost the kernel and the page more at
    every refresh while a CNN trains.
    """
    return _url(scale_rgb(values, colorscale, zmin, zmax))


#: Draws the images of plotly figures inside an element of class ``dl-sharp-images`` with
#: square pixels (put it in an HTML widget of the dashboard; it applies to the page).
SHARP_IMAGES_CSS = (
    "<style>.dl-sharp-images .js-plotly-plot image{image-rendering:pixelated}</style>"
)


def decode_image_url(url: str) -> np.ndarray:
    """The RGBA pixels of an :func:`image_url` (row 0 on top); for tests."""
    return decode_data_url(url)[::-1]
