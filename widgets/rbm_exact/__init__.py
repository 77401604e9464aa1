"""Lesson 13, the exact case: an RBM on 4×4 bars and stripes, small enough to compute its
partition function Z, its p(v) of every pattern and the exact log-likelihood as it learns.

``texts.py`` (its words in both languages), ``figures.py`` (the log-likelihood curve, p(v)
as bars under the patterns, framed Gibbs samples), ``exercises.py`` (the free energy in
numpy) and ``dashboard.py``. The Keras model lives in :mod:`widgets.models.rbm`.
"""

from .dashboard import BarsStripesDashboard
from .exercises import check_free_energy, exercise_pattern, exercise_rbm
from .texts import TEXT

__all__ = [
    "TEXT",
    "BarsStripesDashboard",
    "check_free_energy",
    "exercise_pattern",
    "exercise_rbm",
]
