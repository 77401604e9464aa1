"""Lesson 13, the deep belief network: two RBMs stacked greedily on binarized digits, what
the second layer's units respond to, and a linear classifier on raw pixels vs RBM vs DBN
features (optionally the whole net fine-tuned by backpropagation).

``texts.py`` (its words in both languages), ``figures.py`` and ``dashboard.py``; the Keras
models live in :mod:`widgets.models.rbm`.
"""

from .dashboard import DbnDashboard
from .texts import TEXT

__all__ = ["TEXT", "DbnDashboard"]
