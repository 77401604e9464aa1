"""Keras/TensorFlow models and learning rules of the lessons. No module here imports
ipywidgets or figures.

A dashboard imports its model module at the top of its file, as any Python module would::

    from ..models import mcculloch_pitts as mcp

Most modules here import Keras when they load, and ``import tensorflow`` takes seconds: a
dashboard shows its controls first and imports TensorFlow in the background (see
:mod:`widgets.backend`). So ``from widgets.models import x`` gives a stand-in that loads the
real module at its first use (:class:`LazyModule`), which a dashboard reaches only in
``_build_model`` or later, when Keras is there. ``import widgets.models.x`` loads at once.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

_SUBMODULES = frozenset(info.name for info in pkgutil.iter_modules(__path__))


class LazyModule(ModuleType):
    """A module that is imported the first time one of its names is read."""

    def __init__(self, name: str):
        super().__init__(name)
        self.__dict__["_real_name"] = name

    def __getattr__(self, attribute: str):
        module = importlib.import_module(self.__dict__["_real_name"])
        return getattr(module, attribute)

    def __dir__(self):
        return dir(importlib.import_module(self.__dict__["_real_name"]))


def __getattr__(name: str) -> ModuleType:
    if name in _SUBMODULES:
        return LazyModule(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
