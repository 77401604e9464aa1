"""Lesson 13: restricted Boltzmann machines (RBM), contrastive divergence, Gibbs sampling.

The lesson's shape (see :mod:`widgets.mcculloch_pitts`): ``texts.py`` (its words in both
languages, the model's messages too), ``figures.py`` (the receptive-field mosaic, the
curves, the histograms, the hidden probabilities, the Gibbs chain), ``exercises.py`` (the
auto-checked exercises) and ``dashboard.py``. The Keras model lives in
:mod:`widgets.models.rbm`; the exact bars-and-stripes case in :mod:`widgets.rbm_exact` and
the deep belief network in :mod:`widgets.dbn`.
"""

from .dashboard import RbmDashboard
from .texts import TEXT

__all__ = ["TEXT", "RbmDashboard"]
