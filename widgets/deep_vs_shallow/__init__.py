"""Lesson 08: deep against shallow networks (the same parameter budget, trained side by side)."""

from .dashboard import DeepVsShallowDashboard, check_param_count, check_shallow_neurons

__all__ = ["DeepVsShallowDashboard", "check_param_count", "check_shallow_neurons"]
