"""Lesson 02: the McCulloch-Pitts neuron (1943).

The lesson's shape, the same in every lesson package: ``texts.py`` (its words in both
languages), ``dashboard.py`` (the dashboard; its constructor builds the controls, then the
figures, lays out the page and wires the events), and, where the lesson has them,
``figures.py`` and ``exercises.py``. The Keras model lives in :mod:`widgets.models`.
"""

from .dashboard import PRESETS, McCullochPittsDashboard, preset_parameters
from .texts import TEXT

__all__ = ["PRESETS", "TEXT", "McCullochPittsDashboard", "preset_parameters"]
