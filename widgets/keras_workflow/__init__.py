"""Lesson 09: the Keras workflow on MNIST (define, compile, fit, evaluate, predict).

>>> from widgets.keras_workflow import KerasWorkflowDashboard
>>> dashboard = KerasWorkflowDashboard(lang="pl")   # doctest: +SKIP
"""

from .dashboard import KerasWorkflowDashboard
from .exercises import check_param_count, check_small_model

__all__ = ["KerasWorkflowDashboard", "check_param_count", "check_small_model"]
