"""Lesson 10, part 2: a CNN trains in front of the student, and is compared with the MLP."""

from .dashboard import TEXT, CnnDashboard

__all__ = ["TEXT", "CnnDashboard"]
