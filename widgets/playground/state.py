"""The playground's whole state as a URL query string, and lecturer presets.

Voilà passes the page's query string to the kernel in the ``QUERY_STRING`` environment
variable, so ``.../07_playground.ipynb?data=spiral&layers=8,8&hide=features`` opens the
dashboard in that state. :func:`to_query` writes only what differs from the defaults, so
links stay short. :func:`from_query` never raises: a bad value is skipped and reported,
and the dashboard shows the report (a mistyped link must not break a lecture).
"""

from __future__ import annotations

import math
import numbers
import os
from dataclasses import dataclass, field, fields, replace
from urllib.parse import parse_qs, urlencode

import numpy as np

from ..models.playground import ACTIVATIONS, OPTIMIZERS
from .datasets import DATASETS
from .features import DEFAULT_FEATURES, FEATURES

MAX_LAYERS = 6
MAX_UNITS = 8
REGULARIZATIONS = ("none", "l1", "l2")
# The parts of the dashboard a lecturer may hide with ``hide=`` or a preset.
PATIENCE = 200  # epochs without a better test loss before early stopping
SECTIONS = ("data", "features", "network", "training", "regularization", "views", "export")
RANGES = {  # name -> (low, high), inclusive
    "noise": (0, 50),
    "train": (10, 90),
    "batch": (1, 30),
    "classes": (2, 5),
    "seed": (0, 9999),
    "budget": (0, 100000),
}


@dataclass
class State:
    """Every setting a student can change, with TensorFlow Playground's defaults."""

    data: str = "circle"
    noise: int = 0
    train: int = 50
    batch: int = 10
    classes: int = 2
    seed: int = 0
    features: tuple = DEFAULT_FEATURES
    layers: tuple = (4, 2)
    acts: tuple = ("tanh", "tanh")
    dropout: tuple = (0.0, 0.0)
    lr: float = 0.03
    opt: str = "sgd"
    reg: str = "none"
    rate: float = 0.0
    discretize: bool = False
    test: bool = False
    budget: int = 0
    early: bool = False
    hide: tuple = field(default_factory=tuple)


DEFAULT = State()

# Presets for lectures: a state and the sections hidden, so the class sees only the point.
PRESETS = {
    "hidden-layer": (
        {"data": "xor", "layers": (), "acts": (), "dropout": ()},
        ("features", "regularization", "export"),
    ),
    "features": (
        {"data": "circle", "features": ("x1sq", "x2sq"), "layers": (), "acts": (), "dropout": ()},
        ("network", "regularization", "export"),
    ),
    "spiral": (
        {"data": "spiral", "layers": (8, 8), "acts": ("tanh", "tanh"), "dropout": (0.0, 0.0)},
        ("regularization",),
    ),
    "overfitting": (
        {"data": "gauss", "noise": 50, "train": 10, "layers": (8, 8, 8)}
        | {"acts": ("relu",) * 3, "dropout": (0.0,) * 3},
        ("features",),
    ),
}


def _fmt(value) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, tuple):
        return ",".join(_fmt(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def to_query(state: State) -> str:
    """``key=value&...`` for the settings that differ from the defaults."""
    pairs = {
        f.name: _fmt(getattr(state, f.name))
        for f in fields(State)
        if getattr(state, f.name) != getattr(DEFAULT, f.name)
    }
    return urlencode(pairs, safe=",")


CHOICES = {"data": DATASETS, "opt": OPTIMIZERS, "reg": REGULARIZATIONS}
LISTS = {"features": FEATURES, "acts": ACTIVATIONS, "hide": SECTIONS}
RATE_LIMIT = 100  # learning and regularisation rates: [0, RATE_LIMIT)


def allowed(name: str) -> str:
    """What ``name`` may be, in words common to both languages (the problem reports)."""
    if name in CHOICES:
        return ", ".join(CHOICES[name])
    if name in LISTS:
        return ", ".join(LISTS[name])
    if name == "layers":
        return f"0-{MAX_LAYERS} × 1-{MAX_UNITS}"
    if name == "dropout":
        return "[0, 1)"
    if name in RANGES:
        low, high = RANGES[name]
        return f"{low}-{high}"
    if name in ("discretize", "test", "early"):
        return "0, 1"
    return f"[0, {RATE_LIMIT})"


def _parse(name: str, text: str):
    """One value from its text; ValueError(:func:`allowed`) if it is not allowed."""
    try:
        return _parsed(name, text)
    except ValueError:  # e.g. int('1.5'): Python's English words would reach the page
        raise ValueError(allowed(name)) from None


def _parsed(name: str, text: str):
    default = getattr(DEFAULT, name)
    if name in CHOICES:
        return _choice(text, CHOICES[name])
    if name in LISTS:
        return tuple(_choice(t, LISTS[name]) for t in _items(text))
    if name == "layers":
        return _layers(int(t) for t in _items(text))
    if name == "dropout":
        return _dropout(float(t) for t in _items(text))
    if isinstance(default, bool):
        return _choice(text, ("0", "1")) == "1"
    if isinstance(default, int):
        return _in_range(name, int(text))
    return _rate(float(text))


def check(name: str, value):
    """A setting given from code (``configure``), checked as strictly as from a URL.

    Returns the value as the state holds it; ValueError(:func:`allowed`) if it is not
    allowed: an unknown name, a wrong type (``True`` or ``2.5`` for a whole number, a
    string for a number), or a value out of range.
    """
    if name not in {f.name for f in fields(State)}:
        raise ValueError(", ".join(f.name for f in fields(State)))
    try:
        return _checked(name, value)
    except (TypeError, ValueError, OverflowError):
        raise ValueError(allowed(name)) from None


def _checked(name: str, value):
    default = getattr(DEFAULT, name)
    if name in CHOICES:
        return _choice(value, CHOICES[name])
    if name in LISTS:
        items = _items(value) if isinstance(value, str) else list(value)
        return tuple(_choice(item, LISTS[name]) for item in items)
    if name == "layers":
        return _layers(_whole(u) for u in value)
    if name == "dropout":
        return _dropout(_real(r) for r in value)
    if isinstance(default, bool):
        if isinstance(value, bool | np.bool_) or (_is_whole(value) and value in (0, 1)):
            return bool(value)
        raise ValueError(name)
    if isinstance(default, int):
        return _in_range(name, _whole(value))
    return _rate(_real(value))


def _is_whole(value) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool | np.bool_)


def _whole(value) -> int:
    """An integer, or a float with no fractional part; not a bool, not a string."""
    if _is_whole(value):
        return int(value)
    if isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_):
        if math.isfinite(value) and float(value).is_integer():
            return int(value)
    raise ValueError(value)


def _real(value) -> float:
    if isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_):
        return float(value)
    raise ValueError(value)


def _in_range(name: str, value: int) -> int:
    low, high = RANGES[name]
    if not low <= value <= high:
        raise ValueError(name)
    return value


def _layers(units) -> tuple:
    units = tuple(units)
    if len(units) > MAX_LAYERS or any(not 1 <= u <= MAX_UNITS for u in units):
        raise ValueError("layers")
    return units


def _dropout(rates) -> tuple:
    rates = tuple(rates)
    if any(not 0 <= r < 1 for r in rates):  # also refuses nan
        raise ValueError("dropout")
    return rates


def _rate(value: float) -> float:
    if not (value >= 0 and value < RATE_LIMIT):  # also refuses nan
        raise ValueError("rate")
    return value


def _items(text: str) -> list[str]:
    return [t for t in text.split(",") if t]


def _choice(text, allowed_values) -> str:
    if not isinstance(text, str) or text not in allowed_values:
        raise ValueError(", ".join(allowed_values))
    return text


def from_query(query: str) -> tuple[State, list[str]]:
    """The state a query string asks for, and the problems found (``key=value: allowed``)."""
    state, problems = State(), []
    values = {
        key: items[-1] for key, items in parse_qs(query or "", keep_blank_values=True).items()
    }
    preset = values.pop("preset", None)
    if preset is not None:
        if preset in PRESETS:
            changes, hidden = PRESETS[preset]
            state = replace(state, **changes, hide=hidden)
        else:
            problems.append(f"preset={preset}: {', '.join(PRESETS)}")
    for key, text in values.items():
        if key not in {f.name for f in fields(State)}:
            problems.append(f"{key}: ?")
            continue
        try:
            state = replace(state, **{key: _parse(key, text)})
        except ValueError as error:
            problems.append(f"{key}={text}: {error}")
    return _consistent(state, problems), problems


def _consistent(state: State, problems: list[str]) -> State:
    """Per-layer lists padded or cut to the number of layers; at least one feature."""
    n = len(state.layers)
    acts = (state.acts + ("tanh",) * n)[:n] if state.acts else ("tanh",) * n
    dropout = (state.dropout + (0.0,) * n)[:n]
    features = state.features or DEFAULT_FEATURES
    if not state.features:
        problems.append(f"features=: {allowed('features')}")
    return replace(state, acts=acts, dropout=dropout, features=features)


def query_from_environment() -> str:
    """The page's query string inside Voilà ('' elsewhere).

    A pre-heated Voilà kernel runs the notebook before anyone asks for the page; Voilà's
    ``wait_for_request`` blocks until the visitor's request has set ``QUERY_STRING``.
    """
    if os.environ.get("VOILA_PREHEAT") == "True":
        from voila.utils import wait_for_request

        wait_for_request()
    return os.environ.get("QUERY_STRING", "")
