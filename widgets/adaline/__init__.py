"""Lesson 05: ADALINE against the perceptron (1960)."""

from .dashboard import AdalineDashboard
from .exercises import check_critical_rate, check_least_squares, critical_learning_rate
from .texts import TEXT

__all__ = [
    "TEXT",
    "AdalineDashboard",
    "check_critical_rate",
    "check_least_squares",
    "critical_learning_rate",
]
