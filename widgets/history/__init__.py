"""Lesson 01: the history of neural networks, an interactive timeline."""

from .dashboard import *  # noqa: F403
from .dashboard import TEXT, HistoryDashboard
