"""Lesson 05: ADALINE against the perceptron (1960).

``texts.py`` (its words in both languages), ``figures.py`` (the planes, curves and HTML
views), ``exercises.py`` (the auto-checked exercises) and ``dashboard.py`` (the
dashboard). The Keras model and the learning rules live in :mod:`widgets.models.adaline`.
"""

from .dashboard import AdalineDashboard, Run
from .exercises import check_critical_rate, check_least_squares, critical_learning_rate
from .texts import TEXT

__all__ = [
    "TEXT",
    "AdalineDashboard",
    "Run",
    "check_critical_rate",
    "check_least_squares",
    "critical_learning_rate",
]
