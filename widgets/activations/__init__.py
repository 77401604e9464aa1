"""Lesson 06: activation functions and a single neuron.

``texts.py`` holds its words in both languages, ``exercises.py`` the checks of the
notebook's exercises and ``dashboard.py`` the dashboard. Its figures are drawn by
:mod:`widgets.figures.curves`, its Keras code lives in :mod:`widgets.models.activations`.
"""

from .dashboard import ActivationsDashboard, ActivationsError
from .exercises import check_derivative, check_softmax
from .texts import TEXT

__all__ = ["TEXT", "ActivationsDashboard", "ActivationsError", "check_derivative", "check_softmax"]
