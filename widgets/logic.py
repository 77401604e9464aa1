"""Boolean functions of a few binary inputs: truth-table rows and their common names.

Pure Python, no TensorFlow: used to name what a neuron computes and to check exercises.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

import numpy as np

Row = tuple[int, ...]


def input_rows(n_inputs: int) -> np.ndarray:
    """All 2**n binary input rows in truth-table order (000, 001, 010, ...), as float32."""
    if not 1 <= n_inputs <= 4:
        raise ValueError(f"n_inputs must be between 1 and 4, got {n_inputs}")
    return np.array(list(itertools.product((0, 1), repeat=n_inputs)), dtype=np.float32)


def _named_functions(n: int) -> dict[str, Callable[[Row], bool]]:
    """Functions worth a name for ``n`` inputs, most familiar first (first match wins)."""
    names: dict[str, Callable[[Row], bool]] = {
        "FALSE": lambda r: False,
        "TRUE": lambda r: True,
        "AND": lambda r: all(r),
        "OR": lambda r: any(r),
        "NAND": lambda r: not all(r),
        "NOR": lambda r: not any(r),
        "XOR": lambda r: sum(r) % 2 == 1,
        "XNOR": lambda r: sum(r) % 2 == 0,
    }
    if n == 3:
        names["MAJORITY"] = lambda r: sum(r) >= 2
        names["MINORITY"] = lambda r: sum(r) < 2
    for i in range(n):
        names[f"x{i + 1}"] = lambda r, i=i: bool(r[i])
        names[f"NOT x{i + 1}"] = lambda r, i=i: not r[i]
    if n == 2:
        names["x1 AND NOT x2"] = lambda r: bool(r[0] and not r[1])
        names["NOT x1 AND x2"] = lambda r: bool(r[1] and not r[0])
        names["x1 OR NOT x2"] = lambda r: bool(r[0] or not r[1])
        names["NOT x1 OR x2"] = lambda r: bool(r[1] or not r[0])
    return names


def truth_vector(name: str, n_inputs: int) -> np.ndarray:
    """The outputs (0/1, float32) of the named function on :func:`input_rows`."""
    functions = _named_functions(n_inputs)
    if name not in functions:
        raise ValueError(f"No function {name!r} for {n_inputs} inputs; known: {list(functions)}")
    rows = input_rows(n_inputs).astype(int)
    return np.array([functions[name](tuple(r)) for r in rows], dtype=np.float32)


def name_of(outputs: Sequence[float], n_inputs: int) -> str | None:
    """The common name of the function with these outputs, or None if it has none."""
    outputs = np.asarray(outputs, dtype=np.float32).ravel()
    for name in _named_functions(n_inputs):
        if np.array_equal(truth_vector(name, n_inputs), outputs):
            return name
    return None


def linearly_separable_count(n_inputs: int) -> int:
    """How many of the 2**(2**n) functions one threshold unit can compute (2 inputs: 14)."""
    known = {1: 4, 2: 14, 3: 104, 4: 1882}  # threshold functions, OEIS A000609
    return known[n_inputs]
