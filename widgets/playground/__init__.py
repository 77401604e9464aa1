"""Lesson 07: the network schema as a playground (TensorFlow Playground, with real Keras).

The lesson's shape, as in every lesson package: ``texts.py`` (its words in both languages),
``dashboard.py`` (the dashboard: its constructor builds the controls, then the figures,
lays out the page and wires the events), ``exercises.py``. The playground is larger than
most lessons, so its dashboard has two helpers beside it: ``controls.py`` builds the
controls and lays out the page, ``view.py`` builds the figures and draws them (with the
figure functions of ``neurons.py``, ``network_figure.py`` and ``curves.py``). The page's
state as a URL is ``state.py``; the data ``datasets.py``, ``features.py`` and ``upload.py``;
``export.py`` writes Keras code and the model file. The Keras model and its fast trainer
live in :mod:`widgets.models.playground`.

>>> from widgets.playground import PlaygroundDashboard   # doctest: +SKIP
"""

from .dashboard import PlaygroundDashboard
from .state import PRESETS, State
from .texts import TEXT

__all__ = ["PRESETS", "TEXT", "PlaygroundDashboard", "State"]
