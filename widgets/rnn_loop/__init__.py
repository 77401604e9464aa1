"""Lesson 11, part 1: the loop unrolled in time, and why a plain RNN forgets.

``texts.py`` holds its words in both languages, ``figures.py`` the unrolled network (SVG)
and the plots, ``exercises.py`` the checks of the notebook's exercises and
``dashboard.py`` the two dashboards. Its Keras code lives in
:mod:`widgets.models.recurrence`.
"""

from .dashboard import GradientDashboard, RecurrenceDashboard, RnnLoopError, parse_sequence
from .exercises import H3_TASK, check_h3, check_unroll
from .texts import TEXT

__all__ = [
    "H3_TASK",
    "TEXT",
    "GradientDashboard",
    "RecurrenceDashboard",
    "RnnLoopError",
    "check_h3",
    "check_unroll",
    "parse_sequence",
]
