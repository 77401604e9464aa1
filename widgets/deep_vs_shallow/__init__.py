"""Lesson 08: deep against shallow networks (the same parameter budget, trained side by side).

The lesson's shape (see :mod:`widgets.mcculloch_pitts`): ``texts.py`` (its words in both
languages), ``figures.py`` (the loss, function and heatmap figures and the size table),
``exercises.py`` (the auto-checked exercises) and ``dashboard.py``. The Keras model lives
in :mod:`widgets.models.depth`, the data sets in :mod:`widgets.data.depth`.
"""

from .dashboard import DEFAULT_INIT, DeepVsShallowDashboard
from .exercises import check_param_count, check_shallow_neurons
from .texts import TEXT

__all__ = [
    "DEFAULT_INIT",
    "TEXT",
    "DeepVsShallowDashboard",
    "check_param_count",
    "check_shallow_neurons",
]
