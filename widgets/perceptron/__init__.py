"""Lesson 04: Rosenblatt's perceptron (1957), the learning rule step by step.

The lesson's shape, as in every lesson package: ``texts.py`` (its words in both
languages), ``dashboard.py`` (the dashboard: build controls, build figures, lay out,
wire), ``figures.py`` (the input plane and the shapes of each step), ``readout.py`` (what
is written beside the plane at each step) and ``exercises.py`` (the auto-checked rule).
The Keras perceptron lives in :mod:`widgets.models.perceptron`.
"""

from .dashboard import (
    DEFAULT_MARGIN,
    DEFAULT_POINTS,
    DEFAULT_SEED,
    MAX_POINTS,
    PerceptronDashboard,
    make_data,
)
from .exercises import check_update, reference_update
from .figures import CLICK_TRACE, POINTS_TRACE, arrow_scale, box_of, step_drawing
from .texts import EXERCISE_TEXT, TEXT

__all__ = [
    "CLICK_TRACE",
    "DEFAULT_MARGIN",
    "DEFAULT_POINTS",
    "DEFAULT_SEED",
    "EXERCISE_TEXT",
    "MAX_POINTS",
    "POINTS_TRACE",
    "TEXT",
    "PerceptronDashboard",
    "arrow_scale",
    "box_of",
    "check_update",
    "make_data",
    "reference_update",
    "step_drawing",
]
