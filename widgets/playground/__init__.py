"""Lesson 07: the network schema as a playground (TensorFlow Playground, with real Keras).

>>> from widgets.playground import PlaygroundDashboard   # doctest: +SKIP
"""

from .dashboard import PlaygroundDashboard

__all__ = ["PlaygroundDashboard"]
