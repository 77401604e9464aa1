"""Lesson 03: Hebb's rule (1949)."""

from .dashboard import *  # noqa: F403
from .dashboard import TEXT, HebbDashboard, check_first_two, check_hebb_fails
