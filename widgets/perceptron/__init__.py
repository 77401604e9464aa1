"""Lesson 04: Rosenblatt's perceptron (1957), the learning rule step by step."""

from .dashboard import (
    CLICK_TRACE,
    DEFAULT_MARGIN,
    DEFAULT_SEED,
    POINTS_TRACE,
    TEXT,
    PerceptronDashboard,
    arrow_scale,
    check_update,
    reference_update,
    step_drawing,
)

__all__ = [
    "CLICK_TRACE",
    "DEFAULT_MARGIN",
    "DEFAULT_SEED",
    "POINTS_TRACE",
    "TEXT",
    "PerceptronDashboard",
    "arrow_scale",
    "check_update",
    "reference_update",
    "step_drawing",
]
