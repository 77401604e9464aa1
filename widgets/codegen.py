"""Helpers that write Python literals for the "show the code" panels (issue 23).

The generated code must run in a fresh notebook cell and give the same numbers as the
dashboard, so floats are written with ``repr`` (shortest round-trip form, e.g. ``0.1``),
not rounded for looks.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np


def number(value: float) -> str:
    """A float or int as Python source that reads back to the same value (``1.0`` → ``1.0``,
    ``0.30000001`` of a float32 slider → its float64 repr)."""
    if isinstance(value, bool | np.bool_):
        return repr(bool(value))
    if isinstance(value, int | np.integer):
        return repr(int(value))
    return repr(float(value))


def numbers(values: Iterable[float], dtype: str = "float64") -> str:
    """``[1.0, -0.5]``: a list literal of :func:`number`; float32 values are written in
    their shortest float32 form (``0.1``, not ``0.10000000149011612``)."""
    if dtype == "float32":
        return "[" + ", ".join(_float32(v) for v in values) + "]"
    return "[" + ", ".join(number(v) for v in values) + "]"


def _float32(value: float) -> str:
    return np.format_float_positional(np.float32(value), unique=True, trim="0")


def array(values, dtype: str = "float32", indent: int = 0) -> str:
    """``np.array([...], dtype="float32")`` for a 1-D or 2-D array; 2-D rows on their own
    lines (indented by ``indent`` spaces) when there are more than four."""
    values = np.asarray(values)
    if values.ndim == 1:
        body = numbers(values.tolist(), dtype)
    elif values.ndim == 2 and len(values) <= 4:
        body = "[" + ", ".join(numbers(row, dtype) for row in values.tolist()) + "]"
    elif values.ndim == 2:
        pad = " " * (indent + 4)
        rows = "".join(f"{pad}{numbers(row, dtype)},\n" for row in values.tolist())
        body = f"[\n{rows}{' ' * indent}]"
    else:
        raise ValueError(f"array() writes 1-D or 2-D arrays, got {values.ndim}-D")
    return f'np.array({body}, dtype="{dtype}")'
