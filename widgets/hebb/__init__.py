"""Lesson 03: Hebb's rule (1949), Δw = η·x·y, step by step.

``texts.py`` holds the words, ``figures.py`` the plane, the norm plot and the table,
``dashboard.py`` the dashboard and ``exercises.py`` the notebook's checks. The Keras
model lives in :mod:`widgets.models.hebb`.
"""

from .dashboard import ENCODING_NAMES, GATES, HebbDashboard, check_learning_rate
from .exercises import check_first_two, check_hebb_fails
from .figures import NORM_EPOCHS, NORM_LINE, NORM_NOW
from .texts import TEXT

__all__ = [
    "ENCODING_NAMES",
    "GATES",
    "NORM_EPOCHS",
    "NORM_LINE",
    "NORM_NOW",
    "TEXT",
    "HebbDashboard",
    "check_first_two",
    "check_hebb_fails",
    "check_learning_rate",
]
