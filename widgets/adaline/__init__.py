"""Lesson 05: ADALINE against the perceptron (1960)."""

from .dashboard import (
    TEXT,
    AdalineDashboard,
    check_critical_rate,
    check_least_squares,
    critical_learning_rate,
)

__all__ = [
    "TEXT",
    "AdalineDashboard",
    "check_critical_rate",
    "check_least_squares",
    "critical_learning_rate",
]
