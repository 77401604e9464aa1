"""Numbers for the browser: no NaN or ±inf ever leaves the kernel in a JSON message.

Jupyter messages are JSON, and JSON has no NaN or Infinity. When a message holds one,
jupyter_client's packer (8.x) warns "Message serialization failed with: Out of range float
values are not JSON compliant", walks the whole message again in Python (``json_clean``)
and sends each NaN as the *string* ``"nan"`` (``"inf"``, ``"-inf"``): the update arrives
corrupted, and a plotly range, a slider value or a number in a table would hold text. It
was seen in lesson 10, whose click layers' heatmaps have NaN on the gaps between tiles.

Plotly draws ``None`` (JSON ``null``) as a gap, exactly where NaN would be one, so:

- :func:`to_js` is plotly's own widget serializer
  (:data:`~widgets.figures.plotly_compat.PLOTLY_SERIALIZER`) that also turns every
  non-finite float into None. :class:`~widgets.figures.light.LightFigureWidget`, which
  every figure of the course is, sends its data, layout and every update through it, so
  no lesson can send a non-finite number in a figure.
- :func:`finite_or_none` does the same for data built by hand (pure ``*_data``
  functions, whose results tests read).
- :func:`finite` is for one number written into a widget (a slider, a progress bar).

Numpy arrays are checked at C speed (``np.isfinite(a).all()``) and copied only when they
hold a non-finite value. A 1-D numeric array stays a binary buffer, as plotly sends it
(not JSON: a typed array has no null, and NaN is its gap marker, which the playground's
links use); only ±inf in it becomes NaN, so that no infinity reaches plotly.js either.
"""

from __future__ import annotations

import math

import numpy as np

from .plotly_compat import UNDEFINED, UNDEFINED_JS

_PLAIN = (str, int, bool, type(None))  # exact types sent as they are


def finite(value, default=None):
    """``value`` as a float if it is a finite number, else ``default``."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return default
    return value if math.isfinite(value) else default


def _array_as_list(array: np.ndarray) -> list:
    """A float array as (nested) lists, non-finite values as None; a copy only if needed."""
    finite_mask = np.isfinite(array)
    if finite_mask.all():
        return array.tolist()
    out = array.astype(object)
    out[~finite_mask] = None
    return out.tolist()


def finite_or_none(values) -> list:
    """Numbers (a sequence or an array of any dimension) as nested lists of floats for
    plotly, where every non-finite value became None (a gap, never NaN)."""
    return _array_as_list(np.asarray(values, dtype=float))


def _buffer(array: np.ndarray) -> dict:
    """What plotly sends for a 1-D numeric array: a binary buffer, its dtype and shape."""
    return {"buffer": memoryview(array), "dtype": str(array.dtype), "shape": array.shape}


def _array_to_js(array: np.ndarray):
    kind = array.dtype.kind
    if array.ndim == 1 and kind in "uif" and array.dtype not in (np.int64, np.uint64):
        if kind == "f" and not np.isfinite(array).all():
            infinite = np.isinf(array)
            if infinite.any():
                array = np.where(infinite, np.nan, array)
        return _buffer(array)
    if kind == "f":
        return _array_as_list(array)
    if kind == "O":
        return to_js(array.tolist())
    return array.tolist()


def to_js(value, widget_manager=None):
    """plotly's serializer (dicts and lists walked, 1-D numeric arrays as binary buffers,
    plotly's ``Undefined`` as ``"_undefined_"``), with every non-finite float as None.

    Dispatching on the exact type first makes the common leaves (float, str, int) cheaper
    than in plotly's version, which tries dict, list and ndarray for each of them.
    """
    kind = type(value)
    if kind is float:
        return value if value - value == 0.0 else None  # nan - nan and inf - inf are nan
    if kind is dict:
        return {key: to_js(item) for key, item in value.items()}
    if kind is list or kind is tuple:
        return [to_js(item) for item in value]
    if kind in _PLAIN:
        return value
    if isinstance(value, np.ndarray):
        return _array_to_js(value)
    if isinstance(value, dict):
        return {key: to_js(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_js(item) for item in value]
    if value is UNDEFINED:
        return UNDEFINED_JS
    if isinstance(value, float | np.floating):
        return value if math.isfinite(value) else None
    return value
