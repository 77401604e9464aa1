"""Lesson 09: the Keras workflow on MNIST (define, compile, fit, evaluate, predict).

The lesson's shape (see :mod:`widgets.mcculloch_pitts`): ``texts.py`` (its words in both
languages), ``exercises.py`` and ``dashboard.py``; the dashboard's steps are panels, one
module each (``define.py``, ``compile_fit.py``, ``evaluate.py``, ``predict.py``,
``code.py``, ``cheatsheet.py``). The Keras model lives in :mod:`widgets.models.mlp`.

>>> from widgets.keras_workflow import KerasWorkflowDashboard
>>> dashboard = KerasWorkflowDashboard(lang="pl")   # doctest: +SKIP
"""

from .dashboard import KerasWorkflowDashboard
from .exercises import check_param_count, check_small_model
from .texts import TEXT

__all__ = ["TEXT", "KerasWorkflowDashboard", "check_param_count", "check_small_model"]
